#include "threadingserver.h"

#include <cerrno>
#include <ctime>

void ThreadingServer::serveForever()
{
    while (!stopping()) {
        m_workers.joinFinished();
        if (!waitForRoom())
            break;
        Address peer;
        SocketError error;
        Socket connection = m_listener.accept(&peer, &error);
        if (error) {
            if (stopping())
                break;
            if (error.code == EMFILE || error.code == ENFILE) {
                timespec pause{ 0, 100'000'000 };
                ::nanosleep(&pause, nullptr);
            }
            continue;
        }
        const quint32 id = nextConnectionId();
        connectionStarted();
        registerConnection(id, connection.fileno());
        const Tracer tracer = tracerFor(Actor::Worker, ++m_lastWorker, id);
        // The accepted socket moves into the thread that owns it from now on (as Python's
        // process_request_thread does); the server thread goes straight back to accept().
        m_workers.start([this, tracer, peer, socket = std::move(connection)]() mutable {
            tracer.record(Call::ThreadStart, Phase::Info);
            serveConnection(socket, peer, tracer);
            connectionDone();
            tracer.record(Call::ThreadExit, Phase::Info);
        });
    }
}

void ThreadingServer::stopWorkers()
{
    m_workers.joinAll();
}

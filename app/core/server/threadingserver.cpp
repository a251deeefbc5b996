#include "threadingserver.h"

#include <cerrno>
#include <ctime>

void ThreadingServer::serveForever()
{
    while (!stopping()) {
        joinFinished();
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
        Worker &worker = m_workers.emplace_back();
        // The accepted socket moves into the thread that owns it from now on (as Python's
        // process_request_thread does); the server thread goes straight back to accept().
        worker.thread = std::thread(
                [this, &worker, tracer, peer](Socket socket) {
                    tracer.record(Call::ThreadStart, Phase::Info);
                    serveConnection(socket, peer, tracer);
                    connectionDone();
                    tracer.record(Call::ThreadExit, Phase::Info);
                    worker.done.store(true, std::memory_order_release);
                },
                std::move(connection));
    }
}

void ThreadingServer::joinFinished()
{
    for (auto it = m_workers.begin(); it != m_workers.end();) {
        if (it->done.load(std::memory_order_acquire)) {
            it->thread.join();
            it = m_workers.erase(it);
        } else {
            ++it;
        }
    }
}

void ThreadingServer::stopWorkers()
{
    for (Worker &worker : m_workers)
        worker.thread.join();
    m_workers.clear();
}

#include "threadingserver.h"

void ThreadingServer::serveForever()
{
    serveStream();
}

void ThreadingServer::serviceActions()
{
    m_workers.joinFinished();
}

bool ThreadingServer::processRequest(Socket connection, const Address &peer, quint32 id)
{
    registerConnection(id, connection.fileno());
    const Tracer tracer = tracerFor(Actor::Worker, ++m_lastWorker, id);
    // ThreadingMixIn.process_request(): the accepted socket moves into the thread that owns it
    // from now on (process_request_thread); the server thread goes straight back to accept().
    m_workers.start([this, tracer, peer, socket = std::move(connection)]() mutable {
        tracer.record(Call::ThreadStart, Phase::Info);
        serveConnection(socket, peer, tracer);
        connectionDone();
        tracer.record(Call::ThreadExit, Phase::Info);
    });
    return true;
}

void ThreadingServer::stopWorkers()
{
    m_workers.joinAll();
}

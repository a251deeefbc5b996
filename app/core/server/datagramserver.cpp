#include "datagramserver.h"

#include "server/handler.h"
#include "server/request.h"

void DatagramServer::serveForever()
{
    const bool threading = m_config.model == ServerModel::ThreadingUdp;
    while (!stopping()) {
        joinFinished();
        Address peer;
        SocketError error;
        const QByteArray data = m_listener.recvFrom(m_config.maxMessage, &peer, &error);
        if (stopping())
            break;
        if (error)
            continue;
        const quint32 id = nextConnectionId(); // one "request" per datagram, as in socketserver
        if (!threading) {
            connectionStarted();
            handleDatagram(data, peer, tracerFor(Actor::Server, 0, id));
            connectionDone();
            continue;
        }
        if (!waitForRoom())
            break;
        connectionStarted();
        const Tracer tracer = tracerFor(Actor::Worker, ++m_lastWorker, id);
        Worker &worker = m_workers.emplace_back();
        // The datagram is copied into the thread; the server socket is shared for the reply.
        worker.thread = std::thread([this, &worker, tracer, data, peer] {
            tracer.record(Call::ThreadStart, Phase::Info);
            handleDatagram(data, peer, tracer);
            connectionDone();
            tracer.record(Call::ThreadExit, Phase::Info);
            worker.done.store(true, std::memory_order_release);
        });
    }
}

void DatagramServer::handleDatagram(const QByteArray &data, const Address &peer,
                                    const Tracer &tracer)
{
    // A non-owning view of the server socket that records this thread's calls.
    Socket view(m_listener.fileno(), tracer);
    Request request;
    request.socket = &view;
    request.tracer = tracer;
    request.clientAddress = peer;
    request.datagram = data;
    request.config = &m_config;
    request.gate = m_gate;
    request.stop = &m_stop;
    request.gil = &m_gil;
    const std::unique_ptr<Handler> handler = Handler::create(m_config);
    Handler::run(*handler, request);
    view.release();
}

void DatagramServer::joinFinished()
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

void DatagramServer::stopWorkers()
{
    for (Worker &worker : m_workers)
        worker.thread.join();
    m_workers.clear();
}

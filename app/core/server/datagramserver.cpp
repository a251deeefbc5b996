#include "datagramserver.h"

#include "server/handler.h"
#include "server/request.h"

void DatagramServer::serveForever()
{
    const bool threading = m_config.model == ServerModel::ThreadingUdp;
    while (!stopping()) {
        m_workers.joinFinished();
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
        // The datagram is copied into the thread; the server socket is shared for the reply.
        m_workers.start([this, tracer, data, peer] {
            tracer.record(Call::ThreadStart, Phase::Info);
            handleDatagram(data, peer, tracer);
            connectionDone();
            tracer.record(Call::ThreadExit, Phase::Info);
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
    request.emptyRecvs = &m_emptyRecvs;
    const std::unique_ptr<Handler> handler = Handler::create(m_config);
    Handler::run(*handler, request);
    view.release();
}

void DatagramServer::stopWorkers()
{
    m_workers.joinAll();
}

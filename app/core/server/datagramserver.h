#pragma once

#include "server/server.h"

#include "server/workerthreads.h"

// socketserver.UDPServer / UnixDatagramServer (one thread: recvfrom → handle → sendto) and, for
// ServerModel::ThreadingUdp, ThreadingUDPServer (one thread per datagram). No accept queue:
// datagrams wait in the socket's receive buffer and beyond it the kernel drops them.
class DatagramServer final : public Server
{
public:
    using Server::Server;
    ~DatagramServer() override { stop(); }

protected:
    void serveForever() override;
    void stopWorkers() override;

private:
    void handleDatagram(const QByteArray &data, const Address &peer, const Tracer &tracer);

    WorkerThreads m_workers;
    quint32 m_lastWorker = 0;
};

#pragma once

#include "server/server.h"

#include <list>

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
    struct Worker
    {
        std::thread thread;
        std::atomic<bool> done{ false };
    };
    void handleDatagram(const QByteArray &data, const Address &peer, const Tracer &tracer);
    void joinFinished();

    std::list<Worker> m_workers;
    quint32 m_lastWorker = 0;
};

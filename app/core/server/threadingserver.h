#pragma once

#include "server/server.h"

#include "server/workerthreads.h"

// socketserver.ThreadingMixIn: the server thread accepts; each connection gets its own thread
// (daemon_threads = False, block_on_close = True: stop() joins them all).
class ThreadingServer final : public Server
{
public:
    using Server::Server;
    ~ThreadingServer() override { stop(); }

protected:
    void serveForever() override;
    void stopWorkers() override;
    void serviceActions() override;
    bool processRequest(Socket connection, const Address &peer, quint32 id) override;

private:
    WorkerThreads m_workers;
    quint32 m_lastWorker = 0;
};

#pragma once

#include "server/server.h"

#include <list>

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

private:
    struct Worker
    {
        std::thread thread;
        std::atomic<bool> done{ false };
    };
    void joinFinished();

    std::list<Worker> m_workers; // touched only by the server thread, then by stop() after join
    quint32 m_lastWorker = 0;
};

#pragma once

#include "server/server.h"

// socketserver.TCPServer / UnixStreamServer: one thread accepts, handles, closes, then accepts
// the next. While it serves one client, the others wait in the kernel's accept queue.
class BlockingServer final : public Server
{
public:
    using Server::Server;
    ~BlockingServer() override { stop(); }

protected:
    void serveForever() override;
};

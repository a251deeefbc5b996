#pragma once

#include "net/address.h"
#include "net/socket.h"
#include "server/serverconfig.h"

#include <QByteArray>
#include <atomic>

class Gate;
class Gil;

// What a handler gets for one request: Python's self.request, self.client_address, self.server.
struct Request
{
    Socket *socket = nullptr; // stream: the accepted connection; datagram: the server's socket
    Tracer tracer; // who is handling: the server thread, a worker thread or a child process
    Address clientAddress;
    QByteArray datagram; // datagram servers: the bytes recvfrom() returned (self.request[0])
    const ServerConfig *config = nullptr;
    Gate *gate = nullptr;
    const std::atomic<bool> *stop = nullptr;
    Gil *gil = nullptr; // the simulated GIL of this process
    double speed = 1.0; // slow motion where there is no gate (a forked child keeps its own copy)
    // The handout's loop counts its empty recv() calls here, lossless (events may be dropped when
    // it floods the hub). A forked child counts in its own copy of memory: nullptr there.
    std::atomic<qint64> *emptyRecvs = nullptr;

    bool stopping() const { return stop && stop->load(std::memory_order_acquire); }
};

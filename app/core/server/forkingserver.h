#pragma once

#include "server/server.h"

#include <map>
#include <thread>

// socketserver.ForkingMixIn: the server thread accepts and fork()s; the child process handles
// the connection and exits. A real fork() of this process, not a helper program: the child only
// makes socket syscalls, allocates, and writes its events as fixed-size records into a pipe that
// a reader thread in the parent drains into the hub (it never touches a lock another thread
// could have held at fork time). The reader reaps each child when its last event arrives.
// Children do not wait at the gate (it lives in the parent); they keep the slow-motion factor
// they were forked with.
class ForkingServer final : public Server
{
public:
    using Server::Server;
    ~ForkingServer() override { stop(); }

    int liveChildren() const;

protected:
    void serveForever() override;
    void stopWorkers() override;
    void serviceActions() override { collectChildren(); }
    bool processRequest(Socket connection, const Address &peer, quint32 id) override;

private:
    struct Child
    {
        quint32 connection = 0; // the lab's id of the connection the child serves
    };
    [[noreturn]] void runChild(Socket &connection, const Address &peer, const Tracer &tracer,
                               double speed);
    void readChildEvents();
    void collectChildren();
    void reap(qint32 pid, const Child &child, int status);

    int m_pipe[2] = { -1, -1 };
    std::thread m_reader;
    mutable std::mutex m_childrenMutex;
    std::map<qint32, Child> m_children;
    quint32 m_lastChild = 0;
};

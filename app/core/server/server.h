#pragma once

#include "net/socket.h"
#include "server/gil.h"
#include "server/serverconfig.h"
#include "trace/loadthread.h"

#include <QString>
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>

class EventHub;
class Gate;
class QTemporaryDir;

// A lab server: socketserver's BaseServer on raw POSIX sockets. start() returns once the socket
// listens (or has bound, for datagrams) with its real address; serve_forever() runs on its own
// std::thread. stop() wakes every blocked thread with shutdown(), joins, then closes: it returns
// within about a second with clients still connected and leaves no thread, child, fd or file.
class Server
{
public:
    Server(const ServerConfig &config, EventHub *hub, Gate *gate);
    virtual ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    static std::unique_ptr<Server> create(const ServerConfig &config, EventHub *hub = nullptr,
                                          Gate *gate = nullptr);

    bool start(QString *error);
    void stop();
    bool isRunning() const { return m_running; }

    const ServerConfig &config() const { return m_config; }
    Address address() const { return m_address; } // the bound address, real port included
    int listenerFd() const { return m_listener.fileno(); } // for TCP_INFO; valid while running
    int activeConnections() const;
    quint64 connectionsServed() const { return m_served.load(); }
    // recv() calls of the handout's loop that returned b'' (threads of this process only).
    qint64 emptyRecvs() const { return m_emptyRecvs.load(); }

protected:
    virtual void serveForever() = 0; // the server thread's body
    virtual void stopWorkers() { } // wake (connections are already shut down) and join workers
    // BaseServer.serve_forever() for a stream server: the one accept loop of every model. Between
    // requests serviceActions() runs (Python's service_actions(): join threads, reap children);
    // each accepted connection goes to processRequest(), the only thing the models do differently.
    void serveStream();
    virtual void serviceActions() { }
    // BaseServer.process_request(): handle it here (TCPServer), in a thread (ThreadingMixIn) or
    // in a child process (ForkingMixIn). connectionStarted() has been called for it; the model
    // calls connectionDone() once it is over. false: the server must stop now.
    virtual bool processRequest(Socket connection, const Address &peer, quint32 id);

    Tracer tracerFor(Actor actor, quint32 actorId, quint32 connection) const;
    bool stopping() const { return m_stop.load(std::memory_order_acquire); }
    quint32 nextConnectionId() { return ++m_lastConnection; }
    // The fds a stop must shut down to wake their threads. Unregister before closing the fd.
    void registerConnection(quint32 id, int fd);
    void unregisterConnection(quint32 id);
    // BaseServer.finish_request + shutdown_request for one accepted stream connection.
    void serveConnection(Socket &connection, const Address &peer, const Tracer &tracer);
    // Waits while maxConnections requests are being served; false when stopping. Only the
    // server thread calls it and connectionStarted(), so the check cannot go stale in between.
    bool waitForRoom();
    void connectionStarted();
    void connectionDone();

    ServerConfig m_config;
    EventHub *m_hub;
    Gate *m_gate;
    Socket m_listener;
    Gil m_gil;
    std::atomic<bool> m_stop{ false };
    std::atomic<qint64> m_emptyRecvs{ 0 }; // Request::emptyRecvs of this process's handlers

private:
    bool openListener(QString *error);
    void shutdownConnections();

    Address m_address;
    std::unique_ptr<QTemporaryDir> m_unixDir;
    LoadThread m_thread;
    bool m_running = false;
    std::atomic<quint32> m_lastConnection{ 0 };
    std::atomic<quint64> m_served{ 0 };
    mutable std::mutex m_mutex; // guards m_connections, m_active
    std::condition_variable m_room;
    std::map<quint32, int> m_connections;
    int m_active = 0;
};

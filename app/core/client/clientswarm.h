#pragma once

#include "client/clientoutcome.h"
#include "client/swarmconfig.h"
#include "trace/loadthread.h"
#include "trace/tracer.h"

#include <QString>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <vector>

class EventHub;
class Gate;
class Socket;
struct SocketError;

// N real clients, one thread each (a LoadThread), so that each blocks in connect()/recv() exactly
// as a Python client does — a client the kernel keeps in SYN_SENT is a thread inside connect(2).
// Every socket call is an event. stop() wakes them all (shutdown(), and a signal for the
// AF_UNIX connect() that shutdown cannot interrupt) and joins them.
class ClientSwarm
{
public:
    ClientSwarm(const SwarmConfig &config, EventHub *hub = nullptr, Gate *gate = nullptr);
    ~ClientSwarm();
    ClientSwarm(const ClientSwarm &) = delete;
    ClientSwarm &operator=(const ClientSwarm &) = delete;

    bool start(QString *error); // Burst / Every: launches the clients; OnDemand: none yet
    bool addClient(); // one more client now; false when stopped or at maxClients
    void stop();
    bool waitFinished(int timeoutMs); // every launched client is done (and the arrivals over)

    const SwarmConfig &config() const { return m_config; }
    std::vector<ClientOutcome> outcomes() const; // by client id
    struct LiveSocket
    {
        quint32 id;
        int fd;
        quint64 inode; // to check that fd still is this client's socket when it is read
    };
    std::vector<LiveSocket> liveSockets() const; // for the probe: each open client socket
    int launched() const;
    int finished() const;

private:
    void arrivals();
    void runClient(quint32 id);
    void runStream(quint32 id, Socket &socket, ClientOutcome &outcome);
    void runDatagram(quint32 id, Socket &socket, ClientOutcome &outcome);
    bool pause(double seconds); // false when stopped
    void recordFailure(ClientOutcome &outcome, const SocketError &error) const;
    void setFd(quint32 id, int fd);
    Tracer tracerFor(quint32 id) const;

    SwarmConfig m_config;
    Address m_target;
    EventHub *m_hub;
    Gate *m_gate;
    std::atomic<bool> m_stop{ false };
    LoadThread m_arrivals;

    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_changed;
    std::map<quint32, LoadThread> m_threads;
    std::map<quint32, ClientOutcome> m_outcomes;
    std::map<quint32, std::pair<int, quint64>> m_fds; // fd and inode
    quint32 m_launched = 0;
    int m_finished = 0;
    bool m_arrivalsDone = true;
};

#pragma once

#include "client/clientswarm.h"
#include "probe/kernelsettings.h"
#include "probe/netstatcounters.h"
#include "probe/probesample.h"
#include "probe/sockdiag.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

// What to watch: a TCP port (any process's listener, ours or not) or an AF_UNIX path.
struct ProbeTarget
{
    Family family = Family::Inet;
    quint16 port = 0;
    QString path;
    int ownListenerFd = -1; // our own listener: TCP_INFO on it is the cheapest queue figure
    bool datagram = false; // a UDP port: the receive buffer and its drops instead of a queue
    // Our own clients, so each gets a stage from its TCP_INFO and the server's row.
    std::function<std::vector<ClientSwarm::LiveSocket>()> clients;
};

// The kernel's view of one listener, sampled: accept-queue length and cap, every socket of the
// port on both sides, our clients' stages, the TcpExt overflow counters, and the ss command
// that shows the same. Nothing is estimated: a figure the kernel does not give is reported as
// absent. Without privileges another user's sockets are visible too, their owning PIDs are not.
// sample() runs on the caller's thread; start() samples on a thread of its own and latest()
// hands the newest sample to any thread.
class KernelProbe
{
public:
    explicit KernelProbe(const ProbeTarget &target);
    ~KernelProbe();
    KernelProbe(const KernelProbe &) = delete;
    KernelProbe &operator=(const KernelProbe &) = delete;

    // Not while start()ed: the sampling thread owns the netlink socket. The queue figures are
    // read every time (~20 µs: the kernel walks only its listening hash); the port's connection
    // rows need a walk of every established-hash bucket (~0.4 ms here, plus ~0.75 µs per socket),
    // so once a port has more than 256 sockets they are re-read only every 5th sample and the
    // sample says when they were read (rowsNs).
    ProbeSample sample();
    void start(int hz = 20);
    void stop();
    ProbeSample latest() const;
    // The same without a copy (a sample of a thousand clients is large, and the lab asks for
    // it at every frame); null before the first sample.
    std::shared_ptr<const ProbeSample> latestShared() const;

    const ProbeTarget &target() const { return m_target; }

    // From s.rows alone (both sides of every connection of the port): the listener's queue
    // figures, the stage counts and the stage of each of the given clients. A client side with
    // no server row counts only for what the server cannot show: SYN_SENT (Connecting), closing,
    // and ESTABLISHED while the listener exists (AckDropped).
    static void classify(ProbeSample &s, quint16 port,
                         const std::vector<ClientSwarm::LiveSocket> &clients);

private:
    void sampleTcp(ProbeSample &s);
    void sampleUnix(ProbeSample &s);
    void sampleUdp(ProbeSample &s);
    void readOwnListener(ProbeSample &s) const;

    ProbeTarget m_target;
    SockDiag m_diag;
    NetstatCounters m_start;
    quint64 m_sequence = 0;
    ProbeSample m_lastRows; // rows, stages and clients of the last sample that read them

    std::thread m_thread;
    std::atomic<bool> m_stop{ false };
    std::mutex m_wakeMutex; // with m_wake: the sampling thread's sleep, cut short by stop()
    std::condition_variable m_wake;
    mutable std::mutex m_mutex; // guards m_latest
    std::shared_ptr<const ProbeSample> m_latest; // never changed once published
};

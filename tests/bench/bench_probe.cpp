// Cost of one probe sample for a port with 10, 100 and 1,000 connections (2 sockets each plus
// the listener): sock_diag with the kernel's port filter (all states, and listeners only) against
// /proc/net/tcp parsed whole, measured alternately in one run, and KernelProbe::sample() (which
// re-reads a busy port's rows every 5th sample); medians of thread CPU time. Loopback only.
#include "net/socket.h"
#include "probe/kernelprobe.h"
#include "probe/procnet.h"
#include "probe/sockdiag.h"

#include <QCoreApplication>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <numeric>
#include <sys/resource.h>
#include <vector>

namespace {

constexpr int kSamples = 101;

double cpuMicros()
{
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}

template<typename Sample> double medianCost(Sample sample, double *mean = nullptr)
{
    std::vector<double> costs;
    for (int i = 0; i < kSamples; ++i) {
        const double start = cpuMicros();
        sample();
        costs.push_back(cpuMicros() - start);
    }
    if (mean)
        *mean = std::accumulate(costs.begin(), costs.end(), 0.0) / double(costs.size());
    std::sort(costs.begin(), costs.end());
    return costs[costs.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 8192);
    ::setrlimit(RLIMIT_NOFILE, &limit);

    SockDiag diag;
    for (int connections : { 10, 100, 1000 }) {
        SocketError error;
        Socket listener = Socket::create(Family::Inet, SOCK_STREAM, &error);
        listener.bind(*Address::inet({}, 0));
        listener.listen(4096);
        const Address address = listener.sockName();
        std::vector<Socket> sockets;
        for (int i = 0; i < connections; ++i) {
            Socket client = Socket::create(Family::Inet, SOCK_STREAM, &error);
            if (client.connect(address)) {
                std::fprintf(stderr, "bench_probe: connect failed\n");
                return 1;
            }
            sockets.push_back(std::move(client));
            sockets.push_back(listener.accept(nullptr, &error));
        }
        const quint16 port = address.port();
        size_t diagRows = 0;
        size_t procRows = 0;
        double diagCost = 0;
        double listenCost = 0;
        double procCost = 0;
        for (int round = 0; round < 2; ++round) { // alternate, twice, keep the second
            diagCost = medianCost([&] { diagRows = diag.tcpRows(Family::Inet, port)->size(); });
            listenCost = medianCost(
                    [&] { diag.tcpRows(Family::Inet, port, 1U << ConnectionRow::Listen); });
            procCost = medianCost([&] { procRows = ProcNet::tcpRows(Family::Inet, port)->size(); });
        }
        ProbeTarget target;
        target.port = port;
        KernelProbe probe(target);
        double sampleMean = 0;
        const double sampleCost = medianCost([&] { probe.sample(); }, &sampleMean);
        if (diagRows != procRows || diagRows != size_t(2 * connections + 1))
            std::fprintf(stderr, "bench_probe: rows differ: sock_diag %zu, /proc %zu\n", diagRows,
                         procRows);
        std::printf("bench: probe_sock_diag_c%d %.1f us_cpu/sample\n", connections, diagCost);
        std::printf("bench: probe_kernelprobe_sample_c%d %.1f us_cpu/sample\n", connections,
                    sampleCost);
        std::printf("bench: probe_kernelprobe_sample_mean_c%d %.1f us_cpu/sample\n", connections,
                    sampleMean);
        std::printf("bench: probe_sock_diag_listener_only_c%d %.1f us_cpu/sample\n", connections,
                    listenCost);
        std::printf("bench: probe_proc_net_tcp_c%d %.1f us_cpu/sample\n", connections, procCost);
        std::printf("bench: probe_proc_vs_sock_diag_c%d %.1f x\n", connections,
                    procCost / diagCost);
        std::fflush(stdout);
    }
    return 0;
}

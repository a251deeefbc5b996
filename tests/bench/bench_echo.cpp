// Echo round trips per second of ThreadingServer with events on and off, and of Python's
// socketserver.ThreadingTCPServer, at 1, 8 and 64 concurrent clients. The same C++ clients
// (untraced, persistent connections, 64-byte messages) drive all three, interleaved run by run,
// 3 runs each; prints medians and ratios. Python's server gets the same backlog (128) as ours:
// with its default of 5, 64 clients would mostly measure SYN retries, not echo work. Loopback only;
// every run is bounded in time.
#include "net/socket.h"
#include "server/server.h"
#include "trace/clock.h"
#include "trace/eventhub.h"

#include <QCoreApplication>
#include <QProcess>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <thread>
#include <vector>

namespace {

constexpr double kRunSeconds = 1.0;
constexpr int kRuns = 3;
const QByteArray kMessage(64, 'x');

const char *pythonServer = "import socketserver, sys\n"
                           "class Echo(socketserver.BaseRequestHandler):\n"
                           "    def handle(self):\n"
                           "        while True:\n"
                           "            data = self.request.recv(65536)\n"
                           "            if not data:\n"
                           "                return\n"
                           "            self.request.sendall(data)\n"
                           "socketserver.ThreadingTCPServer.daemon_threads = True\n"
                           "socketserver.ThreadingTCPServer.request_queue_size = 128\n"
                           "server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Echo)\n"
                           "print(server.server_address[1], flush=True)\n"
                           "server.serve_forever()\n";

// `clients` threads, each one connection doing round trips until the time is up.
double roundTripsPerSecond(const Address &address, int clients)
{
    std::atomic<bool> go{ false };
    std::atomic<int> ready{ 0 }; // connected (or failed) clients
    std::atomic<qint64> total{ 0 };
    std::vector<std::thread> threads;
    const qint64 endNs = Clock::nowNs() + qint64(kRunSeconds * 1e9) + 200'000'000;
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back([&] {
            SocketError error;
            Socket socket = Socket::create(Family::Inet, SOCK_STREAM, &error);
            socket.setOption(IPPROTO_TCP, TCP_NODELAY, 1);
            const bool connected = socket.connect(address).ok();
            ++ready;
            if (!connected)
                return;
            while (!go.load())
                std::this_thread::yield();
            qint64 trips = 0;
            while (Clock::nowNs() < endNs) {
                if (socket.sendAll(kMessage))
                    break;
                qint64 got = 0;
                while (got < kMessage.size()) {
                    const QByteArray part = socket.recv(65536, &error);
                    if (error || part.isEmpty())
                        return;
                    got += part.size();
                }
                ++trips;
            }
            total += trips;
        });
    }
    while (ready.load() < clients) // every client connected before the clock starts
        std::this_thread::yield();
    const qint64 start = Clock::nowNs();
    go = true;
    for (std::thread &t : threads)
        t.join();
    return double(total.load()) / Clock::seconds(Clock::nowNs() - start);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    EventHub hub(1 << 22);
    std::atomic<bool> draining{ true };
    std::thread consumer([&] { // what the GUI does once per frame
        std::vector<Event> batch;
        while (draining) {
            hub.drain(batch);
            std::this_thread::sleep_for(std::chrono::milliseconds(16));
        }
    });
    EventHub off;
    off.setEnabled(false);

    ServerConfig config;
    config.model = ServerModel::Threading;
    config.backlog = 128;
    const std::unique_ptr<Server> traced = Server::create(config, &hub);
    const std::unique_ptr<Server> untraced = Server::create(config, &off);
    QString error;
    if (!traced->start(&error) || !untraced->start(&error)) {
        std::fprintf(stderr, "bench_echo: %s\n", qPrintable(error));
        return 1;
    }
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 { QStringLiteral("-c"), QString::fromLatin1(pythonServer) });
    python.waitForReadyRead(10000);
    const quint16 pythonPort = quint16(python.readLine().trimmed().toUInt());
    const bool havePython = pythonPort != 0;
    if (!havePython)
        std::fprintf(stderr, "bench_echo: /usr/bin/python3 did not start; skipping it\n");

    for (int clients : { 1, 8, 64 }) {
        std::vector<double> on, offRuns, py;
        for (int run = 0; run < kRuns; ++run) {
            on.push_back(roundTripsPerSecond(traced->address(), clients));
            offRuns.push_back(roundTripsPerSecond(untraced->address(), clients));
            if (havePython)
                py.push_back(roundTripsPerSecond(*Address::inet({}, pythonPort), clients));
        }
        std::printf("bench: echo_threading_events_on_c%d %.0f roundtrips/s\n", clients, median(on));
        std::printf("bench: echo_threading_events_off_c%d %.0f roundtrips/s\n", clients,
                    median(offRuns));
        std::printf("bench: echo_events_on_vs_off_c%d %.2f x\n", clients,
                    median(on) / median(offRuns));
        if (havePython) {
            std::printf("bench: echo_python_threadingtcpserver_c%d %.0f roundtrips/s\n", clients,
                        median(py));
            std::printf("bench: echo_threading_events_on_vs_python_c%d %.2f x\n", clients,
                        median(on) / median(py));
        }
        std::fflush(stdout);
    }
    std::printf("bench: echo_events_recorded %llu events\n",
                static_cast<unsigned long long>(hub.pushed()));
    std::printf("bench: echo_events_dropped %llu events\n",
                static_cast<unsigned long long>(hub.dropped()));
    python.kill();
    python.waitForFinished();
    traced->stop();
    untraced->stop();
    draining = false;
    consumer.join();
    return 0;
}

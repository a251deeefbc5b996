// RunFile on a synthetic run shaped like a burst of 1,000 clients: ~12 events per client and a
// kernel sample every 33 ms for 10 s, each with 1,000 client probes and ~2,000 connection rows
// (both sides of every connection plus the listener). Made up, not recorded: the figures say what
// saving and opening cost at that size. Prints "bench: NAME VALUE UNIT" lines.
#include "lab/runfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <cstdio>
#include <ctime>

namespace {

constexpr int kClients = 1000;
constexpr qint64 kFrameNs = 33'000'000;
constexpr qint64 kRunNs = 10'000'000'000;
constexpr quint16 kServerPort = 40000;

RunRecord syntheticRun()
{
    RunRecord r;
    r.runNumber = 1;
    r.appVersion = QStringLiteral("bench");
    r.recordedAtMs = 1'790'000'000'000LL;
    ServerConfig server;
    server.model = ServerModel::Threading;
    server.backlog = 128;
    server.port = kServerPort;
    r.servers.push_back(server);
    RunRecord::Burst burst;
    burst.config.clients = kClients;
    burst.config.port = kServerPort;
    r.bursts.push_back(burst);

    // Each client's life: socket, connect, connect returns, send, recv, close (client side) and
    // accept, recv, send, recv == 0, close, thread exit (server side): 12 events, spread over
    // the run so that every frame has some.
    const Call clientCalls[] = { Call::Socket,  Call::Connect, Call::Connect,
                                 Call::SendAll, Call::Recv,    Call::Close };
    const Call serverCalls[]
            = { Call::Accept, Call::Recv, Call::Send, Call::Recv, Call::Close, Call::ThreadExit };
    const qint64 frames = kRunNs / kFrameNs;
    for (qint64 n = 0; n <= frames; ++n) {
        RecordedFrame frame;
        frame.labNs = n * kFrameNs;
        const qint64 from = frame.labNs - kFrameNs;
        for (int client = 1; client <= kClients; ++client) {
            const qint64 start = qint64(client) * (kRunNs / 2) / kClients; // arrivals over 5 s
            for (int k = 0; k < 6; ++k) {
                const qint64 at = start + qint64(k) * 300'000'000; // one call every 0.3 s
                if (at <= from || at > frame.labNs)
                    continue;
                Event c;
                c.ns = at;
                c.actor = Actor::Client;
                c.actorId = quint32(client);
                c.call = clientCalls[k];
                c.phase = k == 1 ? Phase::Enter : Phase::Return;
                c.result = k == 3 ? 5 : 0;
                c.bytes = k >= 3 && k <= 4 ? 5 : 0;
                c.pid = 1000;
                c.tid = 2000 + client;
                c.port = k == 2 ? quint16(50000 + client) : 0;
                frame.events.push_back(c);
                Event s;
                s.ns = at + 1000;
                s.actor = k == 0 ? Actor::Server : Actor::Worker;
                s.actorId = quint32(client);
                s.connection = quint32(client);
                s.call = serverCalls[k];
                s.phase = Phase::Return;
                s.result = k == 0 ? 7 : 5;
                s.bytes = k >= 1 && k <= 2 ? 5 : 0;
                s.pid = 1000;
                s.tid = 5000 + client;
                s.port = k == 0 ? quint16(50000 + client) : 0;
                frame.events.push_back(s);
            }
        }
        ProbeSample sample;
        sample.ns = frame.labNs;
        sample.rowsNs = frame.labNs;
        sample.sequence = quint64(n);
        sample.queue
                = { true,     true, int(n % 129), 128, n / 10, n / 10, QStringLiteral("sock_diag"),
                    QString() };
        sample.ss = QStringLiteral("ss -tan 'sport = :40000 or dport = :40000'");
        const Address server = *Address::inet(QStringLiteral("127.0.0.1"), kServerPort);
        ConnectionRow listen;
        listen.local = server;
        listen.state = ConnectionRow::Listen;
        listen.recvQ = quint32(n % 129);
        listen.sendQ = 128;
        listen.inode = 99999;
        sample.rows.push_back(listen);
        for (int client = 1; client <= kClients; ++client) {
            const qint64 start = qint64(client) * (kRunNs / 2) / kClients;
            const bool started = frame.labNs >= start;
            const bool done = frame.labNs >= start + 1'500'000'000;
            const Address peer
                    = *Address::inet(QStringLiteral("127.0.0.1"), quint16(50000 + client));
            ClientStage stage = !started                ? ClientStage::Unknown
                    : done                              ? ClientStage::Closing
                    : frame.labNs - start < 300'000'000 ? ClientStage::Queued
                                                        : ClientStage::Accepted;
            sample.clients.push_back({ quint32(client), stage, 0, -1 });
            ++sample.stageCounts[int(stage)];
            if (!started)
                continue;
            ConnectionRow mine;
            mine.local = peer;
            mine.remote = server;
            mine.state = done ? ConnectionRow::TimeWait : ConnectionRow::Established;
            mine.inode = done ? 0 : quint64(200000 + client);
            mine.timer = done ? 3 : 0;
            mine.timerMs = done ? 59000 : 0;
            sample.rows.push_back(mine);
            ConnectionRow theirs;
            theirs.local = server;
            theirs.remote = peer;
            theirs.state = done ? ConnectionRow::Close : ConnectionRow::Established;
            theirs.inode = stage == ClientStage::Queued ? 0 : quint64(300000 + client);
            sample.rows.push_back(theirs);
        }
        frame.sample = std::move(sample);
        r.frames.push_back(std::move(frame));
    }
    r.durationNs = frames * kFrameNs;
    return r;
}

// CPU time of this (single-threaded) process in ms: steadier than the wall clock on a busy machine.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const RunRecord record = syntheticRun();
    size_t rows = 0;
    for (const RecordedFrame &f : record.frames)
        rows = std::max(rows, f.sample->rows.size());
    std::printf("bench: runfile_synthetic_frames %zu frames\n", record.frames.size());
    std::printf("bench: runfile_synthetic_events %zu events\n", record.eventCount());
    std::printf("bench: runfile_synthetic_rows_per_sample_max %zu rows\n", rows);
    // What the record itself holds in memory (its vectors' elements), whichever way it was made.
    size_t bytesHeld = 0;
    for (const RecordedFrame &f : record.frames) {
        bytesHeld += f.events.size() * sizeof(Event);
        for (const auto *s : { &f.sample, &f.twinSample })
            if (*s)
                bytesHeld += sizeof(ProbeSample) + (*s)->rows.size() * sizeof(ConnectionRow)
                        + (*s)->clients.size() * sizeof(ClientProbe);
    }
    std::printf("bench: runfile_synthetic_record_memory %.0f MB\n", double(bytesHeld) / 1e6);

    QTemporaryDir dir;
    // bench_runfile PATH keeps the synthetic file there (to look at it with zcat).
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                  : dir.filePath(QStringLiteral("synthetic") + RunFile::suffix);
    // Each step's wall-clock time and, steadier on a shared machine, its CPU time.
    QElapsedTimer timer;
    double cpu = cpuMs();
    auto report = [&](const char *name) {
        std::printf("bench: runfile_synthetic_%s %.0f ms\n", name,
                    double(timer.nsecsElapsed()) / 1e6);
        std::printf("bench: runfile_synthetic_%s_cpu %.0f ms\n", name, cpuMs() - cpu);
        timer.restart();
        cpu = cpuMs();
    };
    timer.start();
    const QByteArray bytes = RunFile::encode(record);
    report("encode");
    std::printf("bench: runfile_synthetic_size %lld bytes\n", static_cast<long long>(bytes.size()));
    timer.restart();
    cpu = cpuMs();
    QString error;
    if (!RunFile::save(record, path, &error)) {
        std::fprintf(stderr, "bench_runfile: %s\n", qPrintable(error));
        return 1;
    }
    report("save");
    const auto opened = RunFile::open(path, &error);
    report("open");
    if (!opened || opened->eventCount() != record.eventCount()
        || opened->frames.size() != record.frames.size()) {
        std::fprintf(stderr, "bench_runfile: open failed: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

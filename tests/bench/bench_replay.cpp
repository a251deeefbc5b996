// A recorded burst of 1,000 clients against ThreadingTCPServer (echo, backlog 128): how much
// memory its record takes, and how long a replay takes to seek to the end and to step back one
// event (a rebuild from the start) — after a seek, and after stepping through every event.
#include "lab/labsession.h"
#include "model/connectionmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <cstdio>

namespace {

size_t sampleBytes(const ProbeSample &s)
{
    return s.rows.capacity() * sizeof(ConnectionRow) + s.clients.capacity() * sizeof(ClientProbe)
            + size_t(s.ss.capacity() + s.queue.source.capacity() + s.queue.error.capacity()
                     + s.datagram.source.capacity())
            * sizeof(QChar);
}

// The heap the record holds, roughly: vectors at their capacity, strings, the samples' rows.
size_t approxBytes(const RunRecord &r, size_t *samples)
{
    size_t bytes = sizeof(RunRecord) + r.frames.capacity() * sizeof(RecordedFrame)
            + r.pauses.capacity() * sizeof(RecordedPause)
            + r.bursts.capacity() * sizeof(RunRecord::Burst)
            + r.servers.capacity() * sizeof(ServerConfig);
    *samples = 0;
    for (const RecordedFrame &f : r.frames) {
        bytes += f.events.capacity() * sizeof(Event);
        for (const std::optional<ProbeSample> *s : { &f.sample, &f.twinSample })
            if (*s) {
                bytes += sampleBytes(**s);
                ++*samples;
            }
    }
    return bytes;
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    constexpr int kClients = 1000;
    LabSession lab;
    ExperimentPreset preset;
    ServerConfig server;
    server.model = ServerModel::Threading;
    server.handler = HandlerKind::Echo;
    server.backlog = 128;
    preset.servers.push_back(server);
    preset.clients.clients = kClients;
    QString error;
    if (!lab.applyPreset(preset, false, &error)) {
        std::fprintf(stderr, "bench_replay: %s\n", qPrintable(error));
        return 1;
    }
    QEventLoop loop;
    QElapsedTimer run;
    run.start();
    QTimer watch; // bounded: 60 s whatever happens
    watch.setInterval(50);
    QObject::connect(&watch, &QTimer::timeout, [&] {
        if (lab.hasRunEnded() || run.elapsed() > 60000)
            loop.quit();
    });
    watch.start();
    loop.exec();
    if (!lab.hasRunEnded()) {
        std::fprintf(stderr, "bench_replay: the run did not end\n");
        return 1;
    }
    const RunRecord &record = lab.record();
    size_t samples = 0;
    const size_t bytes = approxBytes(record, &samples);
    std::printf("bench: replay_record_run_seconds %.2f s\n", double(record.durationNs) / 1e9);
    std::printf("bench: replay_record_frames %zu count\n", record.frames.size());
    std::printf("bench: replay_record_events %zu count\n", record.eventCount());
    std::printf("bench: replay_record_samples %zu count\n", samples);
    std::printf("bench: replay_record_bytes %.2f MB\n", double(bytes) / 1e6);

    QElapsedTimer t;
    t.start();
    if (!lab.startReplay(record, &error)) {
        std::fprintf(stderr, "bench_replay: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("bench: replay_start %.1f ms\n", msSince(t));
    t.start();
    lab.replaySeek(lab.replayDurationNs());
    std::printf("bench: replay_seek_to_end %.1f ms\n", msSince(t));
    const int rows = lab.connections()->rowCount();
    t.start();
    lab.replayStepBack();
    std::printf("bench: replay_step_back_after_seek %.1f ms\n", msSince(t));
    t.start();
    lab.replaySeek(lab.replayDurationNs() / 2);
    std::printf("bench: replay_seek_to_middle %.1f ms\n", msSince(t));

    // The worst case: every event went in one at a time, so the rebuild steps through them all.
    lab.replaySeek(0);
    t.start();
    size_t steps = 0;
    while (lab.replayStepForward())
        ++steps;
    std::printf("bench: replay_steps %zu count\n", steps);
    std::printf("bench: replay_step_forward_each %.1f us\n",
                steps ? msSince(t) * 1000.0 / double(steps) : 0.0);
    t.start();
    lab.replayStepBack();
    std::printf("bench: replay_step_back_after_stepping_all %.1f ms\n", msSince(t));
    std::printf("bench: replay_index_after_step_back %zu of %zu\n", lab.replayEventIndex(),
                lab.replayEventCount());
    std::printf("bench: replay_clients_in_model %d of %d\n", rows, kClients);
    return rows == kClients ? 0 : 1;
}

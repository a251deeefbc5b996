#pragma once

#include "client/swarmconfig.h"
#include "probe/probesample.h"
#include "server/serverconfig.h"
#include "trace/event.h"

#include <QString>
#include <optional>
#include <vector>

// One frame of a run as LabSession applied it: the events and the kernel samples of that frame,
// all in lab nanoseconds since the run's start (t = 0; the time the lab stood paused is not in
// it). What a replay feeds the same models, in the same order.
struct RecordedFrame
{
    qint64 labNs = 0; // the run clock when the frame was applied
    std::vector<Event> events; // Event::ns in lab ns since the run's start
    // A new kernel sample for server A / B in this frame (absent: unchanged since the last one).
    // ns and rowsNs in lab ns since the run's start.
    std::optional<ProbeSample> sample;
    std::optional<ProbeSample> twinSample;
};

// A pause of the run: by the user, or at an experiment's pause point (with its note).
struct RecordedPause
{
    qint64 labNs = 0; // the run clock stood here
    qint64 pausedNs = 0; // how long, in wall time (the kernel went on meanwhile)
    int pausePoint = -1; // index into RunRecord::pausePoints, -1: the user paused
};

// Everything needed to show a run again without running it: its settings, every frame and every
// pause. Written and read by RunFile (a .socketlab-run file: gzip-compressed JSON lines).
struct RunRecord
{
    static constexpr int formatVersion = 1;

    int runNumber = 0;
    QString appVersion; // SOCKETLAB_VERSION of the program that recorded it
    qint64 recordedAtMs = 0; // wall clock (ms since the epoch) when the run began
    double speed = 1.0; // the handlers' slow motion during the run
    std::vector<ServerConfig> servers; // A first (handlerFactory is not recorded)
    struct Burst
    {
        qint64 labNs = 0; // when the clients were added
        SwarmConfig config;
    };
    std::vector<Burst> bursts;
    struct PausePoint
    {
        double atSeconds = 0.0;
        QString noteEn;
        QString noteZh;
    };
    std::vector<PausePoint> pausePoints; // an experiment's, if it had any
    std::vector<RecordedPause> pauses;
    // In the order applied; labNs never decreases. A frame with no event and no new sample is
    // left out (it changed nothing a replay shows but the clock).
    std::vector<RecordedFrame> frames;
    // When the servers were stopped during the run (lab ns since its start), -1: they were not.
    // From then on the clients' failures are the stop's doing (ConnectionModel::markServerStopped).
    qint64 serversStoppedNs = -1;
    qint64 durationNs = 0; // the run clock at the end of the recording

    size_t eventCount() const
    {
        size_t n = 0;
        for (const RecordedFrame &f : frames)
            n += f.events.size();
        return n;
    }
};

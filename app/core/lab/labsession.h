#pragma once

#include "lab/labcontroller.h"
#include "lab/runclock.h"
#include "lab/runend.h"
#include "lab/runrecord.h"
#include "lesson/experimentpreset.h"
#include "model/runstats.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class ConnectionModel;
class EventLogModel;
class QTimer;
class ReplayCursor;
class RunMeasures;
class StageModel;
class ThreadLaneModel;

// One lab run and everything that makes it honest: the engine (LabController), the models it
// feeds each frame, the run clock (t = 0 at the run's start, standing still while paused), the
// pause ledger, an experiment's pause points on lab time, and the run-end rule. The window, the
// quiz, ExperimentRunner and socketlab-cli drive this object; none of them fans events out on
// its own. Every model receives lab time: an event's monotonic time becomes labEpochNs + its lab
// nanoseconds, so every figure, table, timeline and CSV excludes the time the lab was paused.
//
// Every run is recorded (record()): its settings, bursts, pauses and every frame in lab time.
// startReplay() shows a record again through the very same models: while replaying nothing live
// runs, the run's accessors (labSeconds, runNumber, servers, pauseMarks, latestSample) describe
// the recorded run at the replay position, and startServers / addClients / applyPreset /
// runAndMeasure refuse with "Leave the replay first" (leaveReplay() or reset() leave it).
class LabSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabSession)

public:
    // Lab time 0 as the models see it. Far from 0, because the models read 0 as "not yet".
    static constexpr qint64 labEpochNs = 1'000'000'000'000'000;

    // A client whose SYN the kernel sent again while the lab stood still.
    struct Resend
    {
        quint16 origin = 0;
        quint32 client = 0;
        int times = 0;
    };
    // What the kernel did while the lab was paused: it does not pause.
    struct PauseReport
    {
        double pausedSeconds = 0.0;
        std::vector<Resend> resends; // most resends first
        int handshakes = 0; // clients whose connect() returned during the pause
        bool comparing = false; // name clients A · n / B · n
    };
    // A past run of this session, kept viewable (its figures) after a new run began.
    struct PastRun
    {
        int number = 0;
        RunStats stats;
        std::vector<ServerConfig> servers;
    };

    explicit LabSession(QObject *parent = nullptr);
    ~LabSession() override;

    LabController *controller() const { return m_controller; }
    Gate *gate() const { return m_controller->gate(); }
    ConnectionModel *connections() const { return m_connections; }
    ThreadLaneModel *lanes() const { return m_lanes; }
    EventLogModel *eventLog() const { return m_log; }
    StageModel *stage() const { return m_stage; }
    RunMeasures &measures() const { return *m_measures; }
    const RunClock &clock() const { return m_clock; }

    // Servers A (and B beside it, on its own port, getting the same clients).
    bool startServers(const ServerConfig &config, const std::optional<ServerConfig> &twin,
                      QString *error);
    void stopServers(); // the clients still connected are told why: "reset: server stopped"
    bool isServerRunning() const { return m_controller->isServerRunning(); }
    const Server *server() const { return m_controller->server(); }
    const Server *twin() const { return m_controller->twin(); }
    // The running servers' configurations, A first (also after they stopped: the run's own).
    const std::vector<ServerConfig> &servers() const { return m_servers; }
    bool isComparing() const { return m_servers.size() > 1; }
    // "A · TCPServer" when comparing, else "TCPServer"; empty for an unknown origin. The static
    // form names the servers of any run (a past one too).
    QString serverLabel(quint16 origin) const { return serverLabel(m_servers, origin); }
    static QString serverLabel(const std::vector<ServerConfig> &servers, quint16 origin);

    // Clients of one burst; after a run has ended they start a new run (never merged into it).
    bool addClients(const SwarmConfig &config, QString *error);
    void killClients();

    void setPaused(bool paused); // no effect while replaying
    bool isPaused() const { return m_paused; }
    void setSpeed(double factor);
    double speed() const;

    // Everything from an experiment: speed, servers, clients, paused, pause points.
    bool applyPreset(const ExperimentPreset &preset, bool withPausePoints, QString *error);
    // The preset without pause points; measured() once every client ended or observe_s passed.
    bool runAndMeasure(const ExperimentPreset &preset, const QString &measure, int server,
                       QString *error);
    bool isMeasuring() const { return m_pending.has_value(); }

    void reset(); // stop everything, forget every run
    void flush(); // apply what the hub holds now, without waiting for the frame

    // 0 before the first run; replaying: the recorded run's number.
    int runNumber() const { return m_replayRecord ? m_replayRecord->runNumber : m_run; }
    bool isRunActive() const { return m_run > 0 && !m_runEnded; }
    bool hasRunEnded() const { return m_run > 0 && m_runEnded; }
    double labSeconds() const; // the run clock now (stands while paused and after the end)
    const std::vector<PastRun> &pastRuns() const { return m_past; }

    // The experiment's pause point the lab is stopped at now, or nullptr.
    const ExperimentPreset::PausePoint *activePausePoint() const;
    // Seconds the run stood paused before the active pause point fired. A note that depends on
    // the kernel's timers (not holdsAfterPauses) is true only when this is about 0.
    double pausedBeforePoint() const { return m_pausedBeforePoint; }
    bool activeNoteHolds() const;
    // While paused: what the kernel has done so far during this pause. After a resume: what it
    // did during the pause that just ended (until the run moves on to its next pause or end).
    std::optional<PauseReport> pauseReport() const { return m_report; }
    // Pauses of this run as (lab seconds, paused seconds), for drawing.
    std::vector<std::pair<double, double>> pauseMarks() const;

    // The current run's record, or the last run's after it ended (also after reset()); empty
    // (runNumber 0) before any run.
    const RunRecord &record() const { return m_record; }
    // Live: the controller's latest (twin) sample. Replaying: the last recorded sample applied for
    // that origin, its ns / rowsNs in lab ns since the run's start (an empty sample before any).
    const ProbeSample &latestSample(quint16 origin = 0) const;

    // Replay of a record through the same models. startReplay() resets the live lab, shows the
    // record at t = 0, not playing; false (with *error) for an empty record.
    bool startReplay(const RunRecord &record, QString *error);
    void leaveReplay(); // back to an empty live lab
    bool isReplaying() const { return m_cursor != nullptr; }
    const RunRecord *replayRecord() const { return m_replayRecord.get(); } // nullptr when live
    qint64 replayPositionNs() const; // lab ns since the run's start
    qint64 replayDurationNs() const;
    size_t replayEventIndex() const; // events applied so far (0 … count)
    size_t replayEventCount() const;
    // Show the run as it stood at that lab time: every recorded frame with labNs <= labNs applied.
    void replaySeek(qint64 labNs);
    // Exactly one event more (frames of kernel samples only before it are applied first; a
    // frame's samples with its last event); false at the end.
    bool replayStepForward();
    // Exactly one event back (rebuilt from the start); false at the start.
    bool replayStepBack();
    bool replayJumpToNextPause(); // to the next recorded pause / pause point; false if none
    // A timer advances the position by elapsed wall time × speed and stops at the end; playing
    // from the end starts again at 0.
    void setReplayPlaying(bool playing);
    bool isReplayPlaying() const { return m_replayPlaying; }
    void setReplaySpeed(double factor); // clamped to 0.1 … 4
    double replaySpeed() const { return m_replaySpeed; }

    // Sentences for the screen, in the language installed now (tr()).
    static QString describe(const PauseReport &report);
    static QString clientName(quint16 origin, quint32 id, bool comparing);

signals:
    void frameApplied(int events, qint64 workNs); // after a frame reached every model
    // A frame's events in lab time (labEpochNs + lab ns), for sinks other than the models
    // (socketlab-cli prints them as JSON lines).
    void eventsApplied(const std::vector<Event> &events);
    void runStarted(int number);
    void runEnded(int number);
    void pausedChanged(bool paused);
    void pausePointReached(double atSeconds); // the lab stopped itself at a pause point
    void serverStateChanged(bool running);
    void measured(bool ok, double value, const QString &error); // answer to runAndMeasure()
    void replayChanged(); // entered / left / playing / speed changed
    void replayPositionChanged(qint64 labNs);

private:
    void onFrame(const std::vector<Event> &events, const ProbeSample &sample,
                 const ProbeSample &twinSample);
    void beginRun();
    void endRun();
    void checkRunEnd();
    void checkPausePoints();
    void finishMeasureIfDone();
    void clearModels();
    // Every model is fed here, live (onFrame) and in replay: events in lab time (labEpochNs +
    // lab ns), the kernel samples in force for A and B (nullptr: none) with the lab time of their
    // rows, and the lab time now.
    void applyToModels(const std::vector<Event> &labEvents, const ProbeSample *a, qint64 aRowsLabNs,
                       const ProbeSample *b, qint64 bRowsLabNs, qint64 nowLab);
    void recordFrame(qint64 labNs, const ProbeSample &sample, const ProbeSample &twinSample);
    void clearModelsForReplay();
    void replayApplied(); // after a replay operation: views refresh as after a live frame
    void advanceReplay(); // the play timer
    bool refuseWhileReplaying(QString *error) const;
    qint64 toLab(qint64 monotonicNs) const;
    qint64 nowLabNs() const;
    std::map<std::pair<quint16, quint32>, int> synCounts() const;
    // SYNs each client had sent again by monotonicNs, from the latest rows read before it.
    std::map<std::pair<quint16, quint32>, int> synCountsAt(qint64 monotonicNs) const;
    bool samplesReadSince(qint64 monotonicNs) const; // every server's kernel rows are that new
    void updateReport();

    LabController *m_controller;
    ConnectionModel *m_connections;
    ThreadLaneModel *m_lanes;
    EventLogModel *m_log;
    StageModel *m_stage;
    std::unique_ptr<RunMeasures> m_measures;
    RunClock m_clock;
    std::vector<ServerConfig> m_servers;
    std::vector<PastRun> m_past;
    int m_run = 0;
    bool m_runEnded = false;
    int m_finishedBefore = 0; // the controller's finished clients when this run began
    std::optional<RunEnd> m_end;
    std::vector<Event> m_batch;

    std::vector<ExperimentPreset::PausePoint> m_points;
    size_t m_nextPoint = 0;
    int m_activePoint = -1;
    double m_pausedBeforePoint = 0.0;

    bool m_paused = false; // by the user or a pause point; the clock also runs for stepped work
    qint64 m_pausedAtNs = 0; // monotonic: when the pause began
    qint64 m_resumedAtNs = 0; // monotonic: when it ended (0 while paused)
    // SYN resends per client by the instant the pause began: the last rows read before it plus
    // the resends their timers had due by then (or, for a run begun paused, the first rows read
    // after it). The report counts only what came after, never a resend from before the pause.
    std::optional<std::map<std::pair<quint16, quint32>, int>> m_synAtPause;
    int m_handshakesInPause = 0;
    std::optional<PauseReport> m_report;

    struct PendingMeasure
    {
        QString measure;
        int server = 0;
        qint64 observeNs = 0; // lab time after which the run is measured whatever it does
    };
    std::optional<PendingMeasure> m_pending;

    RunRecord m_record;
    std::optional<size_t> m_openPause; // index into m_record.pauses of the pause going on
    quint64 m_recordedSequence[2] = { 0, 0 }; // of the last sample recorded per origin
    qint64 m_recordedSampleNs[2] = { 0, 0 };
    std::optional<ProbeSample> m_recordedSample[2]; // what the record holds last, per origin

    std::unique_ptr<RunRecord> m_replayRecord;
    std::unique_ptr<ReplayCursor> m_cursor;
    QTimer *m_playTimer;
    QElapsedTimer m_playWall;
    bool m_replayPlaying = false;
    double m_replaySpeed = 1.0;
};

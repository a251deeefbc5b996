#pragma once

#include "lab/labcontroller.h"
#include "lab/runclock.h"
#include "lab/runend.h"
#include "lesson/experimentpreset.h"
#include "model/runstats.h"

#include <QObject>
#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class ConnectionModel;
class EventLogModel;
class RunMeasures;
class StageModel;
class ThreadLaneModel;

// One lab run and everything that makes it honest: the engine (LabController), the models it
// feeds each frame, the run clock (t = 0 at the run's start, standing still while paused), the
// pause ledger, an experiment's pause points on lab time, and the run-end rule. The window, the
// quiz, ExperimentRunner and socketlab-cli drive this object; none of them fans events out on
// its own. Every model receives lab time: an event's monotonic time becomes labEpochNs + its lab
// nanoseconds, so every figure, table, timeline and CSV excludes the time the lab was paused.
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

    void setPaused(bool paused);
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

    int runNumber() const { return m_run; } // 0 before the first run
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

private:
    void onFrame(const std::vector<Event> &events, const ProbeSample &sample,
                 const ProbeSample &twinSample);
    void beginRun();
    void endRun();
    void checkRunEnd();
    void checkPausePoints();
    void finishMeasureIfDone();
    void clearModels();
    qint64 toLab(qint64 monotonicNs) const;
    qint64 nowLabNs() const;
    std::map<std::pair<quint16, quint32>, int> synCounts() const;
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
    // SYN resends per client in the first kernel rows read after the pause began (nullopt until
    // then): what the report counts happened during the pause, never before it.
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
};

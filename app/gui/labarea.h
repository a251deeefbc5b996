#pragma once

#include "lesson/experimentpreset.h"
#include "probe/probesample.h"
#include "trace/event.h"

#include <QElapsedTimer>
#include <QGroupBox>
#include <QJsonObject>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

class AcceptQueueView;
class ConnectionModel;
class EventLogFilter;
class EventLogModel;
class QLineEdit;
class QToolButton;
class Server;
class QBoxLayout;
class QListView;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class RunMeasures;
class RunStats;
struct ServerConfig;
class ExampleView;
class ThreadLaneModel;
class TimelineView;
class ClientPanel;
class LabController;
class LabSession;
class QLabel;
class ServerPanel;
class TimePanel;
class ReplayBar;
class StageView;

// The live lab beside the lesson: server and client controls, time controls, and the views of
// what the kernel and the threads are doing. One LabSession owns the run (its clock, pauses,
// models); this widget drives it from the controls and shows what its models hold.
class LabArea final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabArea)

public:
    explicit LabArea(QWidget *parent = nullptr);
    ~LabArea() override;

    LabSession *session() const { return m_session; }
    LabController *controller() const;
    QLabel *clockLabel() const { return m_clock; } // "Run 2 · 3.4 s", paused or ended
    QTableView *clientTable() const { return m_clientTable; }
    ServerPanel *serverPanel() const { return m_serverPanel; }
    ClientPanel *clientPanel() const { return m_clientPanel; }
    TimePanel *timePanel() const { return m_timePanel; }
    AcceptQueueView *queueView() const { return m_queueView; }
    AcceptQueueView *twinQueueView() const { return m_twinQueueView; }
    QLabel *messageLabel() const { return m_message; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *figuresLabel() const { return m_figures; } // latency and throughput per server
    ConnectionModel *connections() const { return m_connections; }
    ThreadLaneModel *lanes() const { return m_lanes; }
    TimelineView *timeline() const { return m_timeline; }
    QTabWidget *tabs() const { return m_tabs; }
    ExampleView *exampleView() const { return m_example; }
    void setExample(const QString &code); // the open lesson's example.py
    EventLogModel *eventLog() const { return m_log; }
    EventLogFilter *eventLogFilter() const { return m_logFilter; }
    void setLanguage(const QString &language); // the pause notes' language (lesson data)
    void copyLogAsCsv();
    // What the Export menu writes; the menu asks for the file, tests pass a path.
    enum class Export { TimelinePng, TimelineSvg, QueuePng, QueueSvg, EventsCsv, ClientsCsv };
    bool exportTo(Export what, const QString &path, QString *error = nullptr);
    void reset(); // stop everything and clear every view (the Reset button)
    // Sets every control from a lesson's experiment.json and starts it; false + message if bad.
    bool runExperiment(const QJsonObject &experiment);
    // For a quiz: runs the experiment (without its pause points) and, once every client has ended
    // or its observe_s passed, emits measured() with the RunMeasures value asked for.
    void runAndMeasure(const QJsonObject &experiment, const QString &measure, int server);
    const RunMeasures &measures() const;

    // The stage (a big picture of the run) at the top of the lab, above everything else, in a
    // vertical splitter that gives it most of the height. The host sizes the stage to the room
    // it has, so a stage asking for more never widens the window. nullptr empties the host.
    void setStageView(QWidget *stage);
    QWidget *stageView() const { return m_stage; }
    QSplitter *stageSplitter() const { return m_stageSplit; }
    // The lab's own stage (the StageView following the session's StageModel), set at start.
    StageView *stage() const { return m_ownStage; }
    // Shown while a recorded run is replayed (the session's replay), hidden otherwise.
    ReplayBar *replayBar() const { return m_replayBar; }
    // Replays the session's record of its last run; false (and *error) when there is none.
    bool replayLastRun(QString *error = nullptr);
    void setReplaySource(const QString &name); // what the replay bar says is replayed
    // Presenter layout: the panels' form controls hidden (a toolbar has their actions), the
    // stage given more room. Leaving it restores the layout as it was.
    void setPresenterMode(bool on);
    bool isPresenterMode() const { return m_presenter; }
    // The active pause point's note as the lab shows it ("Paused at 2.0 s. …"), empty when none.
    QString pauseNote() const { return m_pauseNote; }

signals:
    void pausedAtPoint(double atSeconds); // an experiment's pause point stopped the lab
    void pauseNoteChanged(const QString &note);
    void frameApplied(int events, qint64 workNs); // after each frame reached every model
    void measured(bool ok, double value, const QString &error); // answer to runAndMeasure()

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void askAndExport(Export what);
    void startServer();
    void stopServer();
    void addClients(int clients);
    void showFrame();
    void showPendingFrame(); // the live frame m_frameTimer held, then frameApplied()
    void clearRunViews(); // the summary, figures and queue views of a run that is gone
    void finishFrame(); // the part of showFrame() done at every frame: clock, pause note, sorting
    void showClock();
    void showMessage();
    void syncControls(const ExperimentPreset &preset);
    void showServerStatus();
    void adaptToWidth(int width);
    void giveStageRoom();
    void sortClientsIfNeeded();
    void showReplay(); // the bar and the live controls follow the session's replay state
    // "A · TCPServer: 6 clients, 1.0 s each: finished in 6.0 s — one at a time", one per server.
    static QStringList summaryLines(const RunStats &stats,
                                    const std::vector<ServerConfig> &servers);

    LabSession *m_session;
    ServerPanel *m_serverPanel;
    ClientPanel *m_clientPanel;
    TimePanel *m_timePanel;
    AcceptQueueView *m_queueView;
    AcceptQueueView *m_twinQueueView;
    QLabel *m_message;
    QLabel *m_clock;
    QLabel *m_machine;
    QLabel *m_summary;
    QLabel *m_figures;
    QTabWidget *m_tabs;
    ConnectionModel *m_connections;
    ThreadLaneModel *m_lanes;
    EventLogModel *m_log;
    EventLogFilter *m_logFilter;
    QSortFilterProxyModel *m_clientSort;
    QTableView *m_clientTable;
    TimelineView *m_timeline;
    ExampleView *m_example;
    QListView *m_laneList;
    QTableView *m_logTable;
    QLineEdit *m_logSearch;
    QToolButton *m_export;
    QWidget *m_queueRow = nullptr;
    QBoxLayout *m_controls = nullptr;
    QBoxLayout *m_queues = nullptr;
    QWidget *m_viewport = nullptr;
    QSplitter *m_stageSplit = nullptr;
    QWidget *m_stageHost = nullptr;
    QWidget *m_stage = nullptr;
    StageView *m_ownStage = nullptr;
    ReplayBar *m_replayBar = nullptr;
    QString m_replaySource;
    bool m_replayOfLastRun = false; // m_replaySource is tr("last run"), not a file's name
    QList<int> m_normalSizes; // the stage splitter before presenter mode
    bool m_presenter = false;
    bool m_stageSized = false; // the splitter gave the stage its share once
    QString m_pauseNote;
    QString m_language = QStringLiteral("en");
    QString m_error; // the last thing that went wrong, shown until the next action
    QElapsedTimer m_sortClock; // when the client table was last sorted
    QElapsedTimer m_summaryClock; // when the run's summary and figures were last written
    // A live frame's views (queue views, summary, clock) at the event loop's next turn, after
    // the models and the stage had theirs: one frame is not one long block of work. What the
    // frames that came meanwhile counted, reported with it.
    QTimer m_frameTimer;
    int m_frameEvents = 0;
    qint64 m_frameWorkNs = 0;
    struct ShownSample // the sample a queue view was last given
    {
        quint64 sequence = 0;
        qint64 ns = 0;
        bool datagram = false;
        bool operator==(const ShownSample &o) const
        {
            return sequence == o.sequence && ns == o.ns && datagram == o.datagram;
        }
    };
    ShownSample m_shownSample[2];
};

#include "labarea.h"

#include "acceptqueueview.h"
#include "clientpanel.h"
#include "exampleview.h"
#include "lab/labcontroller.h"
#include "lab/labsession.h"
#include "lab/runrecord.h"
#include "lanedelegate.h"
#include "lesson/experimentpreset.h"
#include "menustyle.h"
#include "model/connectionmodel.h"
#include "model/eventlogfilter.h"
#include "model/eventlogmodel.h"
#include "model/runmeasures.h"
#include "model/runstats.h"
#include "model/threadlanemodel.h"
#include "replaybar.h"
#include "serverpanel.h"
#include "stageview.h"
#include "timelineview.h"
#include "timepanel.h"
#include "twolineheader.h"
#include "viewexporter.h"
#include "wheelguard.h"

#include <QAction>
#include <QBoxLayout>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QSysInfo>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

namespace {

// A sysctl read live from /proc; empty when this system has no such file.
QString readSysctl(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll()).trimmed();
}

} // namespace

LabArea::LabArea(QWidget *parent)
    : QGroupBox(parent)
    , m_session(new LabSession(this))
    , m_serverPanel(new ServerPanel(this))
    , m_clientPanel(new ClientPanel(this))
    , m_timePanel(new TimePanel(m_session->gate(), this))
    , m_queueView(new AcceptQueueView(this))
    , m_twinQueueView(new AcceptQueueView(this))
    , m_message(new QLabel(this))
    , m_clock(new QLabel(this))
    , m_machine(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_figures(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_connections(m_session->connections())
    , m_lanes(m_session->lanes())
    , m_log(m_session->eventLog())
    , m_logFilter(new EventLogFilter(this))
    , m_clientSort(new QSortFilterProxyModel(this))
    , m_clientTable(new QTableView(this))
    , m_timeline(new TimelineView(m_connections, this))
    , m_example(new ExampleView(this))
    , m_laneList(new QListView(this))
    , m_logTable(new QTableView(this))
    , m_logSearch(new QLineEdit(this))
    , m_export(new QToolButton(this))
{
    setObjectName(QStringLiteral("labArea"));
    // Qt's raster engine fills and blends large areas on the global thread pool and the GUI
    // thread waits for it. A pool thread idle for 30 s ends; making it again during a burst of
    // client threads waits for the memory-map lock they all take, and the picture stalls. The
    // lab keeps the few pool threads it has made (the pool holds at most one per core).
    QThreadPool::globalInstance()->setExpiryTimeout(-1);
    // Everything scrolls inside the frame, so the lab never forces the window to grow (a
    // projector at 200 % zoom, a small laptop screen).
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("labScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    // The stage above the rest, empty and hidden until one is set (setStageView).
    m_stageSplit = new QSplitter(Qt::Vertical, this);
    m_stageSplit->setObjectName(QStringLiteral("stageSplit"));
    m_stageSplit->setChildrenCollapsible(false);
    m_stageHost = new QWidget(m_stageSplit);
    m_stageHost->setObjectName(QStringLiteral("stageHost"));
    m_stageHost->installEventFilter(this);
    m_stageHost->hide();
    m_stageSplit->addWidget(m_stageHost);
    m_stageSplit->addWidget(scroll);
    m_stageSplit->setStretchFactor(0, 3);
    m_stageSplit->setStretchFactor(1, 1);
    m_stageSplit->installEventFilter(this);
    // A replay's controls above the stage: nobody takes a replay for a live run.
    m_replayBar = new ReplayBar(this);
    m_replayBar->setObjectName(QStringLiteral("replayBar"));
    m_replayBar->hide();
    outer->addWidget(m_replayBar);
    outer->addWidget(m_stageSplit);
    // Side by side when there is room, stacked when not (adaptToWidth): nothing is cut off.
    m_controls = new QBoxLayout(QBoxLayout::LeftToRight);
    m_controls->addWidget(m_serverPanel);
    m_controls->addWidget(m_clientPanel);
    layout->addLayout(m_controls);
    layout->addWidget(m_timePanel);
    layout->addWidget(m_clock);
    layout->addWidget(m_message);
    // Both queue views (two when comparing) in one row, which Export writes as one picture.
    m_queueRow = new QWidget(content);
    m_queues = new QBoxLayout(QBoxLayout::LeftToRight, m_queueRow);
    m_queues->setContentsMargins(0, 0, 0, 0);
    m_queues->addWidget(m_queueView);
    m_queues->addWidget(m_twinQueueView);
    m_twinQueueView->setObjectName(QStringLiteral("twinQueueView"));
    // A and B in the timeline's colours (Okabe–Ito blue and orange), besides their names.
    for (auto [view, color] :
         { std::pair<AcceptQueueView *, QColor>{ m_queueView, QColor(0x00, 0x72, 0xB2) },
           std::pair<AcceptQueueView *, QColor>{ m_twinQueueView, QColor(0xE6, 0x9F, 0x00) } }) {
        QPalette palette = view->palette();
        palette.setColor(QPalette::Highlight, color);
        view->setPalette(palette);
    }
    m_twinQueueView->hide();
    layout->addWidget(m_queueRow, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_figures);
    m_figures->setObjectName(QStringLiteral("runFigures"));
    m_figures->setWordWrap(true);
    layout->addWidget(m_tabs, 2);
    layout->addWidget(m_machine);
    m_summary->setObjectName(QStringLiteral("runSummary"));
    m_summary->setWordWrap(true);
    QFont summaryFont = m_summary->font();
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);

    // One model per view family; every view reads what the frame applied to it.
    // Sortable by any column (numbers as numbers: ValueRole).
    m_clientSort->setSourceModel(m_connections);
    m_clientSort->setSortRole(ConnectionModel::ValueRole);
    // Sorted again at most twice a second (showFrame), not on every change of every row: 1,000
    // clients change every frame during a burst.
    m_clientSort->setDynamicSortFilter(false);
    m_clientTable->setHorizontalHeader(new TwoLineHeader(m_clientTable));
    m_clientTable->setModel(m_clientSort);
    m_clientTable->setSortingEnabled(true);
    m_clientTable->sortByColumn(int(ConnectionModel::Column::Client), Qt::AscendingOrder);
    m_clientTable->verticalHeader()->hide();
    m_clientTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Sized from the rows in view and a few more, not all 1,000 on every change.
    m_clientTable->horizontalHeader()->setResizeContentsPrecision(0);
    m_laneList->setModel(m_lanes);
    m_laneList->setItemDelegate(new LaneDelegate(m_laneList));
    m_laneList->setUniformItemSizes(true); // 1,000 lanes: no size pass over every item
    m_laneList->setLayoutMode(QListView::Batched);
    m_logFilter->setSourceModel(m_log);
    m_logTable->setModel(m_logFilter);
    m_logTable->verticalHeader()->hide();
    m_logTable->horizontalHeader()->setStretchLastSection(true);
    auto *logPage = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPage);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto *logBar = new QHBoxLayout;
    auto *copy = new QPushButton(logPage);
    copy->setObjectName(QStringLiteral("copyCsv"));
    logBar->addWidget(m_logSearch, 1);
    logBar->addWidget(copy);
    logLayout->addLayout(logBar);
    logLayout->addWidget(m_logTable);
    m_tabs->addTab(m_clientTable, QString());
    auto *timelinePage = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timelinePage);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    auto *timelineBar = new QHBoxLayout;
    const std::pair<const char *, void (TimelineView::*)()> zooms[] = {
        { "zoomIn", &TimelineView::zoomIn },
        { "zoomOut", &TimelineView::zoomOut },
        { "zoomFit", &TimelineView::fit },
    };
    for (const auto &[name, slot] : zooms) {
        auto *button = new QPushButton(timelinePage);
        button->setObjectName(QLatin1String(name));
        connect(button, &QPushButton::clicked, m_timeline, slot);
        timelineBar->addWidget(button);
    }
    timelineBar->addStretch(1);
    auto *timelineScroll = new QScrollArea(timelinePage);
    timelineScroll->setObjectName(QStringLiteral("timelineScroll"));
    timelineScroll->setWidget(m_timeline);
    timelineScroll->setWidgetResizable(true);
    timelineLayout->addLayout(timelineBar);
    timelineLayout->addWidget(timelineScroll, 1);
    m_tabs->addTab(timelinePage, QString());
    m_tabs->addTab(m_laneList, QString());
    m_tabs->addTab(logPage, QString());
    m_tabs->addTab(m_example, QString());
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setMenu(new QMenu(m_export));
    MenuStyle::apply(m_export->menu());
    m_tabs->setCornerWidget(m_export, Qt::TopRightCorner);
    // Choosing a lane makes Step release that thread's next call only; no choice: any thread.
    connect(m_laneList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_timePanel->setStepTarget(current.data(ThreadLaneModel::TidRole).toInt(),
                                           current.data().toString());
            });
    connect(m_logSearch, &QLineEdit::textChanged, m_logFilter, &EventLogFilter::setCallFilter);
    connect(copy, &QPushButton::clicked, this, &LabArea::copyLogAsCsv);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("labMessage"));
    m_machine->setObjectName(QStringLiteral("labMachine"));
    m_machine->setWordWrap(true);
    m_machine->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_clock->setObjectName(QStringLiteral("runClock"));
    QFont clockFont = m_clock->font();
    clockFont.setBold(true);
    m_clock->setFont(clockFont);

    connect(m_serverPanel, &ServerPanel::startRequested, this, &LabArea::startServer);
    connect(m_serverPanel, &ServerPanel::stopRequested, this, &LabArea::stopServer);
    connect(m_clientPanel, &ClientPanel::addRequested, this, &LabArea::addClients);
    connect(m_clientPanel, &ClientPanel::killRequested, m_session, &LabSession::killClients);
    connect(m_timePanel, &TimePanel::resetRequested, this, &LabArea::reset);
    // The Pause button and the session's own pauses (pause points) stay one state.
    connect(m_timePanel->pauseButton(), &QPushButton::toggled, m_session, &LabSession::setPaused);
    connect(m_session, &LabSession::pausedChanged, this, [this](bool paused) {
        if (m_timePanel->pauseButton()->isChecked() != paused)
            m_timePanel->pauseButton()->setChecked(paused);
        showClock();
        showMessage();
    });
    connect(m_session, &LabSession::pausePointReached, this, [this](double at) {
        showMessage();
        emit pausedAtPoint(at);
    });
    connect(m_session, &LabSession::runStarted, this, [this] {
        m_error.clear();
        showClock();
        showMessage();
    });
    connect(m_session, &LabSession::runEnded, this, [this] {
        showClock();
        showMessage();
    });
    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(0);
    connect(&m_frameTimer, &QTimer::timeout, this, &LabArea::showPendingFrame);
    connect(m_session, &LabSession::frameApplied, this, [this](int events, qint64 workNs) {
        m_frameEvents += events;
        m_frameWorkNs += workNs;
        const bool live
                = m_session->isRunActive() && !m_session->isPaused() && !m_session->isReplaying();
        if (live) { // a paused lab or a replay step shows its state at once
            if (!m_frameTimer.isActive())
                m_frameTimer.start();
            return;
        }
        showPendingFrame();
    });
    connect(m_session, &LabSession::measured, this, &LabArea::measured);
    // The replay: the bar asks, the session answers, the bar shows what the session says.
    connect(m_replayBar, &ReplayBar::playToggled, m_session, &LabSession::setReplayPlaying);
    connect(m_replayBar, &ReplayBar::stepForward, m_session, &LabSession::replayStepForward);
    connect(m_replayBar, &ReplayBar::stepBack, m_session, &LabSession::replayStepBack);
    connect(m_replayBar, &ReplayBar::jumpToPause, m_session, &LabSession::replayJumpToNextPause);
    connect(m_replayBar, &ReplayBar::seekRequested, m_session, &LabSession::replaySeek);
    connect(m_replayBar, &ReplayBar::speedRequested, m_session, &LabSession::setReplaySpeed);
    connect(m_replayBar, &ReplayBar::leaveRequested, this, &LabArea::reset);
    connect(m_session, &LabSession::replayChanged, this, &LabArea::showReplay);
    connect(m_session, &LabSession::replayPositionChanged, this, [this](qint64 ns) {
        m_replayBar->setPosition(ns);
        m_replayBar->setEvents(m_session->replayEventIndex(), m_session->replayEventCount());
        showClock();
    });
    m_ownStage = new StageView;
    m_ownStage->setObjectName(QStringLiteral("stageView"));
    m_ownStage->setModel(m_session->stage());
    setStageView(m_ownStage);
    retranslate();
    // The wheel over a combo box or spin box scrolls the lab unless that control has focus.
    WheelGuard::install(scroll);
    m_viewport = scroll->viewport();
    m_viewport->installEventFilter(this);
}

LabArea::~LabArea() = default;

LabController *LabArea::controller() const
{
    return m_session->controller();
}

const RunMeasures &LabArea::measures() const
{
    return m_session->measures();
}

void LabArea::showPendingFrame()
{
    m_frameTimer.stop();
    QElapsedTimer work;
    work.start();
    showFrame();
    const int events = std::exchange(m_frameEvents, 0);
    emit frameApplied(events, std::exchange(m_frameWorkNs, 0) + work.nsecsElapsed());
}

void LabArea::showFrame()
{
    const std::vector<ServerConfig> &servers = m_session->servers();
    // Live: the probe's latest samples; in a replay: the recorded ones at the replay's position.
    // A frame comes 30 times a second, a new kernel sample 20: a queue view is given a sample
    // only when it is another one (a published sample never changes).
    const auto showSample = [](AcceptQueueView *view, const ProbeSample &sample, bool datagram,
                               ShownSample *shown) {
        const ShownSample now{ sample.sequence, sample.ns, datagram };
        if (now.sequence != 0 && now == *shown)
            return;
        *shown = now;
        view->setSample(sample, datagram);
    };
    showSample(m_queueView, m_session->latestSample(0),
               !servers.empty() && !servers.front().isStream(), &m_shownSample[0]);
    m_twinQueueView->setVisible(servers.size() > 1);
    if (servers.size() > 1)
        showSample(m_twinQueueView, m_session->latestSample(1), !servers.back().isStream(),
                   &m_shownSample[1]);
    QStringList labels;
    for (size_t i = 0; i < servers.size() && servers.size() > 1; ++i)
        labels << m_session->serverLabel(quint16(i));
    // Each queue view says whose queue it is: "A · TCPServer on 127.0.0.1:5007".
    const Server *running[] = { m_session->server(), m_session->twin() };
    AcceptQueueView *views[] = { m_queueView, m_twinQueueView };
    for (size_t i = 0; i < 2; ++i) {
        if (i < servers.size() && m_session->isReplaying())
            views[i]->setTitle(tr("%1 (recorded)").arg(m_session->serverLabel(quint16(i))));
        else if (i < servers.size() && running[i])
            views[i]->setTitle(tr("%1 on %2")
                                       .arg(m_session->serverLabel(quint16(i)),
                                            running[i]->address().toString()));
        else if (i < servers.size())
            views[i]->setTitle(tr("%1 (stopped)").arg(m_session->serverLabel(quint16(i))));
    }
    m_lanes->setOriginLabels(labels);
    m_timeline->setGroups(labels);
    m_timeline->setPauses(m_session->pauseMarks());
    m_timeline->update(); // the "now" line moves every frame
    // The example line for the call of the chosen lane, or of the first one (the server thread).
    const QModelIndex chosen = m_laneList->currentIndex();
    const QModelIndex lane = chosen.isValid() ? chosen : m_lanes->index(0);
    if (lane.isValid())
        m_example->highlightCall(lane.data(ThreadLaneModel::CallRole).toString());
    // This run's summary per server, then earlier runs' (kept until Reset: a new burst is a new
    // run, never merged); the figures for this run. While a run goes on live they are written
    // four times a second (each sets the labels' sizes, and the lab's layout follows); paused,
    // ended or replayed, at every frame.
    const bool live
            = m_session->isRunActive() && !m_session->isPaused() && !m_session->isReplaying();
    if (live && m_summaryClock.isValid() && m_summaryClock.elapsed() < 250) {
        finishFrame();
        return;
    }
    m_summaryClock.start();
    QStringList lines = summaryLines(m_session->measures().stats(), servers);
    for (auto past = m_session->pastRuns().rbegin(); past != m_session->pastRuns().rend(); ++past) {
        for (const QString &line : summaryLines(past->stats, past->servers))
            lines << tr("Run %1 · %2").arg(past->number).arg(line);
    }
    QStringList figures;
    const RunStats &stats = m_session->measures().stats();
    for (const quint16 origin : stats.origins()) {
        const QString text = stats.figures(origin);
        if (!text.isEmpty() && origin < servers.size())
            figures << (servers.size() > 1 ? QStringLiteral("%1 · ").arg(QChar(u'A' + origin))
                                           : QString())
                            + text;
    }
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_figures->setText(figures.join(QLatin1Char('\n')));
    finishFrame();
}

void LabArea::finishFrame()
{
    showClock();
    if (m_session->isPaused())
        showMessage(); // what the kernel does meanwhile, live
    if (!m_sortClock.isValid() || m_sortClock.elapsed() >= 500) {
        m_sortClock.start();
        sortClientsIfNeeded();
    }
}

QStringList LabArea::summaryLines(const RunStats &stats, const std::vector<ServerConfig> &servers)
{
    QStringList lines;
    for (const quint16 origin : stats.origins()) {
        if (origin >= servers.size())
            continue;
        const ServerConfig &c = servers[origin];
        lines << LabSession::serverLabel(servers, origin) + QStringLiteral(": ")
                        + stats.summary(origin, c.delaySeconds, c.model == ServerModel::Blocking);
    }
    return lines;
}

void LabArea::sortClientsIfNeeded()
{
    // A sort relays the table out: only when a row is out of place (new rows come in client
    // order, so the default order rarely needs one).
    const QHeaderView *header = m_clientTable->horizontalHeader();
    const int column = header->sortIndicatorSection();
    const Qt::SortOrder order = header->sortIndicatorOrder();
    const auto value = [this, column](int row) {
        return m_clientSort->index(row, column).data(ConnectionModel::ValueRole).toDouble();
    };
    for (int row = 1; row < m_clientSort->rowCount(); ++row) {
        const double before = value(row - 1);
        const double now = value(row);
        if (order == Qt::AscendingOrder ? now < before : now > before) {
            m_clientSort->sort(column, order);
            return;
        }
    }
}

void LabArea::showClock()
{
    if (m_session->isReplaying()) {
        m_clock->setText(tr("Replay of run %1 · %2 s of %3 s (lab time)")
                                 .arg(m_session->runNumber())
                                 .arg(double(m_session->replayPositionNs()) / 1e9, 0, 'f', 2)
                                 .arg(double(m_session->replayDurationNs()) / 1e9, 0, 'f', 2));
        return;
    }
    if (m_session->runNumber() == 0) {
        m_clock->setText(tr("No run yet: start a server or add clients."));
        return;
    }
    const QString seconds = QString::number(m_session->labSeconds(), 'f', 1);
    if (m_session->hasRunEnded())
        m_clock->setText(
                tr("Run %1 ended at %2 s (lab time)").arg(m_session->runNumber()).arg(seconds));
    else if (m_session->isPaused())
        m_clock->setText(tr("Run %1 · %2 s · paused: the lab clock stands still")
                                 .arg(m_session->runNumber())
                                 .arg(seconds));
    else
        m_clock->setText(tr("Run %1 · %2 s").arg(m_session->runNumber()).arg(seconds));
}

void LabArea::showMessage()
{
    QStringList parts;
    QString pauseNote;
    if (!m_error.isEmpty())
        parts << m_error;
    if (const ExperimentPreset::PausePoint *point = m_session->activePausePoint()) {
        const QString note = point->note.value(m_language, point->note.value(QStringLiteral("en")));
        // A note about the kernel's timers is the lesson's expectation for an unpaused run; after
        // earlier pauses this run went otherwise, so only what it shows is said.
        pauseNote = m_session->activeNoteHolds()
                ? tr("Paused at %1 s. %2 Press Resume to continue.")
                          .arg(point->atSeconds, 0, 'f', 1)
                          .arg(note)
                : tr("Paused at %1 s. This run stood paused for %2 s before this point, "
                     "and the kernel's timers (SYN retries, timeouts) and child "
                     "processes "
                     "ran on meanwhile, so the lesson's note for this moment does not "
                     "describe it. Press Resume to continue.")
                          .arg(point->atSeconds, 0, 'f', 1)
                          .arg(m_session->pausedBeforePoint(), 0, 'f', 1);
        parts << pauseNote;
        // What this run shows now, always true: the clients' stages from events and kernel.
        for (size_t i = 0; i < m_session->servers().size(); ++i) {
            const QString stages = m_connections->stageSummary(quint16(i));
            if (!stages.isEmpty())
                parts << tr("Now, %1: %2").arg(m_session->serverLabel(quint16(i)), stages);
        }
    }
    if (const auto report = m_session->pauseReport())
        parts << LabSession::describe(*report);
    m_message->setText(parts.join(QLatin1Char('\n')));
    if (pauseNote != m_pauseNote) {
        m_pauseNote = pauseNote;
        emit pauseNoteChanged(m_pauseNote);
    }
}

void LabArea::setExample(const QString &code)
{
    m_example->setCode(code);
}

bool LabArea::runExperiment(const QJsonObject &experiment)
{
    QString error;
    const std::optional<ExperimentPreset> preset = ExperimentPreset::fromJson(experiment, &error);
    if (!preset) {
        reset();
        m_error = tr("This lesson's experiment.json cannot be used: %1").arg(error);
        showMessage();
        return false;
    }
    syncControls(*preset);
    if (!m_session->applyPreset(*preset, true, &error)) {
        m_serverPanel->setStatus(ServerPanel::Status::Failed, error);
        return false;
    }
    showServerStatus();
    return true;
}

void LabArea::runAndMeasure(const QJsonObject &experiment, const QString &measure, int server)
{
    QString error;
    const std::optional<ExperimentPreset> preset = ExperimentPreset::fromJson(experiment, &error);
    if (!preset) {
        reset();
        emit measured(false, 0.0, error);
        return;
    }
    syncControls(*preset);
    if (!m_session->runAndMeasure(*preset, measure, server, &error)) {
        m_serverPanel->setStatus(ServerPanel::Status::Failed, error);
        emit measured(false, 0.0, error);
        return;
    }
    showServerStatus();
}

void LabArea::syncControls(const ExperimentPreset &preset)
{
    // The controls show the preset; the preset itself goes straight into the session.
    m_serverPanel->setConfig(preset.servers.front(),
                             preset.servers.size() > 1
                                     ? std::optional<ServerConfig>(preset.servers.back())
                                     : std::nullopt);
    m_clientPanel->setConfig(preset.clients);
    QComboBox *speed = m_timePanel->speedBox();
    int index = -1;
    for (int i = 0; i < speed->count(); ++i) {
        if (qFuzzyCompare(speed->itemData(i).toDouble(), preset.speed))
            index = i;
    }
    if (index < 0) {
        speed->addItem(QStringLiteral("×%1").arg(preset.speed), preset.speed);
        index = speed->count() - 1;
    }
    speed->setCurrentIndex(index);
    m_timePanel->pauseButton()->setChecked(false);
}

void LabArea::showServerStatus()
{
    const Server *server = m_session->server();
    if (!server) {
        m_serverPanel->setStatus(ServerPanel::Status::Idle);
        return;
    }
    QString where = server->address().toString(); // the panel names A's class itself
    if (const Server *twin = m_session->twin())
        where = tr("%1 (A) + %2 on %3 (B)")
                        .arg(where,
                             ServerConfig::pythonClassName(twin->config().model,
                                                           twin->config().family),
                             twin->address().toString());
    m_serverPanel->setStatus(ServerPanel::Status::Listening, where);
}

void LabArea::clearRunViews()
{
    m_frameTimer.stop(); // a live frame of the run that is gone is not shown after it
    m_frameEvents = 0;
    m_frameWorkNs = 0;
    m_summary->clear();
    m_summaryClock.invalidate(); // the next frame writes them at once
    m_figures->clear();
    m_queueView->clear();
    m_twinQueueView->clear();
    m_shownSample[0] = m_shownSample[1] = {}; // the next frame gives them their samples anew
}

void LabArea::reset()
{
    m_session->reset();
    m_error.clear();
    clearRunViews();
    m_twinQueueView->hide();
    m_serverPanel->setStatus(ServerPanel::Status::Idle);
    m_message->clear();
    showReplay();
}

bool LabArea::replayLastRun(QString *error)
{
    const RunRecord record = m_session->record(); // a copy: the session resets before replaying
    if (!m_session->startReplay(record, error))
        return false;
    setReplaySource(tr("last run"));
    m_replayOfLastRun = true; // named again in the next language
    return true;
}

void LabArea::setReplaySource(const QString &name)
{
    m_replaySource = name;
    m_replayOfLastRun = false;
    m_replayBar->setSource(name);
}

void LabArea::showReplay()
{
    const bool replaying = m_session->isReplaying();
    if (replaying) {
        m_replayBar->setDuration(m_session->replayDurationNs());
        std::vector<qint64> marks;
        if (const RunRecord *record = m_session->replayRecord())
            for (const RecordedPause &pause : record->pauses)
                marks.push_back(pause.labNs);
        m_replayBar->setPauseMarks(marks);
        m_replayBar->setPlaying(m_session->isReplayPlaying());
        m_replayBar->setSpeed(m_session->replaySpeed());
        m_replayBar->setPosition(m_session->replayPositionNs());
        m_replayBar->setEvents(m_session->replayEventIndex(), m_session->replayEventCount());
        m_replayBar->setSource(m_replaySource);
    }
    if (replaying) { // what the live lab showed before is not part of the recording
        m_serverPanel->setStatus(ServerPanel::Status::Idle);
        clearRunViews();
        m_error.clear();
    }
    m_replayBar->setVisible(replaying);
    // The live controls cannot act on a recorded run: greyed while it plays back (the toolbar's
    // actions too; Reset stays, and leaves the replay).
    m_serverPanel->setEnabled(!replaying);
    m_clientPanel->setEnabled(!replaying);
    // The time panel's Reset stays usable (it leaves the replay); its live controls do not.
    m_timePanel->pauseButton()->setEnabled(!replaying);
    m_timePanel->stepButton()->setEnabled(!replaying && m_timePanel->pauseButton()->isChecked());
    m_timePanel->speedBox()->setEnabled(!replaying);
    m_serverPanel->startAction()->setEnabled(!replaying);
    m_clientPanel->addManyAction()->setEnabled(!replaying);
    m_timePanel->pauseAction()->setEnabled(!replaying);
    m_timePanel->stepAction()->setEnabled(!replaying && m_timePanel->pauseAction()->isChecked());
    m_timePanel->resetAction()->setEnabled(true);
    showServerStatus(); // the replay stopped the live servers: no 'listening' left standing
    showClock();
    showMessage();
}

void LabArea::setLanguage(const QString &language)
{
    m_language = language;
    m_summaryClock.invalidate(); // written now, not at the next quarter second
    showFrame(); // the summaries and the clock, in the catalogue installed now
    showMessage();
}

void LabArea::copyLogAsCsv()
{
    QGuiApplication::clipboard()->setText(m_logFilter->toCsv());
}

bool LabArea::exportTo(Export what, const QString &path, QString *error)
{
    switch (what) {
    case Export::TimelinePng:
        return ViewExporter::savePng(m_timeline, path, error);
    case Export::TimelineSvg:
        return ViewExporter::saveSvg(m_timeline, path, tr("Timeline"), error);
    case Export::QueuePng:
        return ViewExporter::savePng(m_queueRow, path, error);
    case Export::QueueSvg:
        return ViewExporter::saveSvg(m_queueRow, path, tr("Accept queue"), error);
    case Export::EventsCsv:
        return ViewExporter::saveText(m_logFilter->toCsv(), path, error);
    case Export::ClientsCsv:
        return ViewExporter::saveCsv(*m_connections, path, error);
    }
    return false;
}

void LabArea::askAndExport(Export what)
{
    const bool svg = what == Export::TimelineSvg || what == Export::QueueSvg;
    const bool csv = what == Export::EventsCsv || what == Export::ClientsCsv;
    const QString filter = svg ? tr("SVG image (*.svg)")
            : csv              ? tr("CSV table (*.csv)")
                               : tr("PNG image (*.png)");
    const QString suffix = svg ? QStringLiteral(".svg")
            : csv              ? QStringLiteral(".csv")
                               : QStringLiteral(".png");
    const char *names[]
            = { "timeline", "timeline", "accept-queue", "accept-queue", "events", "clients" };
    const QString suggested = QDir::home().filePath(QLatin1String(names[int(what)]) + suffix);
    QString path = QFileDialog::getSaveFileName(this, tr("Export"), suggested, filter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    QString error;
    if (exportTo(what, path, &error))
        m_message->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    else
        m_message->setText(tr("Export failed: %1").arg(error));
}

void LabArea::startServer()
{
    QString error;
    if (!m_session->startServers(m_serverPanel->config(), m_serverPanel->twinConfig(), &error)) {
        m_serverPanel->setStatus(ServerPanel::Status::Failed, error);
        return;
    }
    showServerStatus();
}

void LabArea::stopServer()
{
    m_session->stopServers();
    m_queueView->clear(); // no listener any more: no port, no ss command
    m_twinQueueView->clear();
    m_shownSample[0] = m_shownSample[1] = {}; // the next frame gives them their samples anew
    m_serverPanel->setStatus(ServerPanel::Status::Stopped);
}

void LabArea::addClients(int clients)
{
    QString error;
    m_error.clear();
    if (!m_session->addClients(m_clientPanel->config(clients), &error))
        m_error = tr("Could not start the clients: %1").arg(error);
    showMessage();
}

void LabArea::setStageView(QWidget *stage)
{
    if (stage == m_stage)
        return;
    if (m_stage) {
        m_stage->hide();
        m_stage->setParent(nullptr); // the caller owns what it set
    }
    m_stage = stage;
    m_stageSized = false;
    if (m_stage) {
        // No layout in the host: the stage gets the host's rectangle, whatever size it asks for.
        m_stage->setParent(m_stageHost);
        m_stage->setGeometry(m_stageHost->rect());
        m_stage->show();
    }
    m_stageHost->setVisible(m_stage != nullptr);
    giveStageRoom();
}

void LabArea::giveStageRoom()
{
    // Most of the height for the stage: three quarters in presenter layout, two thirds else.
    const int height = m_stageSplit->height();
    if (!m_stage || m_stageSized || height <= 0 || !m_stageSplit->isVisible())
        return;
    const int stage = m_presenter ? height * 3 / 4 : height * 2 / 3;
    m_stageSplit->setSizes({ stage, height - stage });
    m_stageSized = true;
}

void LabArea::setPresenterMode(bool on)
{
    if (on == m_presenter)
        return;
    if (on)
        m_normalSizes = m_stageSplit->sizes();
    m_presenter = on;
    m_serverPanel->setVisible(!on);
    m_clientPanel->setVisible(!on);
    m_timePanel->setControlsVisible(!on);
    m_machine->setVisible(!on);
    const bool laidOut = m_normalSizes.value(0) + m_normalSizes.value(1) > 0;
    if (on || !laidOut || !m_stage) {
        m_stageSized = false;
        giveStageRoom();
    } else {
        m_stageSplit->setSizes(m_normalSizes);
    }
}

bool LabArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_viewport && event->type() == QEvent::Resize)
        adaptToWidth(m_viewport->width());
    if (watched == m_stageHost && event->type() == QEvent::Resize && m_stage)
        m_stage->setGeometry(m_stageHost->rect());
    if (watched == m_stageSplit
        && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        giveStageRoom();
    return QGroupBox::eventFilter(watched, event);
}

void LabArea::adaptToWidth(int width)
{
    // Two things side by side only when both fit at their preferred width; otherwise one under
    // the other, so the lab never needs to scroll sideways and no text is cut at the right.
    const int gap = m_controls->spacing() + 2 * style()->pixelMetric(QStyle::PM_LayoutLeftMargin);
    const int panels = m_serverPanel->sizeHint().width() + m_clientPanel->sizeHint().width() + gap;
    m_controls->setDirection(width >= panels ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    const int queues = 2 * m_queueView->minimumSizeHint().width() + gap;
    m_queues->setDirection(width >= queues * 3 / 2 ? QBoxLayout::LeftToRight
                                                   : QBoxLayout::TopToBottom);
}

void LabArea::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void LabArea::retranslate()
{
    setTitle(tr("Lab"));
    // Rows already on screen are words of the language before: have every view read them again.
    for (QAbstractItemModel *model : { static_cast<QAbstractItemModel *>(m_connections),
                                       static_cast<QAbstractItemModel *>(m_log) })
        emit model->headerDataChanged(Qt::Horizontal, 0, model->columnCount() - 1);
    for (QAbstractItemView *view : { static_cast<QAbstractItemView *>(m_clientTable),
                                     static_cast<QAbstractItemView *>(m_logTable),
                                     static_cast<QAbstractItemView *>(m_laneList) })
        view->viewport()->update();
    m_timeline->update();
    m_queueView->update();
    m_twinQueueView->update();
    if (m_session && m_session->isServerRunning())
        showServerStatus(); // its words were composed in the language before
    if (m_replayOfLastRun) { // "last run" was said in the language before
        m_replaySource = tr("last run");
        m_replayBar->setSource(m_replaySource);
    }
    m_tabs->setTabText(0, tr("Clients"));
    m_tabs->setTabText(1, tr("Timeline"));
    m_tabs->setTabText(2, tr("Threads and processes"));
    m_tabs->setTabText(3, tr("Event log"));
    m_tabs->setTabText(4, tr("Example"));
    m_logSearch->setPlaceholderText(tr("Filter by call, e.g. accept or recv"));
    if (auto *copy = findChild<QPushButton *>(QStringLiteral("copyCsv")))
        copy->setText(tr("Copy as CSV"));
    m_export->setText(tr("Export"));
    const std::pair<const char *, QString> zoomTexts[] = {
        { "zoomIn", tr("Zoom in") },
        { "zoomOut", tr("Zoom out") },
        { "zoomFit", tr("Fit the run") },
    };
    for (const auto &[name, text] : zoomTexts) {
        if (auto *button = findChild<QPushButton *>(QLatin1String(name))) {
            button->setText(text);
            button->setToolTip(tr("Ctrl + mouse wheel over the timeline zooms as well"));
        }
    }
    QMenu *menu = m_export->menu();
    menu->clear();
    const std::pair<Export, QString> items[] = {
        { Export::TimelinePng, tr("Timeline as PNG…") },
        { Export::TimelineSvg, tr("Timeline as SVG…") },
        { Export::QueuePng, tr("Accept queue as PNG…") },
        { Export::QueueSvg, tr("Accept queue as SVG…") },
        { Export::EventsCsv, tr("Events as CSV…") },
        { Export::ClientsCsv, tr("Clients and latencies as CSV…") },
    };
    for (const auto &[what, text] : items) {
        const Export kind = what;
        menu->addAction(text, this, [this, kind] { askAndExport(kind); });
    }
    const QString somaxconn = readSysctl("/proc/sys/net/core/somaxconn");
    m_machine->setText(tr("Kernel: %1 %2 · net.core.somaxconn = %3")
                               .arg(QSysInfo::kernelType(), QSysInfo::kernelVersion(),
                                    somaxconn.isEmpty() ? tr("not available") : somaxconn));
}

#include "labarea.h"

#include "acceptqueueview.h"
#include "clientpanel.h"
#include "exampleview.h"
#include "lab/experimentrunner.h"
#include "lab/labcontroller.h"
#include "lanedelegate.h"
#include "lesson/experimentpreset.h"
#include "model/connectionmodel.h"
#include "model/eventlogfilter.h"
#include "model/eventlogmodel.h"
#include "model/runmeasures.h"
#include "model/runstats.h"
#include "model/threadlanemodel.h"
#include "serverpanel.h"
#include "timelineview.h"
#include "timepanel.h"
#include "viewexporter.h"

#include <QClipboard>
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
#include <QSysInfo>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

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
    , m_controller(new LabController(this))
    , m_serverPanel(new ServerPanel(this))
    , m_clientPanel(new ClientPanel(this))
    , m_timePanel(new TimePanel(m_controller->gate(), this))
    , m_queueView(new AcceptQueueView(this))
    , m_twinQueueView(new AcceptQueueView(this))
    , m_message(new QLabel(this))
    , m_machine(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_figures(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_connections(new ConnectionModel(this))
    , m_lanes(new ThreadLaneModel(this))
    , m_log(new EventLogModel(EventLogModel::defaultCapacity, this))
    , m_logFilter(new EventLogFilter(this))
    , m_measures(std::make_unique<RunMeasures>())
    , m_clientTable(new QTableView(this))
    , m_timeline(new TimelineView(m_connections, this))
    , m_example(new ExampleView(this))
    , m_laneList(new QListView(this))
    , m_logTable(new QTableView(this))
    , m_logSearch(new QLineEdit(this))
    , m_export(new QToolButton(this))
{
    setObjectName(QStringLiteral("labArea"));
    // Everything scrolls inside the frame, so the lab never forces the window to grow (a
    // projector at 200 % zoom, a small laptop screen).
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_serverPanel);
    controls->addWidget(m_clientPanel);
    layout->addLayout(controls);
    layout->addWidget(m_timePanel);
    layout->addWidget(m_message);
    // Both queue views (two when comparing) in one row, which Export writes as one picture.
    m_queueRow = new QWidget(content);
    auto *queues = new QHBoxLayout(m_queueRow);
    queues->setContentsMargins(0, 0, 0, 0);
    queues->addWidget(m_queueView);
    queues->addWidget(m_twinQueueView);
    m_twinQueueView->setObjectName(QStringLiteral("twinQueueView"));
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
    m_clientTable->setModel(m_connections);
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

    connect(m_serverPanel, &ServerPanel::startRequested, this, &LabArea::startServer);
    connect(m_serverPanel, &ServerPanel::stopRequested, this, &LabArea::stopServer);
    connect(m_clientPanel, &ClientPanel::addRequested, this, &LabArea::addClients);
    connect(m_clientPanel, &ClientPanel::killRequested, m_controller, &LabController::killClients);
    connect(m_timePanel, &TimePanel::resetRequested, this, &LabArea::reset);
    connect(m_controller, &LabController::frame, this, &LabArea::applyFrame);
    m_connections->setOrigin(m_controller->startNs());
    m_lanes->setOrigin(m_controller->startNs());
    m_log->setOrigin(m_controller->startNs());
    retranslate();
}

LabArea::~LabArea() = default;

void LabArea::applyFrame(const std::vector<Event> &events, const ProbeSample &sample,
                         const ProbeSample &twinSample)
{
    QElapsedTimer work; // the instrumented frame: how long applying one frame takes
    work.start();
    const Server *server = m_controller->server();
    const Server *twin = m_controller->twin();
    m_queueView->setSample(sample, server && !server->config().isStream());
    m_twinQueueView->setVisible(twin != nullptr);
    if (twin)
        m_twinQueueView->setSample(twinSample, !twin->config().isStream());
    m_connections->applyEvents(events);
    m_connections->applyProbe(sample, 0);
    if (twin)
        m_connections->applyProbe(twinSample, 1);
    m_lanes->applyEvents(events);
    m_log->applyEvents(events);
    m_measures->applyEvents(events);
    m_measures->applyProbe(sample, 0);
    if (twin)
        m_measures->applyProbe(twinSample, 1);
    m_timeline->update(); // the "now" line moves every frame
    // The example line for the call of the chosen lane, or of the first one (the server thread).
    const QModelIndex chosen = m_laneList->currentIndex();
    const QModelIndex lane = chosen.isValid() ? chosen : m_lanes->index(0);
    if (lane.isValid())
        m_example->highlightCall(lane.data(ThreadLaneModel::CallRole).toString());
    QStringList lines;
    for (const Server *s : { server, twin }) {
        const QString line = summaryLine(s);
        if (!line.isEmpty())
            lines << line;
    }
    m_summary->setText(lines.join(QLatin1Char('\n')));
    QStringList figures;
    for (const Server *s : { server, twin }) {
        if (!s)
            continue;
        const quint16 origin = s->config().origin;
        const QString text = m_measures->stats().figures(origin);
        if (!text.isEmpty())
            figures << (twin ? QStringLiteral("%1 · ").arg(QChar(u'A' + origin)) : QString())
                            + text;
    }
    m_figures->setText(figures.join(QLatin1Char('\n')));
    emit frameApplied(int(events.size()), work.nsecsElapsed());
    if (m_pending)
        finishMeasureIfDone();
}

QString LabArea::summaryLine(const Server *server) const
{
    if (!server)
        return {};
    const quint16 origin = server->config().origin;
    const auto origins = m_measures->stats().origins();
    if (std::find(origins.begin(), origins.end(), origin) == origins.end())
        return {};
    const double delay = server->config().delaySeconds;
    const bool serial = server->config().model == ServerModel::Blocking;
    return ServerConfig::pythonClassName(server->config().model, server->config().family)
            + QStringLiteral(": ") + m_measures->stats().summary(origin, delay, serial);
}

void LabArea::setExample(const QString &code)
{
    m_example->setCode(code);
}

bool LabArea::runExperiment(const QJsonObject &experiment)
{
    return startExperiment(experiment, true).has_value();
}

void LabArea::runAndMeasure(const QJsonObject &experiment, const QString &measure, int server)
{
    const std::optional<ExperimentPreset> preset = startExperiment(experiment, false);
    if (!preset) {
        emit measured(false, 0.0,
                      m_message->text().isEmpty() ? m_serverPanel->statusLabel()->text()
                                                  : m_message->text());
        return;
    }
    m_pending = PendingMeasure{ measure, server,
                                RunEnd(preset->clients.clients * int(preset->servers.size()),
                                       preset->observeSeconds) };
}

void LabArea::finishMeasureIfDone()
{
    if (!m_pending->end.reached(m_controller->finishedClientCount()))
        return;
    ExperimentRunner::takeServerCounts(*m_controller, m_measures.get());
    const PendingMeasure p = *m_pending;
    m_pending.reset();
    const std::optional<double> value = m_measures->value(p.measure, quint16(p.server));
    emit measured(value.has_value(), value.value_or(0.0),
                  value ? QString() : tr("the run did not show %1").arg(p.measure));
}

std::optional<ExperimentPreset> LabArea::startExperiment(const QJsonObject &experiment,
                                                         bool withPauses)
{
    QString error;
    const std::optional<ExperimentPreset> preset = ExperimentPreset::fromJson(experiment, &error);
    reset();
    if (!preset) {
        m_message->setText(tr("This lesson's experiment.json cannot be used: %1").arg(error));
        return std::nullopt;
    }
    m_serverPanel->setConfig(preset->servers.front(),
                             preset->servers.size() > 1
                                     ? std::optional<ServerConfig>(preset->servers.back())
                                     : std::nullopt);
    m_clientPanel->setConfig(preset->clients);
    startServer();
    if (!m_controller->isServerRunning())
        return std::nullopt;
    if (preset->paused && !m_timePanel->pauseButton()->isChecked())
        m_timePanel->pauseButton()->click();
    if (preset->clients.clients > 0)
        addClients(preset->clients.clients);
    // Pause points: the lab stops there and says what to look at; Pause again continues.
    const int run = m_run;
    for (const ExperimentPreset::PausePoint &point : preset->pauses) {
        if (!withPauses)
            break;
        QTimer::singleShot(int(point.atSeconds * 1000), this, [this, run, point] {
            if (run != m_run || !m_controller->isServerRunning())
                return; // reset or stopped since
            if (!m_timePanel->pauseButton()->isChecked())
                m_timePanel->pauseButton()->click();
            const QString note
                    = point.note.value(m_language, point.note.value(QStringLiteral("en")));
            m_message->setText(tr("Paused at %1 s. %2 Press Pause again to continue.")
                                       .arg(point.atSeconds, 0, 'f', 1)
                                       .arg(note));
            emit pausedAtPoint(point.atSeconds);
        });
    }
    return preset;
}

void LabArea::reset()
{
    ++m_run; // pending pause points belong to the old run
    m_controller->reset();
    m_connections->clear();
    m_lanes->clear();
    m_log->clear();
    m_measures->clear();
    if (m_pending) {
        m_pending.reset();
        emit measured(false, 0.0, tr("the run was reset"));
    }
    m_summary->clear();
    m_figures->clear();
    m_queueView->clear();
    m_twinQueueView->clear();
    m_twinQueueView->hide();
    m_serverPanel->setStatus(ServerPanel::Status::Idle);
    m_message->clear();
}

void LabArea::setLanguage(const QString &language)
{
    m_language = language;
    applyFrame({}, m_controller->latestSample(), m_controller->latestTwinSample());
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
    if (!m_controller->startServer(m_serverPanel->config(), &error, m_serverPanel->twinConfig())) {
        m_serverPanel->setStatus(ServerPanel::Status::Failed, error);
        return;
    }
    QString where = m_controller->server()->address().toString();
    if (const Server *twin = m_controller->twin())
        where += QStringLiteral(" + ")
                + ServerConfig::pythonClassName(twin->config().model, twin->config().family)
                + QLatin1Char(' ') + twin->address().toString();
    m_serverPanel->setStatus(ServerPanel::Status::Listening, where);
}

void LabArea::stopServer()
{
    m_controller->stopServer();
    m_serverPanel->setStatus(ServerPanel::Status::Stopped);
}

void LabArea::addClients(int clients)
{
    QString error;
    if (!m_controller->addClients(m_clientPanel->config(clients), &error))
        m_message->setText(tr("Could not start the clients: %1").arg(error));
    else
        m_message->clear();
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

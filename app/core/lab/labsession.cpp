#include "labsession.h"

#include "model/connectionmodel.h"
#include "model/eventlogmodel.h"
#include "model/runmeasures.h"
#include "model/stagemodel.h"
#include "model/threadlanemodel.h"
#include "replaycursor.h"
#include "trace/clock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

LabSession::LabSession(QObject *parent)
    : QObject(parent)
    , m_controller(new LabController(this))
    , m_connections(new ConnectionModel(this))
    , m_lanes(new ThreadLaneModel(this))
    , m_log(new EventLogModel(EventLogModel::defaultCapacity, this))
    , m_stage(new StageModel(this))
    , m_measures(std::make_unique<RunMeasures>())
    , m_playTimer(new QTimer(this))
{
    m_playTimer->setInterval(33);
    connect(m_playTimer, &QTimer::timeout, this, &LabSession::advanceReplay);
    m_connections->setOrigin(labEpochNs);
    m_lanes->setOrigin(labEpochNs);
    m_log->setOrigin(labEpochNs);
    connect(m_controller, &LabController::frame, this, &LabSession::onFrame);
    connect(m_controller, &LabController::serverStateChanged, this,
            &LabSession::serverStateChanged);
}

LabSession::~LabSession() = default;

qint64 LabSession::toLab(qint64 monotonicNs) const
{
    return monotonicNs == 0 ? 0 : labEpochNs + m_clock.labNs(monotonicNs);
}

qint64 LabSession::nowLabNs() const
{
    return m_clock.isStarted() ? m_clock.nowLabNs(Clock::nowNs()) : 0;
}

double LabSession::labSeconds() const
{
    return Clock::seconds(m_cursor ? m_cursor->positionNs() : nowLabNs());
}

bool LabSession::refuseWhileReplaying(QString *error) const
{
    if (!m_cursor)
        return false;
    if (error)
        *error = tr("Leave the replay first");
    return true;
}

QString LabSession::clientName(quint16 origin, quint32 id, bool comparing)
{
    return comparing ? QStringLiteral("%1 · %2").arg(QChar(u'A' + origin)).arg(id)
                     : QString::number(id);
}

QString LabSession::serverLabel(const std::vector<ServerConfig> &servers, quint16 origin)
{
    if (origin >= servers.size())
        return {};
    const ServerConfig &c = servers[origin];
    const QString name = ServerConfig::pythonClassName(c.model, c.family);
    return servers.size() > 1 ? QStringLiteral("%1 · %2").arg(QChar(u'A' + origin)).arg(name)
                              : name;
}

bool LabSession::startServers(const ServerConfig &config, const std::optional<ServerConfig> &twin,
                              QString *error)
{
    if (refuseWhileReplaying(error))
        return false;
    if (!m_controller->startServer(config, error, twin))
        return false;
    m_servers = { config };
    if (twin)
        m_servers.push_back(*twin);
    for (size_t i = 0; i < m_servers.size(); ++i)
        m_servers[i].origin = quint16(i);
    m_stage->setServers(m_servers);
    beginRun(); // a server started is a new run: t = 0 now
    return true;
}

void LabSession::stopServers()
{
    if (!m_controller->isServerRunning())
        return;
    // From this instant the clients' failures are the stop's doing: the table says so.
    const qint64 at = toLab(Clock::nowNs());
    if (isRunActive())
        m_record.serversStoppedNs = at - labEpochNs;
    // The experiment's notes describe its servers at work: none of them holds once they stop.
    m_nextPoint = m_points.size();
    m_activePoint = -1;
    for (size_t i = 0; i < m_servers.size(); ++i)
        m_connections->markServerStopped(quint16(i), at);
    m_controller->stopServer();
}

bool LabSession::addClients(const SwarmConfig &config, QString *error)
{
    if (refuseWhileReplaying(error))
        return false;
    if (m_run == 0 || m_runEnded)
        beginRun();
    const int servers = m_controller->twin() ? 2 : 1;
    if (!m_controller->addClients(config, error))
        return false;
    m_record.bursts.push_back({ nowLabNs(), config });
    // The experiment's pause notes describe its own clients; with a burst of the user's in the
    // same run they would tell of a run that is no longer the one on screen: no more of them.
    // (applyPreset() sets its points after its own burst.)
    m_nextPoint = m_points.size();
    m_activePoint = -1;
    const int added = qMax(config.clients, 0) * servers;
    if (m_end)
        m_end->expectMore(added);
    else
        m_end.emplace(added);
    return true;
}

void LabSession::killClients()
{
    m_controller->killClients();
}

void LabSession::beginRun()
{
    if (m_run > 0 && m_measures->stats().origins().size() > 0)
        m_past.push_back({ m_run, m_measures->stats(), m_servers });
    clearModels();
    m_clock.start(Clock::nowNs());
    ++m_run;
    m_runEnded = false;
    m_finishedBefore = m_controller->finishedClientCount();
    m_end.reset();
    m_report.reset();
    m_activePoint = -1;
    m_record = RunRecord();
    m_record.runNumber = m_run;
    m_record.appVersion = QStringLiteral(SOCKETLAB_VERSION);
    m_record.recordedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_record.speed = speed();
    m_record.servers = m_servers;
    for (ServerConfig &c : m_record.servers)
        c.handlerFactory = {};
    m_openPause.reset();
    m_recordedSequence[0] = m_recordedSequence[1] = 0;
    m_recordedSampleNs[0] = m_recordedSampleNs[1] = 0;
    m_recordedSample[0].reset();
    m_recordedSample[1].reset();
    if (m_paused) { // a run begun while paused: its pause began with it
        m_pausedAtNs = Clock::nowNs();
        m_synAtPause.reset();
        m_handshakesInPause = 0;
        m_openPause = m_record.pauses.size();
        m_record.pauses.push_back({ 0, 0, m_activePoint });
    } else {
        m_pausedAtNs = m_resumedAtNs = 0;
    }
    emit runStarted(m_run);
}

void LabSession::endRun()
{
    if (m_run == 0 || m_runEnded)
        return;
    m_runEnded = true;
    const qint64 now = Clock::nowNs();
    m_clock.stop(now);
    m_record.durationNs = m_clock.nowLabNs(now);
    if (m_openPause) // a run that ended while paused: its pause so far
        m_record.pauses[*m_openPause].pausedNs = now - m_pausedAtNs;
    if (!m_paused)
        m_report.reset(); // what the kernel did during a pause is said until the run moves on
    m_points.clear(); // pause points belong to a run that is still going
    m_nextPoint = 0;
    emit runEnded(m_run);
}

void LabSession::clearModels()
{
    m_connections->clear();
    m_log->clear();
    m_measures->clear();
    // Threads outlive a run (the server thread still blocks in accept()); their lanes stay, and
    // their times are re-read on the new run's clock.
    m_lanes->restartClock();
    m_stage->clear(labEpochNs); // the threads stay, untied from the run's clients
}

void LabSession::setPaused(bool paused)
{
    if (m_cursor)
        return; // a replay shows the recorded pauses; nothing live runs to pause
    if (paused == m_paused && (gate()->mode() == Gate::Mode::Pause) == paused)
        return;
    const qint64 now = Clock::nowNs();
    if (paused) {
        if (!m_paused && isRunActive()) {
            m_openPause = m_record.pauses.size();
            m_record.pauses.push_back({ m_clock.nowLabNs(now), 0, m_activePoint });
        }
        gate()->setMode(Gate::Mode::Pause);
        m_clock.pause(now);
        m_paused = true;
        m_pausedAtNs = now;
        m_resumedAtNs = 0;
        // What the kernel had sent by this instant: the last rows read before it, plus a resend
        // their retransmit timer said would come before it.
        m_synAtPause = synCountsAt(now);
        m_handshakesInPause = 0;
        updateReport();
    } else {
        flush(); // what happened up to now belongs to the pause
        m_paused = false;
        m_resumedAtNs = now;
        if (m_openPause) {
            m_record.pauses[*m_openPause].pausedNs = now - m_pausedAtNs;
            m_openPause.reset();
        }
        m_clock.resume(now);
        gate()->setMode(Gate::Mode::Run);
        updateReport(); // the report of the pause that just ended
        m_activePoint = -1; // the run moves on: the pause point's note is over
    }
    emit pausedChanged(paused);
}

void LabSession::setSpeed(double factor)
{
    gate()->setSpeed(factor);
}

double LabSession::speed() const
{
    return gate()->speed();
}

std::map<std::pair<quint16, quint32>, int> LabSession::synCounts() const
{
    std::map<std::pair<quint16, quint32>, int> counts;
    const auto take = [&counts](const ProbeSample &s, quint16 origin) {
        for (const ClientProbe &c : s.clients)
            counts[{ origin, c.id }] = c.synRetransmits;
    };
    take(m_controller->latestSample(), 0);
    take(m_controller->latestTwinSample(), 1);
    return counts;
}

std::map<std::pair<quint16, quint32>, int> LabSession::synCountsAt(qint64 monotonicNs) const
{
    std::map<std::pair<quint16, quint32>, int> counts;
    const auto take = [&counts, monotonicNs](const ProbeSample &s, quint16 origin) {
        const qint64 readNs = s.rowsNs != 0 ? s.rowsNs : s.ns;
        for (const ClientProbe &c : s.clients) {
            // SYN_SENT with its timer due before the instant: that resend was before it too.
            const bool due = c.stage == ClientStage::Connecting && c.nextRetryMs >= 0
                    && readNs + qint64(c.nextRetryMs) * 1'000'000 <= monotonicNs;
            counts[{ origin, c.id }] = c.synRetransmits + (due ? 1 : 0);
        }
    };
    take(m_controller->latestSample(), 0);
    if (isComparing())
        take(m_controller->latestTwinSample(), 1);
    return counts;
}

bool LabSession::samplesReadSince(qint64 monotonicNs) const
{
    const auto rowsAt = [](const ProbeSample &s) {
        return s.rowsNs != 0 ? s.rowsNs : s.ns;
    };
    return rowsAt(m_controller->latestSample()) >= monotonicNs
            && (!isComparing() || rowsAt(m_controller->latestTwinSample()) >= monotonicNs);
}

void LabSession::updateReport()
{
    if (m_pausedAtNs == 0 || !m_clock.isStarted()) {
        m_report.reset();
        return;
    }
    PauseReport report;
    report.pausedSeconds
            = Clock::seconds((m_resumedAtNs ? m_resumedAtNs : Clock::nowNs()) - m_pausedAtNs);
    report.handshakes = m_handshakesInPause;
    report.comparing = isComparing();
    // No baseline at the pause's instant (a run begun while paused): the first rows after it.
    if (!m_synAtPause && m_paused && samplesReadSince(m_pausedAtNs))
        m_synAtPause = synCounts();
    // Only clients seen at the baseline: a client's earlier resends are never put on the pause.
    for (const auto &[key, count] : synCounts()) {
        if (!m_synAtPause)
            break;
        const auto before = m_synAtPause->find(key);
        if (before != m_synAtPause->end() && count > before->second)
            report.resends.push_back({ key.first, key.second, count - before->second });
    }
    std::stable_sort(report.resends.begin(), report.resends.end(),
                     [](const Resend &a, const Resend &b) { return a.times > b.times; });
    m_report = report;
}

QString LabSession::describe(const PauseReport &report)
{
    QString text = tr("The kernel does not pause: in the %1 s the lab stood still")
                           .arg(report.pausedSeconds, 0, 'f', 1);
    QStringList parts;
    constexpr size_t kNamed = 3;
    for (size_t i = 0; i < std::min(report.resends.size(), kNamed); ++i) {
        const Resend &r = report.resends[i];
        const QString who = clientName(r.origin, r.client, report.comparing);
        parts << (r.times == 1
                          ? tr("client %1's SYN was sent again once").arg(who)
                          : tr("client %1's SYN was sent again %2 times").arg(who).arg(r.times));
    }
    if (report.resends.size() > kNamed)
        parts << tr("%1 more clients' SYNs were sent again").arg(report.resends.size() - kNamed);
    if (report.handshakes == 1)
        parts << tr("1 client completed its handshake (connect() returned)");
    else if (report.handshakes > 1)
        parts << tr("%1 clients completed their handshake (connect() returned)")
                         .arg(report.handshakes);
    if (parts.isEmpty())
        return text + tr(", no SYN was sent again and no handshake completed.");
    const QString comma = tr(", ", "between the parts of a sentence");
    return text + comma + parts.join(comma) + tr(".", "the end of a sentence");
}

std::vector<std::pair<double, double>> LabSession::pauseMarks() const
{
    std::vector<std::pair<double, double>> marks;
    if (m_replayRecord) {
        for (const RecordedPause &p : m_replayRecord->pauses)
            marks.emplace_back(Clock::seconds(p.labNs), Clock::seconds(p.pausedNs));
        return marks;
    }
    const qint64 now = Clock::nowNs();
    for (const RunClock::Pause &p : m_clock.pauses())
        marks.emplace_back(Clock::seconds(p.labNs), Clock::seconds(p.lengthNs(now)));
    return marks;
}

const ExperimentPreset::PausePoint *LabSession::activePausePoint() const
{
    return m_activePoint >= 0 && size_t(m_activePoint) < m_points.size()
            ? &m_points[size_t(m_activePoint)]
            : nullptr;
}

bool LabSession::activeNoteHolds() const
{
    const ExperimentPreset::PausePoint *point = activePausePoint();
    return point && (point->holdsAfterPauses || m_pausedBeforePoint < 0.25);
}

bool LabSession::applyPreset(const ExperimentPreset &preset, bool withPausePoints, QString *error)
{
    if (refuseWhileReplaying(error))
        return false;
    reset();
    setSpeed(preset.speed);
    if (!startServers(preset.servers.front(),
                      preset.servers.size() > 1 ? std::optional<ServerConfig>(preset.servers.back())
                                                : std::nullopt,
                      error))
        return false;
    if (preset.paused)
        setPaused(true);
    if (preset.clients.clients > 0 && !addClients(preset.clients, error)) {
        reset();
        return false;
    }
    if (withPausePoints) {
        m_points = preset.pauses;
        m_nextPoint = 0;
        m_record.pausePoints.clear();
        for (const ExperimentPreset::PausePoint &p : m_points)
            m_record.pausePoints.push_back(
                    { p.atSeconds, p.note.value(QStringLiteral("en")),
                      p.note.value(QStringLiteral("zh_CN"), p.note.value(QStringLiteral("zh"))) });
    }
    return true;
}

bool LabSession::runAndMeasure(const ExperimentPreset &preset, const QString &measure, int server,
                               QString *error)
{
    if (refuseWhileReplaying(error))
        return false;
    ExperimentPreset straight = preset;
    straight.paused = false; // a measured run goes straight through
    if (!applyPreset(straight, false, error))
        return false;
    if (!m_end)
        m_end.emplace(0); // no clients: the run is over once a probe period has been seen
    m_pending = PendingMeasure{ measure, server, qint64(preset.observeSeconds * 1e9) };
    return true;
}

void LabSession::reset()
{
    if (m_cursor) {
        setReplayPlaying(false);
        m_cursor.reset();
        m_replayRecord.reset();
        emit replayChanged();
    }
    if (isRunActive()) { // the record of a run cut short ends here
        m_record.durationNs = nowLabNs();
        if (m_openPause)
            m_record.pauses[*m_openPause].pausedNs = Clock::nowNs() - m_pausedAtNs;
    }
    m_openPause.reset();
    m_points.clear();
    m_nextPoint = 0;
    m_activePoint = -1;
    const bool wasPaused = isPaused();
    m_controller->reset(); // gate back to Run, every thread joined
    m_clock = RunClock();
    clearModels();
    m_lanes->clear();
    m_servers.clear();
    m_stage->setServers(m_servers);
    m_past.clear();
    m_run = 0;
    m_runEnded = false;
    m_finishedBefore = 0;
    m_end.reset();
    m_report.reset();
    m_synAtPause.reset();
    m_paused = false;
    m_pausedAtNs = m_resumedAtNs = 0;
    if (m_pending) {
        m_pending.reset();
        emit measured(false, 0.0, tr("the run was reset"));
    }
    if (wasPaused)
        emit pausedChanged(false);
}

void LabSession::flush()
{
    m_controller->flush();
}

void LabSession::onFrame(const std::vector<Event> &events, const ProbeSample &sample,
                         const ProbeSample &twinSample)
{
    if (m_cursor)
        return; // nothing live runs during a replay
    QElapsedTimer work;
    work.start();
    // Lab time for everything the models see; counted what the kernel did while paused.
    // Paused, the clock still runs while a step's handler work (sleep, CPU) runs: that work is
    // the lab's, and its time belongs in the figures.
    if (m_paused && m_clock.isStarted()) {
        const qint64 now = Clock::nowNs();
        if (gate()->steppedWork() > 0)
            m_clock.resume(now);
        else
            m_clock.pause(now);
    }
    m_batch.assign(events.begin(), events.end());
    for (Event &e : m_batch) {
        if (e.actor == Actor::Client && e.phase == Phase::Return
            && (e.call == Call::Connect || (e.call == Call::ConnectEx && e.result == 0))
            && m_pausedAtNs != 0 && e.ns >= m_pausedAtNs
            && (m_resumedAtNs == 0 || e.ns <= m_resumedAtNs))
            ++m_handshakesInPause;
        e.ns = toLab(e.ns);
    }
    // The samples keep their monotonic times; the models get the lab time of their rows.
    const auto rowsAt = [this](const ProbeSample &s) {
        return toLab(s.rowsNs != 0 ? s.rowsNs : s.ns);
    };
    // No sample yet (ns 0): nothing to apply, as in a replay before the first recorded sample.
    const ProbeSample *a = sample.ns != 0 ? &sample : nullptr;
    const ProbeSample *b = isComparing() && twinSample.ns != 0 ? &twinSample : nullptr;
    const qint64 nowLab = nowLabNs();
    if (isRunActive())
        recordFrame(nowLab, sample, twinSample);
    applyToModels(m_batch, a, a ? rowsAt(sample) : 0, b, b ? rowsAt(twinSample) : 0,
                  labEpochNs + nowLab);
    if (isPaused())
        updateReport();
    if (!m_batch.empty())
        emit eventsApplied(m_batch);
    checkRunEnd();
    checkPausePoints();
    emit frameApplied(int(events.size()), work.nsecsElapsed());
    if (m_pending)
        finishMeasureIfDone();
}

void LabSession::checkRunEnd()
{
    if (!isRunActive())
        return;
    const int finished = m_controller->finishedClientCount() - m_finishedBefore;
    const bool clientsDone = m_end && m_end->reached(finished, nowLabNs());
    // A run with its servers stopped is over once its clients have been told.
    const bool serversGone = !m_controller->isServerRunning() && !m_servers.empty()
            && (!m_end || finished >= m_end->expected());
    if (clientsDone || serversGone)
        endRun();
}

void LabSession::checkPausePoints()
{
    if (!isRunActive() || isPaused() || m_nextPoint >= m_points.size())
        return;
    const ExperimentPreset::PausePoint &point = m_points[m_nextPoint];
    if (nowLabNs() < qint64(point.atSeconds * 1e9))
        return;
    m_activePoint = int(m_nextPoint++);
    const qint64 now = Clock::nowNs();
    m_pausedBeforePoint = Clock::seconds(m_clock.pausedBetween(m_clock.startNs(), now));
    setPaused(true);
    emit pausePointReached(point.atSeconds);
}

void LabSession::finishMeasureIfDone()
{
    // The run's own end (every client done, one probe period seen since), or observe_s.
    if (!hasRunEnded() && nowLabNs() < m_pending->observeNs)
        return;
    const PendingMeasure p = *m_pending;
    m_pending.reset();
    flush();
    if (const Server *s = server())
        m_measures->setEmptyRecvs(0, s->emptyRecvs());
    if (const Server *s = twin())
        m_measures->setEmptyRecvs(1, s->emptyRecvs());
    const std::optional<double> value = m_measures->value(p.measure, quint16(p.server));
    emit measured(value.has_value(), value.value_or(0.0),
                  value ? QString() : tr("the run did not show %1").arg(p.measure));
}

void LabSession::applyToModels(const std::vector<Event> &labEvents, const ProbeSample *a,
                               qint64 aRowsLabNs, const ProbeSample *b, qint64 bRowsLabNs,
                               qint64 nowLab)
{
    m_connections->setNow(nowLab);
    m_lanes->setNow(nowLab);
    m_measures->setNow(nowLab);
    m_connections->applyEvents(labEvents);
    if (a)
        m_connections->applyProbe(*a, 0, aRowsLabNs);
    if (b)
        m_connections->applyProbe(*b, 1, bRowsLabNs);
    m_lanes->applyEvents(labEvents);
    m_log->applyEvents(labEvents);
    m_measures->applyEvents(labEvents);
    if (a)
        m_measures->applyProbe(*a, 0);
    if (b)
        m_measures->applyProbe(*b, 1);
    m_stage->setNow(nowLab);
    m_stage->applyEvents(labEvents);
    if (a)
        m_stage->applyProbe(*a, 0, aRowsLabNs);
    if (b)
        m_stage->applyProbe(*b, 1, bRowsLabNs);
    m_stage->publish();
}

namespace {

bool sameKernelView(const ProbeSample &a, const ProbeSample &b)
{
    const QueueSnapshot &qa = a.queue;
    const QueueSnapshot &qb = b.queue;
    const DatagramSnapshot &da = a.datagram;
    const DatagramSnapshot &db = b.datagram;
    if (qa.available != qb.available || qa.listening != qb.listening || qa.queue != qb.queue
        || qa.cap != qb.cap || qa.overflows != qb.overflows || qa.drops != qb.drops
        || qa.source != qb.source || qa.error != qb.error || da.available != db.available
        || da.bound != db.bound || da.queuedBytes != db.queuedBytes || da.rcvbuf != db.rcvbuf
        || da.drops != db.drops || da.rcvbufErrors != db.rcvbufErrors || a.ss != b.ss
        || !std::equal(std::begin(a.stageCounts), std::end(a.stageCounts),
                       std::begin(b.stageCounts))
        || a.clients.size() != b.clients.size())
        return false;
    for (size_t i = 0; i < a.clients.size(); ++i) {
        const ClientProbe &ca = a.clients[i];
        const ClientProbe &cb = b.clients[i];
        if (ca.id != cb.id || ca.stage != cb.stage || ca.synRetransmits != cb.synRetransmits
            || ca.nextRetryMs != cb.nextRetryMs)
            return false;
    }
    return true;
}

} // namespace

void LabSession::recordFrame(qint64 labNs, const ProbeSample &sample, const ProbeSample &twinSample)
{
    // Only what changed: a frame without events and without a new kernel sample shows nothing a
    // replay would not show from the frame before it.
    const auto fresh = [this](const ProbeSample &s, int origin) -> std::optional<ProbeSample> {
        if (s.ns == 0
            || (s.sequence == m_recordedSequence[origin] && s.ns == m_recordedSampleNs[origin]))
            return std::nullopt;
        m_recordedSequence[origin] = s.sequence;
        m_recordedSampleNs[origin] = s.ns;
        // A sample that says what the last recorded one said changes no model: not kept, so
        // a run left going does not grow the record by every probe period. The socket rows are
        // not kept either: no view reads them (the per-client stages and the queue are derived
        // from them already), and they are three quarters of a sample's size.
        const std::optional<ProbeSample> &last = m_recordedSample[origin];
        if (last && sameKernelView(*last, s))
            return std::nullopt;
        ProbeSample copy = s.withoutRows();
        copy.ns = m_clock.labNs(s.ns);
        copy.rowsNs = s.rowsNs != 0 ? m_clock.labNs(s.rowsNs) : 0;
        m_recordedSample[origin] = copy;
        return copy;
    };
    RecordedFrame frame;
    frame.labNs = labNs;
    frame.sample = fresh(sample, 0);
    if (isComparing())
        frame.twinSample = fresh(twinSample, 1);
    m_record.durationNs = frame.labNs;
    if (m_batch.empty() && !frame.sample && !frame.twinSample)
        return;
    frame.events = m_batch;
    for (Event &e : frame.events)
        e.ns -= labEpochNs;
    m_record.frames.push_back(std::move(frame));
}

const ProbeSample &LabSession::latestSample(quint16 origin) const
{
    if (m_cursor) {
        static const ProbeSample none;
        const ProbeSample *s = m_cursor->sample(origin);
        return s ? *s : none;
    }
    return origin == 0 ? m_controller->latestSample() : m_controller->latestTwinSample();
}

void LabSession::clearModelsForReplay()
{
    m_connections->clear();
    m_log->clear();
    m_measures->clear();
    m_lanes->clear();
    m_stage->setServers(m_replayRecord ? m_replayRecord->servers : std::vector<ServerConfig>());
    // The stop marks failures from its instant on; no client's time reaches it before then.
    if (m_replayRecord && m_replayRecord->serversStoppedNs >= 0)
        for (size_t i = 0; i < m_replayRecord->servers.size(); ++i)
            m_connections->markServerStopped(quint16(i),
                                             labEpochNs + m_replayRecord->serversStoppedNs);
}

bool LabSession::startReplay(const RunRecord &record, QString *error)
{
    if (record.runNumber <= 0 || record.servers.empty()) {
        if (error)
            *error = tr("The record holds no run");
        return false;
    }
    auto copy = std::make_unique<RunRecord>(record); // record may be our own m_record
    reset();
    m_replayRecord = std::move(copy);
    m_servers = m_replayRecord->servers;
    m_cursor = std::make_unique<ReplayCursor>(
            *m_replayRecord, labEpochNs, [this] { clearModelsForReplay(); },
            [this](const std::vector<Event> &events, const ProbeSample *a, qint64 aRows,
                   const ProbeSample *b, qint64 bRows,
                   qint64 now) { applyToModels(events, a, aRows, b, bRows, now); });
    clearModelsForReplay();
    m_cursor->seek(0);
    emit replayChanged();
    replayApplied();
    return true;
}

void LabSession::leaveReplay()
{
    if (m_cursor)
        reset(); // leaves the replay: an empty live lab
}

qint64 LabSession::replayPositionNs() const
{
    return m_cursor ? m_cursor->positionNs() : 0;
}

qint64 LabSession::replayDurationNs() const
{
    return m_cursor ? m_cursor->durationNs() : 0;
}

size_t LabSession::replayEventIndex() const
{
    return m_cursor ? m_cursor->eventIndex() : 0;
}

size_t LabSession::replayEventCount() const
{
    return m_cursor ? m_cursor->eventCount() : 0;
}

void LabSession::replayApplied()
{
    emit frameApplied(0, 0);
    emit replayPositionChanged(m_cursor->positionNs());
}

void LabSession::replaySeek(qint64 labNs)
{
    if (!m_cursor)
        return;
    m_cursor->seek(labNs);
    replayApplied();
}

bool LabSession::replayStepForward()
{
    if (!m_cursor || !m_cursor->stepForward())
        return false;
    replayApplied();
    return true;
}

bool LabSession::replayStepBack()
{
    if (!m_cursor || !m_cursor->stepBack())
        return false;
    replayApplied();
    return true;
}

bool LabSession::replayJumpToNextPause()
{
    if (!m_cursor)
        return false;
    const std::optional<qint64> next = m_cursor->nextPauseAfterPosition();
    if (!next)
        return false;
    replaySeek(*next);
    return true;
}

void LabSession::setReplayPlaying(bool playing)
{
    playing = playing && m_cursor;
    if (playing == m_replayPlaying)
        return;
    m_replayPlaying = playing;
    if (playing) {
        if (m_cursor->positionNs() >= m_cursor->durationNs())
            replaySeek(0); // from the end: again from the start
        m_playWall.start();
        m_playTimer->start();
    } else {
        m_playTimer->stop();
    }
    emit replayChanged();
}

void LabSession::setReplaySpeed(double factor)
{
    const double speed = std::clamp(factor, 0.1, 4.0);
    if (speed == m_replaySpeed)
        return;
    m_replaySpeed = speed;
    emit replayChanged();
}

void LabSession::advanceReplay()
{
    if (!m_cursor || !m_replayPlaying)
        return;
    const qint64 wall = m_playWall.nsecsElapsed();
    m_playWall.start();
    const qint64 to = std::min(m_cursor->positionNs() + qint64(double(wall) * m_replaySpeed),
                               m_cursor->durationNs());
    replaySeek(to);
    if (to >= m_cursor->durationNs())
        setReplayPlaying(false);
}

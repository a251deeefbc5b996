#include "runstats.h"

#include <algorithm>
#include <limits>
#include <tuple>

void RunStats::applyEvents(const std::vector<Event> &batch)
{
    if (!batch.empty())
        ++m_revision;
    for (const Event &e : batch) {
        if (e.actor == Actor::Client) {
            Run &clientRun = m_runs[e.origin];
            clientRun.lastClientNs = std::max(clientRun.lastClientNs, e.ns);
            ClientTrack &client = clientRun.clients[e.connection];
            client.origin = e.origin;
            client.id = e.connection;
            client.apply(e);
            continue;
        }
        if (e.call != Call::Handle || e.actor == Actor::None || e.actor == Actor::Probe)
            continue;
        Run &run = m_runs[e.origin];
        const HandleKey key{ e.pid, e.tid, e.connection };
        if (e.phase == Phase::Enter) {
            run.openHandles[key] = e.ns;
        } else if (const auto open = run.openHandles.find(key); open != run.openHandles.end()) {
            run.handles.emplace_back(open->second, e.ns);
            run.openHandles.erase(open);
        }
    }
}

std::vector<quint16> RunStats::origins() const
{
    std::vector<quint16> list;
    for (const auto &entry : m_runs)
        list.push_back(entry.first);
    return list;
}

RunStats::Totals RunStats::totals(quint16 origin) const
{
    const auto cached = m_cache.find(origin);
    if (cached != m_cache.end() && cached->second.revision == m_revision
        && (cached->second.nowNs == m_nowNs
            || cached->second.totals.finished == cached->second.totals.started))
        return cached->second.totals;
    CachedTotals &entry = m_cache[origin];
    entry.totals = computeTotals(origin);
    entry.revision = m_revision;
    entry.nowNs = m_nowNs;
    return entry.totals;
}

RunStats::Totals RunStats::computeTotals(quint16 origin) const
{
    Totals t;
    const auto found = m_runs.find(origin);
    if (found == m_runs.end())
        return t;
    const Run &run = found->second;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    for (const auto &entry : run.clients) {
        const ClientTrack &c = entry.second;
        ++t.started;
        t.connected += c.connectedNs != 0;
        first = std::min(first, c.startNs);
        if (!c.isFinished())
            continue;
        ++t.finished;
        last = std::max(last, c.doneNs);
        switch (c.result) {
        case ClientOutcome::Result::Ok:
            ++t.ok;
            t.latencies.push_back(double(c.doneNs - c.startNs) / 1e9);
            break;
        case ClientOutcome::Result::Refused:
            ++t.refused;
            break;
        case ClientOutcome::Result::TimedOut:
            ++t.timedOut;
            break;
        case ClientOutcome::Result::Stopped:
            ++t.stopped;
            break;
        default:
            ++t.failed;
            break;
        }
    }
    if (t.finished < t.started)
        last = std::max(last, m_nowNs != 0 ? m_nowNs : run.lastClientNs); // still going: so far
    if (last > first)
        t.totalSeconds = double(last - first) / 1e9;
    if (t.totalSeconds > 0.0)
        t.throughput = t.ok / t.totalSeconds;
    t.maxConcurrentHandles = maxOverlap(run);
    return t;
}

int RunStats::maxOverlap(const Run &run)
{
    // Sweep the handle() intervals by time; one still open counts until now. A leave sorts before
    // an enter at the same instant: back-to-back requests do not overlap.
    std::vector<std::pair<qint64, int>> edges;
    for (const auto &interval : run.handles) {
        edges.emplace_back(interval.first, +1);
        edges.emplace_back(interval.second, -1);
    }
    for (const auto &open : run.openHandles)
        edges.emplace_back(open.second, +1);
    std::sort(edges.begin(), edges.end());
    int inside = 0;
    int most = 0;
    for (const auto &edge : edges)
        most = std::max(most, inside += edge.second);
    return most;
}

RunStats::Overlap RunStats::overlap(const Totals &totals, bool serial)
{
    if (totals.maxConcurrentHandles == 0)
        return serial ? Overlap::OneAtATime : Overlap::Some;
    if (totals.maxConcurrentHandles == 1)
        return Overlap::OneAtATime;
    return totals.maxConcurrentHandles >= totals.started ? Overlap::AllAtOnce : Overlap::Some;
}

QString RunStats::summary(quint16 origin, double handlerDelaySeconds, bool serial) const
{
    const Totals t = totals(origin);
    QString text = t.started == 1 ? tr("1 client") : tr("%1 clients").arg(t.started);
    if (handlerDelaySeconds > 0.0)
        text += tr(", %1 s each").arg(handlerDelaySeconds, 0, 'f', 1);
    text += t.finished == t.started
            ? tr(": finished in %1 s").arg(t.totalSeconds, 0, 'f', 1)
            : tr(": %1 done after %2 s").arg(t.finished).arg(t.totalSeconds, 0, 'f', 1);
    // %1 is the run so far: "8 clients, 2.0 s each: finished in 16.0 s".
    switch (overlap(t, serial)) {
    case Overlap::OneAtATime:
        text = tr("%1 — one at a time").arg(text);
        break;
    case Overlap::AllAtOnce:
        text = tr("%1 — all at once").arg(text);
        break;
    case Overlap::Some:
        text = t.maxConcurrentHandles > 1
                ? tr("%1 — overlapping, at most %2 at once")
                          .arg(text, QString::number(t.maxConcurrentHandles))
                : tr("%1 — overlapping").arg(text);
        break;
    }
    QStringList failures;
    if (t.refused > 0)
        failures << tr("%1 refused").arg(t.refused);
    if (t.timedOut > 0)
        failures << tr("%1 timed out").arg(t.timedOut);
    if (t.failed > 0)
        failures << tr("%1 failed").arg(t.failed);
    if (t.stopped > 0)
        failures << tr("%1 stopped").arg(t.stopped);
    if (!failures.isEmpty()) {
        //: Between the run and its failure counts: "… — one at a time; 1 refused"
        const QString lead = tr("; ", "before the failure counts");
        //: Between two failure counts: "1 refused, 1 timed out"
        const QString comma = tr(", ", "between failure counts");
        text += lead + failures.join(comma);
    }
    return text;
}

namespace {

// min, median (the mean of the middle two for an even count), max of a non-empty list.
std::tuple<double, double, double> spread(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
    return { values.front(), median, values.back() };
}

} // namespace

QString RunStats::figures(quint16 origin) const
{
    const Totals t = totals(origin);
    if (t.latencies.empty())
        return {};
    const auto [low, median, high] = spread(t.latencies);
    return tr("latency min %1 s, median %2 s, max %3 s · throughput %4 clients/s")
            .arg(low, 0, 'f', 2)
            .arg(median, 0, 'f', 2)
            .arg(high, 0, 'f', 2)
            .arg(t.throughput, 0, 'f', 1);
}

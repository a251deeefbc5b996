#include "runstats.h"

#include <algorithm>
#include <limits>
#include <tuple>

void RunStats::applyEvents(const std::vector<Event> &batch)
{
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
    QString text = t.started == 1 ? QStringLiteral("1 client")
                                  : QStringLiteral("%1 clients").arg(t.started);
    if (handlerDelaySeconds > 0.0)
        text += QStringLiteral(", %1 s each").arg(handlerDelaySeconds, 0, 'f', 1);
    text += t.finished == t.started
            ? QStringLiteral(": finished in %1 s").arg(t.totalSeconds, 0, 'f', 1)
            : QStringLiteral(": %1 done after %2 s").arg(t.finished).arg(t.totalSeconds, 0, 'f', 1);
    switch (overlap(t, serial)) {
    case Overlap::OneAtATime:
        text += QStringLiteral(" — one at a time");
        break;
    case Overlap::AllAtOnce:
        text += QStringLiteral(" — all at once");
        break;
    case Overlap::Some:
        text += t.maxConcurrentHandles > 1
                ? QStringLiteral(" — overlapping, at most %1 at once").arg(t.maxConcurrentHandles)
                : QStringLiteral(" — overlapping");
        break;
    }
    QStringList failures;
    const auto add = [&failures](int n, const char *what) {
        if (n > 0)
            failures << QStringLiteral("%1 %2").arg(n).arg(QLatin1String(what));
    };
    add(t.refused, "refused");
    add(t.timedOut, "timed out");
    add(t.failed, "failed");
    add(t.stopped, "stopped");
    if (!failures.isEmpty())
        text += QStringLiteral("; ") + failures.join(QStringLiteral(", "));
    return text;
}

QString RunStats::summaryZh(quint16 origin, double handlerDelaySeconds, bool serial) const
{
    const Totals t = totals(origin);
    QString text = QStringLiteral("%1 个客户端").arg(t.started);
    if (handlerDelaySeconds > 0.0)
        text += QStringLiteral("，每个 %1 秒").arg(handlerDelaySeconds, 0, 'f', 1);
    text += t.finished == t.started
            ? QStringLiteral("：共用 %1 秒").arg(t.totalSeconds, 0, 'f', 1)
            : QStringLiteral("：%1 秒内完成 %2 个").arg(t.totalSeconds, 0, 'f', 1).arg(t.finished);
    switch (overlap(t, serial)) {
    case Overlap::OneAtATime:
        text += QStringLiteral(" — 一次一个");
        break;
    case Overlap::AllAtOnce:
        text += QStringLiteral(" — 全部同时");
        break;
    case Overlap::Some:
        text += t.maxConcurrentHandles > 1
                ? QStringLiteral(" — 部分重叠，最多 %1 个同时").arg(t.maxConcurrentHandles)
                : QStringLiteral(" — 部分重叠");
        break;
    }
    QStringList failures;
    const auto add = [&failures](int n, const QString &what) {
        if (n > 0)
            failures << QStringLiteral("%1 个%2").arg(n).arg(what);
    };
    add(t.refused, QStringLiteral("被拒绝"));
    add(t.timedOut, QStringLiteral("超时"));
    add(t.failed, QStringLiteral("失败"));
    add(t.stopped, QStringLiteral("被停止"));
    if (!failures.isEmpty())
        text += QStringLiteral("；") + failures.join(QStringLiteral("，"));
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
    return QStringLiteral("latency min %1 s, median %2 s, max %3 s · throughput %4 clients/s")
            .arg(low, 0, 'f', 2)
            .arg(median, 0, 'f', 2)
            .arg(high, 0, 'f', 2)
            .arg(t.throughput, 0, 'f', 1);
}

QString RunStats::figuresZh(quint16 origin) const
{
    const Totals t = totals(origin);
    if (t.latencies.empty())
        return {};
    const auto [low, median, high] = spread(t.latencies);
    return QStringLiteral("延迟：最短 %1 秒，中位 %2 秒，最长 %3 秒 · 吞吐量：每秒 %4 个客户端")
            .arg(low, 0, 'f', 2)
            .arg(median, 0, 'f', 2)
            .arg(high, 0, 'f', 2)
            .arg(t.throughput, 0, 'f', 1);
}

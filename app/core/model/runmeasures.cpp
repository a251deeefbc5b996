#include "runmeasures.h"

#include <algorithm>

QStringList RunMeasures::names()
{
    return { QStringLiteral("connected"),    QStringLiteral("served"),
             QStringLiteral("refused"),      QStringLiteral("timed_out"),
             QStringLiteral("queue_peak"),   QStringLiteral("concurrent_peak"),
             QStringLiteral("workers_peak"), QStringLiteral("total_s"),
             QStringLiteral("empty_recvs") };
}

void RunMeasures::applyEvents(const std::vector<Event> &batch)
{
    m_stats.applyEvents(batch);
    for (const Event &e : batch) {
        Server &server = m_servers[e.origin];
        if (e.actor != Actor::Worker && e.actor != Actor::Child && e.actor != Actor::Server)
            continue;
        if (e.call == Call::ThreadStart && e.actor != Actor::Server)
            server.workersPeak = std::max(server.workersPeak, ++server.workers);
        else if (e.call == Call::ThreadExit && e.actor != Actor::Server)
            server.workers = std::max(0, server.workers - 1);
        else if (e.call == Call::Recv && e.phase == Phase::Return && e.result == 0)
            ++server.emptyRecvEvents;
    }
}

void RunMeasures::applyProbe(const ProbeSample &sample, quint16 origin)
{
    if (!sample.queue.available && !sample.datagram.available)
        return;
    Server &server = m_servers[origin];
    server.probed = true;
    if (sample.queue.listening)
        server.queuePeak = std::max(server.queuePeak, sample.queue.queue);
}

void RunMeasures::setEmptyRecvs(quint16 origin, qint64 count)
{
    Server &server = m_servers[origin];
    server.emptyRecvs = count;
    server.emptyCounted = true;
}

void RunMeasures::clear()
{
    m_stats.clear();
    m_servers.clear();
}

std::optional<double> RunMeasures::value(const QString &name, quint16 origin) const
{
    const auto found = m_servers.find(origin);
    if (found == m_servers.end())
        return std::nullopt;
    const Server &s = found->second;
    const RunStats::Totals t = m_stats.totals(origin);
    if (name == QLatin1String("connected"))
        return double(t.connected);
    if (name == QLatin1String("served"))
        return double(t.ok);
    if (name == QLatin1String("refused"))
        return double(t.refused);
    if (name == QLatin1String("timed_out"))
        return double(t.timedOut);
    if (name == QLatin1String("queue_peak"))
        return s.probed ? std::optional<double>(s.queuePeak) : std::nullopt;
    if (name == QLatin1String("concurrent_peak"))
        return double(t.maxConcurrentHandles);
    if (name == QLatin1String("workers_peak"))
        return double(s.workersPeak);
    if (name == QLatin1String("total_s"))
        return t.started == 0 ? std::nullopt : std::optional<double>(t.totalSeconds);
    if (name == QLatin1String("empty_recvs"))
        return double(s.emptyCounted ? std::max(s.emptyRecvs, s.emptyRecvEvents)
                                     : s.emptyRecvEvents);
    return std::nullopt;
}

QJsonObject RunMeasures::toJson(quint16 origin) const
{
    QJsonObject json;
    for (const QString &name : names()) {
        if (const std::optional<double> v = value(name, origin))
            json.insert(name, *v);
    }
    json.insert(QStringLiteral("clients"), clients(origin));
    return json;
}

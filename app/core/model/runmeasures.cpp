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
    for (const Event &e : batch) {
        Server &server = m_servers[e.origin];
        switch (e.actor) {
        case Actor::Client: {
            ClientTrack &track = server.clients[e.connection];
            track.origin = e.origin;
            track.id = e.connection;
            track.apply(e);
            if (server.firstClientNs == 0 || e.ns < server.firstClientNs)
                server.firstClientNs = e.ns;
            server.lastClientNs = std::max(server.lastClientNs, e.ns);
            break;
        }
        case Actor::Server:
        case Actor::Worker:
        case Actor::Child:
            if (e.call == Call::Handle && e.phase == Phase::Enter) {
                server.handlingPeak = std::max(server.handlingPeak, ++server.handling);
            } else if (e.call == Call::Handle
                       && (e.phase == Phase::Return || e.phase == Phase::Error)) {
                server.handling = std::max(0, server.handling - 1);
            } else if (e.call == Call::ThreadStart && e.actor != Actor::Server) {
                server.workersPeak = std::max(server.workersPeak, ++server.workers);
            } else if (e.call == Call::ThreadExit && e.actor != Actor::Server) {
                server.workers = std::max(0, server.workers - 1);
            } else if (e.call == Call::Recv && e.phase == Phase::Return && e.result == 0) {
                ++server.emptyRecvEvents;
            }
            break;
        default:
            break;
        }
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
    m_servers.clear();
}

int RunMeasures::clients(quint16 origin) const
{
    const auto found = m_servers.find(origin);
    return found == m_servers.end() ? 0 : int(found->second.clients.size());
}

int RunMeasures::finished(quint16 origin) const
{
    const auto found = m_servers.find(origin);
    if (found == m_servers.end())
        return 0;
    return int(std::count_if(found->second.clients.begin(), found->second.clients.end(),
                             [](const auto &entry) { return entry.second.isFinished(); }));
}

std::optional<double> RunMeasures::value(const QString &name, quint16 origin) const
{
    const auto found = m_servers.find(origin);
    if (found == m_servers.end())
        return std::nullopt;
    const Server &s = found->second;
    const auto countResult = [&s](ClientOutcome::Result result) {
        return double(std::count_if(s.clients.begin(), s.clients.end(),
                                    [result](const auto &c) { return c.second.result == result; }));
    };
    if (name == QLatin1String("connected"))
        return double(std::count_if(s.clients.begin(), s.clients.end(),
                                    [](const auto &c) { return c.second.connectedNs != 0; }));
    if (name == QLatin1String("served"))
        return countResult(ClientOutcome::Result::Ok);
    if (name == QLatin1String("refused"))
        return countResult(ClientOutcome::Result::Refused);
    if (name == QLatin1String("timed_out"))
        return countResult(ClientOutcome::Result::TimedOut);
    if (name == QLatin1String("queue_peak"))
        return s.probed ? std::optional<double>(s.queuePeak) : std::nullopt;
    if (name == QLatin1String("concurrent_peak"))
        return double(s.handlingPeak);
    if (name == QLatin1String("workers_peak"))
        return double(s.workersPeak);
    if (name == QLatin1String("total_s"))
        return s.firstClientNs == 0
                ? std::nullopt
                : std::optional<double>(double(s.lastClientNs - s.firstClientNs) / 1e9);
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

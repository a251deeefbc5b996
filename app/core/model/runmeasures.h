#pragma once

#include "model/runstats.h"
#include "probe/probesample.h"
#include "trace/event.h"

#include <QJsonObject>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

// What a run measured, per server (origin 0, or 1 beside it): the figures a quiz's "predict"
// question is checked against (lessons/FORMAT.md lists them). Fed like the views — event
// batches and probe samples — so the window and a headless run measure the same way. The client
// and handle() figures are RunStats' (the run summary's own); this adds what the kernel showed
// (queue_peak), the workers alive at once and the empty recv() calls.
class RunMeasures final
{
public:
    static QStringList names(); // connected, served, refused, timed_out, queue_peak, …
    static bool isKnown(const QString &name) { return names().contains(name); }

    void applyEvents(const std::vector<Event> &batch);
    void applyProbe(const ProbeSample &sample, quint16 origin);
    // The handout's loop counts its empty recv() calls without loss (Server::emptyRecvs()).
    void setEmptyRecvs(quint16 origin, qint64 count);
    void clear();
    void setNow(qint64 ns) { m_stats.setNow(ns); }

    // nullopt when nothing of that server was seen, or the name is unknown.
    std::optional<double> value(const QString &name, quint16 origin = 0) const;
    QJsonObject toJson(quint16 origin) const;
    int clients(quint16 origin) const { return m_stats.totals(origin).started; }
    int finished(quint16 origin) const { return m_stats.totals(origin).finished; }
    const RunStats &stats() const { return m_stats; }

private:
    struct Server
    {
        int workers = 0;
        int workersPeak = 0;
        int queuePeak = 0;
        bool probed = false;
        qint64 emptyRecvs = 0;
        qint64 emptyRecvEvents = 0; // from events, when no lossless count was given
        bool emptyCounted = false;
    };
    RunStats m_stats;
    std::map<quint16, Server> m_servers; // every origin an event or a sample was seen for
};

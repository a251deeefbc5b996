#pragma once

#include "model/clienttrack.h"
#include "trace/event.h"

#include <QCoreApplication>
#include <QString>
#include <map>
#include <tuple>
#include <vector>

// Per-run figures from events: client outcomes, latencies, burst time, overlap, and a summary.
class RunStats
{
    Q_DECLARE_TR_FUNCTIONS(RunStats)

public:
    struct Totals
    {
        int started = 0;
        int connected = 0; // clients whose connect() succeeded
        int finished = 0;
        int ok = 0;
        int refused = 0;
        int timedOut = 0;
        int failed = 0;
        int stopped = 0;
        std::vector<double> latencies; // seconds from start to done, ok clients, by client id
        double totalSeconds = 0.0; // first client's start to the last client's done
        double throughput = 0.0; // ok clients per second of totalSeconds
        int maxConcurrentHandles = 0; // 0: no handle() seen (the server is not traced)
    };

    void applyEvents(const std::vector<Event> &batch);
    void clear()
    {
        m_runs.clear();
        ++m_revision;
    }
    // "Now" in the events' time base: a run still going counts up to it (0: its newest event).
    void setNow(qint64 ns) { m_nowNs = ns; }

    std::vector<quint16> origins() const;
    Totals totals(quint16 origin) const;
    // In the UI language: "8 clients, 2.0 s each: finished in 16.0 s — one at a time". One at a
    // time, all at once or overlapping is what handle() measurably did; `serial` (what the
    // server model promises) is used only when no handle() was seen.
    QString summary(quint16 origin, double handlerDelaySeconds, bool serial) const;
    // The clients' figures once some got their echo, in the UI language: "latency min 0.50 s,
    // median 1.25 s, max 2.00 s · throughput 2.0 clients/s" (latency: start to done; throughput:
    // ok clients per second of the whole run). Empty before the first echo.
    QString figures(quint16 origin) const;

private:
    enum class Overlap { OneAtATime, AllAtOnce, Some };
    using HandleKey = std::tuple<qint32, qint32, quint32>; // pid, tid, connection
    struct Run
    {
        std::map<quint32, ClientTrack> clients;
        std::map<HandleKey, qint64> openHandles; // entered, not yet left: since when
        std::vector<std::pair<qint64, qint64>> handles; // [enter, leave] of each finished handle()
        qint64 lastClientNs = 0; // the newest client event: "so far" while clients still run
    };

    static int maxOverlap(const Run &run);
    static Overlap overlap(const Totals &totals, bool serial);

    Totals computeTotals(quint16 origin) const;

    std::map<quint16, Run> m_runs;
    qint64 m_nowNs = 0;
    // totals() is asked for by the summary and the figures at every frame, and for every earlier
    // run kept on screen: the last answer per origin, good while no event came and, for a run
    // still going, "now" did not move.
    struct CachedTotals
    {
        quint64 revision = 0;
        qint64 nowNs = 0;
        Totals totals;
    };
    quint64 m_revision = 1; // changes with every event applied and every clear()
    mutable std::map<quint16, CachedTotals> m_cache;
};

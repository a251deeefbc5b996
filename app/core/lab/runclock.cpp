#include "runclock.h"

#include <algorithm>

void RunClock::start(qint64 nowNs)
{
    const bool paused = isPaused();
    m_started = true;
    m_startNs = nowNs;
    m_stoppedNs = 0;
    m_pauses.clear();
    if (paused) // a run begun while the lab is paused begins standing still
        m_pauses.push_back({ nowNs, 0, 0 });
}

void RunClock::stop(qint64 nowNs)
{
    if (m_started && m_stoppedNs == 0)
        m_stoppedNs = std::max(nowNs, m_startNs);
}

void RunClock::pause(qint64 nowNs)
{
    if (isPaused())
        return;
    m_pauses.push_back({ nowNs, 0, labNs(nowNs) });
}

void RunClock::resume(qint64 nowNs)
{
    if (isPaused())
        m_pauses.back().endNs = std::max(nowNs, m_pauses.back().startNs);
}

qint64 RunClock::pausedBetween(qint64 fromNs, qint64 toNs) const
{
    qint64 paused = 0;
    for (const Pause &p : m_pauses) {
        const qint64 begin = std::max(p.startNs, fromNs);
        const qint64 end = std::min(p.endNs ? p.endNs : toNs, toNs);
        if (end > begin)
            paused += end - begin;
    }
    return paused;
}

qint64 RunClock::labNs(qint64 monotonicNs) const
{
    if (!m_started)
        return 0;
    if (monotonicNs <= m_startNs)
        return monotonicNs - m_startNs;
    return monotonicNs - m_startNs - pausedBetween(m_startNs, monotonicNs);
}

qint64 RunClock::nowLabNs(qint64 monotonicNowNs) const
{
    return labNs(m_stoppedNs ? std::min(monotonicNowNs, m_stoppedNs) : monotonicNowNs);
}

#pragma once

#include <QtGlobal>
#include <vector>

// The clock of one lab run: t = 0 when the run starts, and it stands still while the lab is
// paused. Maps a monotonic time (Clock::nowNs(), as events and probe samples carry it) to lab
// time; a moment inside a pause maps to the instant the pause began. Keeps every pause (the pause
// ledger) so views can draw paused stretches and say what the kernel did meanwhile.
class RunClock final
{
public:
    struct Pause
    {
        qint64 startNs = 0; // monotonic
        qint64 endNs = 0; // monotonic; 0 while the pause goes on
        qint64 labNs = 0; // lab time at which the clock stopped
        qint64 lengthNs(qint64 nowNs) const { return (endNs ? endNs : nowNs) - startNs; }
    };

    void start(qint64 nowNs); // a new run: t = 0 now, no pauses; keeps a pause already going on
    void stop(qint64 nowNs); // the run ended: its clock stands at the lab time of nowNs
    bool isStarted() const { return m_started; }
    bool isStopped() const { return m_stoppedNs != 0; }

    void pause(qint64 nowNs); // no effect while already paused
    void resume(qint64 nowNs); // no effect unless paused
    bool isPaused() const { return !m_pauses.empty() && m_pauses.back().endNs == 0; }

    // Lab nanoseconds since the run's start for a monotonic time; negative before the start.
    qint64 labNs(qint64 monotonicNs) const;
    // The lab time now: stands still while paused and after stop().
    qint64 nowLabNs(qint64 monotonicNowNs) const;
    // Monotonic nanoseconds spent paused within [from, to].
    qint64 pausedBetween(qint64 fromNs, qint64 toNs) const;
    const std::vector<Pause> &pauses() const { return m_pauses; } // this run's, oldest first
    qint64 startNs() const { return m_startNs; }

private:
    bool m_started = false;
    qint64 m_startNs = 0;
    qint64 m_stoppedNs = 0;
    std::vector<Pause> m_pauses;
};

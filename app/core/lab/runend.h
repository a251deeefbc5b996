#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

// When a measured run is over: every client has ended and one more probe period (150 ms) has
// been seen since, or observe_s has passed. ExperimentRunner and the window's quiz runs end alike.
class RunEnd final
{
public:
    RunEnd(int expectedClients, double observeSeconds)
        : m_expected(expectedClients), m_observeMs(qint64(observeSeconds * 1000))
    {
        m_clock.start();
    }

    bool reached(int finishedClients)
    {
        const qint64 now = m_clock.elapsed();
        if (m_doneAtMs < 0 && finishedClients >= m_expected)
            m_doneAtMs = now;
        return (m_doneAtMs >= 0 && now - m_doneAtMs >= 150) || now >= m_observeMs;
    }

private:
    QElapsedTimer m_clock;
    int m_expected;
    qint64 m_observeMs;
    qint64 m_doneAtMs = -1;
};

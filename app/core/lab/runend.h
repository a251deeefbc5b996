#pragma once

#include <QtGlobal>

// When a run is over: every client has ended and one more probe period (150 ms) has been seen
// since, or observe_s (when set) has passed. Counted on lab time, which stands still while the
// lab is paused; ExperimentRunner, the quiz's runs and the window's runs end alike.
class RunEnd final
{
public:
    // observeSeconds <= 0: no time limit.
    RunEnd(int expectedClients, double observeSeconds)
        : m_expected(expectedClients), m_observeNs(qint64(observeSeconds * 1e9))
    { }

    void expectMore(int clients) { m_expected += clients; }
    int expected() const { return m_expected; }

    bool reached(int finishedClients, qint64 labNowNs)
    {
        if (m_doneAtNs < 0 && finishedClients >= m_expected)
            m_doneAtNs = labNowNs;
        else if (finishedClients < m_expected)
            m_doneAtNs = -1; // a burst added since: not done after all
        return (m_doneAtNs >= 0 && labNowNs - m_doneAtNs >= 150'000'000)
                || (m_observeNs > 0 && labNowNs >= m_observeNs);
    }

private:
    int m_expected;
    qint64 m_observeNs;
    qint64 m_doneAtNs = -1;
};

#pragma once

#include <QtGlobal>

// When a run is over: every client has ended and one more probe period (150 ms) has been seen
// since. Counted on lab time, which stands still while the lab is paused. A quiz's or headless
// measured run ends by this rule too, or when its observe_s has passed (LabSession).
class RunEnd final
{
public:
    explicit RunEnd(int expectedClients) : m_expected(expectedClients) { }

    void expectMore(int clients) { m_expected += clients; }
    int expected() const { return m_expected; }

    bool reached(int finishedClients, qint64 labNowNs)
    {
        if (finishedClients < m_expected)
            m_doneAtNs = -1; // a burst added since: not done after all
        else if (m_doneAtNs < 0)
            m_doneAtNs = labNowNs;
        return m_doneAtNs >= 0 && labNowNs - m_doneAtNs >= 150'000'000;
    }

private:
    int m_expected;
    qint64 m_doneAtNs = -1;
};

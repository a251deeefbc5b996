#pragma once

#include <condition_variable>
#include <mutex>

// A simulation of CPython's global interpreter lock for the cpu handler: one lock per process,
// handed over in FIFO order (a ticket lock) so that threads take turns every switch interval
// the way CPython's "new GIL" forces them to. It is labelled a simulation wherever it is shown.
class Gil
{
public:
    void acquire();
    void release();

private:
    std::mutex m_mutex;
    std::condition_variable m_turn;
    unsigned long m_nextTicket = 0;
    unsigned long m_serving = 0;
};

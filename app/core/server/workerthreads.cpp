#include "workerthreads.h"

void WorkerThreads::joinFinished()
{
    for (auto it = m_workers.begin(); it != m_workers.end();) {
        if (it->done.load(std::memory_order_acquire)) {
            it->thread.join();
            it = m_workers.erase(it);
        } else {
            ++it;
        }
    }
}

void WorkerThreads::joinAll()
{
    for (Worker &worker : m_workers)
        worker.thread.join();
    m_workers.clear();
}

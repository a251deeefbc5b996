#pragma once

#include <atomic>
#include <list>

#include "trace/loadthread.h"

// The threads a threading server starts, one per request. Finished ones are joined while the
// server goes on; the rest when it stops (ThreadingMixIn: daemon_threads = False,
// block_on_close = True). Used by the server thread only, then by stop() after it has joined.
class WorkerThreads
{
public:
    WorkerThreads() = default;
    ~WorkerThreads() { joinAll(); }
    WorkerThreads(const WorkerThreads &) = delete;
    WorkerThreads &operator=(const WorkerThreads &) = delete;

    template<typename Body> void start(Body body)
    {
        Worker &worker = m_workers.emplace_back(); // std::list: the address stays valid
        worker.thread = LoadThread([&worker, body = std::move(body)]() mutable {
            body();
            worker.done.store(true, std::memory_order_release);
        });
    }
    void joinFinished();
    void joinAll();

private:
    struct Worker
    {
        LoadThread thread;
        std::atomic<bool> done{ false };
    };
    std::list<Worker> m_workers;
};

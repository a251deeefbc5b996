#pragma once

#include <memory>
#include <pthread.h>
#include <type_traits>
#include <utility>

// A thread of the lab's load: a client, a server's accept loop, a threading server's worker.
// Used like std::thread, with two differences that keep a burst of a thousand of them from
// starving the rest of the process on a two-core machine:
//
// - A small stack (stackBytes instead of glibc's 8 MiB). glibc keeps up to 40 MiB of freed
//   stacks for reuse, so with small stacks a burst reuses them instead of mapping and unmapping
//   8 MiB per thread; every map and unmap takes the process's memory-map lock, which the GUI
//   thread's own page faults wait for.
// - A lower CPU priority (nice `niceness`). Linux keeps the nice value per thread, a thread or a
//   forked child inherits its creator's, so a server's workers and children follow its accept
//   loop. Only the share of a contended CPU changes: among themselves the load's threads are
//   equal and every call they make is the same real call; on an idle CPU it changes nothing.
//   Raising one's own nice value needs no privilege, lowering it would, so it is never undone.
//
// Unlike std::thread, destroying a joinable LoadThread joins it.
class LoadThread
{
public:
    static constexpr size_t stackBytes = 512 * 1024;
    static constexpr int niceness = 10; // CFS weight 110 against 1,024 at nice 0

    LoadThread() = default;
    // Runs body() (a callable, which may be move-only). Throws std::system_error as std::thread.
    template<typename Body,
             typename = std::enable_if_t<!std::is_same_v<std::decay_t<Body>, LoadThread>>>
    explicit LoadThread(Body body)
    {
        start(std::make_unique<Task<Body>>(std::move(body)));
    }
    ~LoadThread();
    LoadThread(LoadThread &&other) noexcept;
    LoadThread &operator=(LoadThread &&other) noexcept;
    LoadThread(const LoadThread &) = delete;
    LoadThread &operator=(const LoadThread &) = delete;

    bool joinable() const { return m_started; }
    void join();
    pthread_t native_handle() const { return m_thread; }

    // The calling thread at the load's priority (if it is not lower already). False only if the
    // kernel refused, which leaves the thread as it was.
    static bool lowerThisThread();
    static int currentNiceness(); // of the calling thread

    struct Runnable
    {
        virtual ~Runnable() = default;
        virtual void run() = 0;
    };

private:
    template<typename Body> struct Task final : Runnable
    {
        explicit Task(Body b) : body(std::move(b)) { }
        void run() override { body(); }
        Body body;
    };
    void start(std::unique_ptr<Runnable> task);

    pthread_t m_thread{};
    bool m_started = false;
};

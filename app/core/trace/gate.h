#pragma once

#include "event.h"

#include <QHash>
#include <QObject>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <vector>

// Where every instrumented socket call waits first: lets the GUI pause the lab, release one call at
// a time (to one chosen thread or to whoever waits longest), and stretch handler work (slow
// motion). Worker threads call the blocking methods; the GUI calls the rest and listens to
// waitersChanged(). A Gate must outlive every thread that may call pass() or sleepScaled() on it.
class Gate final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Gate)

public:
    enum class Mode { Run, Pause };
    // A thread stopped at the gate, for the GUI.
    struct Waiter
    {
        qint32 tid = 0; // currentTid() of the waiting thread
        Call call = Call::None; // the call it will make when released
        quint16 origin = 0;
        qint64 sinceNs = 0; // Clock::nowNs() when it arrived
        Actor actor = Actor::None; // who the thread works for: a server thread, a client, …
        quint32 actorId = 0; // the client's id, the worker's or child's number (Tracer's)
    };

    explicit Gate(QObject *parent = nullptr);
    ~Gate() override;

    // Worker thread, before a socket call. Run: returns true at once (one atomic load, no lock).
    // Pause: blocks until a step is granted to this thread (or to "any"), or the mode returns to
    // Run (true), or *stop is true when the thread is woken (false: the caller must stop).
    // actor and actorId say who waits (as the caller's Tracer knows it), for waiters().
    bool pass(Call call, quint16 origin, Actor actor, quint32 actorId,
              const std::atomic<bool> *stop);

    // Run releases every waiter and forgets steps granted in advance.
    void setMode(Mode mode);
    Mode mode() const;
    // Grants exactly one call (only in Pause): to thread tid, or with tid == 0 to the thread
    // waiting longest, and returns the waiter it released. A grant nobody can take now is kept
    // for that thread's (or anyone's) next arrival: then, and in Run, it returns nullopt.
    std::optional<Waiter> step(qint32 tid = 0);
    // Who is waiting now, longest first.
    std::vector<Waiter> waiters() const;

    // Slow motion for handler work: 1.0 is real time, 0.5 half speed. Clamped to [0.01, 100];
    // non-positive or non-finite factors are ignored. Takes effect in sleeps already running.
    void setSpeed(double factor);
    double speed() const;
    // Worker thread: sleeps ns of handler work at the current speed (ns / speed of wall time).
    // Returns false early when *stop is set (checked at least every 50 ms and on wakeAll()).
    // Handler work stands still while the lab is paused, like the lab's clock, unless this thread's
    // last call was released by a step: then it runs to its end (and counts as steppedWork()).
    bool sleepScaled(qint64 ns, const std::atomic<bool> *stop);
    // Worker thread, between slices of CPU work: waits while paused (unless stepped); false when
    // *stop is set.
    bool holdWhilePaused(const std::atomic<bool> *stop);
    // Handler work released by a step that is running now, while the lab is paused.
    int steppedWork() const { return m_steppedWork.load(std::memory_order_acquire); }

    // Call after setting a stop flag: every waiter and sleeper re-checks its flag now.
    void wakeAll();

signals:
    // Emitted from the thread that changed the waiter set (usually a worker: connect queued).
    void waitersChanged();

private:
    struct Slot; // one waiting thread, on that thread's stack

    static bool stopped(const std::atomic<bool> *stop);
    void release(Slot *slot); // needs m_mutex

    std::atomic<Mode> m_mode{ Mode::Run };
    std::atomic<double> m_speed{ 1.0 };
    std::atomic<int> m_steppedWork{ 0 };

    mutable std::mutex m_mutex;
    std::vector<Slot *> m_waiters; // arrival order; guarded by m_mutex
    int m_anyGrants = 0; // step(0) nobody could take yet; guarded by m_mutex
    QHash<qint32, int> m_threadGrants; // step(tid) that thread could not take yet; m_mutex
    std::condition_variable m_sleepers; // sleepScaled() waits here; guarded by m_mutex
};

#include "gate.h"

#include "clock.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace {
constexpr double kMinSpeed = 0.01;
constexpr double kMaxSpeed = 100.0;
// A sleeper re-checks its stop flag at least this often even if nobody calls wakeAll().
constexpr qint64 kSleepSliceNs = 50'000'000;
// Whether this thread's latest pass() was a step granted while paused: its work may go on.
thread_local bool t_stepped = false;
} // namespace

struct Gate::Slot
{
    Waiter waiter;
    const std::atomic<bool> *stop = nullptr;
    std::condition_variable wake;
    bool released = false; // set (under m_mutex) by step() or setMode(Run), which also unlist it
};

Gate::Gate(QObject *parent) : QObject(parent) { }

Gate::~Gate()
{
    Q_ASSERT_X(m_waiters.empty(), "Gate", "destroyed while threads wait in pass()");
}

bool Gate::stopped(const std::atomic<bool> *stop)
{
    return stop && stop->load(std::memory_order_acquire);
}

void Gate::release(Slot *slot)
{
    slot->released = true;
    // Thread hop: the GUI thread (step, setMode) lets one waiting worker go. Notify while holding
    // m_mutex: the slot lives on the worker's stack and must not vanish before we are done with it.
    slot->wake.notify_one();
}

bool Gate::pass(Call call, quint16 origin, Actor actor, quint32 actorId,
                const std::atomic<bool> *stop)
{
    t_stepped = false;
    if (m_mode.load(std::memory_order_acquire) == Mode::Run)
        return true;

    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_mode.load(std::memory_order_relaxed) == Mode::Run)
        return true;
    if (stopped(stop))
        return false;
    const qint32 tid = currentTid();
    if (const auto it = m_threadGrants.find(tid); it != m_threadGrants.end()) {
        if (--it.value() == 0)
            m_threadGrants.erase(it);
        t_stepped = true;
        return true;
    }
    if (m_anyGrants > 0) {
        --m_anyGrants;
        t_stepped = true;
        return true;
    }

    Slot slot;
    slot.waiter = { tid, call, origin, Clock::nowNs(), actor, actorId };
    slot.stop = stop;
    m_waiters.push_back(&slot);
    // Thread hop: this worker tells the GUI who waits; receivers connect queued. Emitted without
    // the lock so a direct receiver may call waiters().
    lock.unlock();
    emit waitersChanged();
    lock.lock();

    // Thread hop: this worker sleeps until the GUI thread releases it (step, Run) or a stopping
    // thread sets its flag and calls wakeAll().
    slot.wake.wait(lock, [&] { return slot.released || stopped(stop); });
    const bool mustStop = stopped(stop);
    const bool stillListed = !slot.released;
    t_stepped = slot.released && m_mode.load(std::memory_order_relaxed) == Mode::Pause;
    if (stillListed)
        m_waiters.erase(std::find(m_waiters.begin(), m_waiters.end(), &slot));
    lock.unlock();
    if (stillListed)
        emit waitersChanged();
    return !mustStop;
}

void Gate::setMode(Mode mode)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_mode.store(mode, std::memory_order_release);
    // Thread hop: handler work paused on worker threads goes on (or stops) with the mode.
    m_sleepers.notify_all();
    if (mode == Mode::Pause)
        return;
    const bool hadWaiters = !m_waiters.empty();
    for (Slot *slot : m_waiters)
        release(slot);
    m_waiters.clear();
    m_anyGrants = 0;
    m_threadGrants.clear();
    lock.unlock();
    if (hadWaiters)
        emit waitersChanged();
}

Gate::Mode Gate::mode() const
{
    return m_mode.load(std::memory_order_acquire);
}

std::optional<Gate::Waiter> Gate::step(qint32 tid)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_mode.load(std::memory_order_relaxed) == Mode::Run)
        return std::nullopt;
    const auto it = tid == 0 ? m_waiters.begin()
                             : std::find_if(m_waiters.begin(), m_waiters.end(),
                                            [tid](const Slot *s) { return s->waiter.tid == tid; });
    if (it == m_waiters.end()) {
        if (tid == 0)
            ++m_anyGrants;
        else
            ++m_threadGrants[tid];
        return std::nullopt;
    }
    const Waiter released = (*it)->waiter;
    release(*it);
    m_waiters.erase(it);
    lock.unlock();
    emit waitersChanged();
    return released;
}

std::vector<Gate::Waiter> Gate::waiters() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<Waiter> result;
    result.reserve(m_waiters.size());
    for (const Slot *slot : m_waiters)
        result.push_back(slot->waiter);
    return result;
}

void Gate::setSpeed(double factor)
{
    if (!std::isfinite(factor) || factor <= 0)
        return;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_speed.store(std::clamp(factor, kMinSpeed, kMaxSpeed), std::memory_order_relaxed);
    // Thread hop: sleepers on worker threads re-plan the rest of their work at the new speed.
    m_sleepers.notify_all();
}

double Gate::speed() const
{
    return m_speed.load(std::memory_order_relaxed);
}

bool Gate::sleepScaled(qint64 ns, const std::atomic<bool> *stop)
{
    // Work left, in real-time nanoseconds; wall time spent at speed s does s times as much work.
    double remaining = double(ns);
    const bool stepped = t_stepped;
    if (stepped)
        m_steppedWork.fetch_add(1, std::memory_order_acq_rel);
    std::unique_lock<std::mutex> lock(m_mutex);
    qint64 last = Clock::nowNs();
    bool finished = false;
    while (!stopped(stop)) {
        if (remaining <= 0) {
            finished = true;
            break;
        }
        const double speed = m_speed.load(std::memory_order_relaxed);
        const auto wall = qint64(std::ceil(remaining / speed));
        // The mode at the start of this slice holds for all of it: setMode() wakes every sleeper
        // the moment it changes. Paused (and not stepped): the work stands still, as the lab's
        // clock does.
        const bool counts = stepped || m_mode.load(std::memory_order_relaxed) == Mode::Run;
        m_sleepers.wait_for(lock, std::chrono::nanoseconds(std::min(wall, kSleepSliceNs)));
        const qint64 now = Clock::nowNs();
        if (counts)
            remaining -= double(now - last) * speed;
        last = now;
    }
    if (stepped)
        m_steppedWork.fetch_sub(1, std::memory_order_acq_rel);
    return finished;
}

bool Gate::holdWhilePaused(const std::atomic<bool> *stop)
{
    if (t_stepped || m_mode.load(std::memory_order_acquire) == Mode::Run)
        return !stopped(stop);
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!stopped(stop) && m_mode.load(std::memory_order_relaxed) == Mode::Pause)
        m_sleepers.wait_for(lock, std::chrono::nanoseconds(kSleepSliceNs));
    return !stopped(stop);
}

void Gate::wakeAll()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    // Thread hop: the stopping thread set flags that sleeping workers cannot see; wake every waiter
    // and sleeper to re-check its own flag (the others go back to waiting).
    for (Slot *slot : m_waiters)
        slot->wake.notify_one();
    m_sleepers.notify_all();
}

#include "eventhub.h"

#include <mutex>

EventHub::EventHub(std::size_t capacity) : m_capacity(capacity)
{
    m_pending.reserve(m_capacity);
}

void EventHub::push(const Event &e)
{
    if (!m_enabled.load(std::memory_order_relaxed))
        return;
    // Thread hop: producers on any thread hand the event to the consumer's thread through
    // m_pending; the lock is held for one bounds check and one copy into reserved memory.
    std::lock_guard<SpinLock> lock(m_lock);
    if (m_pending.size() >= m_capacity) {
        ++m_dropped;
        return;
    }
    m_pending.push_back(e);
    ++m_pushed;
}

std::vector<Event> EventHub::drain()
{
    std::vector<Event> batch;
    drain(batch);
    return batch;
}

void EventHub::drain(std::vector<Event> &batch)
{
    // Prepare the next pending buffer outside the lock: producers must never wait on an allocation.
    batch.clear();
    batch.reserve(m_capacity);
    // Thread hop: the consumer takes everything the producers pushed so far in one O(1) swap.
    std::lock_guard<SpinLock> lock(m_lock);
    m_pending.swap(batch);
}

quint64 EventHub::pushed() const
{
    std::lock_guard<SpinLock> lock(m_lock);
    return m_pushed;
}

quint64 EventHub::dropped() const
{
    std::lock_guard<SpinLock> lock(m_lock);
    return m_dropped;
}

void EventHub::setEnabled(bool enabled)
{
    m_enabled.store(enabled, std::memory_order_relaxed);
}

bool EventHub::isEnabled() const
{
    return m_enabled.load(std::memory_order_relaxed);
}

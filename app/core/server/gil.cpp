#include "gil.h"

void Gil::acquire()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    const unsigned long ticket = m_nextTicket++;
    m_turn.wait(lock, [&] { return m_serving == ticket; });
}

void Gil::release()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        ++m_serving;
    }
    m_turn.notify_all();
}

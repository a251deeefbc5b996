#include "loadthread.h"

#include <cerrno>
#include <memory>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace {

id_t thisThread()
{
    // PRIO_PROCESS with a thread id acts on that thread alone (Linux keeps nice per thread).
    return id_t(::syscall(SYS_gettid));
}

void *run(void *arg)
{
    const std::unique_ptr<LoadThread::Runnable> task(static_cast<LoadThread::Runnable *>(arg));
    LoadThread::lowerThisThread();
    task->run();
    return nullptr;
}

} // namespace

void LoadThread::start(std::unique_ptr<Runnable> task)
{
    pthread_attr_t attr;
    ::pthread_attr_init(&attr);
    ::pthread_attr_setstacksize(&attr, stackBytes);
    Runnable *raw = task.release(); // run() owns it from here
    const int err = ::pthread_create(&m_thread, &attr, &run, raw);
    ::pthread_attr_destroy(&attr);
    if (err != 0) {
        delete raw;
        throw std::system_error(err, std::generic_category(), "pthread_create");
    }
    m_started = true;
}

LoadThread::~LoadThread()
{
    if (m_started)
        join();
}

LoadThread::LoadThread(LoadThread &&other) noexcept
    : m_thread(other.m_thread), m_started(std::exchange(other.m_started, false))
{ }

LoadThread &LoadThread::operator=(LoadThread &&other) noexcept
{
    if (this != &other) {
        if (m_started)
            join();
        m_thread = other.m_thread;
        m_started = std::exchange(other.m_started, false);
    }
    return *this;
}

void LoadThread::join()
{
    if (!m_started)
        return;
    ::pthread_join(m_thread, nullptr);
    m_started = false;
}

int LoadThread::currentNiceness()
{
    errno = 0;
    const int value = ::getpriority(PRIO_PROCESS, thisThread());
    return errno == 0 ? value : 0;
}

bool LoadThread::lowerThisThread()
{
    if (currentNiceness() >= niceness)
        return true;
    return ::setpriority(PRIO_PROCESS, thisThread(), niceness) == 0;
}

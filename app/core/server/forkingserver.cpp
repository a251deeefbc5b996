#include "forkingserver.h"

#include "server/handler.h"
#include "server/request.h"
#include "trace/clock.h"
#include "trace/eventhub.h"
#include "trace/gate.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

void pauseMs(long ms)
{
    timespec pause{ 0, ms * 1'000'000 };
    ::nanosleep(&pause, nullptr);
}

// Closes every fd from 3 up except a and b.
void closeAllExcept(int a, int b)
{
    const unsigned low = unsigned(qMin(a, b));
    const unsigned high = unsigned(qMax(a, b));
    if (low > 3)
        ::close_range(3, low - 1, 0);
    if (high > low + 1)
        ::close_range(low + 1, high - 1, 0);
    ::close_range(high + 1, ~0U, 0);
}

} // namespace

int ForkingServer::liveChildren() const
{
    std::lock_guard<std::mutex> lock(m_childrenMutex);
    return int(m_children.size());
}

void ForkingServer::serveForever()
{
    if (::pipe2(m_pipe, O_CLOEXEC) < 0) {
        tracerFor(Actor::Server, 0, 0).record(Call::Fork, Phase::Error, -1, errno);
        return;
    }
    // A child must never wait for the parent: if the reader falls behind, a full pipe drops the
    // child's event (as a full hub would) instead of blocking the child's socket calls.
    ::fcntl(m_pipe[1], F_SETFL, ::fcntl(m_pipe[1], F_GETFL) | O_NONBLOCK);
    ::fcntl(m_pipe[1], F_SETPIPE_SZ, 1 << 20); // room for ~18,000 events (pipe-max-size allowing)
    m_reader = std::thread([this] { readChildEvents(); });
    serveStream();
}

bool ForkingServer::processRequest(Socket connection, const Address &peer, quint32 id)
{
    const Tracer parent = tracerFor(Actor::Server, 0, id);
    Tracer child = tracerFor(Actor::Child, ++m_lastChild, id);
    child.hub = nullptr; // the child's copy of the hub and gate must not be touched
    child.gate = nullptr;
    child.stop = nullptr;
    child.pipeFd = m_pipe[1];
    const double speed = m_gate ? m_gate->speed() : 1.0;
    if (!parent.pass(Call::Fork)) {
        connectionDone();
        return false;
    }
    parent.record(Call::Fork, Phase::Enter);
    std::lock_guard<std::mutex> lock(m_childrenMutex); // the reader may not reap before we record
    const pid_t pid = ::fork();
    if (pid == 0)
        runChild(connection, peer, child, speed);
    if (pid < 0) {
        parent.record(Call::Fork, Phase::Error, -1, errno);
        connectionDone();
        return true; // the connection closes here; the server goes on
    }
    parent.record(Call::Fork, Phase::Return, pid);
    // ForkingMixIn.process_request(): the parent closes its copy at once (close_request());
    // from here the child alone holds the connection.
    connection.setTracer(parent);
    connection.close();
    m_children[pid] = { id };
    return true;
}

void ForkingServer::runChild(Socket &connection, const Address &peer, const Tracer &tracer,
                             double speed)
{
    // Only this thread exists in the child. Undo what the parent may have set for its own
    // signal handling, so that SIGTERM from stop() ends the child.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGPIPE, SIG_IGN); // a parent that is gone must not kill the child mid-reply
    // Keep only stdio, this connection and the event pipe. Python's children inherit everything,
    // but there the clients live in other processes; here the lab's own clients (and other
    // children's connections) share this process, and a child holding a client's fd would keep
    // that connection open after the client closed it.
    closeAllExcept(connection.fileno(), m_pipe[1]);
    tracer.record(Call::ThreadStart, Phase::Info);
    Gil gil; // a process of its own has a GIL of its own
    connection.setTracer(tracer);
    Request request;
    request.socket = &connection;
    request.tracer = tracer;
    request.clientAddress = peer;
    request.config = &m_config;
    request.gil = &gil;
    request.speed = speed > 0.0 ? speed : 1.0;
    const std::unique_ptr<Handler> handler = Handler::create(m_config);
    Handler::run(*handler, request);
    connection.shutdown(SHUT_WR);
    connection.close();
    tracer.record(Call::ThreadExit, Phase::Info);
    ::_exit(0); // no atexit handlers, no destructors of the parent's objects
}

void ForkingServer::readChildEvents()
{
    // Records are written whole (one write of < PIPE_BUF bytes each), read here many at a time.
    // Reaping does not depend on them: a child's last event may be dropped by a full pipe, or
    // never written if the child is killed, so every 50 ms whoever has exited is collected.
    std::vector<char> buffer(sizeof(Event) * 256);
    size_t filled = 0;
    qint64 lastCollect = Clock::nowNs();
    for (;;) {
        pollfd pfd{ m_pipe[0], POLLIN, 0 };
        const int ready = ::poll(&pfd, 1, 50);
        if (Clock::nowNs() - lastCollect > 50'000'000) {
            collectChildren();
            lastCollect = Clock::nowNs();
        }
        if (ready == 0 || (ready < 0 && errno == EINTR))
            continue;
        const ssize_t got = ::read(m_pipe[0], buffer.data() + filled, buffer.size() - filled);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break; // EOF: every write end is closed
        filled += size_t(got);
        size_t used = 0;
        for (; filled - used >= sizeof(Event); used += sizeof(Event)) {
            Event event;
            std::memcpy(&event, buffer.data() + used, sizeof event);
            if (m_hub)
                m_hub->push(event);
        }
        std::memmove(buffer.data(), buffer.data() + used, filled - used);
        filled -= used;
    }
}

void ForkingServer::reap(qint32 pid, const Child &child, int status)
{
    tracerFor(Actor::Server, 0, child.connection)
            .record(Call::Reap, Phase::Return, pid, WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    connectionDone();
}

void ForkingServer::collectChildren()
{
    // ForkingMixIn.collect_children(): reap whoever has exited without being reaped yet (a
    // child killed by a signal sends no last event).
    std::lock_guard<std::mutex> lock(m_childrenMutex);
    for (auto it = m_children.begin(); it != m_children.end();) {
        int status = 0;
        if (::waitpid(it->first, &status, WNOHANG) == it->first) {
            reap(it->first, it->second, status);
            it = m_children.erase(it);
        } else {
            ++it;
        }
    }
}

void ForkingServer::stopWorkers()
{
    // The parent holds no connection (it closed each after fork(), as Python does), so nothing
    // here can wake a child blocked in recv(): children that are about to finish get 100 ms,
    // the rest SIGTERM, then SIGKILL.
    for (int waited = 0; waited < 10 && liveChildren() > 0; ++waited) {
        collectChildren();
        pauseMs(10);
    }
    for (int signal : { SIGTERM, SIGKILL }) {
        {
            std::lock_guard<std::mutex> lock(m_childrenMutex);
            for (const auto &entry : m_children)
                ::kill(entry.first, signal);
        }
        for (int waited = 0; waited < 30 && liveChildren() > 0; ++waited) {
            collectChildren();
            pauseMs(10);
        }
    }
    if (m_pipe[1] >= 0)
        ::close(m_pipe[1]); // the reader sees EOF once no child holds a write end
    if (m_reader.joinable())
        m_reader.join();
    if (m_pipe[0] >= 0)
        ::close(m_pipe[0]);
    m_pipe[0] = m_pipe[1] = -1;
}

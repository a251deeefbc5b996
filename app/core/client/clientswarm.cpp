#include "clientswarm.h"

#include "net/socket.h"
#include "trace/clock.h"
#include "trace/gate.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// A blocking AF_UNIX connect() waits for room in the listener's queue and shutdown() cannot
// end that wait; a signal without SA_RESTART can (EINTR). Its handler does nothing.
int wakeSignal()
{
    static const int signal = [] {
        const int number = SIGRTMIN + 3;
        struct sigaction action
        {
        };
        action.sa_handler = [](int) {
        };
        sigemptyset(&action.sa_mask);
        action.sa_flags = 0; // no SA_RESTART: the blocked call returns EINTR
        ::sigaction(number, &action, nullptr);
        return number;
    }();
    return signal;
}

ClientOutcome::Result resultFor(int err)
{
    switch (err) {
    case ECONNREFUSED:
        return ClientOutcome::Result::Refused;
    case ETIMEDOUT:
    case EWOULDBLOCK:
        return ClientOutcome::Result::TimedOut;
    default:
        return ClientOutcome::Result::Failed;
    }
}

} // namespace

ClientSwarm::ClientSwarm(const SwarmConfig &config, EventHub *hub, Gate *gate)
    : m_config(config), m_hub(hub), m_gate(gate)
{ }

ClientSwarm::~ClientSwarm()
{
    stop();
}

bool ClientSwarm::start(QString *error)
{
    const QString invalid = m_config.validate();
    if (!invalid.isEmpty()) {
        *error = invalid;
        return false;
    }
    m_target = *m_config.target(error);
    wakeSignal();
    if (m_config.arrival != Arrival::OnDemand && m_config.clients > 0) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_arrivalsDone = false;
        m_arrivals = LoadThread([this] { arrivals(); });
    }
    return true;
}

void ClientSwarm::arrivals()
{
    for (int i = 0; i < m_config.clients && !m_stop; ++i) {
        if (i > 0 && m_config.arrival == Arrival::Every && !pause(m_config.everyMs / 1000.0))
            break;
        addClient();
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    m_arrivalsDone = true;
    m_changed.notify_all();
}

bool ClientSwarm::addClient()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_stop || m_launched >= quint32(SwarmConfig::maxClients))
        return false;
    const quint32 id = m_config.firstId + m_launched++;
    ClientOutcome &outcome = m_outcomes[id];
    outcome.id = id;
    m_threads.emplace(id, LoadThread([this, id] { runClient(id); }));
    return true;
}

Tracer ClientSwarm::tracerFor(quint32 id) const
{
    Tracer tracer;
    tracer.hub = m_hub;
    tracer.gate = m_gate;
    tracer.stop = &m_stop;
    tracer.origin = m_config.origin;
    tracer.actor = Actor::Client;
    tracer.actorId = id;
    tracer.connection = id;
    return tracer;
}

void ClientSwarm::setFd(quint32 id, int fd)
{
    struct stat info
    {
    };
    if (fd >= 0)
        ::fstat(fd, &info);
    std::lock_guard<std::mutex> lock(m_mutex);
    if (fd < 0)
        m_fds.erase(id);
    else
        m_fds[id] = { fd, quint64(info.st_ino) };
}

void ClientSwarm::runClient(quint32 id)
{
    ClientOutcome outcome;
    outcome.id = id;
    outcome.startNs = Clock::nowNs();
    SocketError error;
    Socket socket = Socket::create(m_config.family, m_config.datagram ? SOCK_DGRAM : SOCK_STREAM,
                                   &error, tracerFor(id));
    if (error) {
        outcome.result = m_stop ? ClientOutcome::Result::Stopped : ClientOutcome::Result::Failed;
        outcome.err = error.code;
        outcome.failedCall = callName(error.call);
    } else {
        setFd(id, socket.fileno());
        if (m_config.datagram)
            runDatagram(id, socket, outcome);
        else
            runStream(id, socket, outcome);
        setFd(id, -1); // before close(): stop() must never shut down a reused fd number
        socket.close();
    }
    outcome.doneNs = Clock::nowNs();
    std::lock_guard<std::mutex> lock(m_mutex);
    m_outcomes[id] = outcome;
    ++m_finished;
    m_changed.notify_all();
}

void ClientSwarm::recordFailure(ClientOutcome &outcome, const SocketError &error) const
{
    outcome.result = m_stop || error.code == ECANCELED ? ClientOutcome::Result::Stopped
            : error.timedOut                           ? ClientOutcome::Result::TimedOut
                                                       : resultFor(error.code);
    outcome.err = error.code;
    outcome.failedCall = callName(error.call);
}

void ClientSwarm::runStream(quint32, Socket &socket, ClientOutcome &outcome)
{
    const auto fail = [&](const SocketError &error) {
        recordFailure(outcome, error);
    };
    if (m_config.timeout)
        socket.setTimeout(m_config.timeout);
    if (m_config.synRetries > 0 && m_config.family != Family::Unix)
        socket.setOption(IPPROTO_TCP, TCP_SYNCNT, m_config.synRetries);
    if (m_config.connectEx) {
        const int err = socket.connectEx(m_target);
        if (err) {
            fail(SocketError::fromErrno(Call::ConnectEx, err));
            return;
        }
    } else if (const SocketError error = socket.connect(m_target)) {
        fail(error);
        return;
    }
    outcome.connectedNs = Clock::nowNs();
    outcome.echoMatched = true;
    for (int trip = 0; trip < m_config.roundTrips; ++trip) {
        if (trip > 0 && !pause(m_config.thinkSeconds)) {
            fail(SocketError::fromErrno(Call::Sleep, ECANCELED));
            return;
        }
        if (const SocketError error = socket.sendAll(m_config.message)) {
            fail(error);
            return;
        }
        outcome.bytesSent += m_config.message.size();
        QByteArray reply;
        while (reply.size() < m_config.message.size()) {
            SocketError error;
            const QByteArray part
                    = socket.recv(qMax<qint64>(m_config.message.size() - reply.size(), 1), &error);
            if (error) {
                fail(error);
                return;
            }
            if (part.isEmpty())
                break; // the server closed before echoing everything
            if (outcome.firstByteNs == 0)
                outcome.firstByteNs = Clock::nowNs();
            reply += part;
        }
        outcome.bytesReceived += reply.size();
        outcome.echoMatched = outcome.echoMatched && reply == m_config.message;
        if (reply.size() < m_config.message.size()) {
            outcome.result
                    = m_stop ? ClientOutcome::Result::Stopped : ClientOutcome::Result::Failed;
            outcome.err = ECONNRESET;
            outcome.failedCall = callName(Call::Recv);
            return;
        }
    }
    if (!pause(m_config.holdSeconds)) {
        fail(SocketError::fromErrno(Call::Sleep, ECANCELED));
        return;
    }
    outcome.result = ClientOutcome::Result::Ok;
}

void ClientSwarm::runDatagram(quint32, Socket &socket, ClientOutcome &outcome)
{
    const auto fail = [&](const SocketError &error) {
        recordFailure(outcome, error);
    };
    if (m_config.family == Family::Unix) {
        // An unbound AF_UNIX datagram socket cannot be answered: bind to an abstract name.
        const std::optional<Address> self = Address::unixPath(
                QStringLiteral("@socketlab-client-%1-%2").arg(::getpid()).arg(outcome.id));
        if (const SocketError error = socket.bind(*self)) {
            fail(error);
            return;
        }
    }
    if (m_config.timeout)
        socket.setTimeout(m_config.timeout);
    outcome.connectedNs = Clock::nowNs();
    outcome.echoMatched = true;
    for (int trip = 0; trip < m_config.roundTrips; ++trip) {
        if (trip > 0 && !pause(m_config.thinkSeconds)) {
            fail(SocketError::fromErrno(Call::Sleep, ECANCELED));
            return;
        }
        SocketError error;
        socket.sendTo(m_config.message, m_target, &error);
        if (error) {
            fail(error);
            return;
        }
        outcome.bytesSent += m_config.message.size();
        Address from;
        const QByteArray reply = socket.recvFrom(65536, &from, &error);
        if (error) {
            fail(error);
            return;
        }
        if (outcome.firstByteNs == 0)
            outcome.firstByteNs = Clock::nowNs();
        outcome.bytesReceived += reply.size();
        outcome.echoMatched = outcome.echoMatched && reply == m_config.message;
    }
    outcome.result = ClientOutcome::Result::Ok;
}

bool ClientSwarm::pause(double seconds)
{
    if (seconds <= 0.0)
        return !m_stop;
    std::unique_lock<std::mutex> lock(m_mutex);
    return !m_changed.wait_for(lock, std::chrono::duration<double>(seconds),
                               [this] { return m_stop.load(); });
}

void ClientSwarm::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
        m_changed.notify_all();
        for (const auto &entry : m_fds)
            ::shutdown(entry.second.first, SHUT_RDWR); // wakes connect() (TCP), recv(), send()
    }
    if (m_gate)
        m_gate->wakeAll();
    if (m_arrivals.joinable())
        m_arrivals.join();
    // Whoever is still blocked (an AF_UNIX connect()) gets the wake-up signal until it leaves.
    for (;;) {
        std::map<quint32, LoadThread> threads;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            if (m_changed.wait_for(lock, std::chrono::milliseconds(50),
                                   [this] { return m_finished == int(m_launched); })) {
                threads.swap(m_threads);
            } else {
                for (auto &entry : m_threads)
                    ::pthread_kill(entry.second.native_handle(), wakeSignal());
                continue;
            }
        }
        for (auto &entry : threads)
            entry.second.join();
        break;
    }
}

bool ClientSwarm::waitFinished(int timeoutMs)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                              [this] { return m_arrivalsDone && m_finished == int(m_launched); });
}

std::vector<ClientOutcome> ClientSwarm::outcomes() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<ClientOutcome> list;
    list.reserve(m_outcomes.size());
    for (const auto &entry : m_outcomes)
        list.push_back(entry.second);
    return list;
}

std::vector<ClientSwarm::LiveSocket> ClientSwarm::liveSockets() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<LiveSocket> list;
    for (const auto &entry : m_fds)
        list.push_back({ entry.first, entry.second.first, entry.second.second });
    return list;
}

int ClientSwarm::launched() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_launched);
}

int ClientSwarm::finished() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_finished;
}

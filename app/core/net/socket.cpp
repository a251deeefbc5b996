#include "socket.h"

#include <cerrno>
#include <cmath>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace {

// A positive timeout in whole milliseconds for poll(), rounded up so a tiny timeout still waits.
int pollMillis(double seconds)
{
    return int(std::ceil(seconds * 1000.0));
}

bool setNonBlockingFlag(int fd, bool nonBlocking)
{
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0)
        return false;
    const int wanted = nonBlocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
    return wanted == flags || ::fcntl(fd, F_SETFL, wanted) == 0;
}

} // namespace

Socket::~Socket()
{
    close();
}

Socket::Socket(Socket &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_tracer(other.m_tracer), m_timeout(other.m_timeout)
{ }

Socket &Socket::operator=(Socket &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = std::exchange(other.m_fd, -1);
        m_tracer = other.m_tracer;
        m_timeout = other.m_timeout;
    }
    return *this;
}

Socket Socket::create(int domain, int type, SocketError *error, const Tracer &tracer)
{
    Socket socket(-1, tracer);
    SocketError result;
    if (socket.enter(Call::Socket, &result)) {
        const int fd = ::socket(domain, type | SOCK_CLOEXEC, 0);
        const int err = fd < 0 ? errno : 0;
        socket.m_fd = fd;
        socket.done(Call::Socket, fd, err);
        result = SocketError::fromErrno(Call::Socket, err);
    }
    if (error)
        *error = result;
    return socket;
}

Socket Socket::create(Family family, int type, SocketError *error, const Tracer &tracer)
{
    const int domain = family == Family::Inet ? AF_INET
            : family == Family::Inet6         ? AF_INET6
                                              : AF_UNIX;
    return create(domain, type, error, tracer);
}

int Socket::release()
{
    return std::exchange(m_fd, -1);
}

bool Socket::enter(Call call, SocketError *error) const
{
    if (!m_tracer.pass(call)) {
        *error = SocketError::fromErrno(call, ECANCELED);
        return false;
    }
    m_tracer.record(call, Phase::Enter);
    return true;
}

void Socket::done(Call call, qint64 result, int err, qint64 bytes, quint16 port) const
{
    m_tracer.record(call, err ? Phase::Error : Phase::Return, result, err, bytes, port);
}

bool Socket::waitReady(Wait wait, Call call, SocketError *error) const
{
    if (!m_timeout || *m_timeout <= 0.0)
        return true; // blocking: the syscall itself waits; non-blocking: it fails with EAGAIN
    pollfd pfd{ m_fd, short(wait == Wait::Read ? POLLIN : POLLOUT), 0 };
    int ready;
    do {
        ready = ::poll(&pfd, 1, pollMillis(*m_timeout));
    } while (ready < 0 && errno == EINTR);
    if (ready < 0) {
        *error = SocketError::fromErrno(call, errno);
        return false;
    }
    if (ready == 0) {
        *error = { ETIMEDOUT, call, true };
        return false;
    }
    return true; // readable, writable, or an error/hang-up the next syscall will report
}

SocketError Socket::bind(const Address &address)
{
    SocketError error;
    if (!enter(Call::Bind, &error))
        return error;
    const int rc = ::bind(m_fd, address.data(), address.length());
    const int err = rc < 0 ? errno : 0;
    done(Call::Bind, rc, err);
    return SocketError::fromErrno(Call::Bind, err);
}

SocketError Socket::listen(int backlog)
{
    SocketError error;
    if (!enter(Call::Listen, &error))
        return error;
    const int rc = ::listen(m_fd, backlog);
    const int err = rc < 0 ? errno : 0;
    done(Call::Listen, rc, err);
    return SocketError::fromErrno(Call::Listen, err);
}

Socket Socket::accept(Address *peer, SocketError *error, quint32 connection)
{
    SocketError result;
    Socket accepted(-1, m_tracer);
    quint16 port = 0; // the peer's: ties this connection to its client
    if (enter(Call::Accept, &result)) {
        int fd = -1;
        if (waitReady(Wait::Read, Call::Accept, &result)) {
            sockaddr_storage storage{};
            socklen_t length = sizeof storage;
            do {
                fd = ::accept4(m_fd, reinterpret_cast<sockaddr *>(&storage), &length, SOCK_CLOEXEC);
            } while (fd < 0 && errno == EINTR && !m_tracer.stopping());
            result = SocketError::fromErrno(Call::Accept, fd < 0 ? errno : 0);
            if (fd >= 0) {
                const Address from
                        = Address::fromSockaddr(reinterpret_cast<sockaddr *>(&storage), length);
                port = from.port();
                if (peer)
                    *peer = from;
            }
        }
        accepted.m_fd = fd;
        if (fd >= 0 && connection != 0) {
            Tracer numbered = m_tracer; // only the Return names the connection; an error none
            numbered.connection = connection;
            numbered.record(Call::Accept, Phase::Return, fd, 0, 0, port);
        } else {
            done(Call::Accept, fd, result.code, 0, port);
        }
    }
    if (error)
        *error = result;
    return accepted;
}

quint16 Socket::localPort() const
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getsockname(m_fd, reinterpret_cast<sockaddr *>(&storage), &length) < 0)
        return 0;
    return Address::fromSockaddr(reinterpret_cast<sockaddr *>(&storage), length).port();
}

int Socket::connectErrno(const Address &address, Call call, SocketError *error) const
{
    int err = ::connect(m_fd, address.data(), address.length()) < 0 ? errno : 0;
    const bool timeoutMode = m_timeout && *m_timeout > 0.0;
    // An interrupted connect() goes on in the kernel: wait for it as Python does (PEP 475),
    // unless the interruption was a stop. In timeout mode EINPROGRESS is waited for the same way.
    while ((err == EINTR && !m_tracer.stopping()) || (err == EINPROGRESS && timeoutMode)) {
        pollfd pfd{ m_fd, POLLOUT, 0 };
        const int ready = ::poll(&pfd, 1, timeoutMode ? pollMillis(*m_timeout) : -1);
        if (ready < 0) {
            err = errno;
            continue;
        }
        if (ready == 0) {
            *error = { ETIMEDOUT, call, true };
            return ETIMEDOUT;
        }
        socklen_t length = sizeof err;
        ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &length);
    }
    *error = SocketError::fromErrno(call, err);
    return err;
}

SocketError Socket::connect(const Address &address)
{
    SocketError error;
    if (!enter(Call::Connect, &error))
        return error;
    const int err = connectErrno(address, Call::Connect, &error);
    done(Call::Connect, err ? -1 : 0, err, 0, err ? 0 : localPort());
    return error;
}

int Socket::connectEx(const Address &address)
{
    SocketError error;
    if (!enter(Call::ConnectEx, &error))
        return error.code;
    int err = connectErrno(address, Call::ConnectEx, &error);
    if (error.timedOut)
        err = EWOULDBLOCK; // CPython reports a timed-out connect_ex() as 11, not ETIMEDOUT
    // connect_ex() returns the error number: a return value, not an error phase.
    m_tracer.record(Call::ConnectEx, Phase::Return, err, 0, 0, err ? 0 : localPort());
    return err;
}

QByteArray Socket::recv(qint64 bufsize, SocketError *error)
{
    QByteArray data;
    SocketError result;
    if (enter(Call::Recv, &result)) {
        qint64 got = -1;
        if (bufsize < 0) {
            result = SocketError::fromErrno(Call::Recv, EINVAL);
        } else if (waitReady(Wait::Read, Call::Recv, &result)) {
            data.resize(bufsize);
            do {
                got = ::recv(m_fd, data.data(), size_t(bufsize), 0);
            } while (got < 0 && errno == EINTR && !m_tracer.stopping());
            result = SocketError::fromErrno(Call::Recv, got < 0 ? errno : 0);
            data.resize(got < 0 ? 0 : got);
        }
        done(Call::Recv, got, result.code, qMax<qint64>(got, 0));
    }
    if (error)
        *error = result;
    return data;
}

qint64 Socket::send(const QByteArray &data, SocketError *error)
{
    SocketError result;
    qint64 sent = -1;
    if (enter(Call::Send, &result)) {
        if (waitReady(Wait::Write, Call::Send, &result)) {
            do {
                sent = ::send(m_fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL);
            } while (sent < 0 && errno == EINTR && !m_tracer.stopping());
            result = SocketError::fromErrno(Call::Send, sent < 0 ? errno : 0);
        }
        done(Call::Send, sent, result.code, qMax<qint64>(sent, 0));
    }
    if (error)
        *error = result;
    return sent;
}

SocketError Socket::sendAll(const QByteArray &data)
{
    SocketError result;
    if (!enter(Call::SendAll, &result))
        return result;
    qint64 total = 0;
    // A loop, not recursion: each pass sends what the kernel takes and goes on from there.
    while (total < data.size()) {
        if (!waitReady(Wait::Write, Call::SendAll, &result))
            break;
        const qint64 sent
                = ::send(m_fd, data.constData() + total, size_t(data.size() - total), MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR && !m_tracer.stopping())
                continue;
            result = SocketError::fromErrno(Call::SendAll, errno);
            break;
        }
        total += sent;
    }
    done(Call::SendAll, result ? -1 : 0, result.code, total);
    return result;
}

qint64 Socket::sendTo(const QByteArray &data, const Address &address, SocketError *error)
{
    SocketError result;
    qint64 sent = -1;
    if (enter(Call::SendTo, &result)) {
        if (waitReady(Wait::Write, Call::SendTo, &result)) {
            do {
                sent = ::sendto(m_fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL,
                                address.data(), address.length());
            } while (sent < 0 && errno == EINTR && !m_tracer.stopping());
            result = SocketError::fromErrno(Call::SendTo, sent < 0 ? errno : 0);
        }
        done(Call::SendTo, sent, result.code, qMax<qint64>(sent, 0));
    }
    if (error)
        *error = result;
    return sent;
}

QByteArray Socket::recvFrom(qint64 bufsize, Address *from, SocketError *error)
{
    QByteArray data;
    SocketError result;
    if (enter(Call::RecvFrom, &result)) {
        qint64 got = -1;
        if (bufsize < 0) {
            result = SocketError::fromErrno(Call::RecvFrom, EINVAL);
        } else if (waitReady(Wait::Read, Call::RecvFrom, &result)) {
            data.resize(bufsize);
            sockaddr_storage storage{};
            socklen_t length = sizeof storage;
            do {
                got = ::recvfrom(m_fd, data.data(), size_t(bufsize), 0,
                                 reinterpret_cast<sockaddr *>(&storage), &length);
            } while (got < 0 && errno == EINTR && !m_tracer.stopping());
            result = SocketError::fromErrno(Call::RecvFrom, got < 0 ? errno : 0);
            data.resize(got < 0 ? 0 : got);
            if (got >= 0 && from)
                *from = Address::fromSockaddr(reinterpret_cast<sockaddr *>(&storage), length);
        }
        done(Call::RecvFrom, got, result.code, qMax<qint64>(got, 0));
    }
    if (error)
        *error = result;
    return data;
}

SocketError Socket::setBlocking(bool blocking)
{
    // Python: setblocking(True) == settimeout(None), setblocking(False) == settimeout(0.0).
    return setTimeout(blocking ? std::nullopt : std::optional<double>(0.0));
}

SocketError Socket::setTimeout(std::optional<double> seconds)
{
    const Call call = Call::SetTimeout;
    if (seconds && (*seconds < 0.0 || !std::isfinite(*seconds)))
        return SocketError::fromErrno(call, EINVAL); // Python: ValueError
    SocketError error;
    if (!enter(call, &error))
        return error;
    // Timeout mode keeps the fd non-blocking and waits in poll(), as CPython does.
    const bool ok = setNonBlockingFlag(m_fd, seconds.has_value());
    const int err = ok ? 0 : errno;
    if (ok)
        m_timeout = seconds;
    done(call, ok ? 0 : -1, err);
    return SocketError::fromErrno(call, err);
}

Address Socket::peerName(SocketError *error) const
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    const int rc = ::getpeername(m_fd, reinterpret_cast<sockaddr *>(&storage), &length);
    if (error)
        *error = SocketError::fromErrno(Call::None, rc < 0 ? errno : 0);
    return rc < 0 ? Address()
                  : Address::fromSockaddr(reinterpret_cast<sockaddr *>(&storage), length);
}

Address Socket::sockName(SocketError *error) const
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    const int rc = ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&storage), &length);
    if (error)
        *error = SocketError::fromErrno(Call::None, rc < 0 ? errno : 0);
    return rc < 0 ? Address()
                  : Address::fromSockaddr(reinterpret_cast<sockaddr *>(&storage), length);
}

SocketError Socket::setOption(int level, int name, int value)
{
    const int rc = ::setsockopt(m_fd, level, name, &value, sizeof value);
    return SocketError::fromErrno(Call::None, rc < 0 ? errno : 0);
}

SocketError Socket::shutdown(int how)
{
    // Not gated: shutdown() is how a stopping owner wakes a thread blocked in this socket.
    const int rc = ::shutdown(m_fd, how);
    const int err = rc < 0 ? errno : 0;
    m_tracer.record(Call::Shutdown, err ? Phase::Error : Phase::Return, rc, err);
    return SocketError::fromErrno(Call::Shutdown, err);
}

void Socket::close()
{
    if (m_fd < 0)
        return;
    ::close(std::exchange(m_fd, -1));
    m_tracer.record(Call::Close, Phase::Return);
}

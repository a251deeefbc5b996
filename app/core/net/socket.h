#pragma once

#include "net/address.h"
#include "net/socketerror.h"
#include "trace/tracer.h"

#include <QByteArray>
#include <optional>

// An owned socket file descriptor whose operations are Python's socket methods, one syscall each
// (plus the poll() Python adds in timeout mode), every one optionally traced and gated.
// Blocking is real: in blocking mode accept()/recv()/connect() sit in the kernel until woken,
// e.g. by shutdown() from another thread — close() from another thread does not wake them.
class Socket
{
public:
    Socket() = default;
    explicit Socket(int fd, const Tracer &tracer = {}) : m_fd(fd), m_tracer(tracer) { }
    ~Socket();
    Socket(Socket &&other) noexcept;
    Socket &operator=(Socket &&other) noexcept;
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;

    // socket.socket(family, type): SOCK_CLOEXEC always, as Python does.
    static Socket create(int domain, int type, SocketError *error, const Tracer &tracer = {});
    static Socket create(Family family, int type, SocketError *error, const Tracer &tracer = {});

    bool isValid() const { return m_fd >= 0; }
    int fileno() const { return m_fd; }
    int release(); // gives up ownership of the fd (detach())
    void setTracer(const Tracer &tracer) { m_tracer = tracer; }
    const Tracer &tracer() const { return m_tracer; }

    SocketError bind(const Address &address);
    SocketError listen(int backlog);
    // The accepted socket inherits this socket's tracer (give it its own with setTracer()).
    // connection: the id the caller gives the accepted connection, recorded on accept()'s Return
    // (with the peer's port) so that the event ties the client to it; 0: the tracer's own.
    Socket accept(Address *peer, SocketError *error, quint32 connection = 0);
    SocketError connect(const Address &address);
    int connectEx(const Address &address); // errno, 0 on success — never "raises"

    // recv(bufsize): the bytes read; empty with error.ok() means the peer closed (EOF).
    QByteArray recv(qint64 bufsize, SocketError *error);
    qint64 send(const QByteArray &data, SocketError *error); // bytes sent, may be < size
    SocketError sendAll(const QByteArray &data); // loops send() until everything is gone
    qint64 sendTo(const QByteArray &data, const Address &address, SocketError *error);
    QByteArray recvFrom(qint64 bufsize, Address *from, SocketError *error);

    SocketError setBlocking(bool blocking);
    // settimeout(): nullopt = None (blocking), 0 = non-blocking, > 0 = poll with a deadline.
    SocketError setTimeout(std::optional<double> seconds);
    std::optional<double> timeout() const { return m_timeout; }

    Address peerName(SocketError *error = nullptr) const;
    Address sockName(SocketError *error = nullptr) const;
    SocketError setOption(int level, int name, int value);
    SocketError shutdown(int how); // SHUT_RD, SHUT_WR, SHUT_RDWR
    void close();

private:
    enum class Wait { Read, Write };
    // In timeout mode waits (poll) until the fd is ready; false + error on timeout or failure.
    bool waitReady(Wait wait, Call call, SocketError *error) const;
    int connectErrno(const Address &address, Call call, SocketError *error) const;
    bool enter(Call call, SocketError *error) const;
    quint16 localPort() const; // getsockname()'s port; 0 for AF_UNIX or on error
    void done(Call call, qint64 result, int err, qint64 bytes = 0, quint16 port = 0) const;

    int m_fd = -1;
    Tracer m_tracer;
    std::optional<double> m_timeout; // Python's default: None
};

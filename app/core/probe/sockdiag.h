#pragma once

#include "probe/connectionrow.h"

#include <QString>
#include <optional>
#include <vector>

// The kernel's NETLINK_SOCK_DIAG interface, unprivileged: TCP sockets of one port (the kernel
// filters them with a bytecode program, so the namespace's whole table is never copied) and
// AF_UNIX listeners with their queue lengths. Owns one netlink socket; use from one thread.
class SockDiag
{
public:
    SockDiag();
    ~SockDiag();
    SockDiag(const SockDiag &) = delete;
    SockDiag &operator=(const SockDiag &) = delete;

    bool isAvailable() const { return m_fd >= 0; }
    QString error() const { return m_error; }

    // Every TCP socket (both sides, all states) whose local or remote port is `port`.
    // `states`: a bit per TCP state (1 << ConnectionRow::Listen …); only listeners is far cheaper,
    // as the kernel then walks the listening hash instead of every established bucket.
    std::optional<std::vector<ConnectionRow>> tcpRows(Family family, quint16 port,
                                                      quint32 states = ~0U);
    // AF_UNIX stream listeners: path, pending connections (recvQ) and backlog (sendQ).
    std::optional<std::vector<ConnectionRow>> unixListeners();

private:
    bool send(const void *request, size_t length);
    template<typename Handle> bool receive(Handle handle);

    int m_fd = -1;
    quint32 m_sequence = 0;
    QString m_error;
};

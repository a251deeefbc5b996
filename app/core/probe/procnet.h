#pragma once

#include "probe/connectionrow.h"

#include <optional>
#include <vector>

// The fallback when sock_diag is missing: /proc/net/tcp or tcp6, parsed whole (the kernel
// cannot filter it, so it costs far more per sample). A LISTEN row's recvQ is the queue length;
// the cap is not in this file (sendQ stays 0).
class ProcNet
{
public:
    static std::optional<std::vector<ConnectionRow>> tcpRows(Family family, quint16 port);
    // An AF_UNIX stream listener from /proc/net/unix: each connection waiting in its queue is an
    // extra row with the same path and inode 0. The backlog is not in this file (sendQ stays 0).
    static std::optional<ConnectionRow> unixListener(const QString &path);

    // A bound UDP socket from /proc/net/udp or udp6: rx_queue (bytes of memory its waiting
    // datagrams take) and drops. port 0: nullopt only when the file itself cannot be read.
    struct UdpRow
    {
        qint64 rxQueue = 0;
        qint64 drops = 0;
        quint64 inode = 0;
    };
    static std::optional<UdpRow> udpRow(Family family, quint16 port);
};

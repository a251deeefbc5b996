#pragma once

#include <QtGlobal>

// The namespace-wide TcpExt counters for a full accept queue, from /proc/net/netstat.
struct NetstatCounters
{
    qint64 listenOverflows = -1; // SYNs or final ACKs dropped because an accept queue was full
    qint64 listenDrops = -1; // every drop at a listener, overflows included

    bool isAvailable() const { return listenOverflows >= 0; }
    static NetstatCounters read();
};

#pragma once

#include <QtGlobal>

// The namespace-wide counters of full queues: TcpExt from /proc/net/netstat, Udp from
// /proc/net/snmp and Udp6 from /proc/net/snmp6.
struct NetstatCounters
{
    qint64 listenOverflows = -1; // SYNs or final ACKs dropped because an accept queue was full
    qint64 listenDrops = -1; // every drop at a listener, overflows included
    qint64 udpRcvbufErrors = -1; // Udp + Udp6 RcvbufErrors: datagrams dropped at a full buffer

    bool isAvailable() const { return listenOverflows >= 0; }
    static NetstatCounters read();
};

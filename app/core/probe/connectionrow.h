#pragma once

#include "net/address.h"

#include <QString>

// One socket of a connection as the kernel reports it (sock_diag or /proc/net/tcp): either side.
struct ConnectionRow
{
    Address local;
    Address remote;
    int state = 0; // the kernel's TCP state number (TCP_ESTABLISHED = 1 … TCP_LISTEN = 10)
    quint32 recvQ = 0; // LISTEN: accept-queue length; else bytes not yet read
    quint32 sendQ = 0; // LISTEN: the cap (backlog); else bytes not yet acknowledged
    quint32 uid = 0;
    quint64 inode = 0; // 0 for a connection no process holds yet: queued, not accepted
    int retransmits = 0; // SYN_SENT: SYNs sent again so far
    int timer = 0; // 1 = retransmit timer running
    quint32 timerMs = 0; // when it fires next

    enum State {
        Established = 1,
        SynSent,
        SynRecv,
        FinWait1,
        FinWait2,
        TimeWait,
        Close,
        CloseWait,
        LastAck,
        Listen,
        Closing,
    };
    static QString stateName(int state); // as ss prints it: "ESTAB", "SYN-SENT", …
};

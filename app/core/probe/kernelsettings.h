#pragma once

#include <QString>
#include <vector>

// The kernel settings that decide what the lab shows, read live from /proc/sys (-1 = absent,
// e.g. tcp_syn_linear_timeouts before Linux 6.5), and the SYN retry schedule they imply.
struct KernelSettings
{
    QString kernel; // "Linux 6.1.0-…"
    int somaxconn = -1;
    int tcpSynRetries = -1;
    int tcpSynLinearTimeouts = -1;
    int tcpAbortOnOverflow = -1;
    int tcpSyncookies = -1;
    int tcpMaxSynBacklog = -1;

    static KernelSettings read();

    // When a client whose SYN is dropped sends it again, in seconds after its first SYN, and when
    // connect() gives up with ETIMEDOUT (the last element). `retries` is tcp_syn_retries (or
    // TCP_SYNCNT); `linearTimeouts` is tcp_syn_linear_timeouts (0 = the classic doubling).
    // Linux ≥ 6.5, 6 and 4: 1 2 3 4 5 7 11 19 35 67 | 131. Classic, 6: 1 3 7 15 31 63 | 127.
    // TCP_SYNCNT 2 with linear timeouts 4: 1 2 3 4 5 | 7.
    static std::vector<double> synSchedule(int retries, int linearTimeouts);
    std::vector<double> synSchedule() const;
};

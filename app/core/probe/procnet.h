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
};

#include "kernelsettings.h"

#include <QFile>
#include <QSysInfo>
#include <algorithm>

namespace {

int readInt(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    bool ok = false;
    const int value = file.readAll().trimmed().toInt(&ok);
    return ok ? value : -1;
}

} // namespace

KernelSettings KernelSettings::read()
{
    KernelSettings s;
    s.kernel = QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion();
    s.somaxconn = readInt("/proc/sys/net/core/somaxconn");
    s.tcpSynRetries = readInt("/proc/sys/net/ipv4/tcp_syn_retries");
    s.tcpSynLinearTimeouts = readInt("/proc/sys/net/ipv4/tcp_syn_linear_timeouts");
    s.tcpAbortOnOverflow = readInt("/proc/sys/net/ipv4/tcp_abort_on_overflow");
    s.tcpSyncookies = readInt("/proc/sys/net/ipv4/tcp_syncookies");
    s.tcpMaxSynBacklog = readInt("/proc/sys/net/ipv4/tcp_max_syn_backlog");
    return s;
}

std::vector<double> KernelSettings::synSchedule(int retries, int linearTimeouts)
{
    // The retransmission timer starts at 1 s (TCP_TIMEOUT_INIT). The first linearTimeouts + 1
    // waits stay at 1 s, later ones double (capped at TCP_RTO_MAX, 120 s). Each time the timer
    // fires, tcp_write_timeout() gives up with ETIMEDOUT once retries + linearTimeouts SYNs were
    // sent again or the time since the first SYN reaches what the classic doubling would need
    // for `retries` (2^(retries+1) - 1 s); otherwise it sends the SYN again. Measured here:
    // (6, 4) → 1 2 3 4 5 7 11 19 35 67 | 131; (6, 0) → 1 3 7 15 31 63 | 127; (2, 4) → 1 2 3 4 5
    // | 7.
    const int r = std::max(0, retries);
    const int linear = std::max(0, linearTimeouts);
    const double giveUp = double((1LL << std::min(r + 1, 40)) - 1);
    std::vector<double> times;
    double t = 0.0;
    double wait = 1.0;
    for (int sent = 0;;) {
        t += wait; // the timer fires
        times.push_back(t);
        if (sent >= r + linear || t >= giveUp)
            break; // this firing is the ETIMEDOUT
        ++sent; // the SYN goes out again
        wait = sent <= linear ? 1.0 : std::min(wait * 2.0, 120.0);
    }
    return times;
}

std::vector<double> KernelSettings::synSchedule() const
{
    return synSchedule(tcpSynRetries < 0 ? 6 : tcpSynRetries, std::max(0, tcpSynLinearTimeouts));
}

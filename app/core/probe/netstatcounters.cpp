#include "netstatcounters.h"

#include <QFile>
#include <QList>
#include <algorithm>

namespace {

// "Udp: RcvbufErrors" from the paired lines of /proc/net/snmp, plus "Udp6RcvbufErrors" from
// /proc/net/snmp6 (one "name value" per line); -1 when neither file reads.
qint64 readUdpRcvbufErrors()
{
    qint64 total = -1;
    QFile snmp(QStringLiteral("/proc/net/snmp"));
    if (snmp.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = snmp.readAll().split('\n');
        for (int i = 0; i + 1 < lines.size(); ++i) {
            if (!lines[i].startsWith("Udp:") || !lines[i + 1].startsWith("Udp:"))
                continue;
            const QList<QByteArray> names = lines[i].simplified().split(' ');
            const QList<QByteArray> values = lines[i + 1].simplified().split(' ');
            for (int k = 1; k < names.size() && k < values.size(); ++k) {
                if (names[k] == "RcvbufErrors")
                    total = values[k].toLongLong();
            }
            break;
        }
    }
    QFile snmp6(QStringLiteral("/proc/net/snmp6"));
    if (snmp6.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : snmp6.readAll().split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() == 2 && f[0] == "Udp6RcvbufErrors")
                total = std::max<qint64>(total, 0) + f[1].toLongLong();
        }
    }
    return total;
}

} // namespace

NetstatCounters NetstatCounters::read()
{
    NetstatCounters counters;
    counters.udpRcvbufErrors = readUdpRcvbufErrors();
    QFile file(QStringLiteral("/proc/net/netstat"));
    if (!file.open(QIODevice::ReadOnly))
        return counters;
    // Pairs of lines: "TcpExt: Name1 Name2 …" then "TcpExt: value1 value2 …".
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (int i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i].startsWith("TcpExt:") || !lines[i + 1].startsWith("TcpExt:"))
            continue;
        const QList<QByteArray> names = lines[i].simplified().split(' ');
        const QList<QByteArray> values = lines[i + 1].simplified().split(' ');
        for (int k = 1; k < names.size() && k < values.size(); ++k) {
            if (names[k] == "ListenOverflows")
                counters.listenOverflows = values[k].toLongLong();
            else if (names[k] == "ListenDrops")
                counters.listenDrops = values[k].toLongLong();
        }
        break;
    }
    return counters;
}

#include "netstatcounters.h"

#include <QFile>
#include <QHash>
#include <QList>
#include <algorithm>

namespace {

// The counters of one group from a file of paired lines, "Group: Name1 Name2 …" then
// "Group: value1 value2 …" (/proc/net/netstat, /proc/net/snmp); empty when the file or the
// group is missing.
QHash<QByteArray, qint64> readPairedLines(const char *path, const QByteArray &group)
{
    QHash<QByteArray, qint64> counters;
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return counters;
    const QByteArray prefix = group + ':';
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (int i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i].startsWith(prefix) || !lines[i + 1].startsWith(prefix))
            continue;
        const QList<QByteArray> names = lines[i].simplified().split(' ');
        const QList<QByteArray> values = lines[i + 1].simplified().split(' ');
        for (int k = 1; k < names.size() && k < values.size(); ++k)
            counters.insert(names[k], values[k].toLongLong());
        break;
    }
    return counters;
}

// "Udp: RcvbufErrors" from /proc/net/snmp plus "Udp6RcvbufErrors" from /proc/net/snmp6 (one
// "name value" per line); -1 when neither file has it.
qint64 readUdpRcvbufErrors()
{
    qint64 total = readPairedLines("/proc/net/snmp", "Udp").value("RcvbufErrors", -1);
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
    const QHash<QByteArray, qint64> tcpExt = readPairedLines("/proc/net/netstat", "TcpExt");
    counters.listenOverflows = tcpExt.value("ListenOverflows", -1);
    counters.listenDrops = tcpExt.value("ListenDrops", -1);
    return counters;
}

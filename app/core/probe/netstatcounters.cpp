#include "netstatcounters.h"

#include <QFile>
#include <QList>

NetstatCounters NetstatCounters::read()
{
    NetstatCounters counters;
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

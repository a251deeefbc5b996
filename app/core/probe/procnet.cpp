#include "procnet.h"

#include <QFile>
#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>

namespace {

// "0100007F:1F90" (IPv4) or 32 hex digits (IPv6): each 32-bit word printed in host order.
Address parseAddress(Family family, const QByteArray &text)
{
    const int colon = text.indexOf(':');
    const QByteArray hex = text.left(colon);
    const quint16 port = quint16(text.mid(colon + 1).toUInt(nullptr, 16));
    quint32 words[4] = {};
    for (int i = 0; i < hex.size() / 8 && i < 4; ++i)
        words[i] = quint32(hex.mid(i * 8, 8).toUInt(nullptr, 16));
    if (family == Family::Inet) {
        sockaddr_in in{};
        in.sin_family = AF_INET;
        in.sin_port = htons(port);
        std::memcpy(&in.sin_addr, words, 4);
        return Address::fromSockaddr(reinterpret_cast<sockaddr *>(&in), sizeof in);
    }
    sockaddr_in6 in6{};
    in6.sin6_family = AF_INET6;
    in6.sin6_port = htons(port);
    std::memcpy(&in6.sin6_addr, words, 16);
    return Address::fromSockaddr(reinterpret_cast<sockaddr *>(&in6), sizeof in6);
}

} // namespace

std::optional<std::vector<ConnectionRow>> ProcNet::tcpRows(Family family, quint16 port)
{
    QFile file(family == Family::Inet6 ? QStringLiteral("/proc/net/tcp6")
                                       : QStringLiteral("/proc/net/tcp"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    std::vector<ConnectionRow> rows;
    file.readLine(); // the header
    while (!file.atEnd()) {
        const QList<QByteArray> f = file.readLine().simplified().split(' ');
        if (f.size() < 10)
            continue;
        ConnectionRow row;
        row.local = parseAddress(family, f[1]);
        row.remote = parseAddress(family, f[2]);
        if (row.local.port() != port && row.remote.port() != port)
            continue;
        row.state = int(f[3].toUInt(nullptr, 16));
        const QList<QByteArray> queues = f[4].split(':');
        row.sendQ = queues.value(0).toUInt(nullptr, 16);
        row.recvQ = queues.value(1).toUInt(nullptr, 16);
        if (row.state == ConnectionRow::Listen)
            row.sendQ = 0; // tx_queue means nothing for a listener here
        row.retransmits = int(f[6].toUInt(nullptr, 16));
        row.uid = f[7].toUInt();
        row.inode = f[9].toULongLong();
        rows.push_back(row);
    }
    return rows;
}

std::optional<ConnectionRow> ProcNet::unixListener(const QString &path)
{
    QFile file(QStringLiteral("/proc/net/unix"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // Num RefCount Protocol Flags Type St Inode Path; Flags 00010000 = __SO_ACCEPTCON (listening).
    ConnectionRow listener;
    int pending = 0;
    bool found = false;
    const QByteArray wanted = path.toUtf8();
    file.readLine();
    while (!file.atEnd()) {
        const QList<QByteArray> f = file.readLine().simplified().split(' ');
        if (f.size() < 8 || f[7] != wanted)
            continue;
        const quint64 inode = f[6].toULongLong();
        if (f[3] == "00010000") {
            found = true;
            listener.state = ConnectionRow::Listen;
            listener.inode = inode;
            listener.local = *Address::unixPath(path);
        } else if (inode == 0) {
            ++pending;
        }
    }
    if (!found)
        return std::nullopt;
    listener.recvQ = quint32(pending);
    return listener;
}

std::optional<ProcNet::UdpRow> ProcNet::udpRow(Family family, quint16 port)
{
    QFile file(family == Family::Inet6 ? QStringLiteral("/proc/net/udp6")
                                       : QStringLiteral("/proc/net/udp"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
    // ref pointer drops — addresses and queues in hex, the rest in decimal.
    file.readLine();
    if (port == 0)
        return UdpRow{};
    while (!file.atEnd()) {
        const QList<QByteArray> f = file.readLine().simplified().split(' ');
        if (f.size() < 13)
            continue;
        const int colon = f[1].lastIndexOf(':');
        if (colon < 0 || f[1].mid(colon + 1).toUInt(nullptr, 16) != port)
            continue;
        UdpRow row;
        const int queues = f[4].indexOf(':');
        row.rxQueue = f[4].mid(queues + 1).toLongLong(nullptr, 16);
        row.inode = f[9].toULongLong();
        row.drops = f[12].toLongLong();
        return row;
    }
    return std::nullopt;
}

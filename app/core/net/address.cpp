#include "address.h"

#include <QCoreApplication>
#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <sys/un.h>

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

std::optional<Address> Address::inet(const QString &host, quint16 port, QString *error)
{
    const QString numeric = host.isEmpty() || host == QLatin1String("localhost")
            ? QStringLiteral("127.0.0.1")
            : host;
    Address address;
    auto *in = reinterpret_cast<sockaddr_in *>(&address.m_storage);
    in->sin_family = AF_INET;
    in->sin_port = htons(port);
    if (inet_pton(AF_INET, numeric.toLatin1().constData(), &in->sin_addr) != 1) {
        setError(error,
                 QCoreApplication::translate("Address", "\"%1\" is not an IPv4 address").arg(host));
        return std::nullopt;
    }
    address.m_length = sizeof(sockaddr_in);
    return address;
}

std::optional<Address> Address::inet6(const QString &host, quint16 port, QString *error)
{
    QString numeric
            = host.isEmpty() || host == QLatin1String("localhost") ? QStringLiteral("::1") : host;
    if (numeric.startsWith(QLatin1Char('[')) && numeric.endsWith(QLatin1Char(']')))
        numeric = numeric.mid(1, numeric.size() - 2);
    Address address;
    auto *in6 = reinterpret_cast<sockaddr_in6 *>(&address.m_storage);
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(port);
    if (inet_pton(AF_INET6, numeric.toLatin1().constData(), &in6->sin6_addr) != 1) {
        setError(error,
                 QCoreApplication::translate("Address", "\"%1\" is not an IPv6 address").arg(host));
        return std::nullopt;
    }
    address.m_length = sizeof(sockaddr_in6);
    return address;
}

std::optional<Address> Address::unixPath(const QString &path, QString *error)
{
    Address address;
    auto *un = reinterpret_cast<sockaddr_un *>(&address.m_storage);
    un->sun_family = AF_UNIX;
    const QByteArray bytes = path.toUtf8();
    if (bytes.isEmpty()) {
        setError(error, QCoreApplication::translate("Address", "a Unix socket needs a path"));
        return std::nullopt;
    }
    if (bytes.size() >= int(sizeof(un->sun_path))) {
        setError(error,
                 QCoreApplication::translate(
                         "Address", "Unix socket path is too long (%1 bytes, the limit is %2): %3")
                         .arg(bytes.size())
                         .arg(sizeof(un->sun_path) - 1)
                         .arg(path));
        return std::nullopt;
    }
    std::memcpy(un->sun_path, bytes.constData(), size_t(bytes.size()));
    if (bytes.startsWith('@')) {
        // Linux's abstract namespace: a leading NUL, no file, and no terminating NUL counted.
        un->sun_path[0] = '\0';
        address.m_length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(bytes.size()));
        return address;
    }
    address.m_length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(bytes.size()) + 1);
    return address;
}

std::optional<Address> Address::make(Family family, const QString &host, quint16 port,
                                     const QString &path, QString *error)
{
    switch (family) {
    case Family::Inet:
        return inet(host, port, error);
    case Family::Inet6:
        return inet6(host, port, error);
    case Family::Unix:
        return unixPath(path, error);
    }
    return std::nullopt;
}

Address Address::fromSockaddr(const sockaddr *source, socklen_t length)
{
    Address address;
    if (!source || length == 0 || length > socklen_t(sizeof(sockaddr_storage)))
        return address;
    std::memcpy(&address.m_storage, source, length);
    address.m_length = length;
    return address;
}

Family Address::family() const
{
    switch (m_storage.ss_family) {
    case AF_INET6:
        return Family::Inet6;
    case AF_UNIX:
        return Family::Unix;
    default:
        return Family::Inet;
    }
}

int Address::domain() const
{
    return m_storage.ss_family;
}

QString Address::host() const
{
    char text[INET6_ADDRSTRLEN] = {};
    if (m_storage.ss_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&m_storage);
        inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    } else if (m_storage.ss_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&m_storage);
        inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    }
    return QString::fromLatin1(text);
}

quint16 Address::port() const
{
    if (m_storage.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in *>(&m_storage)->sin_port);
    if (m_storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 *>(&m_storage)->sin6_port);
    return 0;
}

QString Address::path() const
{
    if (m_storage.ss_family != AF_UNIX)
        return {};
    const auto *un = reinterpret_cast<const sockaddr_un *>(&m_storage);
    const qsizetype size = qsizetype(m_length) - qsizetype(offsetof(sockaddr_un, sun_path));
    if (size <= 0)
        return {};
    if (un->sun_path[0] == '\0') // the abstract namespace: no file, a leading NUL
        return QLatin1Char('@') + QString::fromUtf8(un->sun_path + 1, size - 1);
    return QString::fromUtf8(un->sun_path, qsizetype(strnlen(un->sun_path, size_t(size))));
}

Address Address::withPort(quint16 port) const
{
    Address copy = *this;
    if (m_storage.ss_family == AF_INET)
        reinterpret_cast<sockaddr_in *>(&copy.m_storage)->sin_port = htons(port);
    else if (m_storage.ss_family == AF_INET6)
        reinterpret_cast<sockaddr_in6 *>(&copy.m_storage)->sin6_port = htons(port);
    return copy;
}

QString Address::toString() const
{
    switch (family()) {
    case Family::Inet:
        return host() + QLatin1Char(':') + QString::number(port());
    case Family::Inet6:
        return QLatin1Char('[') + host() + QStringLiteral("]:") + QString::number(port());
    case Family::Unix:
        return path().isEmpty() ? QStringLiteral("(unnamed)") : path();
    }
    return {};
}

QString Address::pythonRepr() const
{
    switch (family()) {
    case Family::Inet:
        return QStringLiteral("('%1', %2)").arg(host()).arg(port());
    case Family::Inet6: {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&m_storage);
        return QStringLiteral("('%1', %2, %3, %4)")
                .arg(host())
                .arg(port())
                .arg(ntohl(in6->sin6_flowinfo))
                .arg(in6->sin6_scope_id);
    }
    case Family::Unix:
        return QLatin1Char('\'') + path() + QLatin1Char('\'');
    }
    return {};
}

QString Address::familyName(Family family)
{
    switch (family) {
    case Family::Inet:
        return QStringLiteral("AF_INET");
    case Family::Inet6:
        return QStringLiteral("AF_INET6");
    case Family::Unix:
        return QStringLiteral("AF_UNIX");
    }
    return {};
}

QString Address::familyKey(Family family)
{
    switch (family) {
    case Family::Inet:
        return QStringLiteral("inet");
    case Family::Inet6:
        return QStringLiteral("inet6");
    case Family::Unix:
        return QStringLiteral("unix");
    }
    return {};
}

std::optional<Family> Address::familyFromKey(const QString &key)
{
    for (Family f : { Family::Inet, Family::Inet6, Family::Unix }) {
        if (key == familyKey(f) || key.compare(familyName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

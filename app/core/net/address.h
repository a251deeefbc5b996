#pragma once

#include <QString>
#include <optional>
#include <sys/socket.h>

// Which address family a socket or address belongs to (Python's socket.AF_*).
enum class Family { Inet, Inet6, Unix };

// A socket address for AF_INET, AF_INET6 or AF_UNIX, held as the kernel's sockaddr bytes.
class Address
{
public:
    Address() = default;

    // Numeric hosts ("127.0.0.1", "::1") or "localhost"; no DNS lookups. nullopt + error if bad.
    static std::optional<Address> inet(const QString &host, quint16 port, QString *error = nullptr);
    static std::optional<Address> inet6(const QString &host, quint16 port,
                                        QString *error = nullptr);
    // A filesystem path (at most 107 bytes, as sun_path allows), or "@name" for Linux's
    // abstract namespace.
    static std::optional<Address> unixPath(const QString &path, QString *error = nullptr);
    static std::optional<Address> make(Family family, const QString &host, quint16 port,
                                       const QString &path, QString *error = nullptr);
    static Address fromSockaddr(const sockaddr *address, socklen_t length);

    bool isValid() const { return m_length > 0; }
    Family family() const;
    int domain() const; // AF_INET, AF_INET6, AF_UNIX
    QString host() const; // numeric host; empty for AF_UNIX
    quint16 port() const; // 0 for AF_UNIX
    QString path() const; // AF_UNIX only; "" for unnamed, "@name" for the abstract namespace
    Address withPort(quint16 port) const;

    // "127.0.0.1:5007", "[::1]:5007", "/tmp/x/s.sock"
    QString toString() const;
    // What Python prints: ('127.0.0.1', 5007), ('::1', 5007, 0, 0), '/tmp/x/s.sock'
    QString pythonRepr() const;

    const sockaddr *data() const { return reinterpret_cast<const sockaddr *>(&m_storage); }
    socklen_t length() const { return m_length; }

    static QString familyName(Family family); // "AF_INET", …
    static QString familyKey(Family family); // "inet", "inet6", "unix" (CLI spelling)
    static std::optional<Family> familyFromKey(const QString &key);

private:
    sockaddr_storage m_storage{};
    socklen_t m_length = 0;
};

#include "serverconfig.h"

#include <QCoreApplication>
#include <array>
#include <cmath>

namespace {

constexpr std::array<ServerModel, 5> allModels{ ServerModel::Blocking, ServerModel::Threading,
                                                ServerModel::Forking, ServerModel::Udp,
                                                ServerModel::ThreadingUdp };
constexpr std::array<HandlerKind, 5> allHandlers{ HandlerKind::Echo, HandlerKind::SleepEcho,
                                                  HandlerKind::Cpu, HandlerKind::SeedLoop,
                                                  HandlerKind::SeedFixed };

} // namespace

QString ServerConfig::validate() const
{
    if (backlog < 0)
        return QCoreApplication::translate("ServerConfig", "backlog must be 0 or more, not %1")
                .arg(backlog);
    if (!(delaySeconds >= 0.0) || !std::isfinite(delaySeconds) || delaySeconds > 3600.0)
        return QCoreApplication::translate("ServerConfig",
                                           "handler delay must be between 0 and 3600 s");
    if (maxMessage < 1 || maxMessage > 64 * 1024 * 1024)
        return QCoreApplication::translate("ServerConfig",
                                           "max message size must be between 1 byte and 64 MiB");
    if (maxConnections < 0)
        return QCoreApplication::translate("ServerConfig",
                                           "max connections must be 0 (no limit) or more");
    if (!isStream() && !handlerFactory
        && (handler == HandlerKind::SeedLoop || handler == HandlerKind::SeedFixed))
        return QCoreApplication::translate("ServerConfig",
                                           "the seed's handlers read a stream; use them "
                                           "with a TCP or Unix stream server");
    return {};
}

QString ServerConfig::modelKey(ServerModel model)
{
    switch (model) {
    case ServerModel::Blocking:
        return QStringLiteral("blocking");
    case ServerModel::Threading:
        return QStringLiteral("threading");
    case ServerModel::Forking:
        return QStringLiteral("forking");
    case ServerModel::Udp:
        return QStringLiteral("udp");
    case ServerModel::ThreadingUdp:
        return QStringLiteral("threading-udp");
    }
    return {};
}

QString ServerConfig::pythonClassName(ServerModel model, Family family)
{
    const bool local = family == Family::Unix;
    switch (model) {
    case ServerModel::Blocking:
        return local ? QStringLiteral("UnixStreamServer") : QStringLiteral("TCPServer");
    case ServerModel::Threading:
        return local ? QStringLiteral("ThreadingUnixStreamServer")
                     : QStringLiteral("ThreadingTCPServer");
    case ServerModel::Forking:
        return local ? QStringLiteral("ForkingMixIn + UnixStreamServer")
                     : QStringLiteral("ForkingTCPServer");
    case ServerModel::Udp:
        return local ? QStringLiteral("UnixDatagramServer") : QStringLiteral("UDPServer");
    case ServerModel::ThreadingUdp:
        return local ? QStringLiteral("ThreadingUnixDatagramServer")
                     : QStringLiteral("ThreadingUDPServer");
    }
    return {};
}

std::optional<ServerModel> ServerConfig::modelFromKey(const QString &key)
{
    for (ServerModel model : allModels) {
        if (modelKey(model) == key)
            return model;
    }
    return std::nullopt;
}

QString ServerConfig::handlerKey(HandlerKind kind)
{
    switch (kind) {
    case HandlerKind::Echo:
        return QStringLiteral("echo");
    case HandlerKind::SleepEcho:
        return QStringLiteral("sleep-echo");
    case HandlerKind::Cpu:
        return QStringLiteral("cpu");
    case HandlerKind::SeedLoop:
        return QStringLiteral("seed-loop");
    case HandlerKind::SeedFixed:
        return QStringLiteral("seed-fixed");
    }
    return {};
}

std::optional<HandlerKind> ServerConfig::handlerFromKey(const QString &key)
{
    for (HandlerKind kind : allHandlers) {
        if (handlerKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

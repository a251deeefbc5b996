#include "experimentpreset.h"

#include <QJsonArray>

namespace {

bool readNumber(const QJsonObject &o, const char *key, double min, double max, double *value,
                const QString &where, QString *error)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max) {
        *error = QStringLiteral("%1.%2 must be a number from %3 to %4")
                         .arg(where, QLatin1String(key))
                         .arg(min)
                         .arg(max);
        return false;
    }
    *value = v.toDouble();
    return true;
}

} // namespace

std::optional<ExperimentPreset> ExperimentPreset::fromJson(const QJsonObject &json, QString *error)
{
    ExperimentPreset preset;
    const QJsonValue servers = json.value(QLatin1String("servers"));
    if (!servers.isArray() || servers.toArray().isEmpty() || servers.toArray().size() > 2) {
        *error = QStringLiteral("\"servers\" must be an array of one or two servers");
        return std::nullopt;
    }
    int index = 0;
    for (const QJsonValue &value : servers.toArray()) {
        const QString where = QStringLiteral("servers[%1]").arg(index);
        if (!value.isObject()) {
            *error = where + QStringLiteral(" must be an object");
            return std::nullopt;
        }
        const QJsonObject o = value.toObject();
        ServerConfig config;
        config.origin = quint16(index);
        const auto model = ServerConfig::modelFromKey(
                o.value(QLatin1String("model")).toString(QStringLiteral("blocking")));
        const auto family = Address::familyFromKey(
                o.value(QLatin1String("family")).toString(QStringLiteral("inet")));
        const auto handler = ServerConfig::handlerFromKey(
                o.value(QLatin1String("handler")).toString(QStringLiteral("echo")));
        if (!model || !family || !handler) {
            *error = where
                    + QStringLiteral(": unknown %1")
                              .arg(!model            ? QStringLiteral("model")
                                           : !family ? QStringLiteral("family")
                                                     : QStringLiteral("handler"));
            return std::nullopt;
        }
        config.model = *model;
        config.family = *family;
        config.host
                = *family == Family::Inet6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
        config.handler = *handler;
        double backlog = config.backlog;
        double delay = config.delaySeconds;
        if (!readNumber(o, "backlog", 0, 128, &backlog, where, error)
            || !readNumber(o, "delay", 0, 10, &delay, where, error))
            return std::nullopt;
        config.backlog = int(backlog);
        config.delaySeconds = delay;
        config.gil = o.value(QLatin1String("gil")).toBool(false);
        preset.servers.push_back(config);
        ++index;
    }
    const QJsonObject clients = json.value(QLatin1String("clients")).toObject();
    double count = 1;
    double every = 0;
    double timeout = 0;
    const QString where = QStringLiteral("clients");
    if (!readNumber(clients, "count", 0, 1000, &count, where, error)
        || !readNumber(clients, "every_ms", 0, 60000, &every, where, error)
        || !readNumber(clients, "timeout", 0, 300, &timeout, where, error))
        return std::nullopt;
    preset.clients.clients = int(count);
    if (every > 0) {
        preset.clients.arrival = Arrival::Every;
        preset.clients.everyMs = int(every);
    }
    if (timeout > 0)
        preset.clients.timeout = timeout;
    preset.clients.message
            = clients.value(QLatin1String("message")).toString(QStringLiteral("hello")).toUtf8();
    preset.paused = json.value(QLatin1String("paused")).toBool(false);
    if (!readNumber(json, "speed", 0.01, 100, &preset.speed, QStringLiteral("experiment"), error))
        return std::nullopt;
    if (json.contains(QLatin1String("observe_s"))
        && !readNumber(json, "observe_s", 1, 30, &preset.observeSeconds,
                       QStringLiteral("experiment"), error))
        return std::nullopt;
    const QJsonValue pauses = json.value(QLatin1String("pauses"));
    if (!pauses.isUndefined() && !pauses.isArray()) {
        *error = QStringLiteral("\"pauses\" must be an array");
        return std::nullopt;
    }
    int pauseIndex = 0;
    for (const QJsonValue &value : pauses.toArray()) {
        const QString at = QStringLiteral("pauses[%1]").arg(pauseIndex++);
        const QJsonObject o = value.toObject();
        PausePoint point;
        if (!value.isObject() || !o.contains(QLatin1String("at_s"))) {
            *error = at + QStringLiteral(" must be an object with \"at_s\"");
            return std::nullopt;
        }
        if (!readNumber(o, "at_s", 0, 300, &point.atSeconds, at, error))
            return std::nullopt;
        point.holdsAfterPauses = o.value(QLatin1String("holds_after_pauses")).toBool(false);
        const QJsonObject note = o.value(QLatin1String("note")).toObject();
        for (auto it = note.begin(); it != note.end(); ++it)
            point.note.insert(it.key(), it.value().toString());
        if (!preset.pauses.empty() && point.atSeconds < preset.pauses.back().atSeconds) {
            *error = at + QStringLiteral(".at_s must not be earlier than the pause before it");
            return std::nullopt;
        }
        preset.pauses.push_back(point);
    }
    return preset;
}

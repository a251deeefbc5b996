#include "swarmconfig.h"

#include <QCoreApplication>
#include <cmath>

QString SwarmConfig::validate() const
{
    if (clients < 0 || clients > maxClients)
        return QCoreApplication::translate("SwarmConfig", "clients must be between 0 and %1")
                .arg(maxClients);
    if (everyMs < 0)
        return QCoreApplication::translate("SwarmConfig",
                                           "the arrival interval must be 0 ms or more");
    if (roundTrips < 0)
        return QCoreApplication::translate("SwarmConfig", "round trips must be 0 or more");
    if (!(thinkSeconds >= 0.0) || !(holdSeconds >= 0.0))
        return QCoreApplication::translate("SwarmConfig",
                                           "think and hold times must be 0 s or more");
    if (timeout && (!(*timeout >= 0.0) || !std::isfinite(*timeout)))
        return QCoreApplication::translate("SwarmConfig", "the timeout must be 0 s or more");
    if (synRetries < 0 || synRetries > 127)
        return QCoreApplication::translate("SwarmConfig", "SYN retries must be between 0 and 127");
    if (message.isEmpty() && roundTrips > 0)
        return QCoreApplication::translate("SwarmConfig",
                                           "an empty message gets no echo; send at least one byte");
    QString error;
    if (!target(&error))
        return error;
    return {};
}

std::optional<Address> SwarmConfig::target(QString *error) const
{
    return Address::make(family, host, port, unixPath, error);
}

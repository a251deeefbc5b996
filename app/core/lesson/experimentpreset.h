#pragma once

#include "client/swarmconfig.h"
#include "server/serverconfig.h"

#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

// A lesson's experiment.json read into lab settings: one or two servers (two run side by side
// on their own ports), the clients sent to each, and whether the lab starts paused.
//   { "servers": [ { "model": "blocking", "family": "inet", "backlog": 2,
//                    "handler": "sleep-echo", "delay": 2.0 }, … ],
//     "clients": { "count": 8, "every_ms": 0, "message": "hello", "timeout": 0 },
//     "paused": false }
struct ExperimentPreset
{
    std::vector<ServerConfig> servers;
    SwarmConfig clients;
    bool paused = false;

    // nullopt with a message naming the field when something is not what it should be.
    static std::optional<ExperimentPreset> fromJson(const QJsonObject &json, QString *error);
};

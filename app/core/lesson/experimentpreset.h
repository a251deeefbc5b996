#pragma once

#include "client/swarmconfig.h"
#include "server/serverconfig.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

// A lesson's experiment.json read into lab settings: one or two servers (two run side by side
// on their own ports), the clients sent to each, and whether the lab starts paused.
//   { "servers": [ { "model": "blocking", "family": "inet", "backlog": 2,
//                    "handler": "sleep-echo", "delay": 2.0 }, … ],
//     "clients": { "count": 8, "every_ms": 0, "message": "hello", "timeout": 0 },
//     "paused": false, "speed": 1, "observe_s": 8,
//     "pauses": [ { "at_s": 1.0, "note": { "en": "…", "zh_CN": "…" } } ] }
// Pause points stop the lab at_s seconds after the clients start and show the note (the GUI's
// business; headless runs ignore them). observe_s bounds a headless run. See lessons/FORMAT.md.
struct ExperimentPreset
{
    struct PausePoint
    {
        double atSeconds = 0.0;
        QHash<QString, QString> note; // language -> text
        // The note describes what the lab's own threads do (they pause with the lab), not the
        // kernel's timers or child processes (which do not): it stays true after earlier pauses.
        bool holdsAfterPauses = false;
    };

    std::vector<ServerConfig> servers;
    SwarmConfig clients;
    bool paused = false;
    double speed = 1.0; // slow motion of the handlers' work; every preset sets it (default ×1)
    double observeSeconds = 10.0;
    std::vector<PausePoint> pauses; // in time order

    // nullopt with a message naming the field when something is not what it should be.
    static std::optional<ExperimentPreset> fromJson(const QJsonObject &json, QString *error);
};

#pragma once

#include "probe/probesample.h"

#include <QJsonObject>

// A probe sample as one JSON object, shared by observe and the --probe option of serve/swarm.
class ProbeJson
{
public:
    static QJsonObject toJson(const ProbeSample &sample, qint64 startNs);
};

#pragma once

#include "lesson/experimentpreset.h"
#include "model/runmeasures.h"

#include <QString>

class LabController;
#include <optional>

// Runs a lesson's experiment without a screen, on a LabController of its own: starts the servers
// on free ports, sends the clients, feeds a RunMeasures once per frame, and stops when every
// client has ended or observe_s has passed. Pause points are ignored. Runs a local event loop:
// call it from a thread that has none running (tests, the CLI, a quiz check's worker).
class ExperimentRunner final
{
public:
    static std::optional<RunMeasures> run(const ExperimentPreset &preset, QString *error);
    // The lab's servers' lossless counts (the handout loop's empty recv() calls) into measures.
    static void takeServerCounts(const LabController &lab, RunMeasures *measures);
};

#pragma once

#include "lab/runrecord.h"
#include "lesson/experimentpreset.h"
#include "model/runmeasures.h"

#include <QString>
#include <optional>

// Runs a lesson's experiment without a screen, on a LabSession of its own: starts the servers
// on free ports, sends the clients, and measures until every client has ended or observe_s has
// passed (LabSession::runAndMeasure, the quiz's own path). Pause points are ignored. Runs a local
// event loop: call it from a thread that has none running (tests, the CLI, a quiz check's worker).
class ExperimentRunner final
{
public:
    // `record` (if given) receives the run's record (LabSession::record()) once it has run,
    // ready for RunFile::save; left as it was when the run could not start.
    static std::optional<RunMeasures> run(const ExperimentPreset &preset, QString *error,
                                          RunRecord *record = nullptr);
};

#include "experimentrunner.h"

#include "lab/labsession.h"

#include <QEventLoop>

std::optional<RunMeasures> ExperimentRunner::run(const ExperimentPreset &preset, QString *error,
                                                 RunRecord *record)
{
    if (preset.servers.empty()) {
        *error = QStringLiteral("the experiment has no server");
        return std::nullopt;
    }
    LabSession lab;
    QEventLoop loop;
    // The run's end is the answer's moment; the whole RunMeasures is the answer.
    QObject::connect(&lab, &LabSession::measured, &loop, &QEventLoop::quit);
    if (!lab.runAndMeasure(preset, QStringLiteral("connected"), 0, error))
        return std::nullopt;
    loop.exec();
    RunMeasures measures = lab.measures();
    lab.reset(); // also ends the record of a run measured before its last client ended
    if (record)
        *record = lab.record();
    return measures;
}

#include "experimentrunner.h"

#include "lab/labcontroller.h"
#include "lab/runend.h"

#include <QEventLoop>
#include <QTimer>

std::optional<RunMeasures> ExperimentRunner::run(const ExperimentPreset &preset, QString *error)
{
    if (preset.servers.empty()) {
        *error = QStringLiteral("the experiment has no server");
        return std::nullopt;
    }
    LabController lab;
    RunMeasures measures;
    QObject::connect(&lab, &LabController::frame,
                     [&measures](const std::vector<Event> &events, const ProbeSample &sample,
                                 const ProbeSample &twinSample) {
                         measures.applyEvents(events);
                         measures.applyProbe(sample, 0);
                         measures.applyProbe(twinSample, 1);
                     });
    const std::optional<ServerConfig> twin = preset.servers.size() > 1
            ? std::optional<ServerConfig>(preset.servers.back())
            : std::nullopt;
    if (!lab.startServer(preset.servers.front(), error, twin))
        return std::nullopt;
    const int servers = twin ? 2 : 1;
    const int expected = preset.clients.clients * servers;
    if (preset.clients.clients > 0 && !lab.addClients(preset.clients, error)) {
        lab.reset();
        return std::nullopt;
    }

    // Until every client has ended (and one more probe period has been seen), or observe_s.
    QEventLoop loop;
    RunEnd end(expected, preset.observeSeconds);
    QTimer check;
    check.setInterval(20);
    QObject::connect(&check, &QTimer::timeout, [&] {
        if (end.reached(lab.finishedClientCount()))
            loop.quit();
    });
    check.start();
    loop.exec();
    lab.flush();
    takeServerCounts(lab, &measures);
    lab.reset();
    return measures;
}

void ExperimentRunner::takeServerCounts(const LabController &lab, RunMeasures *measures)
{
    if (const Server *s = lab.server())
        measures->setEmptyRecvs(0, s->emptyRecvs());
    if (const Server *s = lab.twin())
        measures->setEmptyRecvs(1, s->emptyRecvs());
}

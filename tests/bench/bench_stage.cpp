// The stage under load, offscreen but shown: a LabArea at 1920×1080 with the application font at
// 200 % (the presenter's zoom) and a StageView in it, a burst of 1,000 clients against
// ThreadingTCPServer, while a 5 ms heartbeat timer on the GUI thread measures how often the event
// loop gets to run (and how much of each interval the GUI thread itself spent on the CPU: on a
// busy machine a long interval can be other programs' time) and StageView::paintTimesNs() how
// long each paint of the stage took. Then the
// run is saved as a .socketlab-run file, opened again, and replayed at ×4 to its end under the
// same measurements. Prints "bench: NAME VALUE UNIT" lines; exit 1 if a client is missing, the
// stage never painted, or the record cannot be saved, opened or replayed.
#include "benchfigures.h"
#include "clientpanel.h"
#include "lab/labcontroller.h"
#include "lab/labsession.h"
#include "lab/runfile.h"
#include "labarea.h"
#include "model/connectionmodel.h"
#include "serverpanel.h"
#include "stageview.h"
#include "zoomcontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

namespace {

using BenchFigures::finishedClients;
using BenchFigures::percentile;

constexpr int kClients = 1000;
constexpr qint64 kTimeLimitMs = 60000; // bounded: each phase ends here whatever happens
constexpr int kMinPaints = 10; // a stage that painted less than this was not really on screen

// The GUI thread's heartbeat (ms between two ticks of a 5 ms timer) and the stage's paint times,
// collected from StageView::paintTimesNs() at each tick (it keeps only the last 1,000).
// Also, to tell where a stall comes from: the work of each frame (LabArea::frameApplied: live,
// every model and view; in a replay LabSession reports 0 for the models, so only the LabArea's
// own part) and the stage's own reaction to each StageModel::changed() (StageView lays the data
// out and renders its still picture there).
struct Meter
{
    std::vector<double> heartbeat;
    // The GUI thread's own CPU time within each heartbeat interval: a long interval with little
    // of it was the machine's other work, not the lab's.
    std::vector<double> busy;
    std::vector<double> paints;
    std::vector<double> frameWork;
    std::vector<double> stageUpdate;
};

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Runs the event loop until done() says so or the time limit passed, measuring into `meter`.
// Returns the milliseconds it ran.
qint64 measure(const char *tag, StageView *view, Meter *meter, const std::function<void()> &begin,
               const std::function<bool(qint64 elapsedMs)> &done)
{
    QElapsedTimer run;
    QElapsedTimer beat;
    auto drainPaints = [&] {
        for (qint64 ns : view->paintTimesNs())
            meter->paints.push_back(double(ns) / 1e6);
        view->clearPaintTimes();
    };
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    // Where a long interval went (BENCH_STAGE_TRACE): the frames, stage updates and stage paints
    // that ran within it.
    size_t framesBefore = 0;
    size_t updatesBefore = 0;
    const auto sumSince = [](const std::vector<double> &v, size_t from) {
        double sum = 0.0;
        for (size_t i = from; i < v.size(); ++i)
            sum += v[i];
        return sum;
    };
    qint64 cpuBefore = threadCpuNs();
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        meter->heartbeat.push_back(double(beat.nsecsElapsed()) / 1e6);
        const qint64 cpu = threadCpuNs();
        meter->busy.push_back(double(cpu - cpuBefore) / 1e6);
        cpuBefore = cpu;
        const size_t paintsBefore = meter->paints.size();
        drainPaints();
        if (qEnvironmentVariableIsSet("BENCH_STAGE_TRACE") && meter->heartbeat.back() > 20.0)
            std::fprintf(stderr,
                         "%s: %.1f ms without the event loop, ending at %.3f s; within it %zu "
                         "frames %.1f ms (stage updates %.1f ms), %zu stage paints %.1f ms\n",
                         tag, meter->heartbeat.back(), double(run.elapsed()) / 1000.0,
                         meter->frameWork.size() - framesBefore,
                         sumSince(meter->frameWork, framesBefore),
                         sumSince(meter->stageUpdate, updatesBefore),
                         meter->paints.size() - paintsBefore,
                         sumSince(meter->paints, paintsBefore));
        framesBefore = meter->frameWork.size();
        updatesBefore = meter->stageUpdate.size();
        beat.restart();
    });
    QEventLoop loop;
    QTimer watch;
    watch.setInterval(50);
    QObject::connect(&watch, &QTimer::timeout, [&] {
        if (done(run.elapsed()) || run.elapsed() > kTimeLimitMs)
            loop.quit();
    });
    QTimer::singleShot(0, [&] {
        view->clearPaintTimes();
        cpuBefore = threadCpuNs();
        beat.start();
        ticker.start();
        watch.start();
        run.start();
        begin();
    });
    loop.exec();
    ticker.stop();
    drainPaints();
    return run.elapsed();
}

void printWork(const char *prefix, const Meter &m)
{
    std::printf("bench: %s_frame_work_p99 %.2f ms\n", prefix, percentile(m.frameWork, 0.99));
    std::printf("bench: %s_frame_work_max %.2f ms\n", prefix, percentile(m.frameWork, 1.0));
    std::printf("bench: %s_stage_update_p50 %.2f ms\n", prefix, percentile(m.stageUpdate, 0.5));
    std::printf("bench: %s_stage_update_p99 %.2f ms\n", prefix, percentile(m.stageUpdate, 0.99));
    std::printf("bench: %s_stage_update_max %.2f ms\n", prefix, percentile(m.stageUpdate, 1.0));
}

void printInterval(const char *prefix, const Meter &m)
{
    std::printf("bench: %s_gui_interval_p50 %.1f ms\n", prefix, percentile(m.heartbeat, 0.50));
    std::printf("bench: %s_gui_interval_p99 %.1f ms\n", prefix, percentile(m.heartbeat, 0.99));
    std::printf("bench: %s_gui_interval_max %.1f ms\n", prefix, percentile(m.heartbeat, 1.0));
    std::printf("bench: %s_gui_busy_p99 %.1f ms\n", prefix, percentile(m.busy, 0.99));
    std::printf("bench: %s_gui_busy_max %.1f ms\n", prefix, percentile(m.busy, 1.0));
}

int stalls(const Meter &m)
{
    return int(std::count_if(m.heartbeat.begin(), m.heartbeat.end(),
                             [](double ms) { return ms > 50.0; }));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    ZoomController zoom;
    zoom.setPercent(200); // the application font doubled, as the presenter zoom does
    if (zoom.percent() != 200) {
        std::fprintf(stderr, "bench_stage: the zoom is %d %%, not 200 %%\n", zoom.percent());
        return 1;
    }

    LabArea lab;
    // The LabArea's own stage when it has one; else one set up here, as the window does.
    auto *view = qobject_cast<StageView *>(lab.stageView());
    if (!view) {
        view = new StageView(&lab); // a child of the LabArea's stage host from here on
        lab.setStageView(view);
    }
    Meter *current = nullptr; // the phase being measured
    QObject::connect(&lab, &LabArea::frameApplied, [&](int, qint64 workNs) {
        if (current)
            current->frameWork.push_back(double(workNs) / 1e6);
    });
    // The view's reaction to the model, timed between a slot connected before it and one after
    // (setModel connects anew, so also a stage the LabArea had set up comes between the two).
    StageModel *stage = lab.session()->stage();
    QElapsedTimer updateClock;
    QObject::connect(stage, &StageModel::changed, [&] { updateClock.start(); });
    view->setModel(stage);
    QObject::connect(stage, &StageModel::changed, [&] {
        if (current)
            current->stageUpdate.push_back(double(updateClock.nsecsElapsed()) / 1e6);
    });
    lab.resize(1920, 1080);
    lab.show();
    // The window's first paint (its backing store, every widget, the fonts' glyphs) before the
    // measuring: a teacher clicks long after the window appeared. Bounded: at most 1 s.
    {
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 1000 && (view->paintTimesNs().empty() || settle.elapsed() < 300))
            app.processEvents(QEventLoop::AllEvents, 50);
    }
    lab.serverPanel()->modelBox()->setCurrentIndex(1); // ThreadingTCPServer
    lab.serverPanel()->handlerBox()->setCurrentIndex(0); // echo
    lab.serverPanel()->backlogBox()->setValue(128);
    lab.serverPanel()->startButton()->click();
    if (!lab.controller()->isServerRunning()) {
        std::fprintf(stderr, "bench_stage: the server did not start\n");
        return 1;
    }
    bool ok = true;

    // The burst, watched on the stage.
    Meter burst;
    current = &burst;
    qint64 finishedAt = -1;
    measure(
            "burst", view, &burst,
            [&] {
                lab.clientPanel()->countBox()->setValue(kClients);
                lab.clientPanel()->addManyButton()->click(); // all at once
            },
            [&](qint64 elapsedMs) {
                // At least 2 s, as bench_lab, so the stage settles after the last client.
                if (finishedAt < 0 && finishedClients(*lab.connections()) >= kClients)
                    finishedAt = elapsedMs;
                return finishedAt >= 0 && elapsedMs >= 2000;
            });
    const int rows = lab.connections()->rowCount();
    const int finished = finishedClients(*lab.connections());
    std::printf("bench: lab_stage_burst_seconds %.2f s\n", double(finishedAt) / 1000.0);
    std::printf("bench: lab_stage_burst_clients_finished %d of %d\n", finished, kClients);
    printInterval("lab_stage_burst", burst);
    std::printf("bench: lab_stage_burst_stalls_over_50ms %d count\n", stalls(burst));
    std::printf("bench: stage_paint_p50 %.2f ms\n", percentile(burst.paints, 0.50));
    std::printf("bench: stage_paint_p99 %.2f ms\n", percentile(burst.paints, 0.99));
    std::printf("bench: stage_paint_max %.2f ms\n", percentile(burst.paints, 1.0));
    std::printf("bench: stage_paints %d count\n", int(burst.paints.size()));
    printWork("lab_stage_burst", burst);
    std::printf("bench: stage_size %dx%d px\n", view->width(), view->height());
    std::fflush(stdout);
    if (rows != kClients || finished != kClients) {
        std::fprintf(stderr, "bench_stage: %d clients in the model, %d finished, of %d\n", rows,
                     finished, kClients);
        ok = false;
    }
    if (burst.paints.size() < size_t(kMinPaints)) {
        std::fprintf(stderr,
                     "bench_stage: the stage painted %d times during the burst (fewer than %d): "
                     "it was not on screen\n",
                     int(burst.paints.size()), kMinPaints);
        ok = false;
    }

    // The run ends (a run cut short ends its record here too), then goes to a file and back.
    current = nullptr;
    lab.reset();
    const RunRecord &live = lab.session()->record();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("burst") + QLatin1String(RunFile::suffix));
    QString error;
    if (!dir.isValid() || !RunFile::save(live, path, &error)) {
        std::fprintf(stderr, "bench_stage: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("bench: stage_record_file_bytes %lld bytes\n",
                static_cast<long long>(QFileInfo(path).size()));
    std::printf("bench: stage_record_events %zu count\n", live.eventCount());
    QElapsedTimer opening;
    opening.start();
    const std::optional<RunRecord> record = RunFile::open(path, &error);
    std::printf("bench: stage_record_open_ms %.1f ms\n", double(opening.nsecsElapsed()) / 1e6);
    std::fflush(stdout);
    if (!record) {
        std::fprintf(stderr, "bench_stage: %s\n", qPrintable(error));
        return 1;
    }

    // The replay at ×4, from the start to the end, on the same stage.
    LabSession *session = lab.session();
    if (!session->startReplay(*record, &error)) {
        std::fprintf(stderr, "bench_stage: %s\n", qPrintable(error));
        return 1;
    }
    session->setReplaySpeed(4.0);
    Meter replay;
    current = &replay;
    const qint64 replayMs = measure(
            "replay", view, &replay, [&] { session->setReplayPlaying(true); },
            [&](qint64) {
                return !session->isReplayPlaying()
                        && session->replayPositionNs() >= session->replayDurationNs();
            });
    const bool reachedEnd = session->replayPositionNs() >= session->replayDurationNs();
    std::printf("bench: stage_replay_x4_seconds %.2f s\n", double(replayMs) / 1000.0);
    std::printf("bench: stage_replay_run_seconds %.2f s\n",
                double(session->replayDurationNs()) / 1e9);
    printInterval("stage_replay_x4", replay);
    std::printf("bench: stage_replay_x4_stalls_over_50ms %d count\n", stalls(replay));
    std::printf("bench: stage_replay_x4_paint_p50 %.2f ms\n", percentile(replay.paints, 0.50));
    std::printf("bench: stage_replay_x4_paint_p99 %.2f ms\n", percentile(replay.paints, 0.99));
    std::printf("bench: stage_replay_x4_paint_max %.2f ms\n", percentile(replay.paints, 1.0));
    std::printf("bench: stage_replay_x4_paints %d count\n", int(replay.paints.size()));
    printWork("stage_replay_x4", replay);
    std::printf("bench: stage_replay_x4_clients_in_model %d of %d\n", lab.connections()->rowCount(),
                kClients);
    std::fflush(stdout);
    if (!reachedEnd || lab.connections()->rowCount() != kClients) {
        std::fprintf(stderr, "bench_stage: the replay did not reach its end with every client\n");
        ok = false;
    }
    if (replay.paints.size() < size_t(kMinPaints)) {
        std::fprintf(stderr,
                     "bench_stage: the stage painted %d times during the replay (fewer than %d)\n",
                     int(replay.paints.size()), kMinPaints);
        ok = false;
    }
    current = nullptr;
    session->leaveReplay();
    return ok ? 0 : 1;
}

// The live lab under load, offscreen: a burst of 1,000 clients against ThreadingTCPServer with
// every model fed each frame and the views repainting, while a 5 ms heartbeat timer on the GUI
// thread measures how often the event loop gets to run (the frame interval: a loop that does not
// run cannot paint). Also the work of each frame (LabArea::frameApplied) and the events applied
// per second. Prints "bench: NAME VALUE UNIT" lines; exit 1 if a client is missing at the end.
#include "benchfigures.h"
#include "clientpanel.h"
#include "lab/labcontroller.h"
#include "labarea.h"
#include "model/connectionmodel.h"
#include "serverpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

using BenchFigures::finishedClients;
using BenchFigures::percentile;

} // namespace

// One burst of 1,000 clients in a fresh lab; prints its figures with `tag` in their names and
// returns whether every client ended up in the model, finished.
bool runBurst(const char *tag, bool cycleTabs)
{
    constexpr int kClients = 1000;
    constexpr qint64 kTimeLimitMs = 60000; // bounded: the run ends here whatever happens

    LabArea lab;
    lab.resize(1400, 1000);
    lab.show();
    lab.serverPanel()->modelBox()->setCurrentIndex(1); // ThreadingTCPServer
    lab.serverPanel()->handlerBox()->setCurrentIndex(0); // echo
    lab.serverPanel()->backlogBox()->setValue(128);
    lab.serverPanel()->startButton()->click();
    if (!lab.controller()->isServerRunning()) {
        std::fprintf(stderr, "bench_lab: the server did not start\n");
        return false;
    }

    std::vector<double> heartbeat; // ms between two heartbeat ticks
    std::vector<double> frameWork; // ms to apply one frame to every model and view
    qint64 events = 0;
    QElapsedTimer run;
    QElapsedTimer beat;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        heartbeat.push_back(double(beat.nsecsElapsed()) / 1e6);
        if (qEnvironmentVariableIsSet("BENCH_LAB_TRACE") && heartbeat.back() > 20.0)
            std::fprintf(stderr, "%s: %.1f ms without the event loop, ending at %.3f s, tab %d\n",
                         tag, heartbeat.back(), double(run.elapsed()) / 1000.0,
                         lab.tabs()->currentIndex());
        beat.restart();
    });
    QObject::connect(&lab, &LabArea::frameApplied, [&](int batch, qint64 workNs) {
        frameWork.push_back(double(workNs) / 1e6);
        events += batch;
    });
    // Every tab in turn, so each view shows and paints during the burst, not only the first one.
    QTimer tabs;
    tabs.setInterval(250);
    QObject::connect(&tabs, &QTimer::timeout,
                     [&lab] { lab.tabs()->setCurrentIndex((lab.tabs()->currentIndex() + 1) % 4); });
    QEventLoop loop;
    qint64 finishedAt = -1;
    QTimer watch;
    watch.setInterval(50);
    QObject::connect(&watch, &QTimer::timeout, [&] {
        // At least 2 s, so the tabs come round more than once; the burst time is taken apart.
        if (finishedAt < 0 && finishedClients(*lab.connections()) >= kClients)
            finishedAt = run.elapsed();
        if ((finishedAt >= 0 && run.elapsed() >= 2000) || run.elapsed() > kTimeLimitMs)
            loop.quit();
    });
    QTimer::singleShot(0, [&] {
        beat.start();
        ticker.start();
        if (cycleTabs)
            tabs.start();
        watch.start();
        run.start();
        lab.clientPanel()->countBox()->setValue(kClients);
        lab.clientPanel()->addManyButton()->click(); // all at once
    });
    loop.exec();
    const double seconds = double(run.elapsed()) / 1000.0;
    const double burst = double(finishedAt) / 1000.0;
    ticker.stop();
    const int rows = lab.connections()->rowCount();
    const int finished = finishedClients(*lab.connections());
    int echoed = 0;
    for (int row = 0; row < rows; ++row)
        echoed += lab.connections()->index(row, 0).data(ConnectionModel::ResultRole).toString()
                == QLatin1String("ok");
    std::printf("bench: lab_%s_burst_seconds %.2f s\n", tag, burst);
    std::printf("bench: lab_%s_clients_in_model %d of %d\n", tag, rows, kClients);
    std::printf("bench: lab_%s_clients_finished %d of %d\n", tag, finished, kClients);
    std::printf("bench: lab_%s_clients_echoed %d of %d\n", tag, echoed, kClients);
    std::printf("bench: lab_%s_gui_interval_p50 %.1f ms\n", tag, percentile(heartbeat, 0.50));
    std::printf("bench: lab_%s_gui_interval_p99 %.1f ms\n", tag, percentile(heartbeat, 0.99));
    std::printf("bench: lab_%s_gui_interval_max %.1f ms\n", tag, percentile(heartbeat, 1.0));
    std::printf("bench: lab_%s_gui_stalls_over_50ms %d count\n", tag,
                int(std::count_if(heartbeat.begin(), heartbeat.end(),
                                  [](double ms) { return ms > 50.0; })));
    std::printf("bench: lab_%s_frame_work_p50 %.2f ms\n", tag, percentile(frameWork, 0.50));
    std::printf("bench: lab_%s_frame_work_p99 %.2f ms\n", tag, percentile(frameWork, 0.99));
    std::printf("bench: lab_%s_frame_work_max %.2f ms\n", tag, percentile(frameWork, 1.0));
    std::printf("bench: lab_%s_events_applied_per_s %.0f events/s\n", tag,
                seconds > 0 ? double(events) / seconds : 0.0);
    std::fflush(stdout);
    QElapsedTimer stop;
    stop.start();
    lab.reset();
    std::printf("bench: lab_%s_reset_after_burst %.1f ms\n", tag,
                double(stop.nsecsElapsed()) / 1e6);
    return rows == kClients && finished == kClients;
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    (void)app;
    // The same burst twice: watching the Clients table (what a class sees during a burst), then
    // switching tabs every 250 ms so the timeline, lanes and log lay out 1,000 rows when shown.
    const bool steady = runBurst("one_tab", false);
    const bool cycling = runBurst("tab_cycling", true);
    return steady && cycling ? 0 : 1;
}

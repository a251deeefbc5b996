// LabSession: one run with its own clock. Real servers and clients on loopback; the figures must
// exclude paused time, pause points must wait for a pause to end, a burst after a run ended is a
// new run, a preset sets every setting, and a stopped server's clients say why they failed.
#include "lab/labsession.h"
#include "lab/runclock.h"
#include "model/connectionmodel.h"
#include "model/runmeasures.h"
#include "probe/probesample.h"
#include "trace/clock.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <memory>

namespace {

ExperimentPreset preset(ServerModel model, double delay, int clients, int backlog = 5)
{
    ExperimentPreset p;
    ServerConfig server;
    server.model = model;
    server.handler = delay > 0 ? HandlerKind::SleepEcho : HandlerKind::Echo;
    server.delaySeconds = delay;
    server.backlog = backlog;
    p.servers.push_back(server);
    p.clients.clients = clients;
    p.observeSeconds = 20;
    return p;
}

const ClientTrack *clientRow(LabSession &lab, quint32 id)
{
    const int row = lab.connections()->rowOf(0, id);
    return row < 0 ? nullptr : &lab.connections()->client(row);
}

} // namespace

class TestLabSession : public QObject
{
    Q_OBJECT

private slots:
    void runClockStandsStillWhilePaused()
    {
        RunClock clock;
        const qint64 s = 1'000'000'000;
        clock.start(10 * s);
        QCOMPARE(clock.labNs(12 * s), 2 * s);
        clock.pause(13 * s);
        QCOMPARE(clock.nowLabNs(20 * s), 3 * s); // the clock stands at the pause
        QCOMPARE(clock.labNs(15 * s), 3 * s); // a moment inside the pause: its start
        clock.resume(23 * s);
        QCOMPARE(clock.labNs(24 * s), 4 * s); // ten seconds of pause left out
        QCOMPARE(clock.pausedBetween(10 * s, 24 * s), 10 * s);
        QCOMPARE(int(clock.pauses().size()), 1);
        QCOMPARE(clock.pauses().front().labNs, 3 * s);
        clock.stop(30 * s);
        QCOMPARE(clock.nowLabNs(40 * s), 10 * s); // an ended run's clock stands at its end
        clock.start(50 * s); // a new run: t = 0 again, no pauses
        QCOMPARE(clock.labNs(51 * s), 1 * s);
        QVERIFY(clock.pauses().empty());
    }

    void pausePointsWaitWhileThePauseLasts()
    {
        // A run paused before its first pause point fires nothing until it is resumed, then
        // fires at the right lab time — measured from the resume, not from the start.
        LabSession lab;
        QSignalSpy reached(&lab, &LabSession::pausePointReached);
        ExperimentPreset p = preset(ServerModel::Blocking, 0.2, 2);
        p.paused = true;
        p.pauses.push_back({ 0.3, { { QStringLiteral("en"), QStringLiteral("look") } } });
        QString error;
        QVERIFY2(lab.applyPreset(p, true, &error), qPrintable(error));
        QVERIFY(lab.isPaused());
        // The scenario, not an assertion: the lab stays paused for 800 ms of wall time.
        QTest::qWait(800);
        QCOMPARE(reached.count(), 0);
        QVERIFY2(lab.labSeconds() < 0.05, qPrintable(QString::number(lab.labSeconds())));
        QElapsedTimer sinceResume;
        sinceResume.start();
        lab.setPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(reached.count(), 1, 5000);
        QVERIFY(sinceResume.elapsed() >= 290);
        QCOMPARE(reached.front().front().toDouble(), 0.3);
        QVERIFY(lab.isPaused());
        QVERIFY(lab.activePausePoint());
        QVERIFY(lab.labSeconds() >= 0.3 && lab.labSeconds() < 0.5);
        lab.setPaused(false);
        QVERIFY(!lab.activePausePoint()); // the run moved on: the note is over
        lab.reset();
    }

    // A burst of the user's own during an experiment: the experiment's later pause notes (and
    // the one on screen) would describe other clients than the run now has, so none is shown.
    void aBurstOfOneselfEndsTheExperimentsNotes()
    {
        LabSession lab;
        QSignalSpy reached(&lab, &LabSession::pausePointReached);
        ExperimentPreset p = preset(ServerModel::Threading, 1.0, 1);
        p.pauses.push_back({ 0.1, {}, true });
        p.pauses.push_back({ 0.5, {}, true });
        QString error;
        QVERIFY(lab.applyPreset(p, true, &error));
        QTRY_COMPARE(reached.count(), 1);
        QVERIFY(lab.activeNoteHolds());
        QVERIFY(lab.addClients(p.clients, &error));
        QVERIFY(!lab.activeNoteHolds()); // the note on screen is over
        lab.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(lab.hasRunEnded(), 10000);
        QVERIFY(lab.labSeconds() > 0.5); // the run went past the second point
        QCOMPARE(reached.count(), 1); // which did not pause it
        QVERIFY(!lab.isPaused());
        lab.reset();
    }

    // Stopping the servers while an experiment's note is on screen ends it: the note told of
    // the servers at work.
    void stoppingTheServersEndsTheExperimentsNote()
    {
        LabSession lab;
        QSignalSpy reached(&lab, &LabSession::pausePointReached);
        ExperimentPreset p = preset(ServerModel::Threading, 1.0, 1);
        p.pauses.push_back({ 0.1, {}, true });
        QString error;
        QVERIFY(lab.applyPreset(p, true, &error));
        QTRY_COMPARE(reached.count(), 1);
        QVERIFY(lab.activeNoteHolds());
        lab.stopServers();
        QVERIFY(!lab.activeNoteHolds());
        lab.reset();
    }

    void aTimerNoteIsNotShownAfterAnEarlierPause()
    {
        // The kernel's timers ran during the first pause: a note that depends on them would be
        // false at the second point, so the session says it does not hold; a note about the
        // lab's own threads still does.
        LabSession lab;
        QSignalSpy reached(&lab, &LabSession::pausePointReached);
        ExperimentPreset p = preset(ServerModel::Threading, 2.0, 1);
        p.pauses.push_back({ 0.2, {}, true });
        p.pauses.push_back({ 0.4, {}, false });
        p.pauses.push_back({ 0.6, {}, true });
        QString error;
        QVERIFY(lab.applyPreset(p, true, &error));
        QTRY_COMPARE(reached.count(), 1);
        QVERIFY(lab.activeNoteHolds()); // nothing paused before it
        // The scenario, not an assertion: the lab stays paused for 500 ms of wall time.
        QTest::qWait(500);
        lab.setPaused(false);
        QTRY_COMPARE(reached.count(), 2);
        QVERIFY(!lab.activeNoteHolds());
        QVERIFY(lab.pausedBeforePoint() >= 0.45);
        lab.setPaused(false);
        QTRY_COMPARE(reached.count(), 3);
        QVERIFY(lab.activeNoteHolds());
        lab.reset();
    }

    // Quitting while paused: the lab's threads held at the gate are let go, so the session ends
    // (stops and joins everything) without a reset() first and without waiting on the pause.
    void destroyedWhilePausedEndsAtOnce_data()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::newRow("TCPServer") << ServerModel::Blocking;
        QTest::newRow("ThreadingTCPServer") << ServerModel::Threading;
        QTest::newRow("ForkingTCPServer") << ServerModel::Forking;
    }
    void destroyedWhilePausedEndsAtOnce()
    {
        QFETCH(ServerModel, model);
        auto lab = std::make_unique<LabSession>();
        QString error;
        QVERIFY2(lab->applyPreset(preset(model, 0.3, 3), false, &error), qPrintable(error));
        QTRY_VERIFY(clientRow(*lab, 1) && clientRow(*lab, 1)->connectedNs != 0);
        lab->setPaused(true);
        QVERIFY(lab->isPaused());
        QElapsedTimer timer;
        timer.start();
        lab.reset();
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }

    void figuresExcludePausedTime()
    {
        LabSession lab;
        QString error;
        QVERIFY2(lab.applyPreset(preset(ServerModel::Blocking, 0.4, 1), false, &error),
                 qPrintable(error));
        QTRY_VERIFY(clientRow(lab, 1) && clientRow(lab, 1)->connectedNs != 0);
        lab.setPaused(true);
        // The scenario, not an assertion: the lab stays paused for 1200 ms of wall time.
        QTest::qWait(1200);
        lab.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(lab.hasRunEnded(), 10000);
        const ClientTrack *c = clientRow(lab, 1);
        QVERIFY(c);
        const double latency = double(c->doneNs - c->startNs) / 1e9;
        // The handler's 0.4 s of work, not the 1.2 s the lab stood still.
        QVERIFY2(latency >= 0.39 && latency < 0.9, qPrintable(QString::number(latency)));
        const double total = lab.measures().value(QStringLiteral("total_s")).value_or(-1);
        QVERIFY2(total >= 0.39 && total < 0.9, qPrintable(QString::number(total)));
        const auto marks = lab.pauseMarks();
        QCOMPARE(int(marks.size()), 1);
        QVERIFY(marks.front().second >= 1.1);
        QVERIFY(lab.labSeconds() < 1.0); // the run's clock, not the wall's
        // Times count from the run's start, not from the application's.
        QVERIFY(c->startNs - LabSession::labEpochNs < 500'000'000);
    }

    void theSummaryCountsOnWhileClientsWait()
    {
        // Nobody finished yet: "0 done after …" follows the run's clock, not the last event.
        LabSession lab;
        QString error;
        QVERIFY(lab.applyPreset(preset(ServerModel::Blocking, 1.5, 1), false, &error));
        QTRY_VERIFY(lab.measures().stats().totals(0).started == 1);
        QTRY_VERIFY_WITH_TIMEOUT(lab.measures().stats().totals(0).totalSeconds > 0.8, 3000);
        QCOMPARE(lab.measures().stats().totals(0).finished, 0);
        lab.reset();
    }

    void aBurstAfterTheEndIsANewRun()
    {
        LabSession lab;
        QString error;
        QVERIFY(lab.applyPreset(preset(ServerModel::Threading, 0.0, 2), false, &error));
        QCOMPARE(lab.runNumber(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(lab.hasRunEnded(), 10000);
        QCOMPARE(lab.measures().clients(0), 2);
        SwarmConfig more;
        more.clients = 3;
        QVERIFY(lab.addClients(more, &error));
        QCOMPARE(lab.runNumber(), 2);
        QVERIFY(lab.isRunActive());
        QTRY_VERIFY_WITH_TIMEOUT(lab.hasRunEnded(), 10000);
        QCOMPARE(lab.measures().clients(0), 3); // never 5: the runs are not merged
        QCOMPARE(lab.connections()->rowCount(), 3);
        QCOMPARE(int(lab.pastRuns().size()), 1);
        QCOMPARE(lab.pastRuns().front().stats.totals(0).started, 2);
        // Lab time restarts: the new run's first client started near t = 0.
        QVERIFY(lab.measures().value(QStringLiteral("total_s")).value_or(99) < 5);
    }

    void aPresetSetsTheSpeed()
    {
        LabSession lab;
        lab.setSpeed(0.25);
        QString error;
        QVERIFY(lab.applyPreset(preset(ServerModel::Threading, 0.0, 0), false, &error));
        QCOMPARE(lab.speed(), 1.0);
        ExperimentPreset slow = preset(ServerModel::Threading, 0.0, 0);
        slow.speed = 0.5;
        QVERIFY(lab.applyPreset(slow, false, &error));
        QCOMPARE(lab.speed(), 0.5);
        lab.setPaused(true);
        QVERIFY(lab.applyPreset(preset(ServerModel::Threading, 0.0, 0), false, &error));
        QVERIFY(!lab.isPaused()); // paused is part of the preset too
    }

    void stoppedServerTellsItsClientsWhy()
    {
        LabSession lab;
        QString error;
        QVERIFY(lab.applyPreset(preset(ServerModel::Threading, 5.0, 2), false, &error));
        QTRY_VERIFY_WITH_TIMEOUT(
                clientRow(lab, 1) && clientRow(lab, 2)
                        && clientRow(lab, 1)->stage == ClientTrack::Stage::WaitingReply
                        && clientRow(lab, 2)->stage == ClientTrack::Stage::WaitingReply,
                5000);
        lab.stopServers();
        QTRY_VERIFY_WITH_TIMEOUT(lab.hasRunEnded(), 5000);
        for (quint32 id : { 1u, 2u }) {
            const ClientTrack *c = clientRow(lab, id);
            QVERIFY(c && c->isFinished());
            const QString why = lab.connections()->reasonText(*c);
            QVERIFY2(why.startsWith(QStringLiteral("server stopped — ")), qPrintable(why));
        }
        // The run's summary stays: its servers and figures are the run's, not the listener's.
        QCOMPARE(int(lab.servers().size()), 1);
        QCOMPARE(lab.measures().stats().totals(0).finished, 2);
        QVERIFY(!lab.controller()->latestSample().queue.listening); // no stale port
    }

    void theKernelIsSaidToGoOnWhilePaused()
    {
        // backlog 0 and a server that sleeps: clients arriving one by one after the queue's one
        // place is taken wait in SYN_SENT. Paused, their SYNs are still sent again, and the
        // report says so.
        LabSession lab;
        QString error;
        ExperimentPreset p = preset(ServerModel::Blocking, 3.0, 4, 0);
        p.clients.arrival = Arrival::Every;
        p.clients.everyMs = 150;
        QVERIFY(lab.applyPreset(p, false, &error));
        QTRY_VERIFY_WITH_TIMEOUT(
                lab.controller()->latestSample().stageCounts[int(ClientStage::Connecting)] > 0,
                5000);
        lab.setPaused(true);
        QTRY_VERIFY_WITH_TIMEOUT(lab.pauseReport() && !lab.pauseReport()->resends.empty(), 8000);
        const QString text = LabSession::describe(*lab.pauseReport());
        QVERIFY2(text.contains(QStringLiteral("SYN was sent again")), qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("The kernel does not pause")), qPrintable(text));
        lab.setPaused(false);
        QVERIFY(lab.pauseReport()); // what happened stays said after the resume
        lab.reset();
        QVERIFY(!lab.pauseReport());
    }
    void aResendDuringThePauseIsCountedEvenRightAfterItsStart()
    {
        // Paused 15–60 ms before a waiting client's SYN timer fires: the resend comes during the
        // pause and must be in the report, whenever the kernel's rows are read next.
        LabSession lab;
        QString error;
        ExperimentPreset p = preset(ServerModel::Blocking, 8.0, 4, 0);
        p.clients.arrival = Arrival::Every; // one by one: the late ones wait in SYN_SENT
        p.clients.everyMs = 150;
        QVERIFY(lab.applyPreset(p, false, &error));
        quint32 waiting = 0;
        int sentBefore = -1;
        // Looked at every millisecond (bounded by the QTRY below): SYN timers fire after 1 s,
        // 2 s (or every 1 s), so one of the waiting clients comes near its resend soon.
        QTimer look;
        look.setInterval(1);
        connect(&look, &QTimer::timeout, &lab, [&] {
            const ProbeSample &s = lab.controller()->latestSample();
            const qint64 readNs = s.rowsNs != 0 ? s.rowsNs : s.ns;
            const qint64 now = Clock::nowNs();
            for (const ClientProbe &c : s.clients) {
                const qint64 dueNs = readNs + qint64(c.nextRetryMs) * 1'000'000;
                if (waiting == 0 && c.stage == ClientStage::Connecting && c.nextRetryMs >= 0
                    && dueNs - now > 15'000'000 && dueNs - now < 60'000'000) {
                    waiting = c.id;
                    sentBefore = c.synRetransmits;
                    lab.setPaused(true); // before the timer is due
                    look.stop();
                }
            }
        });
        look.start();
        QTRY_VERIFY_WITH_TIMEOUT(waiting != 0, 10000);
        QVERIFY2(waiting != 0, "no SYN_SENT client came within 60 ms of a resend");
        const auto kernelCount = [&lab, waiting] {
            for (const ClientProbe &c : lab.controller()->latestSample().clients)
                if (c.id == waiting)
                    return c.synRetransmits;
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(kernelCount() > sentBefore, 5000);
        lab.flush();
        const std::optional<LabSession::PauseReport> report = lab.pauseReport();
        QVERIFY(report);
        int counted = 0;
        for (const LabSession::Resend &r : report->resends)
            if (r.client == waiting)
                counted = r.times;
        const int sent = kernelCount() - sentBefore;
        lab.setPaused(false);
        QCOMPARE(counted, sent);
        lab.reset();
    }
};

QTEST_GUILESS_MAIN(TestLabSession)
#include "tst_labsession.moc"

// Recording and replaying a run: real servers and clients on loopback record a run; its replay
// through the same models must show exactly the states live showed, one event per step, the
// recorded pauses, play to the end at the chosen speed, and refuse live controls meanwhile.
#include "lab/labsession.h"
#include "model/connectionmodel.h"
#include "model/eventlogmodel.h"
#include "model/threadlanemodel.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <map>

namespace {

ExperimentPreset preset(double delay, int clients, int backlog)
{
    ExperimentPreset p;
    ServerConfig server;
    server.model = ServerModel::Blocking;
    server.handler = HandlerKind::SleepEcho;
    server.delaySeconds = delay;
    server.backlog = backlog;
    p.servers.push_back(server);
    p.clients.clients = clients;
    p.observeSeconds = 20;
    return p;
}

// What the views show: every client's row (each column as displayed, its stage, result and
// stage history), every thread lane (every role) and the event log's length.
struct State
{
    QStringList clients;
    QStringList lanes;
    int logRows = 0;
    bool operator==(const State &o) const
    {
        return clients == o.clients && lanes == o.lanes && logRows == o.logRows;
    }
};

char *toString(const State &s) // QCOMPARE prints this on a mismatch
{
    return QTest::toString(QStringLiteral("log %1\nclients:\n%2\nlanes:\n%3")
                                   .arg(s.logRows)
                                   .arg(s.clients.join(u'\n'), s.lanes.join(u'\n')));
}

State snapshot(const LabSession &lab)
{
    State s;
    const ConnectionModel *c = lab.connections();
    for (int row = 0; row < c->rowCount(); ++row) {
        QStringList cells;
        for (int col = 0; col < c->columnCount(); ++col)
            cells << c->index(row, col).data().toString();
        const ClientTrack &t = c->client(row);
        cells << QString::number(int(t.stage)) << QString::number(int(t.result))
              << QString::number(int(t.kernel));
        for (const ClientTrack::Segment &seg : t.segments)
            cells << QStringLiteral("%1/%2@%3-%4")
                             .arg(int(seg.stage))
                             .arg(int(seg.kernel))
                             .arg(seg.startNs)
                             .arg(seg.endNs);
        s.clients << cells.join(u'|');
    }
    const ThreadLaneModel *l = lab.lanes();
    for (int row = 0; row < l->rowCount(); ++row) {
        QStringList cells;
        for (int role = ThreadLaneModel::ActorRole; role <= ThreadLaneModel::ActorIdRole; ++role)
            cells << l->index(row).data(role).toString();
        s.lanes << cells.join(u'|');
    }
    s.logRows = lab.eventLog()->rowCount();
    return s;
}

} // namespace

class TestReplay : public QObject
{
    Q_OBJECT

    RunRecord m_run; // the run of the first test, replayed by the next ones

private slots:
    void replayShowsExactlyWhatLiveShowed()
    {
        LabSession lab;
        std::map<qint64, State> live; // by the lab time of each recorded frame
        size_t seen = 0;
        const QMetaObject::Connection watching
                = connect(&lab, &LabSession::frameApplied, this, [&] {
                      if (lab.record().frames.size() != seen) {
                          seen = lab.record().frames.size();
                          live[lab.record().frames.back().labNs] = snapshot(lab);
                      }
                  });
        QString error;
        QVERIFY2(lab.applyPreset(preset(0.05, 6, 2), false, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(lab.hasRunEnded(), 15000);
        m_run = lab.record();
        QCOMPARE(m_run.runNumber, 1);
        QCOMPARE(int(m_run.bursts.size()), 1);
        QCOMPARE(m_run.bursts.front().config.clients, 6);
        QCOMPARE(int(m_run.servers.size()), 1);
        QVERIFY(!m_run.servers.front().handlerFactory);
        QVERIFY(!m_run.appVersion.isEmpty());
        QVERIFY(m_run.durationNs >= m_run.frames.back().labNs);
        QVERIFY(std::any_of(m_run.frames.begin(), m_run.frames.end(),
                            [](const RecordedFrame &f) { return f.sample.has_value(); }));
        QVERIFY(live.size() > 3);
        const State end = snapshot(lab);
        disconnect(watching);

        QVERIFY2(lab.startReplay(lab.record(), &error), qPrintable(error));
        QVERIFY(lab.isReplaying());
        QVERIFY(!lab.isRunActive());
        QCOMPARE(lab.runNumber(), 1);
        QCOMPARE(lab.replayPositionNs(), 0);
        QCOMPARE(lab.replayEventCount(), m_run.eventCount());
        QCOMPARE(lab.record().runNumber, 1); // the record survives the reset a replay makes
        for (const auto &[labNs, state] : live) {
            lab.replaySeek(labNs);
            QCOMPARE(lab.replayPositionNs(), labNs);
            QCOMPARE(snapshot(lab), state);
        }
        // Backwards too (a rebuild from the start each time).
        for (auto it = live.rbegin(); it != live.rend(); ++it) {
            lab.replaySeek(it->first);
            QCOMPARE(snapshot(lab), it->second);
        }
        // After steps (one event at a time), a seek still shows exactly what live showed.
        const auto middle = std::next(live.begin(), qptrdiff(live.size() / 2));
        lab.replaySeek(middle->first);
        QVERIFY(lab.replayStepForward());
        QVERIFY(lab.replayStepForward());
        QVERIFY(lab.replayStepBack());
        lab.replaySeek(std::next(middle)->first);
        QCOMPARE(snapshot(lab), std::next(middle)->second);
        lab.replaySeek(m_run.durationNs);
        QCOMPARE(lab.replayEventIndex(), lab.replayEventCount());
        QCOMPARE(snapshot(lab).clients, end.clients);
        QCOMPARE(lab.latestSample(0).sequence, [this] {
            for (auto it = m_run.frames.rbegin(); it != m_run.frames.rend(); ++it)
                if (it->sample)
                    return it->sample->sequence;
            return quint64(0);
        }());
        lab.leaveReplay();
        QVERIFY(!lab.isReplaying());
        QVERIFY(!lab.replayRecord());
        QCOMPARE(lab.connections()->rowCount(), 0);
        QCOMPARE(lab.runNumber(), 0);
    }

    void stepsApplyOneEventEach()
    {
        QVERIFY(!m_run.frames.empty());
        LabSession lab;
        QString error;
        QVERIFY(lab.startReplay(m_run, &error));
        QVERIFY(lab.replayEventCount() < size_t(EventLogModel::defaultCapacity));
        lab.replaySeek(0);
        while (lab.replayEventIndex() > 0) // events at t = 0 (none expected): back to index 0
            QVERIFY(lab.replayStepBack());
        std::vector<State> states{ snapshot(lab) };
        QCOMPARE(states.front().logRows, 0);
        QSignalSpy applied(&lab, &LabSession::frameApplied);
        const size_t count = lab.replayEventCount();
        while (lab.replayStepForward()) {
            QCOMPARE(lab.replayEventIndex(), states.size());
            states.push_back(snapshot(lab));
            QCOMPARE(states.back().logRows, states[states.size() - 2].logRows + 1);
            QVERIFY(lab.replayPositionNs() <= lab.replayDurationNs());
            QVERIFY(states.size() <= count + 1);
        }
        QCOMPARE(states.size(), count + 1);
        QCOMPARE(applied.count(), int(count));
        QVERIFY(!lab.replayStepForward());
        // Back one event at a time: each the state stepping forward had shown; and forward
        // again from there gives back the state before the step back.
        for (size_t n = count; n > 0; --n) {
            QVERIFY(lab.replayStepBack());
            QCOMPARE(lab.replayEventIndex(), n - 1);
            QCOMPARE(snapshot(lab), states[n - 1]);
            if (n % 7 == 0) {
                QVERIFY(lab.replayStepForward());
                QCOMPARE(snapshot(lab), states[n]);
                QVERIFY(lab.replayStepBack());
            }
        }
        QVERIFY(!lab.replayStepBack());
        QCOMPARE(lab.replayEventIndex(), size_t(0));
    }

    void jumpsToARecordedPause()
    {
        LabSession lab;
        QString error;
        QVERIFY2(lab.applyPreset(preset(0.1, 3, 2), false, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(lab.labSeconds() > 0.1, 5000);
        lab.setPaused(true);
        const double pausedAt = lab.labSeconds();
        QTRY_VERIFY_WITH_TIMEOUT(lab.pauseReport() && lab.pauseReport()->pausedSeconds > 0.2, 5000);
        lab.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(lab.hasRunEnded(), 15000);
        const RunRecord record = lab.record();
        QCOMPARE(int(record.pauses.size()), 1);
        const RecordedPause pause = record.pauses.front();
        QCOMPARE(pause.pausePoint, -1);
        QVERIFY(pause.pausedNs >= 200'000'000);
        QVERIFY(qAbs(pause.labNs - qint64(pausedAt * 1e9)) < 1'000'000);

        QVERIFY(lab.startReplay(record, &error));
        QSignalSpy moved(&lab, &LabSession::replayPositionChanged);
        QVERIFY(lab.replayJumpToNextPause());
        QCOMPARE(lab.replayPositionNs(), pause.labNs);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.front().front().toLongLong(), pause.labNs);
        QVERIFY(!lab.replayJumpToNextPause()); // no pause after it
        QCOMPARE(int(lab.pauseMarks().size()), 1);
        QCOMPARE(lab.pauseMarks().front().first, pause.labNs / 1e9);
        QCOMPARE(lab.labSeconds(), pause.labNs / 1e9);
    }

    void recordsAPausePointWithItsNote()
    {
        LabSession lab;
        ExperimentPreset p = preset(0.1, 2, 2);
        ExperimentPreset::PausePoint point;
        point.atSeconds = 0.15;
        point.note.insert(QStringLiteral("en"), QStringLiteral("Look at the queue."));
        point.note.insert(QStringLiteral("zh_CN"), QStringLiteral("看看队列。"));
        p.pauses.push_back(point);
        QString error;
        QVERIFY2(lab.applyPreset(p, true, &error), qPrintable(error));
        QSignalSpy reached(&lab, &LabSession::pausePointReached);
        QTRY_COMPARE_WITH_TIMEOUT(reached.count(), 1, 5000);
        lab.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(lab.hasRunEnded(), 15000);
        const RunRecord record = lab.record();
        QCOMPARE(int(record.pausePoints.size()), 1);
        QCOMPARE(record.pausePoints.front().noteEn, QStringLiteral("Look at the queue."));
        QCOMPARE(record.pausePoints.front().noteZh, QStringLiteral("看看队列。"));
        QCOMPARE(int(record.pauses.size()), 1);
        QCOMPARE(record.pauses.front().pausePoint, 0);
        QVERIFY(record.pauses.front().labNs >= 150'000'000);
        QVERIFY(lab.startReplay(record, &error));
        QVERIFY(lab.replayJumpToNextPause()); // the pause the point made, where the lab stopped
        QCOMPARE(lab.replayPositionNs(), record.pauses.front().labNs);
        QVERIFY(!lab.replayJumpToNextPause());
    }

    void playsToTheEndAndStops()
    {
        QVERIFY(!m_run.frames.empty());
        LabSession lab;
        QString error;
        QVERIFY(lab.startReplay(m_run, &error));
        QSignalSpy changed(&lab, &LabSession::replayChanged);
        lab.setReplaySpeed(10.0);
        QCOMPARE(lab.replaySpeed(), 4.0);
        lab.setReplaySpeed(0.01);
        QCOMPARE(lab.replaySpeed(), 0.1);
        lab.setReplaySpeed(4.0);
        QCOMPARE(changed.count(), 3);
        lab.setReplayPlaying(true);
        QVERIFY(lab.isReplayPlaying());
        QElapsedTimer wall;
        wall.start();
        QTRY_VERIFY_WITH_TIMEOUT(!lab.isReplayPlaying(), 10000);
        QCOMPARE(lab.replayPositionNs(), lab.replayDurationNs());
        QCOMPARE(lab.replayEventIndex(), lab.replayEventCount());
        // ×4: the run took durationNs of lab time, the replay a quarter of it (and some frames).
        QVERIFY2(wall.nsecsElapsed() < m_run.durationNs / 4 + 2'000'000'000,
                 qPrintable(QString::number(wall.elapsed())));
        QVERIFY(wall.nsecsElapsed() > m_run.durationNs / 4 - 100'000'000);
    }

    void liveControlsWaitForTheReplayToEnd()
    {
        QVERIFY(!m_run.frames.empty());
        LabSession lab;
        QString error;
        QVERIFY(!lab.startReplay(RunRecord(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!lab.isReplaying());
        QVERIFY(lab.startReplay(m_run, &error));
        error.clear();
        QVERIFY(!lab.startServers(m_run.servers.front(), std::nullopt, &error));
        QCOMPARE(error, QStringLiteral("Leave the replay first"));
        error.clear();
        SwarmConfig clients;
        clients.clients = 1;
        QVERIFY(!lab.addClients(clients, &error));
        QCOMPARE(error, QStringLiteral("Leave the replay first"));
        QVERIFY(!lab.applyPreset(preset(0.0, 1, 2), false, &error));
        lab.setPaused(true);
        QVERIFY(!lab.isPaused());
        QVERIFY(!lab.isServerRunning());
        QVERIFY(lab.isReplaying());
        QCOMPARE(lab.servers().size(), m_run.servers.size());
        QVERIFY(!lab.serverLabel(0).isEmpty());
        // Left, the lab is live and empty again; its controls work.
        lab.leaveReplay();
        QVERIFY2(lab.applyPreset(preset(0.0, 1, 2), false, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(lab.hasRunEnded(), 10000);
        QCOMPARE(lab.record().runNumber, 1);
        QCOMPARE(lab.record().bursts.front().config.clients, 1);
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"

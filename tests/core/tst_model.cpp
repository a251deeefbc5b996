// ConnectionModel and ThreadLaneModel on hand-made event sequences: stages from events and from
// the probe, lanes and their calls, and one dataChanged per applied batch.
#include "model/connectionmodel.h"
#include "model/threadlanemodel.h"
#include "modeltest.h"

#include <QSignalSpy>
#include <QTest>

using namespace modeltest;
using Stage = ConnectionModel::Stage;

Q_DECLARE_METATYPE(Stage)

namespace {

QVariant cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role);
}

QVariant lane(const ThreadLaneModel &model, int row, ThreadLaneModel::Role role)
{
    return model.index(row).data(role);
}

} // namespace

class TestModel : public QObject
{
    Q_OBJECT

private slots:
    void clientStage_data()
    {
        QTest::addColumn<std::vector<Event>>("events");
        QTest::addColumn<Stage>("stage");
        QTest::addColumn<QString>("result");

        const std::vector<Event> ok = okClient(1, 1.0);
        const auto first = [&ok](int n) {
            return std::vector<Event>(ok.begin(), ok.begin() + n);
        };
        QTest::newRow("socket()") << first(2) << Stage::Created << "pending";
        QTest::newRow("in connect()") << first(3) << Stage::Connecting << "pending";
        QTest::newRow("connected") << first(4) << Stage::Connected << "pending";
        QTest::newRow("sent") << first(6) << Stage::WaitingReply << "pending";
        QTest::newRow("in recv()") << first(7) << Stage::WaitingReply << "pending";
        QTest::newRow("first byte") << first(8) << Stage::Served << "pending";
        QTest::newRow("closed") << ok << Stage::Done << "ok";
        QTest::newRow("refused, then closed")
                << refusedClient(1, 1.0) << Stage::Refused << "refused";

        const auto connectError = [](int err) {
            return std::vector<Event>{ client(1, Call::Connect, Phase::Enter, 1.0),
                                       client(1, Call::Connect, Phase::Error, 2.0, -1, 0, err) };
        };
        QTest::newRow("ETIMEDOUT") << connectError(ETIMEDOUT) << Stage::TimedOut << "timed-out";
        QTest::newRow("EHOSTUNREACH") << connectError(EHOSTUNREACH) << Stage::Failed << "failed";

        const auto connectEx = [](qint64 returned) {
            return std::vector<Event>{ client(1, Call::ConnectEx, Phase::Enter, 1.0),
                                       client(1, Call::ConnectEx, Phase::Return, 2.0, returned) };
        };
        QTest::newRow("connect_ex() → 0") << connectEx(0) << Stage::Connected << "pending";
        QTest::newRow("connect_ex() → 111") << connectEx(111) << Stage::Refused << "refused";
        QTest::newRow("connect_ex() → 11") << connectEx(11) << Stage::TimedOut << "timed-out";
        QTest::newRow("connect_ex() → 110") << connectEx(110) << Stage::TimedOut << "timed-out";

        std::vector<Event> eof = first(7);
        eof.push_back(client(1, Call::Recv, Phase::Return, 1.5, 0, 0));
        eof.push_back(client(1, Call::Close, Phase::Return, 1.6));
        QTest::newRow("peer closed before the echo") << eof << Stage::Failed << "failed";

        QTest::newRow("datagram") << std::vector<Event>{
            client(1, Call::Socket, Phase::Return, 1.0, 7),
            client(1, Call::SendTo, Phase::Return, 1.1, 5, 5),
            client(1, Call::RecvFrom, Phase::Return, 1.3, 5, 5),
            client(1, Call::Close, Phase::Return, 1.4),
        } << Stage::Done << "ok";
    }
    void clientStage()
    {
        QFETCH(std::vector<Event>, events);
        QFETCH(Stage, stage);
        QFETCH(QString, result);
        ConnectionModel model;
        model.applyEvents(events);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, 0, ConnectionModel::StageRole).toInt(), int(stage));
        QCOMPARE(cell(model, 0, 0, ConnectionModel::ResultRole).toString(), result);
    }

    void timesAreSecondsSinceTheOrigin()
    {
        ConnectionModel model;
        model.setOrigin(ns(1.0));
        model.applyEvents(okClient(3, 2.0, 0.5));
        using C = ConnectionModel::Column;
        const auto value = [&](C column) {
            return cell(model, 0, int(column), ConnectionModel::ValueRole).toDouble();
        };
        QCOMPARE(cell(model, 0, int(C::Client)).toInt(), 3);
        QCOMPARE(value(C::Connect), 1.002);
        QCOMPARE(value(C::FirstByte), 1.504);
        QCOMPARE(value(C::Done), 1.505);
        QCOMPARE(value(C::Latency), 0.505);
        QCOMPARE(cell(model, 0, int(C::Done)).toString(), QStringLiteral("1.505"));
        QCOMPARE(cell(model, 0, int(C::Result)).toString(), QStringLiteral("echo received"));
        QCOMPARE(cell(model, 0, int(C::LastCall)).toString(), QStringLiteral("close()"));

        const QVariantList times = cell(model, 0, 0, ConnectionModel::TimesRole).toList();
        QStringList stages;
        for (const QVariant &segment : times)
            stages << ClientTrack::stageKey(Stage(segment.toMap().value("stage").toInt()));
        QCOMPARE(stages.join(' '),
                 QStringLiteral("created connecting connected waiting-reply served done"));
        QCOMPARE(times.first().toMap().value("start").toDouble(), 1.0);
        QCOMPARE(times.last().toMap().value("end").toDouble(), 1.505);
    }

    void rowsAreClientsByOriginInIdOrder()
    {
        ConnectionModel model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        std::vector<Event> batch;
        for (quint32 id : { 3, 1, 2 })
            append(batch, okClient(id, 1.0 + id));
        Event other = client(1, Call::Socket, Phase::Enter, 1.0);
        other.origin = 1;
        batch.push_back(other);
        append(batch, handled(Actor::Server, 0, 1, 1.0, 2.0)); // server side: no rows
        model.applyEvents(batch);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        // Two servers' clients: named A · n and B · n; the number stays in ClientIdRole.
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(cell(model, row, 0).toString(), QStringLiteral("A · %1").arg(row + 1));
            QCOMPARE(model.index(row, 0).data(ConnectionModel::ClientIdRole).toInt(), row + 1);
        }
        QCOMPARE(cell(model, 3, 0).toString(), QStringLiteral("B · 1"));
        QCOMPARE(model.rowOf(1, 1), 3);
        QCOMPARE(model.rowOf(0, 4), -1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        // One server again: plain numbers.
        batch.clear();
        append(batch, okClient(1, 1.0));
        model.applyEvents(batch);
        QCOMPARE(cell(model, 0, 0).toString(), QStringLiteral("1"));
    }

    void oneDataChangedPerBatch()
    {
        ConnectionModel clients;
        ThreadLaneModel lanes;
        std::vector<Event> start;
        for (quint32 id = 1; id <= 4; ++id) {
            start.push_back(client(id, Call::Socket, Phase::Enter, 1.0));
            start.push_back(worker(id, id, Call::ThreadStart, Phase::Info, 1.0));
        }
        clients.applyEvents(start);
        lanes.applyEvents(start);
        QSignalSpy clientChanges(&clients, &QAbstractItemModel::dataChanged);
        QSignalSpy laneChanges(&lanes, &QAbstractItemModel::dataChanged);
        QSignalSpy clientInserts(&clients, &QAbstractItemModel::rowsInserted);

        std::vector<Event> batch;
        for (int i = 0; batch.size() < 1000; ++i) {
            const quint32 id = quint32(i % 4 + 1);
            batch.push_back(client(id, Call::Recv, Phase::Enter, 2.0 + i * 1e-4));
            batch.push_back(client(id, Call::Recv, Phase::Return, 2.0 + i * 1e-4, 1, 1));
            batch.push_back(worker(id, id, Call::Recv, Phase::Enter, 2.0 + i * 1e-4));
            batch.push_back(worker(id, id, Call::Recv, Phase::Return, 2.0 + i * 1e-4, 1, 1));
        }
        QCOMPARE(batch.size(), size_t(1000));
        clients.applyEvents(batch);
        lanes.applyEvents(batch);
        QCOMPARE(clientChanges.count(), 1);
        QCOMPARE(laneChanges.count(), 1);
        QCOMPARE(clientInserts.count(), 0);
        const QModelIndex topLeft = clientChanges.first().at(0).toModelIndex();
        const QModelIndex bottomRight = clientChanges.first().at(1).toModelIndex();
        QCOMPARE(topLeft.row(), 0);
        QCOMPARE(bottomRight.row(), 3);
        QCOMPARE(bottomRight.column(), int(ConnectionModel::Column::Count) - 1);

        // New rows and changed rows in one batch: one insertion, one dataChanged.
        batch.push_back(client(5, Call::Socket, Phase::Enter, 3.0));
        clients.applyEvents(batch);
        QCOMPARE(clientInserts.count(), 1);
        QCOMPARE(clientChanges.count(), 2);

        clients.applyEvents({}); // nothing changed, nothing said
        QCOMPARE(clientChanges.count(), 2);
    }

    void probeRefinesConnectedClients()
    {
        ConnectionModel model;
        std::vector<Event> batch;
        for (quint32 id = 1; id <= 3; ++id) {
            batch.push_back(client(id, Call::Connect, Phase::Enter, 1.0));
            if (id == 2)
                batch.push_back(client(id, Call::Connect, Phase::Return, 1.1));
        }
        model.applyEvents(batch);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        ProbeSample sample;
        sample.ns = ns(1.5);
        sample.clients.push_back({ 2, ClientStage::Queued, 0, -1 });
        sample.clients.push_back({ 3, ClientStage::Connecting, 2, 3000 });
        sample.clients.push_back({ 9, ClientStage::Queued, 0, -1 }); // not ours: ignored
        model.applyProbe(sample);
        QCOMPARE(changes.count(), 1);

        const int two = model.rowOf(0, 2);
        QCOMPARE(cell(model, two, 0, ConnectionModel::KernelStageRole).toInt(),
                 int(ClientStage::Queued));
        QCOMPARE(cell(model, two, 0, ConnectionModel::StageRole).toInt(), int(Stage::Connected));
        QCOMPARE(cell(model, two, int(ConnectionModel::Column::Stage)).toString(),
                 QStringLiteral("In the accept queue"));
        const QVariantList times = cell(model, two, 0, ConnectionModel::TimesRole).toList();
        QCOMPARE(times.last().toMap().value("kernelStage").toInt(), int(ClientStage::Queued));
        QCOMPARE(times.last().toMap().value("start").toDouble(), 1.5);
        QCOMPARE(times.last().toMap().value("end").toDouble(), -1.0);

        const int three = model.rowOf(0, 3);
        QCOMPARE(cell(model, three, 0, ConnectionModel::KernelStageRole).toInt(),
                 int(ClientStage::Connecting));
        QCOMPARE(cell(model, three, 0, ConnectionModel::SynRetransmitsRole).toInt(), 2);
        QCOMPARE(cell(model, three, 0, ConnectionModel::NextRetryMsRole).toInt(), 3000);
        QVERIFY(!cell(model, model.rowOf(0, 1), 0, ConnectionModel::KernelStageRole).isValid());

        model.applyProbe(sample); // the same again: nothing new
        QCOMPARE(changes.count(), 1);
    }

    void laneCall_data()
    {
        QTest::addColumn<int>("events");
        QTest::addColumn<QString>("call");
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<bool>("sleeping");
        QTest::addColumn<int>("connection");
        // serve_forever, accept enter/return, then handled(): setup, handle, recv, sleep, …
        QTest::newRow("serve_forever") << 1 << "" << false << false << 0;
        QTest::newRow("in accept()") << 2 << "accept" << true << false << 0;
        QTest::newRow("accepted") << 3 << "" << false << false << 0;
        QTest::newRow("in setup()") << 4 << "setup" << false << false << 1;
        QTest::newRow("in handle()") << 6 << "handle" << false << false << 1;
        QTest::newRow("in recv() in handle()") << 7 << "recv" << true << false << 1;
        QTest::newRow("in sleep()") << 9 << "sleep" << false << true << 1;
        QTest::newRow("in sendall()") << 11 << "sendall" << true << false << 1;
        QTest::newRow("in finish()") << 16 << "finish" << false << false << 1;
        QTest::newRow("closed") << 19 << "" << false << false << 1;
        QTest::newRow("accept again") << 20 << "accept" << true << false << 0;
    }
    void laneCall()
    {
        QFETCH(int, events);
        QFETCH(QString, call);
        QFETCH(bool, blocked);
        QFETCH(bool, sleeping);
        QFETCH(int, connection);
        std::vector<Event> all{
            makeEvent(Actor::Server, 0, 0, Call::Socket, Phase::Return, 0.5, 3), // start()'s thread
            server(0, Call::ServeForever, Phase::Enter, 1.0),
            server(0, Call::Accept, Phase::Enter, 1.0),
            server(0, Call::Accept, Phase::Return, 1.1, 4),
        };
        all.front().tid = kStartTid;
        append(all, handled(Actor::Server, 0, 1, 1.2, 1.4));
        all.push_back(server(0, Call::Accept, Phase::Enter, 1.5));
        ThreadLaneModel model;
        model.setOrigin(ns(1.0));
        model.applyEvents(std::vector<Event>(all.begin(), all.begin() + events + 1));
        QCOMPARE(model.rowCount(), 1); // the accept thread only
        QCOMPARE(lane(model, 0, ThreadLaneModel::ActorRole).toString(), QStringLiteral("server"));
        QCOMPARE(lane(model, 0, ThreadLaneModel::TidRole).toInt(), kAcceptTid);
        QCOMPARE(lane(model, 0, ThreadLaneModel::CallRole).toString(), call);
        QCOMPARE(lane(model, 0, ThreadLaneModel::BlockedRole).toBool(), blocked);
        QCOMPARE(lane(model, 0, ThreadLaneModel::SleepingRole).toBool(), sleeping);
        QCOMPARE(lane(model, 0, ThreadLaneModel::ConnectionRole).toInt(), connection);
        QCOMPARE(lane(model, 0, ThreadLaneModel::SinceRole).isValid(), !call.isEmpty());
        QCOMPARE(lane(model, 0, ThreadLaneModel::ExitedRole).toBool(), false);
    }

    void lanesOfWorkersAndChildren()
    {
        ThreadLaneModel model;
        std::vector<Event> batch{ server(0, Call::ServeForever, Phase::Enter, 1.0) };
        for (quint32 n = 1; n <= 2; ++n) {
            batch.push_back(worker(n, n, Call::ThreadStart, Phase::Info, 1.0));
            append(batch, handled(Actor::Worker, n, n, 1.0, 1.2));
        }
        batch.push_back(worker(1, 1, Call::ThreadExit, Phase::Info, 1.3));
        batch.push_back(server(3, Call::Fork, Phase::Enter, 1.4));
        batch.push_back(server(3, Call::Fork, Phase::Return, 1.4, 901));
        batch.push_back(makeEvent(Actor::Child, 1, 3, Call::ThreadStart, Phase::Info, 1.4));
        batch.push_back(makeEvent(Actor::Child, 1, 3, Call::Handle, Phase::Enter, 1.4));
        Event reap = server(3, Call::Reap, Phase::Return, 1.6, 901);
        reap.tid = 777; // the thread that collects children makes no lane
        model.applyEvents(batch);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("worker 1 (tid 601)"));
        QCOMPARE(lane(model, 1, ThreadLaneModel::ExitedRole).toBool(), true);
        QCOMPARE(lane(model, 1, ThreadLaneModel::CallRole).toString(), QString());
        QCOMPARE(lane(model, 1, ThreadLaneModel::CallsRole).toInt(), 9);
        QCOMPARE(lane(model, 2, ThreadLaneModel::ExitedRole).toBool(), false);
        QCOMPARE(lane(model, 3, ThreadLaneModel::ActorRole).toString(), QStringLiteral("child"));
        QCOMPARE(lane(model, 3, ThreadLaneModel::PidRole).toInt(), 901);
        QCOMPARE(lane(model, 3, ThreadLaneModel::CallRole).toString(), QStringLiteral("handle"));
        QCOMPARE(lane(model, 3, ThreadLaneModel::ConnectionStateRole).toString(),
                 QStringLiteral("handle"));

        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.applyEvents({ reap });
        QCOMPARE(changes.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(lane(model, 3, ThreadLaneModel::ExitedRole).toBool(), true);

        const ServerConnectionTable &table = model.connections();
        QCOMPARE(table.size(), 3);
        QCOMPARE(table.find(0, 1)->state, ServerConnectionTable::State::Closed);
        QCOMPARE(table.find(0, 2)->tid, 602);
        QCOMPARE(table.find(0, 3)->pid, 901);
        QCOMPARE(table.find(0, 3)->state, ServerConnectionTable::State::Closed);

        // A new thread that got an exited thread's tid gets a lane of its own.
        model.applyEvents({ worker(1, 4, Call::ThreadStart, Phase::Info, 2.0) });
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(lane(model, 4, ThreadLaneModel::ExitedRole).toBool(), false);
        QCOMPARE(lane(model, 1, ThreadLaneModel::ExitedRole).toBool(), true);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.connections().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"

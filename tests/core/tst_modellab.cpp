// The models fed by a real server and a real swarm through one EventHub, drained per "frame" as
// the GUI does: client rows, thread lanes, the run's summary and the log's Python lines.
#include "client/clientswarm.h"
#include "model/connectionmodel.h"
#include "model/eventlogmodel.h"
#include "model/runstats.h"
#include "model/threadlanemodel.h"
#include "server/server.h"
#include "trace/clock.h"
#include "trace/eventhub.h"

#include <QSignalSpy>
#include <QTest>

Q_DECLARE_METATYPE(ServerModel)

class TestModelLab : public QObject
{
    Q_OBJECT

private slots:
    void realRun_data()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::addColumn<QStringList>("overlap");
        QTest::newRow("blocking") << ServerModel::Blocking << QStringList{ "one at a time" };
        QTest::newRow("threading")
                << ServerModel::Threading << QStringList{ "all at once", "overlapping" };
    }
    void realRun()
    {
        QFETCH(ServerModel, model);
        QFETCH(QStringList, overlap);
        constexpr int clients = 4;
        EventHub hub(1 << 16);
        ConnectionModel connections;
        ThreadLaneModel lanes;
        EventLogModel log;
        RunStats stats;
        const qint64 origin = Clock::nowNs();
        connections.setOrigin(origin);
        lanes.setOrigin(origin);
        log.setOrigin(origin);
        QSignalSpy connectionChanges(&connections, &QAbstractItemModel::dataChanged);
        int frames = 0;
        std::vector<Event> batch;
        const auto frame = [&] {
            hub.drain(batch);
            connections.applyEvents(batch);
            lanes.applyEvents(batch);
            log.applyEvents(batch);
            stats.applyEvents(batch);
            ++frames;
        };

        ServerConfig config;
        config.model = model;
        config.handler = HandlerKind::SleepEcho;
        config.delaySeconds = 0.2;
        const std::unique_ptr<Server> server = Server::create(config, &hub);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        SwarmConfig swarmConfig;
        swarmConfig.port = server->address().port();
        swarmConfig.clients = clients;
        ClientSwarm swarm(swarmConfig, &hub);
        QVERIFY2(swarm.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT((frame(), swarm.finished() == clients), 30000);
        server->stop(); // every server thread has recorded its last event
        frame();
        QCOMPARE(hub.dropped(), quint64(0));
        QVERIFY(connectionChanges.count() <= frames);

        QCOMPARE(connections.rowCount(), clients);
        for (quint32 id = 1; id <= quint32(clients); ++id) {
            // Rows come in the order clients first showed up (sorted within one frame only).
            const int row = connections.rowOf(0, id);
            QVERIFY(row >= 0);
            const QModelIndex index = connections.index(row, 0);
            QCOMPARE(index.data().toUInt(), id);
            QCOMPARE(index.data(ConnectionModel::StageRole).toInt(),
                     int(ConnectionModel::Stage::Done));
            QCOMPARE(index.data(ConnectionModel::ResultRole).toString(), QStringLiteral("ok"));
            const auto column = [&](ConnectionModel::Column c) {
                return connections.index(row, int(c)).data(ConnectionModel::ValueRole).toDouble();
            };
            QVERIFY(column(ConnectionModel::Column::FirstByte) >= config.delaySeconds);
            QVERIFY(column(ConnectionModel::Column::Latency) >= config.delaySeconds);
        }

        const auto activeLanes = [&lanes] {
            int n = 0;
            for (int row = 0; row < lanes.rowCount(); ++row)
                n += lanes.index(row).data(ThreadLaneModel::CallsRole).toInt() > 0;
            return n;
        };
        if (model == ServerModel::Blocking) {
            QCOMPARE(lanes.rowCount(), 1);
            QCOMPARE(lanes.index(0).data(ThreadLaneModel::TidRole).toInt(),
                     lanes.connections().find(0, 1)->tid);
        } else {
            QVERIFY2(lanes.rowCount() >= 1 + clients,
                     qPrintable(QString::number(lanes.rowCount())));
        }
        QCOMPARE(activeLanes(), lanes.rowCount());
        for (int row = 0; row < lanes.rowCount(); ++row)
            QVERIFY(lanes.index(row).data(ThreadLaneModel::ExitedRole).toBool());
        QCOMPARE(int(lanes.connections().connections(0).size()), clients);
        for (const ServerConnectionTable::Connection &c : lanes.connections().connections(0))
            QCOMPARE(c.state, ServerConnectionTable::State::Closed);

        const RunStats::Totals totals = stats.totals(0);
        QCOMPARE(totals.ok, clients);
        QCOMPARE(int(totals.latencies.size()), clients);
        const QString summary = stats.summary(0, config.delaySeconds, false);
        QVERIFY2(summary.startsWith(QStringLiteral("4 clients, 0.2 s each: finished in ")),
                 qPrintable(summary));
        bool named = false;
        for (const QString &words : overlap)
            named = named || summary.contains(QStringLiteral(" — ") + words);
        QVERIFY2(named, qPrintable(summary));
        if (model == ServerModel::Blocking)
            QVERIFY2(totals.totalSeconds >= clients * config.delaySeconds * 0.95,
                     qPrintable(summary));

        QStringList python;
        for (int row = 0; row < log.rowCount(); ++row)
            python << log.index(row, int(EventLogModel::Column::Python)).data().toString();
        QVERIFY(python.contains(QStringLiteral("conn, addr = sock.accept()")));
        QVERIFY(python.contains(QStringLiteral("data = conn.recv(65536)  # 5 bytes")));
        QVERIFY(python.contains(QStringLiteral("time.sleep(0.2)")));
        QVERIFY(log.toCsv().contains(QStringLiteral("\"conn, addr = sock.accept()\"")));
    }
};

QTEST_GUILESS_MAIN(TestModelLab)
#include "tst_modellab.moc"

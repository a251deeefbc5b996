// ClientSwarm: many real clients, arrival patterns, refusals, timeouts, and pending connect()s
// that the kernel holds in SYN_SENT, all observable as events.

#include "client/clientswarm.h"
#include "labtest.h"
#include "server/server.h"

#include <QElapsedTimer>
#include <QtTest>
#include <cerrno>

using namespace labtest;

namespace {

SwarmConfig swarmFor(const Address &address, int clients)
{
    SwarmConfig config;
    config.family = address.family();
    config.host = address.host();
    config.port = address.port();
    config.unixPath = address.path();
    config.clients = clients;
    return config;
}

// A listener that never accepts: its queue fills and stays full.
Socket idleListener(Family family, int backlog, Address *bound, const QString &path = {})
{
    SocketError error;
    Socket socket = Socket::create(family, SOCK_STREAM, &error);
    socket.bind(*Address::make(family, {}, 0, path));
    socket.listen(backlog);
    *bound = socket.sockName();
    return socket;
}

int countResult(const std::vector<ClientOutcome> &outcomes, ClientOutcome::Result result,
                const QString &call = {})
{
    return int(std::count_if(outcomes.begin(), outcomes.end(), [&](const ClientOutcome &o) {
        return o.result == result && (call.isEmpty() || o.failedCall == call);
    }));
}

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr int manyClients = 300; // sanitizers multiply each thread's memory and time
#else
constexpr int manyClients = 1000;
#endif

} // namespace

class TestClientSwarm : public QObject
{
    Q_OBJECT

private slots:
    void burstEchoesOnEveryFamily_data()
    {
        QTest::addColumn<Family>("family");
        QTest::addColumn<bool>("datagram");
        QTest::newRow("tcp inet") << Family::Inet << false;
        QTest::newRow("tcp inet6") << Family::Inet6 << false;
        QTest::newRow("unix stream") << Family::Unix << false;
        QTest::newRow("udp inet") << Family::Inet << true;
        QTest::newRow("unix datagram") << Family::Unix << true;
    }
    void burstEchoesOnEveryFamily()
    {
        QFETCH(Family, family);
        QFETCH(bool, datagram);
        ServerConfig config;
        config.model = datagram ? ServerModel::ThreadingUdp : ServerModel::Threading;
        config.family = family;
        config.host = family == Family::Inet6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
        config.backlog = 64;
        Server *server = nullptr;
        const std::unique_ptr<Server> owner = Server::create(config);
        server = owner.get();
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        EventLog log;
        SwarmConfig swarmConfig = swarmFor(server->address(), 40);
        swarmConfig.datagram = datagram;
        swarmConfig.roundTrips = 3;
        swarmConfig.message = QStringLiteral("第%1条").arg(7).toUtf8();
        ClientSwarm swarm(swarmConfig, &log.hub);
        QVERIFY2(swarm.start(&error), qPrintable(error));
        QVERIFY(swarm.waitFinished(30000));
        const std::vector<ClientOutcome> outcomes = swarm.outcomes();
        QCOMPARE(int(outcomes.size()), 40);
        for (const ClientOutcome &o : outcomes) {
            QCOMPARE(ClientOutcome::resultKey(o.result), QStringLiteral("ok"));
            QVERIFY(o.echoMatched);
            QCOMPARE(o.bytesReceived, 3 * swarmConfig.message.size());
            QVERIFY(o.startNs <= o.connectedNs && o.connectedNs <= o.firstByteNs
                    && o.firstByteNs <= o.doneNs);
        }
        const Call send = datagram ? Call::SendTo : Call::SendAll;
        QCOMPARE(log.count(send, Phase::Return, Actor::Client), 120); // every call is an event
        server->stop();
    }

    void aThousandClients()
    {
        ServerConfig config;
        config.model = ServerModel::Threading;
        config.backlog = 4096;
        const std::unique_ptr<Server> server = Server::create(config);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        ClientSwarm swarm(swarmFor(server->address(), manyClients));
        QVERIFY(swarm.start(&error));
        QVERIFY(swarm.waitFinished(120000));
        QCOMPARE(countResult(swarm.outcomes(), ClientOutcome::Result::Ok), manyClients);
        server->stop();
        QCOMPARE(int(server->connectionsServed()), manyClients);
    }

    void refusedWhenNothingListens_data()
    {
        QTest::addColumn<bool>("connectEx");
        QTest::newRow("connect") << false;
        QTest::newRow("connect_ex") << true;
    }
    void refusedWhenNothingListens()
    {
        QFETCH(bool, connectEx);
        SocketError e;
        Socket holder = Socket::create(Family::Inet, SOCK_STREAM, &e);
        holder.bind(*Address::inet({}, 0));
        SwarmConfig config = swarmFor(holder.sockName(), 3);
        config.connectEx = connectEx;
        ClientSwarm swarm(config);
        QString error;
        QVERIFY(swarm.start(&error));
        QVERIFY(swarm.waitFinished(10000));
        const QString call = connectEx ? QStringLiteral("connect_ex") : QStringLiteral("connect");
        QCOMPARE(countResult(swarm.outcomes(), ClientOutcome::Result::Refused, call), 3);
        QCOMPARE(swarm.outcomes().front().err, ECONNREFUSED);
    }

    void fullQueueTimesOutBeyondBacklogPlusOne()
    {
        Address bound;
        Socket listener = idleListener(Family::Inet, 1, &bound);
        SwarmConfig config = swarmFor(bound, 5);
        config.timeout = 0.5;
        // One by one, so each handshake is over before the next SYN: with simultaneous SYNs
        // the queue can fill between a SYN and its final ACK (LINUX-FACTS §3), another case.
        config.arrival = Arrival::Every;
        config.everyMs = 100;
        ClientSwarm swarm(config);
        QString error;
        QVERIFY(swarm.start(&error));
        QVERIFY(swarm.waitFinished(20000));
        const std::vector<ClientOutcome> outcomes = swarm.outcomes();
        // backlog 1 → 2 handshakes finish (then recv() times out); 3 never leave connect().
        QCOMPARE(countResult(outcomes, ClientOutcome::Result::TimedOut, QStringLiteral("recv")), 2);
        QCOMPARE(countResult(outcomes, ClientOutcome::Result::TimedOut, QStringLiteral("connect")),
                 3);
    }

    void pendingConnectsAreVisibleAndStopWakesThem_data()
    {
        QTest::addColumn<Family>("family");
        QTest::newRow("inet") << Family::Inet;
        QTest::newRow("inet6") << Family::Inet6;
        QTest::newRow("unix") << Family::Unix;
    }
    void pendingConnectsAreVisibleAndStopWakesThem()
    {
        QFETCH(Family, family);
        QTemporaryDir dir;
        Address bound;
        Socket listener = idleListener(family, 0, &bound, dir.filePath(QStringLiteral("s")));
        EventLog log;
        SwarmConfig config = swarmFor(bound, 4);
        config.holdSeconds = 60;
        config.arrival = Arrival::Every;
        config.everyMs = 50;
        ClientSwarm swarm(config, &log.hub);
        QString error;
        QVERIFY(swarm.start(&error));
        // backlog 0 → one handshake completes; the other three wait inside connect().
        QTRY_COMPARE(log.pending(Call::Connect, Actor::Client), 3);
        QCOMPARE(log.count(Call::Connect, Phase::Return, Actor::Client), 1);
        QElapsedTimer timer;
        timer.start();
        swarm.stop();
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(countResult(swarm.outcomes(), ClientOutcome::Result::Stopped), 4);
        QCOMPARE(log.pending(Call::Connect, Actor::Client), 0);
    }

    void arrivalsEveryIntervalAndOnDemand()
    {
        ServerConfig serverConfig;
        serverConfig.model = ServerModel::Threading;
        const std::unique_ptr<Server> server = Server::create(serverConfig);
        QString error;
        QVERIFY(server->start(&error));
        SwarmConfig config = swarmFor(server->address(), 4);
        config.arrival = Arrival::Every;
        config.everyMs = 150;
        ClientSwarm every(config);
        QVERIFY(every.start(&error));
        QVERIFY(every.waitFinished(20000));
        std::vector<ClientOutcome> outcomes = every.outcomes();
        for (size_t i = 1; i < outcomes.size(); ++i)
            QVERIFY(outcomes[i].startNs - outcomes[i - 1].startNs >= 140'000'000);

        config.arrival = Arrival::OnDemand;
        ClientSwarm onDemand(config);
        QVERIFY(onDemand.start(&error));
        QVERIFY(onDemand.waitFinished(1000));
        QCOMPARE(onDemand.launched(), 0);
        QVERIFY(onDemand.addClient());
        QVERIFY(onDemand.addClient());
        QVERIFY(onDemand.waitFinished(20000));
        QCOMPARE(countResult(onDemand.outcomes(), ClientOutcome::Result::Ok), 2);
        server->stop();
    }

    void badConfigurationIsRejected()
    {
        SwarmConfig config;
        config.clients = -1;
        QString error;
        QVERIFY(!ClientSwarm(config).start(&error));
        QVERIFY(error.contains(QStringLiteral("clients")));
        config = {};
        config.host = QStringLiteral("nowhere");
        QVERIFY(!ClientSwarm(config).start(&error));
        QVERIFY(error.contains(QStringLiteral("not an IPv4 address")));
    }
};

QTEST_GUILESS_MAIN(TestClientSwarm)
#include "tst_clientswarm.moc"

// The four server models on real sockets: echo correctness, blocking vs overlapping service,
// blocked threads reported and woken, clean stops, bad clients, failing handlers.

#include "client/clientswarm.h"
#include "labtest.h"
#include "server/handler.h"
#include "server/server.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>
#include <atomic>
#include <cerrno>
#include <sys/resource.h>
#include <sys/wait.h>

using namespace labtest;
Q_DECLARE_METATYPE(ServerModel)

namespace {

ServerConfig configFor(ServerModel model, Family family)
{
    ServerConfig config;
    config.model = model;
    config.family = family;
    config.host = family == Family::Inet6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
    return config;
}

void addModelFamilyRows(bool streamOnly)
{
    QTest::addColumn<ServerModel>("model");
    QTest::addColumn<Family>("family");
    for (ServerModel model : { ServerModel::Blocking, ServerModel::Threading, ServerModel::Forking,
                               ServerModel::Udp, ServerModel::ThreadingUdp }) {
        if (streamOnly && (model == ServerModel::Udp || model == ServerModel::ThreadingUdp))
            continue;
        for (Family family : { Family::Inet, Family::Inet6, Family::Unix }) {
            const QString name
                    = ServerConfig::modelKey(model) + QLatin1Char('/') + Address::familyKey(family);
            QTest::newRow(qPrintable(name)) << model << family;
        }
    }
}

// A handler that fails on the first request and echoes afterwards.
class FlakyHandler final : public Handler
{
public:
    explicit FlakyHandler(std::atomic<int> *calls) : m_calls(calls) { }
    void handle(Request &request) override
    {
        if (m_calls->fetch_add(1) == 0)
            throw std::runtime_error("handler bug");
        SocketError error;
        const QByteArray data = request.socket->recv(1024, &error);
        request.socket->sendAll(data);
    }

private:
    std::atomic<int> *m_calls;
};

} // namespace

class TestServer : public QObject
{
    Q_OBJECT

private slots:
    void echoes_data()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::addColumn<Family>("family");
        QTest::addColumn<QByteArray>("message");
        QByteArray binary(300, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = char(i % 7 == 0 ? 0 : i);
        QByteArray big(1024 * 1024, 'x');
        for (int i = 0; i < big.size(); i += 97)
            big[i] = char(i);
        const QByteArray chinese = QStringLiteral("你好，套接字！").toUtf8();
        for (ServerModel model :
             { ServerModel::Blocking, ServerModel::Threading, ServerModel::Forking,
               ServerModel::Udp, ServerModel::ThreadingUdp }) {
            for (Family family : { Family::Inet, Family::Inet6, Family::Unix }) {
                const QString base = ServerConfig::modelKey(model) + QLatin1Char('/')
                        + Address::familyKey(family);
                QTest::newRow(qPrintable(base + QStringLiteral(" short")))
                        << model << family << QByteArray("hello");
                QTest::newRow(qPrintable(base + QStringLiteral(" binary")))
                        << model << family << binary;
                QTest::newRow(qPrintable(base + QStringLiteral(" utf-8")))
                        << model << family << chinese;
                const bool stream = model != ServerModel::Udp && model != ServerModel::ThreadingUdp;
                if (stream)
                    QTest::newRow(qPrintable(base + QStringLiteral(" 1 MiB")))
                            << model << family << big;
            }
        }
    }
    void echoes()
    {
        QFETCH(ServerModel, model);
        QFETCH(Family, family);
        QFETCH(QByteArray, message);
        const std::unique_ptr<Server> server = Server::create(configFor(model, family));
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        QVERIFY(family == Family::Unix || server->address().port() != 0);
        const bool datagram = !server->config().isStream();
        QCOMPARE(roundTrip(server->address(), message, datagram), message);
        QCOMPARE(roundTrip(server->address(), message, datagram), message); // and again
        server->stop();
    }

    void blockingSerialisesThreadsOverlap_data() { addModelFamilyRows(true); }
    void blockingSerialisesThreadsOverlap()
    {
        QFETCH(ServerModel, model);
        QFETCH(Family, family);
        EventLog log;
        ServerConfig config = configFor(model, family);
        config.handler = HandlerKind::SleepEcho;
        config.delaySeconds = 0.3;
        Server *raw = nullptr;
        const std::unique_ptr<Server> server = Server::create(config, &log.hub);
        raw = server.get();
        QString error;
        QVERIFY2(raw->start(&error), qPrintable(error));

        constexpr int clients = 4;
        SwarmConfig swarmConfig;
        swarmConfig.family = family;
        swarmConfig.host = config.host;
        swarmConfig.port = raw->address().port();
        swarmConfig.unixPath = raw->address().path();
        swarmConfig.clients = clients;
        ClientSwarm swarm(swarmConfig, &log.hub);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(swarm.start(&error));
        QVERIFY(swarm.waitFinished(30000));
        const double total = timer.elapsed() / 1000.0;
        for (const ClientOutcome &outcome : swarm.outcomes())
            QCOMPARE(outcome.result, ClientOutcome::Result::Ok);
        server->stop();

        const double serial = clients * config.delaySeconds;
        if (model == ServerModel::Blocking) {
            // One at a time: never two connections inside handle(), total ≈ N · D.
            QCOMPARE(log.maxConcurrentHandles(), 1);
            QVERIFY2(total >= serial * 0.95, qPrintable(QString::number(total)));
            std::vector<ClientOutcome> done = swarm.outcomes();
            std::sort(done.begin(), done.end(),
                      [](const auto &a, const auto &b) { return a.doneNs < b.doneNs; });
            for (size_t i = 1; i < done.size(); ++i)
                QVERIFY(done[i].doneNs - done[i - 1].doneNs >= qint64(config.delaySeconds * 0.9e9));
        } else {
            // Overlapping: all inside handle() together, total ≈ D (generous bound: half of N · D).
            QCOMPARE(log.maxConcurrentHandles(), clients);
            QVERIFY2(total < serial * 0.5 + 0.2, qPrintable(QString::number(total)));
        }
    }

    void blockedAcceptIsReportedAndWokenByStop_data() { addModelFamilyRows(true); }
    void blockedAcceptIsReportedAndWokenByStop()
    {
        QFETCH(ServerModel, model);
        QFETCH(Family, family);
        EventLog log;
        const std::unique_ptr<Server> server = Server::create(configFor(model, family), &log.hub);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        QTRY_COMPARE(log.pending(Call::Accept, Actor::Server), 1);
        QElapsedTimer timer;
        timer.start();
        server->stop();
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(log.pending(Call::Accept, Actor::Server), 0);
        QCOMPARE(log.count(Call::ServeForever, Phase::Return), 1);
    }

    void forkingParentClosesItsCopyAtOnce()
    {
        // ForkingMixIn.process_request(): after fork() the parent closes its copy of the
        // connection (close_request), while the child still serves it.
        EventLog log;
        ServerConfig config = configFor(ServerModel::Forking, Family::Inet);
        config.handler = HandlerKind::SleepEcho;
        config.delaySeconds = 0.5;
        const std::unique_ptr<Server> server = Server::create(config, &log.hub);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        QCOMPARE(roundTrip(server->address(), "hello"), QByteArray("hello"));
        // The child's events come through its pipe: wait for its answer and its reaping.
        const auto find = [&log](Call call, Actor actor, quint32 connection = 0) {
            log.pump();
            return std::find_if(log.all.begin(), log.all.end(), [=](const Event &e) {
                return e.call == call && e.actor == actor
                        && (e.phase == Phase::Return || call == Call::Close)
                        && (connection == 0 || e.connection == connection);
            });
        };
        QTRY_VERIFY(find(Call::SendAll, Actor::Child) != log.all.end());
        QTRY_COMPARE(server->activeConnections(), 0);
        const auto fork = find(Call::Fork, Actor::Server);
        QVERIFY(fork != log.all.end());
        const Event forked = *fork;
        const auto close = find(Call::Close, Actor::Server, forked.connection);
        QVERIFY2(close != log.all.end(), "the parent's close() of the connection after fork()");
        const Event closed = *close;
        const Event answered = *find(Call::SendAll, Actor::Child);
        // The parent closed its copy before the child answered: the child alone served it.
        QVERIFY(forked.ns <= closed.ns);
        QVERIFY(closed.ns <= answered.ns);
        server->stop();
    }

    void stopWithFiftyClientsLeavesNothing_data() { addModelFamilyRows(false); }
    void stopWithFiftyClientsLeavesNothing()
    {
        QFETCH(ServerModel, model);
        QFETCH(Family, family);
        const int fdsBefore = openFdCount();
        const int threadsBefore = threadCount();
        QString unixFile;
        {
            ServerConfig config = configFor(model, family);
            config.handler = HandlerKind::SleepEcho;
            config.delaySeconds = 30; // every client is stuck in the handler or the queue
            config.backlog = 64;
            const std::unique_ptr<Server> server = Server::create(config);
            QString error;
            QVERIFY2(server->start(&error), qPrintable(error));
            unixFile = server->address().path();
            SwarmConfig swarmConfig;
            swarmConfig.family = family;
            swarmConfig.datagram = !config.isStream();
            swarmConfig.host = config.host;
            swarmConfig.port = server->address().port();
            swarmConfig.unixPath = unixFile;
            swarmConfig.clients = 50;
            ClientSwarm swarm(swarmConfig);
            QVERIFY(swarm.start(&error));
            const int busy = model == ServerModel::Blocking || model == ServerModel::Udp ? 1 : 50;
            QTRY_COMPARE_WITH_TIMEOUT(server->activeConnections(), busy, 20000);
            QElapsedTimer timer;
            timer.start();
            server->stop();
            QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
            swarm.stop();
        }
        QCOMPARE(openFdCount(), fdsBefore);
        // A joined thread can linger in /proc/self/task for a moment, and so can a thread of an
        // earlier test that was counted in threadsBefore: no thread may be left over.
        QTRY_VERIFY(threadCount() <= threadsBefore);
        QCOMPARE(::waitpid(-1, nullptr, WNOHANG), -1); // no child left, not even a zombie
        QCOMPARE(errno, ECHILD);
        if (family == Family::Unix)
            QVERIFY(!QFileInfo::exists(unixFile));
    }

    void badClientsDoNotStopTheServer_data() { addModelFamilyRows(true); }
    void badClientsDoNotStopTheServer()
    {
        QFETCH(ServerModel, model);
        QFETCH(Family, family);
        EventLog log;
        ServerConfig config = configFor(model, family);
        config.maxMessage = 1024;
        config.backlog = 128;
        const std::unique_ptr<Server> server = Server::create(config, &log.hub);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        const Address address = server->address();
        SocketError e;
        { // connects and closes without sending
            Socket s = Socket::create(family, SOCK_STREAM, &e);
            QVERIFY(s.connect(address).ok());
        }
        { // half-close: the echo still comes back, then EOF
            Socket s = Socket::create(family, SOCK_STREAM, &e);
            QVERIFY(s.connect(address).ok());
            s.sendAll("half");
            s.shutdown(SHUT_WR);
            s.setTimeout(10);
            QByteArray got;
            for (QByteArray part = s.recv(100, &e); !part.isEmpty(); part = s.recv(100, &e))
                got += part;
            QCOMPARE(got, QByteArray("half"));
        }
        if (family != Family::Unix) { // RST: SO_LINGER with a zero timeout
            Socket s = Socket::create(family, SOCK_STREAM, &e);
            QVERIFY(s.connect(address).ok());
            s.sendAll("reset me");
            linger lingerOff{ 1, 0 };
            ::setsockopt(s.fileno(), SOL_SOCKET, SO_LINGER, &lingerOff, sizeof lingerOff);
        }
        { // garbage, and more than the server's bufsize in one go: echoed in pieces
            QByteArray garbage(10 * 1024, '\0');
            for (char &c : garbage)
                c = char(QRandomGenerator::global()->bounded(256));
            QCOMPARE(roundTrip(address, garbage), garbage);
        }
        for (int i = 0; i < 500; ++i) { // quick connect / close
            Socket s = Socket::create(family, SOCK_STREAM, &e);
            QVERIFY(s.connect(address).ok());
        }
        // Every one of them was accepted and finished (a forking server takes a while: one fork
        // per connection), and the server still answers.
        const quint64 bad = family == Family::Unix ? 503 : 504;
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionsServed(), bad, 30000);
        QCOMPARE(roundTrip(address, "still here"), QByteArray("still here"));
        server->stop();
    }

    void failingHandlerEndsOneConnectionOnly()
    {
        EventLog log;
        std::atomic<int> calls{ 0 };
        ServerConfig config = configFor(ServerModel::Threading, Family::Inet);
        config.handlerFactory = [&calls] {
            return std::make_unique<FlakyHandler>(&calls);
        };
        const std::unique_ptr<Server> server = Server::create(config, &log.hub);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        QCOMPARE(roundTrip(server->address(), "first"), QByteArray()); // closed on it
        QTRY_COMPARE(log.count(Call::HandleError, Phase::Info), 1);
        QCOMPARE(roundTrip(server->address(), "second"), QByteArray("second"));
        // finish() runs after a failed handle() too (Python's try/finally). A stop may come
        // before the second handler's finish(), so wait for it first.
        QTRY_COMPARE(log.count(Call::Finish, Phase::Return), 2);
        server->stop();
        QCOMPARE(log.count(Call::HandleError, Phase::Info), 1);
    }

    void seedLoopSpinsUntilItsCapAndTheFixIsQuiet()
    {
        EventLog log;
        ServerConfig config = configFor(ServerModel::Threading, Family::Inet);
        config.handler = HandlerKind::SeedLoop;
        config.seedLoopCpuCap = 0.2;
        const std::unique_ptr<Server> seed = Server::create(config, &log.hub);
        config.handler = HandlerKind::SeedFixed;
        config.origin = 1;
        const std::unique_ptr<Server> fixed = Server::create(config, &log.hub);
        QString error;
        QVERIFY2(seed->start(&error), qPrintable(error));
        QVERIFY2(fixed->start(&error), qPrintable(error));
        QCOMPARE(roundTrip(seed->address(), "hi"), QByteArray("hi"));
        QCOMPARE(roundTrip(fixed->address(), "hi"), QByteArray("hi"));
        // The client has gone; the handout's loop keeps calling recv() and gets b"" every time.
        QTRY_VERIFY_WITH_TIMEOUT(log.count(Call::Message, Phase::Error) == 1, 20000);
        const auto capped = std::find_if(log.all.begin(), log.all.end(), [](const Event &e) {
            return e.call == Call::Message && e.phase == Phase::Error;
        });
        QCOMPARE(capped->origin, quint16(0));
        QVERIFY2(capped->result > 100, qPrintable(QString::number(capped->result)));
        QTRY_COMPARE(log.count(Call::Handle, Phase::Return), 2);
        seed->stop();
        fixed->stop();
        int fixedEmptyReads = 0;
        for (const Event &e : log.all)
            fixedEmptyReads += e.origin == 1 && e.call == Call::Recv && e.phase == Phase::Return
                    && e.result == 0;
        QCOMPARE(fixedEmptyReads, 1); // the fixed twin leaves at the first b""
    }

    void startErrorsAreClearValues()
    {
        QString error;
        // Port in use.
        ServerConfig config = configFor(ServerModel::Blocking, Family::Inet);
        const std::unique_ptr<Server> first = Server::create(config);
        QVERIFY(first->start(&error));
        config.port = first->address().port();
        const std::unique_ptr<Server> second = Server::create(config);
        QVERIFY(!second->start(&error));
        QVERIFY2(error.contains(QStringLiteral("Address already in use")), qPrintable(error));
        QVERIFY(error.contains(QStringLiteral("bind()")));
        // Bad address, Unix path too long, bad backlog.
        config = configFor(ServerModel::Threading, Family::Inet);
        config.host = QStringLiteral("not-an-address");
        QVERIFY(!Server::create(config)->start(&error));
        QVERIFY2(error.contains(QStringLiteral("not an IPv4 address")), qPrintable(error));
        config = configFor(ServerModel::Threading, Family::Unix);
        config.unixPath = QStringLiteral("/tmp/") + QString(150, QLatin1Char('s'));
        QVERIFY(!Server::create(config)->start(&error));
        QVERIFY2(error.contains(QStringLiteral("too long")), qPrintable(error));
        config = configFor(ServerModel::Udp, Family::Inet);
        config.handler = HandlerKind::SeedLoop;
        QVERIFY(!Server::create(config)->start(&error));
        QVERIFY2(error.contains(QStringLiteral("stream")), qPrintable(error));
        // Out of file descriptors: fill every free slot below a tight limit, then try.
        rlimit saved{};
        ::getrlimit(RLIMIT_NOFILE, &saved);
        rlimit tight = saved;
        tight.rlim_cur = rlim_t(qMin<long>(long(saved.rlim_cur), 4096));
        ::setrlimit(RLIMIT_NOFILE, &tight);
        std::vector<int> filler;
        for (int fd = ::dup(0); fd >= 0; fd = ::dup(0))
            filler.push_back(fd);
        const bool started
                = Server::create(configFor(ServerModel::Threading, Family::Inet))->start(&error);
        for (int fd : filler)
            ::close(fd);
        ::setrlimit(RLIMIT_NOFILE, &saved);
        QVERIFY(!started);
        QVERIFY2(error.contains(QStringLiteral("Too many open files")), qPrintable(error));
        first->stop();
    }
};

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"

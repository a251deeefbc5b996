// The lab's load threads: a small stack and a lower CPU priority, inherited by what they start
// (a server's workers and forked children), never touching the thread that made them.
#include "client/clientswarm.h"
#include "labtest.h"
#include "server/server.h"
#include "trace/loadthread.h"

#include <QFile>
#include <QtTest>
#include <atomic>
#include <memory>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

using namespace labtest;

namespace {

size_t ownStackBytes()
{
    pthread_attr_t attr;
    size_t bytes = 0;
    if (::pthread_getattr_np(::pthread_self(), &attr) == 0) {
        ::pthread_attr_getstacksize(&attr, &bytes);
        ::pthread_attr_destroy(&attr);
    }
    return bytes;
}

// The nice value of a task as the kernel reports it (/proc/<pid>/task/<tid>/stat, field 19).
int niceOf(const QString &statPath)
{
    QFile file(statPath);
    if (!file.open(QIODevice::ReadOnly))
        return -100;
    const QByteArray stat = file.readAll();
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 16 ? fields[16].toInt() : -100; // field 19 = the 17th after comm
}

// How many threads of this process run at the load's nice value.
int loadThreadsNow()
{
    int count = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::NoDotAndDotDot | QDir::Dirs))
        count += niceOf(tasks.filePath(tid) + QStringLiteral("/stat")) == LoadThread::niceness;
    return count;
}

} // namespace

class TestLoadThread : public QObject
{
    Q_OBJECT

private slots:
    void runsLowWithASmallStack()
    {
        const int before = LoadThread::currentNiceness();
        std::atomic<int> niceness{ -100 };
        std::atomic<size_t> stack{ 0 };
        std::atomic<int> childNiceness{ -100 };
        {
            LoadThread thread([&] {
                niceness = LoadThread::currentNiceness();
                stack = ownStackBytes();
                // A thread it starts (a server's worker) inherits the value.
                std::thread inner([&] { childNiceness = LoadThread::currentNiceness(); });
                inner.join();
            });
            QVERIFY(thread.joinable());
        } // destroyed: joined, not terminated
        QCOMPARE(niceness.load(), qMax(before, LoadThread::niceness));
        QCOMPARE(childNiceness.load(), niceness.load());
        QVERIFY2(stack >= LoadThread::stackBytes && stack < 2 * LoadThread::stackBytes,
                 qPrintable(QString::number(stack)));
        QCOMPARE(LoadThread::currentNiceness(), before); // the creator keeps its priority
    }

    void takesMoveOnlyBodiesAndJoinsWhenReplaced()
    {
        std::atomic<int> ran{ 0 };
        auto owned = std::make_unique<int>(7);
        LoadThread a([&ran, value = std::move(owned)] { ran += *value; });
        LoadThread b(std::move(a));
        QVERIFY(!a.joinable());
        QVERIFY(b.joinable());
        b = LoadThread([&ran] { ran += 1; }); // the first is joined before it is replaced
        b.join();
        QVERIFY(!b.joinable());
        QCOMPARE(ran.load(), 8);
    }

    void theLabsLoadRunsLow_data()
    {
        QTest::addColumn<ServerModel>("model");
        QTest::newRow("ThreadingTCPServer") << ServerModel::Threading;
        QTest::newRow("ForkingTCPServer") << ServerModel::Forking;
    }

    // A threading server's accept loop and workers, a forking server's children, and every
    // client run at the load's priority while they serve and wait; the test's thread does not.
    void theLabsLoadRunsLow()
    {
        QFETCH(ServerModel, model);
        const int before = LoadThread::currentNiceness();
        if (before >= LoadThread::niceness)
            QSKIP("this test already runs at the load's nice value: nothing would differ");
        EventLog log;
        ServerConfig config;
        config.model = model;
        config.family = Family::Inet;
        config.host = QStringLiteral("127.0.0.1");
        config.handler = HandlerKind::SleepEcho;
        config.delaySeconds = 1.0;
        const std::unique_ptr<Server> server = Server::create(config, &log.hub);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        constexpr int clients = 3;
        SwarmConfig swarmConfig;
        swarmConfig.family = Family::Inet;
        swarmConfig.host = config.host;
        swarmConfig.port = server->address().port();
        swarmConfig.clients = clients;
        ClientSwarm swarm(swarmConfig, &log.hub);
        QVERIFY(swarm.start(&error));
        // Every client inside handle(): the server's threads or children are all there.
        QTRY_COMPARE_WITH_TIMEOUT(log.count(Call::Handle, Phase::Enter), clients, 10000);
        if (model == ServerModel::Threading) {
            // The accept loop, a worker per client, and the clients themselves.
            QVERIFY2(loadThreadsNow() >= 1 + 2 * clients,
                     qPrintable(QString::number(loadThreadsNow())));
        } else {
            int children = 0;
            std::set<qint32> pids;
            for (const Event &e : log.all)
                if (e.actor == Actor::Child && e.pid > 0)
                    pids.insert(e.pid);
            for (qint32 pid : pids)
                children
                        += niceOf(QStringLiteral("/proc/%1/stat").arg(pid)) == LoadThread::niceness;
            QCOMPARE(children, clients);
            QVERIFY(loadThreadsNow() >= 1 + clients); // the accept loop and the clients
        }
        QCOMPARE(LoadThread::currentNiceness(), before);
        QVERIFY(swarm.waitFinished(20000));
        server->stop();
        for (const ClientOutcome &outcome : swarm.outcomes())
            QCOMPARE(outcome.result, ClientOutcome::Result::Ok);
    }
};

QTEST_GUILESS_MAIN(TestLoadThread)
#include "tst_loadthread.moc"

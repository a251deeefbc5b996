// With the app's Chinese catalogue installed, the words core produces for the screen come out in
// Chinese: run summaries and figures, log actors, phases, Python comments and results, client
// results, and a server's start error, with Python's exception, errno and identifiers kept.
#include "../core/modeltest.h"
#include "client/clientoutcome.h"
#include "client/swarmconfig.h"
#include "model/connectionmodel.h"
#include "model/eventlogmodel.h"
#include "model/eventtext.h"
#include "model/runstats.h"
#include "server/server.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace modeltest;
using Column = EventLogModel::Column;

namespace {

QString text(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestChineseText : public QObject
{
    Q_OBJECT

private:
    QTranslator m_translator;

private slots:
    void initTestCase()
    {
        QVERIFY(m_translator.load(QStringLiteral(":/i18n/socketlab_zh_CN")));
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
    }

    void cleanupTestCase() { QCoreApplication::removeTranslator(&m_translator); }

    void summary_data()
    {
        QTest::addColumn<std::vector<Event>>("events");
        QTest::addColumn<double>("each");
        QTest::addColumn<QString>("chinese");
        QTest::newRow("one at a time")
                << run(8, 2.0, 1) << 2.0 << "8 个客户端，每个 2.0 秒：共用 16.0 秒 — 一次一个";
        QTest::newRow("all at once")
                << run(8, 2.0, 8) << 2.0 << "8 个客户端，每个 2.0 秒：共用 2.0 秒 — 全部同时";
        QTest::newRow("two at a time")
                << run(4, 1.0, 2) << 1.0
                << "4 个客户端，每个 1.0 秒：共用 2.0 秒 — 部分重叠，最多 2 个同时";
        std::vector<Event> failures = run(2, 1.0, 1);
        append(failures, refusedClient(3, 1.0));
        append(failures,
               { client(4, Call::ConnectEx, Phase::Return, 1.2, 11),
                 client(4, Call::Close, Phase::Return, 1.3) });
        QTest::newRow("one refused, one timed out")
                << failures << 1.0
                << "4 个客户端，每个 1.0 秒：共用 2.0 秒 — 一次一个；1 个被拒绝，1 个超时";
        std::vector<Event> running = run(1, 1.0, 1);
        running.push_back(client(2, Call::Socket, Phase::Enter, 1.5));
        QTest::newRow("one still running")
                << running << 0.0 << "2 个客户端：1.0 秒内完成 1 个 — 一次一个";
        QTest::newRow("a single client")
                << run(1, 1.0, 1) << 1.0 << "1 个客户端，每个 1.0 秒：共用 1.0 秒 — 一次一个";
    }
    void summary()
    {
        QFETCH(std::vector<Event>, events);
        QFETCH(double, each);
        QFETCH(QString, chinese);
        RunStats stats;
        stats.applyEvents(events);
        QCOMPARE(stats.summary(0, each, true), chinese);
    }

    void figures()
    {
        RunStats stats;
        stats.applyEvents(run(4, 0.5, 1));
        QCOMPARE(stats.figures(0),
                 QStringLiteral("延迟：最短 0.50 秒，中位 1.25 秒，最长 2.00 秒 · 吞吐量：每秒 2.0 "
                                "个客户端"));
    }

    void eventLogRows()
    {
        Event w = worker(2, 1, Call::Recv, Phase::Return, 1, 5, 5);
        w.tid = 1234;
        Event s = server(1, Call::Recv, Phase::Return, 2, 0, 0);
        s.tid = 1230;
        Event c = makeEvent(Actor::Child, 5, 1, Call::ThreadStart, Phase::Info, 3);
        c.pid = 999;
        EventLogModel model;
        model.applyEvents({ client(3, Call::Connect, Phase::Error, 1, -1, 0, ECONNREFUSED), w, s, c,
                            worker(1, 1, Call::GilWait, Phase::Enter, 4) });
        const auto cell = [&model](int row, Column column) {
            return text(model, row, int(column));
        };
        QCOMPARE(cell(0, Column::Actor), QStringLiteral("客户端 3"));
        QCOMPARE(cell(0, Column::Phase), QStringLiteral("出错"));
        QCOMPARE(cell(0, Column::Call), QStringLiteral("connect")); // Python's name, as is
        QCOMPARE(cell(0, Column::Result), QStringLiteral("ECONNREFUSED (ConnectionRefusedError)"));
        QCOMPARE(cell(0, Column::Python),
                 QStringLiteral("sock.connect(addr)  # ConnectionRefusedError: [Errno 111] "
                                "连接被拒绝"));
        QCOMPARE(cell(1, Column::Actor), QStringLiteral("工作线程 2（tid 1234）"));
        QCOMPARE(cell(1, Column::Phase), QStringLiteral("返回"));
        QCOMPARE(cell(1, Column::Python), QStringLiteral("data = conn.recv(65536)  # 5 字节"));
        QCOMPARE(cell(2, Column::Actor), QStringLiteral("服务器（tid 1230）"));
        QCOMPARE(cell(2, Column::Python),
                 QStringLiteral("data = conn.recv(65536)  # b'': 对端已关闭"));
        QCOMPARE(cell(3, Column::Actor), QStringLiteral("子进程 pid 999"));
        QCOMPARE(cell(3, Column::Phase), QStringLiteral("信息"));
        QCOMPARE(cell(3, Column::Python), QStringLiteral("# 在子进程中：os.fork() 返回了 0"));
        QCOMPARE(cell(4, Column::Phase), QStringLiteral("进入"));
        QCOMPARE(cell(4, Column::Python), QStringLiteral("# 等待 GIL"));
    }

    void clientResults()
    {
        ConnectionModel model;
        std::vector<Event> events = okClient(1, 1.0);
        append(events, refusedClient(2, 1.0));
        model.applyEvents(events);
        const int result = int(ConnectionModel::Column::Result);
        // The table says what happened, not only a word: the echo came, or why it did not.
        QCOMPARE(text(model, 0, result), QStringLiteral("已收到回显"));
        QCOMPARE(text(model, 1, result), QStringLiteral("被拒绝：connect() 得到 ECONNREFUSED"));
        // The role for programs keeps the key.
        QCOMPARE(model.index(1, 0).data(ConnectionModel::ResultRole).toString(),
                 QStringLiteral("refused"));
        QCOMPARE(ClientOutcome::resultText(ClientOutcome::Result::TimedOut),
                 QStringLiteral("超时"));
    }

    void serverStartErrorKeepsPythonsLine()
    {
        // A second server on the first one's port: bind() fails with EADDRINUSE.
        ServerConfig config;
        const std::unique_ptr<Server> first = Server::create(config);
        QString error;
        QVERIFY2(first->start(&error), qPrintable(error));
        config.port = first->address().port();
        const std::unique_ptr<Server> second = Server::create(config);
        QVERIFY(!second->start(&error));
        QCOMPARE(error,
                 QStringLiteral(
                         "在 127.0.0.1:%1 上调用 bind() 失败：OSError: [Errno 98] 地址已被占用")
                         .arg(config.port));
        first->stop();
    }

    void swarmStartErrors()
    {
        SwarmConfig config;
        config.clients = -1;
        QCOMPARE(config.validate(), QStringLiteral("客户端数量必须在 0 到 5000 之间"));
        config.clients = 1;
        config.host = QStringLiteral("not-an-address");
        QCOMPARE(config.validate(), QStringLiteral("“not-an-address” 不是 IPv4 地址"));
    }
};

QTEST_GUILESS_MAIN(TestChineseText)
#include "tst_chinesetext.moc"

// socketlab-cli serve and swarm as a user runs them: real processes, real clients that nobody
// here wrote (Python, nc, the handout's own server), clean stops on SIGTERM, exit codes.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

const QString cli = QStringLiteral(SOCKETLAB_CLI);

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            lines.append(doc.object());
    }
    return lines;
}

// A `socketlab-cli serve` child; start() returns its "listening" line.
class ServeProcess
{
public:
    QJsonObject start(const QStringList &arguments)
    {
        m_process.start(cli, QStringList{ QStringLiteral("serve") } + arguments);
        if (!m_process.waitForStarted(10000))
            return {};
        while (!m_out.contains('\n') && m_process.waitForReadyRead(10000))
            m_out += m_process.readAllStandardOutput();
        const QList<QJsonObject> lines = jsonLines(m_out.left(m_out.indexOf('\n')));
        return lines.value(0);
    }
    // SIGTERM, then everything it printed.
    QList<QJsonObject> stop(int *exitCode)
    {
        m_process.terminate();
        m_process.waitForFinished(10000);
        m_out += m_process.readAllStandardOutput();
        *exitCode = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        return jsonLines(m_out);
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_out;
};

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel();
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QStringList target(const QJsonObject &listening)
{
    if (listening.value(QStringLiteral("family")).toString() == QLatin1String("unix"))
        return { QStringLiteral("--family"), QStringLiteral("unix"), QStringLiteral("--path"),
                 listening.value(QStringLiteral("path")).toString() };
    return {
        QStringLiteral("--family"), listening.value(QStringLiteral("family")).toString(),
        QStringLiteral("--host"),   listening.value(QStringLiteral("host")).toString(),
        QStringLiteral("--port"),   QString::number(listening.value(QStringLiteral("port")).toInt())
    };
}

} // namespace

class TestCliServe : public QObject
{
    Q_OBJECT

private slots:
    void serveAndSwarmEndToEnd_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("family");
        for (const char *model : { "blocking", "threading", "forking", "udp", "threading-udp" })
            for (const char *family : { "inet", "inet6", "unix" })
                QTest::addRow("%s/%s", model, family)
                        << QString::fromLatin1(model) << QString::fromLatin1(family);
    }
    void serveAndSwarmEndToEnd()
    {
        QFETCH(QString, model);
        QFETCH(QString, family);
        ServeProcess serve;
        const QJsonObject listening = serve.start(
                { QStringLiteral("--model"), model, QStringLiteral("--family"), family });
        QCOMPARE(listening.value(QStringLiteral("event")).toString(), QStringLiteral("listening"));
        if (family != QLatin1String("unix"))
            QVERIFY(listening.value(QStringLiteral("port")).toInt() > 0); // the real port of 0
        QStringList arguments = QStringList{ QStringLiteral("swarm"), QStringLiteral("--clients"),
                                             QStringLiteral("5"), QStringLiteral("--message"),
                                             QStringLiteral("套接字 hello") }
                + target(listening);
        if (model.contains(QLatin1String("udp")))
            arguments << QStringLiteral("--udp");
        const Run swarm = run(cli, arguments);
        QCOMPARE(swarm.exitCode, 0);
        const QList<QJsonObject> lines = jsonLines(swarm.out);
        QCOMPARE(lines.size(), 6);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(lines[i].value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
            QVERIFY(lines[i].value(QStringLiteral("echo")).toBool());
            QVERIFY(lines[i].value(QStringLiteral("done")).toDouble()
                    >= lines[i].value(QStringLiteral("first_byte")).toDouble());
        }
        QCOMPARE(lines.last().value(QStringLiteral("event")).toString(), QStringLiteral("summary"));
        int exitCode = -1;
        const QList<QJsonObject> served = serve.stop(&exitCode);
        QCOMPARE(exitCode, 0); // SIGTERM is a clean stop
        QCOMPARE(served.last().value(QStringLiteral("event")).toString(),
                 QStringLiteral("stopped"));
        QCOMPARE(served.last().value(QStringLiteral("served")).toInt(), 5);
    }

    void pythonAndNcTalkToServe()
    {
        ServeProcess serve;
        const QJsonObject listening
                = serve.start({ QStringLiteral("--model"), QStringLiteral("threading"),
                                QStringLiteral("--family"), QStringLiteral("inet6") });
        const QString port = QString::number(listening.value(QStringLiteral("port")).toInt());
        const Run python = run(QStringLiteral("/usr/bin/python3"),
                               { QStringLiteral("-c"),
                                 QStringLiteral("import socket\n"
                                                "s = socket.create_connection(('::1', %1))\n"
                                                "s.sendall('你好'.encode())\n"
                                                "print(s.recv(100).decode())\n")
                                         .arg(port) });
        QCOMPARE(python.exitCode, 0);
        QCOMPARE(QString::fromUtf8(python.out).trimmed(), QStringLiteral("你好"));
        const QString nc = QStandardPaths::findExecutable(QStringLiteral("nc"));
        QVERIFY2(!nc.isEmpty(), "nc is missing: ./lab installs netcat-openbsd");
        // -N: shut down the sending side at end of input, so the server sees EOF and closes.
        const Run ncRun
                = run(nc, { QStringLiteral("-N"), QStringLiteral("::1"), port }, "hello from nc\n");
        QCOMPARE(ncRun.exitCode, 0);
        QCOMPARE(ncRun.out, QByteArray("hello from nc\n"));
        int exitCode = -1;
        serve.stop(&exitCode);
        QCOMPARE(exitCode, 0);
    }

    void swarmAgainstTheHandoutsServer()
    {
        // The handout's ThreadingTCPServer, as written but on port 0 and printing to stderr
        // only what the test needs. Its handler never leaves its loop; the process is killed.
        const QString script = QStringLiteral(
                "import socketserver, sys, os\n"
                "class MyTcpServer(socketserver.BaseRequestHandler):\n"
                "    def handle(self):\n"
                "        while True:\n"
                "            Server_recv = self.request.recv(1024)\n"
                "            self.request.send(Server_recv)\n"
                "Server = socketserver.ThreadingTCPServer(('127.0.0.1', 0), MyTcpServer)\n"
                "Server.daemon_threads = True\n"
                "print(Server.server_address[1], file=sys.stderr, flush=True)\n"
                "Server.serve_forever()\n");
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"), { QStringLiteral("-c"), script });
        QVERIFY(python.waitForStarted());
        python.setReadChannel(QProcess::StandardError);
        QByteArray port;
        while (!port.contains('\n') && python.waitForReadyRead(10000))
            port += python.readAllStandardError();
        const Run swarm = run(cli,
                              { QStringLiteral("swarm"), QStringLiteral("--port"),
                                QString::fromLatin1(port.trimmed()), QStringLiteral("--clients"),
                                QStringLiteral("3") });
        python.kill();
        python.waitForFinished();
        QVERIFY2(swarm.exitCode == 0, swarm.err.constData());
        const QList<QJsonObject> lines = jsonLines(swarm.out);
        QCOMPARE(lines.last()
                         .value(QStringLiteral("results"))
                         .toObject()
                         .value(QStringLiteral("ok"))
                         .toInt(),
                 3);
    }

    void serveEventsArePrinted()
    {
        ServeProcess serve;
        const QJsonObject listening
                = serve.start({ QStringLiteral("--model"), QStringLiteral("blocking"),
                                QStringLiteral("--events") });
        const Run swarm = run(cli,
                              QStringList{ QStringLiteral("swarm"), QStringLiteral("--message"),
                                           QStringLiteral("abc") }
                                      + target(listening));
        QCOMPARE(swarm.exitCode, 0);
        int exitCode = -1;
        const QList<QJsonObject> lines = serve.stop(&exitCode);
        QStringList calls;
        for (const QJsonObject &line : lines) {
            if (line.value(QStringLiteral("event")).toString() == QLatin1String("call"))
                calls << line.value(QStringLiteral("call")).toString() + QLatin1Char(':')
                                + line.value(QStringLiteral("phase")).toString();
        }
        for (const char *expected :
             { "socket:return", "bind:return", "listen:return", "accept:enter", "accept:return",
               "setup:enter", "handle:enter", "recv:return", "sendall:return", "finish:return" })
            QVERIFY2(calls.contains(QString::fromLatin1(expected)), expected);
        const auto sendall = std::find_if(lines.begin(), lines.end(), [](const QJsonObject &l) {
            return l.value(QStringLiteral("call")).toString() == QLatin1String("sendall")
                    && l.value(QStringLiteral("phase")).toString() == QLatin1String("return");
        });
        QCOMPARE(sendall->value(QStringLiteral("bytes")).toInt(), 3);
    }

    void refusedClientsAndBusyPorts()
    {
        // A port with nothing listening: every client is refused, errno 111, exit 1.
        const int holder = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(holder, reinterpret_cast<sockaddr *>(&address), sizeof address);
        socklen_t length = sizeof address;
        ::getsockname(holder, reinterpret_cast<sockaddr *>(&address), &length);
        const QString port = QString::number(ntohs(address.sin_port));
        const Run swarm = run(cli,
                              { QStringLiteral("swarm"), QStringLiteral("--port"), port,
                                QStringLiteral("--clients"), QStringLiteral("2") });
        QCOMPARE(swarm.exitCode, 1);
        const QList<QJsonObject> lines = jsonLines(swarm.out);
        QCOMPARE(lines.first().value(QStringLiteral("result")).toString(),
                 QStringLiteral("refused"));
        QCOMPARE(lines.first().value(QStringLiteral("errno")).toInt(), 111);
        QCOMPARE(lines.first().value(QStringLiteral("exception")).toString(),
                 QStringLiteral("ConnectionRefusedError"));
        // The same port, now listening: serve cannot bind it, says why, exits 1.
        ::listen(holder, 1);
        const Run busy = run(cli, { QStringLiteral("serve"), QStringLiteral("--port"), port });
        ::close(holder);
        QCOMPARE(busy.exitCode, 1);
        QVERIFY2(busy.err.contains("Address already in use"), busy.err.constData());
    }

    void observeWatchesAListenerItDidNotCreate()
    {
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     { QStringLiteral("-c"),
                       QStringLiteral("import socket, time\n"
                                      "s = socket.socket(socket.AF_INET6)\n"
                                      "s.bind(('::1', 0))\n"
                                      "s.listen(2)\n"
                                      "print(s.getsockname()[1], flush=True)\n"
                                      "time.sleep(30)\n") });
        QVERIFY(python.waitForReadyRead(10000));
        const QString port = QString::fromLatin1(python.readLine().trimmed());
        // Five clients, one every 50 ms, staying connected: 3 fit (backlog + 1), 2 wait.
        QProcess swarm;
        swarm.start(cli,
                    { QStringLiteral("swarm"), QStringLiteral("--family"), QStringLiteral("inet6"),
                      QStringLiteral("--port"), port, QStringLiteral("--clients"),
                      QStringLiteral("5"), QStringLiteral("--every"), QStringLiteral("50"),
                      QStringLiteral("--timeout"), QStringLiteral("20") });
        QVERIFY(swarm.waitForStarted());
        QJsonObject sample;
        QTRY_VERIFY_WITH_TIMEOUT(
                (sample = jsonLines(run(cli,
                                        { QStringLiteral("observe"), QStringLiteral("--family"),
                                          QStringLiteral("inet6"), QStringLiteral("--port"), port,
                                          QStringLiteral("--duration"), QStringLiteral("0.1") })
                                            .out)
                                  .value(1),
                 sample.value(QStringLiteral("stages"))
                                 .toObject()
                                 .value(QStringLiteral("connecting"))
                                 .toInt()
                         == 2),
                10000);
        QCOMPARE(sample.value(QStringLiteral("queue")).toInt(), 3);
        QCOMPARE(sample.value(QStringLiteral("cap")).toInt(), 2);
        QCOMPARE(sample.value(QStringLiteral("stages"))
                         .toObject()
                         .value(QStringLiteral("queued"))
                         .toInt(),
                 3);
        QVERIFY(sample.value(QStringLiteral("ss")).toString().contains(QStringLiteral("ss -lnt")));
        // The same pair as ss prints for it.
        const Run ss = run(QStandardPaths::findExecutable(QStringLiteral("ss")),
                           { QStringLiteral("-Hlnt"), QStringLiteral("sport = :") + port });
        const QList<QByteArray> fields = ss.out.simplified().split(' ');
        QCOMPARE(fields.value(1).toInt(), 3);
        QCOMPARE(fields.value(2).toInt(), 2);
        swarm.terminate();
        swarm.waitForFinished();
        python.kill();
        python.waitForFinished();
    }

    void badOptionsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("model") << QStringList{ QStringLiteral("serve"), QStringLiteral("--model"),
                                               QStringLiteral("nope") }
                               << QStringLiteral("unknown --model");
        QTest::newRow("family") << QStringList{ QStringLiteral("serve"), QStringLiteral("--family"),
                                                QStringLiteral("ipx") }
                                << QStringLiteral("unknown --family");
        QTest::newRow("port") << QStringList{ QStringLiteral("serve"), QStringLiteral("--port"),
                                              QStringLiteral("70000") }
                              << QStringLiteral("--port must be");
        QTest::newRow("backlog") << QStringList{ QStringLiteral("serve"),
                                                 QStringLiteral("--backlog"), QStringLiteral("-1") }
                                 << QStringLiteral("--backlog must be");
        QTest::newRow("swarm no port")
                << QStringList{ QStringLiteral("swarm") } << QStringLiteral("--port is required");
        QTest::newRow("swarm unix no path")
                << QStringList{ QStringLiteral("swarm"), QStringLiteral("--family"),
                                QStringLiteral("unix") }
                << QStringLiteral("--path is required");
        QTest::newRow("swarm clients")
                << QStringList{ QStringLiteral("swarm"), QStringLiteral("--port"),
                                QStringLiteral("1"), QStringLiteral("--clients"),
                                QStringLiteral("-3") }
                << QStringLiteral("--clients must be");
        QTest::newRow("observe no port")
                << QStringList{ QStringLiteral("observe") } << QStringLiteral("--port is required");
        QTest::newRow("unknown option")
                << QStringList{ QStringLiteral("serve"), QStringLiteral("--bogus") }
                << QStringLiteral("Unknown option");
    }
    void badOptionsExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run result = run(cli, arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
    }

    void helpDocumentsEveryOption()
    {
        const Run serve = run(cli, { QStringLiteral("serve"), QStringLiteral("--help") });
        QCOMPARE(serve.exitCode, 0);
        for (const char *option : { "--model", "--family", "--host", "--port", "--path",
                                    "--backlog", "--handler", "--delay", "--events" })
            QVERIFY2(serve.out.contains(option), option);
        const Run swarm = run(cli, { QStringLiteral("swarm"), QStringLiteral("--help") });
        QCOMPARE(swarm.exitCode, 0);
        for (const char *option :
             { "--host", "--port", "--family", "--clients", "--every", "--message", "--timeout" })
            QVERIFY2(swarm.out.contains(option), option);
    }
};

QTEST_GUILESS_MAIN(TestCliServe)
#include "tst_cliserve.moc"

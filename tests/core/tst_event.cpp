// Event: the JSON a CLI line or a log row is made of, every call's Python name, errnos named
// the way Python names them (errno.errorcode and the PEP 3151 exception classes) and described
// in strerror()'s words.
#include "model/eventtext.h"
#include "net/socketerror.h"
#include "trace/clock.h"
#include "trace/event.h"

#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QVariant>

#include <cerrno>
#include <cstring>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

class TestEvent : public QObject
{
    Q_OBJECT

private slots:
    void isASmallPlainValue()
    {
        QVERIFY(std::is_trivially_copyable_v<Event>);
        QVERIFY(sizeof(Event) <= 64);
        Event event;
        event.call = Call::SendAll;
        event.bytes = 4096;
        const QVariant variant = QVariant::fromValue(event);
        QCOMPARE(variant.metaType(), QMetaType::fromType<Event>());
        QCOMPARE(variant.value<Event>().call, Call::SendAll);
        QCOMPARE(variant.value<Event>().bytes, qint64(4096));
    }

    void toJsonFields_data()
    {
        QTest::addColumn<Event>("event");
        QTest::addColumn<QJsonObject>("expected");

        Event enter;
        enter.ns = 1'500'000'000;
        enter.actor = Actor::Server;
        enter.call = Call::Accept;
        enter.phase = Phase::Enter;
        enter.pid = 4242;
        enter.tid = 4243;
        QTest::newRow("enter accept: zeros left out")
                << enter
                << QJsonObject{ { "t", 1.5 },         { "actor", "server" }, { "call", "accept" },
                                { "phase", "enter" }, { "pid", 4242 },       { "tid", 4243 } };

        Event received;
        received.ns = 2'250'000'000;
        received.actor = Actor::Worker;
        received.actorId = 3;
        received.origin = 2;
        received.connection = 17;
        received.call = Call::Recv;
        received.phase = Phase::Return;
        received.result = 512;
        received.bytes = 512;
        QTest::newRow("recv returned bytes")
                << received
                << QJsonObject{ { "t", 2.25 },         { "actor", "worker" }, { "call", "recv" },
                                { "phase", "return" }, { "origin", 2 },       { "id", 3 },
                                { "conn", 17 },        { "result", 512 },     { "bytes", 512 } };

        Event eof = received;
        eof.result = 0;
        eof.bytes = 0;
        QTest::newRow("recv returned 0: the peer closed, result kept")
                << eof
                << QJsonObject{ { "t", 2.25 },         { "actor", "worker" }, { "call", "recv" },
                                { "phase", "return" }, { "origin", 2 },       { "id", 3 },
                                { "conn", 17 },        { "result", 0 } };

        Event refused;
        refused.ns = 3'000'000'000;
        refused.actor = Actor::Client;
        refused.actorId = 9;
        refused.call = Call::Connect;
        refused.phase = Phase::Error;
        refused.result = -1;
        refused.err = ECONNREFUSED;
        QTest::newRow("connect refused")
                << refused
                << QJsonObject{ { "t", 3.0 },
                                { "actor", "client" },
                                { "call", "connect" },
                                { "phase", "error" },
                                { "id", 9 },
                                { "result", -1 },
                                { "errno", ECONNREFUSED },
                                { "error", "ECONNREFUSED" },
                                { "exception", "ConnectionRefusedError" } };

        Event note;
        note.call = Call::Message;
        QTest::newRow("default info")
                << note
                << QJsonObject{
                       { "t", 0.0 }, { "actor", "none" }, { "call", "message" }, { "phase", "info" }
                   };
    }

    void toJsonFields()
    {
        QFETCH(Event, event);
        QFETCH(QJsonObject, expected);
        const QJsonObject json = toJson(event);
        QCOMPARE(json.keys(), expected.keys());
        QCOMPARE(json, expected);
    }

    void largeValuesSurviveJson()
    {
        Event event;
        event.ns = Clock::nowNs();
        event.bytes = (qint64(1) << 40) + 1;
        const QJsonObject json = toJson(event);
        QCOMPARE(json.value(QLatin1String("bytes")).toInteger(), event.bytes);
        QCOMPARE(json.value(QLatin1String("t")).toDouble(), Clock::seconds(event.ns));
    }

    void everyCallHasAUniqueName()
    {
        QSet<QString> seen;
        for (int i = 0; i < int(Call::Count); ++i) {
            const QString name = callName(Call(i));
            QVERIFY2(!name.isEmpty(), qPrintable(QString::number(i)));
            QVERIFY2(!seen.contains(name), qPrintable(name));
            seen.insert(name);
        }
        QCOMPARE(seen.size(), int(Call::Count));
        QVERIFY(callName(Call::Count).isEmpty());
    }

    void callNamesArePython_data()
    {
        QTest::addColumn<Call>("call");
        QTest::addColumn<QString>("name");
        QTest::newRow("accept") << Call::Accept << "accept";
        QTest::newRow("connect_ex") << Call::ConnectEx << "connect_ex";
        QTest::newRow("sendall") << Call::SendAll << "sendall";
        QTest::newRow("sendto") << Call::SendTo << "sendto";
        QTest::newRow("recvfrom") << Call::RecvFrom << "recvfrom";
        QTest::newRow("setblocking") << Call::SetBlocking << "setblocking";
        QTest::newRow("settimeout") << Call::SetTimeout << "settimeout";
        QTest::newRow("setup") << Call::Setup << "setup";
        QTest::newRow("handle") << Call::Handle << "handle";
        QTest::newRow("finish") << Call::Finish << "finish";
        QTest::newRow("handle_error") << Call::HandleError << "handle_error";
        QTest::newRow("serve_forever") << Call::ServeForever << "serve_forever";
        QTest::newRow("server_close") << Call::ServerClose << "server_close";
        QTest::newRow("fork") << Call::Fork << "fork";
        QTest::newRow("waitpid") << Call::Reap << "waitpid";
    }

    void callNamesArePython()
    {
        QFETCH(Call, call);
        QFETCH(QString, name);
        QCOMPARE(callName(call), name);
    }

    void phaseAndActorNames()
    {
        const QStringList phases{ phaseName(Phase::Enter), phaseName(Phase::Return),
                                  phaseName(Phase::Error), phaseName(Phase::Info) };
        QCOMPARE(phases, QStringList({ "enter", "return", "error", "info" }));
        const QStringList actors{ actorName(Actor::None),   actorName(Actor::Server),
                                  actorName(Actor::Worker), actorName(Actor::Child),
                                  actorName(Actor::Client), actorName(Actor::Probe) };
        QCOMPARE(actors, QStringList({ "none", "server", "worker", "child", "client", "probe" }));
        // The log's words for a phase read the same in English (the keys stay for JSON).
        const QStringList shown{ EventText::phase(Phase::Enter), EventText::phase(Phase::Return),
                                 EventText::phase(Phase::Error), EventText::phase(Phase::Info) };
        QCOMPARE(shown, phases);
    }

    void errorSentencesAreStrerrors_data()
    {
        QTest::addColumn<int>("err");
        for (const int err :
             { EADDRINUSE,   EADDRNOTAVAIL, EACCES,    ECONNREFUSED, ETIMEDOUT,   ECONNRESET,
               ECONNABORTED, EPIPE,         EAGAIN,    EINPROGRESS,  ENOENT,      EMFILE,
               ENAMETOOLONG, EINVAL,        ECANCELED, ENOTCONN,     ENETUNREACH, EHOSTUNREACH,
               EBADF,        EPERM,         9999 })
            QTest::newRow(qPrintable(errnoName(err))) << err;
    }

    void errorSentencesAreStrerrors()
    {
        // Untranslated, the sentence after "[Errno n]" is the one Python prints: strerror()'s.
        QFETCH(int, err);
        const char *expected = strerrordesc_np(err);
        QCOMPARE(SocketError::sentence(err),
                 expected ? QString::fromLatin1(expected) : QStringLiteral("Unknown error 9999"));
        const QString python = QStringLiteral("%1: [Errno %2] %3")
                                       .arg(pythonExceptionName(err))
                                       .arg(err)
                                       .arg(SocketError::sentence(err));
        QCOMPARE(EventText::pythonError(err), python);
        // A lab stop cancels a call (ECANCELED): no Python exception for that.
        QCOMPARE(SocketError::fromErrno(Call::Bind, err).message(),
                 err == ECANCELED ? QStringLiteral("stopped before bind()") : python);
    }

    void pythonExceptionNames_data()
    {
        QTest::addColumn<int>("err");
        QTest::addColumn<QString>("exception");
        // PEP 3151 as Python 3.11 implements it; checked with type(OSError(e, "")).__name__.
        QTest::newRow("EAGAIN") << EAGAIN << "BlockingIOError";
        QTest::newRow("EWOULDBLOCK") << EWOULDBLOCK << "BlockingIOError";
        QTest::newRow("EALREADY") << EALREADY << "BlockingIOError";
        QTest::newRow("EINPROGRESS") << EINPROGRESS << "BlockingIOError";
        QTest::newRow("ECHILD") << ECHILD << "ChildProcessError";
        QTest::newRow("EPIPE") << EPIPE << "BrokenPipeError";
        QTest::newRow("ESHUTDOWN") << ESHUTDOWN << "BrokenPipeError";
        QTest::newRow("ECONNABORTED") << ECONNABORTED << "ConnectionAbortedError";
        QTest::newRow("ECONNREFUSED") << ECONNREFUSED << "ConnectionRefusedError";
        QTest::newRow("ECONNRESET") << ECONNRESET << "ConnectionResetError";
        QTest::newRow("EEXIST") << EEXIST << "FileExistsError";
        QTest::newRow("ENOENT") << ENOENT << "FileNotFoundError";
        QTest::newRow("EISDIR") << EISDIR << "IsADirectoryError";
        QTest::newRow("ENOTDIR") << ENOTDIR << "NotADirectoryError";
        QTest::newRow("EINTR") << EINTR << "InterruptedError";
        QTest::newRow("EACCES") << EACCES << "PermissionError";
        QTest::newRow("EPERM") << EPERM << "PermissionError";
        QTest::newRow("ESRCH") << ESRCH << "ProcessLookupError";
        QTest::newRow("ETIMEDOUT") << ETIMEDOUT << "TimeoutError";
        QTest::newRow("EADDRINUSE") << EADDRINUSE << "OSError";
        QTest::newRow("EINVAL") << EINVAL << "OSError";
        QTest::newRow("ENOTCONN") << ENOTCONN << "OSError";
        QTest::newRow("EHOSTUNREACH") << EHOSTUNREACH << "OSError";
        QTest::newRow("unknown") << 9999 << "OSError";
    }

    void pythonExceptionNames()
    {
        QFETCH(int, err);
        QFETCH(QString, exception);
        QCOMPARE(pythonExceptionName(err), exception);
    }

    void errnoNames_data()
    {
        QTest::addColumn<int>("err");
        QTest::addColumn<QString>("name");
        QTest::newRow("ECONNREFUSED") << ECONNREFUSED << "ECONNREFUSED";
        QTest::newRow("ECONNRESET") << ECONNRESET << "ECONNRESET";
        QTest::newRow("EADDRINUSE") << EADDRINUSE << "EADDRINUSE";
        QTest::newRow("ETIMEDOUT") << ETIMEDOUT << "ETIMEDOUT";
        QTest::newRow("EPIPE") << EPIPE << "EPIPE";
        QTest::newRow("EINPROGRESS") << EINPROGRESS << "EINPROGRESS";
        QTest::newRow("EWOULDBLOCK is EAGAIN") << EWOULDBLOCK << "EAGAIN";
        QTest::newRow("EBADF") << EBADF << "EBADF";
        QTest::newRow("ENOTCONN") << ENOTCONN << "ENOTCONN";
        QTest::newRow("unknown") << 9999 << "E9999";
    }

    void errnoNames()
    {
        QFETCH(int, err);
        QFETCH(QString, name);
        QCOMPARE(errnoName(err), name);
    }

    void currentTidIsPerThreadAndPerProcess()
    {
        const qint32 mine = currentTid();
        QCOMPARE(mine, qint32(::getpid())); // the test runs on the process's main thread
        QCOMPARE(currentTid(), mine);
        qint32 other = 0;
        std::thread([&other] { other = currentTid(); }).join();
        QVERIFY(other > 0);
        QVERIFY(other != mine);

        // A forked child is a new thread: it must not report the parent's cached id.
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0)
            ::_exit(currentTid() == qint32(::getpid()) && currentTid() != mine ? 0 : 1);
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }
};

QTEST_GUILESS_MAIN(TestEvent)
#include "tst_event.moc"

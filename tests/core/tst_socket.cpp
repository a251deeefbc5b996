// Socket and Address: Python's socket semantics on real loopback and Unix sockets.

#include "labtest.h"

#include <QtTest>
#include <cerrno>
#include <thread>

using namespace labtest;

namespace {

Socket listener(Family family, int backlog, Address *bound, const QString &path = {})
{
    SocketError error;
    Socket socket = Socket::create(family, SOCK_STREAM, &error);
    const std::optional<Address> address = Address::make(family, {}, 0, path);
    socket.bind(*address);
    socket.listen(backlog);
    *bound = socket.sockName();
    return socket;
}

// A port on which nothing listens: bound (so nobody else takes it) but never listening.
Socket closedPort(Family family, Address *address)
{
    SocketError error;
    Socket socket = Socket::create(family, SOCK_STREAM, &error);
    socket.bind(*Address::make(family, {}, 0, {}));
    *address = socket.sockName();
    return socket;
}

} // namespace

class TestSocket : public QObject
{
    Q_OBJECT

private slots:
    void addressesLookLikePython()
    {
        const Address v4 = *Address::inet(QStringLiteral("127.0.0.1"), 5007);
        QCOMPARE(v4.toString(), QStringLiteral("127.0.0.1:5007"));
        QCOMPARE(v4.pythonRepr(), QStringLiteral("('127.0.0.1', 5007)"));
        const Address v6 = *Address::inet6(QStringLiteral("::1"), 5007);
        QCOMPARE(v6.toString(), QStringLiteral("[::1]:5007"));
        QCOMPARE(v6.pythonRepr(), QStringLiteral("('::1', 5007, 0, 0)"));
        const Address un = *Address::unixPath(QStringLiteral("/tmp/x.sock"));
        QCOMPARE(un.pythonRepr(), QStringLiteral("'/tmp/x.sock'"));
        QCOMPARE(Address::unixPath(QStringLiteral("@abstract"))->path(),
                 QStringLiteral("@abstract"));
        QString error;
        QVERIFY(!Address::inet(QStringLiteral("999.1.1.1"), 1, &error));
        QVERIFY(error.contains(QStringLiteral("not an IPv4 address")));
        QVERIFY(!Address::unixPath(QString(200, QLatin1Char('a')), &error));
        QVERIFY2(error.contains(QStringLiteral("too long")), qPrintable(error));
        QCOMPARE(*Address::familyFromKey(QStringLiteral("inet6")), Family::Inet6);
    }

    void bindReportsTheRealPort_data()
    {
        QTest::addColumn<Family>("family");
        QTest::newRow("inet") << Family::Inet;
        QTest::newRow("inet6") << Family::Inet6;
    }
    void bindReportsTheRealPort()
    {
        QFETCH(Family, family);
        Address bound;
        Socket socket = listener(family, 5, &bound);
        QVERIFY(bound.port() != 0);
        QCOMPARE(bound.family(), family);
    }

    void refusedConnectIsConnectionRefusedError_data() { bindReportsTheRealPort_data(); }
    void refusedConnectIsConnectionRefusedError()
    {
        QFETCH(Family, family);
        Address address;
        Socket holder = closedPort(family, &address);
        SocketError error;
        Socket client = Socket::create(family, SOCK_STREAM, &error);
        const SocketError refused = client.connect(address);
        QCOMPARE(refused.code, ECONNREFUSED);
        QCOMPARE(refused.exceptionName(), QStringLiteral("ConnectionRefusedError"));
        QCOMPARE(refused.message(),
                 QStringLiteral("ConnectionRefusedError: [Errno 111] Connection refused"));
        Socket again = Socket::create(family, SOCK_STREAM, &error);
        QCOMPARE(again.connectEx(address), 111); // not the Windows 10061 the handout shows
    }

    void nonBlockingRecvIsBlockingIOError()
    {
        Address bound;
        Socket server = listener(Family::Inet, 5, &bound);
        SocketError error;
        Socket client = Socket::create(Family::Inet, SOCK_STREAM, &error);
        QVERIFY(client.connect(bound).ok());
        QVERIFY(client.setBlocking(false).ok());
        QCOMPARE(client.timeout(), std::optional<double>(0.0));
        client.recv(100, &error);
        QCOMPARE(error.code, EAGAIN);
        QCOMPARE(error.exceptionName(), QStringLiteral("BlockingIOError"));
    }

    void recvTimeoutIsTimeoutError()
    {
        Address bound;
        Socket server = listener(Family::Inet6, 5, &bound);
        SocketError error;
        Socket client = Socket::create(Family::Inet6, SOCK_STREAM, &error);
        QVERIFY(client.connect(bound).ok());
        client.setTimeout(0.05);
        client.recv(100, &error);
        QVERIFY(error.timedOut);
        QCOMPARE(error.message(), QStringLiteral("TimeoutError: timed out"));
    }

    void fullQueueConnectTimesOut()
    {
        // listen(0) holds one finished handshake (backlog + 1); the next client's SYN is dropped.
        Address bound;
        Socket server = listener(Family::Inet, 0, &bound);
        SocketError error;
        Socket first = Socket::create(Family::Inet, SOCK_STREAM, &error);
        QVERIFY(first.connect(bound).ok());
        Socket second = Socket::create(Family::Inet, SOCK_STREAM, &error);
        second.setTimeout(0.3);
        const SocketError timedOut = second.connect(bound);
        QVERIFY2(timedOut.timedOut, qPrintable(timedOut.message()));
        QCOMPARE(timedOut.exceptionName(), QStringLiteral("TimeoutError"));
        Socket third = Socket::create(Family::Inet, SOCK_STREAM, &error);
        third.setTimeout(0.3);
        QCOMPARE(third.connectEx(bound), EWOULDBLOCK); // 11, as CPython reports it
    }

    void fullUnixQueueIsBlockingIOError()
    {
        QTemporaryDir dir;
        Address bound;
        Socket server = listener(Family::Unix, 0, &bound, dir.filePath(QStringLiteral("s")));
        SocketError error;
        Socket first = Socket::create(Family::Unix, SOCK_STREAM, &error);
        QVERIFY(first.connect(bound).ok());
        Socket second = Socket::create(Family::Unix, SOCK_STREAM, &error);
        second.setBlocking(false);
        const SocketError full = second.connect(bound);
        QCOMPARE(full.code, EAGAIN); // not EINPROGRESS: AF_UNIX has no SYN to retry
        QCOMPARE(full.exceptionName(), QStringLiteral("BlockingIOError"));
    }

    void sendAllMovesEverything()
    {
        Address bound;
        Socket server = listener(Family::Inet, 5, &bound);
        SocketError error;
        Socket client = Socket::create(Family::Inet, SOCK_STREAM, &error);
        QVERIFY(client.connect(bound).ok());
        Socket peer = server.accept(nullptr, &error);
        QVERIFY(error.ok());
        QByteArray big(8 * 1024 * 1024, '\0');
        for (int i = 0; i < big.size(); ++i)
            big[i] = char(i * 7);
        QByteArray got;
        std::thread reader([&] {
            SocketError e;
            for (;;) {
                const QByteArray part = peer.recv(1 << 16, &e);
                if (e || part.isEmpty())
                    break;
                got += part;
            }
        });
        // send() alone takes only what fits in the buffers; sendall() loops until all is gone.
        QVERIFY(client.sendAll(big).ok());
        client.shutdown(SHUT_WR);
        reader.join();
        QCOMPARE(got.size(), big.size());
        QVERIFY(got == big);
    }

    void shutdownWakesABlockedAccept()
    {
        EventLog log;
        Address bound;
        Socket server = listener(Family::Inet, 5, &bound);
        Tracer tracer;
        tracer.hub = &log.hub;
        tracer.actor = Actor::Server;
        server.setTracer(tracer);
        SocketError acceptError;
        std::thread acceptor([&] { server.accept(nullptr, &acceptError); });
        QTRY_COMPARE(log.pending(Call::Accept, Actor::Server), 1); // inside accept(2) now
        // close() from another thread would not wake it; shutdown() does.
        ::shutdown(server.fileno(), SHUT_RDWR);
        acceptor.join();
        QCOMPARE(acceptError.code, EINVAL);
        QCOMPARE(log.pending(Call::Accept, Actor::Server), 0);
        QCOMPARE(log.count(Call::Accept, Phase::Error), 1);
    }

    void socketErrorsAreValues()
    {
        SocketError error;
        Socket bad = Socket::create(AF_INET, 12345, &error);
        QVERIFY(!bad.isValid());
        QVERIFY(error.code != 0);
        QCOMPARE(error.call, Call::Socket);
    }
};

QTEST_GUILESS_MAIN(TestSocket)
#include "tst_socket.moc"

// KernelProbe against the real kernel: the accept queue holds backlog + 1, the rest wait in
// SYN_SENT and get in at their next retry; AF_UNIX; another process's listener compared with ss;
// the SYN retry schedule against a real client; a probe that outlives its listener; final ACKs
// dropped at a full queue (client ESTABLISHED, no server row), from constructed rows and for real.

#include "client/clientswarm.h"
#include "labtest.h"
#include "model/connectionmodel.h"
#include "modeltest.h"
#include "probe/kernelprobe.h"
#include "probe/procnet.h"
#include "trace/clock.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cerrno>
#include <netinet/tcp.h>
#include <sys/stat.h>

using namespace labtest;

namespace {

Socket idleListener(Family family, int backlog, Address *bound, const QString &path = {})
{
    SocketError error;
    Socket socket = Socket::create(family, SOCK_STREAM, &error);
    socket.bind(*Address::make(family, {}, 0, path));
    socket.listen(backlog);
    *bound = socket.sockName();
    return socket;
}

SwarmConfig oneByOne(const Address &address, int clients)
{
    SwarmConfig config;
    config.family = address.family();
    config.host = address.host();
    config.port = address.port();
    config.unixPath = address.path();
    config.clients = clients;
    config.holdSeconds = 120;
    // One at a time, so each handshake ends before the next SYN (simultaneous SYNs can pass the
    // full-queue check together and leave one in SYN_RECV: another case, tested on its own).
    config.arrival = Arrival::Every;
    config.everyMs = 40;
    return config;
}

int stage(const ProbeSample &s, ClientStage stage)
{
    return s.stageCounts[int(stage)];
}

int clientsIn(const ProbeSample &s, ClientStage stage)
{
    return int(std::count_if(s.clients.begin(), s.clients.end(),
                             [&](const ClientProbe &c) { return c.stage == stage; }));
}

ConnectionRow row(const QString &local, const QString &remote, int state, quint64 inode = 0)
{
    const auto address = [](const QString &text) {
        const int colon = text.lastIndexOf(QLatin1Char(':'));
        return *Address::inet(text.left(colon), quint16(text.mid(colon + 1).toUInt()));
    };
    ConnectionRow r;
    r.local = address(local);
    r.remote = address(remote);
    r.state = state;
    r.inode = inode;
    return r;
}

// The server's row for a client's 4-tuple, if the sample has one.
const ConnectionRow *serverRowOf(const ProbeSample &s, const ConnectionRow &client)
{
    for (const ConnectionRow &r : s.rows)
        if (r.state != ConnectionRow::Listen && r.local.toString() == client.remote.toString()
            && r.remote.toString() == client.local.toString())
            return &r;
    return nullptr;
}

} // namespace

class TestProbe : public QObject
{
    Q_OBJECT

private slots:
    void queueHoldsBacklogPlusOne_data()
    {
        QTest::addColumn<Family>("family");
        QTest::addColumn<int>("backlog");
        for (Family family : { Family::Inet, Family::Inet6 })
            for (int backlog : { 0, 1, 2, 5 })
                QTest::addRow("%s backlog %d", qPrintable(Address::familyKey(family)), backlog)
                        << family << backlog;
    }
    void queueHoldsBacklogPlusOne()
    {
        QFETCH(Family, family);
        QFETCH(int, backlog);
        Address bound;
        Socket listener = idleListener(family, backlog, &bound);
        ClientSwarm swarm(oneByOne(bound, backlog + 4));
        QString error;
        QVERIFY(swarm.start(&error));

        ProbeTarget target;
        target.family = family;
        target.port = bound.port();
        target.clients = [&swarm] {
            return swarm.liveSockets();
        };
        KernelProbe probe(target);
        ProbeTarget own = target;
        own.ownListenerFd = listener.fileno();
        KernelProbe ownProbe(own);

        QTRY_COMPARE(stage(probe.sample(), ClientStage::Connecting), 3);
        ProbeSample s = probe.sample();
        QVERIFY(s.queue.available);
        QVERIFY(s.queue.listening);
        QVERIFY2(s.queue.source == QStringLiteral("sock_diag"), qPrintable(s.queue.error));
        QCOMPARE(s.queue.queue, backlog + 1);
        QCOMPARE(s.queue.cap, backlog);
        QCOMPARE(stage(s, ClientStage::Queued), backlog + 1);
        QCOMPARE(clientsIn(s, ClientStage::Queued), backlog + 1);
        QCOMPARE(clientsIn(s, ClientStage::Connecting), 3);
        QVERIFY(s.queue.overflows >= 3); // every dropped SYN counts (namespace-wide, so ≥)
        QVERIFY(s.ss.contains(QStringLiteral("ss -lnt 'sport = :%1'").arg(bound.port())));
        const ProbeSample viaTcpInfo = ownProbe.sample();
        QCOMPARE(viaTcpInfo.queue.source, QStringLiteral("tcp_info"));
        QCOMPARE(viaTcpInfo.queue.queue, backlog + 1);
        QCOMPARE(viaTcpInfo.queue.cap, backlog);
        // The fallback source sees the same queue length (it has no cap).
        const auto fromProc = ProcNet::tcpRows(family, bound.port());
        QVERIFY(fromProc);
        const auto procListener
                = std::find_if(fromProc->begin(), fromProc->end(),
                               [](const auto &r) { return r.state == ConnectionRow::Listen; });
        QVERIFY(procListener != fromProc->end());
        QCOMPARE(int(procListener->recvQ), backlog + 1);

        // One accept(): the queue drops at once; a waiting client gets in at its next retry.
        SocketError e;
        Socket accepted = listener.accept(nullptr, &e);
        QVERIFY(e.ok());
        QCOMPARE(probe.sample().queue.queue, backlog);
        QTRY_COMPARE_WITH_TIMEOUT(stage(probe.sample(), ClientStage::Connecting), 2, 10000);
        s = probe.sample();
        QCOMPARE(s.queue.queue, backlog + 1);
        QCOMPARE(stage(s, ClientStage::Accepted), 1);
        QCOMPARE(clientsIn(s, ClientStage::Accepted), 1);
        swarm.stop();
    }

    void unixQueueHoldsBacklogPlusOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("probe.sock"));
        constexpr int backlog = 2;
        Address bound;
        Socket listener = idleListener(Family::Unix, backlog, &bound, path);
        std::vector<Socket> clients;
        SocketError e;
        for (int i = 0; i < backlog + 1; ++i) {
            clients.push_back(Socket::create(Family::Unix, SOCK_STREAM, &e));
            QVERIFY(clients.back().connect(bound).ok());
        }
        Socket extra = Socket::create(Family::Unix, SOCK_STREAM, &e);
        extra.setBlocking(false);
        QCOMPARE(extra.connect(bound).code, EAGAIN);
        ProbeTarget target;
        target.family = Family::Unix;
        target.path = path;
        KernelProbe probe(target);
        const ProbeSample s = probe.sample();
        QVERIFY(s.queue.listening);
        QCOMPARE(s.queue.source, QStringLiteral("unix_diag"));
        QCOMPARE(s.queue.queue, backlog + 1);
        QCOMPARE(s.queue.cap, backlog);
        QCOMPARE(s.ss, QStringLiteral("ss -xl src ") + path);
        // The fallback reads the same count from /proc/net/unix (no backlog there).
        const std::optional<ConnectionRow> fromProc = ProcNet::unixListener(path);
        QVERIFY(fromProc);
        QCOMPARE(int(fromProc->recvQ), backlog + 1);
    }

    void anotherProcessesListenerMatchesSs()
    {
        // A listener this process did not create: /usr/bin/python3 with listen(5), never accepting.
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     { QStringLiteral("-c"),
                       QStringLiteral("import socket, sys, time\n"
                                      "s = socket.socket()\n"
                                      "s.bind(('127.0.0.1', 0))\n"
                                      "s.listen(5)\n"
                                      "print(s.getsockname()[1], flush=True)\n"
                                      "time.sleep(60)\n") });
        QVERIFY(python.waitForReadyRead(10000));
        const quint16 port = quint16(python.readLine().trimmed().toUInt());
        QVERIFY(port != 0);
        ClientSwarm swarm(oneByOne(*Address::inet({}, port), 8));
        QString error;
        QVERIFY(swarm.start(&error));
        ProbeTarget target;
        target.port = port;
        KernelProbe probe(target);
        QTRY_COMPARE(stage(probe.sample(), ClientStage::Connecting), 2);
        const ProbeSample s = probe.sample();
        QCOMPARE(s.queue.queue, 6);
        QCOMPARE(s.queue.cap, 5);
        const QString ss = QStandardPaths::findExecutable(QStringLiteral("ss"));
        QVERIFY2(!ss.isEmpty(), "ss is missing: ./lab installs iproute2");
        QProcess ssRun;
        ssRun.start(ss, { QStringLiteral("-Hlnt"), QStringLiteral("sport = :%1").arg(port) });
        QVERIFY(ssRun.waitForFinished(10000));
        const QList<QByteArray> fields = ssRun.readAllStandardOutput().simplified().split(' ');
        QCOMPARE(fields.value(0), QByteArray("LISTEN"));
        QCOMPARE(fields.value(1).toInt(), s.queue.queue); // Recv-Q
        QCOMPARE(fields.value(2).toInt(), s.queue.cap); // Send-Q
        swarm.stop();
        python.kill();
        python.waitForFinished();
    }

    void retryScheduleMatchesARealClient()
    {
        const KernelSettings settings = KernelSettings::read();
        QVERIFY(settings.somaxconn > 0);
        QCOMPARE(KernelSettings::synSchedule(6, 4),
                 (std::vector<double>{ 1, 2, 3, 4, 5, 7, 11, 19, 35, 67, 131 }));
        QCOMPARE(KernelSettings::synSchedule(6, 0),
                 (std::vector<double>{ 1, 3, 7, 15, 31, 63, 127 }));
        QCOMPARE(KernelSettings::synSchedule(2, 4), (std::vector<double>{ 1, 2, 3, 4, 5, 7 }));

        // A client beyond a full queue, watched for its first three retransmissions.
        Address bound;
        Socket listener = idleListener(Family::Inet, 0, &bound);
        SocketError e;
        Socket first = Socket::create(Family::Inet, SOCK_STREAM, &e);
        QVERIFY(first.connect(bound).ok());
        Socket waiting = Socket::create(Family::Inet, SOCK_STREAM, &e);
        waiting.setBlocking(false);
        const qint64 start = Clock::nowNs();
        QCOMPARE(waiting.connect(bound).code, EINPROGRESS);
        std::vector<double> seen;
        int last = 0;
        while (seen.size() < 3 && Clock::nowNs() - start < 8'000'000'000) {
            tcp_info info{};
            socklen_t length = sizeof info;
            ::getsockopt(waiting.fileno(), IPPROTO_TCP, TCP_INFO, &info, &length);
            if (info.tcpi_total_retrans > quint32(last)) {
                last = int(info.tcpi_total_retrans);
                seen.push_back(Clock::seconds(Clock::nowNs() - start));
            }
            QTest::qWait(10);
        }
        QCOMPARE(int(seen.size()), 3);
        const std::vector<double> expected = settings.synSchedule();
        for (int i = 0; i < 3; ++i)
            QVERIFY2(qAbs(seen[size_t(i)] - expected[size_t(i)]) < 0.4,
                     qPrintable(QStringLiteral("retry %1 at %2 s, expected %3 s")
                                        .arg(i + 1)
                                        .arg(seen[size_t(i)])
                                        .arg(expected[size_t(i)])));
    }

    void udpReceiveBufferAndDrops_data()
    {
        QTest::addColumn<int>("family");
        QTest::newRow("inet") << AF_INET;
        QTest::newRow("inet6") << AF_INET6;
    }
    void udpReceiveBufferAndDrops()
    {
        // A UDP socket nobody reads, with the smallest buffer the kernel allows: datagrams pile
        // up until it is full, then the kernel drops the rest. The probe must report the bytes
        // queued, the buffer size and exactly the datagrams the socket could not keep.
        QFETCH(int, family);
        const int receiver = ::socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        const int sender = ::socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(receiver >= 0 && sender >= 0);
        const int small = 1; // the kernel raises it to its minimum (SOCK_MIN_RCVBUF), doubled
        QCOMPARE(::setsockopt(receiver, SOL_SOCKET, SO_RCVBUF, &small, sizeof small), 0);
        sockaddr_storage address{};
        socklen_t length = 0;
        if (family == AF_INET) {
            auto *in = reinterpret_cast<sockaddr_in *>(&address);
            in->sin_family = AF_INET;
            in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            length = sizeof(sockaddr_in);
        } else {
            auto *in6 = reinterpret_cast<sockaddr_in6 *>(&address);
            in6->sin6_family = AF_INET6;
            in6->sin6_addr = in6addr_loopback;
            length = sizeof(sockaddr_in6);
        }
        QCOMPARE(::bind(receiver, reinterpret_cast<sockaddr *>(&address), length), 0);
        QCOMPARE(::getsockname(receiver, reinterpret_cast<sockaddr *>(&address), &length), 0);
        const quint16 port = family == AF_INET
                ? ntohs(reinterpret_cast<sockaddr_in *>(&address)->sin_port)
                : ntohs(reinterpret_cast<sockaddr_in6 *>(&address)->sin6_port);

        ProbeTarget target;
        target.family = family == AF_INET ? Family::Inet : Family::Inet6;
        target.port = port;
        target.datagram = true;
        target.ownListenerFd = receiver;
        KernelProbe probe(target);
        ProbeSample before = probe.sample();
        QVERIFY(before.datagram.available);
        QVERIFY(before.datagram.bound);
        QCOMPARE(before.datagram.queuedBytes, 0);
        QCOMPARE(before.datagram.drops, 0);
        int rcvbuf = 0;
        socklen_t size = sizeof rcvbuf;
        ::getsockopt(receiver, SOL_SOCKET, SO_RCVBUF, &rcvbuf, &size);
        QCOMPARE(before.datagram.rcvbuf, qint64(rcvbuf));
        QVERIFY(before.ss.contains(QStringLiteral("ss -uanm 'sport = :%1'").arg(port)));

        constexpr int sent = 40;
        const QByteArray payload(100, 'x');
        for (int i = 0; i < sent; ++i) {
            QCOMPARE(::sendto(sender, payload.constData(), size_t(payload.size()), 0,
                              reinterpret_cast<sockaddr *>(&address), length),
                     ssize_t(payload.size()));
        }
        const ProbeSample full = probe.sample();
        QVERIFY2(full.datagram.queuedBytes > 0, "the waiting datagrams take memory");
        QVERIFY(full.datagram.drops > 0); // a 4.5 KiB buffer cannot hold 40 datagrams
        if (full.datagram.rcvbufErrors >= 0) // namespace-wide: at least ours
            QVERIFY(full.datagram.rcvbufErrors >= full.datagram.drops);

        // What the socket kept plus what it dropped is what was sent, to the datagram.
        int kept = 0;
        char buffer[256];
        while (::recv(receiver, buffer, sizeof buffer, MSG_DONTWAIT) == payload.size())
            ++kept;
        QCOMPARE(kept + full.datagram.drops, qint64(sent));
        const ProbeSample drained = probe.sample();
        QCOMPARE(drained.datagram.queuedBytes, 0);
        QCOMPARE(drained.datagram.drops, full.datagram.drops); // the count never goes back
        ::close(sender);
        ::close(receiver);
        // The socket is gone: the probe says so instead of showing stale figures.
        const ProbeSample gone = probe.sample();
        QVERIFY(gone.datagram.available);
        QVERIFY(!gone.datagram.bound);
    }

    void classifiesFinalAckDroppedFromRows()
    {
        // Rows as sock_diag gives them for port 5007: both sides of each connection.
        const QString server = QStringLiteral("127.0.0.1:5007");
        ProbeSample s;
        s.rows = {
            row(server, QStringLiteral("0.0.0.0:0"), ConnectionRow::Listen),
            // 1: connected, the server has no row at all: its final ACK was dropped
            row(QStringLiteral("127.0.0.1:40001"), server, ConnectionRow::Established, 11),
            // 2: connected, server still SYN_RECV
            row(QStringLiteral("127.0.0.1:40002"), server, ConnectionRow::Established, 12),
            row(server, QStringLiteral("127.0.0.1:40002"), ConnectionRow::SynRecv),
            // 3: in the accept queue
            row(QStringLiteral("127.0.0.1:40003"), server, ConnectionRow::Established, 13),
            row(server, QStringLiteral("127.0.0.1:40003"), ConnectionRow::Established),
            // 4: SYN_SENT
            row(QStringLiteral("127.0.0.1:40004"), server, ConnectionRow::SynSent, 14),
            // 5: the same port on another host: not this listener's business
            row(QStringLiteral("127.0.0.1:40005"), QStringLiteral("10.9.8.7:5007"),
                ConnectionRow::Established, 15),
            // 6: accepted
            row(QStringLiteral("127.0.0.1:40006"), server, ConnectionRow::Established, 16),
            row(server, QStringLiteral("127.0.0.1:40006"), ConnectionRow::Established, 99),
        };
        std::vector<ClientSwarm::LiveSocket> ours;
        for (quint32 id = 1; id <= 6; ++id)
            ours.push_back({ id, -1, 10 + id });
        ProbeSample listening = s;
        KernelProbe::classify(listening, 5007, ours);
        QVERIFY(listening.queue.listening);
        QCOMPARE(stage(listening, ClientStage::AckDropped), 1);
        QCOMPARE(stage(listening, ClientStage::HandshakeNotQueued), 1);
        QCOMPARE(stage(listening, ClientStage::Queued), 1);
        QCOMPARE(stage(listening, ClientStage::Connecting), 1);
        QCOMPARE(stage(listening, ClientStage::Accepted), 1);
        const std::vector<ClientStage> expected{
            ClientStage::AckDropped, ClientStage::HandshakeNotQueued,
            ClientStage::Queued,     ClientStage::Connecting,
            ClientStage::Unknown,    ClientStage::Accepted
        };
        QCOMPARE(int(listening.clients.size()), 6);
        for (size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(listening.clients[i].id, quint32(i + 1));
            QCOMPARE(int(listening.clients[i].stage), int(expected[i]));
        }
        QCOMPARE(ProbeSample::stageKey(ClientStage::AckDropped), QStringLiteral("ack-dropped"));

        // Without a listener an ESTABLISHED client with no server row is no dropped ACK.
        ProbeSample noListener = s;
        noListener.rows.erase(noListener.rows.begin());
        KernelProbe::classify(noListener, 5007, ours);
        QVERIFY(!noListener.queue.listening);
        QCOMPARE(stage(noListener, ClientStage::AckDropped), 0);
        QCOMPARE(int(noListener.clients[0].stage), int(ClientStage::Unknown));
    }

    void aWaitingClientShowsItsDroppedAck()
    {
        // A client that connected and sent its request, then probed as AckDropped: the table
        // says so, and the timeline gets a segment of that stage.
        ConnectionModel model;
        model.applyEvents({ modeltest::client(1, Call::Connect, Phase::Enter, 1.0),
                            modeltest::client(1, Call::Connect, Phase::Return, 1.1),
                            modeltest::client(1, Call::SendAll, Phase::Return, 1.2) });
        ProbeSample sample;
        sample.ns = modeltest::ns(1.5);
        sample.clients.push_back({ 1, ClientStage::AckDropped, 0, -1 });
        model.applyProbe(sample);
        const int row = model.rowOf(0, 1);
        QCOMPARE(model.index(row, int(ConnectionModel::Column::Stage)).data().toString(),
                 QStringLiteral("Connected, but the final ACK was dropped: not in the queue"));
        const QVariantList times = model.index(row, 0).data(ConnectionModel::TimesRole).toList();
        QCOMPARE(times.last().toMap().value("kernelStage").toInt(), int(ClientStage::AckDropped));
        QCOMPARE(times.last().toMap().value("start").toDouble(), 1.5);
    }

    void finalAckDroppedAtAFullQueue()
    {
        // The listener holds one connection (listen(0)) and never accepts. Its SYN queue is
        // "full" at once (0 of 0), so with tcp_syncookies every SYN is answered with a cookie
        // and no server row is kept. Each client delays its final ACK (TCP_QUICKACK off), so
        // all SYNs arrive while the accept queue is still empty; then the ACKs (riding on the
        // clients' first bytes) arrive: the first fills the queue, the rest are dropped. Those
        // clients are ESTABLISHED, and the server has no row for them.
        QFile cookies(QStringLiteral("/proc/sys/net/ipv4/tcp_syncookies"));
        if (cookies.open(QIODevice::ReadOnly) && cookies.readAll().trimmed() == "0")
            QSKIP("tcp_syncookies is 0 here: a listen(0) socket then drops every SYN");
        Address bound;
        Socket listener = idleListener(Family::Inet, 0, &bound);
        constexpr int count = 40;
        std::vector<int> fds;
        std::vector<ClientSwarm::LiveSocket> ours;
        for (int i = 0; i < count; ++i) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            QVERIFY(fd >= 0);
            fds.push_back(fd);
            const int off = 0;
            QCOMPARE(::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &off, sizeof off), 0);
            struct stat st
            {
            };
            QCOMPARE(::fstat(fd, &st), 0);
            ours.push_back({ quint32(i + 1), fd, quint64(st.st_ino) });
            const int rc = ::connect(fd, bound.data(), bound.length());
            QVERIFY(rc == 0 || errno == EINPROGRESS);
        }
        for (int fd : fds)
            ::send(fd, "hello", 5, MSG_NOSIGNAL); // SYN_SENT ones fail with EAGAIN: fine

        ProbeTarget target;
        target.port = bound.port();
        target.clients = [&ours] {
            return ours;
        };
        KernelProbe probe(target);
        QTRY_VERIFY(clientsIn(probe.sample(), ClientStage::AckDropped) > 0);
        const ProbeSample s = probe.sample();
        const int dropped = clientsIn(s, ClientStage::AckDropped);
        QVERIFY2(dropped >= count / 2,
                 qPrintable(QStringLiteral("%1 of %2").arg(dropped).arg(count)));
        QCOMPARE(stage(s, ClientStage::AckDropped), dropped); // only our clients on this port
        QCOMPARE(s.queue.queue, 1);
        // Every client called AckDropped is ESTABLISHED with no server row, in the same sample
        // and in /proc/net/tcp, a second source read now.
        const auto proc = ProcNet::tcpRows(Family::Inet, bound.port());
        QVERIFY(proc);
        ProbeSample fromProc;
        fromProc.rows = *proc;
        for (const ClientProbe &c : s.clients) {
            if (c.stage != ClientStage::AckDropped)
                continue;
            const quint64 inode = ours[c.id - 1].inode;
            const auto client
                    = std::find_if(s.rows.begin(), s.rows.end(),
                                   [&](const ConnectionRow &r) { return r.inode == inode; });
            QVERIFY(client != s.rows.end());
            QCOMPARE(client->state, int(ConnectionRow::Established));
            QVERIFY(!serverRowOf(s, *client));
            const auto procClient
                    = std::find_if(fromProc.rows.begin(), fromProc.rows.end(),
                                   [&](const ConnectionRow &r) { return r.inode == inode; });
            QVERIFY(procClient != fromProc.rows.end());
            QCOMPARE(procClient->state, int(ConnectionRow::Established));
            QVERIFY(!serverRowOf(fromProc, *procClient));
            tcp_info info{};
            socklen_t length = sizeof info;
            QCOMPARE(::getsockopt(fds[c.id - 1], IPPROTO_TCP, TCP_INFO, &info, &length), 0);
            QCOMPARE(int(info.tcpi_state), int(ConnectionRow::Established));
        }
        for (int fd : fds)
            ::close(fd);
    }

    void survivesMissingAndVanishingListeners()
    {
        // A port with no socket at all.
        Address free;
        {
            Socket holder = idleListener(Family::Inet, 1, &free);
        }
        ProbeTarget target;
        target.port = free.port();
        KernelProbe probe(target);
        ProbeSample s = probe.sample();
        QVERIFY(s.queue.available);
        QVERIFY(!s.queue.listening);
        QVERIFY(s.rows.empty());

        // A listener that goes away while the probe samples it on its own thread.
        Address bound;
        auto listener = std::make_unique<Socket>(idleListener(Family::Inet, 3, &bound));
        target.port = bound.port();
        target.ownListenerFd = -1;
        KernelProbe running(target);
        running.start(200);
        QTRY_VERIFY(running.latest().queue.listening);
        listener.reset();
        QTRY_VERIFY(!running.latest().queue.listening);
        const quint64 before = running.latest().sequence;
        QTRY_VERIFY(running.latest().sequence > before + 5); // still sampling
        running.stop();

        // A Unix path that does not exist.
        target = {};
        target.family = Family::Unix;
        target.path = QStringLiteral("/nonexistent/socketlab.sock");
        s = KernelProbe(target).sample();
        QVERIFY(s.queue.available);
        QVERIFY(!s.queue.listening);
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"

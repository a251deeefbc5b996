// RunFile: a recorded run written to a .socketlab-run file (gzip JSON lines) and read back field
// for field; the sentences it gives for files that are not runs, cut short, newer, or malformed;
// and a bounded fuzz loop over damaged files.

#include "lab/runfile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/un.h>
#include <zlib.h>

namespace {

Address unnamedUnix()
{
    sockaddr_un un{};
    un.sun_family = AF_UNIX;
    return Address::fromSockaddr(reinterpret_cast<const sockaddr *>(&un),
                                 socklen_t(offsetof(sockaddr_un, sun_path)));
}

ProbeSample makeSample(int seed)
{
    ProbeSample s;
    s.ns = 1'000'000LL * seed + 7;
    s.sequence = quint64(40 + seed);
    s.queue = { true,
                true,
                3 + seed,
                5,
                12,
                13,
                QStringLiteral("sock_diag"),
                QStringLiteral("a \"quoted\"\terror\n中文") };
    s.datagram = { true, true, 4096, 212992, 9, 11, QStringLiteral("/proc/net/udp") };
    ConnectionRow listen;
    listen.local = *Address::inet(QStringLiteral("127.0.0.1"), 40000);
    listen.state = ConnectionRow::Listen;
    listen.recvQ = 3;
    listen.sendQ = 5;
    listen.uid = 1000;
    listen.inode = 123456789012ULL;
    s.rows.push_back(listen);
    ConnectionRow syn;
    syn.local = *Address::inet6(QStringLiteral("::1"), 40001);
    syn.remote = *Address::inet6(QStringLiteral("::1"), 50000 + quint16(seed));
    syn.state = ConnectionRow::SynSent;
    syn.retransmits = 2;
    syn.timer = 1;
    syn.timerMs = 3999;
    s.rows.push_back(syn);
    ConnectionRow unixRow;
    unixRow.local = *Address::unixPath(QStringLiteral("/tmp/lab/s.sock"));
    unixRow.remote = unnamedUnix();
    unixRow.state = ConnectionRow::Established;
    s.rows.push_back(unixRow);
    ConnectionRow abstract;
    abstract.local = *Address::unixPath(QStringLiteral("@lab"));
    abstract.state = ConnectionRow::Listen;
    s.rows.push_back(abstract);
    s.rowsNs = s.ns - 5;
    for (int i = 0; i <= int(ClientStage::Unknown); ++i)
        s.stageCounts[i] = i + seed;
    s.clients = { { 1, ClientStage::Connecting, 2, 1500 },
                  { 2, ClientStage::AckDropped, 0, -1 },
                  { 3, ClientStage::Unknown, 1, 7 } };
    s.ss = QStringLiteral("ss -tan 'sport = :40000'");
    return s;
}

Event makeEvent(qint64 ns, Actor actor, Call call, Phase phase)
{
    Event e;
    e.ns = ns;
    e.actor = actor;
    e.call = call;
    e.phase = phase;
    return e;
}

RunRecord makeRecord()
{
    RunRecord r;
    r.runNumber = 7;
    r.appVersion = QStringLiteral("1.2.3-test");
    r.recordedAtMs = 1'790'000'000'123LL;
    r.speed = 0.25;
    ServerConfig a;
    a.model = ServerModel::Forking;
    a.family = Family::Inet6;
    a.host = QStringLiteral("::1");
    a.port = 41234;
    a.unixPath = QStringLiteral("/tmp/x/ä.sock");
    a.backlog = 3;
    a.handler = HandlerKind::SleepEcho;
    a.delaySeconds = 0.3;
    a.gil = true;
    a.maxMessage = 1234;
    a.maxConnections = 4;
    a.seedLoopCpuCap = 2.5;
    a.origin = 0;
    ServerConfig b = a;
    b.model = ServerModel::ThreadingUdp;
    b.family = Family::Unix;
    b.handler = HandlerKind::SeedFixed;
    b.gil = false;
    b.origin = 1;
    b.delaySeconds = 1e-9;
    r.servers = { a, b };
    RunRecord::Burst burst;
    burst.labNs = 5;
    burst.config.family = Family::Unix;
    burst.config.datagram = true;
    burst.config.host = QStringLiteral("10.0.0.1");
    burst.config.port = 999;
    burst.config.unixPath = QStringLiteral("/tmp/y");
    burst.config.clients = 17;
    burst.config.arrival = Arrival::Every;
    burst.config.everyMs = 33;
    burst.config.message = QByteArray("\0\xff bytes\n", 9);
    burst.config.roundTrips = 3;
    burst.config.thinkSeconds = 0.125;
    burst.config.timeout = 2.5;
    burst.config.connectEx = true;
    burst.config.holdSeconds = 1.5;
    burst.config.synRetries = 2;
    burst.config.origin = 1;
    burst.config.firstId = 18;
    r.bursts.push_back(burst);
    burst.labNs = 2'000'000'000;
    burst.config.arrival = Arrival::OnDemand;
    burst.config.timeout.reset();
    r.bursts.push_back(burst);
    r.pausePoints = { { 0.8, QStringLiteral("Look at the queue."), QStringLiteral("看队列。") },
                      { 1.5, QString(), QString() } };
    r.pauses = { { 800'000'000, 4'000'000'000, 0 }, { 1'900'000'000, 12, -1 } };

    RecordedFrame f1;
    f1.labNs = 0;
    Event accept = makeEvent(-3, Actor::Server, Call::Accept, Phase::Return);
    accept.result = 5;
    accept.pid = 4242;
    accept.tid = 4243;
    accept.connection = 1;
    accept.port = 50123;
    Event refused = makeEvent(10, Actor::Client, Call::Connect, Phase::Error);
    refused.result = -1;
    refused.err = 111;
    refused.actorId = 3;
    refused.origin = 1;
    Event sent = makeEvent(11, Actor::Worker, Call::SendAll, Phase::Enter);
    sent.bytes = 1LL << 40;
    Event info = makeEvent(12, Actor::Probe, Call::Message, Phase::Info);
    f1.events = { accept, refused, sent, info };
    f1.sample = makeSample(1);
    RecordedFrame f2;
    f2.labNs = 33'000'000;
    f2.twinSample = makeSample(2);
    RecordedFrame f3;
    f3.labNs = 33'000'000; // the same time twice: allowed
    f3.events = { makeEvent(33'000'000, Actor::Child, Call::Fork, Phase::Return) };
    f3.sample = makeSample(3);
    f3.twinSample = makeSample(4);
    r.frames = { f1, f2, f3 };
    r.durationNs = 2'500'000'000;
    r.serversStoppedNs = 2'400'000'000;
    return r;
}

// The first difference between two records, named; empty when every field is equal.
QString difference(const RunRecord &a, const RunRecord &b)
{
    QStringList out;
    auto check = [&](bool same, const QString &what) {
        if (!same && out.isEmpty())
            out << what;
    };
    auto sameAddress = [](const Address &x, const Address &y) {
        return x.isValid() == y.isValid() && x.length() == y.length()
                && (!x.isValid()
                    || (x.family() == y.family() && x.toString() == y.toString()
                        && x.path() == y.path()));
    };
    check(a.runNumber == b.runNumber, QStringLiteral("runNumber"));
    check(a.appVersion == b.appVersion, QStringLiteral("appVersion"));
    check(a.recordedAtMs == b.recordedAtMs, QStringLiteral("recordedAtMs"));
    check(a.speed == b.speed, QStringLiteral("speed"));
    check(a.durationNs == b.durationNs, QStringLiteral("durationNs"));
    check(a.serversStoppedNs == b.serversStoppedNs, QStringLiteral("serversStoppedNs"));
    check(a.servers.size() == b.servers.size(), QStringLiteral("servers"));
    for (size_t i = 0; out.isEmpty() && i < a.servers.size(); ++i) {
        const ServerConfig &x = a.servers[i], &y = b.servers[i];
        const QString at = QStringLiteral("servers[%1].").arg(i);
        check(x.model == y.model, at + QStringLiteral("model"));
        check(x.family == y.family, at + QStringLiteral("family"));
        check(x.host == y.host, at + QStringLiteral("host"));
        check(x.port == y.port, at + QStringLiteral("port"));
        check(x.unixPath == y.unixPath, at + QStringLiteral("unixPath"));
        check(x.backlog == y.backlog, at + QStringLiteral("backlog"));
        check(x.handler == y.handler, at + QStringLiteral("handler"));
        check(x.delaySeconds == y.delaySeconds, at + QStringLiteral("delaySeconds"));
        check(x.gil == y.gil, at + QStringLiteral("gil"));
        check(x.maxMessage == y.maxMessage, at + QStringLiteral("maxMessage"));
        check(x.maxConnections == y.maxConnections, at + QStringLiteral("maxConnections"));
        check(x.seedLoopCpuCap == y.seedLoopCpuCap, at + QStringLiteral("seedLoopCpuCap"));
        check(x.origin == y.origin, at + QStringLiteral("origin"));
    }
    check(a.bursts.size() == b.bursts.size(), QStringLiteral("bursts"));
    for (size_t i = 0; out.isEmpty() && i < a.bursts.size(); ++i) {
        const SwarmConfig &x = a.bursts[i].config, &y = b.bursts[i].config;
        const QString at = QStringLiteral("bursts[%1].").arg(i);
        check(a.bursts[i].labNs == b.bursts[i].labNs, at + QStringLiteral("labNs"));
        check(x.family == y.family, at + QStringLiteral("family"));
        check(x.datagram == y.datagram, at + QStringLiteral("datagram"));
        check(x.host == y.host, at + QStringLiteral("host"));
        check(x.port == y.port, at + QStringLiteral("port"));
        check(x.unixPath == y.unixPath, at + QStringLiteral("unixPath"));
        check(x.clients == y.clients, at + QStringLiteral("clients"));
        check(x.arrival == y.arrival, at + QStringLiteral("arrival"));
        check(x.everyMs == y.everyMs, at + QStringLiteral("everyMs"));
        check(x.message == y.message, at + QStringLiteral("message"));
        check(x.roundTrips == y.roundTrips, at + QStringLiteral("roundTrips"));
        check(x.thinkSeconds == y.thinkSeconds, at + QStringLiteral("thinkSeconds"));
        check(x.timeout == y.timeout, at + QStringLiteral("timeout"));
        check(x.connectEx == y.connectEx, at + QStringLiteral("connectEx"));
        check(x.holdSeconds == y.holdSeconds, at + QStringLiteral("holdSeconds"));
        check(x.synRetries == y.synRetries, at + QStringLiteral("synRetries"));
        check(x.origin == y.origin, at + QStringLiteral("origin"));
        check(x.firstId == y.firstId, at + QStringLiteral("firstId"));
    }
    check(a.pausePoints.size() == b.pausePoints.size(), QStringLiteral("pausePoints"));
    for (size_t i = 0; out.isEmpty() && i < a.pausePoints.size(); ++i) {
        const QString at = QStringLiteral("pausePoints[%1].").arg(i);
        check(a.pausePoints[i].atSeconds == b.pausePoints[i].atSeconds, at + "atSeconds");
        check(a.pausePoints[i].noteEn == b.pausePoints[i].noteEn, at + "noteEn");
        check(a.pausePoints[i].noteZh == b.pausePoints[i].noteZh, at + "noteZh");
    }
    check(a.pauses.size() == b.pauses.size(), QStringLiteral("pauses"));
    for (size_t i = 0; out.isEmpty() && i < a.pauses.size(); ++i) {
        const QString at = QStringLiteral("pauses[%1].").arg(i);
        check(a.pauses[i].labNs == b.pauses[i].labNs, at + "labNs");
        check(a.pauses[i].pausedNs == b.pauses[i].pausedNs, at + "pausedNs");
        check(a.pauses[i].pausePoint == b.pauses[i].pausePoint, at + "pausePoint");
    }
    auto compareSample = [&](const std::optional<ProbeSample> &ox,
                             const std::optional<ProbeSample> &oy, const QString &at) {
        check(ox.has_value() == oy.has_value(), at);
        if (!ox || !oy)
            return;
        const ProbeSample &x = *ox, &y = *oy;
        check(x.ns == y.ns, at + "ns");
        check(x.sequence == y.sequence, at + "sequence");
        const QueueSnapshot &qx = x.queue, &qy = y.queue;
        check(qx.available == qy.available && qx.listening == qy.listening && qx.queue == qy.queue
                      && qx.cap == qy.cap && qx.overflows == qy.overflows && qx.drops == qy.drops
                      && qx.source == qy.source && qx.error == qy.error,
              at + "queue");
        const DatagramSnapshot &dx = x.datagram, &dy = y.datagram;
        check(dx.available == dy.available && dx.bound == dy.bound
                      && dx.queuedBytes == dy.queuedBytes && dx.rcvbuf == dy.rcvbuf
                      && dx.drops == dy.drops && dx.rcvbufErrors == dy.rcvbufErrors
                      && dx.source == dy.source,
              at + "datagram");
        check(x.rows.size() == y.rows.size(), at + "rows");
        for (size_t i = 0; out.isEmpty() && i < x.rows.size(); ++i) {
            const ConnectionRow &rx = x.rows[i], &ry = y.rows[i];
            check(sameAddress(rx.local, ry.local) && sameAddress(rx.remote, ry.remote)
                          && rx.state == ry.state && rx.recvQ == ry.recvQ && rx.sendQ == ry.sendQ
                          && rx.uid == ry.uid && rx.inode == ry.inode
                          && rx.retransmits == ry.retransmits && rx.timer == ry.timer
                          && rx.timerMs == ry.timerMs,
                  at + QStringLiteral("rows[%1]").arg(i));
        }
        check(x.rowsNs == y.rowsNs, at + "rowsNs");
        check(std::equal(std::begin(x.stageCounts), std::end(x.stageCounts),
                         std::begin(y.stageCounts)),
              at + "stageCounts");
        check(x.clients.size() == y.clients.size(), at + "clients");
        for (size_t i = 0; out.isEmpty() && i < x.clients.size(); ++i) {
            const ClientProbe &cx = x.clients[i], &cy = y.clients[i];
            check(cx.id == cy.id && cx.stage == cy.stage && cx.synRetransmits == cy.synRetransmits
                          && cx.nextRetryMs == cy.nextRetryMs,
                  at + QStringLiteral("clients[%1]").arg(i));
        }
        check(x.ss == y.ss, at + "ss");
    };
    check(a.frames.size() == b.frames.size(), QStringLiteral("frames"));
    for (size_t i = 0; out.isEmpty() && i < a.frames.size(); ++i) {
        const RecordedFrame &x = a.frames[i], &y = b.frames[i];
        const QString at = QStringLiteral("frames[%1].").arg(i);
        check(x.labNs == y.labNs, at + "labNs");
        check(x.events.size() == y.events.size(), at + "events");
        for (size_t j = 0; out.isEmpty() && j < x.events.size(); ++j) {
            const Event &ex = x.events[j], &ey = y.events[j];
            check(std::memcmp(&ex, &ey, sizeof(Event)) == 0
                          || (ex.ns == ey.ns && ex.result == ey.result && ex.bytes == ey.bytes
                              && ex.pid == ey.pid && ex.tid == ey.tid && ex.actorId == ey.actorId
                              && ex.connection == ey.connection && ex.err == ey.err
                              && ex.origin == ey.origin && ex.port == ey.port
                              && ex.actor == ey.actor && ex.call == ey.call
                              && ex.phase == ey.phase),
                  at + QStringLiteral("events[%1]").arg(j));
        }
        compareSample(x.sample, y.sample, at + "sample.");
        compareSample(x.twinSample, y.twinSample, at + "twinSample.");
    }
    return out.join(QString());
}

QByteArray gzip(const QByteArray &text)
{
    z_stream s{};
    deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&s, uLong(text.size()))), '\0');
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(text.constData()));
    s.avail_in = uInt(text.size());
    s.next_out = reinterpret_cast<Bytef *>(out.data());
    s.avail_out = uInt(out.size());
    deflate(&s, Z_FINISH);
    out.resize(qsizetype(s.total_out));
    deflateEnd(&s);
    return out;
}

QByteArray gunzip(const QByteArray &bytes)
{
    z_stream s{};
    inflateInit2(&s, 15 + 16);
    QByteArray out;
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    s.avail_in = uInt(bytes.size());
    int status = Z_OK;
    while (status == Z_OK) {
        char buffer[1 << 16];
        s.next_out = reinterpret_cast<Bytef *>(buffer);
        s.avail_out = sizeof buffer;
        status = inflate(&s, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - s.avail_out));
    }
    inflateEnd(&s);
    return out;
}

QString decodeError(const QByteArray &bytes)
{
    QString error;
    const auto record = RunFile::decode(bytes, &error);
    return record ? QStringLiteral("(decoded)") : error;
}

} // namespace

class TestRunFile : public QObject
{
    Q_OBJECT

private slots:
    void everyFieldSurvivesEncodeAndDecode()
    {
        const RunRecord record = makeRecord();
        const QByteArray bytes = RunFile::encode(record);
        QVERIFY(bytes.startsWith("\x1f\x8b"));
        QString error;
        const auto decoded = RunFile::decode(bytes, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(difference(record, *decoded), QString());
        QCOMPARE(decoded->eventCount(), size_t(5));

        // The comparison itself can fail: one field changed is named.
        RunRecord changed = *decoded;
        changed.frames[2].twinSample->clients[1].nextRetryMs = 5;
        QCOMPARE(difference(record, changed), QStringLiteral("frames[2].twinSample.clients[1]"));
        changed = *decoded;
        changed.frames[0].events[1].err = 110;
        QCOMPARE(difference(record, changed), QStringLiteral("frames[0].events[1]"));
    }

    void anEmptyRunToo()
    {
        QString error;
        const auto decoded = RunFile::decode(RunFile::encode(RunRecord()), &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(difference(RunRecord(), *decoded), QString());
    }

    void linesAreWhatTheFormatSays()
    {
        const QList<QByteArray> lines = gunzip(RunFile::encode(makeRecord())).split('\n');
        // header, 2 bursts, 2 pauses, 3 frames, and the empty piece after the last newline
        QCOMPARE(lines.size(), 9);
        QVERIFY(lines[0].startsWith("{\"format\":\"socketlab-run\",\"version\":1,"));
        QVERIFY(lines.last().isEmpty());
        // In lab-time order: the frame at 0, the burst at 5 ns, two frames at 33 ms, the pauses at
        // 0.8 s and 1.9 s, the burst at 2 s.
        QVERIFY(lines[1].startsWith("{\"t\":0,\"e\":[[-3,1,4,1,0,0,1,4242,4243,5,0,0,50123],"));
        QVERIFY(lines[2].startsWith("{\"burst\":"));
        QVERIFY(lines[3].startsWith("{\"t\":33000000,\"e\":[],\"b\":{"));
        QVERIFY(lines[4].startsWith("{\"t\":33000000,"));
        QVERIFY(lines[5].startsWith("{\"pause\":"));
        QVERIFY(lines[6].startsWith("{\"pause\":"));
        QVERIFY(lines[7].startsWith("{\"burst\":"));
        // Trailing zero fields of an event are left out: Message/Info at 12 ns by the probe.
        QVERIFY(lines[1].contains(",[12,5,29,3]]"));
    }

    void saveThenOpen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("run") + RunFile::suffix);
        QString error;
        QVERIFY2(RunFile::save(makeRecord(), path, &error), qPrintable(error));
        const auto opened = RunFile::open(path, &error);
        QVERIFY2(opened, qPrintable(error));
        QCOMPARE(difference(makeRecord(), *opened), QString());

        // zcat shows it: line 1 is the header.
        const QString gzipProgram = QStandardPaths::findExecutable(QStringLiteral("gzip"));
        // gzip is an essential package on Debian: its absence is a broken machine, not a skip.
        QVERIFY2(!gzipProgram.isEmpty(), "gzip is not installed");
        QProcess zcat;
        zcat.start(gzipProgram, { QStringLiteral("-dc"), path });
        QVERIFY(zcat.waitForFinished(10000));
        QCOMPARE(zcat.exitCode(), 0);
        const QByteArray text = zcat.readAllStandardOutput();
        const QJsonDocument header = QJsonDocument::fromJson(text.left(text.indexOf('\n')));
        QCOMPARE(header.object().value(QStringLiteral("format")).toString(),
                 QStringLiteral("socketlab-run"));
        QCOMPARE(header.object().value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(text, gunzip(RunFile::encode(makeRecord())));

        // A failed save leaves the file that was there as it was.
        QVERIFY(!RunFile::save(makeRecord(), dir.filePath(QStringLiteral("no/such/dir/x")),
                               &error));
        QVERIFY2(error.startsWith(QStringLiteral("The run cannot be saved to ")),
                 qPrintable(error));
    }

    void aFileThatCannotBeRead()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!RunFile::open(dir.filePath(QStringLiteral("missing.socketlab-run")), &error));
        QVERIFY2(error.contains(QStringLiteral("cannot be read"))
                         && error.contains(QStringLiteral("No such file")),
                 qPrintable(error));
    }

    void namedErrors()
    {
        const QByteArray good = RunFile::encode(makeRecord());
        QString error = decodeError(good.left(good.size() / 2));
        QVERIFY2(error.contains(QStringLiteral("truncated")), qPrintable(error));

        error = decodeError(good.left(12)); // the gzip header and barely a byte of the text
        QVERIFY2(error.contains(QStringLiteral("truncated"))
                         || error.contains(QStringLiteral("not a SocketLab run file")),
                 qPrintable(error));

        // Complete gzip, but the last line has no end.
        QByteArray text = gunzip(good);
        text.chop(1);
        error = decodeError(gzip(text));
        QVERIFY2(error.contains(QStringLiteral("truncated")), qPrintable(error));

        // A run file whose header line is damaged is named as such, not as some other file.
        text = gunzip(good);
        text.replace("\"durationNs\":", "\"durationNs\"");
        error = decodeError(gzip(text));
        QVERIFY2(error.startsWith(QStringLiteral("Line 1 of the run file is malformed: not JSON")),
                 qPrintable(error));

        text = gunzip(good);
        text.replace("\"version\":1,", "\"version\":2,");
        error = decodeError(gzip(text));
        QCOMPARE(error,
                 QStringLiteral("This run was recorded by a newer SocketLab (run file format 2; "
                                "this version reads up to 1)."));

        QRandomGenerator random(20261202);
        QByteArray noise(4096, '\0');
        for (char &c : noise)
            c = char(random.bounded(256));
        QCOMPARE(decodeError(noise), QStringLiteral("This is not a SocketLab run file."));
        noise[0] = char(0x1f); // looks like gzip for two bytes
        noise[1] = char(0x8b);
        QVERIFY2(decodeError(noise).contains(QStringLiteral("not a SocketLab run file"))
                         || decodeError(noise).contains(QStringLiteral("damaged")),
                 qPrintable(decodeError(noise)));
        QCOMPARE(decodeError(gzip("just some text\nover two lines\n")),
                 QStringLiteral("This is not a SocketLab run file."));
        QCOMPARE(decodeError(gzip("{\"format\":\"something-else\",\"version\":1}\n")),
                 QStringLiteral("This is not a SocketLab run file."));
        QCOMPARE(decodeError(gzip(QByteArray())),
                 QStringLiteral("This is not a SocketLab run file."));
        QCOMPARE(decodeError(QByteArray()),
                 QStringLiteral("The file is empty: it is not a SocketLab run file."));

        // Line 3 malformed in several ways: each names line 3 and what is wrong.
        const QList<QByteArray> lines = gunzip(good).split('\n');
        auto withLine3 = [&](const QByteArray &line3) {
            QList<QByteArray> copy = lines;
            copy[2] = line3;
            return decodeError(gzip(copy.join('\n')));
        };
        const struct
        {
            QByteArray line;
            QString says;
        } cases[] = {
            { "{\"t\":1,\"e\":[[1,2,3", QStringLiteral("not JSON") },
            { "[1,2]", QStringLiteral("not a JSON object") },
            { "{\"x\":1}", QStringLiteral("neither a frame, a burst nor a pause") },
            { "{\"t\":1}", QStringLiteral("\u201ce\u201d is missing") },
            { "{\"t\":-1,\"e\":[]}", QStringLiteral("\u201ct\u201d is out of range (-1)") },
            { "{\"t\":1.5,\"e\":[]}", QStringLiteral("\u201ct\u201d is not a whole number") },
            { "{\"t\":1,\"e\":[[1,6,3,0]]}",
              QStringLiteral("\u201cevent field actor\u201d is out of range (6)") },
            { "{\"t\":1,\"e\":[[1,1,30,0]]}",
              QStringLiteral("\u201cevent field call\u201d is out of range (30)") },
            { "{\"t\":1,\"e\":[[1,1,3,4]]}",
              QStringLiteral("\u201cevent field phase\u201d is out of range (4)") },
            { "{\"t\":1,\"e\":[[1,1,3]]}", QStringLiteral("an event is not an array") },
            { "{\"pause\":{\"t\":1,\"pausedNs\":1,\"point\":2}}",
              QStringLiteral("\u201cpoint\u201d is out of range (2)") },
            { "{\"burst\":{\"t\":1}}", QStringLiteral("\u201cfamily\u201d is missing") },
        };
        for (const auto &c : cases) {
            error = withLine3(c.line);
            QVERIFY2(error.startsWith(QStringLiteral("Line 3 of the run file is malformed: "))
                             && error.contains(c.says),
                     qPrintable(c.line + " → " + error));
        }
        // Times that go back: the frame after the last one is at t = 1 (< 33 ms).
        QList<QByteArray> copy = lines;
        copy.insert(copy.size() - 1, "{\"t\":1,\"e\":[]}");
        error = decodeError(gzip(copy.join('\n')));
        QVERIFY2(error.contains(QStringLiteral("the time goes back")), qPrintable(error));
        // An out-of-range enum in the header (ServerModel 5) and in a sample (ClientStage 7).
        text = gunzip(good);
        text.replace("\"model\":2,", "\"model\":5,");
        error = decodeError(gzip(text));
        QVERIFY2(error.startsWith(QStringLiteral("Line 1 of the run file is malformed: "
                                                 "\u201cmodel\u201d is out of range (5)")),
                 qPrintable(error));
        text = gunzip(good);
        text.replace("[3,6,1,7]", "[3,7,1,7]");
        error = decodeError(gzip(text));
        QVERIFY2(error.contains(QStringLiteral("a client's field")), qPrintable(error));
    }

    void damagedFilesNeverCrash()
    {
        const QByteArray good = RunFile::encode(makeRecord());
        const QByteArray text = gunzip(good);
        QRandomGenerator random(42);
        QElapsedTimer timer;
        timer.start();
        int decoded = 0, failed = 0;
        for (int round = 0; round < 2000 && timer.elapsed() < 4000; ++round) {
            // Half the rounds damage the gzip bytes, half the text (then compress it again, so
            // the JSON reader meets the damage).
            const bool compressed = round % 2 == 0;
            QByteArray bytes = compressed ? good : text;
            const int edits = 1 + int(random.bounded(4));
            for (int i = 0; i < edits; ++i) {
                const int at = int(random.bounded(bytes.size()));
                switch (random.bounded(3)) {
                case 0:
                    bytes[at] = char(random.bounded(256));
                    break;
                case 1:
                    bytes.remove(at, 1 + int(random.bounded(8)));
                    break;
                default:
                    bytes.insert(at, char(random.bounded(256)));
                    break;
                }
            }
            QString error;
            const auto record = RunFile::decode(compressed ? bytes : gzip(bytes), &error);
            if (record) {
                ++decoded;
            } else {
                QVERIFY(!error.isEmpty());
                ++failed;
            }
        }
        qInfo("%d damaged files decoded, %d refused, in %lld ms", decoded, failed, timer.elapsed());
        QVERIFY(failed > 0);
    }
};

QTEST_MAIN(TestRunFile)
#include "tst_runfile.moc"

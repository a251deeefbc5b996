#include "runfilereader.h"

#include "lab/runfile.h"

#include <QCoreApplication>
#include <climits>
#include <cmath>
#include <sys/un.h>

namespace {

// The last valid value of each enum a run file stores as a number.
constexpr qint64 kActorMax = qint64(Actor::Probe);
constexpr qint64 kCallMax = qint64(Call::Count) - 1;
constexpr qint64 kPhaseMax = qint64(Phase::Info);
constexpr qint64 kModelMax = qint64(ServerModel::ThreadingUdp);
constexpr qint64 kHandlerMax = qint64(HandlerKind::SeedFixed);
constexpr qint64 kFamilyMax = qint64(Family::Unix);
constexpr qint64 kArrivalMax = qint64(Arrival::OnDemand);
constexpr qint64 kStageMax = qint64(ClientStage::Unknown);

// Thrown inside the reader with the sentence to give; never leaves readLine().
struct Failure
{
    QString message;
};

QString quoted(const QString &key)
{
    return QStringLiteral("\u201c%1\u201d").arg(key);
}

} // namespace

bool RunFileReader::readLine(const char *data, qsizetype size, QString *error)
{
    try {
        read(data, size);
    } catch (const Failure &failure) {
        if (error)
            *error = failure.message;
        return false;
    }
    return true;
}

void RunFileReader::read(const char *data, qsizetype size)
{
    ++m_lineNumber;
    QJsonParseError parseError;
    const QJsonDocument doc
            = QJsonDocument::fromJson(QByteArray::fromRawData(data, size), &parseError);
    if (!m_haveHeader) {
        // A run file's header that is damaged: say so, rather than "not a run file".
        if (parseError.error != QJsonParseError::NoError
            && QByteArray::fromRawData(data, size).startsWith(RunFile::headerStart))
            malformed(RunFile::tr("not JSON (%1 at byte %2)")
                              .arg(parseError.errorString())
                              .arg(parseError.offset + 1));
        header(doc, parseError);
        return;
    }
    if (parseError.error != QJsonParseError::NoError)
        malformed(RunFile::tr("not JSON (%1 at byte %2)")
                          .arg(parseError.errorString())
                          .arg(parseError.offset + 1));
    if (!doc.isObject())
        malformed(RunFile::tr("not a JSON object"));
    const QJsonObject object = doc.object();
    if (object.contains(QLatin1String("t")))
        frame(object);
    else if (object.contains(QLatin1String("burst")))
        burst(object.value(QLatin1String("burst")));
    else if (object.contains(QLatin1String("pause")))
        pause(object.value(QLatin1String("pause")));
    else
        malformed(RunFile::tr("it is neither a frame, a burst nor a pause"));
}

void RunFileReader::malformed(const QString &what) const
{
    throw Failure{
        RunFile::tr("Line %1 of the run file is malformed: %2.").arg(m_lineNumber).arg(what)
    };
}

void RunFileReader::header(const QJsonDocument &doc, const QJsonParseError &parseError)
{
    const QJsonObject object = doc.object();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()
        || object.value(QLatin1String("format")).toString() != QLatin1String(RunFile::format))
        throw Failure{ RunFile::tr("This is not a SocketLab run file.") };
    const qint64 v = integer(object, "version", 1, INT_MAX);
    if (v > RunRecord::formatVersion)
        throw Failure{ RunFile::tr(
                               "This run was recorded by a newer SocketLab (run file format %1; "
                               "this version reads up to %2).")
                               .arg(v)
                               .arg(RunRecord::formatVersion) };
    m_record.appVersion = string(object, "app");
    m_record.runNumber = int(integer(object, "run", 0, INT_MAX));
    m_record.recordedAtMs = integer(object, "recordedAt", LLONG_MIN, LLONG_MAX);
    m_record.speed = real(object, "speed");
    if (!(m_record.speed > 0))
        malformed(RunFile::tr("%1 is not a positive number").arg(quoted(QStringLiteral("speed"))));
    for (const QJsonValue &value : array(object, "servers"))
        m_record.servers.push_back(server(asObject(value, QStringLiteral("servers"))));
    for (const QJsonValue &value : array(object, "pausePoints")) {
        const QJsonObject p = asObject(value, QStringLiteral("pausePoints"));
        m_record.pausePoints.push_back({ real(p, "at"), string(p, "en"), string(p, "zh") });
    }
    m_record.durationNs = integer(object, "durationNs", 0, LLONG_MAX);
    m_record.serversStoppedNs = integer(object, "serversStoppedNs", -1, LLONG_MAX);
    m_haveHeader = true;
}

ServerConfig RunFileReader::server(const QJsonObject &o) const
{
    ServerConfig s;
    s.model = ServerModel(integer(o, "model", 0, kModelMax));
    s.family = Family(integer(o, "family", 0, kFamilyMax));
    s.host = string(o, "host");
    s.port = quint16(integer(o, "port", 0, 65535));
    s.unixPath = string(o, "unixPath");
    s.backlog = int(integer(o, "backlog", INT_MIN, INT_MAX));
    s.handler = HandlerKind(integer(o, "handler", 0, kHandlerMax));
    s.delaySeconds = real(o, "delay");
    s.gil = boolean(o, "gil");
    s.maxMessage = integer(o, "maxMessage", LLONG_MIN, LLONG_MAX);
    s.maxConnections = int(integer(o, "maxConnections", INT_MIN, INT_MAX));
    s.seedLoopCpuCap = real(o, "seedLoopCpuCap");
    s.origin = quint16(integer(o, "origin", 0, 65535));
    return s;
}

void RunFileReader::burst(const QJsonValue &value)
{
    const QJsonObject o = asObject(value, QStringLiteral("burst"));
    RunRecord::Burst b;
    b.labNs = integer(o, "t", 0, LLONG_MAX);
    if (!m_record.bursts.empty() && b.labNs < m_record.bursts.back().labNs)
        malformed(RunFile::tr("the time goes back (%1 ns after %2 ns)")
                          .arg(b.labNs)
                          .arg(m_record.bursts.back().labNs));
    SwarmConfig &c = b.config;
    c.family = Family(integer(o, "family", 0, kFamilyMax));
    c.datagram = boolean(o, "datagram");
    c.host = string(o, "host");
    c.port = quint16(integer(o, "port", 0, 65535));
    c.unixPath = string(o, "unixPath");
    c.clients = int(integer(o, "clients", INT_MIN, INT_MAX));
    c.arrival = Arrival(integer(o, "arrival", 0, kArrivalMax));
    c.everyMs = int(integer(o, "everyMs", INT_MIN, INT_MAX));
    c.message = QByteArray::fromBase64(string(o, "message").toLatin1());
    c.roundTrips = int(integer(o, "roundTrips", INT_MIN, INT_MAX));
    c.thinkSeconds = real(o, "think");
    const QJsonValue timeout = required(o, "timeout");
    if (timeout.isNull())
        c.timeout.reset();
    else
        c.timeout = real(o, "timeout");
    c.connectEx = boolean(o, "connectEx");
    c.holdSeconds = real(o, "hold");
    c.synRetries = int(integer(o, "synRetries", INT_MIN, INT_MAX));
    c.origin = quint16(integer(o, "origin", 0, 65535));
    c.firstId = quint32(integer(o, "firstId", 0, UINT_MAX));
    m_record.bursts.push_back(std::move(b));
}

void RunFileReader::pause(const QJsonValue &value)
{
    const QJsonObject o = asObject(value, QStringLiteral("pause"));
    RecordedPause p;
    p.labNs = integer(o, "t", 0, LLONG_MAX);
    if (!m_record.pauses.empty() && p.labNs < m_record.pauses.back().labNs)
        malformed(RunFile::tr("the time goes back (%1 ns after %2 ns)")
                          .arg(p.labNs)
                          .arg(m_record.pauses.back().labNs));
    p.pausedNs = integer(o, "pausedNs", 0, LLONG_MAX);
    p.pausePoint = int(integer(o, "point", -1, qint64(m_record.pausePoints.size()) - 1));
    m_record.pauses.push_back(p);
}

void RunFileReader::frame(const QJsonObject &o)
{
    RecordedFrame f;
    f.labNs = integer(o, "t", 0, LLONG_MAX);
    if (!m_record.frames.empty() && f.labNs < m_record.frames.back().labNs)
        malformed(RunFile::tr("the time goes back (%1 ns after %2 ns)")
                          .arg(f.labNs)
                          .arg(m_record.frames.back().labNs));
    const QJsonArray events = array(o, "e");
    f.events.reserve(size_t(events.size()));
    for (const QJsonValue &value : events)
        f.events.push_back(event(value));
    if (o.contains(QLatin1String("a")))
        f.sample = sample(o.value(QLatin1String("a")), QStringLiteral("a"));
    if (o.contains(QLatin1String("b")))
        f.twinSample = sample(o.value(QLatin1String("b")), QStringLiteral("b"));
    m_record.frames.push_back(std::move(f));
}

Event RunFileReader::event(const QJsonValue &value) const
{
    const QJsonArray a = value.toArray();
    if (!value.isArray() || a.size() < RunFile::eventFieldsRequired
        || a.size() > RunFile::eventFields)
        malformed(RunFile::tr("an event is not an array of %1 to %2 numbers")
                          .arg(RunFile::eventFieldsRequired)
                          .arg(RunFile::eventFields));
    qint64 f[RunFile::eventFields] = {};
    static const qint64 limits[RunFile::eventFields][2] = {
        { LLONG_MIN, LLONG_MAX },
        { 0, kActorMax },
        { 0, kCallMax },
        { 0, kPhaseMax },
        { 0, 65535 },
        { 0, UINT_MAX },
        { 0, UINT_MAX },
        { INT_MIN, INT_MAX },
        { INT_MIN, INT_MAX },
        { LLONG_MIN, LLONG_MAX },
        { LLONG_MIN, LLONG_MAX },
        { INT_MIN, INT_MAX },
        { 0, 65535 },
    };
    static const char *const names[RunFile::eventFields] = {
        "ns",  "actor", "call",   "phase", "origin", "actorId", "connection",
        "pid", "tid",   "result", "bytes", "err",    "port",
    };
    for (int i = 0; i < a.size(); ++i)
        f[i] = integer(a.at(i), RunFile::tr("event field %1").arg(QLatin1String(names[i])),
                       limits[i][0], limits[i][1]);
    Event e;
    e.ns = f[0];
    e.actor = Actor(f[1]);
    e.call = Call(f[2]);
    e.phase = Phase(f[3]);
    e.origin = quint16(f[4]);
    e.actorId = quint32(f[5]);
    e.connection = quint32(f[6]);
    e.pid = qint32(f[7]);
    e.tid = qint32(f[8]);
    e.result = f[9];
    e.bytes = f[10];
    e.err = qint32(f[11]);
    e.port = quint16(f[12]);
    return e;
}

ProbeSample RunFileReader::sample(const QJsonValue &value, const QString &key)
{
    const QJsonObject o = asObject(value, key);
    ProbeSample s;
    s.ns = integer(o, "ns", LLONG_MIN, LLONG_MAX);
    s.sequence = quint64(integer(o, "seq", 0, LLONG_MAX));
    const QJsonObject q = asObject(required(o, "queue"), QStringLiteral("queue"));
    s.queue.available = boolean(q, "available");
    s.queue.listening = boolean(q, "listening");
    s.queue.queue = int(integer(q, "queue", INT_MIN, INT_MAX));
    s.queue.cap = int(integer(q, "cap", INT_MIN, INT_MAX));
    s.queue.overflows = integer(q, "overflows", LLONG_MIN, LLONG_MAX);
    s.queue.drops = integer(q, "drops", LLONG_MIN, LLONG_MAX);
    s.queue.source = string(q, "source");
    s.queue.error = string(q, "error");
    const QJsonObject d = asObject(required(o, "datagram"), QStringLiteral("datagram"));
    s.datagram.available = boolean(d, "available");
    s.datagram.bound = boolean(d, "bound");
    s.datagram.queuedBytes = integer(d, "queuedBytes", LLONG_MIN, LLONG_MAX);
    s.datagram.rcvbuf = integer(d, "rcvbuf", LLONG_MIN, LLONG_MAX);
    s.datagram.drops = integer(d, "drops", LLONG_MIN, LLONG_MAX);
    s.datagram.rcvbufErrors = integer(d, "rcvbufErrors", LLONG_MIN, LLONG_MAX);
    s.datagram.source = string(d, "source");
    const QJsonArray rows = array(o, "rows");
    s.rows.reserve(size_t(rows.size()));
    for (const QJsonValue &rowValue : rows) {
        const QJsonArray r = rowValue.toArray();
        if (!rowValue.isArray() || r.size() != RunFile::rowFields)
            malformed(RunFile::tr("a connection row is not an array of %1 values")
                              .arg(RunFile::rowFields));
        ConnectionRow row;
        row.local = address(r.at(0));
        row.remote = address(r.at(1));
        const QString field = RunFile::tr("a connection row's field");
        row.state = int(integer(r.at(2), field, 0, INT_MAX));
        row.recvQ = quint32(integer(r.at(3), field, 0, UINT_MAX));
        row.sendQ = quint32(integer(r.at(4), field, 0, UINT_MAX));
        row.uid = quint32(integer(r.at(5), field, 0, UINT_MAX));
        row.inode = quint64(integer(r.at(6), field, 0, LLONG_MAX));
        row.retransmits = int(integer(r.at(7), field, INT_MIN, INT_MAX));
        row.timer = int(integer(r.at(8), field, INT_MIN, INT_MAX));
        row.timerMs = quint32(integer(r.at(9), field, 0, UINT_MAX));
        s.rows.push_back(row);
    }
    s.rowsNs = integer(o, "rowsNs", LLONG_MIN, LLONG_MAX);
    const QJsonArray stages = array(o, "stages");
    if (stages.size() != RunFile::stageCount)
        malformed(RunFile::tr("%1 does not hold %2 counts")
                          .arg(quoted(QStringLiteral("stages")))
                          .arg(RunFile::stageCount));
    for (int i = 0; i < RunFile::stageCount; ++i)
        s.stageCounts[i] = int(integer(stages.at(i), QStringLiteral("stages"), 0, INT_MAX));
    const QJsonArray clients = array(o, "clients");
    s.clients.reserve(size_t(clients.size()));
    for (const QJsonValue &clientValue : clients) {
        const QJsonArray c = clientValue.toArray();
        if (!clientValue.isArray() || c.size() != RunFile::clientFields)
            malformed(RunFile::tr("a client is not an array of %1 numbers")
                              .arg(RunFile::clientFields));
        const QString field = RunFile::tr("a client's field");
        ClientProbe probe;
        probe.id = quint32(integer(c.at(0), field, 0, UINT_MAX));
        probe.stage = ClientStage(integer(c.at(1), field, 0, kStageMax));
        probe.synRetransmits = int(integer(c.at(2), field, INT_MIN, INT_MAX));
        probe.nextRetryMs = int(integer(c.at(3), field, INT_MIN, INT_MAX));
        s.clients.push_back(probe);
    }
    s.ss = string(o, "ss");
    return s;
}

Address RunFileReader::address(const QJsonValue &value)
{
    if (value.isNull())
        return {};
    if (!value.isString())
        malformed(RunFile::tr("an address is neither text nor null"));
    const QString text = value.toString();
    const auto known = m_addresses.constFind(text);
    if (known != m_addresses.constEnd())
        return *known;
    std::optional<Address> parsed;
    if (text.startsWith(QLatin1String("unix:"))) {
        const QString path = text.mid(5);
        if (path.isEmpty()) { // unnamed: the family and nothing else
            sockaddr_un un{};
            un.sun_family = AF_UNIX;
            parsed = Address::fromSockaddr(reinterpret_cast<const sockaddr *>(&un),
                                           socklen_t(offsetof(sockaddr_un, sun_path)));
        } else {
            parsed = Address::unixPath(path);
        }
    } else {
        const int colon = int(text.lastIndexOf(QLatin1Char(':')));
        bool portOk = false;
        const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&portOk) : 0;
        if (portOk && port <= 65535) {
            const QString host = text.left(colon);
            if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
                parsed = Address::inet6(host.mid(1, host.size() - 2), quint16(port));
            else if (!host.startsWith(QLatin1Char('[')))
                parsed = Address::inet(host, quint16(port));
        }
    }
    if (!parsed)
        malformed(RunFile::tr("%1 is not an address").arg(quoted(text)));
    if (m_addresses.size() < 100000)
        m_addresses.insert(text, *parsed);
    return *parsed;
}

QJsonValue RunFileReader::required(const QJsonObject &o, const char *key) const
{
    const auto it = o.constFind(QLatin1String(key));
    if (it == o.constEnd())
        malformed(RunFile::tr("%1 is missing").arg(quoted(QLatin1String(key))));
    return *it;
}

QJsonObject RunFileReader::asObject(const QJsonValue &value, const QString &name) const
{
    if (!value.isObject())
        malformed(RunFile::tr("%1 is not an object").arg(quoted(name)));
    return value.toObject();
}

QJsonArray RunFileReader::array(const QJsonObject &o, const char *key) const
{
    const QJsonValue value = required(o, key);
    if (!value.isArray())
        malformed(RunFile::tr("%1 is not a list").arg(quoted(QLatin1String(key))));
    return value.toArray();
}

QString RunFileReader::string(const QJsonObject &o, const char *key) const
{
    const QJsonValue value = required(o, key);
    if (!value.isString())
        malformed(RunFile::tr("%1 is not text").arg(quoted(QLatin1String(key))));
    return value.toString();
}

bool RunFileReader::boolean(const QJsonObject &o, const char *key) const
{
    const QJsonValue value = required(o, key);
    if (!value.isBool())
        malformed(RunFile::tr("%1 is not true or false").arg(quoted(QLatin1String(key))));
    return value.toBool();
}

double RunFileReader::real(const QJsonObject &o, const char *key) const
{
    const QJsonValue value = required(o, key);
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        malformed(RunFile::tr("%1 is not a number").arg(quoted(QLatin1String(key))));
    return value.toDouble();
}

qint64 RunFileReader::integer(const QJsonObject &o, const char *key, qint64 min, qint64 max) const
{
    return integer(required(o, key), QLatin1String(key), min, max);
}

qint64 RunFileReader::integer(const QJsonValue &value, const QString &name, qint64 min,
                              qint64 max) const
{
    const double d = value.toDouble();
    if (!value.isDouble() || !std::isfinite(d) || std::floor(d) != d)
        malformed(RunFile::tr("%1 is not a whole number").arg(quoted(name)));
    // Qt keeps whole numbers that fit in 64 bits exact; a larger one is out of range anyway.
    const bool fits = std::fabs(d) < 9.2e18;
    const qint64 i = fits ? value.toInteger() : 0;
    if (!fits || i < min || i > max)
        malformed(RunFile::tr("%1 is out of range (%2)")
                          .arg(quoted(name), QString::number(d, 'g', 17)));
    return i;
}

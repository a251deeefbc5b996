#include "runfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <climits>
#include <cmath>
#include <cstring>
#include <sys/un.h>
#include <zlib.h>

namespace {

constexpr char kFormat[] = "socketlab-run";
// What line 1 starts with, as encode() writes it: recognises a run file cut inside its header.
constexpr char kHeaderStart[] = "{\"format\":\"socketlab-run\"";

// The last valid value of each enum a run file stores as a number.
constexpr qint64 kActorMax = qint64(Actor::Probe);
constexpr qint64 kCallMax = qint64(Call::Count) - 1;
constexpr qint64 kPhaseMax = qint64(Phase::Info);
constexpr qint64 kModelMax = qint64(ServerModel::ThreadingUdp);
constexpr qint64 kHandlerMax = qint64(HandlerKind::SeedFixed);
constexpr qint64 kFamilyMax = qint64(Family::Unix);
constexpr qint64 kArrivalMax = qint64(Arrival::OnDemand);
constexpr qint64 kStageMax = qint64(ClientStage::Unknown);
constexpr int kStageCount = int(ClientStage::Unknown) + 1;
constexpr int kEventFields = 13;
constexpr int kEventFieldsRequired = 4; // ns, actor, call, phase
constexpr int kRowFields = 10;
constexpr int kClientFields = 4;

// ---- writing ---------------------------------------------------------------------------------

void putNumber(QByteArray &out, qint64 value)
{
    char text[24];
    char *end = text + sizeof text;
    char *p = end;
    // Digits from the right, on the magnitude as unsigned (so the smallest qint64 works too).
    quint64 magnitude = value < 0 ? quint64(0) - quint64(value) : quint64(value);
    do {
        *--p = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0)
        *--p = '-';
    out.append(p, qsizetype(end - p));
}

// A JSON string: UTF-8 as it is, with quotes, backslashes and control characters escaped.
void putString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (u < 0x20) {
            out.append("\\u00", 4);
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

void putBool(QByteArray &out, bool value)
{
    out.append(value ? "true" : "false");
}

QString addressText(const Address &address)
{
    if (!address.isValid())
        return {};
    if (address.family() == Family::Unix)
        return QStringLiteral("unix:") + address.path();
    return address.toString();
}

void putAddress(QByteArray &out, const Address &address)
{
    if (address.isValid())
        putString(out, addressText(address));
    else
        out.append("null");
}

void putEvent(QByteArray &out, const Event &e)
{
    const qint64 fields[kEventFields] = {
        e.ns,      qint64(e.actor), qint64(e.call), qint64(e.phase), qint64(e.origin),
        e.actorId, e.connection,    e.pid,          e.tid,           e.result,
        e.bytes,   e.err,           e.port,
    };
    int count = kEventFields;
    while (count > kEventFieldsRequired && fields[count - 1] == 0)
        --count;
    out.append('[');
    for (int i = 0; i < count; ++i) {
        if (i)
            out.append(',');
        putNumber(out, fields[i]);
    }
    out.append(']');
}

void putSample(QByteArray &out, const ProbeSample &s)
{
    out.append("{\"ns\":");
    putNumber(out, s.ns);
    out.append(",\"seq\":");
    putNumber(out, qint64(s.sequence));
    const QueueSnapshot &q = s.queue;
    out.append(",\"queue\":{\"available\":");
    putBool(out, q.available);
    out.append(",\"listening\":");
    putBool(out, q.listening);
    out.append(",\"queue\":");
    putNumber(out, q.queue);
    out.append(",\"cap\":");
    putNumber(out, q.cap);
    out.append(",\"overflows\":");
    putNumber(out, q.overflows);
    out.append(",\"drops\":");
    putNumber(out, q.drops);
    out.append(",\"source\":");
    putString(out, q.source);
    out.append(",\"error\":");
    putString(out, q.error);
    const DatagramSnapshot &d = s.datagram;
    out.append("},\"datagram\":{\"available\":");
    putBool(out, d.available);
    out.append(",\"bound\":");
    putBool(out, d.bound);
    out.append(",\"queuedBytes\":");
    putNumber(out, d.queuedBytes);
    out.append(",\"rcvbuf\":");
    putNumber(out, d.rcvbuf);
    out.append(",\"drops\":");
    putNumber(out, d.drops);
    out.append(",\"rcvbufErrors\":");
    putNumber(out, d.rcvbufErrors);
    out.append(",\"source\":");
    putString(out, d.source);
    out.append("},\"rows\":[");
    for (size_t i = 0; i < s.rows.size(); ++i) {
        const ConnectionRow &r = s.rows[i];
        out.append(i ? ",[" : "[");
        putAddress(out, r.local);
        out.append(',');
        putAddress(out, r.remote);
        for (const qint64 value :
             { qint64(r.state), qint64(r.recvQ), qint64(r.sendQ), qint64(r.uid), qint64(r.inode),
               qint64(r.retransmits), qint64(r.timer), qint64(r.timerMs) }) {
            out.append(',');
            putNumber(out, value);
        }
        out.append(']');
    }
    out.append("],\"rowsNs\":");
    putNumber(out, s.rowsNs);
    out.append(",\"stages\":[");
    for (int i = 0; i < kStageCount; ++i) {
        if (i)
            out.append(',');
        putNumber(out, s.stageCounts[i]);
    }
    out.append("],\"clients\":[");
    for (size_t i = 0; i < s.clients.size(); ++i) {
        const ClientProbe &c = s.clients[i];
        out.append(i ? ",[" : "[");
        putNumber(out, c.id);
        out.append(',');
        putNumber(out, qint64(c.stage));
        out.append(',');
        putNumber(out, c.synRetransmits);
        out.append(',');
        putNumber(out, c.nextRetryMs);
        out.append(']');
    }
    out.append("],\"ss\":");
    putString(out, s.ss);
    out.append('}');
}

void putFrame(QByteArray &out, const RecordedFrame &frame)
{
    out.append("{\"t\":");
    putNumber(out, frame.labNs);
    out.append(",\"e\":[");
    for (size_t i = 0; i < frame.events.size(); ++i) {
        if (i)
            out.append(',');
        putEvent(out, frame.events[i]);
    }
    out.append(']');
    if (frame.sample) {
        out.append(",\"a\":");
        putSample(out, *frame.sample);
    }
    if (frame.twinSample) {
        out.append(",\"b\":");
        putSample(out, *frame.twinSample);
    }
    out.append("}\n");
}

QJsonObject serverJson(const ServerConfig &s)
{
    return QJsonObject{
        { QStringLiteral("model"), int(s.model) },
        { QStringLiteral("family"), int(s.family) },
        { QStringLiteral("host"), s.host },
        { QStringLiteral("port"), int(s.port) },
        { QStringLiteral("unixPath"), s.unixPath },
        { QStringLiteral("backlog"), s.backlog },
        { QStringLiteral("handler"), int(s.handler) },
        { QStringLiteral("delay"), s.delaySeconds },
        { QStringLiteral("gil"), s.gil },
        { QStringLiteral("maxMessage"), s.maxMessage },
        { QStringLiteral("maxConnections"), s.maxConnections },
        { QStringLiteral("seedLoopCpuCap"), s.seedLoopCpuCap },
        { QStringLiteral("origin"), int(s.origin) },
    };
}

QJsonObject burstJson(const RunRecord::Burst &burst)
{
    const SwarmConfig &c = burst.config;
    return QJsonObject{
        { QStringLiteral("t"), burst.labNs },
        { QStringLiteral("family"), int(c.family) },
        { QStringLiteral("datagram"), c.datagram },
        { QStringLiteral("host"), c.host },
        { QStringLiteral("port"), int(c.port) },
        { QStringLiteral("unixPath"), c.unixPath },
        { QStringLiteral("clients"), c.clients },
        { QStringLiteral("arrival"), int(c.arrival) },
        { QStringLiteral("everyMs"), c.everyMs },
        { QStringLiteral("message"), QString::fromLatin1(c.message.toBase64()) },
        { QStringLiteral("roundTrips"), c.roundTrips },
        { QStringLiteral("think"), c.thinkSeconds },
        { QStringLiteral("timeout"), c.timeout ? QJsonValue(*c.timeout) : QJsonValue() },
        { QStringLiteral("connectEx"), c.connectEx },
        { QStringLiteral("hold"), c.holdSeconds },
        { QStringLiteral("synRetries"), c.synRetries },
        { QStringLiteral("origin"), int(c.origin) },
        { QStringLiteral("firstId"), qint64(c.firstId) },
    };
}

QByteArray headerLine(const RunRecord &record)
{
    QJsonArray servers;
    for (const ServerConfig &s : record.servers)
        servers.append(serverJson(s));
    QJsonArray points;
    for (const RunRecord::PausePoint &p : record.pausePoints)
        points.append(QJsonObject{ { QStringLiteral("at"), p.atSeconds },
                                   { QStringLiteral("en"), p.noteEn },
                                   { QStringLiteral("zh"), p.noteZh } });
    const QJsonObject rest{
        { QStringLiteral("app"), record.appVersion },
        { QStringLiteral("run"), record.runNumber },
        { QStringLiteral("recordedAt"), record.recordedAtMs },
        { QStringLiteral("speed"), record.speed },
        { QStringLiteral("servers"), servers },
        { QStringLiteral("pausePoints"), points },
        { QStringLiteral("durationNs"), record.durationNs },
    };
    // "format" and "version" first, so the file says what it is in its first bytes.
    QByteArray line = kHeaderStart;
    line += ",\"version\":" + QByteArray::number(RunRecord::formatVersion) + ',';
    line += QJsonDocument(rest).toJson(QJsonDocument::Compact).mid(1);
    line += '\n';
    return line;
}

QByteArray objectLine(const char *key, const QJsonObject &value)
{
    return QJsonDocument(QJsonObject{ { QLatin1String(key), value } })
                   .toJson(QJsonDocument::Compact)
            + '\n';
}

// Deflates text into gzip bytes as it comes, so the whole text never needs to be held at once.
class GzipWriter
{
public:
    GzipWriter()
    {
        m_ok = deflateInit2(&m_stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                            Z_DEFAULT_STRATEGY)
                == Z_OK;
    }
    ~GzipWriter() { deflateEnd(&m_stream); }
    Q_DISABLE_COPY_MOVE(GzipWriter)

    QByteArray pending; // text not deflated yet

    void flushIfLarge()
    {
        if (pending.size() >= (1 << 20))
            deflateChunk(Z_NO_FLUSH);
    }
    QByteArray finish()
    {
        deflateChunk(Z_FINISH);
        return m_ok ? m_out : QByteArray();
    }

private:
    void deflateChunk(int flush)
    {
        if (!m_ok)
            return;
        m_stream.next_in = reinterpret_cast<Bytef *>(pending.data());
        m_stream.avail_in = uInt(pending.size());
        int status = Z_OK;
        do {
            char buffer[1 << 16];
            m_stream.next_out = reinterpret_cast<Bytef *>(buffer);
            m_stream.avail_out = sizeof buffer;
            status = deflate(&m_stream, flush);
            if (status == Z_STREAM_ERROR) {
                m_ok = false;
                return;
            }
            m_out.append(buffer, qsizetype(sizeof buffer - m_stream.avail_out));
        } while (m_stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
        pending.clear();
    }

    z_stream m_stream{};
    QByteArray m_out;
    bool m_ok = false;
};

// ---- reading ---------------------------------------------------------------------------------

// Thrown inside the decoder with the sentence to give; never leaves decode().
struct Failure
{
    QString message;
};

QString quoted(const QString &key)
{
    return QStringLiteral("\u201c%1\u201d").arg(key);
}

class Decoder
{
public:
    RunRecord record;
    bool haveHeader = false;
    int lineNumber = 0;

    void line(const char *data, qsizetype size)
    {
        ++lineNumber;
        QJsonParseError parseError;
        const QJsonDocument doc
                = QJsonDocument::fromJson(QByteArray::fromRawData(data, size), &parseError);
        if (!haveHeader) {
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

    [[noreturn]] void malformed(const QString &what) const
    {
        throw Failure{
            RunFile::tr("Line %1 of the run file is malformed: %2.").arg(lineNumber).arg(what)
        };
    }

private:
    void header(const QJsonDocument &doc, const QJsonParseError &parseError)
    {
        const QJsonObject object = doc.object();
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()
            || object.value(QLatin1String("format")).toString() != QLatin1String(kFormat))
            throw Failure{ RunFile::tr("This is not a SocketLab run file.") };
        const qint64 v = integer(object, "version", 1, INT_MAX);
        if (v > RunRecord::formatVersion)
            throw Failure{
                RunFile::tr("This run was recorded by a newer SocketLab (run file format %1; "
                            "this version reads up to %2).")
                        .arg(v)
                        .arg(RunRecord::formatVersion)
            };
        record.appVersion = string(object, "app");
        record.runNumber = int(integer(object, "run", 0, INT_MAX));
        record.recordedAtMs = integer(object, "recordedAt", LLONG_MIN, LLONG_MAX);
        record.speed = real(object, "speed");
        if (!(record.speed > 0))
            malformed(RunFile::tr("%1 is not a positive number")
                              .arg(quoted(QStringLiteral("speed"))));
        for (const QJsonValue &value : array(object, "servers"))
            record.servers.push_back(server(asObject(value, QStringLiteral("servers"))));
        for (const QJsonValue &value : array(object, "pausePoints")) {
            const QJsonObject p = asObject(value, QStringLiteral("pausePoints"));
            record.pausePoints.push_back({ real(p, "at"), string(p, "en"), string(p, "zh") });
        }
        record.durationNs = integer(object, "durationNs", 0, LLONG_MAX);
        haveHeader = true;
    }

    ServerConfig server(const QJsonObject &o) const
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

    void burst(const QJsonValue &value)
    {
        const QJsonObject o = asObject(value, QStringLiteral("burst"));
        RunRecord::Burst b;
        b.labNs = integer(o, "t", 0, LLONG_MAX);
        if (!record.bursts.empty() && b.labNs < record.bursts.back().labNs)
            malformed(RunFile::tr("the time goes back (%1 ns after %2 ns)")
                              .arg(b.labNs)
                              .arg(record.bursts.back().labNs));
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
        record.bursts.push_back(std::move(b));
    }

    void pause(const QJsonValue &value)
    {
        const QJsonObject o = asObject(value, QStringLiteral("pause"));
        RecordedPause p;
        p.labNs = integer(o, "t", 0, LLONG_MAX);
        if (!record.pauses.empty() && p.labNs < record.pauses.back().labNs)
            malformed(RunFile::tr("the time goes back (%1 ns after %2 ns)")
                              .arg(p.labNs)
                              .arg(record.pauses.back().labNs));
        p.pausedNs = integer(o, "pausedNs", 0, LLONG_MAX);
        p.pausePoint = int(integer(o, "point", -1, qint64(record.pausePoints.size()) - 1));
        record.pauses.push_back(p);
    }

    void frame(const QJsonObject &o)
    {
        RecordedFrame f;
        f.labNs = integer(o, "t", 0, LLONG_MAX);
        if (!record.frames.empty() && f.labNs < record.frames.back().labNs)
            malformed(RunFile::tr("the time goes back (%1 ns after %2 ns)")
                              .arg(f.labNs)
                              .arg(record.frames.back().labNs));
        const QJsonArray events = array(o, "e");
        f.events.reserve(size_t(events.size()));
        for (const QJsonValue &value : events)
            f.events.push_back(event(value));
        if (o.contains(QLatin1String("a")))
            f.sample = sample(o.value(QLatin1String("a")), QStringLiteral("a"));
        if (o.contains(QLatin1String("b")))
            f.twinSample = sample(o.value(QLatin1String("b")), QStringLiteral("b"));
        record.frames.push_back(std::move(f));
    }

    Event event(const QJsonValue &value) const
    {
        const QJsonArray a = value.toArray();
        if (!value.isArray() || a.size() < kEventFieldsRequired || a.size() > kEventFields)
            malformed(RunFile::tr("an event is not an array of %1 to %2 numbers")
                              .arg(kEventFieldsRequired)
                              .arg(kEventFields));
        qint64 f[kEventFields] = {};
        static const qint64 limits[kEventFields][2] = {
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
        static const char *const names[kEventFields] = {
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

    ProbeSample sample(const QJsonValue &value, const QString &key)
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
            if (!rowValue.isArray() || r.size() != kRowFields)
                malformed(RunFile::tr("a connection row is not an array of %1 values")
                                  .arg(kRowFields));
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
        if (stages.size() != kStageCount)
            malformed(RunFile::tr("%1 does not hold %2 counts")
                              .arg(quoted(QStringLiteral("stages")))
                              .arg(kStageCount));
        for (int i = 0; i < kStageCount; ++i)
            s.stageCounts[i] = int(integer(stages.at(i), QStringLiteral("stages"), 0, INT_MAX));
        const QJsonArray clients = array(o, "clients");
        s.clients.reserve(size_t(clients.size()));
        for (const QJsonValue &clientValue : clients) {
            const QJsonArray c = clientValue.toArray();
            if (!clientValue.isArray() || c.size() != kClientFields)
                malformed(RunFile::tr("a client is not an array of %1 numbers").arg(kClientFields));
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

    Address address(const QJsonValue &value)
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

    // Field access: each names what is missing or wrong.
    QJsonValue required(const QJsonObject &o, const char *key) const
    {
        const auto it = o.constFind(QLatin1String(key));
        if (it == o.constEnd())
            malformed(RunFile::tr("%1 is missing").arg(quoted(QLatin1String(key))));
        return *it;
    }
    QJsonObject asObject(const QJsonValue &value, const QString &name) const
    {
        if (!value.isObject())
            malformed(RunFile::tr("%1 is not an object").arg(quoted(name)));
        return value.toObject();
    }
    QJsonArray array(const QJsonObject &o, const char *key) const
    {
        const QJsonValue value = required(o, key);
        if (!value.isArray())
            malformed(RunFile::tr("%1 is not a list").arg(quoted(QLatin1String(key))));
        return value.toArray();
    }
    QString string(const QJsonObject &o, const char *key) const
    {
        const QJsonValue value = required(o, key);
        if (!value.isString())
            malformed(RunFile::tr("%1 is not text").arg(quoted(QLatin1String(key))));
        return value.toString();
    }
    bool boolean(const QJsonObject &o, const char *key) const
    {
        const QJsonValue value = required(o, key);
        if (!value.isBool())
            malformed(RunFile::tr("%1 is not true or false").arg(quoted(QLatin1String(key))));
        return value.toBool();
    }
    double real(const QJsonObject &o, const char *key) const
    {
        const QJsonValue value = required(o, key);
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            malformed(RunFile::tr("%1 is not a number").arg(quoted(QLatin1String(key))));
        return value.toDouble();
    }
    qint64 integer(const QJsonObject &o, const char *key, qint64 min, qint64 max) const
    {
        return integer(required(o, key), QLatin1String(key), min, max);
    }
    qint64 integer(const QJsonValue &value, const QString &name, qint64 min, qint64 max) const
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

    QHash<QString, Address> m_addresses; // parsed once: rows repeat the same few addresses
};

} // namespace

QByteArray RunFile::encode(const RunRecord &record)
{
    GzipWriter gzip;
    gzip.pending = headerLine(record);
    // Bursts, pauses and frames merged in lab-time order (at the same time: burst, pause, frame).
    size_t b = 0, p = 0, f = 0;
    while (b < record.bursts.size() || p < record.pauses.size() || f < record.frames.size()) {
        const qint64 tb = b < record.bursts.size() ? record.bursts[b].labNs : LLONG_MAX;
        const qint64 tp = p < record.pauses.size() ? record.pauses[p].labNs : LLONG_MAX;
        const qint64 tf = f < record.frames.size() ? record.frames[f].labNs : LLONG_MAX;
        if (b < record.bursts.size() && tb <= tp && tb <= tf) {
            gzip.pending += objectLine("burst", burstJson(record.bursts[b++]));
        } else if (p < record.pauses.size() && tp <= tf) {
            const RecordedPause &pause = record.pauses[p++];
            gzip.pending
                    += objectLine("pause",
                                  QJsonObject{ { QStringLiteral("t"), pause.labNs },
                                               { QStringLiteral("pausedNs"), pause.pausedNs },
                                               { QStringLiteral("point"), pause.pausePoint } });
        } else {
            putFrame(gzip.pending, record.frames[f++]);
        }
        gzip.flushIfLarge();
    }
    return gzip.finish();
}

std::optional<RunRecord> RunFile::decode(const QByteArray &bytes, QString *error)
{
    auto fail = [error](const QString &message) -> std::optional<RunRecord> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (bytes.isEmpty())
        return fail(tr("The file is empty: it is not a SocketLab run file."));
    if (bytes.size() < 2 || quint8(bytes[0]) != 0x1f || quint8(bytes[1]) != 0x8b)
        return fail(tr("This is not a SocketLab run file."));

    z_stream stream{};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return fail(tr("The file cannot be read: the decompressor did not start."));
    struct End
    {
        z_stream *s;
        ~End() { inflateEnd(s); }
    } end{ &stream };

    Decoder decoder;
    QByteArray pending; // inflated text whose line has not ended yet
    qint64 inflated = 0;
    qsizetype scanned = 0; // bytes of pending known to hold no newline
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    qsizetype remaining = bytes.size();
    int status = Z_OK;
    try {
        while (status != Z_STREAM_END) {
            if (stream.avail_in == 0 && remaining > 0) {
                const auto chunk = uInt(std::min<qsizetype>(remaining, 1 << 30));
                stream.avail_in = chunk;
                remaining -= chunk;
            }
            const qsizetype before = pending.size();
            constexpr qsizetype kChunk = 1 << 18;
            pending.resize(before + kChunk);
            stream.next_out = reinterpret_cast<Bytef *>(pending.data() + before);
            stream.avail_out = uInt(kChunk);
            status = inflate(&stream, Z_NO_FLUSH);
            pending.resize(before + kChunk - qsizetype(stream.avail_out));
            if (status == Z_NEED_DICT || status == Z_DATA_ERROR || status == Z_MEM_ERROR) {
                if (!decoder.haveHeader && !QByteArray(kHeaderStart).startsWith(pending.left(25)))
                    throw Failure{ tr("This is not a SocketLab run file.") };
                throw Failure{ tr("The file is damaged: its compressed data is corrupt (%1).")
                                       .arg(QString::fromLatin1(stream.msg ? stream.msg
                                                                           : "zlib")) };
            }
            inflated += pending.size() - before;
            if (inflated > maxInflatedBytes)
                throw Failure{ tr("The run is too large to open: it unpacks to more than %1 GiB.")
                                       .arg(maxInflatedBytes >> 30) };
            // Every complete line now in pending.
            qsizetype start = 0;
            for (;;) {
                const qsizetype newline = pending.indexOf('\n', std::max(start, scanned));
                if (newline < 0)
                    break;
                decoder.line(pending.constData() + start, newline - start);
                start = newline + 1;
                scanned = start;
            }
            if (start > 0) {
                pending.remove(0, start);
                scanned = 0;
            }
            scanned = pending.size();
            if (pending.size() > maxLineBytes)
                throw Failure{ decoder.haveHeader
                                       ? tr("Line %1 of the run file is too long (more than %2 "
                                            "MiB).")
                                                 .arg(decoder.lineNumber + 1)
                                                 .arg(maxLineBytes >> 20)
                                       : tr("This is not a SocketLab run file.") };
            const bool noInput = stream.avail_in == 0 && remaining == 0;
            if (status == Z_BUF_ERROR
                || (noInput && status != Z_STREAM_END && stream.avail_out != 0))
                break; // no progress possible: the stream ended early
        }
        const bool recognised = decoder.haveHeader
                || (!pending.isEmpty()
                    && pending.startsWith(QByteArray(kHeaderStart)
                                                  .left(std::min<qsizetype>(pending.size(), 25))));
        if (status != Z_STREAM_END) {
            if (!recognised)
                throw Failure{ tr("This is not a SocketLab run file.") };
            throw Failure{ tr("The file is truncated: it ends in the middle of the run.") };
        }
        if (stream.avail_in != 0 || remaining != 0)
            throw Failure{ tr("The file is damaged: there is data after the end of the run.") };
        if (!pending.isEmpty()) {
            if (!recognised)
                throw Failure{ tr("This is not a SocketLab run file.") };
            throw Failure{ tr("The file is truncated: its last line is incomplete.") };
        }
        if (!decoder.haveHeader)
            throw Failure{ tr("This is not a SocketLab run file.") };
    } catch (const Failure &failure) {
        return fail(failure.message);
    }
    return std::move(decoder.record);
}

bool RunFile::save(const RunRecord &record, const QString &path, QString *error)
{
    const QByteArray bytes = encode(record);
    QSaveFile file(path);
    if (bytes.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()
        || !file.commit()) {
        if (error)
            *error = tr("The run cannot be saved to %1: %2")
                             .arg(QDir::toNativeSeparators(path),
                                  bytes.isEmpty() ? tr("it could not be compressed")
                                                  : file.errorString());
        return false;
    }
    return true;
}

std::optional<RunRecord> RunFile::open(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The file %1 cannot be read: %2")
                             .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    if (file.size() > maxInflatedBytes) {
        if (error)
            *error = tr("The run is too large to open: it unpacks to more than %1 GiB.")
                             .arg(maxInflatedBytes >> 30);
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = tr("The file %1 cannot be read: %2")
                             .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    return decode(bytes, error);
}

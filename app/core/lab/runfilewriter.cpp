#include "runfilewriter.h"

#include "lab/runfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

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

} // namespace

QString RunFileWriter::addressText(const Address &address)
{
    if (!address.isValid())
        return {};
    if (address.family() == Family::Unix)
        return QStringLiteral("unix:") + address.path();
    return address.toString();
}

namespace {

void putAddress(QByteArray &out, const Address &address)
{
    if (address.isValid())
        putString(out, RunFileWriter::addressText(address));
    else
        out.append("null");
}

void putEvent(QByteArray &out, const Event &e)
{
    const qint64 fields[RunFile::eventFields] = {
        e.ns,      qint64(e.actor), qint64(e.call), qint64(e.phase), qint64(e.origin),
        e.actorId, e.connection,    e.pid,          e.tid,           e.result,
        e.bytes,   e.err,           e.port,
    };
    int count = RunFile::eventFields;
    while (count > RunFile::eventFieldsRequired && fields[count - 1] == 0)
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
    for (int i = 0; i < RunFile::stageCount; ++i) {
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

} // namespace

void RunFileWriter::appendFrameLine(QByteArray &out, const RecordedFrame &frame)
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

namespace {

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

} // namespace

QByteArray RunFileWriter::headerLine(const RunRecord &record)
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
        { QStringLiteral("serversStoppedNs"), record.serversStoppedNs },
    };
    // "format" and "version" first, so the file says what it is in its first bytes.
    QByteArray line = RunFile::headerStart;
    line += ",\"version\":" + QByteArray::number(RunRecord::formatVersion) + ',';
    line += QJsonDocument(rest).toJson(QJsonDocument::Compact).mid(1);
    line += '\n';
    return line;
}

namespace {

QByteArray objectLine(const char *key, const QJsonObject &value)
{
    return QJsonDocument(QJsonObject{ { QLatin1String(key), value } })
                   .toJson(QJsonDocument::Compact)
            + '\n';
}

} // namespace

QByteArray RunFileWriter::burstLine(const RunRecord::Burst &burst)
{
    return objectLine("burst", burstJson(burst));
}

QByteArray RunFileWriter::pauseLine(const RecordedPause &pause)
{
    return objectLine("pause",
                      QJsonObject{ { QStringLiteral("t"), pause.labNs },
                                   { QStringLiteral("pausedNs"), pause.pausedNs },
                                   { QStringLiteral("point"), pause.pausePoint } });
}

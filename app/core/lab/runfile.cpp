#include "runfile.h"

#include "lab/runfilereader.h"
#include "lab/runfilewriter.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <climits>
#include <zlib.h>

namespace {

// A sentence saying why the bytes are no run; thrown inside decode() only.
struct Failure
{
    QString message;
};

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

} // namespace

QByteArray RunFile::encode(const RunRecord &record)
{
    GzipWriter gzip;
    gzip.pending = RunFileWriter::headerLine(record);
    // Bursts, pauses and frames merged in lab-time order (at the same time: burst, pause, frame).
    size_t b = 0, p = 0, f = 0;
    while (b < record.bursts.size() || p < record.pauses.size() || f < record.frames.size()) {
        const qint64 tb = b < record.bursts.size() ? record.bursts[b].labNs : LLONG_MAX;
        const qint64 tp = p < record.pauses.size() ? record.pauses[p].labNs : LLONG_MAX;
        const qint64 tf = f < record.frames.size() ? record.frames[f].labNs : LLONG_MAX;
        if (b < record.bursts.size() && tb <= tp && tb <= tf)
            gzip.pending += RunFileWriter::burstLine(record.bursts[b++]);
        else if (p < record.pauses.size() && tp <= tf)
            gzip.pending += RunFileWriter::pauseLine(record.pauses[p++]);
        else
            RunFileWriter::appendFrameLine(gzip.pending, record.frames[f++]);
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

    RunFileReader reader;
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
                if (!reader.hasHeader()
                    && !QByteArray(RunFile::headerStart).startsWith(pending.left(25)))
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
                QString message;
                if (!reader.readLine(pending.constData() + start, newline - start, &message))
                    throw Failure{ message };
                start = newline + 1;
                scanned = start;
            }
            if (start > 0)
                pending.remove(0, start);
            scanned = pending.size();
            if (pending.size() > maxLineBytes)
                throw Failure{ reader.hasHeader()
                                       ? tr("Line %1 of the run file is too long (more than %2 "
                                            "MiB).")
                                                 .arg(reader.lineNumber() + 1)
                                                 .arg(maxLineBytes >> 20)
                                       : tr("This is not a SocketLab run file.") };
            const bool noInput = stream.avail_in == 0 && remaining == 0;
            if (status == Z_BUF_ERROR
                || (noInput && status != Z_STREAM_END && stream.avail_out != 0))
                break; // no progress possible: the stream ended early
        }
        const bool recognised = reader.hasHeader()
                || (!pending.isEmpty()
                    && pending.startsWith(QByteArray(RunFile::headerStart)
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
        if (!reader.hasHeader())
            throw Failure{ tr("This is not a SocketLab run file.") };
    } catch (const Failure &failure) {
        return fail(failure.message);
    }
    return reader.takeRecord();
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
            *error = tr("The file is too large to open (more than %1 GiB).")
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

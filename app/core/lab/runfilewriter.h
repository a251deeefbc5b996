#pragma once

#include "lab/runrecord.h"

#include <QByteArray>
#include <QString>

// The lines of a .socketlab-run file (see runfile.h for the format), each ending in '\n'. Frames
// are written by hand, not through QJsonDocument: they are nearly all of a file, and numbers.
class RunFileWriter
{
public:
    static QByteArray headerLine(const RunRecord &record);
    static QByteArray burstLine(const RunRecord::Burst &burst);
    static QByteArray pauseLine(const RecordedPause &pause);
    static void appendFrameLine(QByteArray &out, const RecordedFrame &frame);
    // "127.0.0.1:5007", "[::1]:5007", "unix:/path", "unix:@name", "unix:" (unnamed); "" if invalid
    static QString addressText(const Address &address);
};

#pragma once

#include <QString>

// How one client's run ended, with the times of its milestones (Clock ns; 0 = not reached).
struct ClientOutcome
{
    enum class Result { Pending, Ok, Refused, TimedOut, Failed, Stopped };

    quint32 id = 0;
    Result result = Result::Pending;
    int err = 0; // errno of the failing call
    QString failedCall; // Python name of that call
    qint64 startNs = 0; // socket() created
    qint64 connectedNs = 0; // connect() returned
    qint64 firstByteNs = 0; // first reply byte
    qint64 doneNs = 0; // closed
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    bool echoMatched = false; // every reply equalled what was sent

    static QString resultKey(Result result); // "ok", "refused", "timed-out", …: for JSON and CSV
    static QString resultText(Result result); // the same in the UI language: "ok", "timed out", …
};

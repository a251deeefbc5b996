#pragma once

#include "trace/event.h"

#include <QString>

// The outcome of one socket call, as Python would raise it: errno, the call, the exception name.
struct SocketError
{
    int code = 0; // errno; 0 = success
    Call call = Call::None;
    bool timedOut = false; // a settimeout() deadline passed: Python's "TimeoutError: timed out"

    explicit operator bool() const { return code != 0; }
    bool ok() const { return code == 0; }

    QString exceptionName() const; // "ConnectionRefusedError", "TimeoutError", …
    QString errnoName() const; // "ECONNREFUSED"
    // "ConnectionRefusedError: [Errno 111] Connection refused" — the line Python prints.
    // The exception name and errno stay as Python prints them; the sentence is translated.
    QString message() const;
    // strerror()'s sentence for an errno ("Address already in use"), in the UI language for
    // the errnos a lab meets.
    static QString sentence(int code);

    static SocketError fromErrno(Call call, int code) { return { code, call, false }; }
};

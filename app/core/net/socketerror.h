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
    QString message() const;

    static SocketError fromErrno(Call call, int code) { return { code, call, false }; }
};

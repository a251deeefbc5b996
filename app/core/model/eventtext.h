#pragma once

#include "trace/event.h"

#include <QCoreApplication>
#include <QString>

// The words a log row shows for an event, in the UI language: actor, phase, result and the
// equivalent Python line (code and identifiers as Python has them; only its comments translated).
class EventText final
{
    Q_DECLARE_TR_FUNCTIONS(EventText)

public:
    // "client 3", "worker 2 (tid 1234)", "child pid 999", "server (tid 1230)".
    static QString actor(const Event &e);
    // "enter", "return", "error", "info" (phaseName() is the machine key for JSON).
    static QString phase(Phase phase);
    // "5", "111 (ECONNREFUSED)", "ECONNREFUSED (ConnectionRefusedError)"; empty on enter.
    static QString result(const Event &e);
    // "conn, addr = sock.accept()", "data = conn.recv(65536)  # 5 bytes", …
    static QString python(const Event &e);
    // "ConnectionRefusedError: [Errno 111] Connection refused", as Python prints it; the
    // sentence after the errno in the UI language.
    static QString pythonError(int err);

private:
    static QString socketCall(const Event &e, const QString &self);
    static QString serverCall(const Event &e);
};

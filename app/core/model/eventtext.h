#pragma once

#include "trace/event.h"

#include <QString>

// The words a log row shows for an event: actor, result and the equivalent Python line.
class EventText final
{
public:
    // "client 3", "worker 2 (tid 1234)", "child pid 999", "server (tid 1230)".
    static QString actor(const Event &e);
    // "5", "111 (ECONNREFUSED)", "ECONNREFUSED (ConnectionRefusedError)"; empty on enter.
    static QString result(const Event &e);
    // "conn, addr = sock.accept()", "data = conn.recv(65536)  # 5 bytes", …
    static QString python(const Event &e);
    // "ConnectionRefusedError: [Errno 111] Connection refused", as Python prints it.
    static QString pythonError(int err);

private:
    static QString socketCall(const Event &e, const QString &self);
    static QString serverCall(const Event &e);
};

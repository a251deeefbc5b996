#pragma once

#include "server/request.h"

#include <QByteArray>

// The steps handlers are made of, each traced: read a message, reply, sleep, burn CPU.
class HandlerWork
{
public:
    // Stream: one recv(maxMessage) — empty at EOF; datagram: the datagram already received.
    static QByteArray read(Request &request);
    // Stream: sendall(); datagram: sendto() back to the client (socketserver's reply path).
    static void reply(Request &request, const QByteArray &data);
    // time.sleep(seconds), stretched by the gate's slow motion; cut short by a stop.
    static void sleep(Request &request, double seconds);
    // Busy CPU work for `seconds` of this thread's CPU time (stretched by slow motion). With
    // config.gil, work runs in 5 ms slices (CPython's switch interval) holding the process's GIL.
    static void burnCpu(Request &request, double seconds);
    // This thread's CPU time in seconds (CLOCK_THREAD_CPUTIME_ID).
    static double threadCpuSeconds();
};

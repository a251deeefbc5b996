#pragma once

#include <QtGlobal>

#include <time.h>

// The one time base of the lab: CLOCK_MONOTONIC in nanoseconds, shared by events, probe and GUI.
class Clock final
{
public:
    static qint64 nowNs()
    {
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
    }
    static double seconds(qint64 ns) { return double(ns) / 1e9; }
};

#pragma once

#include "trace/event.h"

#include <atomic>

class EventHub;
class Gate;

// Where one actor's instrumented calls go: the gate each call passes first and the hub that
// records it. A copyable value; a default-constructed Tracer records nothing and never waits.
class Tracer
{
public:
    EventHub *hub = nullptr;
    Gate *gate = nullptr;
    const std::atomic<bool> *stop = nullptr; // the owner's stop flag, checked by the gate
    quint16 origin = 0;
    Actor actor = Actor::None;
    quint32 actorId = 0;
    quint32 connection = 0;
    int pipeFd = -1; // a forked child writes its events here for the parent to push (see
                     // ForkingServer)

    // Waits at the gate before a call; false means the owner is stopping and the call must not run.
    bool pass(Call call) const;
    void record(Call call, Phase phase, qint64 result = 0, int err = 0, qint64 bytes = 0,
                quint16 port = 0) const;
    bool stopping() const { return stop && stop->load(std::memory_order_acquire); }
};

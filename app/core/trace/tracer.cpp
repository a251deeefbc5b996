#include "tracer.h"

#include "trace/clock.h"
#include "trace/eventhub.h"
#include "trace/gate.h"

#include <cerrno>
#include <unistd.h>

bool Tracer::pass(Call call) const
{
    if (stopping())
        return false;
    return gate ? gate->pass(call, origin, actor, actorId, stop) : true;
}

void Tracer::record(Call call, Phase phase, qint64 result, int err, qint64 bytes,
                    quint16 port) const
{
    if (!hub && pipeFd < 0)
        return;
    Event event;
    event.ns = Clock::nowNs();
    event.result = result;
    event.bytes = bytes;
    event.pid = qint32(::getpid());
    event.tid = ::currentTid();
    event.actorId = actorId;
    event.connection = connection;
    event.err = err;
    event.origin = origin;
    event.port = port;
    event.actor = actor;
    event.call = call;
    event.phase = phase;
    if (hub) {
        hub->push(event);
        return;
    }
    // A forked child: one write of one record is atomic on a pipe (sizeof(Event) < PIPE_BUF).
    while (::write(pipeFd, &event, sizeof event) < 0 && errno == EINTR) { }
}

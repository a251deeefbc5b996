#pragma once
// Hand-made event sequences for the model tests: a server's threads and its clients, in one
// process (pid 100) with made-up thread ids, on a timeline given in seconds.

#include "trace/event.h"

#include <cerrno>
#include <cmath>
#include <vector>

namespace modeltest {

constexpr qint32 kPid = 100;
constexpr qint32 kStartTid = 101; // the thread that calls start() and stop()
constexpr qint32 kAcceptTid = 500;

inline qint64 ns(double seconds)
{
    return qint64(std::llround(seconds * 1e9));
}

inline Event makeEvent(Actor actor, quint32 actorId, quint32 connection, Call call, Phase phase,
                       double seconds, qint64 result = 0, qint64 bytes = 0, int err = 0)
{
    Event e;
    e.ns = ns(seconds);
    e.actor = actor;
    e.actorId = actorId;
    e.connection = connection;
    e.call = call;
    e.phase = phase;
    e.result = result;
    e.bytes = bytes;
    e.err = err;
    e.pid = actor == Actor::Child ? qint32(900 + actorId) : kPid;
    e.tid = actor == Actor::Client   ? qint32(1000 + actorId)
            : actor == Actor::Worker ? qint32(600 + actorId)
            : actor == Actor::Child  ? e.pid
                                     : kAcceptTid;
    return e;
}

// A client's events: clients use connection == actorId == client number.
inline Event client(quint32 id, Call call, Phase phase, double seconds, qint64 result = 0,
                    qint64 bytes = 0, int err = 0)
{
    return makeEvent(Actor::Client, id, id, call, phase, seconds, result, bytes, err);
}

// The accept thread (actorId 0) working on `connection` (0: between requests).
inline Event server(quint32 connection, Call call, Phase phase, double seconds, qint64 result = 0,
                    qint64 bytes = 0, int err = 0)
{
    return makeEvent(Actor::Server, 0, connection, call, phase, seconds, result, bytes, err);
}

inline Event worker(quint32 n, quint32 connection, Call call, Phase phase, double seconds,
                    qint64 result = 0, qint64 bytes = 0)
{
    return makeEvent(Actor::Worker, n, connection, call, phase, seconds, result, bytes);
}

inline void append(std::vector<Event> &to, const std::vector<Event> &more)
{
    to.insert(to.end(), more.begin(), more.end());
}

// One client that connects at t, sends 5 bytes, gets them back after `wait` seconds and closes.
inline std::vector<Event> okClient(quint32 id, double t, double wait = 0.2)
{
    return {
        client(id, Call::Socket, Phase::Enter, t),
        client(id, Call::Socket, Phase::Return, t, 7),
        client(id, Call::Connect, Phase::Enter, t + 0.001),
        client(id, Call::Connect, Phase::Return, t + 0.002),
        client(id, Call::SendAll, Phase::Enter, t + 0.003),
        client(id, Call::SendAll, Phase::Return, t + 0.003, 0, 5),
        client(id, Call::Recv, Phase::Enter, t + 0.004),
        client(id, Call::Recv, Phase::Return, t + 0.004 + wait, 5, 5),
        client(id, Call::Close, Phase::Return, t + 0.005 + wait),
    };
}

// One client refused at t.
inline std::vector<Event> refusedClient(quint32 id, double t)
{
    return {
        client(id, Call::Socket, Phase::Enter, t),
        client(id, Call::Socket, Phase::Return, t, 7),
        client(id, Call::Connect, Phase::Enter, t + 0.001),
        client(id, Call::Connect, Phase::Error, t + 0.002, -1, 0, ECONNREFUSED),
        client(id, Call::Close, Phase::Return, t + 0.003),
    };
}

// The server side of one request handled from `from` to `to` by the given actor.
inline std::vector<Event> handled(Actor actor, quint32 n, quint32 connection, double from,
                                  double to)
{
    const auto at = [&](Call call, Phase phase, double t, qint64 result = 0, qint64 bytes = 0) {
        return makeEvent(actor, n, connection, call, phase, t, result, bytes);
    };
    return {
        at(Call::Setup, Phase::Enter, from),
        at(Call::Setup, Phase::Return, from),
        at(Call::Handle, Phase::Enter, from),
        at(Call::Recv, Phase::Enter, from),
        at(Call::Recv, Phase::Return, from, 5, 5),
        at(Call::Sleep, Phase::Enter, from, ns(to - from)),
        at(Call::Sleep, Phase::Return, to),
        at(Call::SendAll, Phase::Enter, to),
        at(Call::SendAll, Phase::Return, to, 0, 5),
        at(Call::Recv, Phase::Enter, to),
        at(Call::Recv, Phase::Return, to),
        at(Call::Handle, Phase::Return, to),
        at(Call::Finish, Phase::Enter, to),
        at(Call::Finish, Phase::Return, to),
        at(Call::Shutdown, Phase::Return, to),
        at(Call::Close, Phase::Return, to),
    };
}

// n clients arriving at t = 1 s, each served for `each` seconds, `together` at a time.
inline std::vector<Event> run(int n, double each, int together)
{
    std::vector<Event> events;
    for (int i = 0; i < n; ++i) {
        const quint32 id = quint32(i + 1);
        const double from = 1.0 + (i / together) * each;
        append(events, okClient(id, 1.0, from + each - 1.005)); // closes at from + each
        append(events, handled(Actor::Worker, id, id, from, from + each));
    }
    return events;
}

} // namespace modeltest

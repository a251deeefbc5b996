#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <type_traits>

// Who made the call: the accept thread, a per-connection thread, a forked child, a client, the
// probe.
enum class Actor : quint8 { None, Server, Worker, Child, Client, Probe };

// Where in the call the event was taken: just before it, after it returned, after it failed, or a
// note that is not a call at all.
enum class Phase : quint8 { Enter, Return, Error, Info };

// What was called. Socket calls mirror Python's socket module, the rest socketserver's hooks and
// the process/thread work around them. Count is not a call: it is the number of values.
enum class Call : quint8 {
    None,
    Socket,
    Bind,
    Listen,
    Accept,
    Connect,
    ConnectEx,
    Recv,
    Send,
    SendAll,
    SendTo,
    RecvFrom,
    SetBlocking,
    SetTimeout,
    Shutdown,
    Close,
    Setup,
    Handle,
    Finish,
    HandleError,
    Sleep,
    Cpu,
    GilWait,
    Fork,
    Reap,
    ThreadStart,
    ThreadExit,
    ServeForever,
    ServerClose,
    Message,
    Count
};

// One thing a server, client or probe thread did, as a plain value: cheap to copy into the EventHub
// from any thread. The Python line and the shell command that show it are derived, never stored.
struct Event
{
    qint64 ns = 0; // Clock::nowNs()
    qint64 result = 0; // return value (fd, byte count, 0) or -1
    qint64 bytes = 0; // payload bytes moved by this call
    qint32 pid = 0;
    qint32 tid = 0; // kernel thread id, see currentTid()
    quint32 actorId = 0; // client number, worker number, child number
    quint32 connection = 0; // connection id within the origin, 0 = none
    qint32 err = 0; // errno when phase == Error
    quint16 origin = 0; // which server/swarm instance (two servers side by side)
    // TCP ports that tie a client to the server connection serving it: accept()'s return holds
    // the peer's port (and, from a lab server, the connection id it starts), connect()'s (and a
    // successful connect_ex()'s) the client's own. 0 else.
    quint16 port = 0;
    Actor actor = Actor::None;
    Call call = Call::None;
    Phase phase = Phase::Info;
};

static_assert(std::is_trivially_copyable_v<Event>, "Event is copied across threads as plain bytes");
static_assert(sizeof(Event) <= 64, "Event must stay within one cache line");

// The Python name of a call ("accept", "connect_ex", "sendall", "handle_error", "serve_forever",
// "fork", "waitpid", ...); unique per value, empty only for Call::Count.
QString callName(Call call);
QString phaseName(Phase phase);
QString actorName(Actor actor);
// "ECONNREFUSED" etc. for the errnos a socket lab meets, else "E<number>".
QString errnoName(int err);
// The OSError subclass Python 3 raises for err (PEP 3151), e.g. "ConnectionRefusedError", else
// "OSError".
QString pythonExceptionName(int err);
// {"t", "actor", "call", "phase"} always; "origin", "id", "pid", "tid", "conn", "bytes" when not
// zero; "result" when not zero or when the call returned (recv() == 0 is the peer closing);
// "port" when set; "errno", "error" and "exception" when err is set.
QJsonObject toJson(const Event &event);
// The calling thread's kernel thread id (gettid), as stored in Event::tid and used by Gate::step().
qint32 currentTid();

Q_DECLARE_METATYPE(Event)

#include "event.h"

#include "clock.h"

#include <cerrno>
#include <pthread.h>
#include <unistd.h>

QString callName(Call call)
{
    switch (call) {
    case Call::None:
        return QStringLiteral("none");
    case Call::Socket:
        return QStringLiteral("socket");
    case Call::Bind:
        return QStringLiteral("bind");
    case Call::Listen:
        return QStringLiteral("listen");
    case Call::Accept:
        return QStringLiteral("accept");
    case Call::Connect:
        return QStringLiteral("connect");
    case Call::ConnectEx:
        return QStringLiteral("connect_ex");
    case Call::Recv:
        return QStringLiteral("recv");
    case Call::Send:
        return QStringLiteral("send");
    case Call::SendAll:
        return QStringLiteral("sendall");
    case Call::SendTo:
        return QStringLiteral("sendto");
    case Call::RecvFrom:
        return QStringLiteral("recvfrom");
    case Call::SetBlocking:
        return QStringLiteral("setblocking");
    case Call::SetTimeout:
        return QStringLiteral("settimeout");
    case Call::Shutdown:
        return QStringLiteral("shutdown");
    case Call::Close:
        return QStringLiteral("close");
    case Call::Setup:
        return QStringLiteral("setup");
    case Call::Handle:
        return QStringLiteral("handle");
    case Call::Finish:
        return QStringLiteral("finish");
    case Call::HandleError:
        return QStringLiteral("handle_error");
    case Call::Sleep:
        return QStringLiteral("sleep"); // time.sleep
    case Call::Cpu:
        return QStringLiteral("cpu_work"); // a pure-Python busy loop
    case Call::GilWait:
        return QStringLiteral("gil_wait");
    case Call::Fork:
        return QStringLiteral("fork"); // os.fork
    case Call::Reap:
        return QStringLiteral("waitpid"); // os.waitpid in ForkingMixIn.collect_children
    case Call::ThreadStart:
        return QStringLiteral("thread_start");
    case Call::ThreadExit:
        return QStringLiteral("thread_exit");
    case Call::ServeForever:
        return QStringLiteral("serve_forever");
    case Call::ServerClose:
        return QStringLiteral("server_close");
    case Call::Message:
        return QStringLiteral("message");
    case Call::Count:
        break;
    }
    return QString();
}

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Enter:
        return QStringLiteral("enter");
    case Phase::Return:
        return QStringLiteral("return");
    case Phase::Error:
        return QStringLiteral("error");
    case Phase::Info:
        return QStringLiteral("info");
    }
    return QString();
}

QString actorName(Actor actor)
{
    switch (actor) {
    case Actor::None:
        return QStringLiteral("none");
    case Actor::Server:
        return QStringLiteral("server");
    case Actor::Worker:
        return QStringLiteral("worker");
    case Actor::Child:
        return QStringLiteral("child");
    case Actor::Client:
        return QStringLiteral("client");
    case Actor::Probe:
        return QStringLiteral("probe");
    }
    return QString();
}

QString errnoName(int err)
{
    // EWOULDBLOCK and ENOTSUP share EAGAIN's and EOPNOTSUPP's numbers on Linux; Python's
    // errno.errorcode names them EAGAIN and EOPNOTSUPP too.
    switch (err) {
    case EPERM:
        return QStringLiteral("EPERM");
    case ENOENT:
        return QStringLiteral("ENOENT");
    case ESRCH:
        return QStringLiteral("ESRCH");
    case EINTR:
        return QStringLiteral("EINTR");
    case EBADF:
        return QStringLiteral("EBADF");
    case ECHILD:
        return QStringLiteral("ECHILD");
    case EAGAIN:
        return QStringLiteral("EAGAIN");
    case ENOMEM:
        return QStringLiteral("ENOMEM");
    case EACCES:
        return QStringLiteral("EACCES");
    case EFAULT:
        return QStringLiteral("EFAULT");
    case EEXIST:
        return QStringLiteral("EEXIST");
    case ENOTDIR:
        return QStringLiteral("ENOTDIR");
    case EISDIR:
        return QStringLiteral("EISDIR");
    case EINVAL:
        return QStringLiteral("EINVAL");
    case ENFILE:
        return QStringLiteral("ENFILE");
    case EMFILE:
        return QStringLiteral("EMFILE");
    case EPIPE:
        return QStringLiteral("EPIPE");
    case ENOTSOCK:
        return QStringLiteral("ENOTSOCK");
    case EDESTADDRREQ:
        return QStringLiteral("EDESTADDRREQ");
    case EMSGSIZE:
        return QStringLiteral("EMSGSIZE");
    case EPROTOTYPE:
        return QStringLiteral("EPROTOTYPE");
    case ENOPROTOOPT:
        return QStringLiteral("ENOPROTOOPT");
    case EPROTONOSUPPORT:
        return QStringLiteral("EPROTONOSUPPORT");
    case ESOCKTNOSUPPORT:
        return QStringLiteral("ESOCKTNOSUPPORT");
    case EOPNOTSUPP:
        return QStringLiteral("EOPNOTSUPP");
    case EAFNOSUPPORT:
        return QStringLiteral("EAFNOSUPPORT");
    case EADDRINUSE:
        return QStringLiteral("EADDRINUSE");
    case EADDRNOTAVAIL:
        return QStringLiteral("EADDRNOTAVAIL");
    case ENETDOWN:
        return QStringLiteral("ENETDOWN");
    case ENETUNREACH:
        return QStringLiteral("ENETUNREACH");
    case ENETRESET:
        return QStringLiteral("ENETRESET");
    case ECONNABORTED:
        return QStringLiteral("ECONNABORTED");
    case ECONNRESET:
        return QStringLiteral("ECONNRESET");
    case ENOBUFS:
        return QStringLiteral("ENOBUFS");
    case EISCONN:
        return QStringLiteral("EISCONN");
    case ENOTCONN:
        return QStringLiteral("ENOTCONN");
    case ESHUTDOWN:
        return QStringLiteral("ESHUTDOWN");
    case ETIMEDOUT:
        return QStringLiteral("ETIMEDOUT");
    case ECONNREFUSED:
        return QStringLiteral("ECONNREFUSED");
    case EHOSTDOWN:
        return QStringLiteral("EHOSTDOWN");
    case EHOSTUNREACH:
        return QStringLiteral("EHOSTUNREACH");
    case EALREADY:
        return QStringLiteral("EALREADY");
    case EINPROGRESS:
        return QStringLiteral("EINPROGRESS");
    default:
        break;
    }
    return QStringLiteral("E%1").arg(err);
}

QString pythonExceptionName(int err)
{
    // The table of PEP 3151 as Python 3.11 implements it (Objects/exceptions.c, errnomap).
    switch (err) {
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS:
        return QStringLiteral("BlockingIOError");
    case ECHILD:
        return QStringLiteral("ChildProcessError");
    case EPIPE:
    case ESHUTDOWN:
        return QStringLiteral("BrokenPipeError");
    case ECONNABORTED:
        return QStringLiteral("ConnectionAbortedError");
    case ECONNREFUSED:
        return QStringLiteral("ConnectionRefusedError");
    case ECONNRESET:
        return QStringLiteral("ConnectionResetError");
    case EEXIST:
        return QStringLiteral("FileExistsError");
    case ENOENT:
        return QStringLiteral("FileNotFoundError");
    case EISDIR:
        return QStringLiteral("IsADirectoryError");
    case ENOTDIR:
        return QStringLiteral("NotADirectoryError");
    case EINTR:
        return QStringLiteral("InterruptedError");
    case EACCES:
    case EPERM:
        return QStringLiteral("PermissionError");
    case ESRCH:
        return QStringLiteral("ProcessLookupError");
    case ETIMEDOUT:
        return QStringLiteral("TimeoutError");
    default:
        break;
    }
    return QStringLiteral("OSError");
}

QJsonObject toJson(const Event &event)
{
    QJsonObject json{
        { QStringLiteral("t"), Clock::seconds(event.ns) },
        { QStringLiteral("actor"), actorName(event.actor) },
        { QStringLiteral("call"), callName(event.call) },
        { QStringLiteral("phase"), phaseName(event.phase) },
    };
    auto addIfSet = [&json](const QString &key, qint64 value) {
        if (value != 0)
            json.insert(key, value);
    };
    addIfSet(QStringLiteral("origin"), event.origin);
    addIfSet(QStringLiteral("id"), event.actorId);
    addIfSet(QStringLiteral("pid"), event.pid);
    addIfSet(QStringLiteral("tid"), event.tid);
    addIfSet(QStringLiteral("conn"), event.connection);
    if (event.result != 0 || event.phase == Phase::Return)
        json.insert(QStringLiteral("result"), event.result);
    if (event.err != 0) {
        json.insert(QStringLiteral("errno"), event.err);
        json.insert(QStringLiteral("error"), errnoName(event.err));
        json.insert(QStringLiteral("exception"), pythonExceptionName(event.err));
    }
    addIfSet(QStringLiteral("bytes"), event.bytes);
    addIfSet(QStringLiteral("port"), event.port);
    return json;
}

namespace {
thread_local qint32 t_tid = 0;

// fork() copies the forking thread's cached id into the child, whose only thread has a new id.
void forgetTidInChild()
{
    t_tid = 0;
}
} // namespace

qint32 currentTid()
{
    // gettid() is a system call and a thread's id never changes, so ask once per thread.
    static const int atforkRegistered = pthread_atfork(nullptr, nullptr, forgetTidInChild);
    Q_UNUSED(atforkRegistered)
    if (t_tid == 0)
        t_tid = qint32(::gettid());
    return t_tid;
}

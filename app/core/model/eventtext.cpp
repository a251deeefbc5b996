#include "eventtext.h"

#include "net/socketerror.h"

QString EventText::actor(const Event &e)
{
    switch (e.actor) {
    case Actor::Client:
        return tr("client %1").arg(e.actorId);
    case Actor::Worker:
        return tr("worker %1 (tid %2)").arg(e.actorId).arg(e.tid);
    case Actor::Child:
        return tr("child pid %1").arg(e.pid);
    case Actor::Server:
        return tr("server (tid %1)").arg(e.tid);
    case Actor::Probe:
        return tr("probe");
    case Actor::None:
        break;
    }
    return {};
}

QString EventText::phase(Phase phase)
{
    switch (phase) {
    case Phase::Enter:
        //: Event log phase: a call was entered
        return tr("enter");
    case Phase::Return:
        //: Event log phase: a call returned
        return tr("return");
    case Phase::Error:
        //: Event log phase: a call raised an error
        return tr("error");
    case Phase::Info:
        //: Event log phase: a note, not a call
        return tr("info");
    }
    return {};
}

QString EventText::result(const Event &e)
{
    if (e.phase == Phase::Error || (e.phase == Phase::Info && e.err != 0))
        return e.err == 0
                ? tr("exception")
                : QStringLiteral("%1 (%2)").arg(errnoName(e.err), pythonExceptionName(e.err));
    if (e.phase != Phase::Return)
        return {};
    if (e.call == Call::ConnectEx && e.result != 0)
        return QStringLiteral("%1 (%2)").arg(e.result).arg(errnoName(int(e.result)));
    return QString::number(e.result);
}

QString EventText::pythonError(int err)
{
    return QStringLiteral("%1: [Errno %2] %3")
            .arg(pythonExceptionName(err))
            .arg(err)
            .arg(SocketError::sentence(err));
}

QString EventText::python(const Event &e)
{
    // The accepted socket is `conn` in a handler (self.request); the listener and a client's
    // socket are `sock`.
    const bool handler = e.actor == Actor::Worker || e.actor == Actor::Child
            || (e.actor == Actor::Server && e.connection != 0);
    QString line = serverCall(e);
    if (line.isEmpty())
        line = socketCall(e, handler ? QStringLiteral("conn") : QStringLiteral("sock"));
    if (line.isEmpty())
        return {};
    if (e.phase == Phase::Error && e.err != 0)
        line += QStringLiteral("  # ") + pythonError(e.err);
    return line;
}

QString EventText::socketCall(const Event &e, const QString &self)
{
    const bool returned = e.phase == Phase::Return;
    const auto bytes = [&e, returned]() -> QString {
        if (!returned)
            return {};
        return QStringLiteral("  # ") + (e.bytes == 1 ? tr("1 byte") : tr("%1 bytes").arg(e.bytes));
    };
    switch (e.call) {
    case Call::Socket:
        return QStringLiteral("sock = socket.socket(family, type)");
    case Call::Bind:
        return QStringLiteral("sock.bind(addr)");
    case Call::Listen:
        return QStringLiteral("sock.listen(backlog)");
    case Call::Accept:
        return QStringLiteral("conn, addr = sock.accept()");
    case Call::Connect:
        return QStringLiteral("sock.connect(addr)");
    case Call::ConnectEx:
        return returned ? QStringLiteral("sock.connect_ex(addr)  # → %1").arg(e.result)
                        : QStringLiteral("sock.connect_ex(addr)");
    case Call::Recv:
        if (returned && e.result == 0)
            return QStringLiteral("data = %1.recv(65536)  # b'': ").arg(self)
                    + tr("the peer closed");
        return QStringLiteral("data = %1.recv(65536)").arg(self) + bytes();
    case Call::RecvFrom:
        return QStringLiteral("data, addr = sock.recvfrom(65536)") + bytes();
    case Call::Send:
        return QStringLiteral("n = %1.send(data)").arg(self) + bytes();
    case Call::SendAll:
        return QStringLiteral("%1.sendall(data)").arg(self);
    case Call::SendTo:
        return QStringLiteral("sock.sendto(data, addr)");
    case Call::SetBlocking:
        return QStringLiteral("%1.setblocking(flag)").arg(self);
    case Call::SetTimeout:
        return QStringLiteral("%1.settimeout(seconds)").arg(self);
    case Call::Shutdown:
        return QStringLiteral("%1.shutdown(socket.SHUT_WR)").arg(self);
    case Call::Close:
        return QStringLiteral("%1.close()").arg(self);
    default:
        return {};
    }
}

QString EventText::serverCall(const Event &e)
{
    switch (e.call) {
    case Call::Setup:
        return QStringLiteral("self.setup()");
    case Call::Handle:
        return QStringLiteral("self.handle()");
    case Call::Finish:
        return QStringLiteral("self.finish()");
    case Call::HandleError:
        return QStringLiteral("self.handle_error(request, client_address)");
    case Call::Sleep:
        // Enter carries the planned duration in ns.
        return e.phase == Phase::Enter && e.result > 0
                ? QStringLiteral("time.sleep(%1)").arg(double(e.result) / 1e9)
                : QStringLiteral("time.sleep(...)");
    case Call::Cpu:
        return (e.phase == Phase::Enter && e.result > 0
                        ? QStringLiteral("cpu_work(%1)").arg(double(e.result) / 1e9)
                        : QStringLiteral("cpu_work(...)"))
                + QStringLiteral("  # ") + tr("a pure-Python busy loop");
    case Call::GilWait:
        return QStringLiteral("# ") + tr("waiting for the GIL");
    case Call::Fork:
        return e.phase == Phase::Return ? QStringLiteral("pid = os.fork()  # → %1").arg(e.result)
                                        : QStringLiteral("pid = os.fork()");
    case Call::Reap:
        return QStringLiteral("os.waitpid(%1, os.WNOHANG)").arg(e.result);
    case Call::ThreadStart:
        return e.actor == Actor::Child
                ? QStringLiteral("# ") + tr("in the child: os.fork() returned 0")
                : QStringLiteral("threading.Thread(target=self.process_request_thread).start()");
    case Call::ThreadExit:
        return e.actor == Actor::Child ? QStringLiteral("os._exit(0)")
                                       : QStringLiteral("# ") + tr("the thread returns");
    case Call::ServeForever:
        return QStringLiteral("server.serve_forever()");
    case Call::ServerClose:
        return QStringLiteral("server.server_close()");
    default:
        return {};
    }
}

#include "clienttrack.h"

#include <cerrno>

void ClientTrack::apply(const Event &e)
{
    ++events;
    lastCall = e.call;
    lastPhase = e.phase;
    lastErr = e.err;
    if (startNs == 0) {
        startNs = e.ns;
        segments.push_back({ Stage::Created, ClientStage::Unknown, e.ns, 0 });
    }
    if (e.phase == Phase::Error) {
        fail(e.call, e.err, e.ns);
        return;
    }
    const bool returned = e.phase == Phase::Return;
    switch (e.call) {
    case Call::Connect:
    case Call::ConnectEx:
        if (e.phase == Phase::Enter) {
            enterStage(Stage::Connecting, e.ns);
        } else if (returned && e.result != 0 && e.call == Call::ConnectEx) {
            fail(e.call, int(e.result), e.ns); // connect_ex() returns the errno
        } else if (returned) {
            connectedNs = e.ns;
            enterStage(Stage::Connected, e.ns);
        }
        break;
    case Call::Send:
    case Call::SendAll:
    case Call::SendTo:
        if (returned)
            enterStage(Stage::WaitingReply, e.ns);
        break;
    case Call::Recv:
    case Call::RecvFrom:
        if (returned && e.bytes > 0) {
            if (firstByteNs == 0)
                firstByteNs = e.ns;
            enterStage(Stage::Served, e.ns);
        } else if (returned && e.call == Call::Recv) {
            peerClosed = true;
        }
        break;
    case Call::Close:
        close(e.ns);
        break;
    default:
        break;
    }
}

bool ClientTrack::applyKernel(const ClientProbe &probe, qint64 ns)
{
    const bool changed = kernel != probe.stage || synRetransmits != probe.synRetransmits
            || nextRetryMs != probe.nextRetryMs;
    kernel = probe.stage;
    synRetransmits = probe.synRetransmits;
    nextRetryMs = probe.nextRetryMs;
    const bool refines = probe.stage == ClientStage::Connecting
            || probe.stage == ClientStage::HandshakeNotQueued
            || probe.stage == ClientStage::AckDropped || probe.stage == ClientStage::Queued
            || probe.stage == ClientStage::Accepted;
    if (!refines || !isRefinable() || segments.empty())
        return changed;
    Segment &current = segments.back();
    // A sample read before the event that began this stage says nothing about it.
    if (current.kernel == probe.stage || ns < current.startNs)
        return changed;
    if (current.kernel == ClientStage::Unknown && ns == current.startNs) {
        current.kernel = probe.stage;
        return true;
    }
    current.endNs = ns;
    segments.push_back({ stage, probe.stage, ns, 0 });
    return true;
}

void ClientTrack::enterStage(Stage next, qint64 ns)
{
    if (stage == next && !segments.empty())
        return;
    stage = next;
    if (!segments.empty())
        segments.back().endNs = ns;
    segments.push_back({ next, ClientStage::Unknown, ns, 0 });
}

void ClientTrack::fail(Call call, int errorNumber, qint64 ns)
{
    if (result != ClientOutcome::Result::Pending)
        return; // the first failure is the one that counts
    err = errorNumber;
    failedCall = call;
    if (errorNumber == ECANCELED) {
        result = ClientOutcome::Result::Stopped; // a stop, not the network's doing
        return;
    }
    Stage next = Stage::Failed;
    result = ClientOutcome::Result::Failed;
    if (errorNumber == ECONNREFUSED) {
        next = Stage::Refused;
        result = ClientOutcome::Result::Refused;
    } else if (errorNumber == ETIMEDOUT || (call == Call::ConnectEx && errorNumber == EAGAIN)) {
        next = Stage::TimedOut; // CPython's connect_ex() reports its own timeout as 11
        result = ClientOutcome::Result::TimedOut;
    }
    enterStage(next, ns);
    if (call == Call::Socket)
        doneNs = ns; // no socket, so no close() will follow
}

void ClientTrack::close(qint64 ns)
{
    if (doneNs != 0)
        return;
    if (result == ClientOutcome::Result::Pending && peerClosed) {
        fail(Call::Recv, ECONNRESET, ns); // the server closed before echoing everything
    } else if (result == ClientOutcome::Result::Pending) {
        // Without an error, only a stop ends a client before its reply.
        result = stage == Stage::Served ? ClientOutcome::Result::Ok
                                        : ClientOutcome::Result::Stopped;
    }
    doneNs = ns;
    if (!isFinal(stage))
        enterStage(Stage::Done, ns);
    segments.back().endNs = ns;
}

QString ClientTrack::stageKey(Stage stage)
{
    switch (stage) {
    case Stage::Created:
        return QStringLiteral("created");
    case Stage::Connecting:
        return QStringLiteral("connecting");
    case Stage::Connected:
        return QStringLiteral("connected");
    case Stage::WaitingReply:
        return QStringLiteral("waiting-reply");
    case Stage::Served:
        return QStringLiteral("served");
    case Stage::Done:
        return QStringLiteral("done");
    case Stage::Refused:
        return QStringLiteral("refused");
    case Stage::TimedOut:
        return QStringLiteral("timed-out");
    case Stage::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

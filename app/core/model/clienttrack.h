#pragma once

#include "client/clientoutcome.h"
#include "probe/probesample.h"
#include "trace/event.h"

#include <QString>
#include <vector>

// One client's stage, result, milestone times and stage timeline, from its events and the probe.
struct ClientTrack
{
    // What the client's own calls say. The last three are final: a later close() keeps them.
    enum class Stage : quint8 {
        Created,
        Connecting,
        Connected,
        WaitingReply,
        Served,
        Done,
        Refused,
        TimedOut,
        Failed,
    };
    // A stretch of time in one stage; kernel refines Connecting / Connected when probed.
    struct Segment
    {
        Stage stage = Stage::Created;
        ClientStage kernel = ClientStage::Unknown;
        qint64 startNs = 0;
        qint64 endNs = 0; // 0: still going
    };

    quint16 origin = 0;
    quint32 id = 0;
    Stage stage = Stage::Created;
    ClientOutcome::Result result = ClientOutcome::Result::Pending;
    int err = 0; // errno of the failing call
    Call failedCall = Call::None;
    qint64 startNs = 0; // first event (socket() entered)
    qint64 connectedNs = 0;
    qint64 firstByteNs = 0;
    qint64 doneNs = 0; // closed (or socket() failed)
    Call lastCall = Call::None;
    Phase lastPhase = Phase::Info;
    int lastErr = 0;
    int events = 0;
    bool peerClosed = false; // recv() returned b'' before the reply was complete
    ClientStage kernel = ClientStage::Unknown; // the probe's latest word on this client
    int synRetransmits = 0;
    int nextRetryMs = -1;
    std::vector<Segment> segments;

    void apply(const Event &e);
    // The kernel's stage as sampled at ns; true when anything shown changed.
    bool applyKernel(const ClientProbe &probe, qint64 ns);
    bool isFinished() const { return doneNs != 0; }
    // Connecting or Connected: the stages the kernel can tell more about.
    // The kernel knows more than the events while the client waits: connecting, or connected
    // (and perhaps already waiting for its reply) while its connection sits in the queue.
    bool isRefinable() const
    {
        return stage == Stage::Connecting || stage == Stage::Connected
                || stage == Stage::WaitingReply;
    }

    static QString stageKey(Stage stage); // "created", "connecting", …, "timed-out", "failed"
    static bool isFinal(Stage stage) { return stage >= Stage::Refused; }

private:
    void enterStage(Stage next, qint64 ns);
    void fail(Call call, int errorNumber, qint64 ns);
    void close(qint64 ns);
};

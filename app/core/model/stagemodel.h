#pragma once

#include "model/clienttrack.h"
#include "probe/probesample.h"
#include "server/serverconfig.h"
#include "trace/event.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

// Where one client's connection is on the stage: the picture of a run that the Stage view draws.
// Derived only from what happened: the client's and the server's events (lab time) and the
// kernel's samples; a token never moves ahead of them. What the events say stands (accept()
// returned it, its reply came, it ended); the kernel only tells where a waiting client waits, and
// a sample read before the client's last connect event is not used. A client whose connect()
// returned before any sample showed it is put in the accept queue if the queue has room by the
// kernel's last count of its slots, else AckDropped (a full queue drops the final ACK), until the
// next sample says.
struct StageToken
{
    enum class Place : quint8 {
        Waiting, // the client exists, connect() not yet called
        SynSent, // outside the kernel's queues: SYN unanswered, the kernel retries it
        SynQueue, // SYN_RECV on the server: half-open (handshake not queued)
        AckDropped, // client ESTABLISHED, its final ACK dropped at a full queue
        AcceptQueue, // complete, waiting in the accept queue for accept()
        Worker, // accepted: a server thread or child holds it
        Done, // got its echo and closed
        Failed, // refused, timed out, reset or stopped
    };
    quint16 origin = 0;
    quint32 client = 0; // the lab's client number
    Place place = Place::Waiting;
    // AcceptQueue: 0 = the head (next for accept()), ordered by the later of its connect()
    // returning and its entering the queue (later for one the kernel showed outside first, e.g.
    // after its final ACK was dropped); ties by client number.
    // Worker: index into StageServer::workers of the thread or child that holds its connection;
    // -1 when none is known to (the server already let it go, or no port tied it: AF_UNIX).
    // Else: the order within its place, by client number.
    int slot = 0;
    int synRetries = 0; // SynSent: SYNs the kernel sent again so far
    int nextRetryMs = -1; // SynSent: when the next one goes (-1 unknown)
    ClientTrack::Stage clientStage = ClientTrack::Stage::Created; // what its own calls say
    qint64 sinceNs = 0; // lab time (labEpochNs + ns) it entered this place
};

// One server thread or forked child, and the call it is in now.
struct StageWorker
{
    quint16 origin = 0;
    Actor actor = Actor::None; // Server (the thread in serve_forever/accept), Worker or Child
    quint32 actorId = 0; // worker or child number; 0 for the accept thread
    qint32 pid = 0;
    qint32 tid = 0;
    Call call = Call::None; // innermost call now; None when idle between calls
    qint64 callArg = 0; // Sleep: the duration in ns as the server asked for it; else 0
    qint64 sinceNs = 0; // lab time it entered the call (idle: it returned from its last one)
    quint32 connection = 0; // the server-side connection it serves (0: none)
    quint32 client = 0; // the lab client at the other end (0: not known, e.g. AF_UNIX)
    bool exited = false; // thread_exit, serve_forever returned, or the child reaped (kept until
                         // the next run)
};

// One server of the run (A, or A and B when comparing) as the stage shows it.
struct StageServer
{
    quint16 origin = 0;
    QString label; // "TCPServer" or "A · TCPServer"
    ServerModel model = ServerModel::Blocking;
    bool stream = true; // false: UDP, no accept queue
    int backlog = 0; // listen()'s argument
    int slotCount = 0; // the accept queue's capacity as the kernel reports it: cap + 1 (0: unknown)
    int queued = 0; // the kernel's accept-queue length at the last sample
    bool listening = false;
    qint64 sampleNs = 0; // lab time of the last kernel sample applied (0: none yet)
    std::vector<StageToken> tokens; // one per client of this server, by client number
    std::vector<StageWorker> workers; // the accept thread first, then workers/children by number
};

// The stage's model: for each server, where every client's connection is and what every server
// thread or child is doing. Fed by LabSession each frame (the same batch and samples the other
// models get), live or in replay; the Stage view reads servers() and draws.
class StageModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StageModel)

public:
    explicit StageModel(QObject *parent = nullptr);
    ~StageModel() override;

    void setServers(const std::vector<ServerConfig> &servers); // A first; labels follow
    void setNow(qint64 labNs) { m_nowNs = labNs; }
    qint64 nowNs() const { return m_nowNs; }
    void applyEvents(const std::vector<Event> &labEvents);
    // ns: when the sample's rows were read, in lab time (labEpochNs + ns).
    void applyProbe(const ProbeSample &sample, quint16 origin, qint64 ns);
    // A new run: no tokens. The servers stay, and so do their threads that are still alive (a
    // blocking server's thread still waits in accept()), untied from any connection; exited ones
    // go. runStartNs: the new run's lab time 0; the calls they are in count from it (0: unchanged).
    void clear(qint64 runStartNs = 0);
    void publish(); // after a frame: recompute servers() and emit changed() if anything moved

    const std::vector<StageServer> &servers() const { return m_servers; }
    const StageServer *server(quint16 origin) const;
    std::optional<StageToken> token(quint16 origin, quint32 client) const;

    static QString placeKey(StageToken::Place place); // "waiting", "syn-sent", …, "failed"

signals:
    void changed();

private:
    struct Private;
    std::unique_ptr<Private> d;
    std::vector<StageServer> m_servers;
    qint64 m_nowNs = 0;
};

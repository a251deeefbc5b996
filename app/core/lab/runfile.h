#pragma once

#include "lab/runrecord.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <optional>

// Saves and opens a recorded run: a .socketlab-run file, gzip-compressed (so `zcat` shows it)
// UTF-8 JSON lines, one compact object per line.
//
// Line 1, the header:
//   {"format":"socketlab-run","version":1,"app":"1.0","run":3,"recordedAt":<ms since epoch>,
//    "speed":1,"servers":[{server}],"pausePoints":[{"at":0.8,"en":"…","zh":"…"}],
//    "durationNs":<lab ns>}
//   server: {"model","family","host","port","unixPath","backlog","handler","delay","gil",
//            "maxMessage","maxConnections","seedLoopCpuCap","origin"} (enums as numbers)
// Then, in lab-time order, any number of
//   {"burst":{"t":<lab ns>,"family","datagram","host","port","unixPath","clients","arrival",
//             "everyMs","message":<base64>,"roundTrips","think","timeout":<s or null>,
//             "connectEx","hold","synRetries","origin","firstId"}}
//   {"pause":{"t":<lab ns>,"pausedNs":<wall ns>,"point":<index into pausePoints, -1: the user>}}
//   {"t":<lab ns>,"e":[[event],…],"a":{sample},"b":{sample}}   a frame ("a"/"b" only if sampled)
// event: [ns, actor, call, phase, origin, actorId, connection, pid, tid, result, bytes, err, port]
//   (numbers; trailing zeros are left out, so at least the first four are there; ns may be < 0:
//   a server's calls before the run began)
// sample: {"ns","seq","queue":{"available","listening","queue","cap","overflows","drops",
//          "source","error"},"datagram":{"available","bound","queuedBytes","rcvbuf","drops",
//          "rcvbufErrors","source"},"rows":[[row],…],"rowsNs","stages":[7 counts],
//          "clients":[[id, stage, synRetransmits, nextRetryMs],…],"ss"}
// row: [local, remote, state, recvQ, sendQ, uid, inode, retransmits, timer, timerMs]
//   address: "127.0.0.1:5007", "[::1]:5007", "unix:/path" ("unix:@name", "unix:" unnamed), or
//   null for none
// Enums are their numbers in the C++ declarations (Actor, Call, Phase, ServerModel, HandlerKind,
// Family, Arrival, ClientStage): new values go at the end, never in between.
// Reading checks every field is there with its type, whole numbers in range, enums in range, a
// pause's point among the pause points, and line times ("t", "pausedNs", "durationNs") never
// negative nor going back within bursts, pauses and frames. Not checked: event and sample times
// (taken before the run began they are negative), nor frames after "durationNs".
class RunFile
{
    Q_DECLARE_TR_FUNCTIONS(RunFile)

public:
    static constexpr const char *suffix = ".socketlab-run";
    static constexpr const char *format = "socketlab-run";
    // What line 1 starts with, as encode() writes it: recognises a run file cut inside its header.
    static constexpr const char *headerStart = "{\"format\":\"socketlab-run\"";
    static constexpr int eventFields = 13;
    static constexpr int eventFieldsRequired = 4; // ns, actor, call, phase
    static constexpr int rowFields = 10;
    static constexpr int clientFields = 4;
    static constexpr int stageCount = int(ClientStage::Unknown) + 1;
    static constexpr qint64 maxInflatedBytes = qint64(2) << 30; // refuse to inflate beyond 2 GiB
    static constexpr qint64 maxLineBytes = qint64(512) << 20; // one line may not exceed 512 MiB

    // The gzip-compressed file content.
    static QByteArray encode(const RunRecord &record);
    // The record in `bytes`, or nullopt and a sentence saying what is wrong in *error.
    static std::optional<RunRecord> decode(const QByteArray &bytes, QString *error);
    // Atomic (QSaveFile): the file is either the whole run or left as it was.
    static bool save(const RunRecord &record, const QString &path, QString *error);
    // decode() of the file's content; the sentence names the OS reason when it cannot be read.
    static std::optional<RunRecord> open(const QString &path, QString *error);
};

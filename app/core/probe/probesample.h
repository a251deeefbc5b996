#pragma once

#include "probe/connectionrow.h"

#include <QString>
#include <algorithm>
#include <iterator>
#include <vector>

// Where one client is, decided from its own TCP state and the server's row for its 4-tuple.
enum class ClientStage {
    Connecting, // SYN_SENT: its SYN is unanswered (dropped at a full queue) and retried
    HandshakeNotQueued, // client ESTABLISHED, server still SYN_RECV: connect() returned, no room
    // Client ESTABLISHED, the listener has no row at all for its 4-tuple: its SYN got a SYN
    // cookie, its final ACK met a full accept queue and was dropped. Only a later segment that
    // arrives while the queue has room gets it in.
    AckDropped,
    Queued, // in the accept queue: server ESTABLISHED with inode 0
    Accepted, // a server process holds the socket (inode ≠ 0)
    Closing, // FIN_WAIT / CLOSE_WAIT / LAST_ACK / TIME_WAIT on either side
    Unknown,
};

// The accept queue of one listener, and how full queues have hurt since the probe started.
struct QueueSnapshot
{
    bool available = false; // false: this platform or namespace gives no way to see it
    bool listening = false; // a listener was found on the port / path
    int queue = 0; // connections waiting for accept()
    int cap = 0; // the effective backlog (min(backlog, somaxconn)); the queue holds cap + 1
    qint64 overflows = -1; // TcpExt ListenOverflows since the probe started (namespace-wide)
    qint64 drops = -1; // TcpExt ListenDrops since the probe started
    QString source; // "tcp_info", "sock_diag", "unix_diag", "/proc/net/tcp"
    QString error;
};

// A UDP socket's receive buffer: datagrams that arrived and wait for recvfrom(), and those the
// kernel threw away because the buffer was full. UDP has no accept queue; this is its queue.
struct DatagramSnapshot
{
    bool available = false; // false: not a UDP target, or /proc/net/udp is missing
    bool bound = false; // a UDP socket was found on the port
    qint64 queuedBytes
            = 0; // rx_queue: memory the waiting datagrams take (skb truesize, not payload)
    qint64 rcvbuf = -1; // SO_RCVBUF of our own socket (the kernel doubles what was set); -1 unknown
    qint64 drops = 0; // datagrams this socket dropped since it was created (/proc/net/udp "drops")
    qint64 rcvbufErrors = -1; // Udp + Udp6 RcvbufErrors since the probe started (namespace-wide)
    QString source; // "/proc/net/udp", "/proc/net/udp6"
};

// One of our own clients and its stage.
struct ClientProbe
{
    quint32 id = 0;
    ClientStage stage = ClientStage::Unknown;
    int synRetransmits = 0;
    int nextRetryMs = -1; // SYN_SENT: when the kernel sends the SYN again (-1 = unknown)
};

// Everything one probe sample saw, at one monotonic time.
struct ProbeSample
{
    qint64 ns = 0;
    quint64 sequence = 0;
    QueueSnapshot queue;
    DatagramSnapshot datagram; // UDP targets only
    std::vector<ConnectionRow> rows; // every socket of the port, both sides
    qint64 rowsNs = 0; // when rows, stageCounts and clients were read (may be an earlier sample)
    int stageCounts[int(ClientStage::Unknown) + 1] = {};
    std::vector<ClientProbe> clients;
    QString ss; // the command that shows the same figures

    static QString stageKey(ClientStage stage); // "connecting", "handshake", "ack-dropped", …
    // Every field but rows (a run's record keeps no rows: copying them only to drop them cost
    // most of recording a 1,000-client sample). A new field is copied here too.
    ProbeSample withoutRows() const
    {
        ProbeSample copy;
        copy.ns = ns;
        copy.sequence = sequence;
        copy.queue = queue;
        copy.datagram = datagram;
        copy.rowsNs = rowsNs;
        std::copy(std::begin(stageCounts), std::end(stageCounts), std::begin(copy.stageCounts));
        copy.clients = clients;
        copy.ss = ss;
        return copy;
    }
};

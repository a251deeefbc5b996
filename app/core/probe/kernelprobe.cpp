#include "kernelprobe.h"

#include "probe/procnet.h"
#include "trace/clock.h"

#include <QFile>
#include <chrono>
#include <map>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <set>
#include <sys/socket.h>

namespace {

bool closingState(int state)
{
    switch (state) {
    case ConnectionRow::FinWait1:
    case ConnectionRow::FinWait2:
    case ConnectionRow::TimeWait:
    case ConnectionRow::CloseWait:
    case ConnectionRow::LastAck:
    case ConnectionRow::Closing:
        return true;
    default:
        return false;
    }
}

// The server's stage for a connection, from its row.
ClientStage serverStage(const ConnectionRow &row)
{
    if (row.state == ConnectionRow::SynRecv)
        return ClientStage::HandshakeNotQueued;
    if (closingState(row.state))
        return ClientStage::Closing;
    if (row.state == ConnectionRow::Established)
        return row.inode == 0 ? ClientStage::Queued : ClientStage::Accepted;
    return ClientStage::Unknown;
}

bool isLoopback(const QString &host)
{
    return host.startsWith(QLatin1String("127.")) || host == QLatin1String("::1")
            || host.startsWith(QLatin1String("::ffff:127."));
}

} // namespace

QString ProbeSample::stageKey(ClientStage stage)
{
    switch (stage) {
    case ClientStage::Connecting:
        return QStringLiteral("connecting");
    case ClientStage::HandshakeNotQueued:
        return QStringLiteral("handshake");
    case ClientStage::AckDropped:
        return QStringLiteral("ack-dropped");
    case ClientStage::Queued:
        return QStringLiteral("queued");
    case ClientStage::Accepted:
        return QStringLiteral("accepted");
    case ClientStage::Closing:
        return QStringLiteral("closing");
    case ClientStage::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

KernelProbe::KernelProbe(const ProbeTarget &target)
    : m_target(target), m_start(NetstatCounters::read())
{ }

KernelProbe::~KernelProbe()
{
    stop();
}

ProbeSample KernelProbe::sample()
{
    ProbeSample s;
    s.ns = Clock::nowNs();
    s.sequence = ++m_sequence;
    if (m_target.datagram)
        sampleUdp(s);
    else if (m_target.family == Family::Unix)
        sampleUnix(s);
    else
        sampleTcp(s);
    const NetstatCounters now = NetstatCounters::read();
    if (now.isAvailable() && m_start.isAvailable()) {
        s.queue.overflows = now.listenOverflows - m_start.listenOverflows;
        s.queue.drops = now.listenDrops - m_start.listenDrops;
    }
    if (m_target.datagram && now.udpRcvbufErrors >= 0 && m_start.udpRcvbufErrors >= 0)
        s.datagram.rcvbufErrors = now.udpRcvbufErrors - m_start.udpRcvbufErrors;
    return s;
}

void KernelProbe::sampleTcp(ProbeSample &s)
{
    const quint16 port = m_target.port;
    s.ss = QStringLiteral("ss -lnt 'sport = :%1'; ss -tn 'sport = :%1 or dport = :%1'").arg(port);
    const bool busy = m_lastRows.rows.size() > 256;
    if (busy && s.sequence % 5 != 0 && m_diag.isAvailable()) {
        // Only the listener now; the rows of a busy port come from the last full read.
        const std::optional<std::vector<ConnectionRow>> listeners
                = m_diag.tcpRows(m_target.family, port, 1U << ConnectionRow::Listen);
        if (listeners) {
            s.queue.available = true;
            s.queue.source = QStringLiteral("sock_diag");
            for (const ConnectionRow &row : *listeners) {
                if (row.local.port() == port) {
                    s.queue.listening = true;
                    s.queue.queue = int(row.recvQ);
                    s.queue.cap = int(row.sendQ);
                }
            }
            readOwnListener(s);
            s.rows = m_lastRows.rows;
            s.rowsNs = m_lastRows.rowsNs;
            std::copy(std::begin(m_lastRows.stageCounts), std::end(m_lastRows.stageCounts),
                      std::begin(s.stageCounts));
            s.clients = m_lastRows.clients;
            return;
        }
    }
    s.rowsNs = s.ns;
    std::optional<std::vector<ConnectionRow>> rows = m_diag.tcpRows(m_target.family, port);
    s.queue.source = QStringLiteral("sock_diag");
    if (!rows) {
        s.queue.error = m_diag.error();
        rows = ProcNet::tcpRows(m_target.family, port);
        s.queue.source = m_target.family == Family::Inet6 ? QStringLiteral("/proc/net/tcp6")
                                                          : QStringLiteral("/proc/net/tcp");
    }
    if (!rows) {
        s.queue.source.clear();
        return; // neither source exists here: "not available" is the answer
    }
    s.queue.available = true;
    s.rows = std::move(*rows);

    classify(s, port,
             m_target.clients ? m_target.clients() : std::vector<ClientSwarm::LiveSocket>());
    readOwnListener(s);
    m_lastRows.rows = s.rows;
    m_lastRows.rowsNs = s.rowsNs;
    std::copy(std::begin(s.stageCounts), std::end(s.stageCounts),
              std::begin(m_lastRows.stageCounts));
    m_lastRows.clients = s.clients;
}

void KernelProbe::sampleUdp(ProbeSample &s)
{
    const quint16 port = m_target.port;
    s.ss = QStringLiteral("ss -uanm 'sport = :%1'   # skmem: r = queued, rb = buffer, d = drops")
                   .arg(port);
    if (m_target.family == Family::Unix)
        return; // /proc/net/unix has no receive figures for datagram sockets
    const std::optional<ProcNet::UdpRow> row = ProcNet::udpRow(m_target.family, port);
    s.datagram.source = m_target.family == Family::Inet6 ? QStringLiteral("/proc/net/udp6")
                                                         : QStringLiteral("/proc/net/udp");
    if (!row) {
        s.datagram.available = ProcNet::udpRow(m_target.family, 0).has_value();
        return;
    }
    s.datagram.available = true;
    s.datagram.bound = true;
    s.datagram.queuedBytes = row->rxQueue;
    s.datagram.drops = row->drops;
    if (m_target.ownListenerFd >= 0) {
        int rcvbuf = 0;
        socklen_t length = sizeof rcvbuf;
        if (::getsockopt(m_target.ownListenerFd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, &length) == 0)
            s.datagram.rcvbuf = rcvbuf;
    }
}

void KernelProbe::readOwnListener(ProbeSample &s) const
{
    if (m_target.ownListenerFd < 0)
        return;
    // Our own listener: TCP_INFO gives the same pair without asking netlink.
    tcp_info info{};
    socklen_t length = sizeof info;
    if (::getsockopt(m_target.ownListenerFd, IPPROTO_TCP, TCP_INFO, &info, &length) == 0
        && info.tcpi_state == ConnectionRow::Listen) {
        s.queue.listening = true;
        s.queue.queue = int(info.tcpi_unacked);
        s.queue.cap = int(info.tcpi_sacked);
        s.queue.source = QStringLiteral("tcp_info");
    }
}

void KernelProbe::sampleUnix(ProbeSample &s)
{
    s.rowsNs = s.ns;
    s.ss = QStringLiteral("ss -xl src %1").arg(m_target.path);
    const std::optional<std::vector<ConnectionRow>> rows = m_diag.unixListeners();
    if (!rows) {
        s.queue.error = m_diag.error();
        QFile procUnix(QStringLiteral("/proc/net/unix"));
        if (!procUnix.exists())
            return; // neither source: "not available here"
        s.queue.available = true;
        s.queue.source = QStringLiteral("/proc/net/unix");
        if (const std::optional<ConnectionRow> row = ProcNet::unixListener(m_target.path)) {
            s.queue.listening = true;
            s.queue.queue = int(row->recvQ);
            s.rows.push_back(*row);
            s.stageCounts[int(ClientStage::Queued)] = int(row->recvQ);
        }
        return;
    }
    s.queue.available = true;
    s.queue.source = QStringLiteral("unix_diag");
    for (const ConnectionRow &row : *rows) {
        if (row.local.path() == m_target.path) {
            s.queue.listening = true;
            s.queue.queue = int(row.recvQ);
            s.queue.cap = int(row.sendQ);
            s.rows.push_back(row);
            s.stageCounts[int(ClientStage::Queued)] = int(row.recvQ);
        }
    }
}

void KernelProbe::classify(ProbeSample &s, quint16 port,
                           const std::vector<ClientSwarm::LiveSocket> &clients)
{
    std::map<QString, const ConnectionRow *> serverRows; // keyed by the client's address
    std::set<QString> listenerHosts; // "0.0.0.0" / "::" for a wildcard listener
    std::set<QString> serverHosts; // the addresses the server's connections have here
    for (const ConnectionRow &row : s.rows) {
        if (row.state == ConnectionRow::Listen && row.local.port() == port) {
            s.queue.listening = true;
            s.queue.queue = int(row.recvQ);
            s.queue.cap = int(row.sendQ);
            listenerHosts.insert(row.local.host());
        } else if (row.local.port() == port) {
            serverRows[row.remote.toString()] = &row;
            serverHosts.insert(row.local.host());
            ++s.stageCounts[int(serverStage(row))];
        }
    }
    // Whether a client side connects to this machine's listener (not to the same port elsewhere).
    const auto toOurListener = [&](const ConnectionRow &row) {
        const QString host = row.remote.host();
        if (listenerHosts.count(host))
            return true;
        if (!listenerHosts.count(QStringLiteral("0.0.0.0"))
            && !listenerHosts.count(QStringLiteral("::")))
            return false;
        return host == row.local.host() || serverHosts.count(host) || isLoopback(host);
    };
    // A client side's stage: its own state, and the server's row for its 4-tuple if any.
    // Client sides are visible when the clients run on this machine.
    const auto clientStage = [&](const ConnectionRow &row) {
        if (row.state == ConnectionRow::SynSent)
            return ClientStage::Connecting;
        if (closingState(row.state))
            return ClientStage::Closing;
        if (row.state != ConnectionRow::Established)
            return ClientStage::Unknown;
        const auto server = serverRows.find(row.local.toString());
        if (server != serverRows.end())
            return serverStage(*server->second);
        // Connected, yet the listener has no row for it: its final ACK was dropped.
        return toOurListener(row) ? ClientStage::AckDropped : ClientStage::Unknown;
    };
    std::map<quint64, const ConnectionRow *> byInode;
    for (const ConnectionRow &row : s.rows) {
        if (row.local.port() == port || row.remote.port() != port)
            continue;
        if (row.inode)
            byInode[row.inode] = &row;
        // Counted from the client side only when the server side has no row to count.
        if (serverRows.count(row.local.toString()))
            continue;
        const ClientStage stage = clientStage(row);
        if (stage != ClientStage::Unknown)
            ++s.stageCounts[int(stage)];
    }
    // Our own clients are found by the inode of their socket in the kernel's rows: the probe
    // never touches a client's fd, which its own thread may be connecting or closing right now.
    for (const ClientSwarm::LiveSocket &client : clients) {
        const auto found = byInode.find(client.inode);
        if (found == byInode.end())
            continue; // not connecting to this port (yet, or any more)
        const ConnectionRow &row = *found->second;
        ClientProbe probe;
        probe.id = client.id;
        probe.stage = clientStage(row);
        if (probe.stage == ClientStage::Connecting) {
            probe.synRetransmits = row.retransmits;
            probe.nextRetryMs = row.timer ? int(row.timerMs) : -1;
        }
        s.clients.push_back(probe);
    }
}

void KernelProbe::start(int hz)
{
    stop();
    m_stop = false;
    const auto period = std::chrono::microseconds(1'000'000 / qBound(1, hz, 1000));
    m_thread = std::thread([this, period] {
        auto next = std::chrono::steady_clock::now();
        while (!m_stop.load()) {
            auto s = std::make_shared<const ProbeSample>(sample());
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_latest.swap(s);
            } // the sample it replaced goes here, outside the lock
            next += period;
            // Woken at once by stop(): the GUI thread joins this one and must not wait a period.
            std::unique_lock<std::mutex> lock(m_wakeMutex);
            m_wake.wait_until(lock, next, [this] { return m_stop.load(); });
        }
    });
}

void KernelProbe::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_wakeMutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

ProbeSample KernelProbe::latest() const
{
    const std::shared_ptr<const ProbeSample> s = latestShared();
    return s ? *s : ProbeSample{};
}

std::shared_ptr<const ProbeSample> KernelProbe::latestShared() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_latest;
}

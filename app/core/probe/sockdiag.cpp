#include "sockdiag.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

QString describe(int code)
{
    const char *text = strerrordesc_np(code);
    return text ? QString::fromLatin1(text) : QStringLiteral("error %1").arg(code);
}

Address inetAddress(int family, const __be32 *raw, __be16 port)
{
    if (family == AF_INET) {
        sockaddr_in in{};
        in.sin_family = AF_INET;
        in.sin_port = port;
        std::memcpy(&in.sin_addr, raw, 4);
        return Address::fromSockaddr(reinterpret_cast<sockaddr *>(&in), sizeof in);
    }
    sockaddr_in6 in6{};
    in6.sin6_family = AF_INET6;
    in6.sin6_port = port;
    std::memcpy(&in6.sin6_addr, raw, 16);
    return Address::fromSockaddr(reinterpret_cast<sockaddr *>(&in6), sizeof in6);
}

} // namespace

SockDiag::SockDiag()
{
    m_fd = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (m_fd < 0)
        m_error = QStringLiteral("sock_diag is not available here: %1").arg(describe(errno));
}

SockDiag::~SockDiag()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool SockDiag::send(const void *request, size_t length)
{
    sockaddr_nl kernel{};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(m_fd, request, length, 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel)
        < 0) {
        m_error = QStringLiteral("sock_diag request failed: %1").arg(describe(errno));
        return false;
    }
    return true;
}

template<typename Handle> bool SockDiag::receive(Handle handle)
{
    alignas(nlmsghdr) char buffer[32768];
    for (;;) {
        const ssize_t got = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            m_error = QStringLiteral("sock_diag reply failed: %1").arg(describe(errno));
            return false;
        }
        int left = int(got);
        for (auto *message = reinterpret_cast<nlmsghdr *>(buffer); NLMSG_OK(message, left);
             message = NLMSG_NEXT(message, left)) {
            if (message->nlmsg_seq != m_sequence)
                continue; // a late reply to an earlier request
            if (message->nlmsg_type == NLMSG_DONE)
                return true;
            if (message->nlmsg_type == NLMSG_ERROR) {
                const auto *error = static_cast<const nlmsgerr *>(NLMSG_DATA(message));
                m_error = QStringLiteral("sock_diag: %1").arg(describe(-error->error));
                return false;
            }
            handle(message);
        }
    }
}

std::optional<std::vector<ConnectionRow>> SockDiag::tcpRows(Family family, quint16 port,
                                                            quint32 states)
{
    if (m_fd < 0)
        return std::nullopt;
    // "sport == port || dport == port", run by the kernel for each socket (inet_diag_bc_run: a
    // jump to exactly the end accepts, one past it rejects; a port lives in the next op's `no`;
    // inet_diag_bc_audit wants every `no` target on the chain of `yes` jumps, hence the JMP).
    //   0: S_EQ  yes → 8 (JMP)      no → 12 (D_EQ)
    //   8: JMP                      no → 20 (end: accept)
    //  12: D_EQ  yes → 20 (accept)  no → 24 (reject)
    struct Request
    {
        nlmsghdr header;
        inet_diag_req_v2 request;
        rtattr filterHeader;
        inet_diag_bc_op filter[5];
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.header.nlmsg_seq = ++m_sequence;
    message.request.sdiag_family = family == Family::Inet6 ? AF_INET6 : AF_INET;
    message.request.sdiag_protocol = IPPROTO_TCP;
    message.request.idiag_states = states; // ~0U: every state, SYN_RECV request sockets too
    message.filterHeader.rta_type = INET_DIAG_REQ_BYTECODE;
    message.filterHeader.rta_len = RTA_LENGTH(sizeof message.filter);
    message.filter[0] = { INET_DIAG_BC_S_EQ, 8, 12 };
    message.filter[1] = { 0, 0, port };
    message.filter[2] = { INET_DIAG_BC_JMP, 4, 12 };
    message.filter[3] = { INET_DIAG_BC_D_EQ, 8, 12 };
    message.filter[4] = { 0, 0, port };
    if (!send(&message, sizeof message))
        return std::nullopt;
    std::vector<ConnectionRow> rows;
    const int af = message.request.sdiag_family;
    const bool ok = receive([&](const nlmsghdr *reply) {
        const auto *diag = static_cast<const inet_diag_msg *>(NLMSG_DATA(reply));
        ConnectionRow row;
        row.local = inetAddress(af, diag->id.idiag_src, diag->id.idiag_sport);
        row.remote = inetAddress(af, diag->id.idiag_dst, diag->id.idiag_dport);
        row.state = diag->idiag_state;
        row.recvQ = diag->idiag_rqueue;
        row.sendQ = diag->idiag_wqueue;
        row.uid = diag->idiag_uid;
        row.inode = diag->idiag_inode;
        row.retransmits = diag->idiag_retrans;
        row.timer = diag->idiag_timer;
        row.timerMs = diag->idiag_expires;
        rows.push_back(row);
    });
    if (!ok)
        return std::nullopt;
    return rows;
}

std::optional<std::vector<ConnectionRow>> SockDiag::unixListeners()
{
    if (m_fd < 0)
        return std::nullopt;
    struct Request
    {
        nlmsghdr header;
        unix_diag_req request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    message.header.nlmsg_seq = ++m_sequence;
    message.request.sdiag_family = AF_UNIX;
    message.request.udiag_states = 1U << ConnectionRow::Listen;
    message.request.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_RQLEN;
    if (!send(&message, sizeof message))
        return std::nullopt;
    std::vector<ConnectionRow> rows;
    const bool ok = receive([&](const nlmsghdr *reply) {
        const auto *diag = static_cast<const unix_diag_msg *>(NLMSG_DATA(reply));
        ConnectionRow row;
        row.state = diag->udiag_state;
        row.inode = diag->udiag_ino;
        int left = int(reply->nlmsg_len - NLMSG_LENGTH(sizeof *diag));
        for (auto *attr = reinterpret_cast<const rtattr *>(diag + 1); RTA_OK(attr, left);
             attr = RTA_NEXT(attr, left)) {
            if (attr->rta_type == UNIX_DIAG_NAME) {
                const auto *name = static_cast<const char *>(RTA_DATA(attr));
                const int size = int(RTA_PAYLOAD(attr));
                sockaddr_un un{};
                un.sun_family = AF_UNIX;
                std::memcpy(un.sun_path, name, size_t(qMin<int>(size, sizeof un.sun_path)));
                row.local = Address::fromSockaddr(
                        reinterpret_cast<sockaddr *>(&un),
                        socklen_t(offsetof(sockaddr_un, sun_path) + size_t(size)));
            } else if (attr->rta_type == UNIX_DIAG_RQLEN) {
                const auto *queue = static_cast<const unix_diag_rqlen *>(RTA_DATA(attr));
                row.recvQ = queue->udiag_rqueue;
                row.sendQ = queue->udiag_wqueue;
            }
        }
        rows.push_back(row);
    });
    if (!ok)
        return std::nullopt;
    return rows;
}

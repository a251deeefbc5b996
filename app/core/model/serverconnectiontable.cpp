#include "serverconnectiontable.h"

#include <algorithm>

bool ServerConnectionTable::apply(const Event &e)
{
    const bool serverSide
            = e.actor == Actor::Server || e.actor == Actor::Worker || e.actor == Actor::Child;
    if (!serverSide || e.connection == 0)
        return false;
    Connection &c = m_connections[{ e.origin, e.connection }];
    if (c.id == 0) {
        c.origin = e.origin;
        c.id = e.connection;
        c.acceptedNs = e.ns;
    }
    const auto advance = [&c](State next) {
        c.state = std::max(c.state, next);
    };
    const auto handledBy = [&c](qint32 pid, qint32 tid) {
        c.pid = pid;
        c.tid = tid;
    };
    switch (e.call) {
    case Call::Fork:
        if (e.phase == Phase::Return)
            handledBy(qint32(e.result), qint32(e.result)); // the child's only thread: tid == pid
        break;
    case Call::ThreadStart:
        handledBy(e.pid, e.tid);
        break;
    case Call::Setup:
    case Call::Handle:
    case Call::Finish:
        if (e.phase == Phase::Enter) {
            handledBy(e.pid, e.tid);
            advance(e.call == Call::Setup            ? State::Setup
                            : e.call == Call::Handle ? State::Handle
                                                     : State::Finish);
        }
        break;
    case Call::HandleError:
        c.failed = true;
        break;
    case Call::Close:
    case Call::Reap:
    case Call::ThreadExit:
        if (c.state != State::Closed) {
            c.state = State::Closed;
            c.closedNs = e.ns;
        }
        break;
    default:
        break;
    }
    return true;
}

std::optional<ServerConnectionTable::Connection> ServerConnectionTable::find(quint16 origin,
                                                                             quint32 id) const
{
    const auto it = m_connections.find({ origin, id });
    return it == m_connections.end() ? std::nullopt : std::optional<Connection>(it->second);
}

std::vector<ServerConnectionTable::Connection>
ServerConnectionTable::connections(quint16 origin) const
{
    std::vector<Connection> list;
    for (auto it = m_connections.lower_bound({ origin, 0 });
         it != m_connections.end() && it->first.first == origin; ++it)
        list.push_back(it->second);
    return list;
}

QString ServerConnectionTable::stateKey(State state)
{
    switch (state) {
    case State::Accepted:
        return QStringLiteral("accepted");
    case State::Setup:
        return QStringLiteral("setup");
    case State::Handle:
        return QStringLiteral("handle");
    case State::Finish:
        return QStringLiteral("finish");
    case State::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

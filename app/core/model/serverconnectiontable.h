#pragma once

#include "trace/event.h"

#include <QString>
#include <map>
#include <optional>
#include <utility>
#include <vector>

// Each server-side connection (numbered in accept order): how far it got and who serves it.
class ServerConnectionTable
{
public:
    // Only ever moves forward.
    enum class State : quint8 { Accepted, Setup, Handle, Finish, Closed };
    struct Connection
    {
        quint16 origin = 0;
        quint32 id = 0;
        State state = State::Accepted;
        qint32 pid = 0; // of the thread or child that handles it
        qint32 tid = 0;
        qint64 acceptedNs = 0; // its first event
        qint64 closedNs = 0;
        bool failed = false; // handle_error() ran
    };

    // A server-side event (server, worker or child) about a connection; false for any other.
    bool apply(const Event &e);
    std::optional<Connection> find(quint16 origin, quint32 id) const;
    std::vector<Connection> connections(quint16 origin) const; // in id order
    int size() const { return int(m_connections.size()); }
    void clear() { m_connections.clear(); }

    static QString stateKey(State state); // "accepted", "setup", "handle", "finish", "closed"

private:
    std::map<std::pair<quint16, quint32>, Connection> m_connections;
};

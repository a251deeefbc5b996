#pragma once

#include "net/address.h"

#include <QByteArray>
#include <QString>
#include <optional>

// How clients arrive: all at once, one every `everyMs`, or only when asked (addClient()).
enum class Arrival { Burst, Every, OnDemand };

// What a swarm of clients does: where they connect, when they arrive, what they send.
struct SwarmConfig
{
    Family family = Family::Inet;
    bool datagram = false; // UDP / Unix datagram clients: sendto() + recvfrom(), no connect()
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QString unixPath;
    int clients = 1; // at most maxClients
    Arrival arrival = Arrival::Burst;
    int everyMs = 100;
    QByteArray message = QByteArrayLiteral("hello");
    int roundTrips = 1; // send + wait for the echo, this many times
    double thinkSeconds = 0.0; // pause between round trips
    std::optional<double> timeout; // settimeout() before connect (None: block, like Python)
    bool connectEx = false; // connect_ex() style: an error number instead of an exception
    double holdSeconds = 0.0; // keep the connection open after the last reply
    int synRetries = 0; // TCP_SYNCNT when > 0; the kernel's tcp_syn_retries otherwise
    quint16 origin = 0;
    quint32 firstId = 1; // client numbers start here (several swarms in one run stay distinct)

    static constexpr int maxClients = 5000;
    QString validate() const; // empty when usable
    std::optional<Address> target(QString *error) const;
};

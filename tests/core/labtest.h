#pragma once
// Helpers shared by the engine tests: real sockets, real kernel figures, no fixed sleeps.

#include "net/socket.h"
#include "trace/event.h"
#include "trace/eventhub.h"

#include <QByteArray>
#include <QDir>
#include <algorithm>
#include <netinet/in.h>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

Q_DECLARE_METATYPE(Family)

namespace labtest {

inline int openFdCount()
{
    return int(QDir(QStringLiteral("/proc/self/fd"))
                       .entryList(QDir::NoDotAndDotDot | QDir::System)
                       .size());
}

inline int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task"))
                       .entryList(QDir::NoDotAndDotDot | QDir::Dirs)
                       .size());
}

// Collects everything a hub has seen so a test can look back at the whole run.
struct EventLog
{
    EventHub hub{ 1 << 20 };
    std::vector<Event> all;

    const std::vector<Event> &pump()
    {
        const std::vector<Event> batch = hub.drain();
        all.insert(all.end(), batch.begin(), batch.end());
        return all;
    }
    int count(Call call, Phase phase, Actor actor = Actor::None)
    {
        pump();
        return int(std::count_if(all.begin(), all.end(), [&](const Event &e) {
            return e.call == call && e.phase == phase && (actor == Actor::None || e.actor == actor);
        }));
    }
    // The most connections that were inside handle() at the same moment.
    int maxConcurrentHandles()
    {
        pump();
        int inside = 0;
        int most = 0;
        for (const Event &e : all) {
            if (e.call != Call::Handle)
                continue;
            if (e.phase == Phase::Enter)
                most = std::max(most, ++inside);
            else if (e.phase == Phase::Return || e.phase == Phase::Error)
                --inside;
        }
        return most;
    }
    // Calls entered but not (yet) returned, per connection: e.g. clients still inside connect().
    int pending(Call call, Actor actor)
    {
        pump();
        std::set<std::pair<quint32, qint32>> open;
        for (const Event &e : all) {
            if (e.call != call || e.actor != actor)
                continue;
            const auto key = std::make_pair(e.actorId, e.tid);
            if (e.phase == Phase::Enter)
                open.insert(key);
            else
                open.erase(key);
        }
        return int(open.size());
    }
};

// A plain client: connect, send everything, read exactly `expect` bytes back (or until EOF).
inline QByteArray roundTrip(const Address &address, const QByteArray &message,
                            bool datagram = false, qint64 expect = -1)
{
    SocketError error;
    Socket socket = Socket::create(address.family(), datagram ? SOCK_DGRAM : SOCK_STREAM, &error);
    if (error)
        return "socket failed";
    socket.setTimeout(10.0);
    if (datagram) {
        if (address.family() == Family::Unix) {
            static int n = 0;
            socket.bind(
                    *Address::unixPath(QStringLiteral("@labtest-%1-%2").arg(::getpid()).arg(++n)));
        }
        socket.sendTo(message, address, &error);
        Address from;
        return error ? QByteArray("sendto failed") : socket.recvFrom(1 << 20, &from, &error);
    }
    if (socket.connect(address))
        return "connect failed";
    // Send from a second thread while this one reads: a server echoing a big message fills the
    // client's receive buffer, and a client that only reads after sending everything would wait
    // forever (Unix sockets have small buffers).
    SocketError sendError;
    std::thread sender([&] { sendError = socket.sendAll(message); });
    QByteArray reply;
    const qint64 want = expect < 0 ? message.size() : expect;
    while (reply.size() < want) {
        const QByteArray part = socket.recv(1 << 16, &error);
        if (error || part.isEmpty())
            break;
        reply += part;
    }
    sender.join();
    if (sendError)
        return "sendall failed";
    return reply;
}

} // namespace labtest

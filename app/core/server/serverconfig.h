#pragma once

#include "net/address.h"

#include <QString>
#include <functional>
#include <memory>
#include <optional>

class Handler;

// Python's socketserver classes that SocketLab reproduces.
enum class ServerModel { Blocking, Threading, Forking, Udp, ThreadingUdp };
// The request handlers a lab server can run (see server/*handler.h).
enum class HandlerKind { Echo, SleepEcho, Cpu, SeedLoop, SeedFixed };

// Everything that decides how one lab server listens and serves; a plain value.
struct ServerConfig
{
    ServerModel model = ServerModel::Blocking;
    Family family = Family::Inet;
    QString host = QStringLiteral("127.0.0.1"); // loopback unless the user chooses otherwise
    quint16 port = 0; // 0: the kernel picks one; the bound port is reported after start
    QString unixPath; // empty: a socket file in a private 0700 temporary folder
    int backlog = 5; // socketserver.TCPServer.request_queue_size
    HandlerKind handler = HandlerKind::Echo;
    double delaySeconds = 0.0; // sleep-echo waits, cpu burns, for this long per message
    bool gil = false; // cpu handler: one process-wide lock around CPU work (CPython's GIL,
                      // simulated)
    qint64 maxMessage = 64 * 1024; // recv()/recvfrom() bufsize
    int maxConnections = 0; // threading/forking: at most this many served at once (0 = no limit)
    double seedLoopCpuCap = 1.0; // seconds of CPU the seed's endless loop may burn per connection
    quint16 origin = 0; // tells two servers apart in one event stream

    // Tests and experiments may supply their own handler; it overrides `handler`.
    std::function<std::unique_ptr<Handler>()> handlerFactory;

    bool isStream() const
    {
        return model != ServerModel::Udp && model != ServerModel::ThreadingUdp;
    }
    // A clear reason when this configuration cannot work, else an empty string.
    QString validate() const;

    static QString modelKey(ServerModel model); // "blocking", "threading", "forking", "udp", …
    static QString pythonClassName(ServerModel model, Family family); // "ThreadingTCPServer", …
    static std::optional<ServerModel> modelFromKey(const QString &key);
    static QString handlerKey(HandlerKind kind); // "echo", "sleep-echo", "cpu", "seed-loop", …
    static std::optional<HandlerKind> handlerFromKey(const QString &key);
};

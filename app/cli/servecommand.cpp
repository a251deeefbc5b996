#include "servecommand.h"

#include "clicommon.h"
#include "lab/labsession.h"
#include "server/server.h"
#include "sessionprinter.h"
#include "trace/clock.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <unistd.h>

namespace {

const QString command = QStringLiteral("serve");

} // namespace

int ServeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Run one lab server (raw POSIX sockets, like Python's socketserver) until SIGINT or "
            "SIGTERM. Real clients (nc, Python, socketlab-cli swarm) can talk to it."));
    parser.addOptions({
            CliCommon::option("model",
                              "blocking (TCPServer), threading (ThreadingTCPServer), forking "
                              "(ForkingTCPServer), udp (UDPServer), threading-udp.",
                              "MODEL", "blocking"),
            CliCommon::option("family", "inet, inet6 or unix.", "FAMILY", "inet"),
            CliCommon::option("host", "Address to bind (default: the loopback of the family).",
                              "HOST"),
            CliCommon::option("port", "Port, 0 = any free port (printed once bound).", "PORT", "0"),
            CliCommon::option("path", "Unix socket path (default: a new private 0700 folder).",
                              "PATH"),
            CliCommon::option("backlog", "listen() backlog.", "N", "5"),
            CliCommon::option("handler", "echo, sleep-echo, cpu, seed-loop or seed-fixed.",
                              "HANDLER", "echo"),
            CliCommon::option("delay", "Handler delay in seconds (sleep-echo, cpu).", "SECONDS",
                              "2"),
            CliCommon::option("gil",
                              "cpu handler: serialise CPU work behind one lock (a simulation of "
                              "CPython's GIL)."),
            CliCommon::option("max-message", "recv() bufsize in bytes.", "BYTES", "65536"),
            CliCommon::option("max-connections", "Serve at most N at once (0 = no limit).", "N",
                              "0"),
            CliCommon::option("events", "Print every socket call as a JSON line."),
            CliCommon::option("probe",
                              "Also print the kernel's view every 200 ms: accept queue, cap, "
                              "drops, stages (as socketlab-cli observe does)."),
            CliCommon::option("duration", "Stop by itself after this many seconds (0 = never).",
                              "SECONDS", "0"),
    });
    int exitCode = 0;
    if (!CliCommon::parse(parser, arguments, command, &exitCode))
        return exitCode;

    ServerConfig config;
    const auto model = ServerConfig::modelFromKey(parser.value(QStringLiteral("model")));
    const auto family = Address::familyFromKey(parser.value(QStringLiteral("family")));
    const auto handler = ServerConfig::handlerFromKey(parser.value(QStringLiteral("handler")));
    if (!model || !family || !handler) {
        CliCommon::usageError(command,
                              !model ? QStringLiteral("unknown --model '%1'")
                                               .arg(parser.value(QStringLiteral("model")))
                                      : !family
                                      ? QStringLiteral("unknown --family '%1'")
                                                .arg(parser.value(QStringLiteral("family")))
                                      : QStringLiteral("unknown --handler '%1'")
                                                .arg(parser.value(QStringLiteral("handler"))));
        return 2;
    }
    const auto port = CliCommon::number(parser, QStringLiteral("port"), 0, 65535, command);
    const auto backlog = CliCommon::number(parser, QStringLiteral("backlog"), 0, 65535, command);
    const auto delay = CliCommon::number(parser, QStringLiteral("delay"), 0, 3600, command);
    const auto maxMessage
            = CliCommon::number(parser, QStringLiteral("max-message"), 1, 64 << 20, command);
    const auto maxConnections
            = CliCommon::number(parser, QStringLiteral("max-connections"), 0, 100000, command);
    const auto duration = CliCommon::number(parser, QStringLiteral("duration"), 0, 1e7, command);
    if (!port || !backlog || !delay || !maxMessage || !maxConnections || !duration)
        return 2;
    config.model = *model;
    config.family = *family;
    config.host = parser.isSet(QStringLiteral("host"))
            ? parser.value(QStringLiteral("host"))
            : (*family == Family::Inet6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1"));
    config.port = quint16(*port);
    config.unixPath = parser.value(QStringLiteral("path"));
    config.backlog = int(*backlog);
    config.handler = *handler;
    config.delaySeconds = *delay;
    config.gil = parser.isSet(QStringLiteral("gil"));
    config.maxMessage = qint64(*maxMessage);
    config.maxConnections = int(*maxConnections);
    const bool events = parser.isSet(QStringLiteral("events"));

    CliCommon::blockStopSignals(); // before any thread exists, so all of them inherit it
    // The window's own run object, headless: the same server, probe, hub and drain.
    LabSession session;
    SessionPrinter printer(&session, events, parser.isSet(QStringLiteral("probe")));
    QString error;
    if (!session.startServers(config, std::nullopt, &error)) {
        CliCommon::printLine({ { QStringLiteral("event"), QStringLiteral("error") },
                               { QStringLiteral("message"), error } });
        std::fprintf(stderr, "socketlab-cli serve: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 startNs = session.clock().startNs(); // t = 0: the run began with the server
    const Address bound = session.server()->address();
    QJsonObject listening{ { QStringLiteral("event"), QStringLiteral("listening") },
                           { QStringLiteral("model"), ServerConfig::modelKey(config.model) },
                           { QStringLiteral("python"),
                             ServerConfig::pythonClassName(config.model, config.family) },
                           { QStringLiteral("family"), Address::familyKey(config.family) },
                           { QStringLiteral("handler"), ServerConfig::handlerKey(config.handler) },
                           { QStringLiteral("backlog"), config.backlog },
                           { QStringLiteral("pid"), int(::getpid()) } };
    if (config.family == Family::Unix) {
        listening.insert(QStringLiteral("path"), bound.path());
    } else {
        listening.insert(QStringLiteral("host"), bound.host());
        listening.insert(QStringLiteral("port"), bound.port());
    }
    CliCommon::printLine(listening);

    const qint64 deadline = *duration > 0 ? startNs + qint64(*duration * 1e9) : 0;
    while (!CliCommon::waitForStop(50)) {
        printer.poll();
        if (deadline && Clock::nowNs() >= deadline)
            break;
    }
    session.stopServers(); // the last events of the stop are printed on the way
    CliCommon::printLine({ { QStringLiteral("event"), QStringLiteral("stopped") },
                           { QStringLiteral("served"), qint64(session.controller()->served(0)) },
                           { QStringLiteral("events_dropped"),
                             qint64(session.controller()->droppedEvents()) } });
    return 0;
}

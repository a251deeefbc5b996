#include "swarmcommand.h"

#include "clicommon.h"
#include "client/clientswarm.h"
#include "lab/labcontroller.h"
#include "lab/labsession.h"
#include "sessionprinter.h"
#include "trace/clock.h"

#include <QCommandLineParser>
#include <algorithm>
#include <set>

namespace {

const QString command = QStringLiteral("swarm");

double since(qint64 ns, qint64 startNs)
{
    return ns ? Clock::seconds(ns - startNs) : -1.0;
}

QJsonObject outcomeLine(const ClientOutcome &o, qint64 startNs)
{
    QJsonObject line{ { QStringLiteral("event"), QStringLiteral("client") },
                      { QStringLiteral("id"), qint64(o.id) },
                      { QStringLiteral("result"), ClientOutcome::resultKey(o.result) },
                      { QStringLiteral("start"), since(o.startNs, startNs) },
                      { QStringLiteral("sent"), o.bytesSent },
                      { QStringLiteral("received"), o.bytesReceived },
                      { QStringLiteral("echo"), o.echoMatched },
                      { QStringLiteral("done"), since(o.doneNs, startNs) } };
    if (o.connectedNs)
        line.insert(QStringLiteral("connected"), since(o.connectedNs, startNs));
    if (o.firstByteNs)
        line.insert(QStringLiteral("first_byte"), since(o.firstByteNs, startNs));
    if (o.err) {
        line.insert(QStringLiteral("call"), o.failedCall);
        line.insert(QStringLiteral("errno"), o.err);
        line.insert(QStringLiteral("error"), errnoName(o.err));
        line.insert(QStringLiteral("exception"), pythonExceptionName(o.err));
    }
    return line;
}

} // namespace

int SwarmCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Start N real clients against HOST:PORT (or a Unix PATH); each connects, sends "
            "MESSAGE, waits for the echo, and closes. Works against any server: socketlab-cli "
            "serve, nc -l, a Python socketserver."));
    parser.addOptions({
            CliCommon::option("host", "Server address (default: the loopback of the family).",
                              "HOST"),
            CliCommon::option("port", "Server port.", "PORT"),
            CliCommon::option("family", "inet, inet6 or unix.", "FAMILY", "inet"),
            CliCommon::option("path", "Unix socket path (--family unix).", "PATH"),
            CliCommon::option("udp",
                              "Datagram clients: sendto() and recvfrom() instead of connect()."),
            CliCommon::option("clients", "How many clients.", "N", "1"),
            CliCommon::option("every",
                              "Start one client every MS milliseconds (default: all at once).",
                              "MS"),
            CliCommon::option("message", "What each client sends.", "TEXT", "hello"),
            CliCommon::option("round-trips", "Send and wait for the echo this many times.", "N",
                              "1"),
            CliCommon::option("think", "Seconds between round trips.", "SECONDS", "0"),
            CliCommon::option("hold", "Seconds to keep the connection open after the last echo.",
                              "SECONDS", "0"),
            CliCommon::option("timeout",
                              "settimeout() before connect (default: none, like Python).",
                              "SECONDS"),
            CliCommon::option("connect-ex",
                              "Use connect_ex() (an error number) instead of connect()."),
            CliCommon::option("syn-retries", "TCP_SYNCNT for each client (default: the kernel's).",
                              "N"),
            CliCommon::option("events", "Print every socket call as a JSON line."),
            CliCommon::option("probe",
                              "Also print the kernel's view every 200 ms: accept queue, cap, "
                              "drops, stages (as socketlab-cli observe does)."),
    });
    int exitCode = 0;
    if (!CliCommon::parse(parser, arguments, command, &exitCode))
        return exitCode;

    SwarmConfig config;
    const auto family = Address::familyFromKey(parser.value(QStringLiteral("family")));
    if (!family) {
        CliCommon::usageError(command,
                              QStringLiteral("unknown --family '%1'")
                                      .arg(parser.value(QStringLiteral("family"))));
        return 2;
    }
    config.family = *family;
    if (*family == Family::Unix ? !parser.isSet(QStringLiteral("path"))
                                : !parser.isSet(QStringLiteral("port"))) {
        CliCommon::usageError(command,
                              *family == Family::Unix
                                      ? QStringLiteral("--path is required with --family unix")
                                      : QStringLiteral("--port is required"));
        return 2;
    }
    const auto port = *family == Family::Unix
            ? std::optional<double>(0)
            : CliCommon::number(parser, QStringLiteral("port"), 1, 65535, command);
    const auto clients = CliCommon::number(parser, QStringLiteral("clients"), 0,
                                           SwarmConfig::maxClients, command);
    const auto trips = CliCommon::number(parser, QStringLiteral("round-trips"), 0, 1e6, command);
    const auto think = CliCommon::number(parser, QStringLiteral("think"), 0, 3600, command);
    const auto hold = CliCommon::number(parser, QStringLiteral("hold"), 0, 3600, command);
    if (!port || !clients || !trips || !think || !hold)
        return 2;
    config.host = parser.isSet(QStringLiteral("host"))
            ? parser.value(QStringLiteral("host"))
            : (*family == Family::Inet6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1"));
    config.port = quint16(*port);
    config.unixPath = parser.value(QStringLiteral("path"));
    config.datagram = parser.isSet(QStringLiteral("udp"));
    config.clients = int(*clients);
    config.message = parser.value(QStringLiteral("message")).toUtf8();
    config.roundTrips = int(*trips);
    config.thinkSeconds = *think;
    config.holdSeconds = *hold;
    config.connectEx = parser.isSet(QStringLiteral("connect-ex"));
    if (parser.isSet(QStringLiteral("every"))) {
        const auto every = CliCommon::number(parser, QStringLiteral("every"), 0, 3.6e6, command);
        if (!every)
            return 2;
        config.arrival = Arrival::Every;
        config.everyMs = int(*every);
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        const auto timeout = CliCommon::number(parser, QStringLiteral("timeout"), 0, 3600, command);
        if (!timeout)
            return 2;
        config.timeout = *timeout;
    }
    if (parser.isSet(QStringLiteral("syn-retries"))) {
        const auto retries
                = CliCommon::number(parser, QStringLiteral("syn-retries"), 1, 127, command);
        if (!retries)
            return 2;
        config.synRetries = int(*retries);
    }
    const bool events = parser.isSet(QStringLiteral("events"));

    CliCommon::blockStopSignals();
    // The window's own run object, headless: the same swarm, probe, hub and drain.
    LabSession session;
    // The session's probe watches the target port and these clients' stages; UDP has no
    // connections to stage.
    SessionPrinter printer(&session, events,
                           parser.isSet(QStringLiteral("probe")) && !config.datagram);
    QString error;
    if (!session.addClients(config, &error)) {
        CliCommon::usageError(command, error);
        return 2;
    }
    const qint64 startNs = session.clock().startNs(); // t = 0: the run began with the clients
    std::set<quint32> printed;
    const auto flush = [&] {
        printer.poll();
        std::vector<ClientOutcome> done = session.controller()->outcomes();
        std::sort(done.begin(), done.end(),
                  [](const auto &a, const auto &b) { return a.doneNs < b.doneNs; });
        for (const ClientOutcome &o : done) {
            if (o.result != ClientOutcome::Result::Pending && printed.insert(o.id).second)
                CliCommon::printLine(outcomeLine(o, startNs));
        }
    };
    bool interrupted = false;
    while (session.controller()->finishedClientCount() < config.clients) {
        flush();
        if (CliCommon::waitForStop(50)) {
            interrupted = true;
            break;
        }
    }
    session.killClients();
    session.flush();
    flush();
    const qint64 endNs = Clock::nowNs();

    std::vector<double> latencies;
    QJsonObject counts;
    int ok = 0;
    for (const ClientOutcome &o : session.controller()->outcomes()) {
        const QString key = ClientOutcome::resultKey(o.result);
        counts.insert(key, counts.value(key).toInt() + 1);
        if (o.result == ClientOutcome::Result::Ok && o.echoMatched) {
            ++ok;
            latencies.push_back(Clock::seconds(o.doneNs - o.startNs));
        }
    }
    std::sort(latencies.begin(), latencies.end());
    QJsonObject summary{ { QStringLiteral("event"), QStringLiteral("summary") },
                         { QStringLiteral("clients"), config.clients },
                         { QStringLiteral("results"), counts },
                         { QStringLiteral("total"), Clock::seconds(endNs - startNs) },
                         { QStringLiteral("interrupted"), interrupted } };
    if (!latencies.empty()) {
        summary.insert(QStringLiteral("latency_min"), latencies.front());
        summary.insert(QStringLiteral("latency_median"), latencies[latencies.size() / 2]);
        summary.insert(QStringLiteral("latency_max"), latencies.back());
    }
    CliCommon::printLine(summary);
    return ok == config.clients ? 0 : 1;
}

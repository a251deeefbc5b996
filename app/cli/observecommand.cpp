#include "observecommand.h"

#include "clicommon.h"
#include "probe/kernelprobe.h"
#include "probejson.h"
#include "trace/clock.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace {

const QString command = QStringLiteral("observe");

QJsonObject settingsLine(const KernelSettings &k)
{
    QJsonArray schedule;
    for (double t : k.synSchedule())
        schedule.append(t);
    return { { QStringLiteral("event"), QStringLiteral("kernel") },
             { QStringLiteral("kernel"), k.kernel },
             { QStringLiteral("somaxconn"), k.somaxconn },
             { QStringLiteral("tcp_syn_retries"), k.tcpSynRetries },
             { QStringLiteral("tcp_syn_linear_timeouts"), k.tcpSynLinearTimeouts },
             { QStringLiteral("tcp_abort_on_overflow"), k.tcpAbortOnOverflow },
             { QStringLiteral("tcp_syncookies"), k.tcpSyncookies },
             { QStringLiteral("tcp_max_syn_backlog"), k.tcpMaxSynBacklog },
             { QStringLiteral("syn_schedule"), schedule } };
}

} // namespace

int ObserveCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Watch the kernel's accept queue of any listener on this machine (no privileges "
            "needed; another user's process is visible, its PID is not): one JSON line per "
            "sample. The first line gives the kernel settings and the SYN retry schedule."));
    parser.addOptions({
            { QStringLiteral("port"), QStringLiteral("TCP port to watch."),
              QStringLiteral("PORT") },
            { QStringLiteral("family"), QStringLiteral("inet, inet6 or unix."),
              QStringLiteral("FAMILY"), QStringLiteral("inet") },
            { QStringLiteral("path"), QStringLiteral("Unix socket path (--family unix)."),
              QStringLiteral("PATH") },
            { QStringLiteral("interval"), QStringLiteral("Milliseconds between samples."),
              QStringLiteral("MS"), QStringLiteral("500") },
            { QStringLiteral("duration"),
              QStringLiteral("Stop after this many seconds (0 = at SIGINT/SIGTERM)."),
              QStringLiteral("SECONDS"), QStringLiteral("0") },
    });
    int exitCode = 0;
    if (!CliCommon::parse(parser, arguments, command, &exitCode))
        return exitCode;
    const auto family = Address::familyFromKey(parser.value(QStringLiteral("family")));
    if (!family) {
        CliCommon::usageError(command,
                              QStringLiteral("unknown --family '%1'")
                                      .arg(parser.value(QStringLiteral("family"))));
        return 2;
    }
    ProbeTarget target;
    target.family = *family;
    if (*family == Family::Unix) {
        if (!parser.isSet(QStringLiteral("path"))) {
            CliCommon::usageError(command, QStringLiteral("--path is required with --family unix"));
            return 2;
        }
        target.path = parser.value(QStringLiteral("path"));
    } else {
        if (!parser.isSet(QStringLiteral("port"))) {
            CliCommon::usageError(command, QStringLiteral("--port is required"));
            return 2;
        }
        const auto port = CliCommon::number(parser, QStringLiteral("port"), 1, 65535, command);
        if (!port)
            return 2;
        target.port = quint16(*port);
    }
    const auto interval = CliCommon::number(parser, QStringLiteral("interval"), 10, 3.6e6, command);
    const auto duration = CliCommon::number(parser, QStringLiteral("duration"), 0, 1e7, command);
    if (!interval || !duration)
        return 2;

    CliCommon::blockStopSignals();
    CliCommon::printLine(settingsLine(KernelSettings::read()));
    KernelProbe probe(target);
    const qint64 startNs = Clock::nowNs();
    const qint64 deadline = *duration > 0 ? startNs + qint64(*duration * 1e9) : 0;
    do {
        CliCommon::printLine(ProbeJson::toJson(probe.sample(), startNs));
        if (deadline && Clock::nowNs() + qint64(*interval * 1e6) > deadline)
            break;
    } while (!CliCommon::waitForStop(int(*interval)));
    return 0;
}

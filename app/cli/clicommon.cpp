#include "clicommon.h"

#include "trace/clock.h"

#include <QJsonDocument>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <ctime>

void CliCommon::printLine(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

void CliCommon::printEvents(const std::vector<Event> &batch, qint64 startNs)
{
    for (const Event &event : batch) {
        QJsonObject line = toJson(event);
        line.insert(QStringLiteral("event"), QStringLiteral("call"));
        line.insert(QStringLiteral("t"), Clock::seconds(event.ns - startNs));
        printLine(line);
    }
}

void CliCommon::usageError(const QString &command, const QString &message)
{
    std::fprintf(stderr, "socketlab-cli %s: %s\n", qPrintable(command), qPrintable(message));
}

QCommandLineOption CliCommon::option(const char *name, const char *help, const char *value,
                                     const char *fallback)
{
    QCommandLineOption o(QString::fromLatin1(name), QString::fromUtf8(help));
    if (value)
        o.setValueName(QString::fromLatin1(value));
    if (fallback)
        o.setDefaultValue(QString::fromLatin1(fallback));
    return o;
}

bool CliCommon::parse(QCommandLineParser &parser, const QStringList &arguments,
                      const QString &command, int *exitCode)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        usageError(command, parser.errorText());
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        *exitCode = 0;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        usageError(command,
                   QStringLiteral("unexpected argument '%1'")
                           .arg(parser.positionalArguments().constFirst()));
        *exitCode = 2;
        return false;
    }
    return true;
}

std::optional<double> CliCommon::number(const QCommandLineParser &parser, const QString &name,
                                        double min, double max, const QString &command)
{
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value < min || value > max) {
        usageError(command,
                   QStringLiteral("--%1 must be a number from %2 to %3, not '%4'")
                           .arg(name)
                           .arg(min)
                           .arg(max)
                           .arg(parser.value(name)));
        return std::nullopt;
    }
    return value;
}

namespace {

sigset_t stopSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

} // namespace

void CliCommon::blockStopSignals()
{
    const sigset_t set = stopSignals();
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

bool CliCommon::waitForStop(int timeoutMs)
{
    const sigset_t set = stopSignals();
    const timespec timeout{ timeoutMs / 1000, long(timeoutMs % 1000) * 1'000'000 };
    return ::sigtimedwait(&set, nullptr, &timeout) > 0;
}

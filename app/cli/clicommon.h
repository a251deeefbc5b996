#pragma once

#include "trace/event.h"
#include <QCommandLineParser>

#include <QJsonObject>
#include <optional>
#include <vector>

// What every socketlab-cli command shares: JSON-line output, option parsing with exit codes
// (0 help, 2 bad usage), and a clean stop on SIGINT/SIGTERM.
class CliCommon
{
public:
    // One compact JSON object per line on stdout, flushed so pipes see it at once.
    static void printLine(const QJsonObject &object);
    // Every event of a batch as {"event":"call", …} with t in seconds since startNs.
    static void printEvents(const std::vector<Event> &batch, qint64 startNs);
    // Parses; on --help prints help (*exitCode 0), on a bad option prints why (*exitCode 2).
    // Returns true when the command should go on.
    static bool parse(QCommandLineParser &parser, const QStringList &arguments,
                      const QString &command, int *exitCode);
    static void usageError(const QString &command, const QString &message);
    // An option with its help, value name and default, from plain text.
    static QCommandLineOption option(const char *name, const char *help,
                                     const char *value = nullptr, const char *fallback = nullptr);

    // Numbers from options, range-checked; nullopt (after usageError) when out of range.
    static std::optional<double> number(const QCommandLineParser &parser, const QString &name,
                                        double min, double max, const QString &command);

    // Blocks SIGINT and SIGTERM in this thread and every thread started after it (forked
    // children unblock them again), so that waitForStop() can take them synchronously.
    static void blockStopSignals();
    // Waits up to timeoutMs; true when SIGINT or SIGTERM arrived.
    static bool waitForStop(int timeoutMs);
};

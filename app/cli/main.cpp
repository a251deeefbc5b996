#include "experimentcommand.h"
#include "lessonscommand.h"
#include "observecommand.h"
#include "servecommand.h"
#include "swarmcommand.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <cstdio>

namespace {

const char usage[]
        = "Usage: socketlab-cli COMMAND [OPTIONS]\n"
          "\n"
          "SocketLab without a window: the same engine, JSON lines out.\n"
          "\n"
          "Commands:\n"
          "  serve [OPTIONS]       run one lab server (TCPServer, ThreadingTCPServer,\n"
          "                        ForkingTCPServer, UDPServer …) until SIGINT/SIGTERM\n"
          "  swarm [OPTIONS]       run N clients against any server; one line each\n"
          "  observe --port P      watch any listener's accept queue, one line per sample\n"
          "  lessons [--dir DIR]   list the lessons and check that every file reads\n"
          "  experiment --lesson ID [--quiz]\n"
          "                        run a lesson's experiment headless, print what it\n"
          "                        measured (and check its predict questions)\n"
          "\n"
          "Options:\n"
          "  -h, --help            show this help (COMMAND --help: that command's)\n"
          "  -v, --version         print the version\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("socketlab-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SOCKETLAB_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == QLatin1String("-h") || command == QLatin1String("--help")) {
        std::fputs(usage, command.isEmpty() ? stderr : stdout);
        return command.isEmpty() ? 2 : 0;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        std::printf("socketlab-cli %s (Qt %s, %s %s)\n", SOCKETLAB_VERSION, qVersion(),
                    qPrintable(QSysInfo::kernelType()), qPrintable(QSysInfo::kernelVersion()));
        return 0;
    }
    arguments.removeAt(1); // the sub-command parses the rest as if it were the program
    arguments[0] = arguments[0] + QLatin1Char(' ') + command;
    if (command == QLatin1String("lessons"))
        return LessonsCommand::run(arguments);
    if (command == QLatin1String("experiment"))
        return ExperimentCommand::run(arguments);
    if (command == QLatin1String("observe"))
        return ObserveCommand::run(arguments);
    if (command == QLatin1String("serve"))
        return ServeCommand::run(arguments);
    if (command == QLatin1String("swarm"))
        return SwarmCommand::run(arguments);
    std::fprintf(stderr, "socketlab-cli: unknown command '%s'\n\n%s", qPrintable(command), usage);
    return 2;
}

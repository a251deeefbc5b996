#include "fontsetup.h"
#include "mainwindow.h"
#include "runfileactions.h"
#include "screenshotter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QSysInfo>
#include <QTimer>
#include <cstdio>
#include <cstring>

namespace {

QString versionLine()
{
    return QStringLiteral("socketlab %1 (Qt %2, %3 %4)")
            .arg(QStringLiteral(SOCKETLAB_VERSION), QString::fromLatin1(qVersion()),
                 QSysInfo::kernelType(), QSysInfo::kernelVersion());
}

} // namespace

int main(int argc, char *argv[])
{
    // --version must work without a display (CI, ssh): answer it before any GUI exists.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("%s\n", qPrintable(versionLine()));
            return 0;
        }
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QApplication::setApplicationName(QStringLiteral("SocketLab"));
    QApplication::setApplicationVersion(QStringLiteral(SOCKETLAB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("SocketLab — Python socket programming with a live lab."));
    parser.addHelpOption();
    parser.addOption({ { QStringLiteral("v"), QStringLiteral("version") },
                       QStringLiteral("Print the version and exit.") });
    const QCommandLineOption lessonsOption(
            QStringLiteral("lessons"),
            QStringLiteral("Read lessons from DIR (a folder with catalog.json) instead of the "
                           "built-in ones."),
            QStringLiteral("DIR"));
    const QCommandLineOption shotOption(
            QStringLiteral("shot"),
            QStringLiteral("Write PNG screenshots of the main screens into DIR and exit."),
            QStringLiteral("DIR"));
    parser.addOption(lessonsOption);
    parser.addOption(shotOption);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A recorded run (.socketlab-run) to replay."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    QString lessonsRoot = LessonCatalog::builtinRoot();
    if (parser.isSet(lessonsOption)) {
        const QFileInfo info(parser.value(lessonsOption));
        if (!info.isDir()) {
            std::fprintf(stderr, "socketlab: --lessons %s: not a folder\n",
                         qPrintable(parser.value(lessonsOption)));
            return 2;
        }
        lessonsRoot = info.absoluteFilePath();
    }

    FontSetup::apply();
    MainWindow window(lessonsRoot);
    if (parser.isSet(shotOption)) {
        QString error;
        const QStringList files = Screenshotter::run(&window, parser.value(shotOption), &error);
        for (const QString &file : files)
            std::printf("%s\n", qPrintable(QDir::toNativeSeparators(file)));
        if (files.isEmpty())
            std::fprintf(stderr, "socketlab: %s\n", qPrintable(error));
        return files.isEmpty() ? 1 : 0;
    }
    window.show();
    // A run given on the command line is replayed once the window is up; one that cannot be is
    // named in a message, and the lab stays as it is.
    if (!parser.positionalArguments().isEmpty()) {
        const QString path
                = QFileInfo(parser.positionalArguments().constFirst()).absoluteFilePath();
        QTimer::singleShot(0, &window,
                           [&window, path] { window.runFiles()->openRunShowingErrors(path); });
    }
    return app.exec();
}

// The executables as a user runs them: versions, help, exit codes, and the lessons check.
#include "lab/labsession.h"
#include "lab/runfile.h"
#include "lesson/experimentpreset.h"
#include "lesson/lessoncatalog.h"
#include "model/connectionmodel.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Result run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        Result result;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    static QList<QJsonObject> jsonLines(const QByteArray &out)
    {
        QList<QJsonObject> lines;
        for (const QByteArray &line : out.split('\n')) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                return {};
            lines.append(doc.object());
        }
        return lines;
    }

private slots:
    void appPrintsVersionWithoutADisplay()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SOCKETLAB_APP), { QStringLiteral("--version") });
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(out.startsWith("socketlab " SOCKETLAB_VERSION " (Qt "), out.constData());
    }

    void appRejectsAMissingLessonsFolder()
    {
        const Result result = run(
                QStringLiteral(SOCKETLAB_APP),
                { QStringLiteral("--lessons"), QStringLiteral("/nonexistent/socketlab-lessons") });
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains("not a folder"));
    }

    void appWritesScreenshots()
    {
        QTemporaryDir dir;
        QTemporaryDir config; // keep the user's settings out of it
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(SOCKETLAB_APP), { QStringLiteral("--shot"), dir.path() });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        for (const char *name : { "window-en.png", "window-zh_CN.png", "window-en-presenter.png",
                                  "window-zh_CN-presenter.png" }) {
            const QImage image(dir.filePath(QString::fromLatin1(name)));
            QVERIFY2(!image.isNull(), name);
            QCOMPARE(image.size(), QSize(1400, 860));
        }
    }

    void cliVersionAndHelp()
    {
        Result result = run(QStringLiteral(SOCKETLAB_CLI), { QStringLiteral("--version") });
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("socketlab-cli " SOCKETLAB_VERSION));
        result = run(QStringLiteral(SOCKETLAB_CLI), { QStringLiteral("--help") });
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("lessons"));
    }

    void cliBadUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no command") << QStringList() << QByteArray("Usage:");
        QTest::newRow("unknown command") << QStringList{ QStringLiteral("frobnicate") }
                                         << QByteArray("unknown command 'frobnicate'");
        QTest::newRow("unknown option")
                << QStringList{ QStringLiteral("lessons"), QStringLiteral("--bogus") }
                << QByteArray("bogus");
        QTest::newRow("missing value")
                << QStringList{ QStringLiteral("lessons"), QStringLiteral("--dir") }
                << QByteArray("dir");
    }

    void cliBadUsageExitsTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Result result = run(QStringLiteral(SOCKETLAB_CLI), arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), result.err.constData());
    }

    void cliListsTheShippedLessons()
    {
        const Result result = run(QStringLiteral(SOCKETLAB_CLI), { QStringLiteral("lessons") });
        QVERIFY2(result.exitCode == 0, result.out.constData());
        const QList<QJsonObject> lines = jsonLines(result.out);
        QVERIFY(lines.size() >= 2);
        QCOMPARE(lines.at(5).value(QStringLiteral("id")).toString(),
                 QStringLiteral("listen-backlog"));
        for (const QJsonObject &line : lines) {
            QCOMPARE(line.value(QStringLiteral("languages")).toArray().size(), 2);
            QVERIFY(line.value(QStringLiteral("issues")).toArray().isEmpty());
        }
    }

    void cliReportsBrokenLessons()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("a"))));
        QFile catalog(dir.filePath(QStringLiteral("catalog.json")));
        QVERIFY(catalog.open(QIODevice::WriteOnly));
        catalog.write(R"({"lessons": ["a"]})");
        catalog.close();
        const Result result
                = run(QStringLiteral(SOCKETLAB_CLI),
                      { QStringLiteral("lessons"), QStringLiteral("--dir"), dir.path() });
        QCOMPARE(result.exitCode, 1);
        const QList<QJsonObject> lines = jsonLines(result.out);
        QCOMPARE(lines.size(), 1);
        const QString issue
                = lines.constFirst().value(QStringLiteral("issues")).toArray().at(0).toString();
        QCOMPARE(issue, dir.filePath(QStringLiteral("a/en.md")) + QStringLiteral(": is missing"));
    }

    // The quickest shipped experiment (two servers, three clients each) saved by --record: the
    // file opens, describes the lesson's servers, and its replay shows every client.
    void cliExperimentRecordsTheRun()
    {
        const QString lessonId = QStringLiteral("moving-data");
        const LessonCatalog catalog = LessonCatalog::load(LessonCatalog::builtinRoot());
        const int index = catalog.indexOf(lessonId);
        QVERIFY(index >= 0);
        QString error;
        const std::optional<ExperimentPreset> preset
                = ExperimentPreset::fromJson(catalog.lessons().at(index).experiment(), &error);
        QVERIFY2(preset, qPrintable(error));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.socketlab-run"));
        const Result result = run(QStringLiteral(SOCKETLAB_CLI),
                                  { QStringLiteral("experiment"), QStringLiteral("--lesson"),
                                    lessonId, QStringLiteral("--record"), path });
        QVERIFY2(result.exitCode == 0, result.out.constData());
        QCOMPARE(jsonLines(result.out).size(), int(preset->servers.size()));

        const std::optional<RunRecord> record = RunFile::open(path, &error);
        QVERIFY2(record, qPrintable(error));
        QVERIFY(record->runNumber >= 1);
        QCOMPARE(record->servers.size(), preset->servers.size());
        for (size_t i = 0; i < preset->servers.size(); ++i) {
            QCOMPARE(record->servers.at(i).model, preset->servers.at(i).model);
            QCOMPARE(record->servers.at(i).family, preset->servers.at(i).family);
            QCOMPARE(record->servers.at(i).backlog, preset->servers.at(i).backlog);
            QCOMPARE(record->servers.at(i).handler, preset->servers.at(i).handler);
        }
        QVERIFY(record->eventCount() > 0);

        LabSession lab;
        QVERIFY2(lab.startReplay(*record, &error), qPrintable(error));
        lab.replaySeek(lab.replayDurationNs());
        QCOMPARE(lab.replayPositionNs(), lab.replayDurationNs());
        QCOMPARE(lab.connections()->rowCount(),
                 preset->clients.clients * int(preset->servers.size()));
    }

    void cliExperimentRecordIntoAMissingFolderFails()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/x.socketlab-run"));
        const Result result
                = run(QStringLiteral(SOCKETLAB_CLI),
                      { QStringLiteral("experiment"), QStringLiteral("--lesson"),
                        QStringLiteral("moving-data"), QStringLiteral("--record"), path });
        QCOMPARE(result.exitCode, 1);
        const QList<QJsonObject> lines = jsonLines(result.out);
        QVERIFY2(!lines.isEmpty(), result.out.constData());
        QVERIFY(lines.constFirst().contains(QStringLiteral("measured"))); // still printed
        const QString error = lines.constLast().value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

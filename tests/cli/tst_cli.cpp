// The executables as a user runs them: versions, help, exit codes, and the lessons check.
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
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

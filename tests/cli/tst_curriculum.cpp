// The curriculum kept honest: every lesson in both languages with the same structure, glossary
// links that exist, Python that compiles, lab annotations the lab knows, presets and quizzes that
// validate, and every example.py actually run — servers answered by socketlab-cli swarm.
#include "curriculum.h"
#include "lesson/experimentpreset.h"
#include "lesson/quiz.h"
#include "trace/event.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace curriculum;

// Every string under a "zh_CN" key of a lesson's JSON (quiz.json, experiment.json, glossary.json).
static void chineseStrings(const QJsonValue &value, bool chinese, QStringList *out)
{
    if (value.isString() && chinese) {
        out->append(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            chineseStrings(item, chinese, out);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            chineseStrings(it.value(), chinese || it.key() == QLatin1String("zh_CN"), out);
    }
}

class TestCurriculum : public QObject
{
    Q_OBJECT

private slots:
    void catalogCoversTheHandout()
    {
        const LessonCatalog lessons = catalog();
        QVERIFY2(lessons.issues().isEmpty(), qPrintable(lessons.issues().value(0).toString()));
        // The fifteen topics of the handout and the errata, each a folder of its own.
        for (const char *id :
             { "processes-threads", "address-families", "socket-types", "making-sockets",
               "server-calls", "listen-backlog", "client-calls", "moving-data", "blocking-timeouts",
               "blocking-server", "socketserver", "threading-mixin", "forking-mixin", "udp-servers",
               "seed-echo-server", "errata" })
            QVERIFY2(lessons.indexOf(QLatin1String(id)) >= 0, id);
        for (const Lesson &lesson : lessons.lessons()) {
            QVERIFY2(lesson.issues().isEmpty(),
                     qPrintable(lesson.id() + QStringLiteral(": ")
                                + lesson.issues().value(0).toString()));
            QVERIFY2(!lesson.exampleCode().isEmpty(), qPrintable(lesson.id()));
            QVERIFY2(!lesson.experiment().isEmpty(), qPrintable(lesson.id()));
            QVERIFY2(!lesson.quiz().isEmpty(), qPrintable(lesson.id()));
        }
    }

    void bothLanguagesHaveTheSameStructure_data()
    {
        QTest::addColumn<QString>("id");
        for (const Lesson &lesson : catalog().lessons())
            QTest::newRow(qPrintable(lesson.id())) << lesson.id();
    }
    void bothLanguagesHaveTheSameStructure()
    {
        QFETCH(QString, id);
        const QString en = readFile(root() + QLatin1Char('/') + id + QStringLiteral("/en.md"));
        const QString zh = readFile(root() + QLatin1Char('/') + id + QStringLiteral("/zh_CN.md"));
        QVERIFY(en.startsWith(QLatin1String("# ")));
        QVERIFY(zh.startsWith(QLatin1String("# ")));
        QVERIFY(en.size() > 2000);
        QVERIFY(zh.size() > 1000);
        // Written in Chinese, not English left untranslated: most of its prose is Han characters.
        static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
        QVERIFY2(zh.count(han) >= 500, qPrintable(QString::number(zh.count(han))));
        const QStringList enOutline = outline(en);
        const QStringList zhOutline = outline(zh);
        QVERIFY(enOutline.count(QStringLiteral("h2")) >= 3);
        QCOMPARE(zhOutline, enOutline);
    }

    void glossaryAndLessonLinksExist()
    {
        const LessonCatalog lessons = catalog();
        const Glossary &glossary = lessons.glossary();
        QVERIFY2(glossary.issues().isEmpty(), qPrintable(glossary.issues().value(0).toString()));
        QVERIFY(glossary.ids().size() >= 30);
        QVERIFY(glossary.find(QStringLiteral("accept-queue")));
        QCOMPARE(glossary.find(QStringLiteral("accept-queue"))->term.value(QStringLiteral("zh_CN")),
                 QStringLiteral("全连接队列"));
        QCOMPARE(glossary.find(QStringLiteral("syn-queue"))->term.value(QStringLiteral("zh_CN")),
                 QStringLiteral("半连接队列"));
        static const QRegularExpression lessonLink(QStringLiteral("\\]\\(lesson:([a-z0-9-]+)\\)"));
        int links = 0;
        for (const Lesson &lesson : lessons.lessons()) {
            for (const QString &language : Lesson::languages()) {
                const QString text = lesson.text(language).markdown;
                for (const QString &id : Glossary::linksIn(text)) {
                    ++links;
                    QVERIFY2(glossary.find(id),
                             qPrintable(QStringLiteral("%1/%2.md: glossary:%3 is not in "
                                                       "glossary.json")
                                                .arg(lesson.id(), language, id)));
                }
                for (auto it = lessonLink.globalMatch(text); it.hasNext();) {
                    const QString id = it.next().captured(1);
                    QVERIFY2(lessons.indexOf(id) >= 0,
                             qPrintable(QStringLiteral("%1/%2.md: lesson:%3 does not exist")
                                                .arg(lesson.id(), language, id)));
                }
            }
            // Each lesson teaches its terms: it links the glossary in both languages.
            QVERIFY2(!Glossary::linksIn(lesson.text(QStringLiteral("en")).markdown).isEmpty(),
                     qPrintable(lesson.id()));
            QVERIFY2(!Glossary::linksIn(lesson.text(QStringLiteral("zh_CN")).markdown).isEmpty(),
                     qPrintable(lesson.id()));
        }
        QVERIFY(links > 100);
    }

    void chineseUsesTheAcceptedTerms()
    {
        // The rejected forms of the terminology table in lessons/FORMAT.md ("Chinese
        // terminology"); tools/zh-terms.py rewrites them.
        struct Rejected
        {
            QRegularExpression pattern;
            const char *accepted;
        };
        const QList<Rejected> rejected{
            { QRegularExpression(QStringLiteral("(?<!请求)处理器")),
              "请求处理器, 处理函数 or CPU" },
            { QRegularExpression(QStringLiteral("把手")), "句柄" },
            { QRegularExpression(QStringLiteral("记账")), "管理……的代码, 管理开销" },
            { QRegularExpression(QStringLiteral("工作者")), "工作线程, 工作进程" },
            { QRegularExpression(QStringLiteral("便宜")), "开销小" },
            { QRegularExpression(QStringLiteral("紧凑的循环")), "循环里不停地……" },
        };
        // Source -> its Chinese text: every zh_CN.md and the zh_CN values of the JSON files.
        QList<QPair<QString, QString>> texts;
        const LessonCatalog lessons = catalog();
        for (const Lesson &lesson : lessons.lessons()) {
            const QString folder = root() + QLatin1Char('/') + lesson.id();
            const QString markdown = readFile(folder + QStringLiteral("/zh_CN.md"));
            QVERIFY2(!markdown.isEmpty(), qPrintable(lesson.id()));
            texts.append({ lesson.id() + QStringLiteral("/zh_CN.md"), markdown });
            QStringList quiz;
            chineseStrings(lesson.quiz(), false, &quiz);
            texts.append(
                    { lesson.id() + QStringLiteral("/quiz.json"), quiz.join(QLatin1Char('\n')) });
            QStringList experiment;
            chineseStrings(lesson.experiment(), false, &experiment);
            texts.append({ lesson.id() + QStringLiteral("/experiment.json"),
                           experiment.join(QLatin1Char('\n')) });
            QVERIFY2(!quiz.isEmpty(), qPrintable(lesson.id()));
        }
        const QJsonDocument glossary = QJsonDocument::fromJson(
                readFile(root() + QStringLiteral("/glossary.json")).toUtf8());
        QVERIFY(glossary.isObject());
        QStringList terms;
        chineseStrings(glossary.object(), false, &terms);
        QVERIFY(terms.size() >= 60);
        texts.append({ QStringLiteral("glossary.json"), terms.join(QLatin1Char('\n')) });
        QVERIFY(texts.size() > 45);
        for (const auto &[source, text] : texts) {
            for (const Rejected &term : rejected) {
                const QRegularExpressionMatch match = term.pattern.match(text);
                QVERIFY2(!match.hasMatch(),
                         qPrintable(QStringLiteral("%1: '%2' in \"…%3…\": write %4 (see the "
                                                   "terminology table in lessons/FORMAT.md)")
                                            .arg(source, match.captured(),
                                                 text.mid(qMax(0, match.capturedStart() - 12),
                                                          match.capturedLength() + 24),
                                                 QString::fromUtf8(term.accepted))));
            }
        }
    }

    void annotationsNameCallsTheLabKnows()
    {
        QSet<QString> known;
        for (int c = 1; c < int(Call::Count); ++c)
            known.insert(callName(Call(c)));
        static const QRegularExpression annotation(QStringLiteral("#\\s*lab:\\s*([A-Za-z_]+)"));
        int total = 0;
        for (const Lesson &lesson : catalog().lessons()) {
            int here = 0;
            for (auto it = annotation.globalMatch(lesson.exampleCode()); it.hasNext();) {
                const QString call = it.next().captured(1);
                ++here;
                QVERIFY2(known.contains(call),
                         qPrintable(QStringLiteral("%1/example.py: '# lab: %2' is not a call the "
                                                   "lab traces")
                                            .arg(lesson.id(), call)));
            }
            total += here;
        }
        QVERIFY(total >= 30);
    }

    void presetsAndQuizzesValidate()
    {
        for (const Lesson &lesson : catalog().lessons()) {
            QString error;
            const auto preset = ExperimentPreset::fromJson(lesson.experiment(), &error);
            QVERIFY2(preset, qPrintable(lesson.id() + QStringLiteral(": ") + error));
            QVERIFY2(preset->clients.clients > 0, qPrintable(lesson.id()));
            const auto quiz = Quiz::fromJson(lesson.quiz(), &error);
            QVERIFY2(quiz, qPrintable(lesson.id() + QStringLiteral(": ") + error));
            for (const Quiz::Question &q : quiz->questions) {
                QCOMPARE(int(std::count_if(q.choices.begin(), q.choices.end(),
                                           [](const Quiz::Choice &c) { return c.correct; })),
                         1);
                QVERIFY(q.correctIndex() >= 0);
            }
        }
    }

    void quizRulesAreEnforced_data()
    {
        QTest::addColumn<QJsonObject>("quiz");
        QTest::addColumn<QString>("message");
        const auto text = [](const char *en, const char *zh) {
            return QJsonObject{ { QStringLiteral("en"), QString::fromUtf8(en) },
                                { QStringLiteral("zh_CN"), QString::fromUtf8(zh) } };
        };
        const auto choice
                = [&text](const char *label, bool correct, double low = -1, double high = -1) {
                      QJsonObject c{ { QStringLiteral("text"), text(label, label) } };
                      if (correct)
                          c.insert(QStringLiteral("correct"), true);
                      if (low >= 0)
                          c.insert(QStringLiteral("range"), QJsonArray{ low, high });
                      return c;
                  };
        const auto question = [&text](const char *id, const char *type, const QJsonArray &choices) {
            return QJsonObject{ { QStringLiteral("id"), QLatin1String(id) },
                                { QStringLiteral("type"), QLatin1String(type) },
                                { QStringLiteral("measure"), QStringLiteral("connected") },
                                { QStringLiteral("prompt"), text("p", "问") },
                                { QStringLiteral("explanation"), text("e", "解") },
                                { QStringLiteral("choices"), choices } };
        };
        const auto quiz = [](const QJsonArray &questions) {
            return QJsonObject{ { QStringLiteral("questions"), questions } };
        };
        const QJsonObject single
                = question("s", "single", { choice("a", true), choice("b", false) });
        const QJsonObject predict
                = question("p", "predict", { choice("1", false, 1, 1), choice("2", true, 2, 2) });
        QTest::newRow("valid") << quiz({ single, predict }) << QString();
        QTest::newRow("one question") << quiz({ predict }) << QStringLiteral("two to five");
        QJsonObject second = single;
        second[QStringLiteral("id")] = QStringLiteral("t");
        QTest::newRow("no predict")
                << quiz({ single, second }) << QStringLiteral("must be \"predict\"");
        QTest::newRow("two correct") << quiz(
                { single,
                  question("p", "predict", { choice("1", true, 1, 1), choice("2", true, 2, 2) }) })
                                     << QStringLiteral("exactly one choice");
        QTest::newRow("overlap") << quiz(
                { single,
                  question("p", "predict", { choice("1", false, 1, 2), choice("2", true, 2, 3) }) })
                                 << QStringLiteral("overlap");
        QTest::newRow("no range") << quiz(
                { single,
                  question("p", "predict", { choice("1", false), choice("2", true, 2, 2) }) })
                                  << QStringLiteral("needs a \"range\"");
        QJsonObject unknown = predict;
        unknown[QStringLiteral("measure")] = QStringLiteral("speed");
        QTest::newRow("unknown measure")
                << quiz({ single, unknown }) << QStringLiteral("\"measure\" must be one of");
        QJsonObject untranslated = single;
        untranslated[QStringLiteral("prompt")] = text("p", "");
        QTest::newRow("missing Chinese") << quiz({ untranslated, predict })
                                         << QStringLiteral("prompt needs a non-empty \"zh_CN\"");
        QJsonObject same = predict;
        same[QStringLiteral("id")] = QStringLiteral("s");
        QTest::newRow("same id") << quiz({ single, same }) << QStringLiteral("unique");
    }
    void quizRulesAreEnforced()
    {
        QFETCH(QJsonObject, quiz);
        QFETCH(QString, message);
        QString error;
        const auto parsed = Quiz::fromJson(quiz, &error);
        if (message.isEmpty()) {
            QVERIFY2(parsed, qPrintable(error));
            QCOMPARE(parsed->questions[1].choiceFor(2.0), 1);
            QCOMPARE(parsed->questions[1].choiceFor(3.0), -1);
            QCOMPARE(parsed->questions[1].correctIndex(), 1);
        } else {
            QVERIFY(!parsed);
            QVERIFY2(error.contains(message), qPrintable(error));
        }
    }

    void pythonCompiles()
    {
        const QString py = python();
        if (py.isEmpty())
            QSKIP("no python3 on this machine: the lessons' Python is not compiled here");
        // Every example.py and every ```python block of both languages, in one py_compile run.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList files;
        int blocks = 0;
        for (const Lesson &lesson : catalog().lessons()) {
            files << root() + QLatin1Char('/') + lesson.id() + QStringLiteral("/example.py");
            for (const QString &language : Lesson::languages()) {
                const QStringList code = pythonBlocks(lesson.text(language).markdown);
                for (int i = 0; i < code.size(); ++i) {
                    const QString path = dir.filePath(
                            QStringLiteral("%1-%2-%3.py").arg(lesson.id(), language).arg(i + 1));
                    QFile file(path);
                    QVERIFY(file.open(QIODevice::WriteOnly));
                    file.write(code[i].toUtf8());
                    files << path;
                    ++blocks;
                }
            }
        }
        QVERIFY(blocks >= 50);
        QProcess compile;
        compile.setProcessChannelMode(QProcess::MergedChannels);
        // PYTHONPYCACHEPREFIX: no __pycache__ folders left in the source tree.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONPYCACHEPREFIX"), dir.filePath(QStringLiteral("cache")));
        compile.setProcessEnvironment(env);
        compile.start(py,
                      QStringList{ QStringLiteral("-m"), QStringLiteral("py_compile") } + files);
        QVERIFY(compile.waitForFinished(60000));
        QVERIFY2(compile.exitCode() == 0, compile.readAll().constData());
    }

    void examplesRun_data()
    {
        QTest::addColumn<QString>("id");
        for (const Lesson &lesson : catalog().lessons())
            QTest::newRow(qPrintable(lesson.id())) << lesson.id();
    }
    void examplesRun()
    {
        // Each lesson's example.py, run as a student would (no arguments). A server prints
        // "listening on …" first and must echo real clients; anything else must end cleanly.
        QFETCH(QString, id);
        const QString py = python();
        if (py.isEmpty())
            QSKIP("no python3 on this machine: the lessons' examples are not run here");
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        QSKIP("the examples are Python: running them once, in the release build, is enough");
#endif
        QTemporaryDir cache;
        QProcess example;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PYTHONPYCACHEPREFIX"), cache.path());
        env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        example.setProcessEnvironment(env);
        example.setWorkingDirectory(cache.path());
        example.start(py, { root() + QLatin1Char('/') + id + QStringLiteral("/example.py") });
        QVERIFY(example.waitForStarted(5000));
        const auto stop = qScopeGuard([&example] {
            if (example.state() != QProcess::NotRunning) {
                example.terminate();
                if (!example.waitForFinished(3000)) {
                    example.kill();
                    example.waitForFinished(3000);
                }
            }
        });
        QByteArray first;
        QElapsedTimer waited;
        waited.start();
        while (!first.contains('\n') && example.state() != QProcess::NotRunning
               && waited.elapsed() < 15000) {
            example.waitForReadyRead(200);
            first += example.readAllStandardOutput();
        }
        const QString line = QString::fromUtf8(first.left(first.indexOf('\n')));
        static const QRegularExpression listening(
                QStringLiteral("^listening on (?:(udp) )?(?:(\\d+)|unix (\\S+))$"));
        const QRegularExpressionMatch match = listening.match(line);
        if (!match.hasMatch()) {
            // Not a server: it must finish by itself, with status 0, within 25 s.
            QVERIFY2(example.waitForFinished(25000),
                     qPrintable(id + QStringLiteral(" ran too long")));
            QVERIFY2(example.exitStatus() == QProcess::NormalExit && example.exitCode() == 0,
                     qPrintable(id + QStringLiteral(": ") + QString::fromUtf8(first)
                                + QString::fromUtf8(example.readAll())
                                + QString::fromUtf8(example.readAllStandardError())));
            return;
        }
        QStringList args{ QStringLiteral("swarm"), QStringLiteral("--clients"), QStringLiteral("3"),
                          QStringLiteral("--message"), QStringLiteral("hello from the test") };
        if (!match.captured(3).isEmpty())
            args << QStringLiteral("--family") << QStringLiteral("unix") << QStringLiteral("--path")
                 << match.captured(3);
        else
            args << QStringLiteral("--port") << match.captured(2);
        if (!match.captured(1).isEmpty())
            args << QStringLiteral("--udp");
        QProcess swarm;
        swarm.start(QStringLiteral(SOCKETLAB_CLI), args);
        QVERIFY(swarm.waitForFinished(30000));
        const QByteArray out = swarm.readAllStandardOutput();
        QVERIFY2(swarm.exitCode() == 0,
                 qPrintable(id + QStringLiteral(": ") + QString::fromUtf8(out)
                            + QString::fromUtf8(swarm.readAllStandardError())));
        QCOMPARE(out.count("\"result\":\"ok\""), 3);
    }

    void quizAnswersAreNotGivenAwayByLength()
    {
        // A student must not find the answer by picking the longest choice. Per language, the
        // correct choice is strictly the longest in at most a fifth of all questions (reasons
        // belong in the explanation, not in the correct choice).
        int questions = 0;
        QHash<QString, QStringList> longest; // language -> "lesson/question"
        for (const Lesson &lesson : catalog().lessons()) {
            QString error;
            const auto quiz = Quiz::fromJson(lesson.quiz(), &error);
            QVERIFY2(quiz, qPrintable(lesson.id() + QStringLiteral(": ") + error));
            for (const Quiz::Question &q : quiz->questions) {
                ++questions;
                const int correct = q.correctIndex();
                QVERIFY(correct >= 0);
                for (const QString &language : Lesson::languages()) {
                    const qsizetype length = q.choices[size_t(correct)].text.value(language).size();
                    bool strictly = true;
                    for (size_t i = 0; i < q.choices.size(); ++i) {
                        if (int(i) != correct && q.choices[i].text.value(language).size() >= length)
                            strictly = false;
                    }
                    if (strictly)
                        longest[language] << lesson.id() + QLatin1Char('/') + q.id;
                }
            }
        }
        QVERIFY(questions >= 32);
        for (const QString &language : Lesson::languages()) {
            const QStringList &found = longest.value(language);
            QVERIFY2(found.size() * 5 <= questions,
                     qPrintable(QStringLiteral("%1: the correct choice is the longest in %2 of %3 "
                                               "questions: %4")
                                        .arg(language)
                                        .arg(found.size())
                                        .arg(questions)
                                        .arg(found.join(QStringLiteral(", ")))));
        }
    }

    void noQuizQuestionRepeatsAcrossLessons()
    {
        // Each question is asked once: no two questions (in one lesson or in two) have the same
        // prompt, and no two predict questions measure the same thing on the same experiment
        // (server model, handler, delay, number of clients).
        QHash<QString, QString> seen; // key -> "lesson/question"
        int predicts = 0;
        for (const Lesson &lesson : catalog().lessons()) {
            QString error;
            const auto quiz = Quiz::fromJson(lesson.quiz(), &error);
            QVERIFY2(quiz, qPrintable(lesson.id() + QStringLiteral(": ") + error));
            for (const Quiz::Question &q : quiz->questions) {
                const QString where = lesson.id() + QLatin1Char('/') + q.id;
                QStringList keys;
                for (const QString &language : Lesson::languages())
                    keys << QStringLiteral("prompt %1: %2")
                                    .arg(language, q.prompt.value(language).simplified());
                if (q.type == Quiz::Question::Type::Predict) {
                    ++predicts;
                    const auto preset = ExperimentPreset::fromJson(
                            q.experimentOr(lesson.experiment()), &error);
                    QVERIFY2(preset, qPrintable(where + QStringLiteral(": ") + error));
                    QVERIFY2(size_t(q.server) < preset->servers.size(), qPrintable(where));
                    const ServerConfig &s = preset->servers[size_t(q.server)];
                    keys << QStringLiteral("measure %1 of %2 %3 delay %4 clients %5")
                                    .arg(q.measure, ServerConfig::modelKey(s.model),
                                         ServerConfig::handlerKey(s.handler))
                                    .arg(s.delaySeconds)
                                    .arg(preset->clients.clients);
                }
                for (const QString &key : keys) {
                    const QString other = seen.value(key);
                    QVERIFY2(other.isEmpty(),
                             qPrintable(
                                     QStringLiteral("%1 repeats %2 (%3)").arg(where, other, key)));
                    seen.insert(key, where);
                }
            }
        }
        QVERIFY(predicts >= 16);
    }

    // Each lesson starts with its goal, one line right under the title ("**Goal:** …" /
    // "**目标**：…"), before any concept; and how much prose each lesson has is reported (code
    // blocks and tables aside), the figure the "at most 900 words" aim is measured by.
    void everyLessonStartsWithItsGoal()
    {
        for (const Lesson &lesson : catalog().lessons()) {
            for (const auto &[language, label] :
                 { std::pair{ QStringLiteral("en"), QStringLiteral("**Goal:** ") },
                   std::pair{ QStringLiteral("zh_CN"), QStringLiteral("**目标**：") } }) {
                const QStringList lines = lesson.text(language).markdown.split(QLatin1Char('\n'));
                int at = 1;
                while (at < lines.size() && lines[at].trimmed().isEmpty())
                    ++at;
                const QString where = lesson.id() + QLatin1Char('/') + language;
                QVERIFY2(at < lines.size() && lines[at].startsWith(label)
                                 && lines[at].size() > label.size() + 10,
                         qPrintable(where + QStringLiteral(": the line after the title is \"")
                                    + lines.value(at) + QLatin1Char('"')));
                QVERIFY2(at + 1 >= lines.size() || lines[at + 1].trimmed().isEmpty(),
                         qPrintable(where + QStringLiteral(": the goal is one line")));
            }
            // Prose words of the English text: outside fenced code and tables.
            int words = 0;
            bool fenced = false;
            for (const QString &line : lesson.text(QStringLiteral("en")).markdown.split(u'\n')) {
                if (line.startsWith(QStringLiteral("```"))) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced || line.startsWith(QLatin1Char('|')))
                    continue;
                words += int(line.split(QLatin1Char(' '), Qt::SkipEmptyParts).size());
            }
            qInfo("%s: %d words of prose", qPrintable(lesson.id()), words);
            QVERIFY2(words <= 900,
                     qPrintable(lesson.id()
                                + QStringLiteral(": %1 words of prose in en.md, more than 900")
                                          .arg(words)));
        }
    }
};

QTEST_GUILESS_MAIN(TestCurriculum)
#include "tst_curriculum.moc"

// Lesson catalog: the shipped lessons load in both languages, English fallback works, and every
// kind of malformed input is reported with the file (and line) while the other lessons still load.
#include "lesson/lessoncatalog.h"
#include "lesson/quiz.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>

using Files = QMap<QString, QByteArray>;
Q_DECLARE_METATYPE(Files)

class TestLessonCatalog : public QObject
{
    Q_OBJECT

private:
    static QString shippedDir() { return QStringLiteral(SOCKETLAB_SOURCE_DIR "/lessons"); }

    static void writeTree(const QString &root, const Files &files)
    {
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            const QString path = root + QLatin1Char('/') + it.key();
            QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(it.value());
        }
    }

    // A lesson that is always fine, so each case also proves a bad file hides nothing else.
    static Files goodLesson()
    {
        return { { QStringLiteral("good/en.md"), "# Good\n\nText.\n" },
                 { QStringLiteral("good/zh_CN.md"), "# 好\n\n正文。\n" } };
    }

private slots:
    void shippedLessonsLoadInBothLanguages_data()
    {
        QTest::addColumn<QString>("root");
        QTest::newRow("built-in resources") << LessonCatalog::builtinRoot();
        QTest::newRow("source folder") << shippedDir();
    }

    void shippedLessonsLoadInBothLanguages()
    {
        QFETCH(QString, root);
        const LessonCatalog catalog = LessonCatalog::load(root);
        QVERIFY2(catalog.issues().isEmpty(), qPrintable(catalog.issues().value(0).toString()));
        QVERIFY(catalog.lessons().size() >= 2);
        for (const Lesson &lesson : catalog.lessons()) {
            QVERIFY2(lesson.issues().isEmpty(),
                     qPrintable(lesson.id() + QLatin1String(": ")
                                + lesson.issues().value(0).toString()));
            for (const QString &language : Lesson::languages()) {
                QVERIFY2(lesson.hasLanguage(language), qPrintable(lesson.id() + language));
                QVERIFY(!lesson.text(language).fallback);
                QVERIFY(lesson.title(language) != lesson.id());
            }
            QVERIFY(lesson.title(QStringLiteral("en")) != lesson.title(QStringLiteral("zh_CN")));
        }
        QCOMPARE(catalog.indexOf(QStringLiteral("listen-backlog")), 5);
        QCOMPARE(catalog.lessons().size(), 16); // fifteen topics of the handout and its errata
    }

    // Choices shown in another order at each visit of a lesson: a permutation, the same for the
    // same visit, predict questions' values kept in order, and over the shipped quizzes the right
    // answer's place spread over the list rather than fixed.
    void choiceOrderIsShuffledPerAttempt()
    {
        const LessonCatalog catalog = LessonCatalog::load(LessonCatalog::builtinRoot());
        std::map<int, int> rightAt; // place of the right answer (single choice, attempt 1)
        int singles = 0;
        int changed = 0; // single-choice questions whose order differs between attempts 1 and 2
        for (const Lesson &lesson : catalog.lessons()) {
            QString error;
            const std::optional<Quiz> quiz = Quiz::fromJson(lesson.quiz(), &error);
            QVERIFY2(quiz, qPrintable(lesson.id() + QLatin1String(": ") + error));
            for (const Quiz::Question &q : quiz->questions) {
                const std::vector<int> first = Quiz::displayOrder(q, lesson.id(), 1);
                QCOMPARE(Quiz::displayOrder(q, lesson.id(), 1), first); // repeatable
                std::vector<int> sorted = first;
                std::sort(sorted.begin(), sorted.end());
                for (size_t i = 0; i < sorted.size(); ++i)
                    QCOMPARE(sorted[i], int(i)); // every choice once
                if (q.type == Quiz::Question::Type::Predict) {
                    QCOMPARE(first, sorted); // values stay in order
                    continue;
                }
                ++singles;
                changed += Quiz::displayOrder(q, lesson.id(), 2) != first;
                const auto right = std::find(first.begin(), first.end(), q.correctIndex());
                ++rightAt[int(right - first.begin())];
            }
        }
        QVERIFY(singles >= 10);
        QVERIFY2(changed >= singles / 2,
                 qPrintable(QStringLiteral("%1 of %2").arg(changed).arg(singles)));
        // No place holds the right answer in more than half of the questions.
        for (const auto &[place, count] : rightAt)
            QVERIFY2(count * 2 <= singles,
                     qPrintable(QStringLiteral("place %1: %2 of %3")
                                        .arg(place)
                                        .arg(count)
                                        .arg(singles)));
        QVERIFY(rightAt.size() >= 2);
    }

    void builtinCopyMatchesSourceFolder()
    {
        const LessonCatalog builtin = LessonCatalog::load(LessonCatalog::builtinRoot());
        const LessonCatalog folder = LessonCatalog::load(shippedDir());
        QCOMPARE(builtin.lessons().size(), folder.lessons().size());
        for (int i = 0; i < folder.lessons().size(); ++i) {
            const Lesson a = builtin.lessons().at(i);
            const Lesson b = folder.lessons().at(i);
            QCOMPARE(a.id(), b.id());
            for (const QString &language : Lesson::languages())
                QCOMPARE(a.text(language).markdown, b.text(language).markdown);
            QCOMPARE(a.exampleCode(), b.exampleCode());
        }
    }

    void missingTranslationFallsBackToEnglish()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeTree(dir.path(),
                  { { QStringLiteral("catalog.json"), R"({"lessons": ["only-en"]})" },
                    { QStringLiteral("only-en/en.md"), "# Only English\n\nBody.\n" } });
        const LessonCatalog catalog = LessonCatalog::load(dir.path());
        QCOMPARE(catalog.lessons().size(), 1);
        const Lesson lesson = catalog.lessons().constFirst();
        QVERIFY(lesson.issues().isEmpty());
        const LessonText zh = lesson.text(QStringLiteral("zh_CN"));
        QVERIFY(zh.fallback);
        QCOMPARE(zh.language, QStringLiteral("en"));
        QVERIFY(zh.markdown.contains(QLatin1String("Body.")));
        QCOMPARE(lesson.title(QStringLiteral("zh_CN")), QStringLiteral("Only English"));
        QVERIFY(!lesson.text(QStringLiteral("en")).fallback);
    }

    void malformedInputIsNamed_data()
    {
        QTest::addColumn<Files>("files");
        QTest::addColumn<QString>("file"); // the path the issue must name, relative to the root
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("lessons"); // lessons still listed

        const QByteArray catalog = R"({"lessons": ["good", "bad"]})";
        auto with = [](Files files, const QString &name, const QByteArray &data) {
            files.insert(name, data);
            return files;
        };
        Files base = with(goodLesson(), QStringLiteral("catalog.json"), catalog);
        base = with(base, QStringLiteral("bad/en.md"), "# Bad\n");

        QTest::newRow("catalog: bad JSON") << with(goodLesson(), QStringLiteral("catalog.json"),
                                                   "{\n  \"lessons\": [\n    \"good\",,\n  ]\n}\n")
                                           << "catalog.json" << 3 << "invalid JSON" << 0;
        QTest::newRow("catalog: missing")
                << goodLesson() << "catalog.json" << 0 << "cannot be read" << 0;
        QTest::newRow("catalog: empty")
                << with(goodLesson(), QStringLiteral("catalog.json"), "  \n") << "catalog.json" << 0
                << "is empty" << 0;
        QTest::newRow("catalog: array at top")
                << with(goodLesson(), QStringLiteral("catalog.json"), "[\"good\"]")
                << "catalog.json" << 1 << "must hold a JSON object" << 0;
        QTest::newRow("catalog: lessons is a string")
                << with(goodLesson(), QStringLiteral("catalog.json"), R"({"lessons": "good"})")
                << "catalog.json" << 0 << "\"lessons\" must be an array" << 0;
        QTest::newRow("catalog: entry is a number")
                << with(goodLesson(), QStringLiteral("catalog.json"), R"({"lessons": ["good", 7]})")
                << "catalog.json" << 0 << "entry 2 must be a folder name, found a number" << 1;
        QTest::newRow("catalog: entry escapes the root")
                << with(goodLesson(), QStringLiteral("catalog.json"),
                        R"({"lessons": ["good", "../etc"]})")
                << "catalog.json" << 0 << "entry 2 must be a folder name" << 1;
        QTest::newRow("catalog: listed twice") << with(goodLesson(), QStringLiteral("catalog.json"),
                                                       R"({"lessons": ["good", "good"]})")
                                               << "catalog.json" << 0 << "listed twice" << 1;
        QTest::newRow("lesson: folder missing")
                << with(goodLesson(), QStringLiteral("catalog.json"), catalog) << "bad" << 0
                << "folder is missing" << 2;
        QTest::newRow("lesson: en.md missing")
                << with(with(goodLesson(), QStringLiteral("catalog.json"), catalog),
                        QStringLiteral("bad/zh_CN.md"), "# 坏\n")
                << "bad/en.md" << 0 << "is missing" << 2;
        QTest::newRow("lesson: en.md empty") << with(base, QStringLiteral("bad/en.md"), "\n\n")
                                             << "bad/en.md" << 0 << "is empty" << 2;
        QTest::newRow("lesson: zh_CN.md not UTF-8")
                << with(base, QStringLiteral("bad/zh_CN.md"), QByteArray("# \xff\xfe bad\n"))
                << "bad/zh_CN.md" << 0 << "not valid UTF-8" << 2;
        QTest::newRow("quiz: bad JSON")
                << with(base, QStringLiteral("bad/quiz.json"), "{\n  \"questions\": [ } \n}")
                << "bad/quiz.json" << 2 << "invalid JSON" << 2;
        QTest::newRow("quiz: questions is an object")
                << with(base, QStringLiteral("bad/quiz.json"), R"({"questions": {}})")
                << "bad/quiz.json" << 0 << "\"questions\" must be an array, found an object" << 2;
        QTest::newRow("quiz: question is a string")
                << with(base, QStringLiteral("bad/quiz.json"), R"({"questions": [{}, "x"]})")
                << "bad/quiz.json" << 0 << "question 2 must be an object, found a string" << 2;
        QTest::newRow("experiment: array at top")
                << with(base, QStringLiteral("bad/experiment.json"), "[]") << "bad/experiment.json"
                << 1 << "must hold a JSON object, found an array" << 2;
        QTest::newRow("experiment: empty") << with(base, QStringLiteral("bad/experiment.json"), "")
                                           << "bad/experiment.json" << 0 << "is empty" << 2;
    }

    void malformedInputIsNamed()
    {
        QFETCH(Files, files);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, message);
        QFETCH(int, lessons);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeTree(dir.path(), files);
        const LessonCatalog catalog = LessonCatalog::load(dir.path());

        QList<LessonIssue> issues = catalog.issues();
        for (const Lesson &lesson : catalog.lessons())
            issues += lesson.issues();
        QCOMPARE(issues.size(), 1);
        const LessonIssue issue = issues.constFirst();
        QCOMPARE(issue.file, dir.filePath(file));
        QCOMPARE(issue.line, line);
        QVERIFY2(issue.message.contains(message), qPrintable(issue.message));
        QVERIFY(issue.toString().startsWith(dir.filePath(file)));

        // Nothing else is hidden: the good lesson is always there and readable.
        QCOMPARE(catalog.lessons().size(), lessons);
        if (lessons > 0) {
            const Lesson good = catalog.lessons().constFirst();
            QCOMPARE(good.id(), QStringLiteral("good"));
            QVERIFY(good.issues().isEmpty());
            QCOMPARE(good.title(QStringLiteral("zh_CN")), QStringLiteral("好"));
        }
    }
};

QTEST_GUILESS_MAIN(TestLessonCatalog)
#include "tst_lessoncatalog.moc"

// The quiz at the end of a lesson and the glossary links, in the window, offscreen: single-choice
// answers checked and remembered, a "predict, then run" question answered by a real run in the
// lab, glossary terms and lesson links followed.
#include "lab/labcontroller.h"
#include "labarea.h"
#include "lessonview.h"
#include "mainwindow.h"
#include "model/connectionmodel.h"
#include "model/runmeasures.h"
#include "quizview.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

namespace {

void writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

// A two-lesson folder: "echo" has a quiz whose predict question runs three clients against an
// echo server (served = 3), and links a glossary term and the other lesson.
void writeLessons(const QString &dir)
{
    writeFile(dir + QStringLiteral("/catalog.json"), "{\"lessons\": [\"echo\", \"other\"]}");
    writeFile(dir + QStringLiteral("/glossary.json"),
              "{\"terms\": [{\"id\": \"backlog\", \"en\": {\"term\": \"backlog\", \"definition\": "
              "\"The cap of the `accept` queue.\"}, \"zh_CN\": {\"term\": \"backlog\", "
              "\"definition\": \"全连接队列的上限。\"}}]}");
    writeFile(dir + QStringLiteral("/echo/en.md"),
              "# Echo\n\nSee the [backlog](glossary:backlog) and [the other](lesson:other).\n");
    writeFile(dir + QStringLiteral("/echo/zh_CN.md"),
              "# 回显\n\n看 [backlog](glossary:backlog) 和[另一课](lesson:other)。\n");
    writeFile(dir + QStringLiteral("/echo/experiment.json"),
              "{\"servers\": [{\"model\": \"threading\", \"handler\": \"echo\"}],"
              " \"clients\": {\"count\": 3}, \"observe_s\": 10}");
    writeFile(dir + QStringLiteral("/echo/quiz.json"), R"({"questions": [
      {"id": "bytes", "type": "single",
       "prompt": {"en": "What does recv() return?", "zh_CN": "recv() 返回什么？"},
       "choices": [{"text": {"en": "str", "zh_CN": "str"}},
                   {"text": {"en": "bytes", "zh_CN": "bytes"}, "correct": true}],
       "explanation": {"en": "Bytes in Python 3.", "zh_CN": "Python 3 里是 bytes。"}},
      {"id": "served", "type": "predict", "measure": "served",
       "prompt": {"en": "Three clients: how many get their echo?", "zh_CN": "三个客户端，几个收到回显？"},
       "choices": [{"text": {"en": "none", "zh_CN": "没有"}, "range": [0, 0]},
                   {"text": {"en": "all three", "zh_CN": "全部三个"}, "range": [3, 3], "correct": true}],
       "explanation": {"en": "An echo server answers all.", "zh_CN": "回显服务器都会回答。"}}
    ]})");
    writeFile(dir + QStringLiteral("/other/en.md"), "# Other\n\nText.\n");
    writeFile(dir + QStringLiteral("/other/zh_CN.md"), "# 另一课\n\n正文。\n");
}

} // namespace

class TestQuiz : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_lessons;

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid() && m_lessons.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_quiz"));
        writeLessons(m_lessons.path());
    }

    void singleChoiceIsCheckedAndRemembered()
    {
        MainWindow window(m_lessons.path());
        window.show();
        window.selectLesson(0);
        QuizView *quiz = window.lessonView()->quizView();
        QVERIFY(quiz->isVisibleTo(&window));
        QCOMPARE(quiz->questionCount(), 2);
        QVERIFY(!quiz->checkButton(0)->isEnabled()); // nothing chosen yet
        quiz->choose(0, 0);
        quiz->checkButton(0)->click();
        QVERIFY2(quiz->resultLabel(0)->text().contains(QStringLiteral("Not quite")),
                 qPrintable(quiz->resultLabel(0)->text()));
        QVERIFY(quiz->resultLabel(0)->text().contains(QStringLiteral("bytes")));
        quiz->choose(0, 1);
        quiz->checkButton(0)->click();
        QVERIFY(quiz->resultLabel(0)->text().startsWith(QStringLiteral("<b>Right.</b>")));

        // Away and back, and in Chinese: the answer and its result are still there.
        window.selectLesson(1);
        QVERIFY(!quiz->isVisibleTo(&window)); // a lesson without a quiz shows none
        window.selectLesson(0);
        QVERIFY(quiz->resultLabel(0)->text().contains(QStringLiteral("Right.")));
        window.setLanguage(QStringLiteral("zh_CN"));
        QVERIFY2(quiz->resultLabel(0)->text().contains(QStringLiteral("答对了")),
                 qPrintable(quiz->resultLabel(0)->text()));
        QVERIFY(quiz->resultLabel(0)->text().contains(QStringLiteral("Python 3 里是 bytes")));
        window.setLanguage(QStringLiteral("en"));
        MainWindow again(m_lessons.path());
        again.selectLesson(0);
        QVERIFY(again.lessonView()->quizView()->checkButton(0)->isEnabled()); // choice restored
        QVERIFY(again.lessonView()->quizView()->resultLabel(0)->text().contains(
                QStringLiteral("Right.")));
    }

    void predictionIsCheckedAgainstARealRun_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("predicted right") << 1 << QStringLiteral("Your prediction was right");
        QTest::newRow("predicted wrong") << 0 << QStringLiteral("you predicted none");
    }
    void predictionIsCheckedAgainstARealRun()
    {
        QFETCH(int, choice);
        QFETCH(QString, verdict);
        MainWindow window(m_lessons.path());
        window.show();
        window.selectLesson(0);
        QuizView *quiz = window.lessonView()->quizView();
        QSignalSpy asked(quiz, &QuizView::runRequested);
        quiz->choose(1, choice);
        quiz->checkButton(1)->click();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(quiz->waitingQuestion(), 1);
        QVERIFY(!quiz->checkButton(0)->isEnabled()); // one run at a time
        // The run happens in the lab, where the student watches it.
        QVERIFY(window.labArea()->controller()->isServerRunning());
        QTRY_COMPARE_WITH_TIMEOUT(quiz->waitingQuestion(), -1, 15000);
        const QString result = quiz->resultLabel(1)->text();
        QVERIFY2(result.contains(QStringLiteral("measured 3")), qPrintable(result));
        QVERIFY2(result.contains(verdict), qPrintable(result));
        QCOMPARE(window.labArea()->connections()->rowCount(), 3);
        QCOMPARE(*window.labArea()->measures().value(QStringLiteral("served")), 3.0);
    }

    void aResetDuringTheRunIsReported()
    {
        MainWindow window(m_lessons.path());
        window.selectLesson(0);
        QuizView *quiz = window.lessonView()->quizView();
        quiz->choose(1, 1);
        quiz->checkButton(1)->click();
        QCOMPARE(quiz->waitingQuestion(), 1);
        window.labArea()->reset();
        QCOMPARE(quiz->waitingQuestion(), -1);
        QVERIFY2(quiz->resultLabel(1)->text().contains(QStringLiteral("the run was reset")),
                 qPrintable(quiz->resultLabel(1)->text()));
        QVERIFY(quiz->checkButton(1)->isEnabled());
    }

    void glossaryAndLessonLinks()
    {
        MainWindow window(m_lessons.path());
        window.show();
        window.selectLesson(0);
        LessonView *view = window.lessonView();
        QVERIFY(view->followLink(QUrl(QStringLiteral("glossary:backlog"))));
        QVERIFY(view->definition()->isVisibleTo(&window));
        QCOMPARE(view->definition()->text(),
                 QStringLiteral("backlog — The cap of the <code>accept</code> queue."));
        window.setLanguage(QStringLiteral("zh_CN"));
        view->followLink(QUrl(QStringLiteral("glossary:backlog")));
        QVERIFY(view->definition()->text().contains(QStringLiteral("全连接队列的上限")));
        window.setLanguage(QStringLiteral("en"));
        QVERIFY(!view->followLink(QUrl(QStringLiteral("glossary:nothing"))));
        QVERIFY(view->definition()->text().contains(QStringLiteral("No glossary entry")));
        QVERIFY(view->followLink(QUrl(QStringLiteral("lesson:other"))));
        QCOMPARE(window.navigator()->currentRow(), 1);
        QVERIFY(!view->definition()->isVisibleTo(&window)); // the term belonged to the last lesson
        QVERIFY(!view->followLink(QUrl(QStringLiteral("relative/file.md"))));
    }
};

QTEST_MAIN(TestQuiz)
#include "tst_quiz.moc"

// The quiz at the end of a lesson and the glossary links, in the window, offscreen: single-choice
// answers checked and remembered, a "predict, then run" question answered by a real run in the
// lab, glossary terms and lesson links followed.
#include "lab/labcontroller.h"
#include "labarea.h"
#include "lesson/quiz.h"
#include "lessonview.h"
#include "mainwindow.h"
#include "model/connectionmodel.h"
#include "model/runmeasures.h"
#include "quizview.h"
#include "timelineview.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
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
        // Wrong: ✗ in words, the right choice marked in the list, the answer given marked too.
        QString result = quiz->resultLabel(0)->text();
        QVERIFY2(result.contains(QStringLiteral("✗")) && !result.contains(QStringLiteral("✓")),
                 qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("Not quite")), qPrintable(result));
        QVERIFY(result.contains(QStringLiteral("bytes")));
        QVERIFY2(quiz->choiceLabel(0, 1)->text().contains(QStringLiteral("✓ correct answer")),
                 qPrintable(quiz->choiceLabel(0, 1)->text()));
        QVERIFY2(quiz->choiceLabel(0, 0)->text().contains(QStringLiteral("✗ your answer")),
                 qPrintable(quiz->choiceLabel(0, 0)->text()));
        QVERIFY(quiz->choiceButton(0, 1)->accessibleName().contains(QStringLiteral("correct")));
        quiz->choose(0, 1);
        quiz->checkButton(0)->click();
        result = quiz->resultLabel(0)->text();
        QVERIFY2(result.contains(QStringLiteral("✓")) && !result.contains(QStringLiteral("✗")),
                 qPrintable(result));
        QVERIFY(result.contains(QStringLiteral("<b>Right.</b>")));
        QVERIFY(quiz->choiceLabel(0, 1)->text().contains(QStringLiteral("✓ correct answer")));
        QCOMPARE(quiz->choiceLabel(0, 0)->text(), QStringLiteral("str")); // no mark now
        QVERIFY(!quiz->showRunButton(0)->isVisibleTo(&window)); // no run behind this answer

        // Away and back, and in Chinese: the answer and its result are still there.
        window.selectLesson(1);
        QVERIFY(!quiz->isVisibleTo(&window)); // a lesson without a quiz shows none
        window.selectLesson(0);
        QVERIFY(quiz->resultLabel(0)->text().contains(QStringLiteral("✓")));
        QVERIFY(quiz->resultLabel(0)->text().contains(QStringLiteral("Right.")));
        QVERIFY(quiz->choiceLabel(0, 1)->text().contains(QStringLiteral("✓ correct answer")));
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

    // The choices are listed in the order Quiz::displayOrder gives for this visit: what the
    // student sees top to bottom. A new visit is a new attempt; a language change is not.
    void choicesAreListedInThisAttemptsOrder()
    {
        MainWindow window(m_lessons.path());
        window.show();
        window.selectLesson(0);
        QuizView *quiz = window.lessonView()->quizView();
        const int attempt = quiz->attempt();
        QVERIFY(attempt >= 1);
        QString error;
        QFile file(m_lessons.path() + QStringLiteral("/echo/quiz.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::optional<Quiz> parsed
                = Quiz::fromJson(QJsonDocument::fromJson(file.readAll()).object(), &error);
        QVERIFY2(parsed, qPrintable(error));
        // Each choice at its place, and drawn below the one before it (once laid out).
        const auto inOrder = [&](int visit) {
            for (int q = 0; q < quiz->questionCount(); ++q) {
                const std::vector<int> order = Quiz::displayOrder(parsed->questions[size_t(q)],
                                                                  QStringLiteral("echo"), visit);
                for (size_t place = 0; place < order.size(); ++place) {
                    if (quiz->choicePosition(q, order[place]) != int(place))
                        return false;
                    if (place > 0
                        && quiz->choiceLabel(q, order[place - 1])->mapTo(quiz, QPoint(0, 0)).y()
                                >= quiz->choiceLabel(q, order[place])
                                           ->mapTo(quiz, QPoint(0, 0))
                                           .y())
                        return false;
                }
            }
            return true;
        };
        const auto checkOrder = [&](int visit) {
            QTRY_VERIFY(inOrder(visit));
        };
        QTRY_VERIFY(quiz->choiceLabel(0, 0)->isVisible());
        checkOrder(attempt);
        window.setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(quiz->attempt(), attempt); // the same list, in other words
        checkOrder(attempt);
        window.setLanguage(QStringLiteral("en"));
        window.selectLesson(1);
        window.selectLesson(0);
        QCOMPARE(quiz->attempt(), attempt + 1);
        checkOrder(attempt + 1);
    }

    // Progress for self-study: what was done shows under each lesson in the navigator, is kept
    // across restarts, and the last lesson opens again.
    void progressShowsInTheNavigatorAndIsKept()
    {
        QSettings().clear(); // this test's own settings folder: a first start
        const auto line = [](MainWindow &w, int row) {
            return w.navigator()->item(row)->text();
        };
        {
            MainWindow window(m_lessons.path());
            window.show();
            // A first start shows the first lesson: it is opened, the second not yet.
            QVERIFY2(line(window, 0).endsWith(QStringLiteral("\nopened")),
                     qPrintable(line(window, 0)));
            QCOMPARE(line(window, 1), QStringLiteral("2. Other"));
            window.selectLesson(1);
            QVERIFY2(line(window, 1).endsWith(QStringLiteral("\nopened")),
                     qPrintable(line(window, 1)));
            window.selectLesson(0);
            QuizView *quiz = window.lessonView()->quizView();
            quiz->choose(0, 1); // right
            quiz->checkButton(0)->click();
            QVERIFY2(line(window, 0).contains(QStringLiteral("quiz: 1 of 2 right")),
                     qPrintable(line(window, 0)));
            QVERIFY(!line(window, 0).startsWith(QStringLiteral("✓")));
            quiz->choose(1, 0); // a wrong prediction: answered, not right
            quiz->checkButton(1)->click();
            QTRY_COMPARE_WITH_TIMEOUT(quiz->waitingQuestion(), -1, 15000);
            QVERIFY2(line(window, 0).contains(QStringLiteral("quiz: 1 of 2 right")),
                     qPrintable(line(window, 0)));
            quiz->choose(1, 1);
            quiz->checkButton(1)->click();
            QTRY_COMPARE_WITH_TIMEOUT(quiz->waitingQuestion(), -1, 15000);
            QVERIFY2(line(window, 0).startsWith(QStringLiteral("✓ 1. Echo\nquiz: 2 of 2 right")),
                     qPrintable(line(window, 0)));
            window.lessonView()->experimentButton()->click();
            QVERIFY2(line(window, 0).endsWith(QStringLiteral(" · experiment run")),
                     qPrintable(line(window, 0)));
            window.labArea()->reset();
        }
        MainWindow again(m_lessons.path());
        QCOMPARE(again.currentLessonId(), QStringLiteral("echo")); // where the student left off
        QCOMPARE(line(again, 0), QStringLiteral("✓ 1. Echo\nquiz: 2 of 2 right · experiment run"));
        QVERIFY(line(again, 1).endsWith(QStringLiteral("\nopened")));
    }

    void predictionIsCheckedAgainstARealRun_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("symbol");
        QTest::newRow("predicted right")
                << 1 << QStringLiteral("Your prediction was right") << QStringLiteral("✓");
        QTest::newRow("predicted wrong")
                << 0 << QStringLiteral("you predicted none") << QStringLiteral("✗");
    }
    void predictionIsCheckedAgainstARealRun()
    {
        QFETCH(int, choice);
        QFETCH(QString, verdict);
        QFETCH(QString, symbol);
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
        QVERIFY2(result.contains(QStringLiteral("measured 3 clients")), qPrintable(result));
        QVERIFY2(result.contains(verdict), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("<b>%1</b>").arg(symbol)), qPrintable(result));
        QVERIFY2(!result.contains(symbol == QStringLiteral("✓") ? QStringLiteral("✗")
                                                                : QStringLiteral("✓")),
                 qPrintable(result));
        QCOMPARE(window.labArea()->connections()->rowCount(), 3);
        QCOMPARE(*window.labArea()->measures().value(QStringLiteral("served")), 3.0);
        // The choice the run measured is marked; a wrong prediction is marked as such.
        QVERIFY2(
                quiz->choiceLabel(1, 1)->text().contains(QStringLiteral("✓ what the run measured")),
                qPrintable(quiz->choiceLabel(1, 1)->text()));
        QCOMPARE(quiz->choiceLabel(1, 0)->text().contains(QStringLiteral("✗ your prediction")),
                 choice == 0);

        // The run is one click away: the lab shows its timeline.
        QPushButton *showRun = quiz->showRunButton(1);
        QVERIFY(showRun->isVisibleTo(&window));
        // In view under the answer, where the student reads it.
        QScrollArea *area = qobject_cast<QScrollArea *>(quiz->parentWidget()->parentWidget());
        QTRY_VERIFY(area->viewport()->rect().contains(
                QRect(showRun->mapTo(area->viewport(), QPoint(0, 0)), showRun->size())));
        QCOMPARE(showRun->text(), QStringLiteral("Show the run"));
        QTabWidget *tabs = window.labArea()->tabs();
        tabs->setCurrentIndex(0);
        QSignalSpy shown(quiz, &QuizView::showRunRequested);
        showRun->click();
        QCOMPARE(shown.count(), 1);
        QVERIFY(tabs->currentWidget()->isAncestorOf(window.labArea()->timeline()));
        QVERIFY(window.labArea()->timeline()->isVisible());

        // Another run in the lab: this answer's run is gone, and so is the button.
        QVERIFY(window.labArea()->runExperiment(
                window.catalog().lessons().constFirst().experiment()));
        QVERIFY(!showRun->isVisibleTo(&window));
        QVERIFY(quiz->resultLabel(1)->text().contains(verdict)); // the answer itself stays
    }

    void measuredValuesHaveUnits()
    {
        QCOMPARE(QuizView::valueWithUnit(QStringLiteral("served"), 3), QStringLiteral("3 clients"));
        QCOMPARE(QuizView::valueWithUnit(QStringLiteral("refused"), 1), QStringLiteral("1 client"));
        QCOMPARE(QuizView::valueWithUnit(QStringLiteral("queue_peak"), 4),
                 QStringLiteral("4 connections"));
        QCOMPARE(QuizView::valueWithUnit(QStringLiteral("concurrent_peak"), 2),
                 QStringLiteral("2 handle() calls"));
        QCOMPARE(QuizView::valueWithUnit(QStringLiteral("workers_peak"), 5),
                 QStringLiteral("5 workers"));
        QCOMPARE(QuizView::valueWithUnit(QStringLiteral("empty_recvs"), 12000),
                 QStringLiteral("12000 empty recv() calls"));
        QCOMPARE(QuizView::valueWithUnit(QStringLiteral("total_s"), 2.345),
                 QStringLiteral("2.35 s"));
        QCOMPARE(QuizView::valueWithUnit(QStringLiteral("total_s"), 12.04),
                 QStringLiteral("12.0 s"));
        for (const QString &name : RunMeasures::names()) // every measure has its unit
            QVERIFY2(QuizView::valueWithUnit(name, 2) != QStringLiteral("2"), qPrintable(name));
    }

    void quizIsReadableWithoutDraggingTheSplitter()
    {
        MainWindow window(m_lessons.path()); // the default size, no splitter state saved
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectLesson(0);
        QuizView *quiz = window.lessonView()->quizView();
        auto *area = qobject_cast<QScrollArea *>(quiz->parentWidget()->parentWidget());
        QVERIFY(area);
        QWidget *viewport = area->viewport();
        const auto inView = [viewport](const QWidget *widget) {
            const QRect rect(widget->mapTo(viewport, QPoint(0, 0)), widget->size());
            return viewport->rect().contains(rect);
        };
        // The first question whole: its prompt, every choice and its button, at once.
        const auto *first = quiz->findChild<QWidget *>(QStringLiteral("question-bytes"));
        QVERIFY(first);
        QTRY_VERIFY2(inView(first),
                     qPrintable(QStringLiteral("question %1 high, quiz area %2 high")
                                        .arg(first->height())
                                        .arg(viewport->height())));
        for (int c = 0; c < 2; ++c) {
            QVERIFY(inView(quiz->choiceButton(0, c)));
            QVERIFY(inView(quiz->choiceLabel(0, c)));
        }
        QVERIFY(inView(quiz->checkButton(0)));
        // And still mostly lesson.
        QVERIFY(window.lessonView()->browser()->height() > area->height());
        // A lesson without a quiz gives its text all the room.
        window.selectLesson(1);
        QVERIFY(!area->isVisibleTo(&window));
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

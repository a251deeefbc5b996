// Every "predict, then run" answer of every lesson's quiz, checked the way the app checks it: the
// question's experiment (or the lesson's) runs headless on real sockets, and the measured value
// must fall in the range of the choice the quiz calls correct.
#include "curriculum.h"
#include "lab/experimentrunner.h"
#include "lesson/quiz.h"

#include <QtTest>

using namespace curriculum;

class TestQuizRuns : public QObject
{
    Q_OBJECT

private slots:
    void runnerMeasuresARealRun()
    {
        // Figures that do not depend on timing, so this runs under the sanitizers as well: four
        // clients against ThreadingTCPServer and TCPServer side by side, all of them echoed.
        ExperimentPreset preset;
        ServerConfig threading;
        threading.model = ServerModel::Threading;
        threading.handler = HandlerKind::SleepEcho;
        threading.delaySeconds = 0.3;
        ServerConfig blocking = threading;
        blocking.model = ServerModel::Blocking;
        preset.servers = { threading, blocking };
        preset.clients.clients = 4;
        preset.observeSeconds = 20;
        QString error;
        const std::optional<RunMeasures> m = ExperimentRunner::run(preset, &error);
        QVERIFY2(m, qPrintable(error));
        for (quint16 origin : { 0, 1 }) {
            QCOMPARE(m->clients(origin), 4);
            QCOMPARE(m->finished(origin), 4);
            QCOMPARE(*m->value(QStringLiteral("connected"), origin), 4.0);
            QCOMPARE(*m->value(QStringLiteral("served"), origin), 4.0);
            QCOMPARE(*m->value(QStringLiteral("refused"), origin), 0.0);
            QCOMPARE(*m->value(QStringLiteral("timed_out"), origin), 0.0);
            QVERIFY(m->value(QStringLiteral("queue_peak"), origin).has_value());
            QVERIFY(*m->value(QStringLiteral("total_s"), origin) >= 0.3);
        }
        // One handle() at a time in TCPServer, never more than the clients in the threaded one.
        QCOMPARE(*m->value(QStringLiteral("concurrent_peak"), 1), 1.0);
        QCOMPARE(*m->value(QStringLiteral("workers_peak"), 1), 0.0);
        QVERIFY(*m->value(QStringLiteral("concurrent_peak"), 0) >= 1.0);
        QVERIFY(*m->value(QStringLiteral("workers_peak"), 0) <= 4.0);
        QVERIFY(!m->value(QStringLiteral("speed"), 0));
        QVERIFY(!m->value(QStringLiteral("served"), 2)); // no third server
        // A server that cannot start says why.
        preset.servers = { threading };
        preset.servers[0].family = Family::Unix;
        preset.servers[0].unixPath = QStringLiteral("/nonexistent-folder/x.sock");
        QVERIFY(!ExperimentRunner::run(preset, &error));
        QVERIFY(!error.isEmpty());
    }

    void predictedAnswerIsWhatTheRunShows_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<int>("question");
        for (const Lesson &lesson : catalog().lessons()) {
            QString error;
            const auto quiz = Quiz::fromJson(lesson.quiz(), &error);
            if (!quiz)
                continue; // tst_curriculum names the problem
            for (size_t i = 0; i < quiz->questions.size(); ++i) {
                if (quiz->questions[i].type == Quiz::Question::Type::Predict)
                    QTest::newRow(
                            qPrintable(lesson.id() + QLatin1Char('/') + quiz->questions[i].id))
                            << lesson.id() << int(i);
            }
        }
    }
    void predictedAnswerIsWhatTheRunShows()
    {
        QFETCH(QString, lesson);
        QFETCH(int, question);
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        QSKIP("timing answers are checked in the release build (sanitizers slow every thread)");
#endif
        const LessonCatalog lessons = catalog();
        const Lesson &l = lessons.lessons().at(lessons.indexOf(lesson));
        QString error;
        const std::optional<Quiz> quiz = Quiz::fromJson(l.quiz(), &error);
        QVERIFY2(quiz && question < int(quiz->questions.size()), qPrintable(error));
        const Quiz::Question q = quiz->questions[size_t(question)];
        const auto preset = ExperimentPreset::fromJson(q.experimentOr(l.experiment()), &error);
        QVERIFY2(preset, qPrintable(error));
        // A student runs it again and again: the answer must hold every time, not on average.
        // SOCKETLAB_QUIZ_REPEAT (./lab test --long: 10) says how often; bounded to 1–50.
        const int repeat = qBound(1, qEnvironmentVariableIntValue("SOCKETLAB_QUIZ_REPEAT"), 50);
        const int runs = qEnvironmentVariableIsSet("SOCKETLAB_QUIZ_REPEAT") ? repeat : 3;
        for (int run = 1; run <= runs; ++run) {
            const std::optional<RunMeasures> measures = ExperimentRunner::run(*preset, &error);
            QVERIFY2(measures, qPrintable(error));
            const std::optional<double> value = measures->value(q.measure, quint16(q.server));
            QVERIFY2(value, qPrintable(QStringLiteral("%1 was not measured").arg(q.measure)));
            const int shown = q.choiceFor(*value);
            QVERIFY2(shown == q.correctIndex(),
                     qPrintable(QStringLiteral("run %1 of %2: %3 measured %4: choice %5, the quiz "
                                               "says %6")
                                        .arg(run)
                                        .arg(runs)
                                        .arg(q.measure)
                                        .arg(*value)
                                        .arg(shown)
                                        .arg(q.correctIndex())));
        }
    }
};

QTEST_GUILESS_MAIN(TestQuizRuns)
#include "tst_quizruns.moc"

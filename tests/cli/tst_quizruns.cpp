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
        const Quiz::Question q = Quiz::fromJson(l.quiz(), &error)->questions[size_t(question)];
        const auto preset = ExperimentPreset::fromJson(q.experimentOr(l.experiment()), &error);
        QVERIFY2(preset, qPrintable(error));
        const std::optional<RunMeasures> measures = ExperimentRunner::run(*preset, &error);
        QVERIFY2(measures, qPrintable(error));
        const std::optional<double> value = measures->value(q.measure, quint16(q.server));
        QVERIFY2(value, qPrintable(QStringLiteral("%1 was not measured").arg(q.measure)));
        const int shown = q.choiceFor(*value);
        QVERIFY2(shown == q.correctIndex(),
                 qPrintable(QStringLiteral("%1 measured %2: choice %3, the quiz says %4")
                                    .arg(q.measure)
                                    .arg(*value)
                                    .arg(shown)
                                    .arg(q.correctIndex())));
    }
};

QTEST_GUILESS_MAIN(TestQuizRuns)
#include "tst_quizruns.moc"

#pragma once

#include "lesson/quiz.h"

#include <QJsonObject>
#include <QWidget>
#include <optional>
#include <vector>

class QAbstractButton;
class QButtonGroup;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

// The quiz at the end of a lesson. A single-choice question is checked at once; a "predict,
// then run" question asks the lab to run its experiment (runRequested) and compares the measured
// value, handed back with showMeasured(), with the student's prediction. Feedback says ✓ or ✗ in
// words, marks the right choice in the list, gives the measured value with its unit and offers
// the run itself (showRunRequested). The choice, whether it was checked and the measured value
// are remembered per lesson (QSettings "quiz/<lesson>/<id>/…") and the result is written again in
// the current language when the lesson is shown. In a scroll area, it keeps the area tall enough
// to read its first question whole.
class QuizView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuizView)

public:
    explicit QuizView(QWidget *parent = nullptr);

    void setQuiz(const QString &lessonId, const QJsonObject &quiz,
                 const QJsonObject &lessonExperiment, const QString &language);
    int questionCount() const { return int(m_quiz.questions.size()); }
    bool isPredict(int question) const
    {
        return m_quiz.questions.at(size_t(question)).type == Quiz::Question::Type::Predict;
    }
    void choose(int question, int choice); // what a click on a choice does
    QPushButton *checkButton(int question) const;
    QLabel *resultLabel(int question) const;
    QAbstractButton *choiceButton(int question, int choice) const;
    QLabel *choiceLabel(int question, int choice) const; // the choice's text, and its mark
    // Where a choice is shown in its question's list (0: first), this visit of the lesson; a
    // new visit shuffles single-choice questions anew (Quiz::displayOrder).
    int choicePosition(int question, int choice) const;
    int attempt() const { return m_attempt; }
    QPushButton *showRunButton(int question) const; // shown while the lab holds its run
    int waitingQuestion() const { return m_waiting; } // -1 when no run is pending
    // "3 clients", "2.4 s": a measured value (a RunMeasures name) with its unit.
    static QString valueWithUnit(const QString &measure, double value);

public slots:
    // The run the lab made for the waiting question: the measured value, or why there is none.
    void showMeasured(bool ok, double value, const QString &error);
    // The lab began a run: unless the quiz asked for it, the run a question measured is gone.
    void labRunStarted();

signals:
    void runRequested(const QJsonObject &experiment, const QString &measure, int server);
    void showRunRequested(); // "Show the run": the lab's summary and timeline, please
    void answered(); // an answer was checked and remembered (the lesson's progress changed)

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Row
    {
        QLabel *prompt = nullptr;
        QButtonGroup *choices = nullptr;
        std::vector<QLabel *> choiceLabels;
        std::vector<int> order; // choice indices in the order shown
        QPushButton *check = nullptr;
        QLabel *result = nullptr;
        QPushButton *showRun = nullptr;
    };
    void rebuild();
    void check(int question);
    // The result line and the marks in the choice list for an answer checked.
    void showOutcome(int question, int chosen, std::optional<double> measured);
    void markChoices(int question, int chosen, std::optional<double> measured);
    void updateShowRun();
    QScrollArea *scrollArea() const; // the one this view is the widget of, if any
    void fitScrollArea();
    void remember(int question, std::optional<double> measured);
    QString resultText(int question, int chosen, std::optional<double> measured) const;
    QString choiceText(int question, int choice) const;
    QString settingsKey(int question) const;

    QString m_lessonId;
    Quiz m_quiz;
    QJsonObject m_lessonExperiment;
    QString m_language = QStringLiteral("en");
    QLabel *m_title;
    QVBoxLayout *m_rows;
    std::vector<Row> m_rowWidgets;
    int m_waiting = -1;
    int m_attempt = 0; // this visit of the lesson (quiz/<lesson>/attempt): orders the choices
    QString m_runLesson; // the question whose run the lab shows: its lesson and id
    QString m_runQuestion;
};

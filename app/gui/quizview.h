#pragma once

#include "lesson/quiz.h"

#include <QJsonObject>
#include <QWidget>
#include <optional>
#include <vector>

class QButtonGroup;
class QLabel;
class QPushButton;
class QVBoxLayout;

// The quiz at the end of a lesson. A single-choice question is checked at once; a "predict,
// then run" question asks the lab to run its experiment (runRequested) and compares the measured
// value, handed back with showMeasured(), with the student's prediction. The choice, whether it
// was checked and the measured value are remembered per lesson (QSettings "quiz/<lesson>/<id>/…")
// and the result is written again in the current language when the lesson is shown.
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
    int waitingQuestion() const { return m_waiting; } // -1 when no run is pending

public slots:
    // The run the lab made for the waiting question: the measured value, or why there is none.
    void showMeasured(bool ok, double value, const QString &error);

signals:
    void runRequested(const QJsonObject &experiment, const QString &measure, int server);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Row
    {
        QLabel *prompt = nullptr;
        QButtonGroup *choices = nullptr;
        QPushButton *check = nullptr;
        QLabel *result = nullptr;
    };
    void rebuild();
    void check(int question);
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
};

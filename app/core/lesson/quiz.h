#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

// A lesson's quiz.json (lessons/FORMAT.md): two to five questions, each single-choice or
// "predict, then run" — the student predicts, the lab runs the experiment, and the measured value
// (a RunMeasures name) picks the choice that really happened.
class Quiz final
{
public:
    using Text = QHash<QString, QString>; // language -> text

    struct Choice
    {
        Text text;
        bool correct = false;
        bool hasRange = false;
        double low = 0.0; // inclusive range of a predict choice
        double high = 0.0;
        bool contains(double value) const { return hasRange && value >= low && value <= high; }
    };

    struct Question
    {
        enum class Type { Single, Predict };
        QString id;
        Type type = Type::Single;
        Text prompt;
        std::vector<Choice> choices;
        Text explanation;
        QString measure; // predict: what the run measures
        int server = 0; // predict: which server of the experiment (0, or 1 beside it)
        QJsonObject experiment; // predict: its own experiment; empty = the lesson's

        int correctIndex() const; // -1 if none
        int choiceFor(double measured) const; // the choice whose range holds it, -1 if none
        // The experiment a predict question runs: its own, else the lesson's.
        QJsonObject experimentOr(const QJsonObject &lessonExperiment) const
        {
            return experiment.isEmpty() ? lessonExperiment : experiment;
        }
    };

    std::vector<Question> questions;

    // nullopt with the question and field named when the file breaks a rule of FORMAT.md.
    static std::optional<Quiz> fromJson(const QJsonObject &json, QString *error);
    // The text in `language`, English when that language is missing.
    static QString pick(const Text &text, const QString &language);
    // The order a question's choices are shown in (indices into choices), for the student's
    // attempt-th visit of the lesson: a single-choice question's choices shuffled, seeded by the
    // lesson, the question and the attempt, so the right answer's place says nothing and a test
    // sees the same order for the same attempt. A predict question's choices are values in
    // order (0–1, 2, 3, …) and keep it.
    static std::vector<int> displayOrder(const Question &question, const QString &lessonId,
                                         int attempt);
};

#include "quiz.h"

#include "lesson/experimentpreset.h"
#include "model/runmeasures.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <numeric>
#include <random>

namespace {

// A {"en": …, "zh_CN": …} object with both languages present and non-empty.
bool readText(const QJsonObject &o, const char *key, Quiz::Text *text, const QString &where,
              QString *error)
{
    const QJsonObject object = o.value(QLatin1String(key)).toObject();
    for (const QString &language : { QStringLiteral("en"), QStringLiteral("zh_CN") }) {
        const QString value = object.value(language).toString().trimmed();
        if (value.isEmpty()) {
            *error = QStringLiteral("%1.%2 needs a non-empty \"%3\" text")
                             .arg(where, QLatin1String(key), language);
            return false;
        }
        text->insert(language, value);
    }
    return true;
}

} // namespace

int Quiz::Question::correctIndex() const
{
    for (size_t i = 0; i < choices.size(); ++i) {
        if (choices[i].correct)
            return int(i);
    }
    return -1;
}

int Quiz::Question::choiceFor(double measured) const
{
    for (size_t i = 0; i < choices.size(); ++i) {
        if (choices[i].contains(measured))
            return int(i);
    }
    return -1;
}

QString Quiz::pick(const Text &text, const QString &language)
{
    const QString value = text.value(language);
    return value.isEmpty() ? text.value(QStringLiteral("en")) : value;
}

std::optional<Quiz> Quiz::fromJson(const QJsonObject &json, QString *error)
{
    const QJsonArray list = json.value(QLatin1String("questions")).toArray();
    if (list.size() < 2 || list.size() > 5) {
        *error = QStringLiteral("\"questions\" must hold two to five questions, found %1")
                         .arg(list.size());
        return std::nullopt;
    }
    Quiz quiz;
    QSet<QString> ids;
    bool anyPredict = false;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        Question q;
        q.id = o.value(QLatin1String("id")).toString();
        const QString where = QStringLiteral("question %1 (%2)").arg(i + 1).arg(q.id);
        if (q.id.isEmpty() || ids.contains(q.id)) {
            *error = where + QStringLiteral(": \"id\" must be present and unique");
            return std::nullopt;
        }
        ids.insert(q.id);
        const QString type = o.value(QLatin1String("type")).toString();
        if (type != QLatin1String("single") && type != QLatin1String("predict")) {
            *error = where + QStringLiteral(": \"type\" must be \"single\" or \"predict\"");
            return std::nullopt;
        }
        q.type = type == QLatin1String("predict") ? Question::Type::Predict
                                                  : Question::Type::Single;
        if (!readText(o, "prompt", &q.prompt, where, error)
            || !readText(o, "explanation", &q.explanation, where, error))
            return std::nullopt;
        const QJsonArray choices = o.value(QLatin1String("choices")).toArray();
        if (choices.size() < 2) {
            *error = where + QStringLiteral(": needs at least two choices");
            return std::nullopt;
        }
        for (qsizetype c = 0; c < choices.size(); ++c) {
            const QJsonObject co = choices.at(c).toObject();
            Choice choice;
            const QString at = where + QStringLiteral(".choices[%1]").arg(c);
            if (!readText(co, "text", &choice.text, at, error))
                return std::nullopt;
            choice.correct = co.value(QLatin1String("correct")).toBool(false);
            const QJsonArray range = co.value(QLatin1String("range")).toArray();
            if (range.size() == 2 && range.at(0).isDouble() && range.at(1).isDouble()
                && range.at(0).toDouble() <= range.at(1).toDouble()) {
                choice.hasRange = true;
                choice.low = range.at(0).toDouble();
                choice.high = range.at(1).toDouble();
            } else if (co.contains(QLatin1String("range"))) {
                *error = at + QStringLiteral(": \"range\" must be [low, high] with low <= high");
                return std::nullopt;
            }
            q.choices.push_back(choice);
        }
        if (std::count_if(q.choices.begin(), q.choices.end(),
                          [](const Choice &c) { return c.correct; })
            != 1) {
            *error = where + QStringLiteral(": exactly one choice must be \"correct\": true");
            return std::nullopt;
        }
        if (q.type == Question::Type::Predict) {
            anyPredict = true;
            q.measure = o.value(QLatin1String("measure")).toString();
            if (!RunMeasures::isKnown(q.measure)) {
                *error = where
                        + QStringLiteral(": \"measure\" must be one of %1")
                                  .arg(RunMeasures::names().join(QStringLiteral(", ")));
                return std::nullopt;
            }
            q.server = o.value(QLatin1String("server")).toInt(0);
            if (q.server != 0 && q.server != 1) {
                *error = where + QStringLiteral(": \"server\" must be 0 or 1");
                return std::nullopt;
            }
            q.experiment = o.value(QLatin1String("experiment")).toObject();
            if (!q.experiment.isEmpty()) {
                QString why;
                const auto preset = ExperimentPreset::fromJson(q.experiment, &why);
                if (!preset) {
                    *error = where + QStringLiteral(": experiment: ") + why;
                    return std::nullopt;
                }
                if (q.server >= int(preset->servers.size())) {
                    *error = where
                            + QStringLiteral(": its experiment has no server %1").arg(q.server);
                    return std::nullopt;
                }
            }
            std::vector<const Choice *> sorted;
            for (const Choice &c : q.choices) {
                if (!c.hasRange) {
                    *error = where
                            + QStringLiteral(": every choice of a predict question needs a "
                                             "\"range\"");
                    return std::nullopt;
                }
                sorted.push_back(&c);
            }
            std::sort(sorted.begin(), sorted.end(),
                      [](const Choice *a, const Choice *b) { return a->low < b->low; });
            for (size_t k = 1; k < sorted.size(); ++k) {
                if (sorted[k]->low <= sorted[k - 1]->high) {
                    *error = where + QStringLiteral(": the choices' ranges overlap");
                    return std::nullopt;
                }
            }
        }
        quiz.questions.push_back(q);
    }
    if (!anyPredict) {
        *error = QStringLiteral("at least one question must be \"predict\"");
        return std::nullopt;
    }
    return quiz;
}

std::vector<int> Quiz::displayOrder(const Question &question, const QString &lessonId, int attempt)
{
    std::vector<int> order(question.choices.size());
    std::iota(order.begin(), order.end(), 0);
    if (question.type == Question::Type::Predict)
        return order;
    // FNV-1a over the lesson and question ids: the same on every machine and every run (qHash's
    // seed differs per process).
    quint64 seed = 14695981039346656037ULL;
    const QByteArray key = (lessonId + QLatin1Char('/') + question.id).toUtf8();
    for (const char byte : key) {
        seed ^= quint8(byte);
        seed *= 1099511628211ULL;
    }
    std::mt19937_64 random(seed + quint64(attempt) * 0x9E3779B97F4A7C15ULL);
    // Fisher–Yates with the generator's raw output (std::shuffle's use of it is not specified).
    for (size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[size_t(random() % i)]);
    return order;
}

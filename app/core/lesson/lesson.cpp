#include "lesson.h"

#include "lesson/experimentpreset.h"
#include "lesson/quiz.h"

#include "jsonfile.h"

#include <QFile>
#include <QJsonArray>
#include <QStringDecoder>

namespace {

// Reads a whole UTF-8 text file; an empty string and an issue when it cannot.
QString readText(const QString &path, bool required, QList<LessonIssue> *issues)
{
    QFile file(path);
    if (!file.exists()) {
        if (required)
            issues->append({ path, 0, QStringLiteral("is missing") });
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        issues->append({ path, 0, QStringLiteral("cannot be read (%1)").arg(file.errorString()) });
        return {};
    }
    const QByteArray data = file.readAll();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(data);
    if (decoder.hasError()) {
        issues->append({ path, 0, QStringLiteral("is not valid UTF-8 text") });
        return {};
    }
    if (text.trimmed().isEmpty()) {
        issues->append({ path, 0, QStringLiteral("is empty") });
        return {};
    }
    return text;
}

} // namespace

Lesson Lesson::load(const QString &id, const QString &folder)
{
    Lesson lesson;
    lesson.m_id = id;
    lesson.m_folder = folder;
    for (const QString &language : languages())
        lesson.readMarkdown(language);
    lesson.readExample();
    lesson.readExperiment();
    lesson.readQuiz();
    return lesson;
}

Lesson Lesson::broken(const QString &id, const LessonIssue &issue)
{
    Lesson lesson;
    lesson.m_id = id;
    lesson.m_issues.append(issue);
    return lesson;
}

void Lesson::readMarkdown(const QString &language)
{
    const QString path = m_folder + QLatin1Char('/') + language + QStringLiteral(".md");
    // Only English is required; any other language falls back to it.
    const QString text = readText(path, language == sourceLanguage(), &m_issues);
    if (!text.isEmpty())
        m_markdown.insert(language, text);
}

void Lesson::readExample()
{
    m_example = readText(m_folder + QStringLiteral("/example.py"), false, &m_issues);
}

void Lesson::readExperiment()
{
    const QString path = m_folder + QStringLiteral("/experiment.json");
    if (!QFile::exists(path))
        return;
    LessonIssue issue;
    const auto object = JsonFile::readObject(path, &issue);
    if (!object) {
        m_issues.append(issue);
        return;
    }
    QString why;
    if (!ExperimentPreset::fromJson(*object, &why)) {
        m_issues.append({ path, 0, why });
        return;
    }
    m_experiment = *object;
}

void Lesson::readQuiz()
{
    const QString path = m_folder + QStringLiteral("/quiz.json");
    if (!QFile::exists(path))
        return;
    LessonIssue issue;
    const auto object = JsonFile::readObject(path, &issue);
    if (!object) {
        m_issues.append(issue);
        return;
    }
    const QJsonValue questions = object->value(QStringLiteral("questions"));
    if (!questions.isArray()) {
        m_issues.append({ path, 0,
                          QStringLiteral("\"questions\" must be an array, found %1")
                                  .arg(JsonFile::typeName(questions)) });
        return;
    }
    const QJsonArray list = questions.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            m_issues.append({ path, 0,
                              QStringLiteral("question %1 must be an object, found %2")
                                      .arg(i + 1)
                                      .arg(JsonFile::typeName(list.at(i))) });
            return;
        }
    }
    QString why;
    if (!Quiz::fromJson(*object, &why)) {
        m_issues.append({ path, 0, why });
        return;
    }
    m_quiz = *object;
}

QString Lesson::title(const QString &language) const
{
    const QString markdown = text(language).markdown;
    const auto lines = QStringView(markdown).split(QLatin1Char('\n'));
    for (QStringView line : lines) {
        line = line.trimmed();
        if (line.startsWith(QLatin1String("# ")))
            return line.mid(2).trimmed().toString();
        if (!line.isEmpty())
            break;
    }
    return m_id;
}

LessonText Lesson::text(const QString &language) const
{
    if (const auto it = m_markdown.constFind(language); it != m_markdown.constEnd())
        return { *it, language, false };
    if (const auto it = m_markdown.constFind(sourceLanguage()); it != m_markdown.constEnd())
        return { *it, sourceLanguage(), true };
    return {};
}

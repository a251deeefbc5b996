#pragma once

#include "lessonissue.h"
#include "lessontext.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// One lesson folder: its text in each language, optional example, experiment and quiz, and any
// problems found reading them. A lesson with problems is still a lesson: the reader shows them.
class Lesson final
{
public:
    static QString sourceLanguage() { return QStringLiteral("en"); }
    static QStringList languages() { return { QStringLiteral("en"), QStringLiteral("zh_CN") }; }

    // Reads folder (a directory path or a ":/" resource path); never fails, records issues instead.
    static Lesson load(const QString &id, const QString &folder);
    // A lesson the catalog names but cannot read at all (e.g. missing folder).
    static Lesson broken(const QString &id, const LessonIssue &issue);

    QString id() const { return m_id; }
    QString folder() const { return m_folder; }
    QString title(const QString &language) const;
    LessonText text(const QString &language) const;
    bool hasLanguage(const QString &language) const { return m_markdown.contains(language); }

    QString exampleCode() const { return m_example; }
    QJsonObject experiment() const { return m_experiment; }
    QJsonObject quiz() const { return m_quiz; }

    QList<LessonIssue> issues() const { return m_issues; }
    bool isUsable() const { return m_markdown.contains(sourceLanguage()); }

private:
    void readMarkdown(const QString &language);
    void readExample();
    void readExperiment();
    void readQuiz();

    QString m_id;
    QString m_folder;
    QHash<QString, QString> m_markdown; // language -> text, only for files that read cleanly
    QString m_example;
    QJsonObject m_experiment;
    QJsonObject m_quiz;
    QList<LessonIssue> m_issues;
};

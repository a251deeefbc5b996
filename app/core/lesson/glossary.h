#pragma once

#include "lessonissue.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The bilingual glossary beside catalog.json (lessons/glossary.json). Lesson text links a term as
// [accept queue](glossary:accept-queue); the reader shows the term and its definition.
class Glossary final
{
public:
    struct Term
    {
        QString id;
        QHash<QString, QString> term; // language -> term
        QHash<QString, QString> definition; // language -> one to three sentences
    };

    // A missing file is an empty glossary; a broken one records an issue.
    static Glossary load(const QString &root);
    static Glossary fromJson(const QJsonObject &json, const QString &path);

    const Term *find(const QString &id) const;
    QStringList ids() const;
    bool isEmpty() const { return m_terms.isEmpty(); }
    QList<LessonIssue> issues() const { return m_issues; }
    // "term — definition" in the language, English when that language is missing.
    QString describe(const QString &id, const QString &language) const;
    // Every glossary:ID link in a Markdown text, in order.
    static QStringList linksIn(const QString &markdown);

private:
    QList<Term> m_terms;
    QHash<QString, int> m_index;
    QList<LessonIssue> m_issues;
};

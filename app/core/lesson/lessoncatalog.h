#pragma once

#include "glossary.h"
#include "lesson.h"

#include <QList>

// The ordered list of lessons named by catalog.json in a lessons root (a directory or ":/lessons").
// Loading never throws and never drops a lesson silently: problems become issues to show.
class LessonCatalog final
{
public:
    static QString builtinRoot() { return QStringLiteral(":/lessons"); }
    static LessonCatalog load(const QString &root);

    QString root() const { return m_root; }
    QList<Lesson> lessons() const { return m_lessons; }
    // Problems with catalog.json itself (lesson problems live on each Lesson).
    QList<LessonIssue> issues() const { return m_issues; }
    int indexOf(const QString &id) const;
    const Glossary &glossary() const { return m_glossary; } // glossary.json beside catalog.json

private:
    QString m_root;
    QList<Lesson> m_lessons;
    QList<LessonIssue> m_issues;
    Glossary m_glossary;
};

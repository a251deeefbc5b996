#include "lessoncatalog.h"

#include "jsonfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

LessonCatalog LessonCatalog::load(const QString &root)
{
    LessonCatalog catalog;
    catalog.m_root = root;
    catalog.m_glossary = Glossary::load(root);
    catalog.m_issues.append(catalog.m_glossary.issues());
    const QString path = root + QStringLiteral("/catalog.json");
    LessonIssue issue;
    const auto object = JsonFile::readObject(path, &issue);
    if (!object) {
        catalog.m_issues.append(issue);
        return catalog;
    }
    const QJsonValue lessons = object->value(QStringLiteral("lessons"));
    if (!lessons.isArray()) {
        catalog.m_issues.append({ path, 0,
                                  QStringLiteral("\"lessons\" must be an array of folder names, "
                                                 "found %1")
                                          .arg(JsonFile::typeName(lessons)) });
        return catalog;
    }
    QSet<QString> seen;
    const QJsonArray entries = lessons.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        const QString id = entry.toString();
        if (!entry.isString() || id.isEmpty() || id.contains(QLatin1Char('/'))
            || id.startsWith(QLatin1Char('.'))) {
            catalog.m_issues.append(
                    { path, 0,
                      QStringLiteral("entry %1 must be a folder name, found %2")
                              .arg(i + 1)
                              .arg(entry.isString() ? QStringLiteral("\"%1\"").arg(id)
                                                    : JsonFile::typeName(entry)) });
            continue;
        }
        if (seen.contains(id)) {
            catalog.m_issues.append(
                    { path, 0, QStringLiteral("lesson \"%1\" is listed twice").arg(id) });
            continue;
        }
        seen.insert(id);
        const QString folder = root + QLatin1Char('/') + id;
        if (!QFileInfo(folder).isDir()) {
            catalog.m_lessons.append(Lesson::broken(
                    id,
                    { folder, 0, QStringLiteral("folder is missing (named in %1)").arg(path) }));
            continue;
        }
        catalog.m_lessons.append(Lesson::load(id, folder));
    }
    return catalog;
}

int LessonCatalog::indexOf(const QString &id) const
{
    for (int i = 0; i < m_lessons.size(); ++i) {
        if (m_lessons.at(i).id() == id)
            return i;
    }
    return -1;
}

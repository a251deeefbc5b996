#include "glossary.h"

#include "jsonfile.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

Glossary Glossary::load(const QString &root)
{
    const QString path = root + QStringLiteral("/glossary.json");
    if (!QFile::exists(path))
        return {};
    LessonIssue issue;
    const auto object = JsonFile::readObject(path, &issue);
    if (!object) {
        Glossary glossary;
        glossary.m_issues.append(issue);
        return glossary;
    }
    return fromJson(*object, path);
}

Glossary Glossary::fromJson(const QJsonObject &json, const QString &path)
{
    Glossary glossary;
    const QJsonArray terms = json.value(QLatin1String("terms")).toArray();
    if (terms.isEmpty())
        glossary.m_issues.append(
                { path, 0, QStringLiteral("\"terms\" must be a non-empty array") });
    for (qsizetype i = 0; i < terms.size(); ++i) {
        const QJsonObject o = terms.at(i).toObject();
        Term term;
        term.id = o.value(QLatin1String("id")).toString();
        bool complete = !term.id.isEmpty() && !glossary.m_index.contains(term.id);
        for (const QString &language : { QStringLiteral("en"), QStringLiteral("zh_CN") }) {
            const QJsonObject text = o.value(language).toObject();
            term.term.insert(language, text.value(QLatin1String("term")).toString());
            term.definition.insert(language, text.value(QLatin1String("definition")).toString());
            complete = complete && !term.term.value(language).isEmpty()
                    && !term.definition.value(language).isEmpty();
        }
        if (!complete) {
            glossary.m_issues.append(
                    { path, 0,
                      QStringLiteral("term %1 (%2): needs a unique id and a term and a definition "
                                     "in en and zh_CN")
                              .arg(i + 1)
                              .arg(term.id) });
            continue;
        }
        glossary.m_index.insert(term.id, int(glossary.m_terms.size()));
        glossary.m_terms.append(term);
    }
    return glossary;
}

const Glossary::Term *Glossary::find(const QString &id) const
{
    const auto found = m_index.constFind(id);
    return found == m_index.constEnd() ? nullptr : &m_terms[*found];
}

QStringList Glossary::ids() const
{
    QStringList list;
    for (const Term &term : m_terms)
        list << term.id;
    return list;
}

QString Glossary::describe(const QString &id, const QString &language) const
{
    const Term *term = find(id);
    if (!term)
        return {};
    const auto pick = [&language](const QHash<QString, QString> &text) {
        const QString value = text.value(language);
        return value.isEmpty() ? text.value(QStringLiteral("en")) : value;
    };
    return pick(term->term) + QStringLiteral(" — ") + pick(term->definition);
}

QStringList Glossary::linksIn(const QString &markdown)
{
    static const QRegularExpression link(QStringLiteral("\\]\\(glossary:([A-Za-z0-9_-]+)\\)"));
    QStringList ids;
    for (auto it = link.globalMatch(markdown); it.hasNext();)
        ids << it.next().captured(1);
    return ids;
}

#pragma once
// Shared by the curriculum tests: the shipped lessons as the source folder holds them.
#include "lesson/lessoncatalog.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringList>

namespace curriculum {

inline QString root()
{
    return QStringLiteral(SOCKETLAB_SOURCE_DIR "/lessons");
}

inline LessonCatalog catalog()
{
    return LessonCatalog::load(root());
}

inline QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// /usr/bin/python3 as the issue names it, else python3 on PATH; empty when there is none.
inline QString python()
{
    if (QFile::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

// The outline of a Markdown text, outside code: "h2", "h3", "code:LANG", "table" in order.
inline QStringList outline(const QString &markdown)
{
    QStringList items;
    bool inCode = false;
    bool inTable = false;
    for (const QString &raw : markdown.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("```"))) {
            if (!inCode)
                items << QStringLiteral("code:") + line.mid(3).trimmed();
            inCode = !inCode;
            inTable = false;
            continue;
        }
        if (inCode)
            continue;
        const bool tableLine = line.startsWith(QLatin1Char('|'));
        if (tableLine && !inTable)
            items << QStringLiteral("table");
        inTable = tableLine;
        if (line.startsWith(QLatin1String("### ")))
            items << QStringLiteral("h3");
        else if (line.startsWith(QLatin1String("## ")))
            items << QStringLiteral("h2");
    }
    return items;
}

// Every ```python block of a Markdown text.
inline QStringList pythonBlocks(const QString &markdown)
{
    QStringList blocks;
    static const QRegularExpression block(QStringLiteral("```python\\n(.*?)```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    for (auto it = block.globalMatch(markdown); it.hasNext();)
        blocks << it.next().captured(1);
    return blocks;
}

} // namespace curriculum

#include "lessonscommand.h"

#include "clicommon.h"
#include "lesson/lessoncatalog.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>

namespace {

QJsonArray issuesToJson(const QList<LessonIssue> &issues)
{
    QJsonArray array;
    for (const LessonIssue &issue : issues)
        array.append(issue.toString());
    return array;
}

} // namespace

int LessonsCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List and check lessons."));
    const QCommandLineOption dirOption(
            QStringLiteral("dir"),
            QStringLiteral("Lessons folder with catalog.json (default: the built-in lessons)."),
            QStringLiteral("DIR"));
    parser.addOption(dirOption);
    int exitCode = 0;
    if (!CliCommon::parse(parser, arguments, QStringLiteral("lessons"), &exitCode))
        return exitCode;

    const QString root
            = parser.isSet(dirOption) ? parser.value(dirOption) : LessonCatalog::builtinRoot();
    const LessonCatalog catalog = LessonCatalog::load(root);
    int problems = int(catalog.issues().size());
    if (!catalog.issues().isEmpty())
        CliCommon::printLine({ { QStringLiteral("catalog"), root },
                               { QStringLiteral("issues"), issuesToJson(catalog.issues()) } });
    for (const Lesson &lesson : catalog.lessons()) {
        QJsonObject titles;
        QJsonArray languages;
        for (const QString &language : Lesson::languages()) {
            if (lesson.hasLanguage(language)) {
                languages.append(language);
                titles.insert(language, lesson.title(language));
            }
        }
        CliCommon::printLine({ { QStringLiteral("id"), lesson.id() },
                               { QStringLiteral("title"), titles },
                               { QStringLiteral("languages"), languages },
                               { QStringLiteral("example"), !lesson.exampleCode().isEmpty() },
                               { QStringLiteral("experiment"), !lesson.experiment().isEmpty() },
                               { QStringLiteral("quiz"), !lesson.quiz().isEmpty() },
                               { QStringLiteral("issues"), issuesToJson(lesson.issues()) } });
        problems += int(lesson.issues().size());
    }
    return problems == 0 ? 0 : 1;
}

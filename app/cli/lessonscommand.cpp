#include "lessonscommand.h"

#include "lesson/lessoncatalog.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace {

void printLine(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
}

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
    parser.addHelpOption();
    const QCommandLineOption dirOption(
            QStringLiteral("dir"),
            QStringLiteral("Lessons folder with catalog.json (default: the built-in lessons)."),
            QStringLiteral("DIR"));
    parser.addOption(dirOption);
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "socketlab-cli lessons: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "socketlab-cli lessons: unexpected argument '%s'\n",
                     qPrintable(parser.positionalArguments().constFirst()));
        return 2;
    }

    const QString root
            = parser.isSet(dirOption) ? parser.value(dirOption) : LessonCatalog::builtinRoot();
    const LessonCatalog catalog = LessonCatalog::load(root);
    int problems = int(catalog.issues().size());
    if (!catalog.issues().isEmpty())
        printLine({ { QStringLiteral("catalog"), root },
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
        printLine({ { QStringLiteral("id"), lesson.id() },
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

#include "experimentcommand.h"

#include "clicommon.h"
#include "lab/experimentrunner.h"
#include "lab/runfile.h"
#include "lesson/jsonfile.h"
#include "lesson/lessoncatalog.h"
#include "lesson/quiz.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace {

std::optional<RunMeasures> runPreset(const QJsonObject &json, QString *error,
                                     RunRecord *record = nullptr)
{
    const std::optional<ExperimentPreset> preset = ExperimentPreset::fromJson(json, error);
    return preset ? ExperimentRunner::run(*preset, error, record) : std::nullopt;
}

} // namespace

int ExperimentCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "Run a lesson's experiment without a window and print what it measured."));
    const QCommandLineOption lessonOption(QStringLiteral("lesson"),
                                          QStringLiteral("Lesson id (see socketlab-cli lessons)."),
                                          QStringLiteral("ID"));
    const QCommandLineOption dirOption(
            QStringLiteral("dir"),
            QStringLiteral("Lessons folder with catalog.json (default: the built-in lessons)."),
            QStringLiteral("DIR"));
    const QCommandLineOption fileOption(QStringLiteral("file"),
                                        QStringLiteral("An experiment.json to run instead."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption quizOption(
            QStringLiteral("quiz"),
            QStringLiteral("Also run the lesson's predict questions and check their answers."));
    const QCommandLineOption recordOption(
            QStringLiteral("record"),
            QStringLiteral("Save the run (the lesson's own experiment with --quiz) to FILE, a "
                           ".socketlab-run file the app opens and replays."),
            QStringLiteral("FILE"));
    parser.addOptions({ lessonOption, dirOption, fileOption, quizOption, recordOption });
    int exitCode = 0;
    if (!CliCommon::parse(parser, arguments, QStringLiteral("experiment"), &exitCode))
        return exitCode;

    QJsonObject experiment;
    std::optional<Quiz> quiz;
    if (parser.isSet(fileOption)) {
        LessonIssue issue;
        const auto object = JsonFile::readObject(parser.value(fileOption), &issue);
        if (!object) {
            CliCommon::usageError(QStringLiteral("experiment"), issue.toString());
            return 2;
        }
        experiment = *object;
    } else if (parser.isSet(lessonOption)) {
        const LessonCatalog catalog = LessonCatalog::load(
                parser.isSet(dirOption) ? parser.value(dirOption) : LessonCatalog::builtinRoot());
        const int index = catalog.indexOf(parser.value(lessonOption));
        if (index < 0) {
            CliCommon::usageError(QStringLiteral("experiment"),
                                  QStringLiteral("no lesson '%1'").arg(parser.value(lessonOption)));
            return 2;
        }
        const Lesson lesson = catalog.lessons().at(index);
        experiment = lesson.experiment();
        QString error;
        quiz = Quiz::fromJson(lesson.quiz(), &error);
        if (parser.isSet(quizOption) && !quiz) {
            CliCommon::usageError(QStringLiteral("experiment"), error);
            return 2;
        }
    } else {
        CliCommon::usageError(QStringLiteral("experiment"),
                              QStringLiteral("give --lesson ID or --file PATH"));
        return 2;
    }

    QString error;
    RunRecord record;
    const std::optional<RunMeasures> measures = runPreset(experiment, &error, &record);
    if (!measures) {
        CliCommon::printLine({ { QStringLiteral("error"), error } });
        return 1;
    }
    const int servers = experiment.value(QLatin1String("servers")).toArray().size();
    for (int origin = 0; origin < servers; ++origin)
        CliCommon::printLine({ { QStringLiteral("server"), origin },
                               { QStringLiteral("measured"), measures->toJson(quint16(origin)) } });
    if (parser.isSet(recordOption) && !RunFile::save(record, parser.value(recordOption), &error)) {
        CliCommon::printLine({ { QStringLiteral("error"), error } });
        return 1;
    }
    if (!parser.isSet(quizOption) || !quiz)
        return 0;

    int wrong = 0;
    for (const Quiz::Question &q : quiz->questions) {
        if (q.type != Quiz::Question::Type::Predict)
            continue;
        const std::optional<RunMeasures> run
                = q.experiment.isEmpty() ? measures : runPreset(q.experiment, &error);
        QJsonObject line{ { QStringLiteral("question"), q.id },
                          { QStringLiteral("measure"), q.measure },
                          { QStringLiteral("server"), q.server } };
        const std::optional<double> value
                = run ? run->value(q.measure, quint16(q.server)) : std::nullopt;
        if (!value) {
            line.insert(QStringLiteral("error"), run ? QStringLiteral("not measured") : error);
            ++wrong;
        } else {
            const int shown = q.choiceFor(*value);
            line.insert(QStringLiteral("measured"), *value);
            line.insert(QStringLiteral("choice"), shown);
            line.insert(QStringLiteral("answer"), q.correctIndex());
            line.insert(QStringLiteral("agrees"), shown == q.correctIndex());
            wrong += shown != q.correctIndex();
        }
        CliCommon::printLine(line);
    }
    return wrong == 0 ? 0 : 1;
}

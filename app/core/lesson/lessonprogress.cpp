#include "lessonprogress.h"

#include "lesson/lesson.h"
#include "lesson/quiz.h"

#include <QSettings>

namespace {

QString progressKey(const QString &lessonId, const char *what)
{
    return QStringLiteral("progress/%1/%2").arg(lessonId, QLatin1String(what));
}

} // namespace

LessonProgress LessonProgress::of(const Lesson &lesson)
{
    LessonProgress p;
    QSettings settings;
    p.opened = settings.value(progressKey(lesson.id(), "opened"), false).toBool();
    p.ran = settings.value(progressKey(lesson.id(), "ran"), false).toBool();
    QString error;
    const std::optional<Quiz> quiz = Quiz::fromJson(lesson.quiz(), &error);
    if (!quiz)
        return p;
    p.questions = int(quiz->questions.size());
    for (const Quiz::Question &q : quiz->questions) {
        const QString key = QStringLiteral("quiz/%1/%2/").arg(lesson.id(), q.id);
        if (!settings.value(key + QStringLiteral("checked"), false).toBool())
            continue;
        const int chosen = settings.value(key + QStringLiteral("choice"), -1).toInt();
        if (q.type == Quiz::Question::Type::Single) {
            ++p.answered;
            p.right += chosen == q.correctIndex();
            continue;
        }
        const QVariant measured = settings.value(key + QStringLiteral("measured"));
        if (!measured.isValid())
            continue; // checked, but the run was never measured
        ++p.answered;
        p.right += chosen >= 0 && chosen == q.choiceFor(measured.toDouble());
    }
    return p;
}

void LessonProgress::markOpened(const QString &lessonId)
{
    if (!lessonId.isEmpty())
        QSettings().setValue(progressKey(lessonId, "opened"), true);
}

void LessonProgress::markRan(const QString &lessonId)
{
    if (!lessonId.isEmpty())
        QSettings().setValue(progressKey(lessonId, "ran"), true);
}

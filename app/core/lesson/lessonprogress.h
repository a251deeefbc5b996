#pragma once

#include <QString>

class Lesson;

// A student's progress through one lesson, kept in the user's settings beside the quiz answers
// (QSettings "progress/<lesson>/…" and the QuizView's "quiz/<lesson>/<question>/…"): whether the
// lesson was opened, whether its experiment ran in the lab, and how many quiz questions were
// answered and answered right (a predict question is right when the run's measured value fell in
// the range of the choice the student predicted).
class LessonProgress final
{
public:
    bool opened = false;
    bool ran = false;
    int questions = 0;
    int answered = 0;
    int right = 0;

    bool complete() const { return questions > 0 && right == questions; }
    bool started() const { return opened || ran || answered > 0; }

    static LessonProgress of(const Lesson &lesson);
    static void markOpened(const QString &lessonId);
    static void markRan(const QString &lessonId);
};

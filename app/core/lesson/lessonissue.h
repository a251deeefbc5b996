#pragma once

#include <QString>

// One problem found while reading lesson data: which file, which line (0 = unknown), what is wrong.
struct LessonIssue
{
    QString file;
    int line = 0;
    QString message;

    // "lessons/x/quiz.json:12: message" — the form an editor or a teacher can jump to.
    QString toString() const;
};

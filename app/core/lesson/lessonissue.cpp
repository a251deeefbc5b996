#include "lessonissue.h"

QString LessonIssue::toString() const
{
    QString where = file;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    return where + QStringLiteral(": ") + message;
}

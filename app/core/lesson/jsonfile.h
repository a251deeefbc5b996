#pragma once

#include "lessonissue.h"

#include <QJsonObject>
#include <optional>

// Reads a JSON file that must hold one object; on failure says why, with the line when JSON gives
// one.
class JsonFile final
{
public:
    static std::optional<QJsonObject> readObject(const QString &path, LessonIssue *issue);
    static QString typeName(const QJsonValue &value);
};

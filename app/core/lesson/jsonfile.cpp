#include "jsonfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

std::optional<QJsonObject> JsonFile::readObject(const QString &path, LessonIssue *issue)
{
    *issue = LessonIssue{ path, 0, QString() };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        issue->message = QStringLiteral("cannot be read (%1)").arg(file.errorString());
        return std::nullopt;
    }
    const QByteArray data = file.readAll();
    if (data.trimmed().isEmpty()) {
        issue->message = QStringLiteral("is empty");
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype end = qBound(qsizetype(0), qsizetype(error.offset), data.size());
        issue->line = int(data.left(end).count('\n')) + 1;
        issue->message = QStringLiteral("invalid JSON: %1").arg(error.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        issue->line = 1;
        issue->message = QStringLiteral("must hold a JSON object, found %1")
                                 .arg(doc.isArray() ? QStringLiteral("an array")
                                                    : QStringLiteral("a plain value"));
        return std::nullopt;
    }
    return doc.object();
}

QString JsonFile::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

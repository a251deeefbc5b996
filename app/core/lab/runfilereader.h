#pragma once

#include "lab/runrecord.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

// Reads the lines of a .socketlab-run file (see runfile.h for the format) into a RunRecord, line
// by line as they are inflated, checking each: required fields, whole numbers, enum ranges, times
// that never go back. The first line must be the header.
class RunFileReader
{
public:
    // One line, without its '\n'. False and a sentence naming the line and what is wrong in
    // *error; the reader must not be used after that.
    bool readLine(const char *data, qsizetype size, QString *error);
    bool hasHeader() const { return m_haveHeader; }
    int lineNumber() const { return m_lineNumber; } // lines read so far
    RunRecord takeRecord() { return std::move(m_record); }

private:
    void read(const char *data, qsizetype size); // throws the error's sentence
    [[noreturn]] void malformed(const QString &what) const;
    void header(const QJsonDocument &doc, const QJsonParseError &parseError);
    ServerConfig server(const QJsonObject &o) const;
    void burst(const QJsonValue &value);
    void pause(const QJsonValue &value);
    void frame(const QJsonObject &o);
    Event event(const QJsonValue &value) const;
    ProbeSample sample(const QJsonValue &value, const QString &key);
    Address address(const QJsonValue &value);
    // Field access: each names what is missing or wrong.
    QJsonValue required(const QJsonObject &o, const char *key) const;
    QJsonObject asObject(const QJsonValue &value, const QString &name) const;
    QJsonArray array(const QJsonObject &o, const char *key) const;
    QString string(const QJsonObject &o, const char *key) const;
    bool boolean(const QJsonObject &o, const char *key) const;
    double real(const QJsonObject &o, const char *key) const;
    qint64 integer(const QJsonObject &o, const char *key, qint64 min, qint64 max) const;
    qint64 integer(const QJsonValue &value, const QString &name, qint64 min, qint64 max) const;

    RunRecord m_record;
    bool m_haveHeader = false;
    int m_lineNumber = 0;
    QHash<QString, Address> m_addresses; // parsed once: rows repeat the same few addresses
};

#pragma once

#include <QString>

class QAbstractItemModel;

// RFC 4180 text of a table model: a header row, then each row's display text, CRLF line ends.
class CsvWriter final
{
public:
    // The field as is, or in double quotes (quotes doubled) when it holds , " CR or LF.
    static QString field(const QString &text);
    static QString fromModel(const QAbstractItemModel &model);
};

#include "csvwriter.h"

#include <QAbstractItemModel>

QString CsvWriter::field(const QString &text)
{
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
            || text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'));
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString CsvWriter::fromModel(const QAbstractItemModel &model)
{
    const int columns = model.columnCount();
    QString csv;
    for (int row = -1; row < model.rowCount(); ++row) {
        for (int column = 0; column < columns; ++column) {
            if (column > 0)
                csv += QLatin1Char(',');
            const QVariant cell = row < 0 ? model.headerData(column, Qt::Horizontal)
                                          : model.index(row, column).data();
            csv += field(cell.toString());
        }
        csv += QStringLiteral("\r\n");
    }
    return csv;
}

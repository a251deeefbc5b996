#include "viewexporter.h"

#include "model/csvwriter.h"

#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace {

bool fail(QString *error, const QString &why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

bool ViewExporter::savePng(QWidget *widget, const QString &path, QString *error)
{
    const QPixmap pixmap = widget->grab();
    if (pixmap.isNull())
        return fail(error, QStringLiteral("the view has no size yet"));
    if (!pixmap.save(path, "PNG"))
        return fail(error, QStringLiteral("cannot write %1").arg(path));
    return true;
}

bool ViewExporter::saveSvg(QWidget *widget, const QString &path, const QString &title,
                           QString *error)
{
    if (widget->size().isEmpty())
        return fail(error, QStringLiteral("the view has no size yet"));
    // QSvgGenerator reports no write errors, so check that the folder takes a file first.
    if (!QFileInfo(QFileInfo(path).absolutePath()).isWritable())
        return fail(error, QStringLiteral("cannot write %1").arg(path));
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(widget->size());
    svg.setViewBox(QRect(QPoint(0, 0), widget->size()));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("SocketLab"));
    QPainter painter;
    if (!painter.begin(&svg))
        return fail(error, QStringLiteral("cannot write %1").arg(path));
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    painter.end();
    return QFileInfo(path).size() > 0 || fail(error, QStringLiteral("cannot write %1").arg(path));
}

bool ViewExporter::saveText(const QString &text, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

bool ViewExporter::saveCsv(const QAbstractItemModel &model, const QString &path, QString *error)
{
    return saveText(CsvWriter::fromModel(model), path, error);
}

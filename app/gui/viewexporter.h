#pragma once

#include <QString>

class QAbstractItemModel;
class QWidget;

// Writes what a view shows to a file: a widget as PNG (at the screen's pixel ratio) or SVG (vector:
// text stays text), a table model as CSV. Each returns false with a reason in *error.
class ViewExporter final
{
public:
    static bool savePng(QWidget *widget, const QString &path, QString *error);
    static bool saveSvg(QWidget *widget, const QString &path, const QString &title, QString *error);
    static bool saveText(const QString &text, const QString &path, QString *error);
    static bool saveCsv(const QAbstractItemModel &model, const QString &path, QString *error);
};

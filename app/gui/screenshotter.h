#pragma once

#include <QStringList>

class MainWindow;

// Writes PNGs of the main screens with QWidget::grab(), for the README and for review.
class Screenshotter final
{
public:
    // One PNG per language and zoom (normal, presenter); returns the files written, or an
    // empty list and a message in *error.
    static QStringList run(MainWindow *window, const QString &directory, QString *error);
};

#include "screenshotter.h"

#include "languageswitcher.h"
#include "mainwindow.h"
#include "zoomcontroller.h"

#include <QApplication>
#include <QDir>
#include <QLayout>
#include <QListWidget>
#include <QPixmap>

namespace {

// Font and language changes arrive as posted events and trigger relayouts, which post more:
// let them all run so the picture shows the window as a user would see it a moment later.
void settle(QWidget *window)
{
    for (int round = 0; round < 3; ++round) {
        QApplication::sendPostedEvents();
        QApplication::processEvents();
    }
    if (window->layout())
        window->layout()->activate();
}

} // namespace

QStringList Screenshotter::run(MainWindow *window, const QString &directory, QString *error)
{
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot create %1").arg(directory);
        return {};
    }
    const QString language = window->languageSwitcher()->language();
    const int zoom = window->zoom()->percent();
    window->resize(1400, 860);
    window->show();
    // Show the second lesson when there is one: it has a table and code, the richest page.
    window->selectLesson(qMin(1, window->navigator()->count() - 1));

    QStringList written;
    for (const QString &lang : LanguageSwitcher::languages()) {
        window->setLanguage(lang);
        for (int percent : { 100, ZoomController::presenterLevel() }) {
            window->zoom()->setPercent(percent);
            settle(window);
            const QString name
                    = QStringLiteral("window-%1%2.png")
                              .arg(lang, percent == 100 ? QString() : QStringLiteral("-presenter"));
            const QString path = QDir(directory).filePath(name);
            if (!window->grab().save(path)) {
                *error = QStringLiteral("cannot write %1").arg(path);
                return {};
            }
            written.append(path);
        }
    }
    window->setLanguage(language);
    window->zoom()->setPercent(zoom);
    return written;
}

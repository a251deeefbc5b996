#include "screenshotter.h"

#include "languageswitcher.h"
#include "mainwindow.h"
#include "zoomcontroller.h"

#include "acceptqueueview.h"
#include "clientpanel.h"
#include "labarea.h"
#include "labcontroller.h"
#include "serverpanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>

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

// Runs the event loop for about ms milliseconds (the lab's frame timer keeps drawing).
void pump(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(10);
    }
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
    // The lab at work: TCPServer, backlog 2, a 10 s handler and six clients one every 40 ms:
    // one being served, three in the accept queue, two outside in SYN_SENT (real sockets).
    LabArea *lab = window->labArea();
    lab->serverPanel()->modelBox()->setCurrentIndex(0);
    lab->serverPanel()->backlogBox()->setValue(2);
    lab->serverPanel()->handlerBox()->setCurrentIndex(1);
    lab->serverPanel()->delayBox()->setValue(10.0);
    lab->serverPanel()->startButton()->click();
    lab->clientPanel()->countBox()->setValue(6);
    lab->clientPanel()->everyBox()->setValue(40);
    lab->clientPanel()->addManyButton()->click();
    QElapsedTimer waited;
    waited.start();
    while (lab->queueView()->shownConnecting() < 2 && waited.elapsed() < 5000)
        pump(50);
    pump(1300); // past the first SYN retry, so the view shows retransmissions too
    for (const QString &lang : LanguageSwitcher::languages()) {
        window->setLanguage(lang);
        window->zoom()->setPercent(100);
        settle(window);
        const QString path = QDir(directory).filePath(QStringLiteral("lab-%1.png").arg(lang));
        if (!window->grab().save(path)) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return {};
        }
        written.append(path);
    }
    lab->reset();

    // The comparison: the same six clients against TCPServer and ThreadingTCPServer, 1 s each.
    lab->serverPanel()->compareBox()->setCurrentIndex(2);
    lab->serverPanel()->backlogBox()->setValue(5);
    lab->serverPanel()->delayBox()->setValue(1.0);
    lab->serverPanel()->startButton()->click();
    lab->clientPanel()->everyBox()->setValue(0);
    lab->clientPanel()->addManyButton()->click();
    waited.restart();
    while (lab->summaryLabel()->text().count(QStringLiteral("finished")) < 2
           && lab->summaryLabel()->text().count(QStringLiteral("共用")) < 2
           && waited.elapsed() < 15000)
        pump(50);
    lab->tabs()->setCurrentIndex(1); // the timeline
    for (const QString &lang : LanguageSwitcher::languages()) {
        window->setLanguage(lang);
        settle(window);
        const QString path = QDir(directory).filePath(QStringLiteral("compare-%1.png").arg(lang));
        if (!window->grab().save(path)) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return {};
        }
        written.append(path);
    }
    lab->reset();
    lab->serverPanel()->compareBox()->setCurrentIndex(0);
    lab->tabs()->setCurrentIndex(0);
    window->setLanguage(language);
    window->zoom()->setPercent(zoom);
    return written;
}

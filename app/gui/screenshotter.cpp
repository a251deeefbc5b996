#include "screenshotter.h"

#include "languageswitcher.h"
#include "mainwindow.h"
#include "zoomcontroller.h"

#include "acceptqueueview.h"
#include "clientpanel.h"
#include "lab/labcontroller.h"
#include "lab/labsession.h"
#include "labarea.h"
#include "lessonview.h"
#include "model/stagemodel.h"
#include "quizview.h"
#include "replaybar.h"
#include "serverpanel.h"
#include "stageview.h"
#include "timepanel.h"

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
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QThread>
#include <QUrl>
#include <algorithm>
#include <cstdio>
#include <functional>

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

// For each language: switch to it, let `prepare` adjust the window, settle, and write
// PREFIX-LANG.png. False (and *error) when a file cannot be written.
bool shootEachLanguage(MainWindow *window, const QString &directory, const QString &prefix,
                       QStringList *written, QString *error,
                       const std::function<void()> &prepare = {})
{
    for (const QString &lang : LanguageSwitcher::languages()) {
        window->setLanguage(lang);
        if (prepare)
            prepare();
        settle(window);
        const QString path
                = QDir(directory).filePath(QStringLiteral("%1-%2.png").arg(prefix, lang));
        if (!window->grab().save(path)) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
        written->append(path);
    }
    return true;
}

int countAt(const StageServer *server, StageToken::Place place)
{
    if (!server)
        return 0;
    return int(std::count_if(server->tokens.begin(), server->tokens.end(),
                             [place](const StageToken &token) { return token.place == place; }));
}

// The comparison at its telling moment: A (TCPServer) serves one client, others wait in its
// accept queue and in SYN_SENT outside it, while B (ThreadingTCPServer) serves several at once.
bool comparisonMidRun(const StageModel *stage)
{
    const StageServer *a = stage->server(0);
    const StageServer *b = stage->server(1);
    return countAt(a, StageToken::Place::Worker) == 1
            && countAt(a, StageToken::Place::AcceptQueue) >= 1
            && countAt(a, StageToken::Place::SynSent) >= 1
            && countAt(b, StageToken::Place::Worker) >= 2;
}

// Every client of every server has ended (its echo came, or it failed).
bool allClientsEnded(const StageModel *stage)
{
    for (const StageServer &server : stage->servers())
        for (const StageToken &token : server.tokens)
            if (token.place != StageToken::Place::Done && token.place != StageToken::Place::Failed)
                return false;
    return !stage->servers().empty();
}

// Lets the stage's tokens finish gliding to where the data put them (bounded).
void waitForStage(StageView *stage)
{
    QElapsedTimer waited;
    waited.start();
    while (stage && stage->isAnimating() && waited.elapsed() < 1000)
        pump(20);
}

bool save(QWidget *window, const QString &path, QStringList *written, QString *error)
{
    if (!window->grab().save(path)) {
        *error = QStringLiteral("cannot write %1").arg(path);
        return false;
    }
    written->append(path);
    return true;
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
    const bool presenter = window->isPresenterMode();
    const QSize size = window->size();
    window->setPresenterMode(false);
    window->resize(1400, 860);
    window->show();
    // The backlog lesson, the one the lab shots below belong to (else the first one).
    const int backlog = window->catalog().indexOf(QStringLiteral("listen-backlog"));
    window->selectLesson(qMax(0, backlog));

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
    // The lab scrolled to its time controls: the run's clock, the queue view and the summary.
    const auto showRun = [lab] {
        if (auto *scroll = lab->findChild<QScrollArea *>(QStringLiteral("labScroll"))) {
            scroll->widget()->layout()->activate();
            scroll->verticalScrollBar()->setValue(lab->timePanel()->y());
        }
    };
    if (!shootEachLanguage(window, directory, QStringLiteral("lab"), &written, error,
                           [window, showRun] {
                               window->zoom()->setPercent(100);
                               showRun();
                           }))
        return {};
    // Paused: the run's clock stands still, the kernel goes on retransmitting the waiting SYNs,
    // and the lab says so.
    lab->timePanel()->pauseButton()->click();
    pump(2500);
    if (!shootEachLanguage(window, directory, QStringLiteral("paused"), &written, error, showRun))
        return {};
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
    lab->tabs()->setCurrentIndex(1); // the timeline, scrolled into view
    if (auto *scroll = lab->findChild<QScrollArea *>(QStringLiteral("labScroll"))) {
        scroll->ensureWidgetVisible(lab->tabs(), 0, 0);
        scroll->horizontalScrollBar()->setValue(0); // down to the tabs, not sideways
    }
    if (!shootEachLanguage(window, directory, QStringLiteral("compare"), &written, error))
        return {};
    lab->reset();
    lab->serverPanel()->compareBox()->setCurrentIndex(0);
    lab->tabs()->setCurrentIndex(0);

    // UDP: no accept queue; the receive buffer and its drops instead.
    lab->serverPanel()->modelBox()->setCurrentIndex(3); // UDPServer
    lab->serverPanel()->delayBox()->setValue(2.0);
    lab->serverPanel()->startButton()->click();
    lab->clientPanel()->countBox()->setValue(6);
    lab->clientPanel()->addManyButton()->click();
    waited.restart();
    while (!lab->queueView()->shownDatagram().bound && waited.elapsed() < 5000)
        pump(50);
    pump(500);
    if (!shootEachLanguage(window, directory, QStringLiteral("udp"), &written, error))
        return {};
    lab->reset();
    lab->serverPanel()->modelBox()->setCurrentIndex(0);

    // The stage mid-run: TCPServer (A) and ThreadingTCPServer (B), backlog 2, a 2 s handler and
    // six clients at once, shot when A serves one client with others in its queue and in
    // SYN_SENT while B serves several. One run per picture, the window laid out before it starts:
    // the projector (presenter layout, 1920×1080, 200 %) and the desk (1366×768, 100 %). The
    // last run is left to finish and replayed below.
    struct Setup
    {
        QString suffix;
        QSize size;
        int percent;
        bool presenter;
    };
    const Setup setups[] = { { QStringLiteral("-1920-200"), QSize(1920, 1080), 200, true },
                             { QString(), QSize(1366, 768), 100, false } };
    const auto layOut = [window](const Setup &setup) {
        window->setPresenterMode(setup.presenter);
        window->zoom()->setPercent(setup.percent);
        settle(window); // the minimum size of the new zoom first, else it clamps the resize
        window->resize(setup.size);
        settle(window);
    };
    StageModel *stage = lab->session()->stage();
    for (const Setup &setup : setups) {
        for (const QString &lang : LanguageSwitcher::languages()) {
            lab->reset();
            window->setLanguage(lang);
            layOut(setup);
            lab->serverPanel()->modelBox()->setCurrentIndex(0);
            lab->serverPanel()->compareBox()->setCurrentIndex(2);
            lab->serverPanel()->backlogBox()->setValue(2);
            lab->serverPanel()->handlerBox()->setCurrentIndex(1);
            lab->serverPanel()->delayBox()->setValue(2.0);
            lab->serverPanel()->startButton()->click();
            lab->clientPanel()->countBox()->setValue(6);
            lab->clientPanel()->everyBox()->setValue(0);
            lab->clientPanel()->addManyButton()->click();
            waited.restart();
            while (!comparisonMidRun(stage) && waited.elapsed() < 5000)
                pump(20);
            settle(window);
            waitForStage(lab->stage());
            const QString name = QStringLiteral("stage-compare-%1%2.png").arg(lang, setup.suffix);
            if (!comparisonMidRun(stage))
                std::fprintf(stderr, "%s: the comparison was not mid-run when shot\n",
                             qPrintable(name));
            if (!save(window, QDir(directory).filePath(name), &written, error))
                return {};
        }
    }
    // The last comparison run, ended, replayed: sought to 40 % and stepped a few events on.
    waited.restart();
    while (!allClientsEnded(stage) && waited.elapsed() < 25000)
        pump(100);
    QString replayError;
    if (lab->replayLastRun(&replayError)) {
        LabSession *session = lab->session();
        session->setReplayPlaying(false);
        session->replaySeek(session->replayDurationNs() * 2 / 5);
        for (int step = 0; step < 3; ++step)
            session->replayStepForward();
        pump(300);
        if (!shootEachLanguage(
                    window, directory, QStringLiteral("replay-step"), &written, error, [lab] {
                        // The source was named in the language before.
                        lab->setReplaySource(QCoreApplication::translate("LabArea", "last run"));
                        waitForStage(lab->stage());
                    }))
            return {};
    } else {
        std::fprintf(stderr, "replay-step: %s\n", qPrintable(replayError));
    }
    lab->reset();
    lab->serverPanel()->compareBox()->setCurrentIndex(0);

    // The presenter layout paused at the backlog lesson's first pause point, its note in the
    // lesson strip: the lesson's experiment run as its Run button runs it.
    layOut(setups[0]);
    if (auto *runButton
        = window->lessonView()->findChild<QPushButton *>(QStringLiteral("runExperiment"))) {
        runButton->click();
        waited.restart();
        while (lab->pauseNote().isEmpty() && waited.elapsed() < 8000)
            pump(50);
        if (!shootEachLanguage(window, directory, QStringLiteral("presenter"), &written, error,
                               [lab] { waitForStage(lab->stage()); }))
            return {};
    }
    lab->reset();
    window->setPresenterMode(false);
    window->zoom()->setPercent(100);
    settle(window);
    window->resize(1400, 860);
    lab->serverPanel()->modelBox()->setCurrentIndex(0);
    lab->serverPanel()->backlogBox()->setValue(5);

    // The quiz under the lesson, one single-choice question answered, and a glossary term open.
    LessonView *view = window->lessonView();
    QuizView *quiz = view->quizView();
    // A single-choice question answered, and the first "predict, then run" question run in the
    // lab (its answer is the run's own measurement, so the shot waits for it).
    int predict = -1;
    for (int q = 0; q < quiz->questionCount(); ++q) {
        if (!quiz->isPredict(q)) {
            quiz->choose(q, 0);
            quiz->checkButton(q)->click();
        } else if (predict < 0) {
            predict = q;
        }
    }
    if (predict >= 0) {
        quiz->choose(predict, 0);
        quiz->checkButton(predict)->click();
        waited.restart();
        while (quiz->waitingQuestion() >= 0 && waited.elapsed() < 30000)
            pump(100);
    }
    view->followLink(QUrl(QStringLiteral("glossary:accept-queue")));
    if (auto *split = view->findChild<QSplitter *>(QStringLiteral("lessonSplit")))
        split->setSizes({ 1, 2 });
    if (!shootEachLanguage(window, directory, QStringLiteral("quiz"), &written, error, [view] {
            view->followLink(QUrl(QStringLiteral("glossary:accept-queue")));
        }))
        return {};
    if (auto *split = view->findChild<QSplitter *>(QStringLiteral("lessonSplit")))
        split->setSizes({ 3, 1 });
    window->setLanguage(language);
    window->setPresenterMode(presenter);
    window->zoom()->setPercent(zoom);
    settle(window);
    window->resize(size);
    return written;
}

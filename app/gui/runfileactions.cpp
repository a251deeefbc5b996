#include "runfileactions.h"

#include "lab/labsession.h"
#include "lab/runfile.h"
#include "labarea.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>
#include <atomic>
#include <optional>
#include <thread>

RunFileActions::RunFileActions(LabArea *lab, QWidget *window)
    : QObject(window)
    , m_lab(lab)
    , m_window(window)
    , m_open(new QAction(this))
    , m_save(new QAction(this))
    , m_replayLast(new QAction(this))
{
    m_open->setObjectName(QStringLiteral("openRunAction"));
    m_open->setShortcut(QKeySequence::Open);
    m_save->setObjectName(QStringLiteral("saveRunAction"));
    m_save->setShortcut(QKeySequence::Save);
    m_replayLast->setObjectName(QStringLiteral("replayLastAction"));
    m_replayLast->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    connect(m_open, &QAction::triggered, this, &RunFileActions::askAndOpen);
    connect(m_save, &QAction::triggered, this, &RunFileActions::askAndSave);
    connect(m_replayLast, &QAction::triggered, this, &RunFileActions::replayLast);
    LabSession *session = lab->session();
    for (auto signal : { &LabSession::runStarted, &LabSession::runEnded })
        connect(session, signal, this, &RunFileActions::updateEnabled);
    connect(session, &LabSession::replayChanged, this, &RunFileActions::updateEnabled);
    retranslate();
    updateEnabled();
}

void RunFileActions::retranslate()
{
    m_open->setText(tr("&Open Run…"));
    m_open->setToolTip(tr("Replay a run recorded before (a .socketlab-run file)"));
    m_save->setText(tr("&Save Run…"));
    m_save->setToolTip(tr("Save the run shown, to replay it later or on another computer"));
    m_replayLast->setText(tr("&Replay Last Run"));
    m_replayLast->setToolTip(
            tr("Play the last run again from its recording: step through what happened"));
}

bool RunFileActions::hasRunToSave() const
{
    const LabSession *session = m_lab->session();
    if (session->isReplaying())
        return session->replayRecord() != nullptr;
    return session->record().runNumber > 0 && !session->record().servers.empty();
}

void RunFileActions::updateEnabled()
{
    const bool saveable = hasRunToSave();
    m_save->setEnabled(saveable);
    const LabSession *session = m_lab->session();
    // A run still going is replayed once it has ended (its recording is complete then).
    m_replayLast->setEnabled(!session->isReplaying() && session->record().runNumber > 0
                             && !session->isRunActive());
}

bool RunFileActions::openRun(const QString &path, QString *error)
{
    if (m_opening) {
        *error = tr("Another run file is being opened.");
        return false;
    }
    m_opening = true;
    std::optional<RunRecord> record;
    QString readError;
    // Read and decode on a worker thread; this thread keeps drawing meanwhile and looks every
    // 10 ms whether it is done. A plain joined thread and an atomic flag: the join is what makes
    // its result visible here (no Qt event crosses threads; ThreadSanitizer sees it all).
    std::atomic<bool> done{ false };
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(10);
    connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done.load(std::memory_order_acquire))
            loop.quit();
    });
    QApplication::setOverrideCursor(Qt::WaitCursor);
    std::thread reader([&] {
        record = RunFile::open(path, &readError);
        done.store(true, std::memory_order_release);
    });
    poll.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    reader.join();
    QApplication::restoreOverrideCursor();
    m_opening = false;
    if (!record) {
        *error = readError;
        return false;
    }
    if (!m_lab->session()->startReplay(*record, error))
        return false;
    m_lab->setReplaySource(QFileInfo(path).fileName());
    updateEnabled();
    return true;
}

bool RunFileActions::saveRun(const QString &path, QString *error) const
{
    const LabSession *session = m_lab->session();
    const RunRecord *record = session->isReplaying() ? session->replayRecord() : &session->record();
    if (!record || record->runNumber <= 0) {
        *error = tr("There is no run to save yet: start a server and add clients first.");
        return false;
    }
    return RunFile::save(*record, path, error);
}

void RunFileActions::openRunShowingErrors(const QString &path)
{
    QString error;
    if (!openRun(path, &error))
        QMessageBox::warning(
                m_window, tr("Cannot replay this file"),
                tr("%1 cannot be replayed.\n\n%2").arg(QDir::toNativeSeparators(path), error));
}

void RunFileActions::askAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Open a recorded run"), QString(),
            tr("SocketLab runs (*%1);;All files (*)").arg(QLatin1String(RunFile::suffix)));
    if (!path.isEmpty())
        openRunShowingErrors(path);
}

void RunFileActions::askAndSave()
{
    const LabSession *session = m_lab->session();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("socketlab-run-%1%2")
                                 .arg(session->runNumber())
                                 .arg(QLatin1String(RunFile::suffix));
    QString path = QFileDialog::getSaveFileName(
            m_window, tr("Save the run"), QDir(folder).filePath(name),
            tr("SocketLab runs (*%1)").arg(QLatin1String(RunFile::suffix)));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(RunFile::suffix)))
        path += QLatin1String(RunFile::suffix);
    QString error;
    if (!saveRun(path, &error))
        QMessageBox::warning(m_window, tr("Cannot save the run"), error);
}

void RunFileActions::replayLast()
{
    QString error;
    if (!m_lab->replayLastRun(&error))
        QMessageBox::information(m_window, tr("Nothing to replay"), error);
    updateEnabled();
}

QString RunFileActions::runFileIn(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(RunFile::suffix)))
            return url.toLocalFile();
    return {};
}

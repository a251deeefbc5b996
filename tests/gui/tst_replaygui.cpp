// Record and replay as the user sees it, in the window, after a real run on 127.0.0.1: Replay
// Last Run shows the replay bar (events counted as the session counts them), greys the live
// panels, says "Replay" on the clock and shows the recorded server on the stage; a step moves one
// event; the end shows every client as the live run ended. Leaving the replay gives the live lab
// back. A saved run opens again (its file named on the bar); a truncated, foreign or newer file
// is refused by name and changes nothing, replaying or live. A run file dropped on the window is
// replayed, another file is not taken; the path the command line passes is replayed too.
#include "acceptqueueview.h"
#include "clientpanel.h"
#include "lab/labsession.h"
#include "lab/runfile.h"
#include "labarea.h"
#include "mainwindow.h"
#include "model/clienttrack.h"
#include "model/connectionmodel.h"
#include "model/stagemodel.h"
#include "replaybar.h"
#include "replayslider.h"
#include "runfileactions.h"
#include "serverpanel.h"
#include "stageview.h"
#include "timepanel.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUrl>
#include <QtTest>
#include <map>

namespace {

using Outcome = std::pair<int, QString>; // ConnectionModel's stage and result of one client
using Outcomes = std::map<std::pair<int, int>, Outcome>; // by (origin, client id)

Outcomes outcomes(const ConnectionModel *model)
{
    Outcomes out;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        out[{ index.data(ConnectionModel::OriginRole).toInt(),
              index.data(ConnectionModel::ClientIdRole).toInt() }]
                = { index.data(ConnectionModel::StageRole).toInt(),
                    index.data(ConnectionModel::ResultRole).toString() };
    }
    return out;
}

bool finished(int stage)
{
    switch (ClientTrack::Stage(stage)) {
    case ClientTrack::Stage::Done:
    case ClientTrack::Stage::Refused:
    case ClientTrack::Stage::TimedOut:
    case ClientTrack::Stage::Failed:
        return true;
    default:
        return false;
    }
}

QString clockText(const LabSession *session)
{
    return QStringLiteral("Replay of run %1 · %2 s of %3 s (lab time)")
            .arg(session->runNumber())
            .arg(double(session->replayPositionNs()) / 1e9, 0, 'f', 2)
            .arg(double(session->replayDurationNs()) / 1e9, 0, 'f', 2);
}

QString eventText(const LabSession *session)
{
    return QStringLiteral("event %1 / %2")
            .arg(session->replayEventIndex())
            .arg(session->replayEventCount());
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// gzip through the gzip program (as a user would edit a run file); empty if it is missing.
QByteArray runGzip(const QStringList &arguments, const QByteArray &input)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("gzip"));
    if (program.isEmpty())
        return {};
    QProcess gzip;
    gzip.start(program, arguments);
    if (!gzip.waitForStarted(5000))
        return {};
    gzip.write(input);
    gzip.closeWriteChannel();
    if (!gzip.waitForFinished(10000) || gzip.exitCode() != 0)
        return {};
    return gzip.readAllStandardOutput();
}

// Every text in «…»: shows which words were composed in the language installed now.
class MarkingTranslator final : public QTranslator
{
public:
    static QString mark(const QString &source) { return QStringLiteral("«%1»").arg(source); }
    QString translate(const char *, const char *source, const char *, int) const override
    {
        return source && *source ? mark(QString::fromUtf8(source)) : QString();
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestReplayGui : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_files;
    std::unique_ptr<MainWindow> m_window;
    Outcomes m_live; // how the live run ended

    LabArea *lab() const { return m_window->labArea(); }
    LabSession *session() const { return lab()->session(); }
    ReplayBar *bar() const { return lab()->replayBar(); }

    // Blocking TCPServer, sleep 0.1 s then echo, backlog 2, four clients: until the run ends.
    void liveRun()
    {
        ServerPanel *server = lab()->serverPanel();
        QVERIFY(server->isEnabled());
        server->modelBox()->setCurrentIndex(0);
        server->backlogBox()->setValue(2);
        server->handlerBox()->setCurrentIndex(1);
        server->delayBox()->setValue(0.1);
        server->startButton()->click();
        QVERIFY2(server->statusLabel()->text().contains(QStringLiteral("listening on 127.0.0.1:")),
                 qPrintable(server->statusLabel()->text()));
        lab()->clientPanel()->countBox()->setValue(4);
        lab()->clientPanel()->everyBox()->setValue(20);
        lab()->clientPanel()->addManyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(session()->hasRunEnded(), 15000);
        QCOMPARE(lab()->connections()->rowCount(), 4);
    }

    QString saved(const QString &name)
    {
        const QString path = m_files.filePath(name + QLatin1String(RunFile::suffix));
        QString error;
        if (!m_window->runFiles()->saveRun(path, &error))
            qWarning() << error;
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY(m_files.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_replaygui"));
        m_window = std::make_unique<MainWindow>(QStringLiteral(SOCKETLAB_SOURCE_DIR "/lessons"));
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void replayLastRunShowsTheRun()
    {
        QVERIFY(!bar()->isVisible());
        liveRun();
        m_live = outcomes(lab()->connections());
        const QString summary = lab()->summaryLabel()->text();
        const QString figures = lab()->figuresLabel()->text();
        QVERIFY2(summary.contains(QStringLiteral("finished")), qPrintable(summary));
        QCOMPARE(int(m_live.size()), 4);
        for (const auto &[client, outcome] : m_live)
            QVERIFY2(finished(outcome.first), qPrintable(outcome.second));

        QAction *replayLast = m_window->runFiles()->replayLastAction();
        QTRY_VERIFY(replayLast->isEnabled());
        replayLast->trigger();
        QVERIFY(session()->isReplaying());
        QVERIFY(!replayLast->isEnabled());
        QVERIFY(bar()->isVisible());
        QVERIFY(session()->replayEventCount() > 0);
        QCOMPARE(bar()->eventLabel()->text(), eventText(session()));
        QVERIFY2(bar()->eventLabel()->text().endsWith(
                         QStringLiteral(" / %1").arg(session()->replayEventCount())),
                 qPrintable(bar()->eventLabel()->text()));
        QCOMPARE(bar()->sourceLabel()->text(), QStringLiteral("Replay: last run"));
        QVERIFY(!lab()->serverPanel()->isEnabled());
        QVERIFY(!lab()->clientPanel()->isEnabled());
        // The time panel's live controls are greyed; its Reset stays (it leaves the replay).
        QVERIFY(!lab()->timePanel()->pauseButton()->isEnabled());
        QVERIFY(!lab()->timePanel()->stepButton()->isEnabled());
        QVERIFY(!lab()->timePanel()->speedBox()->isEnabled());
        QVERIFY(lab()->timePanel()->resetAction()->isEnabled());
        QVERIFY2(lab()->clockLabel()->text().startsWith(QStringLiteral("Replay of run")),
                 qPrintable(lab()->clockLabel()->text()));

        // The stage shows the recorded server, titled as it was.
        QCOMPARE(int(session()->stage()->servers().size()),
                 int(session()->record().servers.size()));
        QCOMPARE(int(session()->stage()->servers().size()), 1);
        const QString title = session()->stage()->servers().front().label;
        QVERIFY(!title.isEmpty());
        bool titled = false;
        for (const StageView::DrawnText &text : lab()->stage()->drawnTexts())
            titled = titled || text.text == title;
        QVERIFY2(titled, qPrintable(title));

        // One step forward: exactly one event more, and the bar says so.
        const size_t before = session()->replayEventIndex();
        QVERIFY(bar()->forwardButton()->isEnabled());
        bar()->forwardButton()->click();
        QCOMPARE(session()->replayEventIndex(), before + 1);
        QCOMPARE(bar()->eventLabel()->text(), eventText(session()));
        bar()->backButton()->click();
        QCOMPARE(session()->replayEventIndex(), before);
        QCOMPARE(bar()->eventLabel()->text(), eventText(session()));
        // Every step, also one within a frame (events at the same lab time), is shown.
        const size_t steps = std::min<size_t>(40, session()->replayEventCount());
        for (size_t i = 1; i <= steps; ++i) {
            bar()->forwardButton()->click();
            QCOMPARE(session()->replayEventIndex(), before + i);
            QCOMPARE(bar()->eventLabel()->text(), eventText(session()));
            QCOMPARE(bar()->position(), session()->replayPositionNs());
            QCOMPARE(lab()->clockLabel()->text(), clockText(session()));
        }
        for (size_t i = steps; i > 0; --i) {
            bar()->backButton()->click();
            QCOMPARE(session()->replayEventIndex(), before + i - 1);
            QCOMPARE(bar()->eventLabel()->text(), eventText(session()));
            QCOMPARE(bar()->position(), session()->replayPositionNs());
            QCOMPARE(lab()->clockLabel()->text(), clockText(session()));
        }
        QVERIFY(!bar()->backButton()->isEnabled() || session()->replayEventIndex() > 0);

        // Played at ×4 to its end: the bar stops saying "Pause" when the run is over.
        QComboBox *speed = bar()->speedBox();
        speed->setCurrentIndex(speed->count() - 1);
        emit speed->activated(speed->count() - 1); // as the user's choice in the list does
        QCOMPARE(speed->currentText(), QStringLiteral("×4"));
        QCOMPARE(session()->replaySpeed(), 4.0);
        bar()->playButton()->click();
        QVERIFY(session()->isReplayPlaying());
        QVERIFY(bar()->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!session()->isReplayPlaying(), 10000);
        QVERIFY(!bar()->isPlaying());
        QCOMPARE(session()->replayPositionNs(), session()->replayDurationNs());
        QCOMPARE(bar()->position(), session()->replayDurationNs());
        QCOMPARE(session()->replayEventIndex(), session()->replayEventCount());
        QCOMPARE(bar()->eventLabel()->text(), eventText(session()));
        QCOMPARE(lab()->clockLabel()->text(), clockText(session()));
        session()->replaySeek(0);
        QCOMPARE(bar()->position(), 0);
        QCOMPARE(bar()->eventLabel()->text(), eventText(session()));

        // The slider's end: the run as it ended, every client as the live run left it.
        bar()->slider()->triggerAction(QAbstractSlider::SliderToMaximum);
        QTRY_VERIFY(session()->replayPositionNs() > 0);
        session()->replaySeek(session()->replayDurationNs());
        QCOMPARE(session()->replayPositionNs(), session()->replayDurationNs());
        QCOMPARE(session()->replayEventIndex(), session()->replayEventCount());
        QCOMPARE(bar()->eventLabel()->text(), eventText(session()));
        QCOMPARE(lab()->connections()->rowCount(), 4);
        const Outcomes replayed = outcomes(lab()->connections());
        for (const auto &[client, outcome] : replayed)
            QVERIFY2(finished(outcome.first), qPrintable(outcome.second));
        QVERIFY(replayed == m_live);
        // The run's summary and figures, as the live run ended, and whose queue it is.
        QCOMPARE(lab()->summaryLabel()->text(), summary);
        QCOMPARE(lab()->figuresLabel()->text(), figures);
        QCOMPARE(lab()->queueView()->title(), QStringLiteral("TCPServer (recorded)"));
        // The clients are on the stage too, each with its own token.
        const StageServer &server = session()->stage()->servers().front();
        QCOMPARE(int(server.tokens.size()), 4);
    }

    void leavingGivesTheLiveLabBack()
    {
        QVERIFY(session()->isReplaying());
        bar()->leaveButton()->click();
        QVERIFY(!session()->isReplaying());
        QVERIFY(!bar()->isVisible());
        QVERIFY(lab()->serverPanel()->isEnabled());
        QVERIFY(lab()->clientPanel()->isEnabled());
        QVERIFY(lab()->timePanel()->pauseButton()->isEnabled());
        QVERIFY(lab()->timePanel()->speedBox()->isEnabled());
        QVERIFY(!lab()->clockLabel()->text().contains(QStringLiteral("Replay")));
        QCOMPARE(lab()->connections()->rowCount(), 0);
        QVERIFY(lab()->queueView()->title().isEmpty());
        QVERIFY(lab()->summaryLabel()->text().isEmpty());
        // Nothing of the replayed run is left on the stage.
        QVERIFY(session()->stage()->servers().empty());
        const std::vector<StageView::DrawnText> drawn = lab()->stage()->drawnTexts();
        QVERIFY2(std::none_of(drawn.begin(), drawn.end(),
                              [](const StageView::DrawnText &text) {
                                  return text.text.contains(QStringLiteral("TCPServer"));
                              }),
                 "the stage still shows the replayed server");
        liveRun(); // a new live run starts and ends
        QVERIFY(!session()->isReplaying());
        QTRY_VERIFY(m_window->runFiles()->replayLastAction()->isEnabled());
    }

    void aSavedRunOpensAgain()
    {
        QVERIFY(session()->hasRunEnded());
        const size_t live = session()->record().frames.size();
        QVERIFY(live > 0);
        const QString path = saved(QStringLiteral("saved-run"));
        QVERIFY(QFileInfo::exists(path));
        // The count of events the record saved: what replaying it now counts.
        QVERIFY(m_window->runFiles()->replayLastAction()->isEnabled());
        QVERIFY(lab()->replayLastRun());
        const size_t recorded = session()->replayEventCount();
        lab()->reset();
        QVERIFY(!session()->isReplaying());

        QString error;
        QVERIFY2(m_window->runFiles()->openRun(path, &error), qPrintable(error));
        QVERIFY(session()->isReplaying());
        QVERIFY(bar()->isVisible());
        QCOMPARE(bar()->sourceLabel()->text(), QStringLiteral("Replay: saved-run"));
        QCOMPARE(bar()->sourceLabel()->toolTip(),
                 QStringLiteral("Replay: saved-run") + QLatin1String(RunFile::suffix));
        QCOMPARE(session()->replayEventCount(), recorded);
        QCOMPARE(bar()->eventLabel()->text(), eventText(session()));
        QVERIFY(!lab()->serverPanel()->isEnabled());
        QVERIFY(m_window->runFiles()->saveAction()->isEnabled());
    }

    void aBadFileChangesNothing()
    {
        QString error;
        QVERIFY(session()->isReplaying()); // the saved run, opened again
        const QString good = saved(QStringLiteral("a"));
        QVERIFY2(m_window->runFiles()->openRun(good, &error), qPrintable(error));
        bar()->forwardButton()->click();
        bar()->forwardButton()->click();
        const QByteArray bytes = readFile(good);
        QVERIFY(bytes.size() > 100);

        // (a) the first half of the file, (b) noise, (c) a newer format.
        struct Bad
        {
            QString name;
            QByteArray bytes;
            QString error;
        };
        std::vector<Bad> bad;
        bad.push_back({ QStringLiteral("half"), bytes.left(bytes.size() / 2),
                        QStringLiteral("truncated") });
        QRandomGenerator random(20261202);
        QByteArray noise(4096, '\0');
        for (char &c : noise)
            c = char(random.bounded(256));
        noise[0] = 'x'; // not even gzip's magic number
        bad.push_back({ QStringLiteral("noise"), noise,
                        QStringLiteral("This is not a SocketLab run file.") });
        QByteArray text = runGzip({ QStringLiteral("-dc") }, bytes);
        if (text.isEmpty()) {
            QFAIL("gzip (essential on Debian) did not decompress the run file");
        } else {
            const int lineEnd = text.indexOf('\n');
            QVERIFY(lineEnd > 0);
            QByteArray header = text.left(lineEnd);
            QVERIFY(header.contains("\"version\":1,"));
            header.replace("\"version\":1,", "\"version\":2,");
            text.replace(0, lineEnd, header);
            const QByteArray newer = runGzip({ QStringLiteral("-c") }, text);
            QVERIFY(!newer.isEmpty());
            bad.push_back({ QStringLiteral("newer"), newer,
                            QStringLiteral("This run was recorded by a newer SocketLab") });
        }

        const qint64 position = session()->replayPositionNs();
        const size_t index = session()->replayEventIndex();
        const size_t count = session()->replayEventCount();
        QVERIFY(index >= 2);
        const QString source = bar()->sourceLabel()->text();
        QCOMPARE(source, QStringLiteral("Replay: a"));
        const QString eventLabel = bar()->eventLabel()->text();
        const QString clock = lab()->clockLabel()->text();
        const int rows = lab()->connections()->rowCount();
        for (const Bad &b : bad) {
            const QString path = m_files.filePath(b.name + QLatin1String(RunFile::suffix));
            QVERIFY(writeFile(path, b.bytes));
            error.clear();
            QVERIFY2(!m_window->runFiles()->openRun(path, &error), qPrintable(b.name));
            QVERIFY2(error.contains(b.error), qPrintable(b.name + QStringLiteral(": ") + error));
            QVERIFY(session()->isReplaying());
            QCOMPARE(session()->replayPositionNs(), position);
            QCOMPARE(session()->replayEventIndex(), index);
            QCOMPARE(session()->replayEventCount(), count);
            QCOMPARE(bar()->sourceLabel()->text(), source);
            QCOMPARE(bar()->eventLabel()->text(), eventLabel);
            QCOMPARE(lab()->clockLabel()->text(), clock);
            QCOMPARE(lab()->connections()->rowCount(), rows);
            QVERIFY(bar()->isVisible());
        }

        // Live, after a run: a bad file leaves the run's models and record as they are.
        bar()->leaveButton()->click();
        QVERIFY(!session()->isReplaying());
        liveRun();
        const Outcomes live = outcomes(lab()->connections());
        const int runNumber = session()->runNumber();
        const size_t frames = session()->record().frames.size();
        for (const Bad &b : bad) {
            const QString path = m_files.filePath(b.name + QLatin1String(RunFile::suffix));
            error.clear();
            QVERIFY2(!m_window->runFiles()->openRun(path, &error), qPrintable(b.name));
            QVERIFY2(error.contains(b.error), qPrintable(b.name + QStringLiteral(": ") + error));
            QVERIFY(!session()->isReplaying());
            QVERIFY(!bar()->isVisible());
            QVERIFY(lab()->serverPanel()->isEnabled());
            QCOMPARE(lab()->connections()->rowCount(), 4);
            QVERIFY(outcomes(lab()->connections()) == live);
            QCOMPARE(session()->runNumber(), runNumber);
            QCOMPARE(session()->record().frames.size(), frames);
        }
    }

    void aDroppedRunFileIsReplayed()
    {
        lab()->reset();
        QVERIFY(!session()->isReplaying());
        QVERIFY(m_window->acceptDrops());
        const QString path = m_files.filePath(QStringLiteral("a") + QLatin1String(RunFile::suffix));
        QVERIFY(QFileInfo::exists(path));
        const QPoint at(m_window->width() / 2, m_window->height() / 2);

        // Another file is not taken.
        const QString other = m_files.filePath(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(other, "not a run\n"));
        QMimeData text;
        text.setUrls({ QUrl::fromLocalFile(other) });
        QDragEnterEvent enterText(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        enterText.ignore();
        QApplication::sendEvent(m_window.get(), &enterText);
        QVERIFY(!enterText.isAccepted());
        QDropEvent dropText(at, Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        dropText.ignore();
        QApplication::sendEvent(m_window.get(), &dropText);
        QVERIFY(!dropText.isAccepted());
        QCoreApplication::processEvents();
        QVERIFY(!session()->isReplaying());

        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(other), QUrl::fromLocalFile(path) });
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        enter.ignore();
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        drop.ignore();
        QApplication::sendEvent(m_window.get(), &drop);
        QVERIFY(drop.isAccepted());
        QTRY_VERIFY(session()->isReplaying());
        QTRY_COMPARE(bar()->sourceLabel()->text(), QStringLiteral("Replay: a"));
        QVERIFY(bar()->isVisible());
        QCOMPARE(bar()->eventLabel()->text(), eventText(session()));
    }

    void theCommandLinesFileIsReplayed()
    {
        lab()->reset();
        const QString path
                = m_files.filePath(QStringLiteral("saved-run") + QLatin1String(RunFile::suffix));
        m_window->runFiles()->openRunShowingErrors(path);
        QVERIFY(session()->isReplaying());
        QCOMPARE(bar()->sourceLabel()->text(), QStringLiteral("Replay: saved-run"));
        QVERIFY(session()->replayEventCount() > 0);
        QCOMPARE(bar()->eventLabel()->text(), eventText(session()));
        lab()->reset();
        QVERIFY(!bar()->isVisible());
    }

    void thePresenterToolbarCannotActOnAReplay()
    {
        lab()->reset();
        liveRun();
        m_window->setPresenterMode(true);
        auto normal = qScopeGuard([this] { m_window->setPresenterMode(false); });
        QAction *start = lab()->serverPanel()->startAction();
        QAction *add = lab()->clientPanel()->addManyAction();
        QAction *pause = lab()->timePanel()->pauseAction();
        QAction *step = lab()->timePanel()->stepAction();
        QAction *reset = lab()->timePanel()->resetAction();
        QVERIFY(start->isEnabled() && add->isEnabled() && pause->isEnabled());
        QVERIFY(lab()->replayLastRun());
        // Greyed as the panels are: a button that looks live must act.
        QVERIFY(!start->isEnabled());
        QVERIFY(!add->isEnabled());
        QVERIFY(!pause->isEnabled());
        QVERIFY(!step->isEnabled());
        QVERIFY(reset->isEnabled()); // Reset stays: it leaves the replay
        for (const char *name : { "toolbarSpeed", "toolbarCompare" }) {
            const auto *mirror = m_window->findChild<QComboBox *>(QLatin1String(name));
            QVERIFY2(mirror && !mirror->isEnabled(), name);
        }
        pause->trigger(); // a shortcut or a stray click: ignored, nothing says "paused"
        QVERIFY(!pause->isChecked());
        QVERIFY(!lab()->timePanel()->pauseButton()->isChecked());
        QVERIFY(!session()->isPaused());
        start->trigger();
        QVERIFY(!session()->isServerRunning());
        QVERIFY(session()->isReplaying());

        reset->trigger(); // the toolbar's Reset: back to an empty live lab
        QVERIFY(!session()->isReplaying());
        QVERIFY(!bar()->isVisible());
        QVERIFY(start->isEnabled());
        QVERIFY(add->isEnabled());
        QVERIFY(pause->isEnabled());
        QVERIFY(!step->isEnabled()); // only while paused
        QVERIFY(reset->isEnabled());
        for (const char *name : { "toolbarSpeed", "toolbarCompare" })
            QVERIFY2(m_window->findChild<QComboBox *>(QLatin1String(name))->isEnabled(), name);
        pause->trigger();
        QVERIFY(session()->isPaused());
        QVERIFY(step->isEnabled());
        pause->trigger();
        QVERIFY(!session()->isPaused());
        QVERIFY(!step->isEnabled());
    }

    void aLanguageChangeRetellsTheReplay()
    {
        lab()->reset();
        liveRun();
        QVERIFY(lab()->replayLastRun());
        bar()->forwardButton()->click();
        QCOMPARE(bar()->sourceLabel()->text(), QStringLiteral("Replay: last run"));
        QCOMPARE(lab()->clockLabel()->text(), clockText(session()));

        MarkingTranslator marking;
        QVERIFY(QCoreApplication::installTranslator(&marking));
        auto removed = qScopeGuard([&marking] { QCoreApplication::removeTranslator(&marking); });
        // The window hears of it through a posted LanguageChange.
        QTRY_VERIFY(bar()->playButton()->text().startsWith(QStringLiteral("«")));
        lab()->setLanguage(QStringLiteral("en")); // as the window tells it after a switch
        QCOMPARE(bar()->sourceLabel()->text(),
                 MarkingTranslator::mark(QStringLiteral("Replay: %1"))
                         .arg(MarkingTranslator::mark(QStringLiteral("last run"))));
        QCOMPARE(lab()->clockLabel()->text(),
                 MarkingTranslator::mark(
                         QStringLiteral("Replay of run %1 · %2 s of %3 s (lab time)"))
                         .arg(session()->runNumber())
                         .arg(double(session()->replayPositionNs()) / 1e9, 0, 'f', 2)
                         .arg(double(session()->replayDurationNs()) / 1e9, 0, 'f', 2));
        QCOMPARE(bar()->eventLabel()->text(),
                 MarkingTranslator::mark(QStringLiteral("event %1 / %2"))
                         .arg(session()->replayEventIndex())
                         .arg(session()->replayEventCount()));

        removed.dismiss();
        QCoreApplication::removeTranslator(&marking);
        QTRY_VERIFY(!bar()->playButton()->text().startsWith(QStringLiteral("«")));
        lab()->setLanguage(QStringLiteral("en"));
        QCOMPARE(bar()->sourceLabel()->text(), QStringLiteral("Replay: last run"));
        QCOMPARE(lab()->clockLabel()->text(), clockText(session()));
        lab()->reset();
    }
};

QTEST_MAIN(TestReplayGui)
#include "tst_replaygui.moc"

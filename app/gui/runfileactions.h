#pragma once

#include <QObject>
#include <QString>

class LabArea;
class QAction;
class QMimeData;
class QWidget;

// The File menu's part of record and replay: open a .socketlab-run file and replay it, save the
// run shown (live or replayed) to one, replay the last run. A file is read on a worker thread
// (a 1,000-client run takes a moment), the window stays responsive meanwhile; a file that cannot
// be replayed is named in a message and changes nothing.
class RunFileActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunFileActions)

public:
    RunFileActions(LabArea *lab, QWidget *window);

    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *replayLastAction() const { return m_replayLast; }

    // Reads path and replays it; false and *error (a sentence for the user) when it cannot.
    // The event loop runs while the file is read. Nothing changes on failure.
    bool openRun(const QString &path, QString *error);
    // Writes the run shown now (the replayed one, else the last live run) to path.
    bool saveRun(const QString &path, QString *error) const;
    bool hasRunToSave() const;

    // With a dialog for the error: what the menu, a dropped file and the command line use.
    void openRunShowingErrors(const QString &path);
    // The first .socketlab-run file among dropped URLs, or empty.
    static QString runFileIn(const QMimeData *mime);

    void retranslate();

private:
    void askAndOpen();
    void askAndSave();
    void replayLast();
    void updateEnabled();

    LabArea *m_lab;
    QWidget *m_window;
    QAction *m_open;
    QAction *m_save;
    QAction *m_replayLast;
    bool m_opening = false;
};

#include "mainwindow.h"

#include "clientpanel.h"
#include "combomirror.h"
#include "lab/labsession.h"
#include "labarea.h"
#include "languageswitcher.h"
#include "lesson/lessonprogress.h"
#include "lessonstrip.h"
#include "lessonview.h"
#include "menustyle.h"
#include "quizview.h"
#include "runfileactions.h"
#include "serverpanel.h"
#include "timelineview.h"
#include "timepanel.h"
#include "zoomcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QSysInfo>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Key {
const QString geometry = QStringLiteral("window/geometry");
const QString splitter = QStringLiteral("window/splitter");
const QString language = QStringLiteral("ui/language");
const QString zoom = QStringLiteral("ui/zoom");
const QString presenter = QStringLiteral("ui/presenter");
const QString lesson = QStringLiteral("lessons/current");
} // namespace Key

MainWindow::MainWindow(const QString &lessonsRoot, QWidget *parent)
    : QMainWindow(parent)
    , m_catalog(LessonCatalog::load(lessonsRoot))
    , m_language(new LanguageSwitcher(this))
    , m_zoom(new ZoomController(this))
    , m_navigator(new QListWidget(this))
    , m_lessonView(new LessonView(this))
    , m_labArea(new LabArea(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_navigator->setObjectName(QStringLiteral("lessonNavigator"));
    // Long titles wrap instead of hiding behind a horizontal scroll bar (presenter zoom).
    m_navigator->setWordWrap(true);
    m_navigator->setTextElideMode(Qt::ElideNone);
    m_navigator->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigator->setUniformItemSizes(false);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_navigator);
    m_splitter->addWidget(m_lessonView);
    m_splitter->addWidget(m_labArea);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setStretchFactor(2, 5);
    m_splitter->setChildrenCollapsible(false);
    // The lesson strip (presenter layout) above the three panes.
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    m_strip = new LessonStrip(central);
    m_strip->hide();
    centralLayout->addWidget(m_strip);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    fitToScreen();
    const int width = this->width();
    // The lab gets the larger share: its tabs and tables need the width more than the text.
    m_splitter->setSizes({ width * 15 / 100, width * 37 / 100, width * 48 / 100 });

    createMenus();
    setAcceptDrops(true); // a .socketlab-run file dropped on the window is replayed
    createToolBars();
    connect(m_labArea, &LabArea::pauseNoteChanged, m_strip, &LessonStrip::setNote);
    connect(m_strip, &LessonStrip::lessonOpenToggled, m_lessonView, &QWidget::setVisible);
    m_lessonView->setCatalogIssues(m_catalog.issues());
    fillNavigator();
    connect(m_navigator, &QListWidget::currentRowChanged, this, &MainWindow::showCurrentLesson);
    connect(m_lessonView, &LessonView::experimentRequested, m_labArea, &LabArea::runExperiment);
    connect(m_lessonView, &LessonView::experimentRequested, this, [this] {
        LessonProgress::markRan(currentLessonId());
        showProgress(m_navigator->currentRow());
    });
    connect(m_lessonView->quizView(), &QuizView::answered, this,
            [this] { showProgress(m_navigator->currentRow()); });
    m_lessonView->setGlossary(m_catalog.glossary());
    connect(m_lessonView, &LessonView::lessonRequested, this, [this](const QString &id) {
        if (const int index = m_catalog.indexOf(id); index >= 0)
            selectLesson(index);
    });
    // A quiz's "predict, then run": the lab runs it where the student can watch, then answers.
    connect(m_lessonView->quizView(), &QuizView::runRequested, m_labArea, &LabArea::runAndMeasure);
    connect(m_labArea, &LabArea::measured, m_lessonView->quizView(), &QuizView::showMeasured);
    connect(m_labArea->session(), &LabSession::serverStateChanged, m_lessonView->quizView(),
            [quiz = m_lessonView->quizView()](bool running) {
                if (running)
                    quiz->labRunStarted();
            });
    // "Show the run": the lab's summary and the run's timeline in view, beside the answer.
    connect(m_lessonView->quizView(), &QuizView::showRunRequested, this, [this] {
        QList<int> sizes = m_splitter->sizes();
        const int third = (sizes.value(0) + sizes.value(1) + sizes.value(2)) / 3;
        if (sizes.size() == 3 && sizes[2] < third) { // a lab dragged narrow gets room again
            sizes[1] -= third - sizes[2];
            sizes[2] = third;
            m_splitter->setSizes(sizes);
        }
        QTabWidget *tabs = m_labArea->tabs();
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i)->isAncestorOf(m_labArea->timeline())
                || tabs->widget(i) == m_labArea->timeline())
                tabs->setCurrentIndex(i);
        }
        if (auto *scroll = m_labArea->findChild<QScrollArea *>(QStringLiteral("labScroll"))) {
            const int left = scroll->horizontalScrollBar()->value();
            scroll->ensureWidgetVisible(tabs);
            scroll->ensureWidgetVisible(m_labArea->summaryLabel()); // the summary above wins
            scroll->horizontalScrollBar()->setValue(left); // up or down only: wide rows stay
        }
    });
    restoreSettings();
    retranslate();
    showZoom();
    setPresenterMode(QSettings().value(Key::presenter, false).toBool());
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_runFiles = new RunFileActions(m_labArea, this);
    m_fileMenu->addAction(m_runFiles->openAction());
    m_fileMenu->addAction(m_runFiles->saveAction());
    m_fileMenu->addAction(m_runFiles->replayLastAction());
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcuts(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    m_zoomInAction = m_viewMenu->addAction(QString(), m_zoom, &ZoomController::zoomIn);
    m_zoomInAction->setShortcuts(
            { QKeySequence(QStringLiteral("Ctrl+=")), QKeySequence(QKeySequence::ZoomIn) });
    m_zoomOutAction = m_viewMenu->addAction(QString(), m_zoom, &ZoomController::zoomOut);
    m_zoomOutAction->setShortcuts(QKeySequence::ZoomOut);
    m_zoomResetAction = m_viewMenu->addAction(QString(), m_zoom, &ZoomController::reset);
    m_zoomResetAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+0")));
    m_deskAction = m_viewMenu->addAction(QString(), this, [this] {
        m_zoom->setPercent(100);
        showZoom(); // checked again even when the zoom was 100 % already
    });
    m_projectorAction = m_viewMenu->addAction(QString(), this, [this] {
        m_zoom->setPercent(ZoomController::presenterLevel());
        showZoom();
    });
    for (QAction *preset : { m_deskAction, m_projectorAction })
        preset->setCheckable(true);
    m_viewMenu->addSeparator();
    m_presenterAction = m_viewMenu->addAction(QString());
    m_presenterAction->setObjectName(QStringLiteral("presenterAction"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterMode);
    m_fullScreenAction = m_viewMenu->addAction(QString());
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen)
                          : (windowState() & ~Qt::WindowFullScreen));
    });
    connect(m_zoom, &ZoomController::zoomChanged, this, [this](int percent) {
        QSettings().setValue(Key::zoom, percent);
        showZoom();
    });

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    for (const QString &language : LanguageSwitcher::languages()) {
        QAction *action = m_languageMenu->addAction(LanguageSwitcher::nativeName(language));
        action->setCheckable(true);
        action->setData(language);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] { setLanguage(language); });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    for (QMenu *menu : { m_fileMenu, m_viewMenu, m_languageMenu, m_helpMenu })
        MenuStyle::apply(menu);
}

void MainWindow::createToolBars()
{
    // The lab's own actions (the panels keep the logic), one row, for presenter layout.
    m_labToolBar = new QToolBar(this);
    m_labToolBar->setObjectName(QStringLiteral("labToolBar"));
    m_labToolBar->setMovable(false);
    m_labToolBar->setFloatable(false);
    const ServerPanel *server = m_labArea->serverPanel();
    const TimePanel *time = m_labArea->timePanel();
    m_labToolBar->addAction(server->startAction());
    m_labToolBar->addAction(m_labArea->clientPanel()->addManyAction());
    m_labToolBar->addAction(time->pauseAction());
    m_labToolBar->addAction(time->stepAction());
    auto *speed = new ComboMirror(time->speedBox(), m_labToolBar);
    speed->setObjectName(QStringLiteral("toolbarSpeed"));
    m_labToolBar->addWidget(speed);
    m_labToolBar->addAction(time->resetAction());
    m_labToolBar->addSeparator();
    m_compareLabel = new QLabel(m_labToolBar);
    m_compareLabel->setObjectName(QStringLiteral("toolbarCompareLabel"));
    m_labToolBar->addWidget(m_compareLabel);
    auto *compare = new ComboMirror(server->compareBox(), m_labToolBar);
    compare->setObjectName(QStringLiteral("toolbarCompare"));
    m_labToolBar->addWidget(compare);
    addToolBar(Qt::TopToolBarArea, m_labToolBar);
    m_labToolBar->hide();

    m_viewToolBar = new QToolBar(this);
    m_viewToolBar->setObjectName(QStringLiteral("viewToolBar"));
    m_viewToolBar->setMovable(false);
    m_viewToolBar->setFloatable(false);
    m_viewToolBar->addAction(m_presenterAction);
    m_viewToolBar->addSeparator();
    m_viewToolBar->addAction(m_deskAction);
    m_viewToolBar->addAction(m_projectorAction);
    addToolBar(Qt::TopToolBarArea, m_viewToolBar);

    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    m_zoomLabel->setContentsMargins(0, 0, m_zoomLabel->fontMetrics().averageCharWidth(), 0);
    statusBar()->addPermanentWidget(m_zoomLabel);
    statusBar()->setSizeGripEnabled(false);
}

void MainWindow::showZoom()
{
    const int percent = m_zoom->percent();
    m_zoomLabel->setText(tr("Zoom %1 %").arg(percent));
    m_deskAction->setChecked(percent == 100);
    m_projectorAction->setChecked(percent == ZoomController::presenterLevel());
}

void MainWindow::setPresenterMode(bool on)
{
    if (m_presenterAction->isChecked() != on)
        m_presenterAction->setChecked(on); // toggled() calls here again; the check below ends it
    QSettings().setValue(Key::presenter, on);
    if (on == m_presenter)
        return;
    m_presenter = on;
    if (on)
        m_normalSplitter = m_splitter->saveState();
    m_navigator->setVisible(!on);
    m_strip->setVisible(on);
    m_strip->setLessonOpen(false);
    m_lessonView->setVisible(!on);
    m_labToolBar->setVisible(on);
    m_labArea->setPresenterMode(on);
    if (!on && !m_normalSplitter.isEmpty())
        m_splitter->restoreState(m_normalSplitter);
    showStrip();
}

void MainWindow::showStrip()
{
    const int row = m_navigator->currentRow();
    const QList<Lesson> lessons = m_catalog.lessons();
    m_strip->setHeading(row >= 0 && row < lessons.size()
                                ? QStringLiteral("%1. %2").arg(row + 1).arg(
                                        lessons.at(row).title(m_language->language()))
                                : QString());
    m_strip->setNote(m_labArea->pauseNote());
}

void MainWindow::fitToScreen()
{
    // On the screen the window is on, never wider or taller than what it leaves free (taskbar,
    // panels), with room for the window frame; a restored size is kept when it fits.
    const QScreen *screen = this->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    if (!m_restored) {
        // First start: the whole free area of the screen (a projector's 1920 px at 200 % needs
        // all of it for the lab's toolbar row). Not the maximized state: the user (and a test)
        // can still resize it.
        resize(available.size());
        move(available.topLeft());
        return;
    }
    const QSize size = this->size().boundedTo(available.size());
    resize(size);
    if (!available.contains(frameGeometry()))
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    // The first layout resizes the lesson's text many times: it opens at its top afterwards.
    QTimer::singleShot(0, m_lessonView, &LessonView::scrollToTop);
}

void MainWindow::retranslate()
{
    m_shownLanguage = m_language->language();
    m_labArea->setLanguage(m_shownLanguage);
    setWindowTitle(tr("SocketLab — Python sockets, live"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_runFiles->retranslate();
    m_viewMenu->setTitle(tr("&View"));
    m_zoomInAction->setText(tr("Zoom &In"));
    m_zoomOutAction->setText(tr("Zoom &Out"));
    m_zoomResetAction->setText(tr("&Reset Zoom"));
    m_fullScreenAction->setText(tr("&Full Screen"));
    m_deskAction->setText(tr("&Desk (100 %)"));
    m_deskAction->setToolTip(tr("Text at its normal size, for working at a desk"));
    m_projectorAction->setText(tr("Pro&jector (200 %)"));
    m_projectorAction->setToolTip(tr("Text twice as large, for a projector or a large screen"));
    m_presenterAction->setText(tr("&Presenter Layout"));
    m_presenterAction->setToolTip(
            tr("The lab fills the window; the lesson folds into a strip (F5)"));
    m_labToolBar->setWindowTitle(tr("Lab controls"));
    m_viewToolBar->setWindowTitle(tr("View"));
    m_compareLabel->setText(tr("Compare with"));
    showZoom();
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About SocketLab"));
    m_navigator->setAccessibleName(tr("Lessons"));
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == m_language->language());
    fillNavigator();
    showCurrentLesson();
}

void MainWindow::fillNavigator()
{
    const QSignalBlocker blocker(m_navigator);
    const int current = qMax(0, m_navigator->currentRow());
    m_navigator->clear();
    const QString language = m_language->language();
    const QList<Lesson> lessons = m_catalog.lessons();
    for (int i = 0; i < lessons.size(); ++i) {
        const Lesson &lesson = lessons.at(i);
        auto *item = new QListWidgetItem(m_navigator);
        item->setData(Qt::UserRole, lesson.id());
        showProgress(i);
        if (!lesson.issues().isEmpty())
            item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    }
    if (!lessons.isEmpty())
        m_navigator->setCurrentRow(qMin(current, int(lessons.size()) - 1));
}

void MainWindow::showProgress(int row)
{
    QListWidgetItem *item = m_navigator->item(row);
    const QList<Lesson> lessons = m_catalog.lessons();
    if (!item || row >= lessons.size())
        return;
    const Lesson &lesson = lessons.at(row);
    const LessonProgress progress = LessonProgress::of(lesson);
    // "✓ 3. Title" once every question was answered right; under the title what was done.
    QString text = QStringLiteral("%1%2. %3")
                           .arg(progress.complete() ? QStringLiteral("✓ ") : QString())
                           .arg(row + 1)
                           .arg(lesson.title(m_language->language()));
    QStringList done;
    if (progress.answered > 0)
        done << tr("quiz: %1 of %2 right").arg(progress.right).arg(progress.questions);
    if (progress.ran)
        done << tr("experiment run");
    if (done.isEmpty() && progress.opened)
        done << tr("opened");
    if (!done.isEmpty())
        text += QLatin1Char('\n') + done.join(QStringLiteral(" · "));
    item->setText(text);
    item->setToolTip(lesson.issues().isEmpty()
                             ? QString()
                             : tr("Some files of this lesson could not be read."));
}

void MainWindow::showCurrentLesson()
{
    const int row = m_navigator->currentRow();
    const QList<Lesson> lessons = m_catalog.lessons();
    if (row < 0 || row >= lessons.size()) {
        m_lessonView->clear();
        return;
    }
    LessonProgress::markOpened(lessons.at(row).id());
    showProgress(row);
    m_lessonView->showLesson(lessons.at(row), m_language->language());
    m_labArea->setExample(lessons.at(row).exampleCode());
    QSettings().setValue(Key::lesson, lessons.at(row).id());
    showStrip();
}

void MainWindow::selectLesson(int index)
{
    m_navigator->setCurrentRow(index);
}

QString MainWindow::currentLessonId() const
{
    const QListWidgetItem *item = m_navigator->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void MainWindow::setLanguage(const QString &language)
{
    // The translator switch sends LanguageChange to every widget; the window retranslates here at
    // once so its state is right even when the switch changed nothing (e.g. a missing catalogue).
    m_language->setLanguage(language);
    QSettings().setValue(Key::language, m_language->language());
    if (m_shownLanguage != m_language->language())
        retranslate();
}

void MainWindow::changeEvent(QEvent *event)
{
    // Qt sends LanguageChange for each translator installed or removed: translate once per switch.
    if (event->type() == QEvent::LanguageChange && m_fileMenu
        && m_shownLanguage != m_language->language())
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (settings.contains(Key::geometry)) {
        m_restored = restoreGeometry(settings.value(Key::geometry).toByteArray());
        fitToScreen();
    }
    if (settings.contains(Key::splitter))
        m_splitter->restoreState(settings.value(Key::splitter).toByteArray());
    m_language->setLanguage(settings.value(Key::language, QStringLiteral("en")).toString());
    m_zoom->setPercent(settings.value(Key::zoom, 100).toInt());
    const int index = m_catalog.indexOf(settings.value(Key::lesson).toString());
    if (index >= 0)
        m_navigator->setCurrentRow(index);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(Key::geometry, saveGeometry());
    // The three panes as the normal layout has them, also when presenter layout hides two.
    settings.setValue(Key::splitter,
                      m_presenter && !m_normalSplitter.isEmpty() ? m_normalSplitter
                                                                 : m_splitter->saveState());
    settings.setValue(Key::presenter, m_presenter);
    settings.setValue(Key::language, m_language->language());
    settings.setValue(Key::zoom, m_zoom->percent());
    settings.setValue(Key::lesson, currentLessonId());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
            this, tr("About SocketLab"),
            tr("<h3>SocketLab %1</h3>"
               "<p>Python socket programming, taught beside real sockets on this machine.</p>"
               "<p>Qt %2<br>Kernel: %3 %4</p>")
                    .arg(QStringLiteral(SOCKETLAB_VERSION), QString::fromLatin1(qVersion()),
                         QSysInfo::kernelType(), QSysInfo::kernelVersion()));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!RunFileActions::runFileIn(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = RunFileActions::runFileIn(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop has returned to the dragging program: the file is read meanwhile.
    QTimer::singleShot(0, this, [this, path] { m_runFiles->openRunShowingErrors(path); });
}

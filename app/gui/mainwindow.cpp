#include "mainwindow.h"

#include "lab/labsession.h"
#include "labarea.h"
#include "languageswitcher.h"
#include "lessonview.h"
#include "quizview.h"
#include "timelineview.h"
#include "zoomcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QSysInfo>
#include <QTabWidget>

namespace Key {
const QString geometry = QStringLiteral("window/geometry");
const QString splitter = QStringLiteral("window/splitter");
const QString language = QStringLiteral("ui/language");
const QString zoom = QStringLiteral("ui/zoom");
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
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);
    resize(1280, 800);
    m_splitter->setSizes({ 220, 540, 620 });

    createMenus();
    m_lessonView->setCatalogIssues(m_catalog.issues());
    fillNavigator();
    connect(m_navigator, &QListWidget::currentRowChanged, this, &MainWindow::showCurrentLesson);
    connect(m_lessonView, &LessonView::experimentRequested, m_labArea, &LabArea::runExperiment);
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
        if (auto *scroll
            = m_labArea->findChild<QScrollArea *>(QString(), Qt::FindDirectChildrenOnly)) {
            const int left = scroll->horizontalScrollBar()->value();
            scroll->ensureWidgetVisible(tabs);
            scroll->ensureWidgetVisible(m_labArea->summaryLabel()); // the summary above wins
            scroll->horizontalScrollBar()->setValue(left); // up or down only: wide rows stay
        }
    });
    restoreSettings();
    retranslate();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
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
    m_viewMenu->addSeparator();
    m_fullScreenAction = m_viewMenu->addAction(QString());
    m_fullScreenAction->setCheckable(true);
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_fullScreenAction, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? (windowState() | Qt::WindowFullScreen)
                          : (windowState() & ~Qt::WindowFullScreen));
    });
    connect(m_zoom, &ZoomController::zoomChanged, this,
            [](int percent) { QSettings().setValue(Key::zoom, percent); });

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
}

void MainWindow::retranslate()
{
    m_shownLanguage = m_language->language();
    m_labArea->setLanguage(m_shownLanguage);
    setWindowTitle(tr("SocketLab — Python sockets, live"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_zoomInAction->setText(tr("Zoom &In"));
    m_zoomOutAction->setText(tr("Zoom &Out"));
    m_zoomResetAction->setText(tr("&Reset Zoom"));
    m_fullScreenAction->setText(tr("&Full Screen"));
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
        auto *item = new QListWidgetItem(
                QStringLiteral("%1. %2").arg(i + 1).arg(lesson.title(language)), m_navigator);
        item->setData(Qt::UserRole, lesson.id());
        if (!lesson.issues().isEmpty()) {
            item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
            item->setToolTip(tr("Some files of this lesson could not be read."));
        }
    }
    if (!lessons.isEmpty())
        m_navigator->setCurrentRow(qMin(current, int(lessons.size()) - 1));
}

void MainWindow::showCurrentLesson()
{
    const int row = m_navigator->currentRow();
    const QList<Lesson> lessons = m_catalog.lessons();
    if (row < 0 || row >= lessons.size()) {
        m_lessonView->clear();
        return;
    }
    m_lessonView->showLesson(lessons.at(row), m_language->language());
    m_labArea->setExample(lessons.at(row).exampleCode());
    QSettings().setValue(Key::lesson, lessons.at(row).id());
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
    if (settings.contains(Key::geometry))
        restoreGeometry(settings.value(Key::geometry).toByteArray());
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
    settings.setValue(Key::splitter, m_splitter->saveState());
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

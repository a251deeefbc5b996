// The window on small and projected screens, offscreen: at 1366×768 and 100 % and at 1920×1080 and
// 200 %, in the normal and the presenter layout, in English and Chinese, with a stage that asks for
// more room than there is, nothing lies outside the window, nothing scrolls sideways and no text is
// cut. Presenter layout (F5) is remembered; its toolbar drives the panels' own controls; the zoom
// presets and the zoom shown; menus unelided at 300 %.
#include "clientpanel.h"
#include "combomirror.h"
#include "fontsetup.h"
#include "lab/labsession.h"
#include "labarea.h"
#include "languageswitcher.h"
#include "lessonstrip.h"
#include "lessonview.h"
#include "mainwindow.h"
#include "serverpanel.h"
#include "timepanel.h"
#include "zoomcontroller.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPaintEngine>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>

namespace {

// Stands in for the stage view: asks for far more room than any screen has.
class GreedyStage final : public QWidget
{
public:
    QSize sizeHint() const override { return { 2600, 1800 }; }
    QSize minimumSizeHint() const override { return { 2400, 1600 }; }
};

// Records the text a widget draws, as drawn (after any elision by the style).
class TextRecorder final : public QPaintEngine
{
public:
    TextRecorder() : QPaintEngine(QPaintEngine::AllFeatures) { }
    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState &) override { }
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
    void drawRects(const QRect *, int) override { }
    void drawRects(const QRectF *, int) override { }
    void drawLines(const QLine *, int) override { }
    void drawLines(const QLineF *, int) override { }
    void drawEllipse(const QRectF &) override { }
    void drawEllipse(const QRect &) override { }
    void drawPath(const QPainterPath &) override { }
    void drawPoints(const QPointF *, int) override { }
    void drawPoints(const QPoint *, int) override { }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }
    void drawPolygon(const QPoint *, int, PolygonDrawMode) override { }
    void drawTiledPixmap(const QRectF &, const QPixmap &, const QPointF &) override { }
    void drawImage(const QRectF &, const QImage &, const QRectF &,
                   Qt::ImageConversionFlags) override
    { }
    void drawTextItem(const QPointF &, const QTextItem &item) override { texts << item.text(); }
    Type type() const override { return QPaintEngine::User; }
    QStringList texts;
};

class RecordingDevice final : public QPaintDevice
{
public:
    explicit RecordingDevice(QSize size) : m_size(size) { }
    QPaintEngine *paintEngine() const override { return &m_engine; }
    QStringList texts() const { return m_engine.texts; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDepth:
            return 32;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        case PdmNumColors:
            return 0x7fffffff;
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        }
        return 0;
    }

private:
    QSize m_size;
    mutable TextRecorder m_engine;
};

void settle(QWidget *window)
{
    for (int round = 0; round < 4; ++round) {
        QApplication::sendPostedEvents();
        QApplication::processEvents();
        if (window->layout())
            window->layout()->activate();
    }
}

QString describe(const QWidget *widget)
{
    QString text;
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    else if (const auto *label = qobject_cast<const QLabel *>(widget))
        text = label->text().left(40);
    return QStringLiteral("%1 \"%2\" (%3)")
            .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName(),
                 text);
}

// Inside a scroll area's viewport a widget may lie below the fold (the area scrolls up and
// down), but never beside it.
const QWidget *scrolledIn(const QWidget *widget, const QWidget *window)
{
    for (const QWidget *w = widget->parentWidget(); w && w != window; w = w->parentWidget()) {
        if (const auto *area = qobject_cast<const QAbstractScrollArea *>(w->parentWidget());
            area && area->viewport() == w)
            return w;
    }
    return nullptr;
}

// Everything wrong with what the window shows: each entry names the widget.
QStringList layoutProblems(QMainWindow *window)
{
    QStringList problems;
    const QRect bounds = window->rect();
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->window() != window || widget->size().isEmpty())
            continue;
        const QRect rect(widget->mapTo(window, QPoint(0, 0)), widget->size());
        if (const QWidget *viewport = scrolledIn(widget, window)) {
            const QRect port(viewport->mapTo(window, QPoint(0, 0)), viewport->size());
            if (rect.left() < port.left() - 1 || rect.right() > port.right() + 1)
                problems << QStringLiteral("beside its scroll area: %1 at %2,%3 %4 wide, the "
                                           "area %5..%6")
                                    .arg(describe(widget))
                                    .arg(rect.x())
                                    .arg(rect.y())
                                    .arg(rect.width())
                                    .arg(port.left())
                                    .arg(port.right());
            continue;
        }
        if (!bounds.contains(rect))
            problems << QStringLiteral("outside the window: %1 at %2,%3 %4×%5")
                                .arg(describe(widget))
                                .arg(rect.x())
                                .arg(rect.y())
                                .arg(rect.width())
                                .arg(rect.height());
    }
    for (QScrollBar *bar : window->findChildren<QScrollBar *>()) {
        if (bar->isVisible() && bar->orientation() == Qt::Horizontal && bar->maximum() > 0)
            problems << QStringLiteral("scrolls sideways: %1 in %2")
                                .arg(describe(bar), describe(bar->parentWidget()->parentWidget()));
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (!button->isVisible() || button->text().isEmpty())
            continue;
        if (button->sizeHint().width() > button->width())
            problems << QStringLiteral("button text cut: %1 needs %2, has %3")
                                .arg(describe(button))
                                .arg(button->sizeHint().width())
                                .arg(button->width());
        // An extension button means a toolbar or menu bar hides some of its items.
        if (button->objectName() == QLatin1String("qt_toolbar_ext_button")
            || button->objectName() == QLatin1String("qt_menubar_ext_button"))
            problems << QStringLiteral("items hidden behind %1").arg(describe(button));
    }
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        if (label->wordWrap()) {
            const int needed = label->heightForWidth(label->width());
            if (needed > label->height())
                problems << QStringLiteral("wrapped label cut: %1 needs %2 high, has %3")
                                    .arg(describe(label))
                                    .arg(needed)
                                    .arg(label->height());
        } else if (label->sizeHint().width() > label->width()) {
            problems << QStringLiteral("label cut: %1 needs %2, has %3")
                                .arg(describe(label))
                                .arg(label->sizeHint().width())
                                .arg(label->width());
        }
    }
    for (QComboBox *combo : window->findChildren<QComboBox *>()) {
        if (combo->isVisible() && combo->minimumSizeHint().width() > combo->width())
            problems << QStringLiteral("combo box squeezed: %1").arg(describe(combo));
    }
    for (QTabBar *bar : window->findChildren<QTabBar *>()) {
        if (!bar->isVisible())
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            if (!bar->rect().contains(bar->tabRect(i)))
                problems << QStringLiteral("tab \"%1\" cut off").arg(bar->tabText(i));
        }
    }
    return problems;
}

} // namespace

class TestPresenter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;

    static QString shippedDir() { return QStringLiteral(SOCKETLAB_SOURCE_DIR "/lessons"); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_presenter"));
        FontSetup::apply();
    }

    void init() { QSettings().clear(); }

    void everythingFits_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("zoom");
        QTest::addColumn<bool>("presenter");
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("stage");
        for (const auto &[size, zoom] :
             { std::pair{ QSize(1366, 768), 100 }, std::pair{ QSize(1920, 1080), 200 } }) {
            for (const bool presenter : { false, true }) {
                for (const QString &language : LanguageSwitcher::languages()) {
                    for (const bool stage : { true, false }) {
                        QTest::addRow("%dx%d@%d%%-%s-%s-%s", size.width(), size.height(), zoom,
                                      presenter ? "presenter" : "normal", qPrintable(language),
                                      stage ? "stage" : "nostage")
                                << size << zoom << presenter << language << stage;
                    }
                }
            }
        }
    }

    void everythingFits()
    {
        QFETCH(QSize, size);
        QFETCH(int, zoom);
        QFETCH(bool, presenter);
        QFETCH(QString, language);
        QFETCH(bool, stage);
        MainWindow window(shippedDir());
        GreedyStage greedy;
        if (stage)
            window.labArea()->setStageView(&greedy);
        window.setLanguage(language);
        window.zoom()->setPercent(zoom);
        window.setPresenterMode(presenter);
        window.resize(size);
        window.show();
        settle(&window);
        QCOMPARE(window.size(), size); // nothing asks for more than the screen has
        QCOMPARE(window.isPresenterMode(), presenter);
        if (stage) {
            // The stage has most of the lab's height, and no more than the lab's width.
            QVERIFY(greedy.isVisible());
            QVERIFY2(greedy.height() * 2 > window.labArea()->stageSplitter()->height(),
                     qPrintable(QString::number(greedy.height())));
            QVERIFY(greedy.width() <= window.labArea()->width());
        }
        const QStringList problems = layoutProblems(&window);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        window.labArea()->setStageView(nullptr); // greedy dies first
    }

    void presenterLayoutIsToggledByF5AndRemembered()
    {
        QList<int> normalSizes;
        {
            MainWindow window(shippedDir());
            window.resize(1366, 768);
            window.show();
            settle(&window);
            QVERIFY(!window.isPresenterMode());
            QVERIFY(window.navigator()->isVisible());
            QVERIFY(window.lessonView()->isVisible());
            QVERIFY(!window.lessonStrip()->isVisible());
            QVERIFY(!window.labToolBar()->isVisible());
            QVERIFY(window.labArea()->serverPanel()->isVisible());
            normalSizes = window.splitter()->sizes();

            QTest::keyClick(&window, Qt::Key_F5);
            settle(&window);
            QVERIFY(window.isPresenterMode());
            QVERIFY(window.presenterAction()->isChecked());
            QVERIFY(!window.navigator()->isVisible());
            QVERIFY(!window.lessonView()->isVisible());
            QVERIFY(window.lessonStrip()->isVisible());
            QVERIFY(window.labToolBar()->isVisible());
            QVERIFY(!window.labArea()->serverPanel()->isVisible());
            QVERIFY(!window.labArea()->clientPanel()->isVisible());
            QVERIFY(!window.labArea()->timePanel()->pauseButton()->isVisible());
            QVERIFY(window.labArea()->tabs()->isVisibleTo(&window)); // below, still there
            QCOMPARE(window.lessonStrip()->headingLabel()->text(),
                     QStringLiteral("1. ")
                             + window.catalog().lessons().at(0).title(QStringLiteral("en")));
            // The strip opens the lesson on demand, and folds it again.
            window.lessonStrip()->toggleButton()->click();
            QVERIFY(window.lessonView()->isVisible());
            window.lessonStrip()->toggleButton()->click();
            QVERIFY(!window.lessonView()->isVisible());
            QCOMPARE(QSettings().value(QStringLiteral("ui/presenter")).toBool(), true);
            window.close();
        }
        MainWindow second(shippedDir());
        second.resize(1366, 768);
        second.show();
        settle(&second);
        QVERIFY(second.isPresenterMode());
        QVERIFY(second.lessonStrip()->isVisible());
        QVERIFY(!second.navigator()->isVisible());
        QTest::keyClick(&second, Qt::Key_F5);
        settle(&second);
        // Back to the normal layout as it was.
        QVERIFY(!second.isPresenterMode());
        QVERIFY(second.navigator()->isVisible());
        QVERIFY(second.lessonView()->isVisible());
        QVERIFY(!second.lessonStrip()->isVisible());
        QVERIFY(!second.labToolBar()->isVisible());
        QVERIFY(second.labArea()->serverPanel()->isVisible());
        QVERIFY(second.labArea()->timePanel()->pauseButton()->isVisible());
        QCOMPARE(second.splitter()->sizes(), normalSizes);
        QCOMPARE(QSettings().value(QStringLiteral("ui/presenter")).toBool(), false);
    }

    void stripShowsThePauseNote()
    {
        MainWindow window(shippedDir());
        window.resize(1366, 768);
        window.show();
        window.setPresenterMode(true);
        LessonStrip *strip = window.lessonStrip();
        QVERIFY(!strip->noteLabel()->isVisible()); // no pause point: no note line
        const QJsonObject experiment = QJsonDocument::fromJson(R"({
            "servers": [ { "model": "blocking", "handler": "sleep-echo", "delay": 1 } ],
            "clients": { "count": 2 },
            "pauses": [ { "at_s": 0.3, "note": { "en": "Look at the queue.", "zh_CN": "看队列。" } } ]
        })")
                                               .object();
        QVERIFY(window.labArea()->runExperiment(experiment));
        QTRY_VERIFY(strip->noteLabel()->isVisible());
        QVERIFY2(strip->noteLabel()->text().contains(QStringLiteral("Look at the queue.")),
                 qPrintable(strip->noteLabel()->text()));
        QCOMPARE(strip->noteLabel()->text(), window.labArea()->pauseNote());
        // Resumed: the note is no longer true of the lab, and goes.
        window.labArea()->timePanel()->pauseAction()->trigger();
        QTRY_VERIFY(!strip->noteLabel()->isVisible());
        QVERIFY(window.labArea()->pauseNote().isEmpty());
        window.labArea()->reset();
    }

    void leavingPresenterLayoutRestoresTheStageSplit()
    {
        MainWindow window(shippedDir());
        GreedyStage greedy;
        window.labArea()->setStageView(&greedy);
        window.resize(1366, 768);
        window.show();
        settle(&window);
        QSplitter *split = window.labArea()->stageSplitter();
        const QList<int> sizes = split->sizes();
        QVERIFY(sizes.value(0) > sizes.value(1)); // most of the height for the stage
        window.setPresenterMode(true);
        settle(&window);
        window.setPresenterMode(false);
        settle(&window);
        QCOMPARE(split->sizes(), sizes);
        window.labArea()->setStageView(nullptr);
        QVERIFY(!window.labArea()->findChild<QWidget *>(QStringLiteral("stageHost"))->isVisible());
    }

    void toolbarDrivesThePanels()
    {
        MainWindow window(shippedDir());
        window.resize(1366, 768);
        window.show();
        window.setPresenterMode(true);
        settle(&window);
        LabArea *lab = window.labArea();
        QToolBar *bar = window.labToolBar();
        const auto button = [bar](QAction *action) {
            return qobject_cast<QToolButton *>(bar->widgetForAction(action));
        };

        // Start: the panel's own Start button ran, the server listens, the text follows.
        QToolButton *start = button(lab->serverPanel()->startAction());
        QVERIFY(start && start->isVisible());
        QCOMPARE(start->text(), lab->serverPanel()->startButton()->text());
        auto *compare = bar->findChild<ComboMirror *>(QStringLiteral("toolbarCompare"));
        QVERIFY(compare && compare->isEnabled());
        start->click();
        QTRY_VERIFY(lab->session()->isServerRunning());
        QCOMPARE(start->text(), lab->serverPanel()->startButton()->text());
        QCOMPARE(start->text(), QStringLiteral("Stop server"));
        QVERIFY(!compare->isEnabled()); // no other class while one listens, as in the panel

        // Pause and step: one state with the panel's buttons, both ways.
        QToolButton *pause = button(lab->timePanel()->pauseAction());
        QToolButton *step = button(lab->timePanel()->stepAction());
        QVERIFY(!step->isEnabled());
        pause->click();
        QVERIFY(lab->timePanel()->pauseButton()->isChecked());
        QVERIFY(lab->session()->isPaused());
        QVERIFY(step->isEnabled());
        lab->timePanel()->pauseButton()->click();
        QVERIFY(!pause->isChecked());
        QVERIFY(!step->isEnabled());

        // Speed: the toolbar's box is the panel's box.
        auto *speed = bar->findChild<ComboMirror *>(QStringLiteral("toolbarSpeed"));
        QVERIFY(speed);
        QCOMPARE(speed->count(), lab->timePanel()->speedBox()->count());
        speed->setCurrentIndex(2);
        emit speed->activated(2);
        QCOMPARE(lab->timePanel()->speedBox()->currentIndex(), 2);
        lab->timePanel()->speedBox()->setCurrentIndex(1);
        QCOMPARE(speed->currentIndex(), 1);

        // Add clients names how many, and adds them.
        lab->clientPanel()->countBox()->setValue(3);
        QToolButton *add = button(lab->clientPanel()->addManyAction());
        QCOMPARE(add->text(), QStringLiteral("Add 3 clients"));
        add->click();
        QTRY_COMPARE(lab->clientTable()->model()->rowCount(), 3);

        // Reset: everything stops, the compare box is free again.
        button(lab->timePanel()->resetAction())->click();
        QTRY_VERIFY(!lab->session()->isServerRunning());
        QVERIFY(compare->isEnabled());
        compare->setCurrentIndex(2);
        emit compare->activated(2);
        QCOMPARE(lab->serverPanel()->compareBox()->currentIndex(), 2);
    }

    void zoomPresetsAndZoomShown()
    {
        MainWindow window(shippedDir());
        window.show();
        QCOMPARE(window.zoomLabel()->text(), QStringLiteral("Zoom 100 %"));
        QVERIFY(window.deskZoomAction()->isChecked());
        QVERIFY(!window.projectorZoomAction()->isChecked());
        QVERIFY(window.viewToolBar()->actions().contains(window.projectorZoomAction()));
        QVERIFY(window.viewToolBar()->actions().contains(window.presenterAction()));
        window.projectorZoomAction()->trigger();
        QCOMPARE(window.zoom()->percent(), 200);
        QCOMPARE(window.zoomLabel()->text(), QStringLiteral("Zoom 200 %"));
        QVERIFY(window.projectorZoomAction()->isChecked());
        QVERIFY(!window.deskZoomAction()->isChecked());
        window.projectorZoomAction()->trigger(); // again: stays 200 % and checked
        QVERIFY(window.projectorZoomAction()->isChecked());
        window.zoom()->zoomIn();
        QCOMPARE(window.zoomLabel()->text(), QStringLiteral("Zoom 250 %"));
        QVERIFY(!window.projectorZoomAction()->isChecked());
        window.deskZoomAction()->trigger();
        QCOMPARE(window.zoom()->percent(), 100);
        QVERIFY(window.deskZoomAction()->isChecked());
        window.setLanguage(QStringLiteral("zh_CN"));
        QVERIFY(window.zoomLabel()->text().contains(QStringLiteral("100 %")));
    }

    void menusReadableAt300Percent_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : LanguageSwitcher::languages())
            QTest::newRow(qPrintable(language)) << language;
    }

    void menusReadableAt300Percent()
    {
        QFETCH(QString, language);
        MainWindow window(shippedDir());
        window.setLanguage(language);
        window.zoom()->setPercent(300);
        window.resize(1920, 1000);
        window.show();
        settle(&window);
        QCOMPARE(window.zoom()->percent(), 300);
        // Every menu title in the bar, none behind an extension button.
        for (QAction *action : window.menuBar()->actions())
            QVERIFY2(window.menuBar()->actionGeometry(action).right() < window.menuBar()->width(),
                     qPrintable(action->text()));
        if (auto *more
            = window.menuBar()->findChild<QToolButton *>(QStringLiteral("qt_menubar_ext_button")))
            QVERIFY(!more->isVisible());
        QList<QMenu *> menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->menu();
        menus << window.labArea()->findChild<QToolButton *>(QStringLiteral("exportButton"))->menu();
        for (QMenu *menu : menus) {
            QVERIFY(menu);
            menu->ensurePolished();
            menu->adjustSize();
            RecordingDevice device(menu->size());
            menu->render(&device);
            const QStringList drawn = device.texts();
            const QString all = drawn.join(QString()); // a mnemonic splits a text in pieces
            // Every item's whole text is drawn: an elided one ("En…sh") would not be.
            for (QAction *action : menu->actions()) {
                if (action->isSeparator() || !action->isVisible())
                    continue;
                QString text = action->text();
                text.remove(QRegularExpression(QStringLiteral("\\(&.\\)|&"))); // mnemonics
                QVERIFY2(all.contains(text),
                         qPrintable(QStringLiteral("%1 not in %2").arg(text, drawn.join(u'|'))));
            }
        }
    }

    void windowOpensWithinTheScreenAndTheLessonAtItsTop()
    {
        MainWindow window(shippedDir());
        const QRect available = window.screen()->availableGeometry();
        QVERIFY(window.width() <= available.width());
        QVERIFY(window.height() <= available.height());
        QVERIFY(window.width() >= available.width() * 8 / 10);
        window.show();
        settle(&window);
        QTRY_COMPARE(window.lessonView()->browser()->verticalScrollBar()->value(), 0);
        QCOMPARE(window.lessonView()->browser()->textCursor().position(), 0);
    }
};

// The offscreen platform's screen is 800×600 unless told otherwise: give it a 1920×1080 one, so
// the window opens as it would there.
int main(int argc, char *argv[])
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile file(config);
    if (dir.isValid() && file.open(QIODevice::WriteOnly)) {
        file.write(R"({"screens": [{"name": "wide", "x": 0, "y": 0, "width": 1920,)"
                   R"( "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
        file.close();
        if (qgetenv("QT_QPA_PLATFORM") == "offscreen")
            qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    }
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    TestPresenter test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_presenter.moc"

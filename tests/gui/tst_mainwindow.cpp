// The window, offscreen: lessons listed and shown, Markdown rendered (headings, code, tables,
// images), live language switch, zoom, fallback notice, named errors, and settings that persist.
#include "fontsetup.h"
#include "labarea.h"
#include "languageswitcher.h"
#include "lessonview.h"
#include "mainwindow.h"
#include "zoomcontroller.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFontDatabase>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextTable>

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;

    static QString shippedDir() { return QStringLiteral(SOCKETLAB_SOURCE_DIR "/lessons"); }

    static void writeFile(const QString &path, const QByteArray &data)
    {
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    }

    static QString menuTitle(MainWindow &window, int index)
    {
        return window.menuBar()->actions().value(index)->text();
    }

    // The first block of the lesson document whose text contains needle.
    static QTextBlock findBlock(QTextDocument *document, const QString &needle)
    {
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
            if (block.text().contains(needle))
                return block;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        FontSetup::apply();
    }

    void init() { QSettings().clear(); }

    void listsLessonsAndShowsTheSelectedOne()
    {
        MainWindow window(shippedDir());
        window.show();
        const QList<Lesson> lessons = window.catalog().lessons();
        QVERIFY(lessons.size() >= 2);
        QCOMPARE(window.navigator()->count(), lessons.size());
        for (int i = 0; i < lessons.size(); ++i) {
            QVERIFY(window.navigator()->item(i)->text().contains(
                    lessons.at(i).title(QStringLiteral("en"))));
        }
        window.selectLesson(1);
        QCOMPARE(window.currentLessonId(), lessons.at(1).id());
        const QString shown = window.lessonView()->browser()->toPlainText();
        QVERIFY(shown.startsWith(lessons.at(1).title(QStringLiteral("en"))));
        QVERIFY(!window.lessonView()->notice()->isVisibleTo(&window));
        QVERIFY(!window.lessonView()->problems()->isVisibleTo(&window));
        QVERIFY(window.labArea()->title().contains(QLatin1String("Lab")));
    }

    void rendersMarkdown()
    {
        QTemporaryDir dir;
        QImage picture(16, 8, QImage::Format_RGB32);
        picture.fill(Qt::red);
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("md"))));
        QVERIFY(picture.save(dir.filePath(QStringLiteral("md/diagram.png"))));
        writeFile(dir.filePath(QStringLiteral("catalog.json")), R"({"lessons": ["md"]})");
        writeFile(dir.filePath(QStringLiteral("md/en.md")),
                  "# Heading one\n\nSome text.\n\n## Heading two\n\n"
                  "```python\nsk.listen(5)\n```\n\n"
                  "| backlog | queued |\n|---|---|\n| 0 | 1 |\n| 5 | 6 |\n\n"
                  "![diagram](diagram.png)\n");
        MainWindow window(dir.path());
        window.show();
        QTextDocument *document = window.lessonView()->browser()->document();

        QCOMPARE(findBlock(document, QStringLiteral("Heading one")).blockFormat().headingLevel(),
                 1);
        QCOMPARE(findBlock(document, QStringLiteral("Heading two")).blockFormat().headingLevel(),
                 2);
        const QTextBlock code = findBlock(document, QStringLiteral("sk.listen(5)"));
        QVERIFY(code.isValid());
        QVERIFY(QFontInfo(code.charFormat().font()).fixedPitch()
                || code.charFormat().fontFixedPitch());
        const QTextBlock cell = findBlock(document, QStringLiteral("backlog"));
        QTextTable *table = QTextCursor(cell).currentTable();
        QVERIFY(table);
        QCOMPARE(table->rows(), 3);
        QCOMPARE(table->columns(), 2);
        const QVariant image = window.lessonView()->browser()->loadResource(
                QTextDocument::ImageResource, QUrl(QStringLiteral("diagram.png")));
        QVERIFY(image.isValid());
        QCOMPARE(QImage::fromData(image.toByteArray()).size(), QSize(16, 8));
    }

    void switchesLanguageLive()
    {
        MainWindow window(shippedDir());
        window.show();
        window.selectLesson(0);
        const Lesson lesson = window.catalog().lessons().constFirst();
        QCOMPARE(menuTitle(window, 0), QStringLiteral("&File"));

        // Through the menu, as a user would.
        QAction *chinese = nullptr;
        for (QAction *action : window.menuBar()->actions().value(2)->menu()->actions()) {
            if (action->data().toString() == QLatin1String("zh_CN"))
                chinese = action;
        }
        QVERIFY(chinese);
        chinese->trigger();
        QTRY_COMPARE(menuTitle(window, 0), QStringLiteral("文件(&F)"));
        QCOMPARE(menuTitle(window, 1), QStringLiteral("视图(&V)"));
        QCOMPARE(menuTitle(window, 3), QStringLiteral("帮助(&H)"));
        QTRY_COMPARE(window.labArea()->title(), QStringLiteral("实验室")); // via LanguageChange
        QVERIFY(window.lessonView()->browser()->toPlainText().startsWith(
                lesson.title(QStringLiteral("zh_CN"))));
        QVERIFY(window.navigator()->item(0)->text().contains(
                lesson.title(QStringLiteral("zh_CN"))));
        QVERIFY(chinese->isChecked());

        window.setLanguage(QStringLiteral("en"));
        QTRY_COMPARE(menuTitle(window, 0), QStringLiteral("&File"));
        QVERIFY(window.lessonView()->browser()->toPlainText().startsWith(
                lesson.title(QStringLiteral("en"))));
    }

    void zoomScalesUiAndLessonFonts()
    {
        MainWindow window(shippedDir());
        window.show();
        window.selectLesson(1);
        QTextBrowser *browser = window.lessonView()->browser();
        const qreal uiBefore = window.navigator()->font().pointSizeF();
        const qreal lessonBefore = QFontInfo(browser->document()->defaultFont()).pointSizeF();
        QVERIFY(uiBefore > 0);

        QAction *zoomIn = window.menuBar()->actions().value(1)->menu()->actions().value(0);
        QVERIFY(zoomIn->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+="))));
        zoomIn->trigger();
        zoomIn->trigger();
        QCOMPARE(window.zoom()->percent(), 125);
        QTRY_VERIFY(window.navigator()->font().pointSizeF() > uiBefore * 1.2);
        QTRY_VERIFY(QFontInfo(browser->document()->defaultFont()).pointSizeF()
                    > lessonBefore * 1.2);

        window.zoom()->zoomOut();
        QCOMPARE(window.zoom()->percent(), 110);
        window.zoom()->reset();
        QCOMPARE(window.zoom()->percent(), 100);
        QTRY_COMPARE(window.navigator()->font().pointSizeF(), uiBefore);
    }

    void missingTranslationShowsNotice()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("catalog.json")), R"({"lessons": ["x"]})");
        writeFile(dir.filePath(QStringLiteral("x/en.md")), "# English only\n\nBody.\n");
        MainWindow window(dir.path());
        window.show();
        QVERIFY(!window.lessonView()->notice()->isVisibleTo(&window));
        window.setLanguage(QStringLiteral("zh_CN"));
        QTRY_VERIFY(window.lessonView()->notice()->isVisibleTo(&window));
        QVERIFY(window.lessonView()->notice()->text().contains(QStringLiteral("中文")));
        QVERIFY(window.lessonView()->browser()->toPlainText().startsWith(
                QStringLiteral("English only")));
    }

    void brokenFilesAreNamedAndOthersStillShown()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("catalog.json")),
                  R"({"lessons": ["good", "bad", 3]})");
        writeFile(dir.filePath(QStringLiteral("good/en.md")), "# Good\n\nFine.\n");
        writeFile(dir.filePath(QStringLiteral("bad/en.md")), "# Bad\n");
        writeFile(dir.filePath(QStringLiteral("bad/quiz.json")), "{\n\n  oops\n}");
        MainWindow window(dir.path());
        window.show();
        QCOMPARE(window.navigator()->count(), 2);
        QLabel *problems = window.lessonView()->problems();
        QVERIFY(problems->isVisibleTo(&window)); // the catalog's own problem, shown everywhere
        QVERIFY(problems->text().contains(QLatin1String("entry 3")));
        window.selectLesson(1);
        QVERIFY(problems->text().contains(dir.filePath(QStringLiteral("bad/quiz.json:3"))));
        QVERIFY(window.lessonView()->browser()->toPlainText().startsWith(QStringLiteral("Bad")));
        QVERIFY(!window.navigator()->item(1)->icon().isNull());
        window.selectLesson(0);
        QVERIFY(!problems->text().contains(QLatin1String("quiz.json")));
        QVERIFY(window.lessonView()->browser()->toPlainText().startsWith(QStringLiteral("Good")));
    }

    void settingsPersistAcrossInstances()
    {
        QList<int> sizes;
        const qreal baseFont = QApplication::font().pointSizeF();
        {
            MainWindow first(shippedDir());
            first.show();
            first.setLanguage(QStringLiteral("zh_CN"));
            first.zoom()->setPercent(150);
            first.selectLesson(1);
            first.splitter()->setSizes({ 300, 500, 480 });
            sizes = first.splitter()->sizes();
            first.close();
        }
        QCOMPARE(QApplication::font().pointSizeF(), baseFont); // the zoom left with its window
        MainWindow second(shippedDir());
        second.show();
        QCOMPARE(second.languageSwitcher()->language(), QStringLiteral("zh_CN"));
        QCOMPARE(second.zoom()->percent(), 150);
        QCOMPARE(second.currentLessonId(), second.catalog().lessons().at(1).id());
        QCOMPARE(second.splitter()->sizes(), sizes);
        QCOMPARE(menuTitle(second, 0), QStringLiteral("文件(&F)"));
    }

    void chineseFontsArePresentForScreenshots()
    {
        const QStringList cjk = FontSetup::installedCjkFamilies();
        QVERIFY2(!cjk.isEmpty(), "no Simplified Chinese font installed: Chinese renders as boxes");
        const QStringList families = QApplication::font().families();
        bool preferred = false;
        for (const QString &family : FontSetup::preferredCjkFamilies())
            preferred = preferred || families.contains(family);
        QVERIFY2(preferred, qPrintable(families.join(QLatin1String(", "))));

        MainWindow window(shippedDir());
        window.resize(1000, 700);
        window.show();
        window.setLanguage(QStringLiteral("zh_CN"));
        const QPixmap shot = window.grab();
        QCOMPARE(shot.size(), window.size());
        QTemporaryDir dir;
        QVERIFY(shot.save(dir.filePath(QStringLiteral("zh.png"))));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

// The window, offscreen: lessons listed and shown, Markdown rendered (headings, code, tables,
// images), live language switch, zoom, fallback notice, named errors, and settings that persist.
#include "exampleview.h"
#include "fontsetup.h"
#include "labarea.h"
#include "languageswitcher.h"
#include "lessonview.h"
#include "mainwindow.h"
#include "zoomcontroller.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFontDatabase>
#include <QGlyphRun>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
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

    // Empty when every glyph drawn for block's characters [from, from + length) comes from a font
    // whose "i", "M", "." and "W" advance alike (what a reader sees as monospace); else what is
    // wrong. The glyph runs are what is painted, so no font property is taken on trust.
    static QString drawnMonospace(QTextDocument *document, const QTextBlock &block, int from,
                                  int length)
    {
        document->documentLayout()->blockBoundingRect(block); // lays the block out
        const QList<QGlyphRun> runs = block.layout()->glyphRuns(from, length);
        if (runs.isEmpty())
            return QStringLiteral("nothing drawn for \"%1\"").arg(block.text().mid(from, length));
        for (const QGlyphRun &run : runs) {
            const QRawFont font = run.rawFont();
            const QList<QPointF> advances = font.advancesForGlyphIndexes(
                    font.glyphIndexesForString(QStringLiteral("iM.W")));
            if (advances.size() != 4)
                return font.familyName() + QStringLiteral(" lacks i, M, . or W");
            for (const QPointF &advance : advances) {
                if (!qFuzzyCompare(advance.x(), advances.constFirst().x()))
                    return QStringLiteral("\"%1\" is drawn in %2, whose i and M differ (%3, %4)")
                            .arg(block.text().mid(from, length), font.familyName())
                            .arg(advances.at(0).x())
                            .arg(advances.at(1).x());
            }
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

    // What the student reads has no markdown left in it: every shipped lesson, in both languages,
    // as the lesson view renders it, outside code. (A Chinese "**目标：**让" is not bold in
    // CommonMark: a closing ** after a full-width colon and before a letter stays two stars.)
    void shippedLessonsRenderWithoutStrayMarkup()
    {
        MainWindow window(shippedDir());
        window.show();
        const QList<Lesson> lessons = window.catalog().lessons();
        for (const QString &language : { QStringLiteral("en"), QStringLiteral("zh_CN") }) {
            window.setLanguage(language);
            for (int i = 0; i < lessons.size(); ++i) {
                window.selectLesson(i);
                const QTextDocument *document = window.lessonView()->browser()->document();
                for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
                    if (block.blockFormat().hasProperty(QTextFormat::BlockCodeFence)
                        || block.charFormat().fontFixedPitch())
                        continue; // code may hold ** (Python's power operator)
                    QString prose;
                    for (auto it = block.begin(); !it.atEnd(); ++it)
                        if (!it.fragment().charFormat().fontFixedPitch())
                            prose += it.fragment().text();
                    QVERIFY2(!prose.contains(QStringLiteral("**")),
                             qPrintable(lessons.at(i).id() + QLatin1Char('/') + language
                                        + QStringLiteral(": ") + prose));
                }
            }
        }
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
                  "# Heading one\n\nSome text, then `sk.recv(1024)` in it.\n\n## Heading two\n\n"
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
        const QString block = drawnMonospace(document, code, 0, code.length() - 1);
        QVERIFY2(block.isEmpty(), qPrintable(block));
        const QTextBlock text = findBlock(document, QStringLiteral("Some text"));
        const QString span = drawnMonospace(document, text,
                                            text.text().indexOf(QStringLiteral("sk.recv(1024)")),
                                            QStringLiteral("sk.recv(1024)").size());
        QVERIFY2(span.isEmpty(), qPrintable(span));
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
        // The lab's Example tab: its code lines grow with the zoom too.
        auto *example = window.labArea()->exampleView();
        const int exampleLineBefore = QFontMetrics(example->font()).height();
        QVERIFY(FontSetup::isMonospace(example->font())); // i and M as wide: code
        QVERIFY(uiBefore > 0);

        QAction *zoomIn = window.menuBar()->actions().value(1)->menu()->actions().value(0);
        QVERIFY(zoomIn->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+="))));
        zoomIn->trigger();
        zoomIn->trigger();
        QCOMPARE(window.zoom()->percent(), 125);
        QTRY_VERIFY(window.navigator()->font().pointSizeF() > uiBefore * 1.2);
        QTRY_VERIFY(QFontInfo(browser->document()->defaultFont()).pointSizeF()
                    > lessonBefore * 1.2);
        QTRY_VERIFY(QFontMetrics(example->font()).height() > exampleLineBefore * 1.15);

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

    // Run in the child below: there the system's "monospace" is a proportional font.
    void systemFixedFontIsProportional()
    {
        if (qEnvironmentVariableIsEmpty("SOCKETLAB_PROPORTIONAL_MONOSPACE"))
            QSKIP("only in a child whose fontconfig maps monospace to a proportional font");
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        QVERIFY2(!FontSetup::isMonospace(fixed), qPrintable(QFontInfo(fixed).family()));
    }

    // A machine whose "monospace" is a proportional font (a fontconfig alias to DejaVu Serif,
    // like a desktop with no monospace font preferred): the lesson's code is still monospace.
    void codeIsMonospaceWhateverTheSystemFixedFont()
    {
        if (!qEnvironmentVariableIsEmpty("SOCKETLAB_PROPORTIONAL_MONOSPACE"))
            QSKIP("already the child");
        if (!QFile::exists(QStringLiteral("/etc/fonts/fonts.conf"))
            || !QFontDatabase::families().contains(QStringLiteral("DejaVu Serif")))
            QSKIP("needs fontconfig and DejaVu Serif");
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("fonts.conf")),
                  R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern">
    <test name="family"><string>monospace</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>DejaVu Serif</string></edit>
  </match>
</fontconfig>
)");
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("FONTCONFIG_FILE"),
                           dir.filePath(QStringLiteral("fonts.conf")));
        environment.insert(QStringLiteral("SOCKETLAB_PROPORTIONAL_MONOSPACE"), QStringLiteral("1"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    { QStringLiteral("systemFixedFontIsProportional"),
                      QStringLiteral("rendersMarkdown") });
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 output.constData());
        QVERIFY2(output.contains("PASS   : TestMainWindow::systemFixedFontIsProportional()"),
                 output.constData());
        QVERIFY2(output.contains("PASS   : TestMainWindow::rendersMarkdown()"), output.constData());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

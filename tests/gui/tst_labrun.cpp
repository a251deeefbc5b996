// The lab as a class sees it during a run: the comparison's timeline shows both servers' clients,
// grouped and reachable; after switching to 中文 in a paused comparison run no English word is
// left on screen (identifiers, commands and units aside); a pause point's note follows the
// language; a second burst is a second run on screen; a preset resets the speed box.
#include "acceptqueueview.h"
#include "clientpanel.h"
#include "lab/labsession.h"
#include "labarea.h"
#include "mainwindow.h"
#include "model/connectionmodel.h"
#include "serverpanel.h"
#include "timelineview.h"
#include "timepanel.h"
#include "trace/event.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QWheelEvent>
#include <QtTest>

namespace {

// Words a Chinese screen may keep: identifiers, protocol and unit names, commands.
bool allowedWord(const QString &word)
{
    static const QStringList words{
        QStringLiteral("tid"),    QStringLiteral("pid"),    QStringLiteral("backlog"),
        QStringLiteral("Linux"),  QStringLiteral("Python"), QStringLiteral("Unix"),
        QStringLiteral("IPv4"),   QStringLiteral("IPv6"),   QStringLiteral("ss"),
        QStringLiteral("sport"),  QStringLiteral("dport"),  QStringLiteral("src"),
        QStringLiteral("dst"),    QStringLiteral("lo"),     QStringLiteral("b"),
        QStringLiteral("s"),      QStringLiteral("ms"),     QStringLiteral("A"),
        QStringLiteral("B"),      QStringLiteral("tcp"),    QStringLiteral("udp"),
        QStringLiteral("x"),
        QStringLiteral("linux"), // QSysInfo::kernelType()
        QStringLiteral("asyncio")
    }; // a Python module
    if (words.contains(word))
        return true;
    // Python's own names: every call the lab traces, and the names its Python lines use.
    static const QStringList python = [] {
        QStringList names{ QStringLiteral("sock"),     QStringLiteral("conn"),
                           QStringLiteral("addr"),     QStringLiteral("family"),
                           QStringLiteral("type"),     QStringLiteral("data"),
                           QStringLiteral("self"),     QStringLiteral("socketserver"),
                           QStringLiteral("sendfile"), QStringLiteral("socket") };
        for (int c = 0; c < int(Call::Count); ++c)
            names << callName(Call(c));
        return names;
    }();
    if (python.contains(word))
        return true;
    // SYN_SENT, ECONNRESET, TCPServer, TcpExt, OSError, v6, a variable such as N.
    static const QRegularExpression code(QStringLiteral(
            "^([A-Z]|[A-Z0-9_]{2,}|(?=(.*[A-Z]){2})[A-Za-z0-9]+|[A-Za-z]*[0-9][A-Za-z0-9]*)$"));
    return code.match(word).hasMatch();
}

// The English words left in a text once code, commands and identifiers are taken out.
QStringList englishIn(QString text)
{
    static const QRegularExpression strip(QStringLiteral(
            "(\\b[0-9][^\\s·]*|ss -[a-zA-Z]+( "
            "'[^']*')?|[A-Za-z_][A-Za-z0-9_.]*\\(\\)|[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+"
            "|b''|/[^ ]*|\\S*_\\S*|'[^']*'|\"[^\"]*\")"));
    text.replace(strip, QStringLiteral(" "));
    static const QRegularExpression wordRe(QStringLiteral("[A-Za-z][A-Za-z0-9]*"));
    QStringList left;
    for (auto it = wordRe.globalMatch(text); it.hasNext();) {
        const QString word = it.next().captured();
        if (!allowedWord(word))
            left << word;
    }
    return left;
}

// Every text a visible widget under root shows, with where it was found.
QList<QPair<QString, QString>> visibleTexts(QWidget *root)
{
    QList<QPair<QString, QString>> texts;
    const auto add = [&texts](const QObject *w, const QString &text) {
        if (!text.trimmed().isEmpty())
            texts << qMakePair(QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(' ')
                                       + w->objectName(),
                               text);
    };
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        if (qobject_cast<QTextBrowser *>(w) || qobject_cast<QPlainTextEdit *>(w))
            continue; // lesson prose and example code: lesson data, checked by the curriculum tests
        if (const auto *label = qobject_cast<QLabel *>(w))
            add(w, label->text());
        if (const auto *button = qobject_cast<QAbstractButton *>(w))
            add(w, button->text());
        if (const auto *box = qobject_cast<QGroupBox *>(w))
            add(w, box->title());
        if (const auto *combo = qobject_cast<QComboBox *>(w))
            add(w, combo->currentText());
        if (const auto *edit = qobject_cast<QLineEdit *>(w))
            add(w, edit->placeholderText());
        if (const auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(w, tabs->tabText(i));
        }
        if (const auto *queue = qobject_cast<AcceptQueueView *>(w))
            add(w, queue->lines().join(QLatin1Char('\n')));
        if (const auto *table = qobject_cast<QTableView *>(w)) {
            const QAbstractItemModel *m = table->model();
            for (int c = 0; c < m->columnCount(); ++c)
                add(w, m->headerData(c, Qt::Horizontal).toString());
            for (int r = 0; r < qMin(m->rowCount(), 20); ++r) {
                for (int c = 0; c < m->columnCount(); ++c) {
                    // The event log's Python column is code, with its comments translated.
                    const bool code = m->headerData(c, Qt::Horizontal).toString()
                            == QCoreApplication::translate("EventLogModel", "Python");
                    if (!table->isColumnHidden(c) && !code)
                        add(w, m->index(r, c).data().toString());
                }
            }
        }
        if (const auto *list = qobject_cast<QListView *>(w)) {
            for (int r = 0; r < qMin(list->model()->rowCount(), 20); ++r)
                add(w, list->model()->index(r, 0).data().toString());
        }
    }
    return texts;
}

} // namespace

class TestLabRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void comparisonTimelineShowsBothServers()
    {
        LabArea lab;
        lab.resize(900, 700);
        lab.show();
        lab.tabs()->setCurrentIndex(1); // the timeline
        lab.serverPanel()->modelBox()->setCurrentIndex(0); // TCPServer
        lab.serverPanel()->compareBox()->setCurrentIndex(2); // ThreadingTCPServer
        lab.serverPanel()->handlerBox()->setCurrentIndex(1);
        lab.serverPanel()->delayBox()->setValue(0.2);
        lab.serverPanel()->startButton()->click();
        lab.clientPanel()->countBox()->setValue(12);
        lab.clientPanel()->addManyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(lab.session()->hasRunEnded(), 20000);
        TimelineView *timeline = lab.timeline();
        QCOMPARE(timeline->groupTitleAt(0), QStringLiteral("A · TCPServer"));
        // B's title follows A's twelve clients, then B's twelve clients.
        QCOMPARE(timeline->groupTitleAt(13), QStringLiteral("B · ThreadingTCPServer"));
        auto *scroll = lab.findChild<QScrollArea *>(QStringLiteral("timelineScroll"));
        QVERIFY(scroll);
        int lastB = -1;
        for (int row = 0; row < lab.connections()->rowCount(); ++row) {
            const ClientTrack &c = lab.connections()->client(row);
            const int slot = timeline->slotOf(row);
            QVERIFY(c.origin == 0 ? slot >= 1 && slot <= 12 : slot >= 14 && slot <= 25);
            if (c.origin == 1 && c.id == 12)
                lastB = slot;
        }
        QCOMPARE(lastB, 25);
        // Laid out: the view is tall enough for B's last row; reachable: the scroll area scrolls
        // to it and it is then inside the viewport.
        const int bottom = timeline->slotY(lastB) + timeline->fontMetrics().height();
        QVERIFY2(timeline->height() >= bottom,
                 qPrintable(QStringLiteral("%1 < %2").arg(timeline->height()).arg(bottom)));
        scroll->ensureVisible(0, bottom, 0, 0);
        const QPoint inViewport = timeline->mapTo(scroll->viewport(), QPoint(0, bottom));
        QVERIFY(inViewport.y() > 0 && inViewport.y() <= scroll->viewport()->height());
        if (timeline->height() > scroll->viewport()->height())
            QVERIFY(scroll->verticalScrollBar()->value() > 0);
    }

    void chineseEverywhereInAPausedComparison()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        LabArea *lab = window.labArea();
        const QJsonObject experiment = QJsonDocument::fromJson(R"({
            "servers": [ { "model": "blocking", "backlog": 1, "handler": "sleep-echo", "delay": 1 },
                         { "model": "threading", "backlog": 1, "handler": "sleep-echo", "delay": 1 } ],
            "clients": { "count": 5, "every_ms": 100 },
            "pauses": [ { "at_s": 0.8, "note": { "en": "Look at both queues.", "zh_CN": "看两个队列。" } } ]
        })")
                                               .object();
        QSignalSpy paused(lab, &LabArea::pausedAtPoint);
        QVERIFY(lab->runExperiment(experiment));
        QTRY_COMPARE_WITH_TIMEOUT(paused.count(), 1, 10000);
        QVERIFY(lab->messageLabel()->text().contains(QStringLiteral("Look at both queues.")));
        window.setLanguage(QStringLiteral("zh_CN"));
        QTRY_VERIFY(lab->messageLabel()->text().contains(QStringLiteral("看两个队列。")));
        QVERIFY(!lab->messageLabel()->text().contains(QStringLiteral("Look at both queues.")));
        // A few frames so every view has drawn its state in the new language.
        QSignalSpy frames(lab, &LabArea::frameApplied);
        QTRY_VERIFY(frames.count() >= 3);
        QStringList offenders;
        for (int tab = 0; tab < lab->tabs()->count(); ++tab) { // every tab of the lab in turn
            lab->tabs()->setCurrentIndex(tab);
            frames.clear();
            QTRY_VERIFY(frames.count() >= 1); // a frame drawn with this tab shown
            for (const auto &[where, text] : visibleTexts(&window)) {
                const QStringList left = englishIn(text);
                const QString line = where + QStringLiteral(": ") + text.left(160)
                        + QStringLiteral("  [") + left.join(QLatin1Char(' ')) + QLatin1Char(']');
                if (!left.isEmpty() && !offenders.contains(line))
                    offenders << line;
            }
        }
        window.setLanguage(QStringLiteral("en"));
        lab->reset();
        for (const QString &offender : offenders)
            qWarning().noquote() << offender;
        QVERIFY2(offenders.isEmpty(), "English words left on a Chinese screen (listed above)");
    }

    void aSecondBurstIsASecondRunOnScreen()
    {
        LabArea lab;
        lab.show();
        lab.serverPanel()->modelBox()->setCurrentIndex(1); // ThreadingTCPServer
        lab.serverPanel()->startButton()->click();
        lab.clientPanel()->countBox()->setValue(3);
        lab.clientPanel()->addManyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(lab.clockLabel()->text().contains(QStringLiteral("ended")), 10000);
        QVERIFY(lab.clockLabel()->text().startsWith(QStringLiteral("Run 1 ")));
        lab.clientPanel()->countBox()->setValue(4);
        lab.clientPanel()->addManyButton()->click();
        QVERIFY(lab.clockLabel()->text().startsWith(QStringLiteral("Run 2 ")));
        QTRY_VERIFY_WITH_TIMEOUT(lab.clockLabel()->text().contains(QStringLiteral("ended")), 10000);
        const QStringList lines = lab.summaryLabel()->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("ThreadingTCPServer: 4 clients")),
                 qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(QStringLiteral("Run 1 · ThreadingTCPServer: 3 clients")),
                 qPrintable(lines[1]));
        QCOMPARE(lab.connections()->rowCount(), 4);
    }

    void theClientTableSortsByAnyColumn()
    {
        LabArea lab;
        lab.show();
        const QJsonObject experiment = QJsonDocument::fromJson(R"({
            "servers": [ { "model": "blocking", "handler": "sleep-echo", "delay": 0.2 } ],
            "clients": { "count": 4 } })")
                                               .object();
        QVERIFY(lab.runExperiment(experiment));
        QTRY_VERIFY_WITH_TIMEOUT(lab.session()->hasRunEnded(), 10000);
        QTableView *table = lab.clientTable();
        const int latency = int(ConnectionModel::Column::Latency);
        // A click on the header, as the user does: longest latency first after the second click.
        table->horizontalHeader()->setSortIndicator(latency, Qt::DescendingOrder);
        QTRY_COMPARE(table->model()->index(0, latency).data(ConnectionModel::ValueRole).toDouble(),
                     [&] {
                         double most = 0;
                         for (int r = 0; r < table->model()->rowCount(); ++r)
                             most = qMax(most,
                                         table->model()
                                                 ->index(r, latency)
                                                 .data(ConnectionModel::ValueRole)
                                                 .toDouble());
                         return most;
                     }());
        // Served one at a time: the longest wait is the last client's, about 4 × 0.2 s.
        QVERIFY(table->model()->index(0, latency).data(ConnectionModel::ValueRole).toDouble()
                > 0.7);
        lab.reset();
    }

    void theWheelOverTheSpeedBoxScrollsTheLab()
    {
        LabArea lab;
        lab.resize(500, 400); // small: the lab scrolls
        lab.show();
        QComboBox *speed = lab.timePanel()->speedBox();
        QVERIFY(QTest::qWaitForWindowExposed(&lab));
        const int before = speed->currentIndex();
        const QPointF local(speed->width() / 2.0, speed->height() / 2.0);
        QWheelEvent wheel(local, speed->mapToGlobal(local), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(speed, &wheel);
        QCOMPARE(speed->currentIndex(), before); // ×1 stays ×1
        QCOMPARE(lab.session()->speed(), 1.0);
    }

    void aPresetResetsTheSpeedBox()
    {
        LabArea lab;
        lab.timePanel()->speedBox()->setCurrentIndex(2); // ×0.25
        QCOMPARE(lab.session()->speed(), 0.25);
        const QJsonObject experiment = QJsonDocument::fromJson(R"({
            "servers": [ { "model": "threading" } ], "clients": { "count": 1 } })")
                                               .object();
        QVERIFY(lab.runExperiment(experiment));
        QCOMPARE(lab.session()->speed(), 1.0);
        QCOMPARE(lab.timePanel()->speedBox()->currentData().toDouble(), 1.0);
        lab.reset();
    }
};

QTEST_MAIN(TestLabRun)
#include "tst_labrun.moc"

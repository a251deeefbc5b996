// The live lab in the window, offscreen, on real sockets: start a server from its panel, add
// clients, and watch the accept queue the kernel reports; start errors; pause and step.
#include "acceptqueueview.h"
#include "clientpanel.h"
#include "exampleview.h"
#include "lab/labcontroller.h"
#include "labarea.h"
#include "lanedelegate.h"
#include "lessonview.h"
#include "mainwindow.h"
#include "model/connectionmodel.h"
#include "model/eventlogmodel.h"
#include "model/threadlanemodel.h"
#include "serverpanel.h"
#include "timelineview.h"
#include "timepanel.h"
#include "trace/gate.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

class TestLab : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase()
    {
        // The window remembers its state: keep that in a private folder, not the user's.
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketLabTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_lab"));
    }

    void queueFillsAsTheKernelSaysSo()
    {
        LabArea lab;
        lab.resize(1000, 800);
        lab.show();
        ServerPanel *server = lab.serverPanel();
        server->modelBox()->setCurrentIndex(0); // TCPServer: one client at a time
        server->backlogBox()->setValue(2);
        server->handlerBox()->setCurrentIndex(1); // sleep, then echo
        server->delayBox()->setValue(10.0);
        server->startButton()->click();
        QVERIFY2(server->statusLabel()->text().contains(QStringLiteral("listening on 127.0.0.1:")),
                 qPrintable(server->statusLabel()->text()));
        QCOMPARE(server->startButton()->text(), QStringLiteral("Stop server"));

        // Six clients, one every 40 ms: one in the handler, backlog + 1 = 3 queued, 2 outside.
        lab.clientPanel()->countBox()->setValue(6);
        lab.clientPanel()->everyBox()->setValue(40);
        lab.clientPanel()->addManyButton()->click();
        AcceptQueueView *view = lab.queueView();
        QTRY_COMPARE_WITH_TIMEOUT(view->shownConnecting(), 2, 10000);
        QTRY_COMPARE(view->shownQueue(), 3);
        QCOMPARE(view->shownCap(), 2);
        QVERIFY(view->headline().contains(QStringLiteral("room for 3")));
        QVERIFY(!view->grab().isNull());

        // The same run in the models: six client rows, the server thread asleep in its handler,
        // and the log's Python column.
        QTRY_COMPARE(lab.connections()->rowCount(), 6);
        QTRY_VERIFY(lab.lanes()->rowCount() >= 1);
        const QModelIndex lane = lab.lanes()->index(0);
        QTRY_COMPARE(lab.lanes()->index(0).data(ThreadLaneModel::CallRole).toString(),
                     QStringLiteral("sleep"));
        QVERIFY(lane.data(ThreadLaneModel::SleepingRole).toBool());
        QVERIFY(LaneDelegate::stateText(lab.lanes()->index(0))
                        .contains(QStringLiteral("sleeping")));
        bool acceptLine = false;
        for (int row = 0; row < lab.eventLog()->rowCount(); ++row)
            acceptLine = acceptLine
                    || lab.eventLog()
                               ->index(row, int(EventLogModel::Column::Python))
                               .data()
                               .toString()
                               .contains(QStringLiteral("sock.accept()"));
        QVERIFY(acceptLine);

        lab.clientPanel()->killButton()->click();
        server->startButton()->click(); // stop
        QCOMPARE(server->statusLabel()->text(), QStringLiteral("Stopped."));
        QCOMPARE(server->startButton()->text(), QStringLiteral("Start server"));
        QVERIFY(!lab.controller()->isServerRunning());
    }

    void summaryTellsOneAtATimeFromAllAtOnce_data()
    {
        QTest::addColumn<int>("model");
        QTest::addColumn<QString>("expected");
        QTest::newRow("TCPServer") << 0 << QStringLiteral("one at a time");
        QTest::newRow("ThreadingTCPServer") << 1 << QStringLiteral("all at once");
    }
    void summaryTellsOneAtATimeFromAllAtOnce()
    {
        QFETCH(int, model);
        QFETCH(QString, expected);
        LabArea lab;
        lab.serverPanel()->modelBox()->setCurrentIndex(model);
        lab.serverPanel()->handlerBox()->setCurrentIndex(1);
        lab.serverPanel()->delayBox()->setValue(0.5);
        lab.serverPanel()->startButton()->click();
        lab.clientPanel()->countBox()->setValue(3);
        lab.clientPanel()->addManyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(lab.summaryLabel()->text().contains(QStringLiteral("finished")),
                                 10000);
        QVERIFY2(lab.summaryLabel()->text().contains(expected),
                 qPrintable(lab.summaryLabel()->text()));
        // As LanguageSwitcher does: the catalogue first, then the lab hears of the new language.
        QTranslator chinese;
        QVERIFY(chinese.load(QStringLiteral(":/i18n/socketlab_zh_CN")));
        QCoreApplication::installTranslator(&chinese);
        const auto english
                = qScopeGuard([&chinese] { QCoreApplication::removeTranslator(&chinese); });
        lab.setLanguage(QStringLiteral("zh_CN"));
        QVERIFY2(lab.summaryLabel()->text().contains(QStringLiteral("个客户端")),
                 qPrintable(lab.summaryLabel()->text()));
    }

    void compareSideBySide()
    {
        // The seed's classroom moment: the same burst against TCPServer and ThreadingTCPServer.
        LabArea lab;
        lab.show();
        lab.serverPanel()->modelBox()->setCurrentIndex(0); // TCPServer
        lab.serverPanel()->compareBox()->setCurrentIndex(2); // ThreadingTCPServer
        lab.serverPanel()->handlerBox()->setCurrentIndex(1);
        lab.serverPanel()->delayBox()->setValue(0.5);
        lab.serverPanel()->startButton()->click();
        QVERIFY(lab.controller()->twin());
        QVERIFY(lab.controller()->twin()->address().port()
                != lab.controller()->server()->address().port());
        lab.clientPanel()->countBox()->setValue(4);
        lab.clientPanel()->addManyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(lab.summaryLabel()->text().count(QStringLiteral("finished")) == 2,
                                 15000);
        const QStringList lines = lab.summaryLabel()->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("A · TCPServer: ")), qPrintable(lines[0]));
        QVERIFY2(lines[0].contains(QStringLiteral("one at a time")), qPrintable(lines[0]));
        QVERIFY2(lines[1].startsWith(QStringLiteral("B · ThreadingTCPServer: ")),
                 qPrintable(lines[1]));
        QVERIFY2(lines[1].contains(QStringLiteral("all at once")), qPrintable(lines[1]));
        QVERIFY(lab.twinQueueView()->isVisible());
        QCOMPARE(lab.connections()->rowCount(), 8); // four clients for each server
        // Latency and throughput for each server, named A and B.
        const QStringList figures = lab.figuresLabel()->text().split(QLatin1Char('\n'));
        QCOMPARE(figures.size(), 2);
        QVERIFY2(figures[0].startsWith(QStringLiteral("A · latency min ")), qPrintable(figures[0]));
        QVERIFY2(figures[1].startsWith(QStringLiteral("B · latency min ")), qPrintable(figures[1]));
        QVERIFY(figures[1].contains(QStringLiteral("clients/s")));

        // The timeline of the same run: every client ends done; behind TCPServer some client
        // waited in the accept queue (the kernel said so) while another was served.
        const auto segments = lab.timeline()->segments();
        int done = 0;
        int queuedBehindTcpServer = 0;
        for (const TimelineView::Segment &s : segments) {
            done += s.kind == TimelineView::Kind::Done;
            const bool first
                    = lab.connections()->index(s.row, 0).data(ConnectionModel::OriginRole).toUInt()
                    == 0;
            queuedBehindTcpServer += first && s.kind == TimelineView::Kind::Queued;
        }
        QCOMPARE(done, 8);
        QVERIFY(queuedBehindTcpServer >= 1);
        lab.timeline()->resize(800, 400);
        const auto served = std::find_if(segments.begin(), segments.end(), [](const auto &s) {
            return s.kind == TimelineView::Kind::Served && s.end - s.start > 0.2;
        });
        QVERIFY(served != segments.end());

        // Comparing, every client is named after its server: A · n and B · n.
        for (int row = 0; row < lab.connections()->rowCount(); ++row) {
            const QModelIndex index = lab.connections()->index(row, 0);
            const QString letter = index.data(ConnectionModel::OriginRole).toUInt() == 0
                    ? QStringLiteral("A · ")
                    : QStringLiteral("B · ");
            QVERIFY2(index.data().toString().startsWith(letter),
                     qPrintable(index.data().toString()));
        }

        // The timeline's axis starts at the whole second before the first client; zooming in makes
        // it wider than its scroll area, Fit brings it back.
        lab.tabs()->setCurrentIndex(1);
        TimelineView *timeline = lab.timeline();
        QTRY_VERIFY(timeline->isVisible());
        double first = 1e9;
        for (const TimelineView::Segment &s : timeline->segments())
            first = std::min(first, s.start);
        QVERIFY(timeline->axisStart() <= first && first < timeline->axisStart() + 1.0);
        const double fitted = timeline->pixelsPerSecond();
        QWidget *viewport = timeline->parentWidget();
        QVERIFY(timeline->isFitted());
        for (int i = 0; i < 4; ++i)
            lab.findChild<QPushButton *>(QStringLiteral("zoomIn"))->click();
        QVERIFY(!timeline->isFitted());
        QVERIFY(timeline->pixelsPerSecond() > fitted * 4);
        QTRY_VERIFY(timeline->width() > viewport->width());
        lab.findChild<QPushButton *>(QStringLiteral("zoomFit"))->click();
        QVERIFY(timeline->isFitted());
        QTRY_COMPARE(timeline->width(), viewport->width());

        // Export: the timeline and both queue views as PNG and SVG, events and clients as CSV.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        using E = LabArea::Export;
        for (const auto &[what, name] :
             { std::pair{ E::TimelinePng, "t.png" }, std::pair{ E::TimelineSvg, "t.svg" },
               std::pair{ E::QueuePng, "q.png" }, std::pair{ E::QueueSvg, "q.svg" },
               std::pair{ E::EventsCsv, "e.csv" }, std::pair{ E::ClientsCsv, "c.csv" } }) {
            QString error;
            QVERIFY2(lab.exportTo(what, dir.filePath(QLatin1String(name)), &error),
                     qPrintable(error));
        }
        const QImage png(dir.filePath(QStringLiteral("t.png")));
        QCOMPARE(png.size(), timeline->size() * timeline->devicePixelRatio());
        QVERIFY(!QImage(dir.filePath(QStringLiteral("q.png"))).isNull());
        const auto readAll = [&dir](const char *name) {
            QFile file(dir.filePath(QLatin1String(name)));
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        const QString svg = readAll("t.svg");
        QVERIFY(svg.contains(QStringLiteral("<svg")));
        QVERIFY2(svg.contains(QStringLiteral("client B · 4")), "SVG keeps text as text");
        QVERIFY(readAll("q.svg").contains(QStringLiteral("backlog 5")));
        const QStringList clients
                = readAll("c.csv").split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(clients.size(), 1 + 8);
        QVERIFY(clients[0].startsWith(QStringLiteral("Client,Stage,")));
        QVERIFY(readAll("e.csv").count(QStringLiteral("accept")) >= 8);
        QString error;
        QVERIFY(!lab.exportTo(E::ClientsCsv, dir.filePath(QStringLiteral("no/such/dir/c.csv")),
                              &error));
        QVERIFY(error.contains(QStringLiteral("cannot write")));
    }

    void pausePointStopsTheLab()
    {
        // An experiment's pause point: the lab pauses by itself and says what to look at.
        LabArea lab;
        lab.show();
        QSignalSpy paused(&lab, &LabArea::pausedAtPoint);
        const QJsonObject experiment = QJsonDocument::fromJson(R"({
            "servers": [ { "model": "blocking", "handler": "sleep-echo", "delay": 1 } ],
            "clients": { "count": 2 },
            "pauses": [ { "at_s": 0.3, "note": { "en": "Look at the queue.", "zh_CN": "看队列。" } } ]
        })")
                                               .object();
        QVERIFY(lab.runExperiment(experiment));
        QVERIFY(!lab.timePanel()->pauseButton()->isChecked());
        QTRY_COMPARE(paused.count(), 1);
        QCOMPARE(paused.front().front().toDouble(), 0.3);
        QVERIFY(lab.timePanel()->pauseButton()->isChecked());
        QVERIFY2(lab.messageLabel()->text().contains(QStringLiteral("Look at the queue.")),
                 qPrintable(lab.messageLabel()->text()));
        QCOMPARE(lab.controller()->gate()->mode(), Gate::Mode::Pause);
        lab.timePanel()->pauseButton()->click(); // continue
        QTRY_VERIFY_WITH_TIMEOUT(lab.summaryLabel()->text().contains(QStringLiteral("finished")),
                                 10000);
        // A reset before a pause point is reached cancels it: the next run's own pause point (at
        // 0.6 s) is the next one to fire, not the cancelled run's earlier one (at 0.2 s).
        QJsonObject cancelled = experiment;
        cancelled[QStringLiteral("pauses")]
                = QJsonArray{ QJsonObject{ { QStringLiteral("at_s"), 0.2 } } };
        QVERIFY(lab.runExperiment(cancelled));
        lab.reset();
        QJsonObject next = experiment;
        next[QStringLiteral("pauses")]
                = QJsonArray{ QJsonObject{ { QStringLiteral("at_s"), 0.6 } } };
        QVERIFY(lab.runExperiment(next));
        QTRY_COMPARE(paused.count(), 2);
        QCOMPARE(paused.at(1).front().toDouble(), 0.6);
        QVERIFY(lab.timePanel()->pauseButton()->isChecked());
        lab.reset();
        QCOMPARE(paused.count(), 2);
    }

    void udpServerShowsItsReceiveBuffer()
    {
        LabArea lab;
        lab.show();
        lab.serverPanel()->modelBox()->setCurrentIndex(3); // UDPServer
        lab.serverPanel()->handlerBox()->setCurrentIndex(0);
        lab.serverPanel()->startButton()->click();
        QVERIFY(lab.controller()->isServerRunning());
        lab.clientPanel()->countBox()->setValue(3);
        lab.clientPanel()->addManyButton()->click();
        AcceptQueueView *view = lab.queueView();
        QTRY_VERIFY(view->shownDatagram().bound);
        QVERIFY(view->shownDatagram().rcvbuf > 0);
        QVERIFY2(view->headline().startsWith(QStringLiteral("UDP receive buffer: ")),
                 qPrintable(view->headline()));
        QTRY_COMPARE(lab.connections()->rowCount(), 3);
        QVERIFY(!view->grab().isNull());
    }

    void lessonsExperimentRunsInOneClick()
    {
        // The backlog lesson's experiment.json, from the lesson view's button into the lab.
        MainWindow window(QStringLiteral(SOCKETLAB_SOURCE_DIR "/lessons"));
        window.show();
        const int row = window.catalog().indexOf(QStringLiteral("listen-backlog"));
        QVERIFY(row >= 0);
        window.selectLesson(row);
        QPushButton *run = window.lessonView()->experimentButton();
        QVERIFY(run->isVisibleTo(&window));
        run->click();
        LabArea *lab = window.labArea();
        QVERIFY(lab->controller()->isServerRunning());
        QCOMPARE(lab->serverPanel()->backlogBox()->value(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(lab->queueView()->shownConnecting(), 2, 10000);
        QTRY_COMPARE(lab->queueView()->shownQueue(), 3);
        // The example beside the lab points at the line of the call the server thread is in:
        // TCPServer asleep in its handler (no such line), so choose nothing; then after a reset,
        // a plain echo server waits in accept().
        lab->reset();
        lab->serverPanel()->handlerBox()->setCurrentIndex(0);
        lab->serverPanel()->startButton()->click();
        const QString code = lab->exampleView()->toPlainText();
        const int acceptLine = int(code.left(code.indexOf(QStringLiteral("# lab: accept")))
                                           .count(QLatin1Char('\n')))
                + 1;
        QVERIFY(acceptLine > 1);
        QTRY_COMPARE(lab->exampleView()->highlightedLine(), acceptLine);
        // A malformed experiment says why and starts nothing.
        QVERIFY(!lab->runExperiment(QJsonObject{ { QStringLiteral("servers"), 3 } }));
        QVERIFY(lab->messageLabel()->text().contains(QStringLiteral("\"servers\" must be")));
        QVERIFY(!lab->controller()->isServerRunning());
    }

    void startErrorsAreShown()
    {
        // A port that is taken.
        const int holder = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(holder, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::listen(holder, 1);
        socklen_t length = sizeof address;
        ::getsockname(holder, reinterpret_cast<sockaddr *>(&address), &length);
        LabArea lab;
        const auto spins = lab.serverPanel()->findChildren<QSpinBox *>();
        QSpinBox *port = spins.value(0); // port, then backlog
        QVERIFY(port && port->maximum() == 65535);
        port->setValue(ntohs(address.sin_port));
        lab.serverPanel()->startButton()->click();
        ::close(holder);
        const QString status = lab.serverPanel()->statusLabel()->text();
        QVERIFY2(status.contains(QStringLiteral("Could not start")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("Address already in use")), qPrintable(status));
        QVERIFY(!lab.controller()->isServerRunning());
    }

    void pauseAndStepOneCall()
    {
        LabArea lab;
        lab.show();
        lab.serverPanel()->handlerBox()->setCurrentIndex(0); // echo
        lab.serverPanel()->startButton()->click();
        QVERIFY(lab.controller()->isServerRunning());
        Gate *gate = lab.controller()->gate();
        bool inAccept = false;
        connect(lab.controller(), &LabController::frame, this,
                [&inAccept](const std::vector<Event> &events, const ProbeSample &) {
                    for (const Event &e : events)
                        inAccept = inAccept || (e.call == Call::Accept && e.phase == Phase::Enter);
                });
        QTRY_VERIFY(inAccept); // the server thread has passed the gate into accept(2)
        // So once paused, the only thread to stop at the gate is the new client, before socket().
        lab.timePanel()->pauseButton()->click();
        QVERIFY(lab.timePanel()->stepButton()->isEnabled());
        lab.clientPanel()->addOneButton()->click();
        QTRY_COMPARE(int(gate->waiters().size()), 1);
        QCOMPARE(gate->waiters().front().call, Call::Socket);
        lab.timePanel()->stepButton()->click();
        const auto describe = [gate] {
            QStringList calls;
            for (const Gate::Waiter &w : gate->waiters())
                calls << callName(w.call);
            return calls.join(QLatin1Char(','));
        };
        QTRY_COMPARE(describe(), QStringLiteral("connect"));
        QTRY_COMPARE(gate->waiters().front().call, Call::Connect); // exactly one call went through
        // A step for another thread is not the client's (tst_gate proves the grant semantics with
        // threads; here the panel must pass the chosen thread on).
        lab.timePanel()->setStepTarget(999999, QStringLiteral("nobody"));
        auto *waiters = lab.timePanel()->findChild<QLabel *>(QStringLiteral("gateWaiters"));
        QVERIFY(waiters->text().contains(
                QStringLiteral("Step releases only the next call of nobody.")));
        lab.timePanel()->stepButton()->click();
        QCOMPARE(describe(), QStringLiteral("connect"));
        // The client's own thread, chosen: its connect() goes through.
        const qint32 clientTid = gate->waiters().front().tid;
        lab.timePanel()->setStepTarget(clientTid, QStringLiteral("client 1"));
        lab.timePanel()->stepButton()->click();
        QTRY_VERIFY(describe() != QStringLiteral("connect"));
        lab.timePanel()->setStepTarget(0, QString());
        lab.timePanel()->pauseButton()->click(); // resume: everything runs
        QTRY_COMPARE(int(gate->waiters().size()), 0);
    }

    void resetStopsEverything()
    {
        LabArea lab;
        lab.serverPanel()->startButton()->click();
        QVERIFY(lab.controller()->isServerRunning());
        lab.clientPanel()->addManyButton()->click();
        const auto buttons = lab.timePanel()->findChildren<QPushButton *>();
        QPushButton *reset = buttons.value(2); // pause, step, reset
        QCOMPARE(reset->text(), QStringLiteral("Reset"));
        reset->click();
        QVERIFY(!lab.controller()->isServerRunning());
        QCOMPARE(lab.controller()->clientCount(), 0);
        QCOMPARE(lab.serverPanel()->startButton()->text(), QStringLiteral("Start server"));
    }
};

QTEST_MAIN(TestLab)
#include "tst_lab.moc"

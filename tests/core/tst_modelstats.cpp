// RunStats, EventLogModel, EventLogFilter and CsvWriter on hand-made event sequences: the run's
// figures and summary, the Python line of each event, the bounded log, filters and CSV.
#include "model/csvwriter.h"
#include "model/eventlogfilter.h"
#include "model/eventlogmodel.h"
#include "model/runstats.h"
#include "modeltest.h"

#include <QSignalSpy>
#include <QStringListModel>
#include <QTest>

using namespace modeltest;
using Column = EventLogModel::Column;

namespace {

QString text(const EventLogModel &model, int row, Column column)
{
    return model.index(row, int(column)).data().toString();
}

} // namespace

class TestModelStats : public QObject
{
    Q_OBJECT

private slots:
    void summary_data()
    {
        QTest::addColumn<std::vector<Event>>("events");
        QTest::addColumn<bool>("serial");
        QTest::addColumn<QString>("english");
        QTest::newRow("one at a time")
                << run(8, 2.0, 1) << false
                << "8 clients, 2.0 s each: finished in 16.0 s — one at a time";
        QTest::newRow("all at once") << run(8, 2.0, 8) << true
                                     << "8 clients, 2.0 s each: finished in 2.0 s — all at once";
        QTest::newRow("two at a time")
                << run(4, 1.0, 2) << false
                << "4 clients, 1.0 s each: finished in 2.0 s — overlapping, at most 2 at once";
        std::vector<Event> refused = run(2, 1.0, 1);
        append(refused, refusedClient(3, 1.0));
        QTest::newRow("one refused")
                << refused << false
                << "3 clients, 1.0 s each: finished in 2.0 s — one at a time; 1 refused";
        std::vector<Event> clientsOnly;
        for (const Event &e : run(2, 1.0, 1)) {
            if (e.actor == Actor::Client)
                clientsOnly.push_back(e);
        }
        QTest::newRow("server not traced: the model's word")
                << clientsOnly << true
                << "2 clients, 1.0 s each: finished in 2.0 s — one at a time";
    }
    void summary()
    {
        QFETCH(std::vector<Event>, events);
        QFETCH(bool, serial);
        QFETCH(QString, english);
        RunStats stats;
        // In frame-sized batches, as the GUI applies them.
        for (size_t at = 0; at < events.size(); at += 7) {
            const auto end = events.begin() + qptrdiff(std::min(at + 7, events.size()));
            stats.applyEvents(std::vector<Event>(events.begin() + qptrdiff(at), end));
        }
        const double each = english.contains("2.0 s each") ? 2.0 : 1.0;
        QCOMPARE(stats.summary(0, each, serial), english);
    }

    void totals()
    {
        RunStats stats;
        std::vector<Event> events = run(4, 0.5, 1);
        append(events, refusedClient(5, 1.0));
        std::vector<Event> timedOut{ client(6, Call::ConnectEx, Phase::Return, 1.2, 11),
                                     client(6, Call::Close, Phase::Return, 1.3) };
        append(events, timedOut);
        events.push_back(client(7, Call::Socket, Phase::Enter, 1.0)); // still going
        stats.applyEvents(events);
        const RunStats::Totals t = stats.totals(0);
        QCOMPARE(t.started, 7);
        QCOMPARE(t.finished, 6);
        QCOMPARE(t.ok, 4);
        QCOMPARE(t.refused, 1);
        QCOMPARE(t.timedOut, 1);
        QCOMPARE(t.failed, 0);
        QCOMPARE(t.maxConcurrentHandles, 1);
        QCOMPARE(t.latencies.size(), size_t(4));
        QCOMPARE(t.latencies.front(), 0.5);
        QCOMPARE(t.latencies.back(), 2.0);
        QCOMPARE(t.totalSeconds, 2.0);
        QCOMPARE(t.throughput, 2.0);
        QCOMPARE(stats.summary(0, 0.5, true),
                 QStringLiteral("7 clients, 0.5 s each: 6 done after 2.0 s — one at a time; "
                                "1 refused, 1 timed out"));
        // Latencies 0.5, 1.0, 1.5, 2.0 s: the median of an even count is the middle two's mean.
        QCOMPARE(stats.figures(0),
                 QStringLiteral("latency min 0.50 s, median 1.25 s, max 2.00 s · throughput 2.0 "
                                "clients/s"));
        QVERIFY(stats.figures(3).isEmpty()); // nobody echoed there
        QCOMPARE(stats.origins(), std::vector<quint16>{ 0 });
        QCOMPARE(stats.totals(3).started, 0);
        stats.clear();
        QVERIFY(stats.origins().empty());
    }

    // totals() keeps its last answer per origin: it must still follow every new event, "now"
    // while a client is still going, and a clear().
    void totalsFollowEventsNowAndClear()
    {
        RunStats stats;
        stats.applyEvents(okClient(1, 0.0, 0.5));
        stats.applyEvents({ client(2, Call::Socket, Phase::Enter, 0.0) }); // still going
        stats.setNow(ns(2.0));
        QCOMPARE(stats.totals(0).totalSeconds, 2.0);
        QCOMPARE(stats.totals(0).finished, 1);
        stats.setNow(ns(3.0)); // no event, but the run still goes: its time grows
        QCOMPARE(stats.totals(0).totalSeconds, 3.0);
        std::vector<Event> rest = okClient(2, 3.0, 0.496);
        rest.erase(rest.begin(), rest.begin() + 2); // its socket() was above
        stats.applyEvents(rest);
        QCOMPARE(stats.totals(0).finished, 2);
        QCOMPARE(stats.totals(0).totalSeconds, 3.5);
        stats.setNow(ns(10.0)); // every client done: "now" no longer counts
        QCOMPARE(stats.totals(0).totalSeconds, 3.5);
        QCOMPARE(stats.totals(0).ok, 2);
        stats.clear();
        QCOMPARE(stats.totals(0).started, 0);
        stats.applyEvents(okClient(9, 0.0));
        QCOMPARE(stats.totals(0).started, 1);
    }

    void pythonLine_data()
    {
        QTest::addColumn<Event>("event");
        QTest::addColumn<QString>("python");
        QTest::addColumn<QString>("result");
        QTest::newRow("accept") << server(0, Call::Accept, Phase::Return, 1, 5)
                                << "conn, addr = sock.accept()"
                                << "5";
        QTest::newRow("recv in a handler") << worker(2, 1, Call::Recv, Phase::Return, 1, 5, 5)
                                           << "data = conn.recv(65536)  # 5 bytes"
                                           << "5";
        QTest::newRow("recv: one byte") << worker(2, 1, Call::Recv, Phase::Return, 1, 1, 1)
                                        << "data = conn.recv(65536)  # 1 byte"
                                        << "1";
        QTest::newRow("recv: the peer closed") << server(1, Call::Recv, Phase::Return, 1, 0, 0)
                                               << "data = conn.recv(65536)  # b'': the peer closed"
                                               << "0";
        QTest::newRow("connect refused")
                << client(1, Call::Connect, Phase::Error, 1, -1, 0, ECONNREFUSED)
                << "sock.connect(addr)  # ConnectionRefusedError: [Errno 111] Connection refused"
                << "ECONNREFUSED (ConnectionRefusedError)";
        QTest::newRow("connect_ex") << client(1, Call::ConnectEx, Phase::Return, 1, 111)
                                    << "sock.connect_ex(addr)  # → 111"
                                    << "111 (ECONNREFUSED)";
        QTest::newRow("sendall") << worker(1, 1, Call::SendAll, Phase::Return, 1, 0, 5)
                                 << "conn.sendall(data)"
                                 << "0";
        QTest::newRow("client sendall")
                << client(1, Call::SendAll, Phase::Enter, 1) << "sock.sendall(data)"
                << "";
        QTest::newRow("sleep") << worker(1, 1, Call::Sleep, Phase::Enter, 1, ns(0.2))
                               << "time.sleep(0.2)"
                               << "";
        QTest::newRow("fork") << server(1, Call::Fork, Phase::Return, 1, 999)
                              << "pid = os.fork()  # → 999"
                              << "999";
        QTest::newRow("handle") << worker(1, 1, Call::Handle, Phase::Enter, 1) << "self.handle()"
                                << "";
    }
    void pythonLine()
    {
        QFETCH(Event, event);
        QFETCH(QString, python);
        QFETCH(QString, result);
        EventLogModel model;
        model.applyEvents({ event });
        QCOMPARE(text(model, 0, Column::Python), python);
        QCOMPARE(text(model, 0, Column::Result), result);
    }

    void actorLabels()
    {
        Event w = worker(2, 1, Call::Recv, Phase::Enter, 1);
        w.tid = 1234;
        Event c = makeEvent(Actor::Child, 5, 1, Call::Recv, Phase::Enter, 1);
        c.pid = 999;
        EventLogModel model;
        model.setOrigin(ns(0.5));
        model.applyEvents({ client(3, Call::Socket, Phase::Enter, 1), w, c });
        QCOMPARE(text(model, 0, Column::Actor), QStringLiteral("client 3"));
        QCOMPARE(text(model, 1, Column::Actor), QStringLiteral("worker 2 (tid 1234)"));
        QCOMPARE(text(model, 2, Column::Actor), QStringLiteral("child pid 999"));
        QCOMPARE(text(model, 0, Column::Time), QStringLiteral("0.500000"));
        QCOMPARE(text(model, 0, Column::Call), QStringLiteral("socket"));
        QCOMPARE(text(model, 0, Column::Phase), QStringLiteral("enter"));
        Event s = server(1, Call::Recv, Phase::Return, 2, 0, 0);
        s.tid = 1230;
        model.applyEvents({ s });
        QCOMPARE(text(model, 3, Column::Actor), QStringLiteral("server (tid 1230)"));
        QCOMPARE(text(model, 3, Column::Phase), QStringLiteral("return"));
    }

    void keepsTheNewestEvents()
    {
        EventLogModel model(10);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const auto batch = [](int from, int count) {
            std::vector<Event> events;
            for (int i = from; i < from + count; ++i)
                events.push_back(client(1, Call::Recv, Phase::Return, i, i, i));
            return events;
        };
        model.applyEvents(batch(1, 7));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(removed.count(), 0);
        model.applyEvents(batch(8, 7));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.dropped(), quint64(4));
        QCOMPARE(model.event(0).bytes, qint64(5));
        QCOMPARE(model.event(9).bytes, qint64(14));
        model.applyEvents(batch(15, 25)); // more than the whole log
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.dropped(), quint64(4 + 10 + 15));
        QCOMPARE(model.event(0).bytes, qint64(30));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.dropped(), quint64(0));
    }

    void filters()
    {
        EventLogModel model;
        Event other = server(0, Call::Accept, Phase::Enter, 1);
        other.origin = 2;
        model.applyEvents({ server(0, Call::Accept, Phase::Enter, 1),
                            worker(1, 1, Call::Recv, Phase::Enter, 1),
                            worker(1, 1, Call::RecvFrom, Phase::Enter, 1),
                            client(1, Call::Recv, Phase::Enter, 1), other });
        EventLogFilter filter;
        filter.setSourceModel(&model);
        QCOMPARE(filter.rowCount(), 5);
        filter.setCallFilter(QStringLiteral("RECV"));
        QCOMPARE(filter.rowCount(), 3);
        filter.setActorFilter(Actor::Worker);
        QCOMPARE(filter.rowCount(), 2);
        filter.setCallFilter(QString());
        filter.setActorFilter(Actor::Server);
        QCOMPARE(filter.rowCount(), 2);
        filter.setOriginFilter(2);
        QCOMPARE(filter.rowCount(), 1);
        QVERIFY(filter.toCsv().endsWith(QStringLiteral("\"conn, addr = sock.accept()\"\r\n")));
        QCOMPARE(filter.toCsv().count(QStringLiteral("\r\n")), 2);
    }

    void csv()
    {
        QCOMPARE(CsvWriter::field(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(CsvWriter::field(QStringLiteral("a, b")), QStringLiteral("\"a, b\""));
        QCOMPARE(CsvWriter::field(QStringLiteral("say \"hi\"")),
                 QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(CsvWriter::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));

        QStringListModel list({ QStringLiteral("x, \"y\""), QStringLiteral("z") });
        QCOMPARE(CsvWriter::fromModel(list), QStringLiteral("1\r\n\"x, \"\"y\"\"\"\r\nz\r\n"));

        EventLogModel model;
        model.applyEvents({ server(0, Call::Accept, Phase::Return, 1, 5) });
        const QStringList lines = model.toCsv().split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("Time (s),Server,Actor,Call,Phase,Result,Bytes,Python"));
        QCOMPARE(lines[1],
                 QStringLiteral("1.000000,A,server (tid 500),accept,return,5,,"
                                "\"conn, addr = sock.accept()\""));
        QCOMPARE(lines[2], QString());
    }
};

QTEST_GUILESS_MAIN(TestModelStats)
#include "tst_modelstats.moc"

// Gate: in Pause real worker threads make exactly the calls the user steps, to the thread the
// user picks or to the one waiting longest; Run and stop flags release them; slow motion stretches
// handler work by 1 / speed and gives way to a stop at once; step() says whom it released.
#include "trace/clock.h"
#include "trace/gate.h"

#include <QElapsedTimer>
#include <QMap>
#include <QSet>
#include <QTest>

#include <atomic>
#include <limits>
#include <memory>
#include <thread>

namespace {
constexpr int kTimeoutMs = 30'000;

// Threads that each make "socket calls" in a loop, passing the gate before every one, as a server's
// workers do. Stops and joins them on destruction, so a failed check never leaves one behind.
class Workers final
{
public:
    // Worker i waits as actor with actorId firstId + i.
    Workers(Gate &gate, int count, Call call, quint16 origin, Actor actor = Actor::Server,
            quint32 firstId = 0)
        : m_gate(gate)
    {
        for (int i = 0; i < count; ++i)
            m_workers.push_back(std::make_unique<Worker>());
        for (int i = 0; i < count; ++i)
            m_workers[std::size_t(i)]->thread = std::thread(
                    [this, w = m_workers[std::size_t(i)].get(), call, origin, actor, firstId, i] {
                        run(w, call, origin, actor, firstId + quint32(i));
                    });
    }
    ~Workers() { stop(); }

    void stop()
    {
        m_stop.store(true);
        m_gate.wakeAll();
        for (const auto &worker : m_workers) {
            if (worker->thread.joinable())
                worker->thread.join();
        }
    }
    // Sets the flag and wakes the gate without joining, as a server's stop() would begin.
    void requestStop()
    {
        m_stop.store(true);
        m_gate.wakeAll();
    }

    int count() const { return int(m_workers.size()); }
    qint32 tid(int i) const { return m_workers[std::size_t(i)]->tid.load(); }
    int calls(int i) const { return m_workers[std::size_t(i)]->calls.load(); }
    int totalCalls() const
    {
        int total = 0;
        for (int i = 0; i < count(); ++i)
            total += calls(i);
        return total;
    }
    int indexOf(qint32 tid) const
    {
        for (int i = 0; i < count(); ++i) {
            if (this->tid(i) == tid)
                return i;
        }
        return -1;
    }
    int finished() const
    {
        int n = 0;
        for (const auto &worker : m_workers)
            n += worker->finished.load() ? 1 : 0;
        return n;
    }
    int refusedByGate() const
    {
        int n = 0;
        for (const auto &worker : m_workers)
            n += worker->refused.load() ? 1 : 0;
        return n;
    }

private:
    Q_DISABLE_COPY_MOVE(Workers)

    struct Worker
    {
        std::thread thread;
        std::atomic<qint32> tid{ 0 };
        std::atomic<int> calls{ 0 };
        std::atomic<bool> refused{ false }; // pass() returned false
        std::atomic<bool> finished{ false };
    };

    void run(Worker *worker, Call call, quint16 origin, Actor actor, quint32 actorId)
    {
        worker->tid.store(currentTid());
        while (!m_stop.load()) {
            if (!m_gate.pass(call, origin, actor, actorId, &m_stop)) {
                worker->refused.store(true);
                break;
            }
            worker->calls.fetch_add(1);
            std::this_thread::yield();
        }
        worker->finished.store(true);
    }

    Gate &m_gate;
    std::atomic<bool> m_stop{ false };
    std::vector<std::unique_ptr<Worker>> m_workers;
};

int waiterCount(const Gate &gate)
{
    return int(gate.waiters().size());
}
} // namespace

class TestGate : public QObject
{
    Q_OBJECT

private slots:
    void handlerWorkStandsStillWhilePaused()
    {
        // A handler's sleep(0.3) while the lab is paused: none of it passes until the resume,
        // then all 0.3 s of it does — the same as the lab's clock.
        Gate gate;
        gate.setMode(Gate::Mode::Pause);
        std::atomic<bool> stop{ false };
        std::atomic<qint64> doneNs{ 0 };
        std::thread worker([&] {
            if (gate.sleepScaled(300'000'000, &stop))
                doneNs.store(Clock::nowNs());
        });
        QTest::qWait(500); // the scenario: the lab stays paused longer than the sleep lasts
        QCOMPARE(doneNs.load(), qint64(0));
        const qint64 resumed = Clock::nowNs();
        gate.setMode(Gate::Mode::Run);
        QTRY_VERIFY(doneNs.load() != 0);
        worker.join();
        QVERIFY2(doneNs.load() - resumed >= 290'000'000,
                 qPrintable(QString::number((doneNs.load() - resumed) / 1e6)));
    }

    void runIsAFastPath()
    {
        Gate gate;
        QCOMPARE(gate.mode(), Gate::Mode::Run);
        QVERIFY(gate.pass(Call::Accept, 1, Actor::Server, 0, nullptr));
        // Run never refuses: a worker in Run checks its own flag between calls.
        const std::atomic<bool> stop{ true };
        QVERIFY(gate.pass(Call::Accept, 1, Actor::Server, 0, &stop));
        QVERIFY(gate.waiters().empty());
    }

    void pauseRefusesAStoppedCallerAtOnce()
    {
        Gate gate;
        gate.setMode(Gate::Mode::Pause);
        const std::atomic<bool> stop{ true };
        QVERIFY(!gate.pass(Call::Recv, 1, Actor::Server, 0, &stop));
        QVERIFY(gate.waiters().empty());
    }

    void stepReleasesExactlyOneCall_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("steps");
        QTest::newRow("1 thread") << 1 << 5;
        QTest::newRow("3 threads") << 3 << 12;
        QTest::newRow("8 threads") << 8 << 20;
    }

    void stepReleasesExactlyOneCall()
    {
        QFETCH(int, threads);
        QFETCH(int, steps);
        Gate gate;
        gate.setMode(Gate::Mode::Pause);
        Workers workers(gate, threads, Call::Recv, 1);
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), threads, kTimeoutMs);
        QCOMPARE(workers.totalCalls(), 0);

        QMap<qint32, int> expected;
        for (int step = 1; step <= steps; ++step) {
            // step(0) goes to the thread waiting longest.
            const qint32 oldest = gate.waiters().front().tid;
            ++expected[oldest];
            gate.step();
            QTRY_COMPARE_WITH_TIMEOUT(workers.totalCalls(), step, kTimeoutMs);
            // Once every thread is back at the gate nothing else can have slipped through.
            QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), threads, kTimeoutMs);
            QCOMPARE(workers.totalCalls(), step);
            for (int i = 0; i < threads; ++i)
                QCOMPARE(workers.calls(i), expected.value(workers.tid(i)));
        }
    }

    void stepTidReleasesThatThread()
    {
        const int threads = 4;
        Gate gate;
        gate.setMode(Gate::Mode::Pause);
        Workers workers(gate, threads, Call::Send, 1);
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), threads, kTimeoutMs);

        // Newest first, so step(tid) is seen to ignore the arrival order.
        const std::vector<Gate::Waiter> waiting = gate.waiters();
        std::vector<int> expected(threads, 0);
        for (auto it = waiting.rbegin(); it != waiting.rend(); ++it) {
            const int index = workers.indexOf(it->tid);
            QVERIFY(index >= 0);
            ++expected[std::size_t(index)];
            gate.step(it->tid);
            QTRY_COMPARE_WITH_TIMEOUT(workers.calls(index), expected[std::size_t(index)],
                                      kTimeoutMs);
            QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), threads, kTimeoutMs);
            for (int i = 0; i < threads; ++i)
                QCOMPARE(workers.calls(i), expected[std::size_t(i)]);
        }

        // Two grants to one thread in a row: the second waits for it if it is not back yet.
        const qint32 tid = workers.tid(2);
        gate.step(tid);
        gate.step(tid);
        expected[2] += 2;
        QTRY_COMPARE_WITH_TIMEOUT(workers.calls(2), expected[2], kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), threads, kTimeoutMs);
        for (int i = 0; i < threads; ++i)
            QCOMPARE(workers.calls(i), expected[std::size_t(i)]);
    }

    void waitersListTheirCalls()
    {
        Gate gate;
        gate.setMode(Gate::Mode::Pause);
        const qint64 before = Clock::nowNs();
        Workers acceptors(gate, 2, Call::Accept, 1);
        Workers readers(gate, 3, Call::Recv, 2);
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), 5, kTimeoutMs);
        const qint64 after = Clock::nowNs();

        const std::vector<Gate::Waiter> waiting = gate.waiters();
        QSet<qint32> tids;
        qint64 previousSince = 0;
        for (const Gate::Waiter &waiter : waiting) {
            tids.insert(waiter.tid);
            if (acceptors.indexOf(waiter.tid) >= 0) {
                QCOMPARE(waiter.call, Call::Accept);
                QCOMPARE(waiter.origin, quint16(1));
            } else {
                QVERIFY(readers.indexOf(waiter.tid) >= 0);
                QCOMPARE(waiter.call, Call::Recv);
                QCOMPARE(waiter.origin, quint16(2));
            }
            QVERIFY(waiter.sinceNs >= before);
            QVERIFY(waiter.sinceNs <= after);
            QVERIFY(waiter.sinceNs >= previousSince); // longest waiting first
            previousSince = waiter.sinceNs;
        }
        QCOMPARE(tids.size(), 5);
    }

    void runReleasesEveryone()
    {
        const int threads = 4;
        Gate gate;
        gate.setMode(Gate::Mode::Pause);
        Workers workers(gate, threads, Call::Recv, 1);
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), threads, kTimeoutMs);

        gate.setMode(Gate::Mode::Run);
        QCOMPARE(gate.mode(), Gate::Mode::Run);
        QVERIFY(gate.waiters().empty());
        for (int i = 0; i < threads; ++i)
            QTRY_VERIFY_WITH_TIMEOUT(workers.calls(i) >= 3, kTimeoutMs);
        QCOMPARE(workers.refusedByGate(), 0);

        // Pausing again catches every thread before its next call.
        gate.setMode(Gate::Mode::Pause);
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), threads, kTimeoutMs);
        QCOMPARE(workers.refusedByGate(), 0);
    }

    void keptGrantsAndWhenTheyAreForgotten()
    {
        Gate gate;
        gate.setMode(Gate::Mode::Pause);
        // A step made while nobody waits lets the next arrival through at once.
        gate.step();
        QVERIFY(gate.pass(Call::Accept, 1, Actor::Server, 0, nullptr));
        gate.step(currentTid());
        QVERIFY(gate.pass(Call::Accept, 1, Actor::Server, 0, nullptr));

        // Back to Run forgets grants; a step in Run grants nothing.
        gate.step();
        gate.step(currentTid());
        gate.setMode(Gate::Mode::Run);
        gate.step();
        gate.setMode(Gate::Mode::Pause);
        Workers workers(gate, 1, Call::Accept, 1);
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), 1, kTimeoutMs);
        QCOMPARE(workers.totalCalls(), 0);
    }

    void stepReturnsTheWaiterItReleased()
    {
        Gate gate;
        gate.setMode(Gate::Mode::Pause);
        // One server thread in accept(), three clients of server B (origin 1) before connect().
        Workers server(gate, 1, Call::Accept, 0, Actor::Server, 0);
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), 1, kTimeoutMs);
        Workers clients(gate, 3, Call::Connect, 1, Actor::Client, 1);
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), 4, kTimeoutMs);
        for (const Gate::Waiter &w : gate.waiters()) {
            const bool isServer = w.tid == server.tid(0);
            QCOMPARE(w.actor, isServer ? Actor::Server : Actor::Client);
            QCOMPARE(w.call, isServer ? Call::Accept : Call::Connect);
            QCOMPARE(w.origin, quint16(isServer ? 0 : 1));
            if (!isServer)
                QCOMPARE(w.actorId, quint32(clients.indexOf(w.tid) + 1));
        }

        // A chosen thread: client 2 (the second client thread).
        const std::optional<Gate::Waiter> second = gate.step(clients.tid(1));
        QVERIFY(second);
        QCOMPARE(second->tid, clients.tid(1));
        QCOMPARE(second->actor, Actor::Client);
        QCOMPARE(second->actorId, 2U);
        QCOMPARE(second->call, Call::Connect);
        QCOMPARE(second->origin, quint16(1));
        QTRY_COMPARE_WITH_TIMEOUT(clients.calls(1), 1, kTimeoutMs);
        QCOMPARE(clients.totalCalls() + server.totalCalls(), 1);

        // Whoever waits longest: the server thread, which arrived first.
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), 4, kTimeoutMs);
        const std::optional<Gate::Waiter> oldest = gate.step();
        QVERIFY(oldest);
        QCOMPARE(oldest->tid, server.tid(0));
        QCOMPARE(oldest->actor, Actor::Server);
        QCOMPARE(oldest->actorId, 0U);
        QCOMPARE(oldest->call, Call::Accept);
        QTRY_COMPARE_WITH_TIMEOUT(server.calls(0), 1, kTimeoutMs);

        // A thread that is not waiting: the grant is kept, nobody was released.
        QVERIFY(!gate.step(currentTid()));
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), 4, kTimeoutMs);
        QCOMPARE(clients.totalCalls() + server.totalCalls(), 2);
        gate.setMode(Gate::Mode::Run);
        QVERIFY(!gate.step());
        server.stop();
        clients.stop();
    }

    void stopFlagAndWakeAllRefuseWaiters()
    {
        Gate gate;
        gate.setMode(Gate::Mode::Pause);
        // Two servers side by side, each with its own stop flag.
        Workers left(gate, 2, Call::Accept, 1);
        Workers right(gate, 3, Call::Recv, 2);
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), 5, kTimeoutMs);

        left.requestStop();
        QTRY_COMPARE_WITH_TIMEOUT(left.finished(), 2, kTimeoutMs);
        QCOMPARE(left.refusedByGate(), 2);
        QCOMPARE(left.totalCalls(), 0);
        // The others re-checked their own flag and went back to waiting.
        QTRY_COMPARE_WITH_TIMEOUT(waiterCount(gate), 3, kTimeoutMs);
        for (const Gate::Waiter &waiter : gate.waiters())
            QCOMPARE(waiter.origin, quint16(2));
        QCOMPARE(right.finished(), 0);

        right.requestStop();
        QTRY_COMPARE_WITH_TIMEOUT(right.finished(), 3, kTimeoutMs);
        QCOMPARE(right.refusedByGate(), 3);
        QCOMPARE(right.totalCalls(), 0);
        QVERIFY(gate.waiters().empty());
    }

    void waitersChangedReachesTheGuiThread()
    {
        Gate gate;
        QObject gui; // lives in this (the GUI) thread
        int changes = 0;
        int lastSeen = -1;
        // Thread hop: the signal comes from worker threads; queued, the slot runs here.
        connect(
                &gate, &Gate::waitersChanged, &gui,
                [&] {
                    ++changes;
                    lastSeen = waiterCount(gate);
                },
                Qt::QueuedConnection);

        gate.setMode(Gate::Mode::Pause);
        Workers workers(gate, 2, Call::Connect, 1);
        QTRY_VERIFY_WITH_TIMEOUT(changes >= 2, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(lastSeen, 2, kTimeoutMs);

        const int before = changes;
        gate.setMode(Gate::Mode::Run);
        QTRY_VERIFY_WITH_TIMEOUT(changes > before, kTimeoutMs);
        workers.stop();
        QTRY_COMPARE_WITH_TIMEOUT(lastSeen, 0, kTimeoutMs);
    }

    void speedIsClamped_data()
    {
        QTest::addColumn<double>("factor");
        QTest::addColumn<double>("expected");
        QTest::newRow("1.0") << 1.0 << 1.0;
        QTest::newRow("0.5") << 0.5 << 0.5;
        QTest::newRow("0.25") << 0.25 << 0.25;
        QTest::newRow("0.1") << 0.1 << 0.1;
        QTest::newRow("too slow") << 0.0001 << 0.01;
        QTest::newRow("too fast") << 1000.0 << 100.0;
        QTest::newRow("zero ignored") << 0.0 << 1.0;
        QTest::newRow("negative ignored") << -0.5 << 1.0;
        QTest::newRow("NaN ignored") << std::numeric_limits<double>::quiet_NaN() << 1.0;
        QTest::newRow("infinity ignored") << std::numeric_limits<double>::infinity() << 1.0;
    }

    void speedIsClamped()
    {
        QFETCH(double, factor);
        QFETCH(double, expected);
        Gate gate;
        QCOMPARE(gate.speed(), 1.0);
        gate.setSpeed(factor);
        QCOMPARE(gate.speed(), expected);
    }

    void sleepScaledStretchesWork_data()
    {
        QTest::addColumn<double>("speed");
        QTest::newRow("half speed") << 0.5;
        QTest::newRow("quarter speed") << 0.25;
    }

    void sleepScaledStretchesWork()
    {
        QFETCH(double, speed);
        const qint64 work = 100'000'000; // 100 ms of handler work
        Gate gate;
        const std::atomic<bool> stop{ false };
        QElapsedTimer timer;
        timer.start();
        QVERIFY(gate.sleepScaled(work, &stop));
        const qint64 realTime = timer.nsecsElapsed();
        QVERIFY2(realTime >= work, qPrintable(QString::number(realTime)));

        gate.setSpeed(speed);
        timer.restart();
        QVERIFY(gate.sleepScaled(work, &stop));
        const qint64 slowed = timer.nsecsElapsed();
        const double ratio = double(slowed) / double(realTime);
        // Generous bounds: the expected ratio is 1 / speed, a loaded machine only shrinks it.
        QVERIFY2(ratio > 0.7 / speed && ratio < 2.5 / speed,
                 qPrintable(QStringLiteral("ratio %1 (%2 ns vs %3 ns)")
                                    .arg(ratio)
                                    .arg(slowed)
                                    .arg(realTime)));
    }

    void sleepScaledReturnsEarlyOnStop_data()
    {
        QTest::addColumn<bool>("wake");
        QTest::newRow("stop flag and wakeAll") << true;
        QTest::newRow("stop flag alone: seen within a slice") << false;
    }

    void sleepScaledReturnsEarlyOnStop()
    {
        QFETCH(bool, wake);
        Gate gate;
        gate.setSpeed(0.1);
        std::atomic<bool> stop{ false };
        std::atomic<bool> started{ false };
        std::atomic<int> result{ -1 };
        QElapsedTimer timer;
        timer.start();
        std::thread sleeper([&] {
            started.store(true);
            result.store(gate.sleepScaled(10'000'000'000, &stop) ? 1 : 0); // 100 s at 0.1
        });
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), kTimeoutMs);
        stop.store(true);
        if (wake)
            gate.wakeAll();
        sleeper.join();
        QCOMPARE(result.load(), 0);
        QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));

        // Already stopped: no sleep at all.
        QVERIFY(!gate.sleepScaled(1'000'000'000, &stop));
        const std::atomic<bool> running{ false };
        QVERIFY(gate.sleepScaled(0, &running));
    }

    void speedChangeReachesARunningSleep()
    {
        Gate gate;
        gate.setSpeed(0.1);
        const std::atomic<bool> stop{ false };
        std::atomic<bool> started{ false };
        std::atomic<qint64> elapsedNs{ 0 };
        std::thread sleeper([&] {
            started.store(true);
            const qint64 begin = Clock::nowNs();
            gate.sleepScaled(300'000'000, &stop); // 3 s at 0.1, 0.3 s at 1.0
            elapsedNs.store(Clock::nowNs() - begin);
        });
        QTRY_VERIFY_WITH_TIMEOUT(started.load(), kTimeoutMs);
        gate.setSpeed(1.0);
        sleeper.join();
        QVERIFY2(elapsedNs.load() < 2'000'000'000, qPrintable(QString::number(elapsedNs.load())));
        QVERIFY(elapsedNs.load() >= 300'000'000 / 2); // some of the work was done at real time
    }
};

QTEST_GUILESS_MAIN(TestGate)
#include "tst_gate.moc"

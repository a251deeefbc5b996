// EventHub: many producer threads and one draining consumer lose nothing and keep each producer's
// order; over the cap exactly `capacity` events are kept (the oldest) and the rest counted; a
// disabled hub counts nothing.
#include "trace/eventhub.h"

#include <QDeadlineTimer>
#include <QTest>

#include <atomic>
#include <thread>

class TestEventHub : public QObject
{
    Q_OBJECT

private:
    // Producer p's i-th event: who made it in actorId, its sequence number in result.
    static Event numbered(int producer, qint64 sequence)
    {
        Event event;
        event.actor = Actor::Client;
        event.call = Call::Send;
        event.actorId = quint32(producer);
        event.result = sequence;
        return event;
    }

    static std::vector<std::thread> startProducers(EventHub &hub, int producers, int perProducer,
                                                   std::atomic<int> *finished)
    {
        std::vector<std::thread> threads;
        for (int p = 0; p < producers; ++p) {
            threads.emplace_back([&hub, p, perProducer, finished] {
                for (int i = 0; i < perProducer; ++i)
                    hub.push(numbered(p, i));
                finished->fetch_add(1);
            });
        }
        return threads;
    }

    static void joinAll(std::vector<std::thread> &threads)
    {
        for (std::thread &thread : threads)
            thread.join();
    }

private slots:
    void concurrentProducersLoseNothing_data()
    {
        QTest::addColumn<int>("producers");
        QTest::addColumn<int>("perProducer");
        QTest::addColumn<int>("capacity");
        QTest::addColumn<bool>("recycle"); // drain(batch) instead of drain()
        QTest::newRow("8 x 100k, cap holds all") << 8 << 100'000 << 8 * 100'000 << false;
        QTest::newRow("8 x 100k, cap holds all, recycled batches")
                << 8 << 100'000 << 8 * 100'000 << true;
        QTest::newRow("1 x 100k") << 1 << 100'000 << 100'000 << false;
        QTest::newRow("8 x 20k, tiny cap: drops, never reorders") << 8 << 20'000 << 64 << true;
    }

    void concurrentProducersLoseNothing()
    {
        QFETCH(int, producers);
        QFETCH(int, perProducer);
        QFETCH(int, capacity);
        QFETCH(bool, recycle);
        const quint64 total = quint64(producers) * quint64(perProducer);
        const bool everythingFits = quint64(capacity) >= total;

        EventHub hub(static_cast<std::size_t>(capacity));
        std::atomic<int> finished{ 0 };
        std::vector<std::thread> threads = startProducers(hub, producers, perProducer, &finished);

        // The consumer drains while the producers push, like the GUI's frame timer.
        std::vector<qint64> last(std::size_t(producers), -1);
        std::vector<Event> batch;
        quint64 received = 0;
        bool ordered = true;
        bool gapless = true;
        const QDeadlineTimer deadline(120'000);
        bool done = false;
        while (!done && !deadline.hasExpired()) {
            // Producers done before this drain means this drain is the last one needed.
            done = finished.load() == producers;
            if (recycle)
                hub.drain(batch);
            else
                batch = hub.drain();
            for (const Event &event : batch) {
                qint64 &previous = last[event.actorId];
                ordered = ordered && event.result > previous;
                gapless = gapless && event.result == previous + 1;
                previous = event.result;
            }
            received += batch.size();
            if (batch.empty())
                std::this_thread::yield();
        }
        joinAll(threads);
        QVERIFY(done);

        QVERIFY(ordered);
        QCOMPARE(received, hub.pushed());
        QCOMPARE(hub.pushed() + hub.dropped(), total);
        QVERIFY(hub.drain().empty());
        if (everythingFits) {
            QVERIFY(gapless);
            QCOMPARE(hub.pushed(), total);
            QCOMPARE(hub.dropped(), quint64(0));
            for (qint64 sequence : last)
                QCOMPARE(sequence, qint64(perProducer - 1));
        }
    }

    void overTheCapKeepsTheOldest_data()
    {
        QTest::addColumn<int>("producers");
        QTest::addColumn<int>("perProducer");
        QTest::addColumn<int>("capacity");
        QTest::newRow("1 producer, 2500 into 1000") << 1 << 2500 << 1000;
        QTest::newRow("4 producers, 4 x 1000 into 1000") << 4 << 1000 << 1000;
        QTest::newRow("8 producers, 8 x 10000 into 65536") << 8 << 10'000 << 65'536;
        QTest::newRow("capacity 0 keeps nothing") << 2 << 100 << 0;
    }

    void overTheCapKeepsTheOldest()
    {
        QFETCH(int, producers);
        QFETCH(int, perProducer);
        QFETCH(int, capacity);
        const quint64 total = quint64(producers) * quint64(perProducer);

        EventHub hub(static_cast<std::size_t>(capacity));
        QCOMPARE(hub.capacity(), std::size_t(capacity));
        std::atomic<int> finished{ 0 };
        std::vector<std::thread> threads = startProducers(hub, producers, perProducer, &finished);
        joinAll(threads);

        QCOMPARE(hub.pushed(), quint64(capacity));
        QCOMPARE(hub.dropped(), total - quint64(capacity));
        const std::vector<Event> kept = hub.drain();
        QCOMPARE(kept.size(), std::size_t(capacity));
        // Drop newest: once full every later push is refused, so each producer keeps a prefix.
        std::vector<qint64> next(std::size_t(producers), 0);
        for (const Event &event : kept)
            QCOMPARE(event.result, next[event.actorId]++);

        // Draining makes room again; the counters keep counting.
        hub.push(numbered(0, 0));
        QCOMPARE(hub.pushed(), quint64(capacity) + (capacity > 0 ? 1 : 0));
        QCOMPARE(hub.dropped(), total - quint64(capacity) + (capacity > 0 ? 0 : 1));
    }

    void disabledHubCountsNothing()
    {
        EventHub hub(10);
        QVERIFY(hub.isEnabled());
        for (int i = 0; i < 10; ++i)
            hub.push(numbered(0, i));
        hub.setEnabled(false);
        QVERIFY(!hub.isEnabled());
        // Full and disabled: still neither pushed nor dropped.
        std::atomic<int> finished{ 0 };
        std::vector<std::thread> threads = startProducers(hub, 4, 1000, &finished);
        joinAll(threads);
        QCOMPARE(hub.pushed(), quint64(10));
        QCOMPARE(hub.dropped(), quint64(0));
        QCOMPARE(hub.drain().size(), std::size_t(10));
        hub.push(numbered(0, 10));
        QVERIFY(hub.drain().empty());

        hub.setEnabled(true);
        hub.push(numbered(0, 11));
        QCOMPARE(hub.pushed(), quint64(11));
        const std::vector<Event> batch = hub.drain();
        QCOMPARE(batch.size(), std::size_t(1));
        QCOMPARE(batch.front().result, qint64(11));
    }

    void drainHandsBackAFreshBatch()
    {
        EventHub hub(100);
        QVERIFY(hub.drain().empty());
        std::vector<Event> batch{ numbered(7, 7), numbered(7, 8) }; // the previous frame's batch
        hub.push(numbered(1, 0));
        hub.push(numbered(2, 0));
        hub.drain(batch);
        QCOMPARE(batch.size(), std::size_t(2));
        QCOMPARE(batch[0].actorId, quint32(1));
        QCOMPARE(batch[1].actorId, quint32(2));
        hub.drain(batch);
        QVERIFY(batch.empty());
        // The recycled buffer still holds a full capacity: a burst after it is kept whole.
        for (int i = 0; i < 100; ++i)
            hub.push(numbered(0, i));
        hub.push(numbered(0, 100));
        QCOMPARE(hub.drain().size(), std::size_t(100));
        QCOMPARE(hub.dropped(), quint64(1));
    }
};

QTEST_GUILESS_MAIN(TestEventHub)
#include "tst_eventhub.moc"

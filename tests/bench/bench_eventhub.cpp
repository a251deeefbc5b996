// EventHub against one queued signal per event: 8 producer threads deliver the same events to the
// main thread's event loop both ways, alternately, 5 times each; prints the medians.
#include "trace/clock.h"
#include "trace/eventhub.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace {
constexpr int kProducers = 8;
constexpr int kPerProducer = 100'000;
constexpr quint64 kTotal = quint64(kProducers) * kPerProducer;
constexpr int kRuns = 5;

// Stamped from one clock read per producer, not one per event: the figures measure the hand-over.
Event makeEvent(int producer, int sequence, qint64 start)
{
    Event event;
    event.ns = start + sequence;
    event.actor = Actor::Worker;
    event.actorId = quint32(producer);
    event.call = Call::Send;
    event.phase = Phase::Return;
    event.result = sequence;
    event.bytes = 64;
    return event;
}

// Producer threads parked on a flag, so creating them stays out of the measured time.
class Producers final
{
public:
    explicit Producers(std::function<void(int, int, qint64)> produce)
    {
        for (int p = 0; p < kProducers; ++p) {
            m_threads.emplace_back([this, p, produce] {
                while (!m_go.load(std::memory_order_acquire))
                    std::this_thread::yield();
                const qint64 start = Clock::nowNs();
                for (int i = 0; i < kPerProducer; ++i)
                    produce(p, i, start);
            });
        }
    }
    ~Producers() { join(); }

    void go() { m_go.store(true, std::memory_order_release); }
    void join()
    {
        for (std::thread &thread : m_threads) {
            if (thread.joinable())
                thread.join();
        }
    }

private:
    std::atomic<bool> m_go{ false };
    std::vector<std::thread> m_threads;
};

// The sender side of the signal variant: one per producer, like one per connection.
class Emitter final : public QObject
{
    Q_OBJECT

signals:
    void event(const Event &event);
};

// The receiver side of the signal variant: counts events in the main thread's event loop.
class Receiver final : public QObject
{
    Q_OBJECT

public:
    Receiver(quint64 expected, QEventLoop *loop) : m_expected(expected), m_loop(loop) { }

public slots:
    void onEvent(const Event &event)
    {
        Q_UNUSED(event)
        if (++m_received == m_expected)
            m_loop->quit();
    }

private:
    const quint64 m_expected;
    QEventLoop *m_loop;
    quint64 m_received = 0;
};

// Events per second from the producers' start until the main thread holds the last event.
double eventsPerSecond(qint64 ns)
{
    return double(kTotal) / Clock::seconds(ns);
}

double runEventHub()
{
    // Room for every event: the figure counts delivered events, never dropped ones.
    EventHub hub(kTotal);
    QEventLoop loop;
    std::vector<Event> batch;
    quint64 received = 0;
    // The consumer drains on a 1 ms timer in the main event loop (the GUI uses one frame).
    QTimer frame;
    frame.setTimerType(Qt::PreciseTimer);
    frame.setInterval(1);
    QObject::connect(&frame, &QTimer::timeout, &loop, [&] {
        hub.drain(batch);
        received += batch.size();
        if (received + hub.dropped() >= kTotal)
            loop.quit();
    });
    Producers producers([&hub](int p, int i, qint64 start) { hub.push(makeEvent(p, i, start)); });
    QElapsedTimer timer;
    timer.start();
    producers.go();
    frame.start();
    loop.exec();
    const qint64 ns = timer.nsecsElapsed();
    producers.join();
    if (hub.dropped() != 0)
        std::fprintf(stderr, "bench_eventhub: %llu events dropped\n",
                     static_cast<unsigned long long>(hub.dropped()));
    return eventsPerSecond(ns);
}

double runQueuedSignals()
{
    QEventLoop loop;
    Receiver receiver(kTotal, &loop);
    std::vector<std::unique_ptr<Emitter>> emitters;
    for (int p = 0; p < kProducers; ++p) {
        emitters.push_back(std::make_unique<Emitter>());
        // Thread hop: each emit from a producer posts one event to the main thread's queue.
        QObject::connect(emitters.back().get(), &Emitter::event, &receiver, &Receiver::onEvent,
                         Qt::QueuedConnection);
    }
    Producers producers([&emitters](int p, int i, qint64 start) {
        emit emitters[std::size_t(p)]->event(makeEvent(p, i, start));
    });
    QElapsedTimer timer;
    timer.start();
    producers.go();
    loop.exec();
    const qint64 ns = timer.nsecsElapsed();
    producers.join();
    return eventsPerSecond(ns);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qRegisterMetaType<Event>();
    std::fprintf(stderr, "bench_eventhub: %d producers x %d events, %d runs each, %u cores\n",
                 kProducers, kPerProducer, kRuns, std::thread::hardware_concurrency());

    std::vector<double> hub;
    std::vector<double> queued;
    // Alternate the two so drift (thermal, other load) hits both alike.
    for (int run = 0; run < kRuns; ++run) {
        hub.push_back(runEventHub());
        queued.push_back(runQueuedSignals());
        std::fprintf(stderr, "bench_eventhub: run %d: eventhub %.0f, queued signal %.0f events/s\n",
                     run + 1, hub.back(), queued.back());
    }
    const double hubMedian = median(hub);
    const double queuedMedian = median(queued);
    std::printf("bench: eventhub_8producers_events_per_s %.0f events/s\n", hubMedian);
    std::printf("bench: queued_signal_8producers_events_per_s %.0f events/s\n", queuedMedian);
    std::printf("bench: eventhub_vs_queued_signal_ratio %.1f x\n", hubMedian / queuedMedian);
    return 0;
}

#include "bench_eventhub.moc"

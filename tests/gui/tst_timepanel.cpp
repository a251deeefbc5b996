// TimePanel on a real Gate with real threads waiting in pass(): the text names who waits (server
// threads and clients, with their calls, bounded) and what each step released.

#include "timepanel.h"
#include "trace/gate.h"

#include <QLabel>
#include <QPushButton>
#include <QtTest>
#include <atomic>
#include <memory>
#include <thread>

namespace {

constexpr int kTimeoutMs = 30'000;

// Threads that each pass the gate once, as the given actor, then end. Paused, they wait there.
class Arrivals final
{
public:
    explicit Arrivals(Gate &gate) : m_gate(gate) { }
    ~Arrivals()
    {
        m_stop.store(true);
        m_gate.wakeAll();
        for (const auto &t : m_threads)
            if (t->thread.joinable())
                t->thread.join();
    }
    // Starts one thread and waits until it waits at the gate; returns its tid.
    qint32 arrive(Call call, Actor actor, quint32 actorId, quint16 origin = 0)
    {
        const int before = int(m_gate.waiters().size());
        auto t = std::make_unique<Thread>();
        Thread *raw = t.get();
        t->thread = std::thread([this, raw, call, actor, actorId, origin] {
            raw->tid.store(currentTid());
            raw->passed.store(m_gate.pass(call, origin, actor, actorId, &m_stop));
        });
        m_threads.push_back(std::move(t));
        // Until it is listed at the gate; if the time runs out the tid stays 0 and the caller's
        // checks fail.
        if (!QTest::qWaitFor(
                    [&] { return int(m_gate.waiters().size()) > before && raw->tid.load() != 0; },
                    kTimeoutMs))
            return 0;
        return raw->tid.load();
    }

private:
    Q_DISABLE_COPY_MOVE(Arrivals)
    struct Thread
    {
        std::thread thread;
        std::atomic<qint32> tid{ 0 };
        std::atomic<bool> passed{ false };
    };
    Gate &m_gate;
    std::atomic<bool> m_stop{ false };
    std::vector<std::unique_ptr<Thread>> m_threads;
};

} // namespace

class TestTimePanel : public QObject
{
    Q_OBJECT

private slots:
    void namesWhoWaitsAndWhatAStepReleased()
    {
        Gate gate;
        TimePanel panel(&gate);
        panel.pauseButton()->click();
        QCOMPARE(gate.mode(), Gate::Mode::Pause);
        QLabel *label = panel.waitingLabel();
        Arrivals arrivals(gate);
        const qint32 server = arrivals.arrive(Call::Accept, Actor::Server, 0);
        arrivals.arrive(Call::Recv, Actor::Worker, 1);
        qint32 third = 0;
        for (quint32 id = 1; id <= 10; ++id) {
            const qint32 tid = arrivals.arrive(Call::Connect, Actor::Client, id);
            if (id == 3)
                third = tid;
        }
        QCOMPARE(int(gate.waiters().size()), 12);
        QTRY_COMPARE(label->text(),
                     QStringLiteral("Waiting at the gate: 2 server threads (accept(), recv()), "
                                    "10 clients (connect())"));

        // Step one call of client 3: the panel says so, and 9 clients still wait.
        panel.setStepTarget(third, QStringLiteral("client 3"));
        panel.stepButton()->click();
        QTRY_COMPARE(label->text(),
                     QStringLiteral("Step releases only the next call of client 3.\n"
                                    "Released client 3: connect()\n"
                                    "Waiting at the gate: 2 server threads (accept(), recv()), "
                                    "9 clients (connect())"));

        // Step to whoever waits longest: the server thread in accept().
        panel.setStepTarget(0, QString());
        panel.stepButton()->click();
        QTRY_COMPARE(label->text(),
                     QStringLiteral("Released server thread (tid %1): accept()\n"
                                    "Waiting at the gate: 1 server thread (recv()), "
                                    "9 clients (connect())")
                             .arg(server));

        // A step for a thread that is not waiting releases nobody, and says so.
        panel.setStepTarget(third, QStringLiteral("client 3"));
        panel.stepButton()->click();
        QTRY_VERIFY2(label->text().startsWith(
                             QStringLiteral("Step releases only the next call of client 3.\n"
                                            "client 3 was not waiting: its next call will go "
                                            "through.\nWaiting at the gate: 1 server thread")),
                     qPrintable(label->text()));
        QCOMPARE(int(gate.waiters().size()), 10);

        panel.pauseButton()->click(); // resume: everyone goes, the text goes
        QTRY_COMPARE(int(gate.waiters().size()), 0);
        QTRY_VERIFY(label->text().isEmpty());
    }

    void twoServersAndLongCallLists()
    {
        Gate gate;
        TimePanel panel(&gate);
        panel.pauseButton()->click();
        QLabel *label = panel.waitingLabel();
        Arrivals arrivals(gate);
        // Server A: one thread each in five different calls; server B: two clients.
        qint32 tid = 0;
        for (Call call : { Call::Accept, Call::Recv, Call::Send, Call::Sleep, Call::Close })
            arrivals.arrive(call, Actor::Worker, quint32(call));
        for (quint32 id = 1; id <= 3; ++id) {
            const qint32 t = arrivals.arrive(Call::Connect, Actor::Client, id, 1);
            if (id == 3)
                tid = t;
        }
        QTRY_COMPARE(label->text(),
                     QStringLiteral("Waiting at the gate: A · 5 server threads (accept(), recv(), "
                                    "send(), +2 more), B · 3 clients (connect())"));
        panel.setStepTarget(tid, QStringLiteral("client B · 3"));
        panel.stepButton()->click();
        QTRY_VERIFY2(label->text().startsWith(
                             QStringLiteral("Step releases only the next call of client B · 3.\n"
                                            "Released client B · 3: connect()\n")),
                     qPrintable(label->text()));
        panel.pauseButton()->click();
        QTRY_COMPARE(int(gate.waiters().size()), 0);
    }
};

QTEST_MAIN(TestTimePanel)
#include "tst_timepanel.moc"

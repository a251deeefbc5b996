// StageModel: where every client's connection is (outside, half-open, in the accept queue, with a
// server thread, done) and what every server thread does, from events and kernel samples only.
// Hand-made events for the rules, then real runs through LabSession on loopback.
#include "lab/labsession.h"
#include "model/connectionmodel.h"
#include "model/stagemodel.h"
#include "modeltest.h"
#include "probe/kernelsettings.h"

#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <map>

using namespace modeltest;
using Place = StageToken::Place;

namespace {

Event withPort(Event e, quint16 port)
{
    e.port = port;
    return e;
}

ProbeSample sample(quint64 sequence, std::vector<ClientProbe> clients, int queued = 0, int cap = 2)
{
    ProbeSample s;
    s.ns = ns(double(sequence));
    s.sequence = sequence;
    s.queue.available = true;
    s.queue.listening = true;
    s.queue.queue = queued;
    s.queue.cap = cap;
    s.clients = std::move(clients);
    return s;
}

ServerConfig config(ServerModel model, double delay = 0.0, int backlog = 2)
{
    ServerConfig c;
    c.model = model;
    c.handler = delay > 0 ? HandlerKind::SleepEcho : HandlerKind::Echo;
    c.delaySeconds = delay;
    c.backlog = backlog;
    return c;
}

int countIn(const StageServer &s, Place place)
{
    return int(std::count_if(s.tokens.begin(), s.tokens.end(),
                             [place](const StageToken &t) { return t.place == place; }));
}

bool waiting(Place place)
{
    return place == Place::SynSent || place == Place::SynQueue || place == Place::AckDropped
            || place == Place::AcceptQueue;
}

bool serving(Call call)
{
    switch (call) {
    case Call::Setup:
    case Call::Handle:
    case Call::Recv:
    case Call::Sleep:
    case Call::SendAll:
    case Call::Finish:
        return true;
    default:
        return false;
    }
}

// "1:worker/0, 2:accept-queue/1, … | server 0 sleep client 1, …" for failure messages.
QString describe(const StageServer &s)
{
    QStringList tokens;
    for (const StageToken &t : s.tokens)
        tokens << QStringLiteral("%1:%2/%3")
                          .arg(t.client)
                          .arg(StageModel::placeKey(t.place))
                          .arg(t.slot);
    QStringList workers;
    for (const StageWorker &w : s.workers)
        workers << QStringLiteral("%1 %2 %3 client %4%5")
                           .arg(actorName(w.actor))
                           .arg(w.actorId)
                           .arg(callName(w.call))
                           .arg(w.client)
                           .arg(w.exited ? QStringLiteral(" exited") : QString());
    return QStringLiteral("%1 (%2 slots): %3 | %4")
            .arg(s.label)
            .arg(s.slotCount)
            .arg(tokens.join(QStringLiteral(", ")), workers.join(QStringLiteral(", ")));
}

// Tokens in Worker are held by a live thread that serves exactly that client.
QString workerTrouble(const StageServer &s, Actor holder)
{
    for (const StageToken &t : s.tokens) {
        if (t.place != Place::Worker)
            continue;
        if (t.slot < 0 || size_t(t.slot) >= s.workers.size())
            return QStringLiteral("client %1 in Worker without a worker").arg(t.client);
        const StageWorker &w = s.workers[size_t(t.slot)];
        // A thread just started may stand at the gate before setup(): in no call yet.
        const bool busy = serving(w.call) || (w.call == Call::None && holder != Actor::Server);
        if (w.actor != holder || w.exited || w.client != t.client || !busy)
            return QStringLiteral("client %1 held by %2 %3 (client %4, call %5)")
                    .arg(t.client)
                    .arg(actorName(w.actor))
                    .arg(w.actorId)
                    .arg(w.client)
                    .arg(callName(w.call));
    }
    return {};
}

// The accept queue: at most slotCount tokens, slots 0..n-1, head first in the order they got in
// (the later of connect() returning and entering the queue), as ConnectionModel saw connect().
QString queueTrouble(const StageServer &s, const ConnectionModel &connections)
{
    std::vector<const StageToken *> queue;
    for (const StageToken &t : s.tokens)
        if (t.place == Place::AcceptQueue)
            queue.push_back(&t);
    if (s.slotCount <= 0 || int(queue.size()) > s.slotCount)
        return QStringLiteral("%1 queued, %2 slots").arg(queue.size()).arg(s.slotCount);
    std::sort(queue.begin(), queue.end(),
              [](const StageToken *a, const StageToken *b) { return a->slot < b->slot; });
    qint64 last = 0;
    for (size_t i = 0; i < queue.size(); ++i) {
        const StageToken &t = *queue[i];
        if (t.slot != int(i))
            return QStringLiteral("client %1 at slot %2, expected %3")
                    .arg(t.client)
                    .arg(t.slot)
                    .arg(i);
        const int row = connections.rowOf(s.origin, t.client);
        if (row < 0 || connections.client(row).connectedNs == 0)
            return QStringLiteral("client %1 queued before connect() returned").arg(t.client);
        const qint64 in = std::max(connections.client(row).connectedNs, t.sinceNs);
        if (in < last)
            return QStringLiteral("client %1 out of order").arg(t.client);
        last = in;
    }
    return {};
}

int acceptThreadIndex(const StageServer &s)
{
    for (size_t i = 0; i < s.workers.size(); ++i)
        if (s.workers[i].actor == Actor::Server && !s.workers[i].exited)
            return int(i);
    return -1;
}

// The blocking server's thread entered sleep() under 150 ms ago (lab time): a pause now still
// finds it serving that client, whose 0.4–0.5 s of sleep stands still while paused.
bool justSleeping(const StageServer &s, qint64 nowNs)
{
    const int accept = acceptThreadIndex(s);
    return accept >= 0 && s.workers[size_t(accept)].call == Call::Sleep
            && nowNs - s.workers[size_t(accept)].sinceNs < 150'000'000;
}

// Empty once the paused picture is consistent: every token in Worker with its own live
// `holder`, the accept queue in order within its slots, and for a blocking server exactly one
// client served.
QString trouble(const StageServer &s, Actor holder, const ConnectionModel &connections)
{
    QString why = workerTrouble(s, holder);
    if (why.isEmpty())
        why = queueTrouble(s, connections);
    if (why.isEmpty() && holder == Actor::Server && countIn(s, Place::Worker) != 1)
        why = QStringLiteral("%1 in Worker").arg(countIn(s, Place::Worker));
    return why.isEmpty() ? why : why + QStringLiteral(" — ") + describe(s);
}

} // namespace

class TestStageModel : public QObject
{
    Q_OBJECT

private slots:
    void oneTokenThroughEveryPlace()
    {
        StageModel model;
        QSignalSpy changed(&model, &StageModel::changed);
        model.setServers({ config(ServerModel::Blocking, 0.5) });
        QCOMPARE(int(model.servers().size()), 1);
        QCOMPARE(model.servers().front().label, QStringLiteral("TCPServer"));
        model.applyEvents({ server(0, Call::ServeForever, Phase::Enter, 0.1),
                            server(0, Call::Accept, Phase::Enter, 0.1),
                            client(1, Call::Socket, Phase::Enter, 1.0),
                            client(1, Call::Socket, Phase::Return, 1.0, 7) });
        model.publish();
        QCOMPARE(model.token(0, 1)->place, Place::Waiting);
        const StageServer *s = model.server(0);
        QCOMPARE(int(s->workers.size()), 1);
        QCOMPARE(s->workers.front().actor, Actor::Server);
        QCOMPARE(s->workers.front().call, Call::Accept);

        model.applyEvents({ client(1, Call::Connect, Phase::Enter, 1.1) });
        model.publish();
        QCOMPARE(model.token(0, 1)->place, Place::SynSent);
        QCOMPARE(model.token(0, 1)->nextRetryMs, -1); // the kernel has not spoken yet

        // The kernel: its SYN was dropped and sent again once; the queue holds cap + 1.
        model.applyProbe(sample(2, { { 1, ClientStage::Connecting, 1, 700 } }, 3), 0, ns(2.0));
        model.publish();
        QCOMPARE(model.server(0)->slotCount, 3);
        QCOMPARE(model.server(0)->queued, 3);
        QCOMPARE(model.token(0, 1)->place, Place::SynSent);
        QCOMPARE(model.token(0, 1)->synRetries, 1);
        QCOMPARE(model.token(0, 1)->nextRetryMs, 700);
        QCOMPARE(model.token(0, 1)->sinceNs, ns(1.1));

        // connect() returned: in the queue, at its head; a second client behind it.
        model.applyEvents({ withPort(client(1, Call::Connect, Phase::Return, 3.0), 40001),
                            client(2, Call::Socket, Phase::Enter, 3.1),
                            client(2, Call::Connect, Phase::Enter, 3.1),
                            withPort(client(2, Call::Connect, Phase::Return, 3.2), 40002) });
        model.publish();
        QCOMPARE(model.token(0, 1)->place, Place::AcceptQueue);
        QCOMPARE(model.token(0, 1)->slot, 0);
        QCOMPARE(model.token(0, 1)->synRetries, 1); // how it got there stays known
        QCOMPARE(model.token(0, 1)->nextRetryMs, -1);
        QCOMPARE(model.token(0, 2)->place, Place::AcceptQueue);
        QCOMPARE(model.token(0, 2)->slot, 1);
        // A sample read before connect() returned cannot put it back outside.
        model.applyProbe(sample(3, { { 1, ClientStage::Connecting, 1, 100 } }, 3), 0, ns(3.0));
        model.publish();
        QCOMPARE(model.token(0, 1)->place, Place::AcceptQueue);

        // accept() returned its connection (the peer's port ties it): the accept thread has it.
        model.applyEvents({ withPort(server(1, Call::Accept, Phase::Return, 4.0, 9), 40001),
                            server(1, Call::Setup, Phase::Enter, 4.0),
                            server(1, Call::Setup, Phase::Return, 4.0),
                            server(1, Call::Handle, Phase::Enter, 4.0),
                            server(1, Call::Recv, Phase::Enter, 4.0),
                            server(1, Call::Recv, Phase::Return, 4.1, 5, 5),
                            server(1, Call::Sleep, Phase::Enter, 4.1, ns(0.5)) });
        model.publish();
        std::optional<StageToken> t = model.token(0, 1);
        QCOMPARE(t->place, Place::Worker);
        QCOMPARE(t->sinceNs, ns(4.0));
        s = model.server(0);
        QCOMPARE(t->slot, 0);
        const StageWorker &w = s->workers[size_t(t->slot)];
        QCOMPARE(w.actor, Actor::Server);
        QCOMPARE(w.call, Call::Sleep);
        QCOMPARE(w.callArg, ns(0.5));
        QCOMPARE(w.sinceNs, ns(4.1));
        QCOMPARE(w.connection, 1u);
        QCOMPARE(w.client, 1u);
        QCOMPARE(model.token(0, 2)->slot, 0); // the head now

        // A stale sample (rows read before the accept) still shows it queued: it stays put.
        model.applyProbe(
                sample(4, { { 1, ClientStage::Queued, 0, -1 }, { 2, ClientStage::Queued, 0, -1 } },
                       3),
                0, ns(3.9));
        model.publish();
        QCOMPARE(model.token(0, 1)->place, Place::Worker);
        QCOMPARE(model.token(0, 1)->sinceNs, ns(4.0));
        QCOMPARE(model.token(0, 1)->slot, 0);
        // Nothing new, nothing to tell: publish() stays quiet.
        const int before = changed.count();
        model.publish();
        model.applyProbe(sample(4, { { 2, ClientStage::Queued, 0, -1 } }, 3), 0, ns(3.9));
        model.publish();
        QCOMPARE(changed.count(), before);

        // The sleep ends, the echo goes, handle() is back in recv(): the enclosing call shows.
        model.applyEvents({ server(1, Call::Sleep, Phase::Return, 4.6),
                            server(1, Call::SendAll, Phase::Enter, 4.6),
                            server(1, Call::SendAll, Phase::Return, 4.6),
                            server(1, Call::Recv, Phase::Enter, 4.6),
                            client(1, Call::SendAll, Phase::Return, 3.0, 0, 5),
                            client(1, Call::Recv, Phase::Return, 4.6, 5, 5) });
        model.publish();
        QCOMPARE(model.server(0)->workers.front().call, Call::Recv);
        QCOMPARE(model.token(0, 1)->place, Place::Worker);
        model.applyEvents({ client(1, Call::Close, Phase::Return, 4.7),
                            server(1, Call::Recv, Phase::Return, 4.7, 0),
                            server(1, Call::Handle, Phase::Return, 4.7) });
        model.publish();
        QCOMPARE(model.token(0, 1)->place, Place::Done);
        QCOMPARE(model.token(0, 1)->sinceNs, ns(4.7));
        QCOMPARE(model.token(0, 1)->clientStage, ClientTrack::Stage::Done);
        QCOMPARE(model.server(0)->workers.front().call, Call::None);
        QCOMPARE(StageModel::placeKey(Place::AckDropped), QStringLiteral("ack-dropped"));
    }

    void theKernelRefinesOnlyWaitingClients()
    {
        StageModel model;
        model.setServers({ config(ServerModel::Threading) });
        model.applyProbe(sample(1, {}, 0, 1), 0, ns(1.0)); // backlog 1: two places
        // Three handshakes complete: two fit, the third's final ACK meets a full queue.
        std::vector<Event> batch;
        for (quint32 id = 1; id <= 3; ++id) {
            batch.push_back(client(id, Call::Connect, Phase::Enter, 2.0));
            batch.push_back(withPort(client(id, Call::Connect, Phase::Return, 2.0 + id * 0.01),
                                     quint16(40000 + id)));
        }
        model.applyEvents(batch);
        model.publish();
        QCOMPARE(model.token(0, 1)->place, Place::AcceptQueue);
        QCOMPARE(model.token(0, 2)->place, Place::AcceptQueue);
        QCOMPARE(model.token(0, 3)->place, Place::AckDropped);
        // The kernel knows better: 2 is half-open, 3 got in.
        model.applyProbe(sample(3,
                                { { 1, ClientStage::Queued, 0, -1 },
                                  { 2, ClientStage::HandshakeNotQueued, 0, -1 },
                                  { 3, ClientStage::Queued, 0, -1 } },
                                2, 1),
                         0, ns(3.0));
        model.publish();
        QCOMPARE(model.token(0, 2)->place, Place::SynQueue);
        QCOMPARE(model.token(0, 3)->place, Place::AcceptQueue);
        QCOMPARE(model.token(0, 1)->slot, 0);
        QCOMPARE(model.token(0, 3)->slot, 1); // it got in at 3.0, after 1's connect()

        // accept() returns before the client's connect() event is seen: tied when it comes.
        model.applyEvents({ server(0, Call::Accept, Phase::Enter, 3.5),
                            withPort(server(7, Call::Accept, Phase::Return, 3.6, 9), 40004),
                            worker(1, 7, Call::ThreadStart, Phase::Info, 3.6),
                            worker(1, 7, Call::Handle, Phase::Enter, 3.6),
                            worker(1, 7, Call::Recv, Phase::Enter, 3.6),
                            server(0, Call::Accept, Phase::Enter, 3.6),
                            client(4, Call::Connect, Phase::Enter, 3.4),
                            withPort(client(4, Call::Connect, Phase::Return, 3.7), 40004) });
        model.publish();
        std::optional<StageToken> t = model.token(0, 4);
        QCOMPARE(t->place, Place::Worker);
        const StageServer *s = model.server(0);
        QCOMPARE(int(s->workers.size()), 2);
        QCOMPARE(s->workers[0].actor, Actor::Server);
        QCOMPARE(s->workers[0].call, Call::Accept);
        QCOMPARE(t->slot, 1);
        QCOMPARE(s->workers[1].actor, Actor::Worker);
        QCOMPARE(s->workers[1].client, 4u);
        QCOMPARE(s->workers[1].call, Call::Recv);

        // A new run: no tokens; the live threads stay, untied, their calls counted from its start.
        model.applyEvents({ worker(1, 7, Call::ThreadExit, Phase::Info, 3.8) });
        model.clear(ns(10.0));
        s = model.server(0);
        QVERIFY(s->tokens.empty());
        QCOMPARE(int(s->workers.size()), 1);
        QCOMPARE(s->workers[0].call, Call::Accept);
        QCOMPARE(s->workers[0].sinceNs, ns(10.0));
        QCOMPARE(s->workers[0].connection, 0u);
        QCOMPARE(s->slotCount, 2);
        QVERIFY(!model.token(0, 1));
    }

    void blockingServerOneAtATime()
    {
        // TCPServer, backlog 2, six clients at once, 0.4 s of work each: one is served by the
        // server's only thread, up to three wait in the accept queue, the rest outside it.
        LabSession lab;
        const StageModel *stage = lab.stage();
        QString error;
        QVERIFY2(lab.startServers(config(ServerModel::Blocking, 0.4), std::nullopt, &error),
                 qPrintable(error));
        QTRY_VERIFY(stage->server(0) && stage->server(0)->listening);
        const int somaxconn = KernelSettings::read().somaxconn;
        QCOMPARE(stage->server(0)->slotCount, (somaxconn > 0 ? std::min(2, somaxconn) : 2) + 1);
        SwarmConfig clients;
        clients.clients = 6;
        QVERIFY2(lab.addClients(clients, &error), qPrintable(error));

        const auto first = [stage] {
            const StageServer *s = stage->server(0);
            return s && s->tokens.size() == 6 && countIn(*s, Place::AcceptQueue) > 0
                    && countIn(*s, Place::Worker) == 1 && justSleeping(*s, stage->nowNs());
        };
        QTRY_VERIFY_WITH_TIMEOUT(first(), 5000);
        lab.setPaused(true); // the sleep stands still; the picture settles
        lab.flush();
        QTRY_COMPARE(trouble(*stage->server(0), Actor::Server, *lab.connections()), QString());
        const StageServer &s = *stage->server(0);
        QCOMPARE(int(s.tokens.size()), 6);
        int outside = 0;
        for (const StageToken &t : s.tokens) {
            QVERIFY2(t.place == Place::Worker || waiting(t.place) || t.place == Place::Done,
                     qPrintable(describe(s)));
            outside += t.place == Place::SynSent || t.place == Place::SynQueue
                    || t.place == Place::AckDropped;
        }
        // Six clients, one served, the queue holds slotCount: someone waits outside it.
        QVERIFY(countIn(s, Place::AcceptQueue) >= 1);
        QCOMPARE(countIn(s, Place::Worker) + countIn(s, Place::AcceptQueue) + outside
                         + countIn(s, Place::Done),
                 6);
        QVERIFY2(outside >= 6 - 1 - s.slotCount - countIn(s, Place::Done),
                 qPrintable(QString::number(outside)));
        const StageWorker &thread = s.workers[size_t(acceptThreadIndex(s))];
        QCOMPARE(thread.call, Call::Sleep);
        QCOMPARE(thread.callArg, ns(0.4));
        lab.setPaused(false);

        QTRY_VERIFY_WITH_TIMEOUT(countIn(*stage->server(0), Place::Done) == 6, 20000);
        const StageServer &end = *stage->server(0);
        QCOMPARE(countIn(end, Place::Failed), 0);
        const int accept = acceptThreadIndex(end);
        QVERIFY(accept >= 0);
        QTRY_COMPARE(stage->server(0)->workers[size_t(accept)].call, Call::Accept);
        QCOMPARE(stage->server(0)->workers[size_t(accept)].client, 0u);
        QVERIFY(stage->server(0)->listening);
        // Stopped: the stage no longer says it listens, nor shows the queue's last reading.
        lab.stopServers();
        QTRY_VERIFY(!stage->server(0)->listening);
        QCOMPARE(stage->server(0)->slotCount, 0);
        QCOMPARE(stage->server(0)->queued, 0);
        lab.reset();
        QVERIFY(stage->servers().empty());
    }

    // Stopped with a client waiting in its accept queue that has not read the reset yet (a
    // paused lab holds it): closing the listener resets it, so it is not shown waiting for an
    // accept() that will never come.
    void closingTheListenerResetsTheQueuedClients()
    {
        StageModel model;
        model.setServers({ config(ServerModel::Blocking, 0.5) });
        model.applyEvents({ server(0, Call::ServeForever, Phase::Enter, 0.1),
                            server(0, Call::Accept, Phase::Enter, 0.1),
                            client(1, Call::Socket, Phase::Enter, 1.0),
                            client(1, Call::Connect, Phase::Enter, 1.1),
                            withPort(client(1, Call::Connect, Phase::Return, 1.2), 40001) });
        model.publish();
        QCOMPARE(model.token(0, 1)->place, Place::AcceptQueue);
        model.applyEvents({ server(0, Call::ServerClose, Phase::Enter, 2.0) });
        model.publish();
        QCOMPARE(model.token(0, 1)->place, Place::Failed);
        QVERIFY(!model.server(0)->listening);
    }

    void threadsServeAllWhileTheBlockingServerQueues()
    {
        // A = TCPServer, B = ThreadingTCPServer, the same six clients each: while A still has
        // clients waiting, B's worker threads serve several at once, each its own client.
        LabSession lab;
        const StageModel *stage = lab.stage();
        QString error;
        QVERIFY2(lab.startServers(config(ServerModel::Blocking, 0.5),
                                  config(ServerModel::Threading, 0.5), &error),
                 qPrintable(error));
        QCOMPARE(int(stage->servers().size()), 2);
        QCOMPARE(stage->server(1)->label, QStringLiteral("B · ThreadingTCPServer"));
        SwarmConfig clients;
        clients.clients = 6;
        QVERIFY2(lab.addClients(clients, &error), qPrintable(error));
        const auto moment = [stage] {
            const StageServer *a = stage->server(0);
            const StageServer *b = stage->server(1);
            if (!a || !b || a->tokens.size() != 6 || b->tokens.size() != 6)
                return false;
            int aWaiting = 0;
            for (const StageToken &t : a->tokens)
                aWaiting += waiting(t.place);
            return aWaiting >= 2 && countIn(*a, Place::Worker) == 1
                    && justSleeping(*a, stage->nowNs()) && countIn(*b, Place::Worker) >= 2;
        };
        QTRY_VERIFY_WITH_TIMEOUT(moment(), 5000);
        lab.setPaused(true);
        lab.flush();
        QTRY_COMPARE(trouble(*stage->server(0), Actor::Server, *lab.connections()), QString());
        QTRY_COMPARE(trouble(*stage->server(1), Actor::Worker, *lab.connections()), QString());
        const StageServer &a = *stage->server(0);
        const StageServer &b = *stage->server(1);
        QVERIFY2(countIn(b, Place::Worker) + countIn(b, Place::Done)
                         > countIn(a, Place::Worker) + countIn(a, Place::Done),
                 qPrintable(describe(a) + QStringLiteral(" / ") + describe(b)));
        // B's tokens in Worker sit with distinct worker threads.
        std::map<int, quint32> holders;
        for (const StageToken &t : b.tokens)
            if (t.place == Place::Worker)
                QVERIFY(holders.emplace(t.slot, t.client).second);
        QCOMPARE(b.workers.front().actor, Actor::Server);
        lab.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(countIn(*stage->server(0), Place::Done) == 6
                                         && countIn(*stage->server(1), Place::Done) == 6,
                                 20000);
        lab.reset();
    }
};

QTEST_GUILESS_MAIN(TestStageModel)
#include "tst_stagemodel.moc"

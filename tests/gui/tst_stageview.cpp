// StageView fed by hand-made StageServer values (no model): a blocking server's queued clients
// sit in the kernel's slots in order, its thread's box names its call and client, SYN_SENT
// tokens carry their SYN count; a second server is drawn below the first; a moved token glides
// from where it was to its new place and then the view stops repainting; 1,000 clients per
// server at 200 % zoom on 1920×1080 draw every text inside its box with no overlap; a language
// change redraws the words. Lesson 10 as a class sees it (A: one served, four queued; B: the
// accept thread and five threads serving) at the presenter layout's stage size draws every slot,
// token and thread with no "+N more", the threads of both servers naming their client; frames
// that alternate keep their places (no column pumping); threads that exited fold into a count
// before a live one. Grabs are saved to /tmp/h4-*.png and /tmp/h4b-*.png to be looked at.

#include "stageview.h"

#include <QApplication>
#include <QTranslator>
#include <QtTest>
#include <algorithm>
#include <ctime>

using Place = StageToken::Place;

namespace {

StageToken token(quint16 origin, quint32 client, Place place, int slot = 0, int retries = 0)
{
    StageToken t;
    t.origin = origin;
    t.client = client;
    t.place = place;
    t.slot = slot;
    t.synRetries = retries;
    return t;
}

StageWorker worker(quint16 origin, Actor actor, quint32 id, Call call, quint32 client = 0,
                   qint64 arg = 0)
{
    StageWorker w;
    w.origin = origin;
    w.actor = actor;
    w.actorId = id;
    w.call = call;
    w.callArg = arg;
    w.client = client;
    w.connection = client;
    w.pid = 4242;
    w.tid = 4243 + qint32(id);
    return w;
}

// A blocking TCPServer (backlog 2, so 3 slots): client 1 is served (sleep(2)), 2–4 fill the
// accept queue, 5 and 6 are outside in SYN_SENT with two SYNs resent.
StageServer blocking(quint16 origin, const QString &label)
{
    StageServer s;
    s.origin = origin;
    s.label = label;
    s.model = ServerModel::Blocking;
    s.backlog = 2;
    s.slotCount = 3;
    s.queued = 3;
    s.listening = true;
    s.tokens = { token(origin, 1, Place::Worker, 0),      token(origin, 2, Place::AcceptQueue, 0),
                 token(origin, 3, Place::AcceptQueue, 1), token(origin, 4, Place::AcceptQueue, 2),
                 token(origin, 5, Place::SynSent, 0, 2),  token(origin, 6, Place::SynSent, 1, 2) };
    s.workers = { worker(origin, Actor::Server, 0, Call::Sleep, 1, 2'000'000'000) };
    return s;
}

// 1,000 clients in every place; B is threading with 121 threads, 20 of them exited.
std::vector<StageServer> thousand()
{
    StageServer a;
    a.origin = 0;
    a.label = QStringLiteral("A · TCPServer");
    a.model = ServerModel::Blocking;
    a.backlog = 5;
    a.slotCount = 6;
    a.listening = true;
    a.workers = { worker(0, Actor::Server, 0, Call::Sleep, 1, 500'000'000) };
    quint32 c = 1;
    a.tokens.push_back(token(0, c++, Place::Worker, 0));
    for (int i = 0; i < 6; ++i)
        a.tokens.push_back(token(0, c++, Place::AcceptQueue, i));
    for (int i = 0; i < 200; ++i)
        a.tokens.push_back(token(0, c++, Place::SynSent, i, i % 6));
    for (int i = 0; i < 3; ++i)
        a.tokens.push_back(token(0, c++, Place::SynQueue, i));
    for (int i = 0; i < 2; ++i)
        a.tokens.push_back(token(0, c++, Place::AckDropped, i));
    for (int i = 0; i < 300; ++i)
        a.tokens.push_back(token(0, c++, Place::Waiting, i));
    for (int i = 0; i < 480; ++i)
        a.tokens.push_back(token(0, c++, Place::Done, i));
    for (int i = 0; i < 8; ++i)
        a.tokens.push_back(token(0, c++, Place::Failed, i));

    StageServer b;
    b.origin = 1;
    b.label = QStringLiteral("B · ThreadingTCPServer");
    b.model = ServerModel::Threading;
    b.backlog = 128;
    b.slotCount = 129;
    b.listening = true;
    b.workers.push_back(worker(1, Actor::Server, 0, Call::Accept));
    c = 1;
    for (int i = 1; i <= 120; ++i) {
        StageWorker w = worker(1, Actor::Worker, quint32(i), i <= 100 ? Call::Recv : Call::None,
                               i <= 100 ? c : 0);
        w.exited = i > 100;
        b.workers.push_back(w);
        if (i <= 100)
            b.tokens.push_back(token(1, c++, Place::Worker, i));
    }
    for (int i = 0; i < 40; ++i)
        b.tokens.push_back(token(1, c++, Place::AcceptQueue, i));
    for (int i = 0; i < 50; ++i)
        b.tokens.push_back(token(1, c++, Place::SynSent, i, 1));
    for (int i = 0; i < 300; ++i)
        b.tokens.push_back(token(1, c++, Place::Waiting, i));
    for (int i = 0; i < 500; ++i)
        b.tokens.push_back(token(1, c++, Place::Done, i));
    for (int i = 0; i < 10; ++i)
        b.tokens.push_back(token(1, c++, Place::Failed, i));
    return { a, b };
}

// Lesson 10 paused at 0.5 s, as a class sees it: A (TCPServer, backlog 5: 6 slots) serves client
// 3 in sleep(1.5) with 1, 5, 2, 4 in the accept queue; B (ThreadingTCPServer) has its accept
// thread in accept() and five threads in sleep(1.5), each with a client.
std::vector<StageServer> lesson10()
{
    StageServer a;
    a.origin = 0;
    a.label = QStringLiteral("A · TCPServer");
    a.model = ServerModel::Blocking;
    a.backlog = 5;
    a.slotCount = 6;
    a.queued = 4;
    a.listening = true;
    a.sampleNs = 400'000'000;
    a.workers = { worker(0, Actor::Server, 0, Call::Sleep, 3, 1'500'000'000) };
    a.tokens = { token(0, 1, Place::AcceptQueue, 0), token(0, 2, Place::AcceptQueue, 2),
                 token(0, 3, Place::Worker, 0), token(0, 4, Place::AcceptQueue, 3),
                 token(0, 5, Place::AcceptQueue, 1) };
    StageServer b = a;
    b.origin = 1;
    b.label = QStringLiteral("B · ThreadingTCPServer");
    b.model = ServerModel::Threading;
    b.queued = 0;
    b.workers = { worker(1, Actor::Server, 0, Call::Accept) };
    b.tokens.clear();
    const quint32 served[] = { 2, 1, 3, 4, 5 }; // thread i serves served[i - 1]
    for (int i = 1; i <= 5; ++i) {
        b.workers.push_back(
                worker(1, Actor::Worker, quint32(i), Call::Sleep, served[i - 1], 1'500'000'000));
    }
    for (quint32 c = 1; c <= 5; ++c) {
        const int thread = int(std::find(std::begin(served), std::end(served), c) - served) + 1;
        b.tokens.push_back(token(1, c, Place::Worker, thread));
    }
    return { a, b };
}

// Every token and worker box of the view, to compare two layouts.
std::vector<QRectF> allRects(const StageView &view, const std::vector<StageServer> &servers)
{
    std::vector<QRectF> rects;
    for (const StageServer &s : servers) {
        for (const StageToken &t : s.tokens)
            rects.push_back(view.tokenRect(s.origin, t.client));
        for (int i = 0; i < int(s.workers.size()); ++i)
            rects.push_back(view.workerRect(s.origin, i));
    }
    return rects;
}

int folded(const StageView &view)
{
    int more = 0;
    for (const auto &t : view.drawnTexts())
        more += t.text.startsWith(QLatin1Char('+')) ? 1 : 0;
    return more;
}

bool inside(const QRectF &inner, const QRectF &outer)
{
    return outer.adjusted(-0.5, -0.5, 0.5, 0.5).contains(inner);
}

// Every text inside its box and the widget, no two texts on top of each other.
void verifyTextsFit(const StageView &view)
{
    const auto texts = view.drawnTexts();
    QVERIFY(!texts.empty());
    const QRectF all(view.rect());
    for (const auto &t : texts) {
        QVERIFY2(!t.text.isEmpty(), "an empty text");
        QVERIFY2(inside(t.textRect, t.boxRect),
                 qPrintable(QStringLiteral("\"%1\" leaves its box").arg(t.text)));
        QVERIFY2(inside(t.boxRect, all),
                 qPrintable(QStringLiteral("the box of \"%1\" leaves the view").arg(t.text)));
    }
    for (size_t i = 0; i < texts.size(); ++i)
        for (size_t j = i + 1; j < texts.size(); ++j)
            QVERIFY2(!texts[i].textRect.adjusted(0.5, 0.5, -0.5, -0.5)
                              .intersects(texts[j].textRect.adjusted(0.5, 0.5, -0.5, -0.5)),
                     qPrintable(QStringLiteral("\"%1\" and \"%2\" overlap")
                                        .arg(texts[i].text, texts[j].text)));
}

QRectF boxOf(const StageView &view, const QString &text, int nth = 0)
{
    for (const auto &t : view.drawnTexts())
        if (t.text == text && nth-- == 0)
            return t.boxRect;
    return {};
}

class ZhTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (QByteArray(context) == "StageView" && QByteArray(source) == "kernel")
            return QStringLiteral("内核");
        return {};
    }
};

} // namespace

class TestStageView : public QObject
{
    Q_OBJECT

private slots:
    void blockingServerInPlaces()
    {
        StageView view;
        view.resize(1366, 480);
        view.setServers({ blocking(0, QStringLiteral("TCPServer")) }, 1'000'000'000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const QRectF kernel = boxOf(view, QStringLiteral("kernel"));
        QVERIFY(!kernel.isEmpty());
        // The queue in slot order, inside the kernel.
        QRectF last;
        for (quint32 c : { 2u, 3u, 4u }) {
            const QRectF r = view.tokenRect(0, c);
            QVERIFY2(!r.isNull(), qPrintable(QString::number(c)));
            QVERIFY(inside(r, kernel));
            if (!last.isNull())
                QVERIFY(r.left() >= last.right() || r.top() >= last.bottom());
            last = r;
        }
        QCOMPARE(view.tokenText(0, 2), QStringLiteral("2"));
        // SYN_SENT: outside the kernel's box, left of it, and the SYN count on the token.
        for (quint32 c : { 5u, 6u }) {
            const QRectF r = view.tokenRect(0, c);
            QVERIFY(!r.isNull());
            QVERIFY(!r.intersects(kernel));
            QVERIFY(r.right() <= kernel.left());
            QCOMPARE(view.tokenText(0, c), QStringLiteral("%1\nSYN ×3").arg(c));
        }
        // The server thread: its call in Python words, the client it serves, its token inside.
        const QString text = view.workerText(0, 0);
        QVERIFY2(text.contains(QStringLiteral("sleep(2)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("client 1")), qPrintable(text));
        QVERIFY(text.startsWith(QStringLiteral("server thread")));
        QVERIFY(inside(view.tokenRect(0, 1), view.workerRect(0, 0)));
        QVERIFY(view.workerRect(0, 0).left() >= kernel.right());
        QVERIFY(view.workerText(0, 1).isEmpty());
        QVERIFY(!view.isAnimating());
        verifyTextsFit(view);
        QVERIFY(view.grab().save(QStringLiteral("/tmp/h4-1-blocking.png")));
    }

    void callWords()
    {
        StageWorker w = worker(0, Actor::Worker, 3, Call::Sleep, 0, 1'250'000'000);
        QCOMPARE(StageLayout::callText(w), QStringLiteral("sleep(1.25)"));
        w.callArg = 500'000'000;
        QCOMPARE(StageLayout::callText(w), QStringLiteral("sleep(0.5)"));
        w.call = Call::SendAll;
        QCOMPARE(StageLayout::callText(w), QStringLiteral("sendall()"));
        w.call = Call::None;
        QCOMPARE(StageLayout::callText(w), QStringLiteral("idle"));
        QCOMPARE(StageLayout::workerName(w, ServerModel::Threading, true),
                 QStringLiteral("thread 3"));
        w.actor = Actor::Child;
        w.actorId = 2;
        w.pid = 1234;
        QCOMPARE(StageLayout::workerName(w, ServerModel::Forking, true),
                 QStringLiteral("child 2 (pid 1234)"));
    }

    void twoServersStacked()
    {
        StageView view;
        view.resize(1366, 640);
        StageServer b = blocking(1, QStringLiteral("B · ThreadingTCPServer"));
        b.model = ServerModel::Threading;
        b.workers[0].call = Call::Accept;
        b.workers[0].client = 0;
        b.workers.push_back(worker(1, Actor::Worker, 1, Call::Recv, 1));
        StageWorker gone = worker(1, Actor::Worker, 2, Call::None);
        gone.exited = true;
        b.workers.insert(b.workers.begin() + 1, gone); // exited thread 2 sorts after thread 1
        b.workers.push_back(worker(1, Actor::Worker, 3, Call::SendAll, 0));
        b.tokens[0].slot = 2; // thread 1
        view.setServers({ blocking(0, QStringLiteral("A · TCPServer")), b }, 1'000'000'000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        for (quint32 c = 1; c <= 6; ++c) {
            const QRectF a = view.tokenRect(0, c);
            const QRectF rb = view.tokenRect(1, c);
            QVERIFY(!a.isNull() && !rb.isNull());
            QVERIFY2(rb.top() > a.bottom(), qPrintable(QString::number(c)));
        }
        QVERIFY(view.workerRect(1, 0).top() > view.workerRect(0, 0).bottom());
        QCOMPARE(view.workerText(1, 0), QStringLiteral("server thread\naccept()"));
        QVERIFY(view.workerText(1, 2).contains(QStringLiteral("recv()")));
        QVERIFY(inside(view.tokenRect(1, 1), view.workerRect(1, 2)));
        // The exited thread: greyed and struck through, after the running ones.
        QCOMPARE(view.workerText(1, 1), QStringLiteral("thread 2\nexited"));
        QVERIFY(view.workerRect(1, 1).top() > view.workerRect(1, 3).top()
                || view.workerRect(1, 1).left() > view.workerRect(1, 3).left());
        verifyTextsFit(view);
        QVERIFY(view.grab().save(QStringLiteral("/tmp/h4-2-two.png")));
    }

    void udpAndUnknownCapacityInWords()
    {
        StageView view;
        view.resize(1366, 640);
        StageServer tcp = blocking(0, QStringLiteral("A · TCPServer"));
        tcp.slotCount = 0; // the kernel's figure not read yet
        StageServer udp;
        udp.origin = 1;
        udp.label = QStringLiteral("B · UDPServer");
        udp.model = ServerModel::Udp;
        udp.stream = false;
        udp.workers = { worker(1, Actor::Server, 0, Call::RecvFrom) };
        udp.tokens = { token(1, 1, Place::Waiting), token(1, 2, Place::Done) };
        view.setServers({ tcp, udp }, 1'000'000'000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QStringList texts;
        for (const auto &t : view.drawnTexts())
            texts << t.text;
        QVERIFY2(!texts.filter(QStringLiteral("queue: 3 (capacity unknown)")).isEmpty(),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(!texts.filter(QStringLiteral("no accept queue")).isEmpty());
        QCOMPARE(texts.filter(QStringLiteral("accept queue 3/")).size(), 0);
        QVERIFY(!view.tokenRect(0, 2).isNull()); // queued, drawn without slots
        QVERIFY(!view.tokenRect(1, 1).isNull());
        QCOMPARE(view.workerText(1, 0), QStringLiteral("server thread\nrecvfrom()"));
        verifyTextsFit(view);
        QVERIFY(view.grab().save(QStringLiteral("/tmp/h4-5-udp.png")));
    }

    void tokensGlideThenStop()
    {
        StageView view;
        view.resize(1366, 480);
        std::vector<StageServer> servers{ blocking(0, QStringLiteral("TCPServer")) };
        view.setServers(servers, 1'000'000'000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.isAnimating());

        // accept() took client 2; client 1 is done; 3 and 4 move up the queue.
        StageServer &s = servers[0];
        s.tokens[0].place = Place::Done;
        s.tokens[1].place = Place::Worker;
        s.tokens[1].slot = 0;
        s.tokens[2].slot = 0;
        s.tokens[3].slot = 1;
        s.workers[0].client = 2;
        const QRectF old = view.tokenRect(0, 2);
        view.setServers(servers, 1'200'000'000);
        // Nothing moves before a frame has been drawn for the new data.
        QCOMPARE(view.tokenRect(0, 2), old);
        QVERIFY(view.isAnimating());

        const QRectF box = view.workerRect(0, 0);
        QVERIFY(!inside(old, box));
        std::vector<QRectF> seen{ old };
        QElapsedTimer limit;
        limit.start();
        while (view.isAnimating() && limit.elapsed() < 3000) {
            QTest::qWait(5);
            seen.push_back(view.tokenRect(0, 2));
        }
        QTRY_VERIFY(!view.isAnimating());
        const QRectF target = view.tokenRect(0, 2);
        QVERIFY(inside(target, box));
        // Each step closer to the target, never back; several steps, not a jump.
        int steps = 0;
        qreal previous = QLineF(old.center(), target.center()).length();
        for (const QRectF &r : seen) {
            const qreal d = QLineF(r.center(), target.center()).length();
            QVERIFY2(d <= previous + 0.01, "the token went back");
            steps += d < previous - 0.01 ? 1 : 0;
            previous = d;
        }
        QVERIFY2(steps >= 3, "the glide was a jump");
        // Idle: no more frames.
        QTest::qWait(50);
        view.clearPaintTimes();
        QTest::qWait(200);
        QCOMPARE(view.paintTimesNs().size(), size_t(0));
        // The same data again: nothing moves and nothing is drawn again.
        view.setServers(servers, 1'400'000'000);
        QVERIFY(!view.isAnimating());
        QTest::qWait(100);
        QCOMPARE(view.paintTimesNs().size(), size_t(0));
    }

    void thousandClientsAtDoubleZoom()
    {
        const QFont original = QApplication::font();
        QFont big = original;
        if (big.pointSizeF() > 0)
            big.setPointSizeF(big.pointSizeF() * 2);
        else
            big.setPixelSize(big.pixelSize() * 2);
        QApplication::setFont(big);
        {
            StageView view;
            view.resize(1920, 1080);
            view.setServers(thousand(), 5'000'000'000);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            QCOMPARE(view.font().pointSizeF(), big.pointSizeF());

            const QImage image = view.grab().toImage();
            QVERIFY(!image.isNull());
            QVERIFY(image.save(QStringLiteral("/tmp/h4-4-thousand.png")));
            verifyTextsFit(view);
            // Compressed: many clients stand in "+N more", but the queues and threads show.
            int more = 0;
            for (const auto &t : view.drawnTexts())
                more += t.text.startsWith(QLatin1Char('+')) ? 1 : 0;
            QVERIFY(more >= 4);
            QVERIFY(!view.tokenRect(0, 2).isNull()); // A's accept-queue head
            QVERIFY(!view.tokenRect(1, 1).isNull()); // B's first thread's client
            QVERIFY(view.workerText(1, 0).contains(QStringLiteral("accept()")));
            // No two tokens on top of each other.
            std::vector<QRectF> rects;
            for (quint16 o : { quint16(0), quint16(1) })
                for (quint32 c = 1; c <= 1000; ++c)
                    if (const QRectF r = view.tokenRect(o, c); !r.isNull())
                        rects.push_back(r);
            QVERIFY(rects.size() > 100);
            for (size_t i = 0; i < rects.size(); ++i)
                for (size_t j = i + 1; j < rects.size(); ++j)
                    QVERIFY(!rects[i].adjusted(1, 1, -1, -1).intersects(rects[j]));

            view.repaint(); // texts laid out once
            view.clearPaintTimes();
            // Wall time per frame (what the view records) and CPU time, which a loaded machine
            // does not inflate.
            timespec cpu0{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0);
            for (int i = 0; i < 200; ++i)
                view.repaint();
            timespec cpu1{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1);
            const double cpuMs = ((cpu1.tv_sec - cpu0.tv_sec) * 1e9 + (cpu1.tv_nsec - cpu0.tv_nsec))
                    / 1e6 / 200;
            qDebug("paint CPU time: %.2f ms per frame on average", cpuMs);
            std::vector<qint64> times = view.paintTimesNs();
            QCOMPARE(times.size(), size_t(200));
            std::sort(times.begin(), times.end());
            qDebug("paint: %lld ms slowest, %d over 2 ms", times.back() / 1000000,
                   int(std::count_if(times.begin(), times.end(),
                                     [](qint64 t) { return t > 2'000'000; })));
            qDebug("paint at 1920x1080, 200 %%, 2 x 1000 clients: median %.2f ms, p99 %.2f ms, "
                   "%zu tokens drawn",
                   times[times.size() / 2] / 1e6, times[times.size() * 99 / 100] / 1e6,
                   rects.size());
            // The work done once per change of data: layout and the still picture.
            // Data that changes what is drawn (the queue's head is accepted and back) and data
            // that does not.
            const std::vector<StageServer> data = thousand();
            std::vector<StageServer> moved = data;
            moved[0].tokens[1].place = Place::Worker; // client 2
            for (const bool change : { true, false }) {
                std::vector<qint64> updates;
                for (int i = 0; i < 20; ++i) {
                    QElapsedTimer t;
                    t.start();
                    view.setServers(change && i % 2 == 0 ? moved : data, 5'000'000'000 + i);
                    updates.push_back(t.nsecsElapsed());
                }
                std::sort(updates.begin(), updates.end());
                qDebug("setServers, %s: median %.2f ms, max %.2f ms",
                       change ? "picture changes (layout, still picture)" : "nothing drawn changes",
                       updates[updates.size() / 2] / 1e6, updates.back() / 1e6);
            }
        }
        QApplication::setFont(original);
    }

    void lesson10PresenterShowsEverything()
    {
        // The presenter layout at 1366×768: the stage is about 1290×370.
        StageView view;
        view.resize(1290, 370);
        const auto data = lesson10();
        view.setServers(data, 500'000'000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.grab().save(QStringLiteral("/tmp/h4b-presenter.png")));
        for (const StageServer &s : data) {
            for (const StageToken &t : s.tokens)
                QVERIFY2(!view.tokenRect(s.origin, t.client).isNull(),
                         qPrintable(QStringLiteral("%1: client %2").arg(s.origin).arg(t.client)));
            for (int i = 0; i < int(s.workers.size()); ++i)
                QVERIFY2(!view.workerRect(s.origin, i).isNull(),
                         qPrintable(QStringLiteral("%1: worker %2").arg(s.origin).arg(i)));
        }
        QCOMPARE(folded(view), 0);
        // Both servers name the client each thread serves.
        QVERIFY2(view.workerText(0, 0).contains(QStringLiteral("client 3")),
                 qPrintable(view.workerText(0, 0)));
        for (int i = 1; i <= 5; ++i)
            QVERIFY2(view.workerText(1, i).contains(QStringLiteral("client ")),
                     qPrintable(view.workerText(1, i)));
        verifyTextsFit(view);

        // The same data again: the same picture.
        const auto rects = allRects(view, data);
        view.setServers(data, 600'000'000);
        QTRY_VERIFY(!view.isAnimating());
        QVERIFY(allRects(view, data) == rects);
    }

    void layoutDoesNotOscillate()
    {
        // The desk layout (about 580×380): two frames that alternate keep their places.
        StageView view;
        view.resize(580, 380);
        const auto x = lesson10();
        auto y = x;
        for (StageToken &t : y[0].tokens) // A: client 1 accepted, the queue shorter by one
            if (t.client == 1)
                t.place = Place::Done;
        y[0].queued = 3;
        y[1].workers[2].exited = true; // B: thread 2 (client 1) finished
        y[1].tokens[0].place = Place::Done;
        view.setServers(x, 500'000'000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.grab().save(QStringLiteral("/tmp/h4b-desk.png")));
        verifyTextsFit(view);
        // As much as fits: A's four queued clients and thread; B's accept thread.
        for (quint32 c : { 1u, 2u, 4u, 5u, 3u })
            QVERIFY2(!view.tokenRect(0, c).isNull(), qPrintable(QString::number(c)));
        QVERIFY(!view.workerRect(1, 0).isNull());
        view.setServers(y, 600'000'000);
        view.setServers(x, 700'000'000);
        QTRY_VERIFY(!view.isAnimating());
        const auto first = allRects(view, x);
        for (int i = 0; i < 3; ++i) {
            view.setServers(y, 800'000'000 + i * 200'000'000);
            view.setServers(x, 900'000'000 + i * 200'000'000);
            QTRY_VERIFY(!view.isAnimating());
            QVERIFY(allRects(view, x) == first);
            verifyTextsFit(view);
        }
    }

    void columnsGrowWithinARunOnly()
    {
        // Three of A's clients wait outside in SYN_SENT, then give up: within the run the
        // SYN_SENT column keeps its width (the kernel does not move left); a new run starts narrow.
        StageView view;
        view.resize(1290, 370);
        auto x = lesson10();
        for (quint32 c = 6; c <= 8; ++c)
            x[0].tokens.push_back(token(0, c, Place::SynSent, int(c - 6), 1));
        view.setServers(x, 500'000'000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRectF kernel = boxOf(view, QStringLiteral("kernel"));
        QVERIFY(!kernel.isEmpty());
        for (quint32 c = 6; c <= 8; ++c)
            QVERIFY(view.tokenRect(0, c).right() <= kernel.left());
        auto y = x;
        for (StageToken &t : y[0].tokens)
            if (t.place == Place::SynSent)
                t.place = Place::Failed;
        view.setServers(y, 600'000'000);
        QCOMPARE(boxOf(view, QStringLiteral("kernel")), kernel);
        verifyTextsFit(view);
        // A new run: none of these clients was shown before.
        auto fresh = lesson10();
        for (StageServer &s : fresh)
            for (StageToken &t : s.tokens)
                t.client += 100;
        for (StageWorker &w : fresh[0].workers)
            w.client += 100;
        for (StageWorker &w : fresh[1].workers)
            w.client = w.client ? w.client + 100 : 0;
        view.setServers(fresh, 700'000'000);
        QVERIFY(boxOf(view, QStringLiteral("kernel")).left() < kernel.left());
        verifyTextsFit(view);
    }

    void exitedThreadsFoldFirst()
    {
        // A short band: ten threads exited, three still serve. The live ones keep their boxes.
        StageView view;
        view.resize(1000, 230);
        auto data = lesson10();
        StageServer b = data[1];
        b.workers.resize(4); // the accept thread and threads 1–3
        for (int i = 4; i <= 13; ++i) {
            StageWorker w = worker(1, Actor::Worker, quint32(i), Call::None);
            w.exited = true;
            b.workers.push_back(w);
        }
        b.tokens.resize(3);
        b.tokens[0] = token(1, 2, Place::Worker, 1);
        b.tokens[1] = token(1, 1, Place::Worker, 2);
        b.tokens[2] = token(1, 3, Place::Worker, 3);
        view.setServers({ b }, 500'000'000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.grab().save(QStringLiteral("/tmp/h4b-exited.png")));
        for (int i = 0; i <= 3; ++i)
            QVERIFY2(!view.workerRect(1, i).isNull(), qPrintable(QString::number(i)));
        QVERIFY(view.workerRect(1, 13).isNull());
        bool count = false;
        for (const auto &t : view.drawnTexts())
            count = count
                    || QRegularExpression(QStringLiteral("^\\+?\\d+ exited$"))
                               .match(t.text)
                               .hasMatch();
        QVERIFY(count);
        verifyTextsFit(view);
    }

    void smallestSizeStillFits()
    {
        StageView view;
        view.setServers(thousand(), 1'000'000'000);
        view.resize(view.minimumSizeHint());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        verifyTextsFit(view);
        QVERIFY(view.grab().save(QStringLiteral("/tmp/h4-6-smallest.png")));
    }

    void zoomScalesTheStage()
    {
        StageView view;
        view.resize(1920, 1080);
        view.setServers(thousand(), 1'000'000'000); // compressed: drawn at the font's own size
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRectF before = view.tokenRect(0, 2);
        QVERIFY(!before.isNull());
        const QFont original = QApplication::font();
        QFont big = original;
        if (big.pointSizeF() > 0)
            big.setPointSizeF(big.pointSizeF() * 2);
        else
            big.setPixelSize(big.pixelSize() * 2);
        QApplication::setFont(big);
        QTRY_VERIFY(view.tokenRect(0, 2).height() > before.height() * 1.5);
        verifyTextsFit(view);
        QApplication::setFont(original);
        QTRY_COMPARE(view.tokenRect(0, 2), before);
    }

    void languageChangeRedraws()
    {
        StageView view;
        view.resize(1366, 480);
        view.setServers({ blocking(0, QStringLiteral("TCPServer")) }, 1'000'000'000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!boxOf(view, QStringLiteral("kernel")).isEmpty());
        ZhTranslator zh;
        QVERIFY(QCoreApplication::installTranslator(&zh));
        QTRY_VERIFY(!boxOf(view, QStringLiteral("内核")).isEmpty());
        QVERIFY(boxOf(view, QStringLiteral("kernel")).isEmpty());
        QCoreApplication::removeTranslator(&zh);
        QTRY_VERIFY(!boxOf(view, QStringLiteral("kernel")).isEmpty());
        verifyTextsFit(view);
    }
};

QTEST_MAIN(TestStageView)
#include "tst_stageview.moc"

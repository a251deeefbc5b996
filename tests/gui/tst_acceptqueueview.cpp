// AcceptQueueView at a normal width: every line drawn in full (wrapped, not cut), the height it
// asks for covers all of it, long client lists end in "+N more", the final-ACK-dropped count is
// shown, the title comes first and clear() leaves nothing of the last server behind.

#include "acceptqueueview.h"

#include <QImage>
#include <QtTest>

namespace {

// A listener with backlog 5 and a full queue; 151 clients in SYN_SENT, 12 whose ACK was dropped.
ProbeSample crowded()
{
    ProbeSample s;
    s.sequence = 7;
    s.queue.available = true;
    s.queue.listening = true;
    s.queue.queue = 6;
    s.queue.cap = 5;
    s.queue.overflows = 4242;
    s.queue.source = QStringLiteral("sock_diag");
    s.ss = QStringLiteral("ss -lnt 'sport = :45123'; ss -tn 'sport = :45123 or dport = :45123'");
    quint32 id = 1;
    for (int i = 0; i < 151; ++i)
        s.clients.push_back({ id++, ClientStage::Connecting, 3, 2500 });
    for (int i = 0; i < 12; ++i)
        s.clients.push_back({ id++, ClientStage::AckDropped, 0, -1 });
    s.stageCounts[int(ClientStage::Connecting)] = 151;
    s.stageCounts[int(ClientStage::AckDropped)] = 12;
    s.stageCounts[int(ClientStage::Queued)] = 6;
    return s;
}

// The lowest pixel row that differs from the background.
int lowestInkRow(const QImage &image)
{
    const QRgb background = image.pixel(image.width() - 1, image.height() - 1);
    for (int y = image.height() - 1; y >= 0; --y)
        for (int x = 0; x < image.width(); ++x)
            if (image.pixel(x, y) != background)
                return y;
    return -1;
}

} // namespace

class TestAcceptQueueView : public QObject
{
    Q_OBJECT

private slots:
    void everyLineFitsAtANormalWidth()
    {
        AcceptQueueView view;
        view.setTitle(QStringLiteral("A · TCPServer on 127.0.0.1:45123"));
        view.setSample(crowded(), false);
        constexpr int width = 400;
        const int height = view.heightForWidth(width);
        view.resize(width, height);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const QStringList lines = view.lines();
        QCOMPARE(lines.value(0), QStringLiteral("A · TCPServer on 127.0.0.1:45123"));
        QCOMPARE(lines.value(1), view.headline());
        QVERIFY(view.headline().endsWith(QStringLiteral("so room for 6")));
        QVERIFY(lines.contains(QStringLiteral("Outside the queue (SYN_SENT, connect() still "
                                              "blocked): 151")));
        QVERIFY(lines.contains(QStringLiteral("+145 more")));
        QVERIFY(lines.contains(QStringLiteral("+6 more")));
        QCOMPARE(view.shownAckDropped(), 12);
        const auto ackLine = std::find_if(lines.begin(), lines.end(), [](const QString &l) {
            return l.startsWith(QStringLiteral("Connected, but the final ACK was dropped"));
        });
        QVERIFY(ackLine != lines.end());
        QVERIFY(ackLine->endsWith(QStringLiteral(": 12")));
        // Lists are bounded: 6 entries and one "+N more" each.
        QCOMPARE(lines.filter(QStringLiteral("▷ ")).size(), 2 * AcceptQueueView::kMaxListed);
        QVERIFY(lines.last().startsWith(QStringLiteral("Same numbers in a terminal: ss -lnt")));

        // Measured on their own, the lines wrapped to the width need no more than the height the
        // view asks for: nothing is cut or drawn over another line.
        const QFontMetrics metrics = view.fontMetrics();
        int needed = 0;
        for (const QString &line : lines) {
            QFont font = view.font();
            font.setBold(line == lines.first());
            const int indent = line.startsWith(QStringLiteral("▷")) || line.startsWith('+')
                    ? metrics.height()
                    : 0;
            needed += QFontMetrics(font)
                              .boundingRect(QRect(0, 0, width - metrics.height() - indent, 1 << 20),
                                            Qt::TextWordWrap, line)
                              .height();
        }
        QVERIFY2(needed <= height, qPrintable(QStringLiteral("%1 > %2").arg(needed).arg(height)));
        QVERIFY(needed > 20 * metrics.height()); // some lines really wrap at 400 px
        QCOMPARE(view.sizeHint().height(), view.heightForWidth(view.sizeHint().width()));
        QVERIFY(view.minimumSizeHint().height() >= height);

        // The last line is drawn inside the widget, in its last text line.
        const QImage image = view.grab().toImage();
        if (qEnvironmentVariableIsSet("AQV_PNG"))
            image.save(qEnvironmentVariable("AQV_PNG"));
        const int ink = lowestInkRow(image);
        QVERIFY(ink > image.height() - 2 * metrics.height() - 1);
        QVERIFY(ink < image.height());
    }

    void growsWithItsContent()
    {
        AcceptQueueView view;
        view.resize(400, 100);
        ProbeSample empty = crowded();
        empty.clients.clear();
        empty.stageCounts[int(ClientStage::Connecting)] = 0;
        empty.stageCounts[int(ClientStage::AckDropped)] = 0;
        view.setSample(empty, false);
        const int quiet = view.heightForWidth(400);
        view.setSample(crowded(), false);
        const int busy = view.heightForWidth(400);
        QVERIFY(busy > quiet + 10 * view.fontMetrics().height());
        QVERIFY(view.heightForWidth(250) > busy); // narrower: more wrapping, taller
    }

    void clearDropsTheLastServer()
    {
        AcceptQueueView view;
        view.resize(400, 400);
        view.setTitle(QStringLiteral("B · ThreadingTCPServer on 127.0.0.1:45123"));
        view.setSample(crowded(), false);
        QVERIFY(view.lines().join(QLatin1Char('\n')).contains(QStringLiteral("45123")));
        view.clear();
        QVERIFY(view.title().isEmpty());
        const QString all = view.lines().join(QLatin1Char('\n'));
        QVERIFY2(!all.contains(QStringLiteral("45123")), qPrintable(all));
        QCOMPARE(view.lines(), QStringList{ QStringLiteral("No listener: start a server.") });
    }
};

QTEST_MAIN(TestAcceptQueueView)
#include "tst_acceptqueueview.moc"

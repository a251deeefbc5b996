#include "acceptqueueview.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace {

constexpr int kMaxSlots = 24; // more are summarised as "… N more"

} // namespace

AcceptQueueView::AcceptQueueView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("acceptQueueView"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void AcceptQueueView::setSample(const ProbeSample &sample, bool datagram)
{
    m_sample = sample;
    m_datagram = datagram;
    update();
}

void AcceptQueueView::clear()
{
    m_sample = {};
    update();
}

int AcceptQueueView::shownConnecting() const
{
    return m_sample.stageCounts[int(ClientStage::Connecting)];
}

QString AcceptQueueView::headline() const
{
    if (m_datagram) {
        const DatagramSnapshot &d = m_sample.datagram;
        if (!d.available)
            return tr("UDP has no accept queue: datagrams wait in the socket's receive buffer, "
                      "which cannot be read here.");
        if (!d.bound)
            return tr("UDP has no accept queue: no socket bound yet.");
        return d.rcvbuf > 0 ? tr("UDP receive buffer: %1 of %2 bytes in use · %3 datagrams dropped")
                                      .arg(d.queuedBytes)
                                      .arg(d.rcvbuf)
                                      .arg(d.drops)
                            : tr("UDP receive buffer: %1 bytes in use · %2 datagrams dropped")
                                      .arg(d.queuedBytes)
                                      .arg(d.drops);
    }
    if (m_sample.sequence == 0)
        return tr("No listener yet: start a server.");
    if (!m_sample.queue.available)
        return tr("The kernel's accept queue cannot be read here.");
    if (!m_sample.queue.listening)
        return tr("No listener yet: start a server.");
    return tr("Accept queue: %1 waiting for accept() · backlog %2, so room for %3")
            .arg(m_sample.queue.queue)
            .arg(m_sample.queue.cap)
            .arg(m_sample.queue.cap + 1);
}

QSize AcceptQueueView::sizeHint() const
{
    const int line = fontMetrics().height();
    return { 40 * line, 8 * line };
}

QSize AcceptQueueView::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return { 16 * line, 14 * line };
}

QRect AcceptQueueView::slotRect(int index) const
{
    const int line = fontMetrics().height();
    const int size = int(line * 2.2);
    const int gap = line / 3;
    const int perRow = qMax(1, (width() - 2 * gap) / (size + gap));
    return { gap + (index % perRow) * (size + gap),
             int(line * 1.8) + (index / perRow) * (size + gap), size, size };
}

void AcceptQueueView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const int line = fontMetrics().height();
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(QRect(line / 3, 0, width() - line, int(line * 1.5)), Qt::AlignVCenter, headline());
    if (m_datagram) {
        paintDatagram(p);
        return;
    }
    if (!m_sample.queue.listening)
        return;

    const int slotCount = qMin(m_sample.queue.cap + 1, kMaxSlots);
    for (int i = 0; i < slotCount; ++i) {
        const QRect r = slotRect(i);
        const bool filled = i < m_sample.queue.queue;
        const bool plusOne = i == m_sample.queue.cap; // the slot Linux adds beyond the backlog
        QPen pen(pal.color(QPalette::WindowText), 1.5, plusOne ? Qt::DashLine : Qt::SolidLine);
        p.setPen(pen);
        p.setBrush(filled ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base));
        p.drawRoundedRect(r, 4, 4);
        p.setPen(filled ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::WindowText));
        // A filled slot shows a solid disc as well as colour, so grey-scale still reads.
        if (filled) {
            const int d = r.width() / 3;
            p.setBrush(pal.color(QPalette::HighlightedText));
            p.drawEllipse(r.center(), d / 2, d / 2);
        }
        if (plusOne) { // labelled below the slot, where the disc cannot cover it
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(QRect(r.left(), r.bottom() + 2, r.width(), line), Qt::AlignHCenter,
                       QStringLiteral("+1"));
        }
    }
    int y = slotRect(slotCount - 1).bottom() + 2 * line;
    if (m_sample.queue.cap + 1 > kMaxSlots) {
        p.drawText(QPoint(line / 3, y),
                   tr("… and %1 more slots").arg(m_sample.queue.cap + 1 - kMaxSlots));
        y += line;
    }
    p.setPen(pal.color(QPalette::WindowText));
    QStringList outside;
    for (const ClientProbe &c : m_sample.clients) {
        if (c.stage != ClientStage::Connecting)
            continue;
        QString text = c.synRetransmits == 0 ? tr("client %1: SYN sent").arg(c.id)
                : c.synRetransmits == 1
                ? tr("client %1: SYN sent again once").arg(c.id)
                : tr("client %1: SYN sent again %2 times").arg(c.id).arg(c.synRetransmits);
        if (c.nextRetryMs >= 0)
            text += tr(", next in %1 s").arg(c.nextRetryMs / 1000.0, 0, 'f', 1);
        outside << text;
    }
    const int connecting = shownConnecting();
    p.drawText(QRect(line / 3, y, width() - line, line * 2), Qt::TextWordWrap,
               tr("Outside the queue (SYN_SENT, connect() still blocked): %1").arg(connecting));
    y += int(line * 1.3);
    for (const QString &text : outside.mid(0, 6)) {
        p.drawText(QPoint(line, y + line), QStringLiteral("▷ ") + text);
        y += line;
    }
    y += int(line * 1.3);
    p.drawText(QPoint(line / 3, y),
               tr("Dropped at full accept queues since the start, all listeners of this machine "
                  "(TcpExt ListenOverflows): %1")
                       .arg(qMax<qint64>(0, m_sample.queue.overflows)));
    y += int(line * 1.3);
    p.drawText(QPoint(line / 3, y), tr("Same numbers in a terminal: %1").arg(m_sample.ss));
}

void AcceptQueueView::paintDatagram(QPainter &p) const
{
    const DatagramSnapshot &d = m_sample.datagram;
    if (!d.bound)
        return;
    const QPalette pal = palette();
    const int line = fontMetrics().height();
    // The buffer as a bar: filled part solid, the rest empty, with the percentage written on it.
    const QRect bar(line / 3, int(line * 1.8), width() - line, int(line * 1.6));
    const double fill = d.rcvbuf > 0 ? std::min(1.0, double(d.queuedBytes) / double(d.rcvbuf)) : 0;
    p.setPen(QPen(pal.color(QPalette::WindowText), 1.5));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRect(bar);
    p.fillRect(QRect(bar.left(), bar.top(), int(bar.width() * fill), bar.height()),
               QBrush(pal.color(QPalette::Highlight), Qt::Dense3Pattern));
    p.drawText(bar, Qt::AlignCenter,
               d.rcvbuf > 0 ? tr("%1 % full").arg(int(fill * 100)) : tr("size unknown"));
    int y = bar.bottom() + int(line * 1.5);
    p.drawText(QRect(line / 3, y - line, width() - line, line * 3), Qt::TextWordWrap,
               tr("Datagrams wait here until recvfrom() takes them. When the buffer is full the "
                  "kernel drops new ones silently: the sender is not told."));
    y += int(line * 2.6);
    p.drawText(QPoint(line / 3, y),
               tr("Dropped by this socket since it was created: %1").arg(d.drops));
    y += int(line * 1.3);
    if (d.rcvbufErrors >= 0) {
        p.drawText(QPoint(line / 3, y),
                   tr("Dropped at full UDP buffers since the start, all sockets of this machine "
                      "(Udp RcvbufErrors): %1")
                           .arg(d.rcvbufErrors));
        y += int(line * 1.3);
    }
    p.drawText(QPoint(line / 3, y), tr("Same numbers in a terminal: %1").arg(m_sample.ss));
}

bool AcceptQueueView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        if (m_sample.queue.listening && slotRect(m_sample.queue.cap).contains(help->pos())) {
            QToolTip::showText(help->globalPos(),
                               tr("Linux lets backlog + 1 connections wait: the queue counts as "
                                  "full only when it holds more than the backlog."),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

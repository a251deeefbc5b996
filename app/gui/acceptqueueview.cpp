#include "acceptqueueview.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace {

constexpr int kTextFlags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

} // namespace

AcceptQueueView::AcceptQueueView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("acceptQueueView"));
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void AcceptQueueView::setSample(const ProbeSample &sample, bool datagram)
{
    m_sample = sample.withoutRows(); // the view shows no socket rows: 2,000 in a burst
    m_datagram = datagram;
    contentChanged();
}

void AcceptQueueView::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    contentChanged();
}

void AcceptQueueView::clear()
{
    m_sample = {};
    m_datagram = false;
    m_title.clear();
    contentChanged();
}

void AcceptQueueView::contentChanged()
{
    m_cacheValid = false;
    // Hidden (the presenter layout, another page): nothing to lay out until it is shown, when
    // its layout asks heightForWidth() anew.
    if (!isVisible()) {
        m_laidOutHeight = -1;
        return;
    }
    // Ask the layout for more (or less) room only when the height really changes: samples come
    // 20 times a second and most change a figure, not the number of lines.
    const int height = heightForWidth(width() > 0 ? width() : sizeHint().width());
    if (height != m_laidOutHeight) {
        m_laidOutHeight = height;
        updateGeometry();
    }
    update();
}

int AcceptQueueView::shownConnecting() const
{
    return m_sample.stageCounts[int(ClientStage::Connecting)];
}

int AcceptQueueView::shownAckDropped() const
{
    return m_sample.stageCounts[int(ClientStage::AckDropped)];
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
        return tr("No listener: start a server.");
    if (!m_sample.queue.available)
        return tr("The kernel's accept queue cannot be read here.");
    if (!m_sample.queue.listening)
        return tr("No listener: start a server.");
    return tr("Accept queue: %1 waiting for accept() · backlog %2, so room for %3")
            .arg(m_sample.queue.queue)
            .arg(m_sample.queue.cap)
            .arg(m_sample.queue.cap + 1);
}

void AcceptQueueView::addText(std::vector<Item> &items, int &y, int width, const QString &text,
                              int indent, bool bold) const
{
    const int line = fontMetrics().height();
    const int margin = line / 3;
    QFont font = this->font();
    font.setBold(bold);
    const QFontMetrics metrics(font);
    const int available = qMax(line, width - 2 * margin - indent);
    // Wrapped at spaces; a word longer than the width (part of an ss command, say) is broken
    // rather than cut. The item is as tall as the wrapped text really is.
    if (m_measuredFont != this->font() || m_measured.size() > 512) {
        m_measured.clear();
        m_measuredFont = this->font();
    }
    const QString key = QString::number(available) + (bold ? u'b' : u'n') + text;
    auto known = m_measured.constFind(key);
    if (known == m_measured.constEnd()) {
        Measured m;
        m.flags = kTextFlags;
        for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (metrics.horizontalAdvance(word) > available)
                m.flags |= Qt::TextWrapAnywhere;
        m.height = metrics.boundingRect(QRect(0, 0, available, 1 << 20), m.flags, text).height();
        known = m_measured.insert(key, m);
    }
    const QRect rect(margin + indent, y, available, known->height);
    items.push_back({ Item::Kind::Text, rect, text, bold, known->flags });
    y += known->height + line / 4;
}

void AcceptQueueView::addList(std::vector<Item> &items, int &y, int width,
                              const QStringList &entries, int total) const
{
    const int indent = fontMetrics().height();
    for (const QString &entry : entries.mid(0, kMaxListed))
        addText(items, y, width, QStringLiteral("▷ ") + entry, indent);
    if (total > kMaxListed)
        addText(items, y, width, tr("+%n more", "", total - kMaxListed), indent);
}

int AcceptQueueView::slotCount() const
{
    return qMin(m_sample.queue.cap + 1, kMaxSlots);
}

QRect AcceptQueueView::slotRect(const QRect &grid, int index) const
{
    const int line = fontMetrics().height();
    const int size = int(line * 2.2);
    const int gap = line / 3;
    const int perRow = qMax(1, (grid.width() + gap) / (size + gap));
    // Each row of slots has a line under it for the "+1" label.
    return { grid.left() + (index % perRow) * (size + gap),
             grid.top() + (index / perRow) * (size + gap + line), size, size };
}

const std::vector<AcceptQueueView::Item> &AcceptQueueView::layoutFor(int width) const
{
    // One layout per content and width: the layout pass, heightForWidth() and paintEvent() of
    // the same frame share it (text shaping is most of a frame's cost here).
    if (m_cacheValid && m_cacheWidth == width && m_cacheFont == font())
        return m_cache;
    m_cache = computeLayout(width);
    m_cacheWidth = width;
    m_cacheFont = font();
    m_cacheValid = true;
    return m_cache;
}

std::vector<AcceptQueueView::Item> AcceptQueueView::computeLayout(int width) const
{
    std::vector<Item> items;
    const int line = fontMetrics().height();
    const int margin = line / 3;
    int y = margin;
    if (!m_title.isEmpty())
        addText(items, y, width, m_title, 0, true);
    addText(items, y, width, headline());

    if (m_datagram) {
        const DatagramSnapshot &d = m_sample.datagram;
        if (!d.bound)
            return items;
        y += line / 3;
        const QRect bar(margin, y, qMax(line, width - 2 * margin), int(line * 1.6));
        items.push_back({ Item::Kind::Bar, bar, {}, false, 0 });
        y = bar.bottom() + 1 + line / 2;
        addText(items, y, width,
                tr("Datagrams wait here until recvfrom() takes them. When the buffer is full the "
                   "kernel drops new ones silently: the sender is not told."));
        addText(items, y, width,
                tr("Dropped by this socket since it was created: %1").arg(d.drops));
        if (d.rcvbufErrors >= 0)
            addText(items, y, width,
                    tr("Dropped at full UDP buffers since the start, all sockets of this machine "
                       "(Udp RcvbufErrors): %1")
                            .arg(d.rcvbufErrors));
        addText(items, y, width, tr("Same numbers in a terminal: %1").arg(m_sample.ss));
        return items;
    }
    if (!m_sample.queue.listening)
        return items;

    y += line / 3;
    const QRect probe(margin, y, qMax(line, width - 2 * margin), 0);
    const QRect last = slotRect(probe, slotCount() - 1);
    const QRect grid(margin, y, probe.width(), last.bottom() + 1 + line - y);
    items.push_back({ Item::Kind::Slots, grid, {}, false, 0 });
    y = grid.bottom() + 1 + line / 3;
    if (m_sample.queue.cap + 1 > kMaxSlots)
        addText(items, y, width, tr("… and %1 more slots").arg(m_sample.queue.cap + 1 - kMaxSlots));

    // Words only for the entries shown (1,000 clients: 1,000 strings per layout otherwise).
    QStringList connecting;
    QStringList ackDropped;
    int connectingTotal = 0;
    int ackDroppedTotal = 0;
    for (const ClientProbe &c : m_sample.clients) {
        if (c.stage == ClientStage::AckDropped) {
            if (++ackDroppedTotal <= kMaxListed)
                ackDropped << tr("client %1: connect() returned, the server has no row for it")
                                      .arg(c.id);
            continue;
        }
        if (c.stage != ClientStage::Connecting || ++connectingTotal > kMaxListed)
            continue;
        QString text = c.synRetransmits == 0 ? tr("client %1: SYN sent").arg(c.id)
                : c.synRetransmits == 1
                ? tr("client %1: SYN sent again once").arg(c.id)
                : tr("client %1: SYN sent again %2 times").arg(c.id).arg(c.synRetransmits);
        if (c.nextRetryMs >= 0)
            text += tr(", next in %1 s").arg(c.nextRetryMs / 1000.0, 0, 'f', 1);
        connecting << text;
    }
    addText(items, y, width,
            tr("Outside the queue (SYN_SENT, connect() still blocked): %1").arg(shownConnecting()));
    addList(items, y, width, connecting, connectingTotal);
    addText(items, y, width,
            tr("Connected, but the final ACK was dropped at the full queue (no server row; only "
               "a later retransmission gets in): %1")
                    .arg(shownAckDropped()));
    addList(items, y, width, ackDropped, ackDroppedTotal);
    addText(items, y, width,
            tr("Dropped at full accept queues since the start, all listeners of this machine "
               "(TcpExt ListenOverflows): %1")
                    .arg(qMax<qint64>(0, m_sample.queue.overflows)));
    addText(items, y, width, tr("Same numbers in a terminal: %1").arg(m_sample.ss));
    return items;
}

QStringList AcceptQueueView::lines() const
{
    QStringList texts;
    for (const Item &item : layoutFor(width() > 0 ? width() : sizeHint().width()))
        if (item.kind == Item::Kind::Text)
            texts << item.text;
    return texts;
}

int AcceptQueueView::heightForWidth(int width) const
{
    const std::vector<Item> &items = layoutFor(width);
    int bottom = 0;
    for (const Item &item : items)
        bottom = qMax(bottom, item.rect.bottom() + 1);
    return bottom + fontMetrics().height() / 3;
}

QSize AcceptQueueView::sizeHint() const
{
    const int width = 40 * fontMetrics().height();
    return { width, heightForWidth(width) };
}

QSize AcceptQueueView::minimumSizeHint() const
{
    // As narrow as 16 lines allow, and as tall as the content needs at the current width.
    const int line = fontMetrics().height();
    const int width = qMax(16 * line, this->width());
    return { 16 * line, heightForWidth(width) };
}

void AcceptQueueView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    for (const Item &item : layoutFor(width())) {
        switch (item.kind) {
        case Item::Kind::Text: {
            QFont font = this->font();
            font.setBold(item.bold);
            p.setFont(font);
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(item.rect, item.flags, item.text);
            break;
        }
        case Item::Kind::Slots:
            p.setFont(font());
            paintSlots(p, item.rect);
            break;
        case Item::Kind::Bar:
            p.setFont(font());
            paintBar(p, item.rect);
            break;
        }
    }
}

void AcceptQueueView::paintSlots(QPainter &p, const QRect &grid) const
{
    const QPalette pal = palette();
    const int line = fontMetrics().height();
    for (int i = 0; i < slotCount(); ++i) {
        const QRect r = slotRect(grid, i);
        const bool filled = i < m_sample.queue.queue;
        const bool plusOne = i == m_sample.queue.cap; // the slot Linux adds beyond the backlog
        QPen pen(pal.color(QPalette::WindowText), 1.5, plusOne ? Qt::DashLine : Qt::SolidLine);
        p.setPen(pen);
        // The stage's colour for "in the accept queue" (Okabe–Ito sky blue), not the selection
        // colour: that dark blue means "being served" on the stage above.
        const QColor queued(0x56, 0xB4, 0xE9);
        p.setBrush(filled ? queued : pal.color(QPalette::Base));
        p.drawRoundedRect(r, 4, 4);
        // A filled slot shows a solid disc as well as colour, so grey-scale still reads.
        if (filled) {
            const int d = r.width() / 3;
            p.setPen(Qt::black);
            p.setBrush(Qt::black);
            p.drawEllipse(r.center(), d / 2, d / 2);
        }
        if (plusOne) { // labelled below the slot, where the disc cannot cover it
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(QRect(r.left(), r.bottom() + 1, r.width(), line), Qt::AlignHCenter,
                       QStringLiteral("+1"));
        }
    }
}

void AcceptQueueView::paintBar(QPainter &p, const QRect &bar) const
{
    const DatagramSnapshot &d = m_sample.datagram;
    const QPalette pal = palette();
    // The buffer as a bar: filled part solid, the rest empty, with the percentage written on it.
    const double fill = d.rcvbuf > 0 ? std::min(1.0, double(d.queuedBytes) / double(d.rcvbuf)) : 0;
    p.setPen(QPen(pal.color(QPalette::WindowText), 1.5));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRect(bar);
    p.fillRect(QRect(bar.left(), bar.top(), int(bar.width() * fill), bar.height()),
               QBrush(pal.color(QPalette::Highlight), Qt::Dense3Pattern));
    p.drawText(bar, Qt::AlignCenter,
               d.rcvbuf > 0 ? tr("%1 % full").arg(int(fill * 100)) : tr("size unknown"));
}

bool AcceptQueueView::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_cacheValid = false; // the same content in other words
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        bool onPlusOne = false;
        if (!m_datagram && m_sample.queue.listening && m_sample.queue.cap < kMaxSlots) {
            for (const Item &item : layoutFor(width()))
                if (item.kind == Item::Kind::Slots)
                    onPlusOne = slotRect(item.rect, m_sample.queue.cap).contains(help->pos());
        }
        if (onPlusOne) {
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

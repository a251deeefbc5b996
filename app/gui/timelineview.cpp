#include "timelineview.h"

#include "model/connectionmodel.h"
#include "probe/probesample.h"
#include "trace/clock.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace {

constexpr int kLabelWidthLines = 6; // the client column, in text lines
constexpr double kMaxScale = 4000.0; // pixels per second: 1 ms is 4 px
constexpr double kZoomStep = 1.5;

TimelineView::Kind kindOf(ConnectionModel::Stage stage, ClientStage kernel)
{
    using Kind = TimelineView::Kind;
    using Stage = ConnectionModel::Stage;
    if (kernel != ClientStage::Unknown) {
        switch (kernel) {
        case ClientStage::Connecting:
        case ClientStage::HandshakeNotQueued:
        case ClientStage::AckDropped: // connected, yet still waiting outside the queue
            return Kind::Connecting;
        case ClientStage::Queued:
            return Kind::Queued;
        case ClientStage::Accepted:
            return Kind::Served;
        default:
            break;
        }
    }
    switch (stage) {
    case Stage::Created:
    case Stage::Connecting:
        return Kind::Connecting;
    case Stage::Connected:
    case Stage::WaitingReply:
        return Kind::Waiting;
    case Stage::Served:
        return Kind::Served;
    case Stage::Refused:
        return Kind::Refused;
    case Stage::TimedOut:
        return Kind::TimedOut;
    case Stage::Failed:
        return Kind::Failed;
    case Stage::Done:
        return Kind::Done;
    }
    return Kind::Done;
}

Qt::BrushStyle patternOf(TimelineView::Kind kind)
{
    switch (kind) {
    case TimelineView::Kind::Connecting:
        return Qt::BDiagPattern;
    case TimelineView::Kind::Queued:
        return Qt::Dense5Pattern;
    case TimelineView::Kind::Served:
        return Qt::SolidPattern;
    case TimelineView::Kind::Waiting:
        return Qt::Dense3Pattern;
    case TimelineView::Kind::Refused:
    case TimelineView::Kind::TimedOut:
    case TimelineView::Kind::Failed:
        return Qt::DiagCrossPattern;
    case TimelineView::Kind::Done:
        return Qt::NoBrush;
    }
    return Qt::NoBrush;
}

} // namespace

TimelineView::TimelineView(ConnectionModel *model, QWidget *parent)
    : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("timelineView"));
    setMouseTracking(true);
    const auto repaint = [this] {
        update();
    };
    connect(m_model, &QAbstractItemModel::dataChanged, this, repaint);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        relayout();
        update();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        relayout();
        update();
    });
}

void TimelineView::setGroups(const QStringList &titles)
{
    if (titles == m_groups)
        return;
    m_groups = titles;
    relayout();
    update();
}

QColor TimelineView::serverColor(int origin) const
{
    // Comparing: A and B in the Okabe–Ito blue and orange (told apart with colour-blindness too;
    // the group titles and the client names say it in words as well).
    if (m_groups.size() > 1)
        return origin == 0 ? QColor(0x00, 0x72, 0xB2) : QColor(0xE6, 0x9F, 0x00);
    return palette().color(QPalette::Highlight);
}

void TimelineView::setPauses(const std::vector<std::pair<double, double>> &pauses)
{
    m_pauses = pauses;
}

void TimelineView::relayout()
{
    const int rows = m_model->rowCount();
    std::vector<int> order(size_t(rows), 0);
    for (int row = 0; row < rows; ++row)
        order[size_t(row)] = row;
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        const ClientTrack &x = m_model->client(a);
        const ClientTrack &y = m_model->client(b);
        return std::make_pair(x.origin, x.id) < std::make_pair(y.origin, y.id);
    });
    m_slotRows.clear();
    m_slotOfRow.assign(size_t(rows), 0);
    int lastOrigin = -1;
    for (int row : order) {
        const int origin = m_model->client(row).origin;
        if (!m_groups.isEmpty() && origin != lastOrigin)
            m_slotRows.push_back(-1 - origin); // the group's title
        lastOrigin = origin;
        m_slotOfRow[size_t(row)] = int(m_slotRows.size());
        m_slotRows.push_back(row);
    }
    // Comparing with no clients yet: the titles still say which server is which.
    if (rows == 0) {
        for (int origin = 0; origin < m_groups.size(); ++origin)
            m_slotRows.push_back(-1 - origin);
    }
    updateGeometry();
}

int TimelineView::slotOf(int modelRow) const
{
    return modelRow >= 0 && size_t(modelRow) < m_slotOfRow.size() ? m_slotOfRow[size_t(modelRow)]
                                                                  : modelRow;
}

int TimelineView::slotY(int slot) const
{
    const int line = fontMetrics().height();
    return line * 2 + slot * int(line * 1.6);
}

QString TimelineView::groupTitleAt(int slot) const
{
    if (slot < 0 || slot >= slotCount() || m_slotRows[size_t(slot)] >= 0)
        return {};
    return m_groups.value(-1 - m_slotRows[size_t(slot)]);
}

QString TimelineView::kindText(Kind kind)
{
    switch (kind) {
    case Kind::Connecting:
        return tr("connecting");
    case Kind::Queued:
        return tr("in the accept queue");
    case Kind::Served:
        return tr("being served");
    case Kind::Waiting:
        return tr("waiting for the reply");
    case Kind::Done:
        return tr("done");
    case Kind::Refused:
        return tr("refused");
    case Kind::TimedOut:
        return tr("timed out");
    case Kind::Failed:
        return tr("failed");
    }
    return {};
}

std::vector<TimelineView::Segment> TimelineView::segments() const
{
    // Straight from the model's tracks (what TimesRole reports, without building a QVariantMap
    // per segment: 1,000 clients are 5,000 segments every frame).
    const double now = Clock::seconds(m_model->nowNs() - m_model->origin());
    const auto seconds = [this](qint64 ns) {
        return Clock::seconds(ns - m_model->origin());
    };
    std::vector<Segment> list;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (const ClientTrack::Segment &track : m_model->client(row).segments) {
            Segment segment;
            segment.row = row;
            segment.kind = kindOf(track.stage, track.kernel);
            segment.start = seconds(track.startNs);
            const bool final = segment.kind == Kind::Done || segment.kind == Kind::Refused
                    || segment.kind == Kind::TimedOut || segment.kind == Kind::Failed;
            segment.end = track.endNs != 0 ? seconds(track.endNs) : (final ? segment.start : now);
            list.push_back(segment);
        }
    }
    return list;
}

TimelineView::Axis TimelineView::axis(const std::vector<Segment> &segments) const
{
    // From the whole second before the first client started to the whole second after the last
    // thing seen; computed once per paint, never per segment (1,000 clients: 5,000 segments).
    Axis a;
    double first = -1.0;
    double last = 0.0;
    for (const Segment &s : segments) {
        first = first < 0.0 ? s.start : std::min(first, s.start);
        last = std::max(last, s.end);
    }
    a.start = first < 0.0 ? 0.0 : std::floor(std::max(0.0, first));
    a.end = std::ceil(std::max(last, a.start + 1.0));
    if (m_scale > 0.0) {
        a.scale = m_scale;
    } else {
        const int width = qMax(1, this->width() - labelWidth() - fontMetrics().height());
        a.scale = width / std::max(1e-3, a.end - a.start);
    }
    a.left = labelWidth();
    return a;
}

double TimelineView::axisStart() const
{
    return axis(segments()).start;
}

double TimelineView::axisEnd() const
{
    return axis(segments()).end;
}

int TimelineView::labelWidth() const
{
    return kLabelWidthLines * fontMetrics().height();
}

double TimelineView::pixelsPerSecond() const
{
    return axis(segments()).scale;
}

int TimelineView::xOf(double seconds) const
{
    return axis(segments()).x(seconds);
}

void TimelineView::setScale(double pixelsPerSecond)
{
    m_scale = pixelsPerSecond;
    // Zoomed: as wide as the run needs, so the scroll area around it scrolls; fitted: any width.
    const int line = fontMetrics().height();
    const Axis a = axis(segments());
    setMinimumWidth(m_scale > 0.0 ? labelWidth() + line + int((a.end - a.start) * m_scale) : 0);
    updateGeometry();
    update();
}

void TimelineView::zoomIn()
{
    setScale(std::min(kMaxScale, pixelsPerSecond() * kZoomStep));
}

void TimelineView::zoomOut()
{
    const int line = fontMetrics().height();
    const Axis a = axis(segments());
    const double next = a.scale / kZoomStep;
    // Back to "fit" once the whole run would be narrower than the view's parent (the scroll
    // area's viewport).
    const int room = parentWidget() ? parentWidget()->width() : width();
    if (m_scale <= 0.0 || next * (a.end - a.start) + labelWidth() + line <= room)
        fit();
    else
        setScale(next);
}

void TimelineView::fit()
{
    setScale(0.0);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QWidget::wheelEvent(event); // the scroll area scrolls
        return;
    }
    if (event->angleDelta().y() > 0)
        zoomIn();
    else if (event->angleDelta().y() < 0)
        zoomOut();
    event->accept();
}

QRect TimelineView::segmentRect(const Segment &segment, const Axis &a) const
{
    const int line = fontMetrics().height();
    const int x0 = a.x(segment.start);
    const int x1 = a.x(segment.end);
    return { x0, slotY(slotOf(segment.row)), qMax(3, x1 - x0), int(line * 1.3) };
}

QSize TimelineView::sizeHint() const
{
    const int line = fontMetrics().height();
    return { 40 * line, line * 3 + slotCount() * int(line * 1.6) };
}

QSize TimelineView::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return { labelWidth() + 10 * line, line * 3 + slotCount() * int(line * 1.6) };
}

void TimelineView::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    // Inside a scroll area only a strip is exposed: draw the rows there, not all 1,000.
    const QRect exposed = event->rect();
    const QPalette pal = palette();
    const int line = fontMetrics().height();
    const int left = labelWidth();
    const std::vector<Segment> all = segments();
    const Axis a = axis(all);
    const double start = a.start;
    const double end = a.end;
    p.setPen(pal.color(QPalette::WindowText));
    // The time axis in seconds since the run began: ticks at least five text lines apart.
    const double scale = a.scale;
    double step = 60.0;
    for (double candidate : { 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0 }) {
        if (candidate * scale >= line * 5) {
            step = candidate;
            break;
        }
    }
    const int decimals = step < 0.1 ? 2 : step < 1.0 ? 1 : 0;
    for (int i = 0; start + i * step <= end + 1e-9; ++i) {
        const double t = start + i * step;
        const int x = a.x(t);
        p.drawLine(x, line + line / 2, x, line * 2 - 2);
        p.drawText(QRect(x - line * 2, 0, line * 4, line + line / 2), Qt::AlignCenter,
                   QStringLiteral("%1 s").arg(t, 0, 'f', decimals));
    }
    const int rowHeight = int(line * 1.6);
    const int firstSlot = qMax(0, (exposed.top() - line * 2) / rowHeight - 1);
    const int lastSlot = qMin(slotCount() - 1, (exposed.bottom() - line * 2) / rowHeight + 1);
    for (int slot = firstSlot; slot <= lastSlot; ++slot) {
        const int y = slotY(slot);
        const int row = m_slotRows[size_t(slot)];
        if (row < 0) { // a server's title across the whole width, bold, with a rule under it
            QFont bold = font();
            bold.setBold(true);
            p.save();
            p.setFont(bold);
            const int origin = -1 - m_slotRows[size_t(slot)];
            const int mark = int(line * 0.8);
            p.fillRect(QRect(line / 3, y + (int(line * 1.3) - mark) / 2, mark, mark),
                       serverColor(origin));
            p.drawText(QRect(line / 3 + mark + line / 3, y, width() - line, int(line * 1.3)),
                       Qt::AlignLeft | Qt::AlignVCenter, groupTitleAt(slot));
            p.drawLine(line / 3, y + int(line * 1.4), width() - line / 3, y + int(line * 1.4));
            p.restore();
            continue;
        }
        const QModelIndex index = m_model->index(row, 0);
        const QString name = tr("client %1").arg(index.data().toString()); // "A · 2" comparing
        p.drawText(QRect(0, y, left - line / 2, int(line * 1.3)), Qt::AlignRight | Qt::AlignVCenter,
                   name);
    }
    for (const Segment &s : all) {
        const int slot = slotOf(s.row);
        if (slot < firstSlot || slot > lastSlot)
            continue;
        const QRect r = segmentRect(s, a);
        p.setPen(pal.color(QPalette::WindowText));
        p.setBrush(QBrush(serverColor(m_model->client(s.row).origin), patternOf(s.kind)));
        if (s.kind == Kind::Done || s.kind == Kind::Refused || s.kind == Kind::TimedOut
            || s.kind == Kind::Failed) {
            // An outcome is a mark at its time: a bar for done, a cross for the failures.
            const int x = r.left();
            if (s.kind == Kind::Done) {
                p.drawLine(x, r.top(), x, r.bottom());
            } else {
                p.drawLine(x - 4, r.top(), x + 4, r.bottom());
                p.drawLine(x - 4, r.bottom(), x + 4, r.top());
            }
            continue;
        }
        p.drawRect(r);
        const QString label = kindText(s.kind);
        if (fontMetrics().horizontalAdvance(label) + 6 < r.width()) {
            // Text on a white backing so it reads over any pattern.
            const QRect text = fontMetrics().boundingRect(label).translated(r.left() + 3, 0);
            p.fillRect(QRect(text.left() - 1, r.top() + 2, text.width() + 2, r.height() - 4),
                       pal.color(QPalette::Base));
            p.drawText(r.adjusted(3, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, label);
        }
    }
    // Pauses: the clock stood still here, however long the lab was paused.
    for (const auto &[at, length] : m_pauses) {
        if (at < start || at > end)
            continue;
        const int x = a.x(at);
        p.setPen(QPen(pal.color(QPalette::WindowText), 1));
        p.setBrush(pal.color(QPalette::Base));
        p.drawRect(QRect(x - 3, line * 2 - 2, 6, height() - line * 2));
        const QString label = tr("paused %1 s").arg(length, 0, 'f', 1);
        const QRect box = fontMetrics().boundingRect(label).adjusted(-2, 0, 2, 0);
        QRect where(x + 5, line * 2 - 2, box.width(), line);
        if (where.right() > width() - 2) // no room on the right: the label goes on the left
            where.moveRight(x - 5);
        p.fillRect(where, pal.color(QPalette::Base));
        p.drawText(where, Qt::AlignCenter, label);
    }
    // Now.
    const double now = Clock::seconds(m_model->nowNs() - m_model->origin());
    if (now >= start && now <= end) {
        const int x = a.x(now);
        p.setPen(QPen(pal.color(QPalette::Highlight), 2, Qt::DashLine));
        p.drawLine(x, line, x, height());
    }
}

QString TimelineView::describeAt(const QPoint &pos) const
{
    const std::vector<Segment> all = segments();
    const Axis a = axis(all);
    for (const auto &[at, length] : m_pauses) {
        if (std::abs(pos.x() - a.x(at)) <= 4 && pos.y() >= fontMetrics().height() * 2)
            return tr("The lab was paused here for %1 s: the clock stood still, the kernel did "
                      "not.")
                    .arg(length, 0, 'f', 1);
    }
    for (const Segment &s : all) {
        if (!segmentRect(s, a).adjusted(-4, 0, 4, 0).contains(pos))
            continue;
        const QString who = m_model->index(s.row, 0).data().toString();
        // The events behind the bar: the client's last call and its result, as the table says.
        const QString lastCall
                = m_model->index(s.row, int(ConnectionModel::Column::LastCall)).data().toString();
        const QString result
                = m_model->index(s.row, int(ConnectionModel::Column::Result)).data().toString();
        QString text = s.end > s.start
                ? tr("client %1: %2 from %3 s to %4 s (%5 s)")
                          .arg(who, kindText(s.kind))
                          .arg(s.start, 0, 'f', 3)
                          .arg(s.end, 0, 'f', 3)
                          .arg(s.end - s.start, 0, 'f', 3)
                : tr("client %1: %2 at %3 s").arg(who, kindText(s.kind)).arg(s.start, 0, 'f', 3);
        if (!lastCall.isEmpty())
            text += QLatin1Char('\n') + tr("last call: %1").arg(lastCall);
        if (!result.isEmpty())
            text += QLatin1Char('\n') + tr("result: %1").arg(result);
        return text;
    }
    return {};
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = describeAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

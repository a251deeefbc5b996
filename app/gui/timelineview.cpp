#include "timelineview.h"

#include "model/connectionmodel.h"
#include "probe/probesample.h"
#include "trace/clock.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <cmath>

namespace {

constexpr int kLabelWidthLines = 5; // the client column, in text lines

TimelineView::Kind kindOf(const QVariantMap &segment)
{
    using Kind = TimelineView::Kind;
    using Stage = ConnectionModel::Stage;
    if (segment.contains(QStringLiteral("kernelStage"))) {
        switch (ClientStage(segment.value(QStringLiteral("kernelStage")).toInt())) {
        case ClientStage::Connecting:
        case ClientStage::HandshakeNotQueued:
            return Kind::Connecting;
        case ClientStage::Queued:
            return Kind::Queued;
        case ClientStage::Accepted:
            return Kind::Served;
        default:
            break;
        }
    }
    switch (Stage(segment.value(QStringLiteral("stage")).toInt())) {
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
        updateGeometry();
        update();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, repaint);
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
    const double now = Clock::seconds(Clock::nowNs() - m_model->origin());
    std::vector<Segment> list;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QVariantList times = m_model->index(row, 0).data(ConnectionModel::TimesRole).toList();
        for (const QVariant &value : times) {
            const QVariantMap map = value.toMap();
            Segment segment;
            segment.row = row;
            segment.kind = kindOf(map);
            segment.start = map.value(QStringLiteral("start")).toDouble();
            const double end = map.value(QStringLiteral("end")).toDouble();
            const bool final = segment.kind == Kind::Done || segment.kind == Kind::Refused
                    || segment.kind == Kind::TimedOut || segment.kind == Kind::Failed;
            segment.end = end >= 0.0 ? end : (final ? segment.start : now);
            list.push_back(segment);
        }
    }
    return list;
}

double TimelineView::timeSpan() const
{
    double span = 1.0;
    for (const Segment &s : segments())
        span = std::max(span, s.end);
    return std::ceil(span);
}

QRect TimelineView::segmentRect(const Segment &segment, double span) const
{
    const int line = fontMetrics().height();
    const int left = kLabelWidthLines * line;
    const int width = qMax(1, this->width() - left - line);
    const int x0 = left + int(segment.start / span * width);
    const int x1 = left + int(segment.end / span * width);
    const int y = line * 2 + segment.row * int(line * 1.6);
    return { x0, y, qMax(3, x1 - x0), int(line * 1.3) };
}

QSize TimelineView::sizeHint() const
{
    const int line = fontMetrics().height();
    return { 40 * line, line * 3 + m_model->rowCount() * int(line * 1.6) };
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    const int line = fontMetrics().height();
    const double span = timeSpan();
    const int left = kLabelWidthLines * line;
    const int width = qMax(1, this->width() - left - line);
    p.setPen(pal.color(QPalette::WindowText));
    // The time axis: a tick per second (or per 5 / 10 s on long runs).
    const int step = span > 60 ? 10 : span > 15 ? 5 : 1;
    for (int t = 0; t <= int(span); t += step) {
        const int x = left + int(t / span * width);
        p.drawLine(x, line + line / 2, x, line * 2 - 2);
        p.drawText(QRect(x - line * 2, 0, line * 4, line + line / 2), Qt::AlignCenter,
                   QStringLiteral("%1 s").arg(t));
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const int y = line * 2 + row * int(line * 1.6);
        const quint16 origin = quint16(index.data(ConnectionModel::OriginRole).toUInt());
        const QString name = origin == 0 ? tr("client %1").arg(index.data().toString())
                                         : tr("B · client %1").arg(index.data().toString());
        p.drawText(QRect(0, y, left - line / 2, int(line * 1.3)), Qt::AlignRight | Qt::AlignVCenter,
                   name);
    }
    for (const Segment &s : segments()) {
        const QRect r = segmentRect(s, span);
        p.setPen(pal.color(QPalette::WindowText));
        p.setBrush(QBrush(pal.color(QPalette::Highlight), patternOf(s.kind)));
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
    // Now.
    const double now = Clock::seconds(Clock::nowNs() - m_model->origin());
    if (now <= span) {
        const int x = left + int(now / span * width);
        p.setPen(QPen(pal.color(QPalette::Highlight), 2, Qt::DashLine));
        p.drawLine(x, line, x, height());
    }
}

QString TimelineView::describeAt(const QPoint &pos) const
{
    const double span = timeSpan();
    for (const Segment &s : segments()) {
        if (!segmentRect(s, span).adjusted(-4, 0, 4, 0).contains(pos))
            continue;
        const QString who = m_model->index(s.row, 0).data().toString();
        if (s.end > s.start)
            return tr("client %1: %2 from %3 s to %4 s (%5 s)")
                    .arg(who, kindText(s.kind))
                    .arg(s.start, 0, 'f', 3)
                    .arg(s.end, 0, 'f', 3)
                    .arg(s.end - s.start, 0, 'f', 3);
        return tr("client %1: %2 at %3 s").arg(who, kindText(s.kind)).arg(s.start, 0, 'f', 3);
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

#include "lanedelegate.h"

#include "model/threadlanemodel.h"

#include <QApplication>
#include <QPainter>

QString LaneDelegate::stateText(const QModelIndex &index)
{
    if (index.data(ThreadLaneModel::ExitedRole).toBool())
        return tr("✕ finished");
    const QString call = index.data(ThreadLaneModel::CallRole).toString();
    if (call.isEmpty())
        return tr("· idle");
    const double since = index.data(ThreadLaneModel::SinceRole).toDouble();
    if (index.data(ThreadLaneModel::BlockedRole).toBool())
        return tr("■ blocked in %1() for %2 s").arg(call).arg(since, 0, 'f', 1);
    if (index.data(ThreadLaneModel::SleepingRole).toBool())
        return tr("◔ sleeping in %1() for %2 s").arg(call).arg(since, 0, 'f', 1);
    return tr("▶ running %1() for %2 s").arg(call).arg(since, 0, 'f', 1);
}

void LaneDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const bool exited = index.data(ThreadLaneModel::ExitedRole).toBool();
    const bool blocked = index.data(ThreadLaneModel::BlockedRole).toBool();
    painter->save();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const QRect r = opt.rect.adjusted(6, 2, -6, -2);
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setPen(
            opt.palette.color(exited ? QPalette::Disabled : QPalette::Active, QPalette::Text));
    painter->setFont(bold);
    painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter, index.data().toString());
    painter->setFont(opt.font);
    // Blocked calls get a frame as well as the word and the square.
    const QString state = stateText(index);
    const int x = r.left() + r.width() * 2 / 5;
    const QRect stateRect(x, r.top(), r.right() - x, r.height());
    if (blocked && !exited) {
        painter->setPen(QPen(opt.palette.color(QPalette::Highlight), 1.5));
        painter->drawRect(stateRect.adjusted(-3, 0, 0, -1));
    }
    painter->setPen(
            opt.palette.color(exited ? QPalette::Disabled : QPalette::Active, QPalette::Text));
    painter->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter, state);
    painter->restore();
}

QSize LaneDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return { base.width(), qMax(base.height(), option.fontMetrics.height() * 2) };
}

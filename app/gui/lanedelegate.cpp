#include "lanedelegate.h"

#include "model/threadlanemodel.h"

#include <QApplication>
#include <QFontMetrics>
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
    // Who on the first line ("A · TCPServer: server thread (tid 1234)"), what it does on the
    // second: two lines, so a long name never runs into the state.
    const QRect r = opt.rect.adjusted(6, 2, -6, -2);
    const int line = opt.fontMetrics.height();
    const QRect nameRect(r.left(), r.top(), r.width(), line);
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setPen(
            opt.palette.color(exited ? QPalette::Disabled : QPalette::Active, QPalette::Text));
    painter->setFont(bold);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight,
                                                    nameRect.width()));
    painter->setFont(opt.font);
    // Blocked calls get a frame as well as the word and the square.
    const QString state = stateText(index);
    const int x = r.left() + line;
    const QRect stateRect(x, r.top() + line, r.right() - x, line);
    if (blocked && !exited) {
        painter->setPen(QPen(opt.palette.color(QPalette::Highlight), 1.5));
        painter->drawRect(stateRect.adjusted(-3, 0, 0, -1));
    }
    painter->setPen(
            opt.palette.color(exited ? QPalette::Disabled : QPalette::Active, QPalette::Text));
    painter->drawText(stateRect, Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(state, Qt::ElideRight, stateRect.width() - 3));
    painter->restore();
}

QSize LaneDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return { base.width(), qMax(base.height(), option.fontMetrics.height() * 2 + 6) };
}

#pragma once

#include <QStyledItemDelegate>

// Draws one server thread or child process of a ThreadLaneModel: who it is, the call it is in
// now, and whether that call is blocked in the kernel, running, sleeping or over — as a shape
// and a word as well as a colour, so the states read in grey-scale too.
class LaneDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LaneDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString stateText(const QModelIndex &index); // "blocked in accept()", …
};

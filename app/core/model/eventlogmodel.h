#pragma once

#include "trace/event.h"

#include <QAbstractTableModel>
#include <deque>
#include <vector>

// The newest events, one row each with its Python line; bounded, counting the rows it let go.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)

public:
    enum class Column { Time, Origin, Actor, Call, Phase, Result, Bytes, Python, Count };
    enum Role {
        EventRole = Qt::UserRole, // the Event itself
        SecondsRole, // time since the origin, as a double
        OriginRole,
        ActorKindRole, // int(Actor)
        CallNameRole, // callName()
    };
    static constexpr int defaultCapacity = 20000;

    explicit EventLogModel(int capacity = defaultCapacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setOrigin(qint64 ns);
    qint64 origin() const { return m_origin; }
    // A frame's batch: one removal of the oldest rows if over capacity, one insertion.
    void applyEvents(const std::vector<Event> &batch);
    void clear();

    int capacity() const { return m_capacity; }
    quint64 dropped() const { return m_dropped; } // rows let go since construction or clear()
    const Event &event(int row) const { return m_events[size_t(row)]; }
    QString toCsv() const; // every row, header first (RFC 4180)

private:
    QVariant display(const Event &e, Column column) const;

    const int m_capacity;
    std::deque<Event> m_events;
    quint64 m_dropped = 0;
    qint64 m_origin = 0;
};

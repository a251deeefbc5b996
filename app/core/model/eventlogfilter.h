#pragma once

#include "trace/event.h"

#include <QSortFilterProxyModel>

// The event log narrowed by origin, actor kind and part of the call's name (all off at first).
class EventLogFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogFilter)

public:
    explicit EventLogFilter(QObject *parent = nullptr);

    void setOriginFilter(int origin); // -1: every origin
    int originFilter() const { return m_origin; }
    void setActorFilter(Actor actor); // Actor::None: every actor
    Actor actorFilter() const { return m_actor; }
    void setCallFilter(const QString &text); // a case-insensitive part of the call's name
    QString callFilter() const { return m_call; }

    QString toCsv() const; // the rows that pass, header first (RFC 4180)

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_origin = -1;
    Actor m_actor = Actor::None;
    QString m_call;
};

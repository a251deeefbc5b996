#include "eventlogfilter.h"

#include "model/csvwriter.h"
#include "model/eventlogmodel.h"

EventLogFilter::EventLogFilter(QObject *parent) : QSortFilterProxyModel(parent) { }

void EventLogFilter::setOriginFilter(int origin)
{
    if (origin == m_origin)
        return;
    m_origin = origin;
    invalidateFilter();
}

void EventLogFilter::setActorFilter(Actor actor)
{
    if (actor == m_actor)
        return;
    m_actor = actor;
    invalidateFilter();
}

void EventLogFilter::setCallFilter(const QString &text)
{
    if (text == m_call)
        return;
    m_call = text;
    invalidateFilter();
}

QString EventLogFilter::toCsv() const
{
    return CsvWriter::fromModel(*this);
}

bool EventLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_origin >= 0 && index.data(EventLogModel::OriginRole).toInt() != m_origin)
        return false;
    if (m_actor != Actor::None && index.data(EventLogModel::ActorKindRole).toInt() != int(m_actor))
        return false;
    return m_call.isEmpty()
            || index.data(EventLogModel::CallNameRole)
                       .toString()
                       .contains(m_call, Qt::CaseInsensitive);
}

#include "eventlogmodel.h"

#include "model/csvwriter.h"
#include "model/eventtext.h"
#include "trace/clock.h"

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(qMax(1, capacity))
{ }

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Event &e = m_events[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(e, Column(index.column()));
    case EventRole:
        return QVariant::fromValue(e);
    case SecondsRole:
        return Clock::seconds(e.ns - m_origin);
    case OriginRole:
        return e.origin;
    case ActorKindRole:
        return int(e.actor);
    case CallNameRole:
        return callName(e.call);
    default:
        return {};
    }
}

QVariant EventLogModel::display(const Event &e, Column column) const
{
    switch (column) {
    case Column::Time:
        return QString::number(Clock::seconds(e.ns - m_origin), 'f', 6);
    case Column::Origin:
        return QString(QChar(u'A' + e.origin)); // server A, or B beside it (OriginRole: 0, 1)
    case Column::Actor:
        return EventText::actor(e);
    case Column::Call:
        return callName(e.call);
    case Column::Phase:
        return EventText::phase(e.phase);
    case Column::Result:
        return EventText::result(e);
    case Column::Bytes:
        return e.bytes == 0 ? QVariant() : QVariant(e.bytes);
    case Column::Python:
        return EventText::python(e);
    case Column::Count:
        break;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Time:
        return tr("Time (s)");
    case Column::Origin:
        return tr("Server");
    case Column::Actor:
        return tr("Actor");
    case Column::Call:
        return tr("Call");
    case Column::Phase:
        return tr("Phase");
    case Column::Result:
        return tr("Result");
    case Column::Bytes:
        return tr("Bytes");
    case Column::Python:
        return tr("Python");
    case Column::Count:
        break;
    }
    return {};
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(EventRole, "event");
    names.insert(SecondsRole, "seconds");
    names.insert(OriginRole, "origin");
    names.insert(ActorKindRole, "actorKind");
    names.insert(CallNameRole, "callName");
    return names;
}

void EventLogModel::setOrigin(qint64 ns)
{
    if (ns == m_origin)
        return;
    m_origin = ns;
    if (!m_events.empty())
        emit dataChanged(index(0, int(Column::Time)), index(rowCount() - 1, int(Column::Time)));
}

void EventLogModel::applyEvents(const std::vector<Event> &batch)
{
    if (batch.empty())
        return;
    // Of a batch larger than the whole log only its newest events can stay.
    const size_t capacity = size_t(m_capacity);
    const size_t skipped = batch.size() > capacity ? batch.size() - capacity : 0;
    const size_t incoming = batch.size() - skipped;
    const size_t overflow
            = m_events.size() + incoming > capacity ? m_events.size() + incoming - capacity : 0;
    m_dropped += skipped;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow) - 1);
        m_events.erase(m_events.begin(), m_events.begin() + qptrdiff(overflow));
        m_dropped += overflow;
        endRemoveRows();
    }
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    m_events.insert(m_events.end(), batch.begin() + qptrdiff(skipped), batch.end());
    endInsertRows();
}

void EventLogModel::clear()
{
    beginResetModel();
    m_events.clear();
    m_dropped = 0;
    endResetModel();
}

QString EventLogModel::toCsv() const
{
    return CsvWriter::fromModel(*this);
}

#include "threadlanemodel.h"

#include "trace/clock.h"

#include <iterator>

ThreadLaneModel::ThreadLaneModel(QObject *parent) : QAbstractListModel(parent) { }

int ThreadLaneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

QVariant ThreadLaneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Lane &lane = m_lanes[size_t(index.row())];
    const Call call = lane.calls.empty() ? Call::None : lane.calls.back().call;
    const bool inCall = call != Call::None;
    switch (role) {
    case Qt::DisplayRole:
        return label(lane);
    case ActorRole:
        return actorName(lane.actor);
    case PidRole:
        return lane.pid;
    case TidRole:
        return lane.tid;
    case CallRole:
        return inCall ? callName(call) : QString();
    case BlockedRole:
        return isBlockingCall(call);
    case SleepingRole:
        return call == Call::Sleep;
    case SinceRole:
        return inCall ? QVariant(Clock::seconds(qMax<qint64>(0, nowNs() - lane.calls.back().ns)))
                      : QVariant();
    case EnteredRole:
        return inCall ? QVariant(Clock::seconds(lane.calls.back().ns - m_origin)) : QVariant();
    case ConnectionRole:
        return lane.connection;
    case ConnectionStateRole:
        if (const auto c = m_connections.find(lane.origin, lane.connection))
            return ServerConnectionTable::stateKey(c->state);
        return QString();
    case ExitedRole:
        return lane.exited;
    case CallsRole:
        return lane.callCount;
    case OriginRole:
        return lane.origin;
    case ActorIdRole:
        return lane.actorId;
    default:
        return {};
    }
}

QHash<int, QByteArray> ThreadLaneModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ActorRole, "actor");
    names.insert(PidRole, "pid");
    names.insert(TidRole, "tid");
    names.insert(CallRole, "call");
    names.insert(BlockedRole, "blocked");
    names.insert(SleepingRole, "sleeping");
    names.insert(SinceRole, "since");
    names.insert(EnteredRole, "entered");
    names.insert(ConnectionRole, "connection");
    names.insert(ConnectionStateRole, "connectionState");
    names.insert(ExitedRole, "exited");
    names.insert(CallsRole, "calls");
    names.insert(OriginRole, "origin");
    names.insert(ActorIdRole, "actorId");
    return names;
}

QString ThreadLaneModel::label(const Lane &lane) const
{
    QString name;
    switch (lane.actor) {
    case Actor::Worker:
        name = tr("worker %1 (tid %2)").arg(lane.actorId).arg(lane.tid);
        break;
    case Actor::Child:
        name = tr("child %1 (pid %2)").arg(lane.actorId).arg(lane.pid);
        break;
    default:
        name = tr("server thread (tid %1)").arg(lane.tid);
        break;
    }
    const QString server = m_originLabels.value(lane.origin);
    return server.isEmpty() ? name : tr("%1: %2").arg(server, name);
}

qint64 ThreadLaneModel::nowNs() const
{
    return m_nowNs != 0 ? m_nowNs : Clock::nowNs();
}

void ThreadLaneModel::restartClock()
{
    for (Lane &lane : m_lanes) {
        for (Open &open : lane.calls)
            open.ns = m_origin;
    }
    if (m_shown > 0)
        emit dataChanged(index(0), index(m_shown - 1));
}

void ThreadLaneModel::setOriginLabels(const QStringList &labels)
{
    if (labels == m_originLabels)
        return;
    m_originLabels = labels;
    if (m_shown > 0)
        emit dataChanged(index(0), index(m_shown - 1), { Qt::DisplayRole });
}

bool ThreadLaneModel::isBlockingCall(Call call)
{
    switch (call) {
    case Call::Accept:
    case Call::Recv:
    case Call::RecvFrom:
    case Call::Connect:
    case Call::Send:
    case Call::SendAll:
    case Call::SendTo:
        return true;
    default:
        return false;
    }
}

void ThreadLaneModel::setOrigin(qint64 ns)
{
    if (ns == m_origin)
        return;
    m_origin = ns;
    if (m_shown > 0)
        emit dataChanged(index(0), index(m_shown - 1), { EnteredRole });
}

void ThreadLaneModel::applyEvents(const std::vector<Event> &batch)
{
    for (const Event &e : batch) {
        if (m_connections.apply(e)) {
            const auto lane = m_index.find({ e.origin, e.pid, e.tid });
            if (lane != m_index.end())
                touch(lane->second); // its ConnectionStateRole may have moved on
        }
        if (e.actor == Actor::Server && e.call == Call::Reap)
            reaped(e);
        const int row = laneFor(e);
        if (row < 0)
            continue;
        apply(m_lanes[size_t(row)], e);
        touch(row);
    }
    publish();
}

void ThreadLaneModel::clear()
{
    beginResetModel();
    m_lanes.clear();
    m_index.clear();
    m_connections.clear();
    m_shown = 0;
    m_firstTouched = m_lastTouched = -1;
    endResetModel();
}

bool ThreadLaneModel::startsLane(const Event &e)
{
    if (e.actor == Actor::Worker || e.actor == Actor::Child)
        return true;
    if (e.actor != Actor::Server)
        return false;
    // The accept thread, not whoever called start() (socket, bind, listen) or stop() (close),
    // nor the thread that reaps children.
    switch (e.call) {
    case Call::None:
    case Call::Socket:
    case Call::Bind:
    case Call::Listen:
    case Call::SetBlocking:
    case Call::SetTimeout:
    case Call::Shutdown:
    case Call::Close:
    case Call::ServerClose:
    case Call::Reap:
    case Call::Message:
        return false;
    default:
        return true;
    }
}

int ThreadLaneModel::laneFor(const Event &e)
{
    if (e.actor != Actor::Server && e.actor != Actor::Worker && e.actor != Actor::Child)
        return -1;
    const Key key{ e.origin, e.pid, e.tid };
    const auto found = m_index.find(key);
    const int row = found == m_index.end() ? -1 : found->second;
    const bool fresh = e.call == Call::ThreadStart
            || (e.call == Call::ServeForever && e.phase == Phase::Enter);
    // A lane that ended is never revived: a new thread that got the same tid gets its own lane.
    if (row >= 0 && !(fresh && m_lanes[size_t(row)].exited))
        return row;
    if (!startsLane(e))
        return row;
    Lane lane;
    lane.origin = e.origin;
    lane.pid = e.pid;
    lane.tid = e.tid;
    lane.actor = e.actor;
    lane.actorId = e.actorId;
    m_lanes.push_back(lane);
    m_index[key] = int(m_lanes.size()) - 1;
    return int(m_lanes.size()) - 1;
}

void ThreadLaneModel::apply(Lane &lane, const Event &e)
{
    lane.connection = e.connection;
    switch (e.phase) {
    case Phase::Enter:
        if (e.call != Call::ServeForever) {
            lane.calls.push_back({ e.call, e.ns });
            ++lane.callCount;
        }
        return;
    case Phase::Return:
    case Phase::Error:
        for (auto it = lane.calls.rbegin(); it != lane.calls.rend(); ++it) {
            if (it->call == e.call) {
                lane.calls.erase(std::prev(it.base()), lane.calls.end());
                return;
            }
        }
        if (e.call == Call::ServeForever) {
            lane.exited = true;
            lane.calls.clear();
        } else {
            ++lane.callCount; // a call recorded only when done: close(), shutdown(), waitpid()
        }
        return;
    case Phase::Info:
        if (e.call == Call::ThreadExit) {
            lane.exited = true;
            lane.calls.clear();
        }
        return;
    }
}

void ThreadLaneModel::reaped(const Event &e)
{
    // waitpid() returned the child's pid; the child's only thread has tid == pid.
    const auto found = m_index.find({ e.origin, qint32(e.result), qint32(e.result) });
    if (found == m_index.end())
        return;
    const int row = found->second;
    Lane &lane = m_lanes[size_t(row)];
    lane.exited = true;
    lane.calls.clear();
    touch(row);
}

void ThreadLaneModel::touch(int row)
{
    if (row >= m_shown)
        return;
    m_firstTouched = m_firstTouched < 0 ? row : qMin(m_firstTouched, row);
    m_lastTouched = qMax(m_lastTouched, row);
}

void ThreadLaneModel::publish()
{
    const int total = int(m_lanes.size());
    if (total > m_shown) {
        beginInsertRows({}, m_shown, total - 1);
        m_shown = total;
        endInsertRows();
    }
    if (m_firstTouched >= 0)
        emit dataChanged(index(m_firstTouched), index(m_lastTouched));
    m_firstTouched = m_lastTouched = -1;
}

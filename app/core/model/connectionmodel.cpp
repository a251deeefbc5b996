#include "connectionmodel.h"

#include "trace/clock.h"

#include <algorithm>
#include <cerrno>

ConnectionModel::ConnectionModel(QObject *parent) : QAbstractTableModel(parent) { }

int ConnectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

int ConnectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant ConnectionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ClientTrack &row = m_rows[size_t(index.row())];
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (column == Column::Client && m_compare)
            return QStringLiteral("%1 · %2").arg(QChar(u'A' + row.origin)).arg(row.id);
        if (column == Column::Stage)
            return stageText(row);
        if (column == Column::Result)
            return row.result == ClientOutcome::Result::Pending ? QString() : reasonText(row);
        if (column == Column::LastCall)
            return lastCallText(row);
        if (const QVariant v = value(row, column); v.typeId() == QMetaType::Double)
            return QString::number(v.toDouble(), 'f', 3);
        return value(row, column);
    case Qt::TextAlignmentRole:
        return column >= Column::Connect && column <= Column::Latency
                ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                : QVariant();
    case StageRole:
        return int(row.stage);
    case KernelStageRole:
        return row.kernel == ClientStage::Unknown ? QVariant() : QVariant(int(row.kernel));
    case SynRetransmitsRole:
        return row.synRetransmits;
    case NextRetryMsRole:
        return row.nextRetryMs;
    case TimesRole:
        return times(row);
    case ResultRole:
        return ClientOutcome::resultKey(row.result);
    case OriginRole:
        return row.origin;
    case ClientIdRole:
        return row.id;
    case ValueRole:
        return value(row, column);
    default:
        return {};
    }
}

QVariant ConnectionModel::value(const ClientTrack &row, Column column) const
{
    const auto at = [this](qint64 ns) {
        return ns == 0 ? QVariant() : QVariant(seconds(ns));
    };
    switch (column) {
    case Column::Client:
        return row.id;
    case Column::Stage:
        return int(row.stage);
    case Column::Connect:
        return at(row.connectedNs);
    case Column::FirstByte:
        return at(row.firstByteNs);
    case Column::Done:
        return at(row.doneNs);
    case Column::Latency:
        return row.doneNs == 0 ? QVariant() : QVariant(double(row.doneNs - row.startNs) / 1e9);
    case Column::Result:
        return int(row.result);
    case Column::LastCall:
        return int(row.lastCall);
    case Column::Count:
        break;
    }
    return {};
}

QString ConnectionModel::stageText(const ClientTrack &row) const
{
    if (row.isRefinable()) {
        switch (row.kernel) {
        case ClientStage::Connecting:
            return row.synRetransmits > 0 ? tr("Connecting (SYN retry %1)").arg(row.synRetransmits)
                                          : tr("Connecting (SYN sent)");
        case ClientStage::HandshakeNotQueued:
            return tr("Handshake done, not queued");
        case ClientStage::AckDropped:
            return tr("Connected, but the final ACK was dropped: not in the queue");
        case ClientStage::Queued:
            return tr("In the accept queue");
        case ClientStage::Accepted:
            return tr("Accepted");
        default:
            break;
        }
    }
    switch (row.stage) {
    case Stage::Created:
        return tr("Created");
    case Stage::Connecting:
        return tr("Connecting");
    case Stage::Connected:
        return tr("Connected");
    case Stage::WaitingReply:
        return tr("Waiting for the reply");
    case Stage::Served:
        return tr("Served");
    case Stage::Done:
        return tr("Done");
    case Stage::Refused:
        return tr("Refused");
    case Stage::TimedOut:
        return tr("Timed out");
    case Stage::Failed:
        return tr("Failed");
    }
    return {};
}

QString ConnectionModel::stageSummary(quint16 origin) const
{
    std::vector<std::pair<QString, int>> counts; // in order of first appearance by stage
    std::vector<std::pair<int, QString>> order;
    for (int row = 0; row < m_shown; ++row) {
        const ClientTrack &c = m_rows[size_t(row)];
        if (c.origin != origin)
            continue;
        const bool connecting = c.isRefinable() && c.kernel == ClientStage::Connecting;
        const QString text = connecting ? tr("Connecting (SYN_SENT)") : stageText(c);
        // Rank: the kernel's stages before the events' own, in pipeline order.
        const int rank = connecting                                   ? 0
                : c.isRefinable() && c.kernel != ClientStage::Unknown ? 1 + int(c.kernel)
                                                                      : 10 + int(c.stage);
        const auto found = std::find_if(counts.begin(), counts.end(),
                                        [&text](const auto &p) { return p.first == text; });
        if (found == counts.end()) {
            counts.emplace_back(text, 1);
            order.emplace_back(rank, text);
        } else {
            ++found->second;
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList parts;
    for (const auto &[rank, text] : order) {
        const auto found = std::find_if(counts.begin(), counts.end(),
                                        [&text = text](const auto &p) { return p.first == text; });
        parts << tr("%1 × %2").arg(found->second).arg(text);
    }
    return parts.join(tr(", ", "between items of a list"));
}

qint64 ConnectionModel::nowNs() const
{
    return m_nowNs != 0 ? m_nowNs : Clock::nowNs();
}

void ConnectionModel::markServerStopped(quint16 origin, qint64 ns)
{
    m_serverStopped.insert(origin, ns);
}

QString ConnectionModel::reasonText(const ClientTrack &row) const
{
    using Result = ClientOutcome::Result;
    QString what;
    switch (row.result) {
    case Result::Pending:
        return {};
    case Result::Ok:
        return tr("echo received");
    case Result::Stopped:
        return tr("stopped by the lab");
    case Result::Refused:
        what = tr("refused: %1() got ECONNREFUSED").arg(callName(row.failedCall));
        break;
    case Result::TimedOut:
        what = tr("timed out in %1()").arg(callName(row.failedCall));
        break;
    case Result::Failed:
        if (row.peerClosed && row.err == ECONNRESET)
            what = tr("closed by the server before the reply: recv() returned b''");
        else if (row.err == ECONNRESET)
            what = tr("reset: %1() got ECONNRESET").arg(callName(row.failedCall));
        else
            what = tr("failed: %1() got %2").arg(callName(row.failedCall), errnoName(row.err));
        break;
    }
    const auto stopped = m_serverStopped.constFind(row.origin);
    const qint64 at = row.doneNs != 0 ? row.doneNs
            : row.segments.empty()    ? 0
                                      : row.segments.back().startNs;
    if (stopped != m_serverStopped.constEnd() && at >= *stopped)
        return tr("server stopped — %1").arg(what);
    return what;
}

QString ConnectionModel::lastCallText(const ClientTrack &row) const
{
    if (row.lastCall == Call::None)
        return {};
    const QString call = callName(row.lastCall) + QStringLiteral("()");
    if (row.lastPhase == Phase::Enter)
        return call + QStringLiteral(" …");
    if (row.lastPhase == Phase::Error)
        return call + QLatin1Char(' ') + errnoName(row.lastErr);
    return call;
}

QVariantList ConnectionModel::times(const ClientTrack &row) const
{
    QVariantList list;
    list.reserve(qsizetype(row.segments.size()));
    for (const ClientTrack::Segment &segment : row.segments) {
        QVariantMap map{ { QStringLiteral("stage"), int(segment.stage) },
                         { QStringLiteral("start"), seconds(segment.startNs) },
                         { QStringLiteral("end"),
                           segment.endNs == 0 ? -1.0 : seconds(segment.endNs) } };
        if (segment.kernel != ClientStage::Unknown)
            map.insert(QStringLiteral("kernelStage"), int(segment.kernel));
        list.append(map);
    }
    return list;
}

QVariant ConnectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Client:
        return tr("Client");
    case Column::Stage:
        return tr("Stage");
    case Column::Connect:
        return tr("Connect (s)");
    case Column::FirstByte:
        return tr("First byte (s)");
    case Column::Done:
        return tr("Done (s)");
    case Column::Latency:
        return tr("Latency (s)");
    case Column::Result:
        return tr("Result");
    case Column::LastCall:
        return tr("Last call");
    case Column::Count:
        break;
    }
    return {};
}

QHash<int, QByteArray> ConnectionModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(StageRole, "stage");
    names.insert(KernelStageRole, "kernelStage");
    names.insert(SynRetransmitsRole, "synRetransmits");
    names.insert(NextRetryMsRole, "nextRetryMs");
    names.insert(TimesRole, "times");
    names.insert(ResultRole, "result");
    names.insert(OriginRole, "origin");
    names.insert(ClientIdRole, "clientId");
    names.insert(ValueRole, "value");
    return names;
}

void ConnectionModel::setOrigin(qint64 ns)
{
    if (ns == m_origin)
        return;
    m_origin = ns;
    if (m_shown > 0)
        emit dataChanged(index(0, 0), index(m_shown - 1, int(Column::Count) - 1));
}

void ConnectionModel::applyEvents(const std::vector<Event> &batch)
{
    for (const Event &e : batch) {
        if (e.actor != Actor::Client)
            continue;
        const quint64 k = key(e.origin, e.connection);
        auto found = m_index.constFind(k);
        if (found == m_index.constEnd()) {
            ClientTrack track;
            track.origin = e.origin;
            track.id = e.connection;
            m_rows.push_back(track);
            if (e.origin != 0 && !m_compare) {
                // Two servers side by side: every client is named A · n or B · n from now on.
                m_compare = true;
                if (m_shown > 0)
                    emit dataChanged(index(0, 0), index(m_shown - 1, 0));
            }
            found = m_index.insert(k, int(m_rows.size()) - 1);
        }
        m_rows[size_t(*found)].apply(e);
        touch(*found);
    }
    publish();
}

void ConnectionModel::applyProbe(const ProbeSample &s, quint16 origin, qint64 at)
{
    const qint64 ns = at != 0 ? at : s.rowsNs != 0 ? s.rowsNs : s.ns;
    for (const ClientProbe &probe : s.clients) {
        const int row = rowOf(origin, probe.id);
        if (row >= 0 && m_rows[size_t(row)].applyKernel(probe, ns))
            touch(row);
    }
    publish();
}

void ConnectionModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    m_shown = 0;
    m_compare = false;
    m_serverStopped.clear();
    m_firstTouched = m_lastTouched = -1;
    endResetModel();
}

int ConnectionModel::rowOf(quint16 origin, quint32 clientId) const
{
    const int row = m_index.value(key(origin, clientId), -1);
    return row < m_shown ? row : -1;
}

void ConnectionModel::touch(int row)
{
    if (row >= m_shown)
        return; // a new row: its insertion tells the views
    m_firstTouched = m_firstTouched < 0 ? row : qMin(m_firstTouched, row);
    m_lastTouched = qMax(m_lastTouched, row);
}

void ConnectionModel::publish()
{
    const int total = int(m_rows.size());
    if (total > m_shown) {
        // Clients of one burst start in any order: show each batch's newcomers sorted by id.
        std::sort(m_rows.begin() + m_shown, m_rows.end(),
                  [](const ClientTrack &a, const ClientTrack &b) {
                      return key(a.origin, a.id) < key(b.origin, b.id);
                  });
        for (int row = m_shown; row < total; ++row)
            m_index.insert(key(m_rows[size_t(row)].origin, m_rows[size_t(row)].id), row);
        beginInsertRows({}, m_shown, total - 1);
        m_shown = total;
        endInsertRows();
    }
    if (m_firstTouched >= 0) {
        emit dataChanged(index(m_firstTouched, 0), index(m_lastTouched, int(Column::Count) - 1));
    }
    m_firstTouched = m_lastTouched = -1;
}

#pragma once

#include "model/serverconnectiontable.h"
#include "trace/event.h"

#include <QAbstractListModel>
#include <QStringList>
#include <map>
#include <tuple>
#include <vector>

// One lane per server thread or forked child, with the call it is in now: the lanes view's data.
class ThreadLaneModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadLaneModel)

public:
    enum Role {
        ActorRole = Qt::UserRole, // "server", "worker", "child"
        PidRole,
        TidRole,
        CallRole, // Python name of the innermost call it is in; empty when idle or exited
        BlockedRole, // inside a kernel-blocking socket call (accept, recv, sendall, …)
        SleepingRole, // inside time.sleep()
        SinceRole, // seconds since it entered the current call (now: Clock::nowNs())
        EnteredRole, // when it entered the current call, in seconds since the origin
        ConnectionRole, // the connection it serves; 0 for the accept thread between requests
        ConnectionStateRole, // ServerConnectionTable::stateKey() of that connection
        ExitedRole, // thread_exit seen, serve_forever returned, or the child reaped
        CallsRole, // calls made so far
        OriginRole,
        ActorIdRole, // worker or child number, 0 for the accept thread
    };

    explicit ThreadLaneModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setOrigin(qint64 ns);
    // "Now" in the events' time base (lab time); 0: Clock::nowNs(). Read by SinceRole.
    void setNow(qint64 ns) { m_nowNs = ns; }
    qint64 nowNs() const;
    // A new run's clock: calls that began before it count from its start.
    void restartClock();
    // "A · TCPServer" per origin when two servers run side by side; empty: unnamed.
    void setOriginLabels(const QStringList &labels);
    qint64 origin() const { return m_origin; }
    // A frame's batch: new lanes are inserted once, changed lanes reported in one dataChanged.
    void applyEvents(const std::vector<Event> &batch);
    void clear();

    // Server-side connections by id: state and the pid/tid of the thread handling each.
    const ServerConnectionTable &connections() const { return m_connections; }

    static bool isBlockingCall(Call call);

    // A thread of the server that gets a lane: the accept thread (serve_forever, accept), a
    // worker thread or a forked child; not whoever called start() or stop(), nor the reaper.
    static bool startsLane(const Event &e);

private:
    struct Open
    {
        Call call;
        qint64 ns;
    };
    struct Lane
    {
        quint16 origin = 0;
        qint32 pid = 0;
        qint32 tid = 0;
        Actor actor = Actor::None;
        quint32 actorId = 0;
        quint32 connection = 0;
        std::vector<Open> calls; // entered, not yet returned: the innermost last
        int callCount = 0;
        bool exited = false;
    };
    using Key = std::tuple<quint16, qint32, qint32>;

    int laneFor(const Event &e);
    void apply(Lane &lane, const Event &e);
    void reaped(const Event &e);
    QString label(const Lane &lane) const;
    void touch(int row);
    void publish();

    std::vector<Lane> m_lanes; // [0, m_shown) are visible; the rest wait for publish()
    int m_shown = 0;
    std::map<Key, int> m_index; // the newest lane of each thread (a tid may be reused)
    ServerConnectionTable m_connections;
    qint64 m_origin = 0;
    qint64 m_nowNs = 0;
    QStringList m_originLabels;
    int m_firstTouched = -1;
    int m_lastTouched = -1;
};

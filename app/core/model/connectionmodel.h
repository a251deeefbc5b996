#pragma once

#include "model/clienttrack.h"
#include "probe/probesample.h"
#include "trace/event.h"

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

// One row per lab client (origin, client id): stage, times and result, from events and probe.
class ConnectionModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionModel)

public:
    using Stage = ClientTrack::Stage;
    // Client is the lab's client number, "A · 3" / "B · 3" once two servers run side by side.
    enum class Column { Client, Stage, Connect, FirstByte, Done, Latency, Result, LastCall, Count };
    enum Role {
        StageRole = Qt::UserRole, // int(Stage) from the client's events
        KernelStageRole, // int(ClientStage) from the probe; invalid until probed
        SynRetransmitsRole,
        NextRetryMsRole, // -1: unknown
        TimesRole, // QVariantList of QVariantMap{stage, kernelStage?, start, end (-1: going)}
        ResultRole, // ClientOutcome::resultKey()
        OriginRole,
        ClientIdRole,
        ValueRole, // the column's raw number (seconds as double), for sorting and drawing
    };

    explicit ConnectionModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Times are shown in seconds since ns (Clock::nowNs() at the start of the run).
    void setOrigin(qint64 ns);
    qint64 origin() const { return m_origin; }
    // "Now" in the events' time base (lab time, standing still while paused); 0: Clock::nowNs().
    void setNow(qint64 ns) { m_nowNs = ns; }
    qint64 nowNs() const;
    // The user stopped origin's server at ns: a client failing from then on says so.
    void markServerStopped(quint16 origin, qint64 ns);
    // Where origin's clients are now, counted by stage in the order a client goes through them:
    // "1 × Accepted, 2 × In the accept queue, 2 × Connecting (SYN_SENT)"; empty without clients.
    QString stageSummary(quint16 origin) const;
    // Why a finished client did not get its echo, in words ("reset: server stopped — …").
    QString reasonText(const ClientTrack &row) const;
    // A frame's batch: new clients are inserted once, changed rows reported in one dataChanged.
    void applyEvents(const std::vector<Event> &batch);
    // The probe of the server that `origin`'s clients connect to.
    // ns: when the sample's rows were read, in the events' time base (0: the sample's own).
    void applyProbe(const ProbeSample &s, quint16 origin = 0, qint64 ns = 0);
    void clear();

    int rowOf(quint16 origin, quint32 clientId) const; // -1 when unknown
    const ClientTrack &client(int row) const { return m_rows[size_t(row)]; }

private:
    static quint64 key(quint16 origin, quint32 id) { return quint64(origin) << 32 | id; }
    double seconds(qint64 ns) const { return double(ns - m_origin) / 1e9; }
    QVariant value(const ClientTrack &row, Column column) const;
    QString stageText(const ClientTrack &row) const;
    QString lastCallText(const ClientTrack &row) const;
    QVariantList times(const ClientTrack &row) const;
    void touch(int row);
    void publish(); // inserts the rows added since, then reports the touched range

    std::vector<ClientTrack> m_rows; // [0, m_shown) are visible; the rest wait for publish()
    int m_shown = 0;
    QHash<quint64, int> m_index;
    qint64 m_origin = 0;
    qint64 m_nowNs = 0;
    QHash<quint16, qint64> m_serverStopped; // origin -> when its server was stopped
    bool m_compare = false; // a second server's clients are here: names carry A / B
    int m_firstTouched = -1;
    int m_lastTouched = -1;
};

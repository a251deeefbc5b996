#pragma once

#include <QWidget>

class ConnectionModel;

// One row per client on a shared time axis in real seconds: connecting, in the accept queue,
// being served, waiting for the reply, done / refused / timed out, and a "now" line. Each stage
// has its own fill pattern and label, not only a colour; hovering a segment gives its times.
class TimelineView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    explicit TimelineView(ConnectionModel *model, QWidget *parent = nullptr);

    enum class Kind { Connecting, Queued, Served, Waiting, Done, Refused, TimedOut, Failed };
    struct Segment
    {
        int row = 0;
        Kind kind = Kind::Connecting;
        double start = 0.0;
        double end = 0.0; // seconds since the run's start; "now" for a running segment
    };
    std::vector<Segment> segments() const; // what is drawn, in model order
    static QString kindText(Kind kind);
    QString describeAt(const QPoint &pos) const; // the tooltip text there, empty if none

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    double timeSpan() const;
    QRect segmentRect(const Segment &segment, double span) const;

    ConnectionModel *m_model;
};

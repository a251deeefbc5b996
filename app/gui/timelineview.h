#pragma once

#include <QColor>
#include <QWidget>

class ConnectionModel;

// One row per client on a shared time axis in lab seconds (the run clock, which stands still while
// paused): connecting, in the accept queue, being served, waiting for the reply, done / refused /
// timed out, and a "now" line. Each stage has its own fill pattern and label, not only a colour;
// hovering a segment gives its times. Comparing two servers, each server's clients form a group
// under its title ("A · TCPServer"); a pause is drawn where the clock stood still.
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
    QSize minimumSizeHint() const override; // every row: a scroll area around it scrolls to all

    // One title per origin ("A · TCPServer", "B · ThreadingTCPServer"); empty: one ungrouped list.
    void setGroups(const QStringList &titles);
    // Where the clock stood still: (lab seconds, paused seconds) for each pause of the run.
    void setPauses(const std::vector<std::pair<double, double>> &pauses);
    // The row of the drawing a model row is on (group titles take rows too), and the y of a row.
    int slotOf(int modelRow) const;
    int slotY(int slot) const;
    QString groupTitleAt(int slot) const; // empty unless that row is a group's title

    // The axis runs from the whole second before the first client started to the last event.
    double axisStart() const;
    double axisEnd() const;
    // Pixels per second: 0 fits the run into the width; zooming sets a scale and the view grows
    // wider than its scroll area (Ctrl + wheel zooms around the pointer as well).
    double pixelsPerSecond() const;
    bool isFitted() const { return m_scale <= 0.0; }
    void zoomIn();
    void zoomOut();
    void fit();
    int xOf(double seconds) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    struct Axis
    {
        double start = 0.0;
        double end = 1.0;
        double scale = 1.0; // pixels per second
        int left = 0; // where start is drawn
        int x(double seconds) const { return left + int((seconds - start) * scale); }
    };
    Axis axis(const std::vector<Segment> &segments) const;
    QRect segmentRect(const Segment &segment, const Axis &axis) const;
    int labelWidth() const;
    void setScale(double pixelsPerSecond);

    void relayout(); // model rows to drawn rows: by server, then by client number
    QColor serverColor(int origin) const; // A and B told apart when comparing
    int slotCount() const { return int(m_slotRows.size()); }

    ConnectionModel *m_model;
    double m_scale = 0.0; // pixels per second; <= 0: fit the width
    QStringList m_groups;
    std::vector<std::pair<double, double>> m_pauses;
    std::vector<int> m_slotOfRow; // model row -> drawn row
    std::vector<int> m_slotRows; // drawn row -> model row, or -1 - origin for a group title
};

#pragma once

#include "probe/probesample.h"

#include <QWidget>

class QPainter;

// The listener's accept queue as the kernel reports it: backlog + 1 slots (the "+1" marked and
// explained), the connections sitting in them, the clients still outside in SYN_SENT with their
// SYN retries and the kernel's next-retry timer, the overflow counters and the ss command that
// prints the same numbers; for a UDP server its receive buffer and drops. Shapes and text carry the
// meaning, not colour alone.
class AcceptQueueView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptQueueView)

public:
    explicit AcceptQueueView(QWidget *parent = nullptr);

    void setSample(const ProbeSample &sample, bool datagram);
    void clear();

    int shownQueue() const { return m_sample.queue.queue; }
    int shownCap() const { return m_sample.queue.cap; }
    int shownConnecting() const;
    const DatagramSnapshot &shownDatagram() const { return m_sample.datagram; }
    QString headline() const; // the sentence at the top, as drawn

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect slotRect(int index) const;
    void paintDatagram(QPainter &p) const; // a UDP server: its receive buffer and drops

    ProbeSample m_sample;
    bool m_datagram = false;
};

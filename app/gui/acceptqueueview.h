#pragma once

#include "probe/probesample.h"

#include <QFont>
#include <QHash>
#include <QWidget>
#include <vector>

class QPainter;

// The listener's accept queue as the kernel reports it: backlog + 1 slots (the "+1" marked and
// explained), the connections sitting in them, the clients still outside in SYN_SENT with their
// SYN retries and the kernel's next-retry timer, the clients whose final ACK was dropped, the
// overflow counters and the ss command that prints the same numbers; for a UDP server its
// receive buffer and drops. Shapes and text carry the meaning, not colour alone. Text wraps to
// the width, lists end in "+N more", and the height asked for (heightForWidth) covers it all.
class AcceptQueueView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptQueueView)

public:
    explicit AcceptQueueView(QWidget *parent = nullptr);

    void setSample(const ProbeSample &sample, bool datagram);
    void setTitle(const QString &title); // the first line, e.g. "A · TCPServer on 127.0.0.1:5007"
    void clear(); // no sample and no title: nothing of a stopped server stays on screen

    int shownQueue() const { return m_sample.queue.queue; }
    int shownCap() const { return m_sample.queue.cap; }
    int shownConnecting() const;
    int shownAckDropped() const;
    const DatagramSnapshot &shownDatagram() const { return m_sample.datagram; }
    QString title() const { return m_title; }
    QString headline() const; // the sentence under the title, as drawn
    QStringList lines() const; // every text drawn, top to bottom, each in full

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr int kMaxListed = 6; // clients listed per list; the rest are "+N more"
    static constexpr int kMaxSlots = 24; // slots drawn; the rest are "… and N more slots"

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    // One thing drawn: a block of wrapped text, the slot grid or the UDP buffer bar.
    struct Item
    {
        enum class Kind { Text, Slots, Bar } kind = Kind::Text;
        QRect rect;
        QString text;
        bool bold = false;
        int flags = 0; // Text: how it wraps
    };
    const std::vector<Item> &layoutFor(int width) const; // cached until the content changes
    std::vector<Item> computeLayout(int width) const;
    void addText(std::vector<Item> &items, int &y, int width, const QString &text, int indent = 0,
                 bool bold = false) const;
    void addList(std::vector<Item> &items, int &y, int width, const QStringList &entries,
                 int total) const; // total: how many there are (entries holds the first few)
    QRect slotRect(const QRect &grid, int index) const;
    int slotCount() const;
    void paintSlots(QPainter &p, const QRect &grid) const;
    void paintBar(QPainter &p, const QRect &bar) const; // a UDP server's receive buffer
    void contentChanged();

    ProbeSample m_sample; // without its socket rows (the view shows none)
    bool m_datagram = false;
    QString m_title;
    int m_laidOutHeight = -1; // heightForWidth(width()) when last asked: re-layout if it changes
    mutable std::vector<Item> m_cache;
    mutable int m_cacheWidth = -1;
    mutable QFont m_cacheFont;
    mutable bool m_cacheValid = false;
    // Wrapped heights (and wrap flags) of texts already measured, by width, weight and text: most
    // lines read the same from one sample to the next. Cleared with the font, and when large.
    struct Measured
    {
        int height = 0;
        int flags = 0;
    };
    mutable QHash<QString, Measured> m_measured;
    mutable QFont m_measuredFont;
};

#pragma once

#include "model/stagemodel.h"
#include "stagelayout.h"
#include "stagepainter.h"

#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QRegion>
#include <QTimer>
#include <QWidget>
#include <array>
#include <vector>

// The lab's main picture of a run, readable from the back of a classroom: for each server (A
// above B when comparing) its clients on the left, the kernel in the middle (the SYN_SENT crowd
// outside, the half-open connections and the accept queue's slots), and the server's threads or
// children on the right with the Python call each is in and the client it serves. A client is a
// numbered token whose shape, outline and colour say where it is; when the data moves it, it
// glides there (ease-out, about one sample interval) — only after the data said so. Everything is
// laid out when the data, the size or the font change; painting only draws. Sizes follow the
// font, so the application's zoom scales the whole stage.
class StageView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StageView)

public:
    explicit StageView(QWidget *parent = nullptr);
    ~StageView() override;

    void setServers(const std::vector<StageServer> &servers, qint64 nowNs);
    // Follows the model: each changed() shows model->servers(), laid out at the event loop's
    // next turn (one layout for the changes of one turn, and the frame that changed the model
    // ends first: a burst's frame is not one long block of work). nullptr lets go of it.
    void setModel(StageModel *model);

    // Where a client's token is drawn now (mid-glide while it moves); null when it is not drawn
    // on its own (one of a "+N more" group, or no such client).
    QRectF tokenRect(quint16 origin, quint32 client) const;
    QString tokenText(quint16 origin, quint32 client) const; // "7", or "7\nSYN ×3" in SYN_SENT
    QRectF workerRect(quint16 origin, int index) const; // index into StageServer::workers
    QString workerText(quint16 origin, int index) const; // its lines, joined by '\n'
    bool isAnimating() const;

    // Every text drawn (at its target place) and the box it must stay inside, for tests.
    struct DrawnText
    {
        QString text;
        QRectF textRect;
        QRectF boxRect;
    };
    std::vector<DrawnText> drawnTexts() const;

    // The last paintEvent() durations, oldest first (at most kMaxPaintTimes).
    const std::vector<qint64> &paintTimesNs() const { return m_paintTimes; }
    void clearPaintTimes() { m_paintTimes.clear(); }
    static constexpr int kMaxPaintTimes = 1000;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // The model's latest data, if it changed since it was laid out (the readers above see what
    // the next paint shows).
    void takeModelData() const;
    void relayout(); // same data, new size, font or language: no glide
    void fontChanged();
    // Lays the data out at the largest scale where everything fits (down to 1: the font's own
    // size), starting from `from`: few clients are drawn big, many compress at the font's size.
    void build(int from);
    const StageLayout &layout() const { return m_levels[size_t(m_level)].layout; }
    const StageLayout::Fonts &fonts() const { return m_levels[size_t(m_level)].fonts; }
    void tick();
    qreal eased() const; // 0 → 1 over the glide, ease-out
    QRectF drawnRect(const StageLayout::Token &token) const;
    // The picture at rest changed: render it again soon (at most ~30 times a second) if shown,
    // else at the first paint.
    void invalidate();
    void renderPending(); // the render invalidate() asked for, then a repaint
    void renderStill(); // everything but the gliding tokens, into m_still

    std::vector<StageServer> m_servers;
    qint64 m_nowNs = 0;
    struct Level
    {
        qreal scale = 1.0;
        StageLayout::Fonts fonts;
        StageLayout layout;
    };
    std::array<Level, 5> m_levels; // scales 2.4, 2, 1.6, 1.3, 1
    int m_level = 4;
    StagePainter m_painter;

    // The glide: tokens that move start where they were drawn; all share one clock, started by
    // the first frame after the data arrived.
    QHash<quint64, QRectF> m_from;
    QRegion m_glideRegion; // where the gliding tokens pass: what a frame of the glide repaints
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_glideStartNs = -1; // -1: not started yet (no frame since the data)
    qint64 m_glideNs = 250'000'000;
    QElapsedTimer m_sinceData; // the interval between setServers() calls sets the glide's length

    // Frames, texts and resting tokens, drawn once per change: a frame of a glide only copies
    // this and draws the few tokens on their way.
    QImage m_still;
    bool m_stillValid = false;
    QTimer m_renderTimer; // single shot: the pending render
    QElapsedTimer m_sinceRender;

    std::vector<qint64> m_paintTimes;
    QPointer<StageModel> m_model;
    QMetaObject::Connection m_modelConnection;
    QTimer m_modelTimer; // single shot, 0 ms: the model changed, to be laid out
    bool m_modelChanged = false;
};

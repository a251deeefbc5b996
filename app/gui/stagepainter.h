#pragma once

#include "stagelayout.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QStaticText>

class QPainter;
class QPalette;

// Draws what a StageLayout placed: frames, texts and tokens. Each place has its own shape and
// outline as well as its colour (Okabe–Ito, safe for colour-blind eyes), so the picture reads in
// grey-scale too. Texts are laid out once and kept (QStaticText): a frame only blits them.
class StagePainter final
{
public:
    struct Style
    {
        QColor fill;
        QColor outline;
        QColor text;
        Qt::PenStyle pen = Qt::SolidLine;
    };
    static Style style(StageToken::Place place);

    // Where a token's number (and a SYN_SENT token's "SYN ×n") are drawn inside rect.
    static QRectF numberRect(const StageLayout::Token &token, const QRectF &rect,
                             const StageLayout::Fonts &fonts);
    static QRectF subRect(const StageLayout::Token &token, const QRectF &rect,
                          const StageLayout::Fonts &fonts);

    void setFonts(const StageLayout::Fonts *fonts); // forgets the laid-out texts
    void begin() { m_currentFont = -1; } // a new paint: the painter's font is unknown
    void drawBox(QPainter &p, const StageLayout::Box &box, const QPalette &palette, qreal line);
    void drawText(QPainter &p, const StageLayout::Text &text, const QPalette &palette);
    // The same, the shape copied from a picture drawn once per place and size: for tokens at
    // rest, which come in a few sizes only.
    void drawRestingToken(QPainter &p, const StageLayout::Token &token, qreal line, qreal dpr);
    // The same at rect (a gliding token that keeps its size: only its place changes).
    void drawSprite(QPainter &p, const StageLayout::Token &token, const QRectF &rect, qreal line,
                    qreal dpr);
    // A gliding token that changes size: its resting shape stretched to rect for the 150–300 ms
    // of the glide (drawing the shape anew at every size was most of a paint under a burst),
    // its words drawn at their own size.
    void drawStretchedSprite(QPainter &p, const StageLayout::Token &token, const QRectF &rect,
                             qreal line, qreal dpr);
    void drawShape(QPainter &p, StageToken::Place place, const QRectF &rect, qreal line);

private:
    // The same places as numberRect() and subRect(), from measured widths and heights.
    static QRectF placeNumber(const StageLayout::Token &token, const QRectF &rect, qreal w, qreal h,
                              qreal smallHeight);
    static QRectF placeSub(const QRectF &rect, const QRectF &number, qreal w, qreal h);
    qreal advance(const QString &text, StageLayout::FontRole role); // measured once per text
    void drawTokenTexts(QPainter &p, const StageLayout::Token &token, const QRectF &rect);
    const QImage &sprite(StageToken::Place place, const QSizeF &size, qreal line, qreal dpr);
    void blit(QPainter &p, const QPointF &topLeft, const QString &text, StageLayout::FontRole role,
              const QColor &color);

    const StageLayout::Fonts *m_fonts = nullptr;
    QHash<QString, QStaticText> m_static[int(StageLayout::FontRole::Count)];
    int m_currentFont = -1; // the role the painter's font is set to in this paint
    QHash<QString, qreal> m_advances[int(StageLayout::FontRole::Count)];
    qreal m_heights[int(StageLayout::FontRole::Count)] = {};
    // A token's shape by place, size, line height and pixel ratio (in 1/64 px).
    struct SpriteKey
    {
        int place, width, height, line, dpr;
        bool operator==(const SpriteKey &o) const
        {
            return place == o.place && width == o.width && height == o.height && line == o.line
                    && dpr == o.dpr;
        }
        friend size_t qHash(const SpriteKey &k, size_t seed = 0)
        {
            return qHashMulti(seed, k.place, k.width, k.height, k.line, k.dpr);
        }
    };
    QHash<SpriteKey, QImage> m_sprites;
    // The small frames (slots, worker boxes, pills) come in a few sizes each and there can be a
    // hundred of them: each kind and size drawn once (place = 100 + kind; keyed with the palette).
    QHash<SpriteKey, QImage> m_boxSprites;
    qint64 m_boxPalette = 0;
    void drawFrame(QPainter &p, StageLayout::Frame kind, const QRectF &rect,
                   const QPalette &palette, qreal line);
};

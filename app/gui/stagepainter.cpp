#include "stagepainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <cmath>

using Place = StageToken::Place;
using FontRole = StageLayout::FontRole;

namespace {

// Okabe & Ito's colours for colour-blind readers, and lighter tints of them for fills.
const QColor kOrange(0xE6, 0x9F, 0x00);
const QColor kSkyBlue(0x56, 0xB4, 0xE9);
const QColor kGreen(0x00, 0x9E, 0x73);
const QColor kYellow(0xF0, 0xE4, 0x42);
const QColor kBlue(0x00, 0x72, 0xB2);
const QColor kVermillion(0xD5, 0x5E, 0x00);
const QColor kPurple(0xCC, 0x79, 0xA7);

qreal penWidth(qreal line)
{
    return qMax<qreal>(1.5, line / 11);
}

} // namespace

StagePainter::Style StagePainter::style(Place place)
{
    switch (place) {
    case Place::Waiting:
        return { QColor(0xEE, 0xEE, 0xEE), QColor(0x44, 0x44, 0x44), Qt::black, Qt::SolidLine };
    case Place::SynSent:
        return { QColor(0xFC, 0xEB, 0xC4), kOrange.darker(140), Qt::black, Qt::DashLine };
    case Place::SynQueue:
        return { QColor(0xF5, 0xDD, 0xEA), kPurple.darker(150), Qt::black, Qt::SolidLine };
    case Place::AckDropped:
        return { kYellow, Qt::black, Qt::black, Qt::SolidLine };
    case Place::AcceptQueue:
        return { kSkyBlue, kBlue, Qt::black, Qt::SolidLine };
    case Place::Worker:
        return { kBlue, kBlue.darker(160), Qt::white, Qt::SolidLine };
    case Place::Done:
        return { QColor(0xD4, 0xEF, 0xE6), kGreen.darker(130), Qt::black, Qt::SolidLine };
    case Place::Failed:
        return { QColor(0xF9, 0xDC, 0xC9), kVermillion, Qt::black, Qt::SolidLine };
    }
    return {};
}

QRectF StagePainter::numberRect(const StageLayout::Token &token, const QRectF &rect,
                                const StageLayout::Fonts &fonts)
{
    const QFontMetricsF fm(fonts[token.small ? FontRole::Small : FontRole::Bold]);
    return placeNumber(token, rect, fm.horizontalAdvance(token.text), fm.height(),
                       QFontMetricsF(fonts[FontRole::Small]).height());
}

QRectF StagePainter::subRect(const StageLayout::Token &token, const QRectF &rect,
                             const StageLayout::Fonts &fonts)
{
    if (token.sub.isEmpty())
        return {};
    const QFontMetricsF fm(fonts[FontRole::Small]);
    return placeSub(rect, numberRect(token, rect, fonts), fm.horizontalAdvance(token.sub),
                    fm.height());
}

QRectF StagePainter::placeNumber(const StageLayout::Token &token, const QRectF &rect, qreal w,
                                 qreal h, qreal smallHeight)
{
    if (token.small) { // the mark on the left, the number after it
        const qreal pad = (rect.height() - h) / 2;
        return { rect.right() - pad - w, rect.top() + pad, w, h };
    }
    if (!token.sub.isEmpty()) {
        const qreal total = h + smallHeight;
        return { rect.center().x() - w / 2, rect.center().y() - total / 2, w, h };
    }
    return { rect.center().x() - w / 2, rect.center().y() - h / 2, w, h };
}

QRectF StagePainter::placeSub(const QRectF &rect, const QRectF &number, qreal w, qreal h)
{
    return { rect.center().x() - w / 2, number.bottom(), w, h };
}

qreal StagePainter::advance(const QString &text, FontRole role)
{
    QHash<QString, qreal> &cache = m_advances[int(role)];
    auto it = cache.constFind(text);
    if (it != cache.constEnd())
        return *it;
    if (cache.size() > 4096)
        cache.clear();
    const qreal w = QFontMetricsF((*m_fonts)[role]).horizontalAdvance(text);
    cache.insert(text, w);
    return w;
}

void StagePainter::drawTokenTexts(QPainter &p, const StageLayout::Token &token, const QRectF &rect)
{
    const Style s = style(token.place);
    const FontRole role = token.small ? FontRole::Small : FontRole::Bold;
    const QRectF number = placeNumber(token, rect, advance(token.text, role), m_heights[int(role)],
                                      m_heights[int(FontRole::Small)]);
    blit(p, number.topLeft(), token.text, role, s.text);
    if (!token.sub.isEmpty())
        blit(p,
             placeSub(rect, number, advance(token.sub, FontRole::Small),
                      m_heights[int(FontRole::Small)])
                     .topLeft(),
             token.sub, FontRole::Small, s.text);
}

void StagePainter::setFonts(const StageLayout::Fonts *fonts)
{
    m_fonts = fonts;
    for (auto &cache : m_static)
        cache.clear();
    for (auto &cache : m_advances)
        cache.clear();
    for (int i = 0; i < int(FontRole::Count); ++i)
        m_heights[i] = fonts ? QFontMetricsF((*fonts)[FontRole(i)]).height() : 0.0;
    m_sprites.clear();
    m_currentFont = -1;
}

void StagePainter::blit(QPainter &p, const QPointF &topLeft, const QString &text, FontRole role,
                        const QColor &color)
{
    if (m_currentFont != int(role)) {
        p.setFont((*m_fonts)[role]);
        m_currentFont = int(role);
    }
    QHash<QString, QStaticText> &cache = m_static[int(role)];
    auto it = cache.find(text);
    if (it == cache.end()) {
        if (cache.size() > 4096)
            cache.clear();
        QStaticText st(text);
        st.setTextFormat(Qt::PlainText);
        st.setPerformanceHint(QStaticText::AggressiveCaching);
        st.prepare(QTransform(), (*m_fonts)[role]);
        it = cache.insert(text, st);
    }
    p.setPen(color);
    p.drawStaticText(topLeft, *it);
}

void StagePainter::drawBox(QPainter &p, const StageLayout::Box &box, const QPalette &palette,
                           qreal line)
{
    if (box.kind == StageLayout::Frame::Column || box.kind == StageLayout::Frame::Kernel) {
        drawFrame(p, box.kind, box.rect, palette, line); // large and few: drawn as they are
        return;
    }
    const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    if (palette.cacheKey() != m_boxPalette) {
        m_boxSprites.clear();
        m_boxPalette = palette.cacheKey();
    }
    const SpriteKey key{ 100 + int(box.kind), qRound(box.rect.width() * 64),
                         qRound(box.rect.height() * 64), qRound(line * 64), qRound(dpr * 64) };
    auto it = m_boxSprites.find(key);
    if (it == m_boxSprites.end()) {
        if (m_boxSprites.size() > 64)
            m_boxSprites.clear();
        QImage image(QSize(int(std::ceil(box.rect.width() * dpr)),
                           int(std::ceil(box.rect.height() * dpr))),
                     QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter sp(&image);
        sp.setRenderHint(QPainter::Antialiasing);
        drawFrame(sp, box.kind, QRectF(QPointF(0, 0), box.rect.size()), palette, line);
        sp.end();
        it = m_boxSprites.insert(key, image);
    }
    p.drawImage(box.rect.topLeft(), *it);
}

void StagePainter::drawFrame(QPainter &p, StageLayout::Frame kind, const QRectF &rect,
                             const QPalette &palette, qreal line)
{
    const qreal pen = penWidth(line);
    const QRectF r = rect.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2);
    switch (kind) {
    case StageLayout::Frame::Column:
        p.setPen(QPen(palette.color(QPalette::Mid), pen));
        p.setBrush(palette.color(QPalette::Base));
        p.drawRoundedRect(r, line * 0.3, line * 0.3);
        break;
    case StageLayout::Frame::Kernel:
        p.setPen(QPen(palette.color(QPalette::WindowText), pen * 1.6));
        p.setBrush(palette.color(QPalette::AlternateBase));
        p.drawRoundedRect(r, line * 0.3, line * 0.3);
        break;
    case StageLayout::Frame::Slot:
        p.setPen(QPen(palette.color(QPalette::Dark), pen));
        p.setBrush(palette.color(QPalette::Base));
        p.drawRoundedRect(r, line * 0.15, line * 0.15);
        break;
    case StageLayout::Frame::Worker:
        p.setPen(QPen(palette.color(QPalette::Dark), pen));
        p.setBrush(palette.color(QPalette::Window));
        p.drawRoundedRect(r, line * 0.25, line * 0.25);
        break;
    case StageLayout::Frame::WorkerExited:
        p.setPen(QPen(palette.color(QPalette::Mid), pen, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(r, line * 0.25, line * 0.25);
        break;
    case StageLayout::Frame::Pill:
        p.setPen(QPen(palette.color(QPalette::Mid), pen));
        p.setBrush(palette.color(QPalette::Window));
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        break;
    }
}

void StagePainter::drawText(QPainter &p, const StageLayout::Text &text, const QPalette &palette)
{
    const QColor color
            = palette.color(text.dim ? QPalette::Disabled : QPalette::Active, QPalette::WindowText);
    if (text.wrap) {
        if (m_currentFont != int(text.font)) {
            p.setFont((*m_fonts)[text.font]);
            m_currentFont = int(text.font);
        }
        p.setPen(color);
        p.drawText(text.rect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text.text);
        return;
    }
    blit(p, text.rect.topLeft(), text.text, text.font, color);
    if (text.strike) {
        const qreal y = text.rect.center().y();
        p.setPen(QPen(color, qMax<qreal>(1.5, text.rect.height() / 14)));
        p.drawLine(QPointF(text.rect.left(), y), QPointF(text.rect.right(), y));
    }
}

void StagePainter::drawShape(QPainter &p, Place place, const QRectF &rect, qreal line)
{
    const Style s = style(place);
    const qreal pen = penWidth(line) * (place == Place::SynSent ? 1.3 : 1.0);
    const QRectF r = rect.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2);
    p.setPen(QPen(s.outline, pen, s.pen));
    p.setBrush(s.fill);
    switch (place) {
    case Place::Waiting: // a circle (a pill when wider than tall)
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        break;
    case Place::SynSent: // a dashed outline: not yet anywhere
        p.drawRoundedRect(r, r.height() / 4, r.height() / 4);
        break;
    case Place::SynQueue: { // half filled: half-open
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        QPainterPath clip;
        clip.addRect(QRectF(r.left(), r.top(), r.width() / 2, r.height()));
        QPainterPath shape;
        shape.addRoundedRect(r, r.height() / 2, r.height() / 2);
        p.setPen(Qt::NoPen);
        p.setBrush(kPurple);
        p.drawPath(shape.intersected(clip));
        p.setPen(QPen(s.outline, pen));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        break;
    }
    case Place::AckDropped: { // a hexagon
        const qreal cut = qMin(r.width() / 3, r.height() / 2);
        const QPointF pts[] = { { r.left() + cut, r.top() },    { r.right() - cut, r.top() },
                                { r.right(), r.center().y() },  { r.right() - cut, r.bottom() },
                                { r.left() + cut, r.bottom() }, { r.left(), r.center().y() } };
        p.drawPolygon(pts, 6);
        break;
    }
    case Place::AcceptQueue: // a square in its slot
    case Place::Worker: // filled: being served
        p.drawRoundedRect(r, line * 0.12, line * 0.12);
        break;
    case Place::Done:
    case Place::Failed: {
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        // The mark: a check or a cross in a square on the left.
        const qreal m = r.height();
        const QRectF mark(r.left() + m * 0.22, r.top() + m * 0.22, m * 0.56, m * 0.56);
        p.setPen(QPen(place == Place::Done ? kGreen.darker(130) : kVermillion,
                      qMax<qreal>(2.0, m / 7), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        if (place == Place::Done) {
            const QPointF pts[] = { { mark.left(), mark.center().y() },
                                    { mark.left() + mark.width() * 0.38, mark.bottom() },
                                    { mark.right(), mark.top() } };
            p.drawPolyline(pts, 3);
        } else {
            p.drawLine(mark.topLeft(), mark.bottomRight());
            p.drawLine(mark.bottomLeft(), mark.topRight());
        }
        break;
    }
    }
}

void StagePainter::drawRestingToken(QPainter &p, const StageLayout::Token &token, qreal line,
                                    qreal dpr)
{
    drawSprite(p, token, token.rect, line, dpr);
}

const QImage &StagePainter::sprite(StageToken::Place place, const QSizeF &size, qreal line,
                                   qreal dpr)
{
    const SpriteKey key{ int(place), qRound(size.width() * 64), qRound(size.height() * 64),
                         qRound(line * 64), qRound(dpr * 64) };
    auto it = m_sprites.find(key);
    if (it == m_sprites.end()) {
        if (m_sprites.size() > 64)
            m_sprites.clear();
        QImage image(QSize(int(std::ceil(size.width() * dpr)), int(std::ceil(size.height() * dpr))),
                     QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        QPainter sp(&image);
        sp.setRenderHint(QPainter::Antialiasing);
        drawShape(sp, place, QRectF(QPointF(0, 0), size), line);
        sp.end();
        it = m_sprites.insert(key, image);
    }
    return *it;
}

void StagePainter::drawSprite(QPainter &p, const StageLayout::Token &token, const QRectF &rect,
                              qreal line, qreal dpr)
{
    p.drawImage(rect.topLeft(), sprite(token.place, rect.size(), line, dpr));
    drawTokenTexts(p, token, rect);
}

void StagePainter::drawStretchedSprite(QPainter &p, const StageLayout::Token &token,
                                       const QRectF &rect, qreal line, qreal dpr)
{
    const QImage &image = sprite(token.place, token.rect.size(), line, dpr);
    p.drawImage(rect, image, QRectF(QPointF(0, 0), QSizeF(image.size())));
    drawTokenTexts(p, token, rect);
}

#include "stageview.h"

#include <QEvent>
#include <QPaintEvent>
#include <QPainter>
#include <cmath>

namespace {

constexpr int kFrameMs = 16;
// The still picture is rendered at most this often: a burst of changes shows its latest data
// within this time, instead of blocking the event loop with one render per change.
constexpr qint64 kMinRenderGapMs = 33;
constexpr qint64 kMinGlideNs = 150'000'000;
constexpr qint64 kMaxGlideNs = 300'000'000;

QRectF lerp(const QRectF &a, const QRectF &b, qreal t)
{
    auto mix = [t](qreal x, qreal y) {
        return x + (y - x) * t;
    };
    return { mix(a.left(), b.left()), mix(a.top(), b.top()), mix(a.width(), b.width()),
             mix(a.height(), b.height()) };
}

} // namespace

StageView::StageView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("stageView"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_timer.setInterval(kFrameMs);
    connect(&m_timer, &QTimer::timeout, this, &StageView::tick);
    m_renderTimer.setSingleShot(true);
    connect(&m_renderTimer, &QTimer::timeout, this, &StageView::renderPending);
    m_modelTimer.setSingleShot(true);
    m_modelTimer.setInterval(0);
    connect(&m_modelTimer, &QTimer::timeout, this, &StageView::takeModelData);
    m_clock.start();
    fontChanged();
}

StageView::~StageView() = default;

void StageView::setModel(StageModel *model)
{
    if (m_modelConnection)
        disconnect(m_modelConnection);
    m_modelTimer.stop();
    m_modelChanged = false;
    m_model = model;
    if (!model)
        return;
    m_modelConnection = connect(model, &StageModel::changed, this, [this] {
        m_modelChanged = true;
        if (!m_modelTimer.isActive())
            m_modelTimer.start();
    });
    setServers(model->servers(), model->nowNs());
}

void StageView::takeModelData() const
{
    if (!m_modelChanged)
        return; // nothing new since the last layout
    auto *self = const_cast<StageView *>(this); // what is shown catches up with the model
    if (m_model)
        self->setServers(m_model->servers(), m_model->nowNs());
}

void StageView::setServers(const std::vector<StageServer> &servers, qint64 nowNs)
{
    m_modelTimer.stop(); // this data is the newest
    m_modelChanged = false;
    // Where each token is drawn now, before the new data moves it.
    QHash<quint64, QRectF> before;
    before.reserve(int(layout().tokens().size()));
    for (const StageLayout::Token &t : layout().tokens())
        before.insert(StageLayout::key(t.origin, t.client), drawnRect(t));

    // A new run (no client shown before is still there) may be drawn bigger again; within a
    // run the scale only shrinks, so the picture does not pump as clients come and go.
    bool carriedOver = false;
    for (const StageServer &s : servers)
        for (const StageToken &t : s.tokens)
            if (before.contains(StageLayout::key(t.origin, t.client))) {
                carriedOver = true;
                break;
            }
    const StageLayout previous = layout(); // cheap: its strings and caches are shared
    if (!carriedOver) // a new run: the columns start from what it needs
        for (Level &l : m_levels)
            l.layout.forget();
    const int level = m_level;
    m_servers = servers;
    m_nowNs = nowNs;
    build(carriedOver ? m_level : 0);
    if (m_level == level && layout().drawsSameAs(previous))
        return; // nothing drawn changes: no new picture, no repaint, a glide goes on as it was

    m_from.clear();
    for (const StageLayout::Token &t : layout().tokens()) {
        const auto it = before.constFind(StageLayout::key(t.origin, t.client));
        if (it == before.constEnd())
            continue; // newly shown: it appears where it is
        const QRectF &was = *it;
        if (std::abs(was.left() - t.rect.left()) > 0.5 || std::abs(was.top() - t.rect.top()) > 0.5
            || std::abs(was.width() - t.rect.width()) > 0.5
            || std::abs(was.height() - t.rect.height()) > 0.5)
            m_from.insert(StageLayout::key(t.origin, t.client), was);
    }
    // A frame of the glide repaints only where the gliding tokens pass (a straight line from
    // where they were to where they go: inside the box around both).
    m_glideRegion = QRegion();
    for (const StageLayout::Token &t : layout().tokens()) {
        const auto it = m_from.constFind(StageLayout::key(t.origin, t.client));
        if (it != m_from.constEnd())
            m_glideRegion += it->united(t.rect).toAlignedRect().adjusted(-2, -2, 2, 2);
    }
    // About one sample interval: the glide ends before the next data is due.
    const qint64 interval = m_sinceData.isValid() ? m_sinceData.nsecsElapsed() : kMaxGlideNs;
    m_sinceData.start();
    m_glideNs = qBound(kMinGlideNs, interval, kMaxGlideNs);
    m_glideStartNs = -1;
    if (m_from.isEmpty())
        m_timer.stop();
    else if (!m_timer.isActive())
        m_timer.start();
    invalidate();
}

void StageView::invalidate()
{
    m_stillValid = false;
    if (!isVisible())
        return; // rendered by the first paint once shown
    if (m_renderTimer.isActive())
        return; // one render takes in every change until then
    const qint64 since = m_sinceRender.isValid() ? m_sinceRender.elapsed() : kMinRenderGapMs;
    m_renderTimer.start(int(qMax<qint64>(0, kMinRenderGapMs - since)));
}

void StageView::renderPending()
{
    if (m_stillValid || !isVisible())
        return;
    renderStill();
    update();
}

void StageView::tick()
{
    if (!m_stillValid && isVisible())
        return; // the glide starts with the first frame, once the pending render is done
    if (m_glideStartNs < 0)
        m_glideStartNs = m_clock.nsecsElapsed();
    if (eased() >= 1.0) { // arrived: they rest in the still picture now
        if (m_stillValid) {
            // Only the tokens that glided are missing from it: drawn where they rest.
            QPainter p(&m_still);
            p.setRenderHint(QPainter::Antialiasing);
            const qreal line = QFontMetricsF(fonts()[StageLayout::FontRole::Normal]).height();
            m_painter.begin();
            for (const StageLayout::Token &t : layout().tokens())
                if (m_from.contains(StageLayout::key(t.origin, t.client)))
                    m_painter.drawRestingToken(p, t, line, m_still.devicePixelRatio());
        }
        m_from.clear();
        m_timer.stop();
        update(m_stillValid ? m_glideRegion : QRegion(rect()));
        m_glideRegion = QRegion();
        return;
    }
    if (m_stillValid)
        update(m_glideRegion); // else the pending render shows the frame
}

qreal StageView::eased() const
{
    if (m_from.isEmpty())
        return 1.0;
    if (m_glideStartNs < 0)
        return 0.0;
    const qreal t = qMin<qreal>(1.0, qreal(m_clock.nsecsElapsed() - m_glideStartNs) / m_glideNs);
    return 1.0 - std::pow(1.0 - t, 3);
}

bool StageView::isAnimating() const
{
    takeModelData();
    return !m_from.isEmpty() && eased() < 1.0;
}

QRectF StageView::drawnRect(const StageLayout::Token &token) const
{
    if (m_from.isEmpty())
        return token.rect;
    const auto it = m_from.constFind(StageLayout::key(token.origin, token.client));
    return it == m_from.constEnd() ? token.rect : lerp(*it, token.rect, eased());
}

QRectF StageView::tokenRect(quint16 origin, quint32 client) const
{
    takeModelData();
    const StageLayout::Token *t = layout().token(origin, client);
    return t ? drawnRect(*t) : QRectF();
}

QString StageView::tokenText(quint16 origin, quint32 client) const
{
    takeModelData();
    const StageLayout::Token *t = layout().token(origin, client);
    if (!t)
        return {};
    return t->sub.isEmpty() ? t->text : t->text + QLatin1Char('\n') + t->sub;
}

QRectF StageView::workerRect(quint16 origin, int index) const
{
    takeModelData();
    const StageLayout::WorkerBox *w = layout().worker(origin, index);
    return w ? w->rect : QRectF();
}

QString StageView::workerText(quint16 origin, int index) const
{
    takeModelData();
    const StageLayout::WorkerBox *w = layout().worker(origin, index);
    return w ? w->text : QString();
}

std::vector<StageView::DrawnText> StageView::drawnTexts() const
{
    takeModelData();
    std::vector<DrawnText> list;
    for (const StageLayout::Text &t : layout().texts())
        list.push_back({ t.text, t.rect, t.box });
    for (const StageLayout::Token &t : layout().tokens()) {
        list.push_back({ t.text, StagePainter::numberRect(t, t.rect, fonts()), t.rect });
        if (!t.sub.isEmpty())
            list.push_back({ t.sub, StagePainter::subRect(t, t.rect, fonts()), t.rect });
    }
    return list;
}

QSize StageView::sizeHint() const
{
    // A 1366×768 screen at 100 %: the full width and about 60 % of the lab's height.
    const int line = fontMetrics().height();
    return { 80 * line, 28 * line };
}

QSize StageView::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return { 48 * line, 20 * line }; // two servers still show a row of each
}

void StageView::relayout()
{
    m_from.clear();
    m_glideRegion = QRegion();
    m_timer.stop();
    build(0);
    // A new size, font or language: the picture is rendered now (a paint cannot show the old
    // one), once per such change.
    m_stillValid = false;
    if (isVisible()) {
        renderStill();
        update();
    }
}

void StageView::build(int from)
{
    const QSize area = size().isEmpty() ? sizeHint() : size();
    const int old = m_level;
    int level = int(m_levels.size()) - 1;
    for (int i = qBound(0, from, level); i < level; ++i) {
        m_levels[size_t(i)].layout.build(m_servers, m_levels[size_t(i)].fonts, area);
        if (!m_levels[size_t(i)].layout.overflowed()) {
            level = i;
            break;
        }
    }
    if (level == int(m_levels.size()) - 1)
        m_levels[size_t(level)].layout.build(m_servers, m_levels[size_t(level)].fonts, area);
    m_level = level;
    if (level != old)
        m_painter.setFonts(&m_levels[size_t(level)].fonts);
}

void StageView::fontChanged()
{
    static constexpr qreal kScales[] = { 2.4, 2.0, 1.6, 1.3, 1.0 };
    for (size_t i = 0; i < m_levels.size(); ++i) {
        QFont f = font();
        if (f.pointSizeF() > 0)
            f.setPointSizeF(f.pointSizeF() * kScales[i]);
        else
            f.setPixelSize(qMax(1, int(f.pixelSize() * kScales[i])));
        m_levels[i].scale = kScales[i];
        m_levels[i].fonts = StageLayout::Fonts::from(f, font());
    }
    m_painter.setFonts(&fonts());
}

void StageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void StageView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::ApplicationFontChange:
        fontChanged();
        relayout();
        updateGeometry();
        break;
    case QEvent::LanguageChange: // the same picture in other words
        relayout();
        break;
    case QEvent::PaletteChange:
        invalidate();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void StageView::renderStill()
{
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    if (m_still.size() != pixels)
        m_still = QImage(pixels, QImage::Format_RGB32); // opaque: a frame only copies it
    m_still.setDevicePixelRatio(dpr);
    m_sinceRender.start();
    const QPalette pal = palette();
    m_still.fill(pal.color(QPalette::Window));
    QPainter p(&m_still);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal line = QFontMetricsF(fonts()[StageLayout::FontRole::Normal]).height();
    m_painter.begin();
    for (const StageLayout::Box &box : layout().boxes())
        m_painter.drawBox(p, box, pal, line);
    for (const StageLayout::Swatch &s : layout().swatches())
        m_painter.drawShape(p, s.place, s.rect, line);
    for (const StageLayout::Text &t : layout().texts())
        m_painter.drawText(p, t, pal);
    for (const StageLayout::Token &t : layout().tokens())
        if (!m_from.contains(StageLayout::key(t.origin, t.client)))
            m_painter.drawRestingToken(p, t, line, dpr);
    m_stillValid = true;
}

void StageView::paintEvent(QPaintEvent *event)
{
    QElapsedTimer timer;
    timer.start();
    const qreal ratio = devicePixelRatioF();
    if (!m_stillValid) {
        if (m_still.isNull() || m_still.size() != (QSizeF(size()) * ratio).toSize()
            || !qFuzzyCompare(m_still.devicePixelRatio(), ratio))
            renderStill(); // nothing of this size to show yet
        else if (!m_renderTimer.isActive())
            invalidate(); // the previous picture until the pending render (a few ms) is done
    }
    {
        QPainter p(this);
        const qreal dpr = m_still.devicePixelRatio();
        for (const QRect &r : event->region())
            p.drawImage(r, m_still,
                        QRectF(r.left() * dpr, r.top() * dpr, r.width() * dpr, r.height() * dpr));
        if (!m_from.isEmpty()) {
            p.setRenderHint(QPainter::Antialiasing);
            const qreal line = QFontMetricsF(fonts()[StageLayout::FontRole::Normal]).height();
            m_painter.begin();
            for (const StageLayout::Token &t : layout().tokens()) {
                const auto it = m_from.constFind(StageLayout::key(t.origin, t.client));
                if (it == m_from.constEnd())
                    continue;
                const QRectF at = drawnRect(t);
                if (std::abs(it->width() - t.rect.width()) < 0.01
                    && std::abs(it->height() - t.rect.height()) < 0.01)
                    m_painter.drawSprite(p, t, at, line, dpr); // the same shape, elsewhere
                else
                    m_painter.drawStretchedSprite(p, t, at, line, dpr); // changes size
            }
        }
    }
    if (int(m_paintTimes.size()) >= kMaxPaintTimes)
        m_paintTimes.erase(m_paintTimes.begin());
    m_paintTimes.push_back(timer.nsecsElapsed());
}

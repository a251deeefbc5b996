#include "stageview.h"

#include <QEvent>
#include <QPainter>
#include <cmath>

namespace {

constexpr int kFrameMs = 16;
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
    m_clock.start();
    fontChanged();
}

StageView::~StageView() = default;

void StageView::setModel(StageModel *model)
{
    if (m_modelConnection)
        disconnect(m_modelConnection);
    m_model = model;
    if (!model)
        return;
    m_modelConnection = connect(model, &StageModel::changed, this, [this] {
        if (m_model)
            setServers(m_model->servers(), m_model->nowNs());
    });
    setServers(model->servers(), model->nowNs());
}

void StageView::setServers(const std::vector<StageServer> &servers, qint64 nowNs)
{
    // Where each token is drawn now, before the new data moves it.
    QHash<quint64, QRectF> before;
    before.reserve(int(m_layout.tokens().size()));
    for (const StageLayout::Token &t : m_layout.tokens())
        before.insert(StageLayout::key(t.origin, t.client), drawnRect(t));

    m_servers = servers;
    m_nowNs = nowNs;
    m_layout.build(m_servers, m_fonts, size().isEmpty() ? sizeHint() : size());

    m_from.clear();
    for (const StageLayout::Token &t : m_layout.tokens()) {
        const auto it = before.constFind(StageLayout::key(t.origin, t.client));
        if (it == before.constEnd())
            continue; // newly shown: it appears where it is
        const QRectF &was = *it;
        if (std::abs(was.left() - t.rect.left()) > 0.5 || std::abs(was.top() - t.rect.top()) > 0.5
            || std::abs(was.width() - t.rect.width()) > 0.5
            || std::abs(was.height() - t.rect.height()) > 0.5)
            m_from.insert(StageLayout::key(t.origin, t.client), was);
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
    update();
}

void StageView::tick()
{
    if (m_glideStartNs < 0)
        m_glideStartNs = m_clock.nsecsElapsed();
    if (eased() >= 1.0) {
        m_from.clear();
        m_timer.stop();
    }
    update();
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
    const StageLayout::Token *t = m_layout.token(origin, client);
    return t ? drawnRect(*t) : QRectF();
}

QString StageView::tokenText(quint16 origin, quint32 client) const
{
    const StageLayout::Token *t = m_layout.token(origin, client);
    if (!t)
        return {};
    return t->sub.isEmpty() ? t->text : t->text + QLatin1Char('\n') + t->sub;
}

QRectF StageView::workerRect(quint16 origin, int index) const
{
    const StageLayout::WorkerBox *w = m_layout.worker(origin, index);
    return w ? w->rect : QRectF();
}

QString StageView::workerText(quint16 origin, int index) const
{
    const StageLayout::WorkerBox *w = m_layout.worker(origin, index);
    return w ? w->text : QString();
}

std::vector<StageView::DrawnText> StageView::drawnTexts() const
{
    std::vector<DrawnText> list;
    for (const StageLayout::Text &t : m_layout.texts())
        list.push_back({ t.text, t.rect, t.box });
    for (const StageLayout::Token &t : m_layout.tokens()) {
        list.push_back({ t.text, StagePainter::numberRect(t, t.rect, m_fonts), t.rect });
        if (!t.sub.isEmpty())
            list.push_back({ t.sub, StagePainter::subRect(t, t.rect, m_fonts), t.rect });
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
    return { 48 * line, 16 * line };
}

void StageView::relayout()
{
    m_from.clear();
    m_timer.stop();
    m_layout.build(m_servers, m_fonts, size().isEmpty() ? sizeHint() : size());
    update();
}

void StageView::fontChanged()
{
    m_fonts = StageLayout::Fonts::from(font());
    m_painter.setFonts(&m_fonts);
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
        m_painter.setFonts(&m_fonts);
        relayout();
        break;
    case QEvent::PaletteChange:
        update();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void StageView::paintEvent(QPaintEvent *)
{
    QElapsedTimer timer;
    timer.start();
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QPalette pal = palette();
        p.fillRect(rect(), pal.color(QPalette::Window));
        const qreal line = QFontMetricsF(m_fonts[StageLayout::FontRole::Normal]).height();
        m_painter.begin();
        for (const StageLayout::Box &box : m_layout.boxes())
            m_painter.drawBox(p, box, pal, line);
        for (const StageLayout::Swatch &s : m_layout.swatches())
            m_painter.drawShape(p, s.place, s.rect, line);
        for (const StageLayout::Text &t : m_layout.texts())
            m_painter.drawText(p, t, pal);
        // Tokens at rest first, the moving ones over them.
        for (const StageLayout::Token &t : m_layout.tokens())
            if (!m_from.contains(StageLayout::key(t.origin, t.client)))
                m_painter.drawToken(p, t, t.rect, line);
        if (!m_from.isEmpty())
            for (const StageLayout::Token &t : m_layout.tokens())
                if (m_from.contains(StageLayout::key(t.origin, t.client)))
                    m_painter.drawToken(p, t, drawnRect(t), line);
    }
    if (int(m_paintTimes.size()) >= kMaxPaintTimes)
        m_paintTimes.erase(m_paintTimes.begin());
    m_paintTimes.push_back(timer.nsecsElapsed());
}

#include "stagelayout.h"

#include "fontsetup.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

using Place = StageToken::Place;

namespace {

QFont scaled(const QFont &base, double factor)
{
    QFont font = base;
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * factor);
    else
        font.setPixelSize(qMax(1, int(std::lround(base.pixelSize() * factor))));
    return font;
}

// The clients of one place, in the model's order within it.
std::vector<const StageToken *> tokensIn(const StageServer &server, Place place)
{
    std::vector<const StageToken *> list;
    for (const StageToken &t : server.tokens)
        if (t.place == place)
            list.push_back(&t);
    std::stable_sort(list.begin(), list.end(), [](const StageToken *a, const StageToken *b) {
        return a->slot != b->slot ? a->slot < b->slot : a->client < b->client;
    });
    return list;
}

QRectF centered(const QRectF &outer, const QSizeF &size)
{
    return { outer.center().x() - size.width() / 2, outer.center().y() - size.height() / 2,
             size.width(), size.height() };
}

} // namespace

StageLayout::Fonts StageLayout::Fonts::from(const QFont &base, const QFont &legend)
{
    Fonts f;
    f.font[int(FontRole::Normal)] = base;
    QFont bold = base;
    bold.setBold(true);
    f.font[int(FontRole::Bold)] = bold;
    f.font[int(FontRole::Title)] = scaled(bold, 1.2);
    f.font[int(FontRole::Small)] = scaled(base, 0.8);
    QFont code = base;
    code.setFamilies(FontSetup::codeFamilies());
    code.setBold(true);
    f.font[int(FontRole::Code)] = code;
    f.font[int(FontRole::Legend)] = legend;
    return f;
}

qreal StageLayout::advance(const QString &text, FontRole font) const
{
    QHash<QString, qreal> &cache = m_measured->advance[int(font)];
    auto it = cache.constFind(text);
    if (it != cache.constEnd())
        return *it;
    const qreal width = QFontMetricsF((*m_fonts)[font]).horizontalAdvance(text);
    if (cache.size() > 4096) // bounded: client numbers and counts come and go
        cache.clear();
    cache.insert(text, width);
    return width;
}

StageLayout::WorkerWidths StageLayout::widthsOf(const StageWorker &w, ServerModel model) const
{
    if (m_measured->names.size() + m_measured->calls.size() + m_measured->clients.size() > 16384)
        forgetWorkerWidths(); // bounded: workers and clients come and go over a long run
    WorkerWidths widths;
    const quint64 nameKey = quint64(w.origin) << 48 | quint64(quint8(w.actor)) << 40
            | quint64(quint8(model)) << 32 | w.actorId;
    auto name = m_measured->names.find(nameKey);
    if (name == m_measured->names.end() || name->pid != w.pid)
        name = m_measured->names.insert(nameKey,
                                        { w.pid,
                                          advance(workerName(w, model, false), FontRole::Bold),
                                          advance(workerName(w, model, true), FontRole::Bold) });
    widths.name = name->name;
    widths.nameWithPid = name->nameWithPid;
    const quint64 sleepNs = w.call == Call::Sleep ? quint64(qMax<qint64>(0, w.callArg)) : 0;
    const quint64 callKey = sleepNs << 9 | quint64(quint8(w.call)) << 1 | (w.exited ? 1 : 0);
    auto call = m_measured->calls.constFind(callKey);
    if (call == m_measured->calls.constEnd())
        call = m_measured->calls.insert(callKey, advance(callText(w), FontRole::Code));
    widths.call = *call;
    if (!w.exited && w.client != 0) {
        auto client = m_measured->clients.constFind(w.client);
        if (client == m_measured->clients.constEnd())
            client = m_measured->clients.insert(
                    w.client,
                    advance(QStringLiteral(" · ") + tr("client %1").arg(w.client),
                            FontRole::Normal));
        widths.client = *client;
    }
    return widths;
}

void StageLayout::forgetWorkerWidths() const
{
    m_measured->names.clear();
    m_measured->calls.clear();
    m_measured->clients.clear();
}

qreal StageLayout::lineHeight(FontRole font) const
{
    return QFontMetricsF((*m_fonts)[font]).height();
}

QString StageLayout::fit(const QStringList &candidates, FontRole font, qreal width) const
{
    // The second candidate still says what matters; from the third on, something is lost.
    for (int i = 0; i < candidates.size(); ++i) {
        if (advance(candidates[i], font) <= width) {
            m_overflow = m_overflow || i >= 2;
            return candidates[i];
        }
    }
    m_overflow = true;
    return QFontMetricsF((*m_fonts)[font])
            .elidedText(candidates.constLast(), Qt::ElideRight, qMax<qreal>(0, width));
}

QRectF StageLayout::addText(const QString &text, FontRole font, qreal x, qreal y, const QRectF &box,
                            bool dim, bool strike)
{
    if (text.isEmpty())
        return { x, y, 0, 0 };
    const QRectF rect(x, y, advance(text, font), lineHeight(font));
    m_texts.push_back({ rect, box, text, font, dim, strike, false });
    return rect;
}

void StageLayout::addPill(const QRectF &rect, const QStringList &candidates)
{
    const QString text = fit(candidates, FontRole::Normal, rect.width() - m_gap);
    m_overflow = true;
    if (text.isEmpty())
        return;
    m_boxes.push_back({ rect, Frame::Pill });
    const QRectF r
            = centered(rect, { advance(text, FontRole::Normal), lineHeight(FontRole::Normal) });
    m_texts.push_back({ r, rect, text, FontRole::Normal, false, false, false });
}

int StageLayout::rowsFor(qreal width, int count, const QSizeF &cell) const
{
    if (count <= 0)
        return 0;
    const int perRow = qMax(1, int((width + m_gap) / (cell.width() + m_gap)));
    return (count + perRow - 1) / perRow;
}

std::vector<QRectF> StageLayout::flow(const QRectF &area, int count, const QSizeF &cell,
                                      qreal pillWidth, QRectF *pill) const
{
    std::vector<QRectF> rects;
    *pill = QRectF();
    if (count <= 0 || area.width() < cell.width())
        return rects;
    const int perRow = qMax(1, int((area.width() + m_gap) / (cell.width() + m_gap)));
    const int rows = int((area.height() + m_gap) / (cell.height() + m_gap));
    const int capacity = perRow * rows;
    int shown = count;
    if (count > capacity) {
        // The pill in words when that leaves at least half the last row to tokens, else "+N".
        qreal width = qMin(pillWidth, area.width());
        if (width > area.width() / 2)
            width = qMin(width,
                         advance(QStringLiteral("+%1").arg(count), FontRole::Normal) + 2 * m_gap);
        const int pillCells
                = qMin(perRow, int(std::ceil((width + m_gap) / (cell.width() + m_gap))));
        shown = qMax(0, capacity - pillCells);
        if (rows > 0) {
            const int row = rows - 1;
            const qreal right = area.left() + perRow * (cell.width() + m_gap) - m_gap;
            *pill = QRectF(right - qMax(width, pillCells * (cell.width() + m_gap) - m_gap),
                           area.top() + row * (cell.height() + m_gap), 0, cell.height());
            pill->setRight(qMin(right, area.right()));
            pill->setLeft(qMax(pill->left(), area.left()));
        }
    }
    rects.reserve(size_t(shown));
    for (int i = 0; i < shown; ++i)
        rects.emplace_back(area.left() + (i % perRow) * (cell.width() + m_gap),
                           area.top() + (i / perRow) * (cell.height() + m_gap), cell.width(),
                           cell.height());
    return rects;
}

QString StageLayout::synText(int synRetries)
{
    return tr("SYN ×%1").arg(1 + qMax(0, synRetries));
}

QString StageLayout::callText(const StageWorker &worker)
{
    if (worker.exited)
        return tr("exited");
    switch (worker.call) {
    case Call::None:
        return tr("idle");
    case Call::Sleep: {
        // Seconds as the server asked for them, trimmed: 2 → "2", 0.5 → "0.5", 1.25 → "1.25".
        QString seconds = QString::number(worker.callArg / 1e9, 'f', 3);
        while (seconds.contains(QLatin1Char('.'))
               && (seconds.endsWith(QLatin1Char('0')) || seconds.endsWith(QLatin1Char('.'))))
            seconds.chop(1);
        return QStringLiteral("sleep(%1)").arg(seconds);
    }
    default:
        return callName(worker.call) + QStringLiteral("()");
    }
}

QString StageLayout::workerName(const StageWorker &worker, ServerModel model, bool withPid)
{
    switch (worker.actor) {
    case Actor::Worker:
        return tr("thread %1").arg(worker.actorId);
    case Actor::Child:
        return withPid && worker.pid > 0
                ? tr("child %1 (pid %2)").arg(worker.actorId).arg(worker.pid)
                : tr("child %1").arg(worker.actorId);
    default:
        if (model == ServerModel::Forking)
            return withPid && worker.pid > 0 ? tr("server process (pid %1)").arg(worker.pid)
                                             : tr("server process");
        return tr("server thread");
    }
}

QString StageLayout::shortName(const StageWorker &worker)
{
    switch (worker.actor) {
    case Actor::Worker:
    case Actor::Child:
        return QStringLiteral("#%1").arg(worker.actorId);
    default:
        return tr("server");
    }
}

QString StageLayout::placeText(Place place)
{
    switch (place) {
    case Place::Waiting:
        return tr("waiting");
    case Place::SynSent:
        return tr("SYN sent, no answer");
    case Place::SynQueue:
        return tr("half-open");
    case Place::AckDropped:
        return tr("final ACK dropped");
    case Place::AcceptQueue:
        return tr("in the accept queue");
    case Place::Worker:
        return tr("being served");
    case Place::Done:
        return tr("done");
    case Place::Failed:
        return tr("failed");
    }
    return {};
}

const StageLayout::Token *StageLayout::token(quint16 origin, quint32 client) const
{
    const auto it = m_tokenIndex.constFind(key(origin, client));
    return it == m_tokenIndex.constEnd() ? nullptr : &m_tokens[size_t(*it)];
}

const StageLayout::WorkerBox *StageLayout::worker(quint16 origin, int index) const
{
    for (const WorkerBox &w : m_workers)
        if (w.origin == origin && w.index == index)
            return &w;
    return nullptr;
}

void StageLayout::build(const std::vector<StageServer> &servers, const Fonts &fonts,
                        const QSize &size)
{
    m_fonts = &fonts;
    if (fonts[FontRole::Normal] != m_measured->font) {
        for (auto &cache : m_measured->advance)
            cache.clear();
        forgetWorkerWidths();
        forget();
        m_measured->font = fonts[FontRole::Normal];
    }
    // The worker words are kept by state, not by text: another language measures them anew.
    const QString language = workerName(StageWorker{}, ServerModel::Blocking, false);
    if (language != m_measured->language) {
        forgetWorkerWidths();
        m_measured->language = language;
    }
    if (size != m_demandSize || int(servers.size()) != m_demandServers) {
        forget();
        m_demandSize = size;
        m_demandServers = int(servers.size());
    }
    m_boxes.clear();
    m_texts.clear();
    m_tokens.clear();
    m_swatches.clear();
    m_workers.clear();
    m_tokenIndex.clear();
    m_overflow = false;

    m_line = lineHeight(FontRole::Normal);
    m_gap = std::round(m_line * 0.3);
    quint32 maxClient = 99;
    int maxRetries = 0;
    for (const StageServer &s : servers)
        for (const StageToken &t : s.tokens) {
            maxClient = qMax(maxClient, t.client);
            if (t.place == Place::SynSent)
                maxRetries = qMax(maxRetries, t.synRetries);
        }
    const QString widest = QString(QString::number(maxClient).size(), QLatin1Char('8'));
    const qreal tokenH = std::round(m_line * 1.45);
    m_tokenSize
            = { std::round(qMax(tokenH, advance(widest, FontRole::Bold) + m_line * 0.8)), tokenH };
    m_synSize = { std::round(qMax(m_tokenSize.width(),
                                  advance(synText(maxRetries), FontRole::Small) + m_line * 0.8)),
                  std::round(lineHeight(FontRole::Bold) + lineHeight(FontRole::Small)
                             + m_line * 0.2) };
    const qreal smallLine = lineHeight(FontRole::Small);
    m_smallSize = { std::round(advance(widest, FontRole::Small) + smallLine * 1.1 + m_line * 0.4),
                    std::round(smallLine + m_line * 0.2) };

    const qreal margin = m_gap * 2;
    const QRectF all(margin, margin, size.width() - 2 * margin, size.height() - 2 * margin);
    const qreal legend = legendHeight(all.width());
    addLegend(QRectF(all.left(), all.bottom() - legend, all.width(), legend));
    const QRectF stage(all.left(), all.top(), all.width(), all.height() - legend - m_gap);
    if (servers.empty()) {
        const QString text = fit({ tr("No server yet: start one to see its clients here.") },
                                 FontRole::Normal, stage.width());
        addText(text, FontRole::Normal, stage.left(), stage.top(), stage);
        return;
    }
    const int n = int(servers.size());
    const qreal bandGap = m_gap * 3;
    const qreal bandH = (stage.height() - (n - 1) * bandGap) / n;
    for (int i = 0; i < n; ++i)
        addBand(servers[size_t(i)],
                QRectF(stage.left(), stage.top() + i * (bandH + bandGap), stage.width(), bandH));
    size_t total = 0;
    for (const StageServer &s : servers)
        total += s.tokens.size();
    if (m_tokens.size() < total)
        m_overflow = true;
    for (int i = 0; i < int(m_tokens.size()); ++i)
        m_tokenIndex.insert(key(m_tokens[size_t(i)].origin, m_tokens[size_t(i)].client), i);
}

void StageLayout::forget()
{
    m_least.clear();
    m_want.clear();
}

bool StageLayout::drawsSameAs(const StageLayout &o) const
{
    auto sameBoxes = [](const Box &a, const Box &b) {
        return a.rect == b.rect && a.kind == b.kind;
    };
    auto sameTexts = [](const Text &a, const Text &b) {
        return a.rect == b.rect && a.box == b.box && a.text == b.text && a.font == b.font
                && a.dim == b.dim && a.strike == b.strike && a.wrap == b.wrap;
    };
    auto sameTokens = [](const Token &a, const Token &b) {
        return a.origin == b.origin && a.client == b.client && a.place == b.place
                && a.rect == b.rect && a.text == b.text && a.sub == b.sub && a.small == b.small;
    };
    auto sameSwatches = [](const Swatch &a, const Swatch &b) {
        return a.place == b.place && a.rect == b.rect;
    };
    auto sameWorkers = [](const WorkerBox &a, const WorkerBox &b) {
        return a.origin == b.origin && a.index == b.index && a.rect == b.rect && a.text == b.text;
    };
    return std::equal(m_boxes.begin(), m_boxes.end(), o.m_boxes.begin(), o.m_boxes.end(), sameBoxes)
            && std::equal(m_texts.begin(), m_texts.end(), o.m_texts.begin(), o.m_texts.end(),
                          sameTexts)
            && std::equal(m_tokens.begin(), m_tokens.end(), o.m_tokens.begin(), o.m_tokens.end(),
                          sameTokens)
            && std::equal(m_swatches.begin(), m_swatches.end(), o.m_swatches.begin(),
                          o.m_swatches.end(), sameSwatches)
            && std::equal(m_workers.begin(), m_workers.end(), o.m_workers.begin(),
                          o.m_workers.end(), sameWorkers);
}

void StageLayout::addBand(const StageServer &server, const QRectF &band)
{
    const qreal titleH = lineHeight(FontRole::Title);
    const QString title = fit({ server.label }, FontRole::Title, band.width() * 0.6);
    const QRectF titleRect = addText(title, FontRole::Title, band.left(), band.top(), band);
    QString status;
    if (!server.stream)
        status = tr("UDP: datagrams, no connections");
    else if (server.sampleNs == 0) // nothing read from the kernel yet: nothing to say about it
        status = tr("no kernel reading yet");
    else if (server.listening)
        status = tr("listening · listen(%1)").arg(server.backlog);
    else
        status = tr("not listening");
    const qreal statusX = titleRect.right() + m_gap * 3;
    const QString shown = fit({ status }, FontRole::Normal, band.right() - statusX);
    addText(shown, FontRole::Normal, statusX,
            band.top() + (titleH - lineHeight(FontRole::Normal)) / 2, band);

    const QRectF area(band.left(), band.top() + titleH + m_gap, band.width(),
                      band.height() - titleH - m_gap);
    const qreal colGap = m_gap * 2;
    const int columns = server.stream ? 4 : 3;
    const qreal usable = area.width() - (columns - 1) * colGap;
    // Each column: the least its words need and what it would take to draw all it holds.
    const Demand demands[4]
            = { clientsDemand(server, area.height()), crowdDemand(server, area.height()),
                kernelDemand(server, area.height()), serverDemand(server, area.height()) };
    qreal least[4] = {};
    qreal want[4] = {};
    qreal sumLeast = 0;
    qreal sumWant = 0;
    for (int i = 0; i < 4; ++i) {
        if (i == 1 && !server.stream)
            continue;
        // Within a run a column keeps the most it ever asked for: no pumping frame to frame.
        const quint32 k = (quint32(server.origin) << 2) | quint32(i);
        // Whole pixels and one more: the floor of a column's width never cuts its words.
        least[i] = qMax(std::ceil(demands[i].least) + 1, m_least.value(k));
        want[i] = qMax(demands[i].want, m_want.value(k));
        m_least.insert(k, least[i]);
        m_want.insert(k, want[i]);
        want[i] = qMax(least[i], qMin(want[i], usable / 2)); // none takes more than half
        sumLeast += least[i];
        sumWant += want[i];
    }
    qreal widths[4] = {};
    for (int i = 0; i < 4; ++i) {
        if (want[i] <= 0)
            continue;
        if (sumLeast >= usable) // even the words do not fit: shared by what they need
            widths[i] = usable * least[i] / sumLeast;
        else if (sumWant > usable) // the room beyond the words, by what is left to draw
            widths[i]
                    = least[i] + (want[i] - least[i]) * (usable - sumLeast) / (sumWant - sumLeast);
        else
            widths[i] = want[i];
    }
    if (sumWant < usable) {
        // Room to spare: to the columns with something to draw, by what they draw (an empty
        // SYN_SENT column stays narrow).
        qreal weight = 0;
        for (int i = 0; i < 4; ++i)
            weight += (i == 1 && want[i] <= least[i]) ? 0 : want[i];
        for (int i = 0; i < 4 && weight > 0; ++i)
            if (!(i == 1 && want[i] <= least[i]))
                widths[i] += (usable - sumWant) * want[i] / weight;
    }
    qreal x = area.left();
    QRectF cols[4];
    for (int i = 0; i < 4; ++i) {
        if (widths[i] <= 0)
            continue;
        cols[i] = QRectF(x, area.top(), std::floor(widths[i]), area.height());
        x = cols[i].right() + colGap;
    }
    addClients(server, cols[0]);
    if (server.stream)
        addCrowd(server, cols[1]);
    addKernel(server, cols[2]);
    addServer(server, cols[3]);
}

namespace {

// A part of a column: a heading line and the rows of tokens under it.
struct Section
{
    QString heading;
    std::vector<const StageToken *> tokens;
    QSizeF cell;
    int need = 0; // rows it would take
    int rows = 0; // rows it gets
};

} // namespace

// Rows to each section: one each first, then one more at a time to those still short.
static void shareRows(std::vector<Section> &sections, qreal height, qreal headingH, qreal gap)
{
    qreal left = height - qreal(sections.size()) * (headingH + gap);
    bool given = true;
    while (given) {
        given = false;
        for (Section &s : sections) {
            const qreal rowH = s.cell.height() + gap;
            if (s.rows < s.need && left >= rowH) {
                ++s.rows;
                left -= rowH;
                given = true;
            }
        }
    }
}

void StageLayout::addClients(const StageServer &server, const QRectF &column)
{
    m_boxes.push_back({ column, Frame::Column });
    const qreal pad = m_gap;
    const QRectF inner = column.adjusted(pad, pad, -pad, -pad);
    addText(fit({ tr("clients: %1").arg(server.tokens.size()), tr("clients") }, FontRole::Bold,
                inner.width()),
            FontRole::Bold, inner.left(), inner.top(), column);
    const qreal top = inner.top() + lineHeight(FontRole::Bold) + m_gap;
    const QRectF content(inner.left(), top, inner.width(), inner.bottom() - top);

    std::vector<Section> sections;
    sections.push_back({ tr("waiting: %1"), tokensIn(server, Place::Waiting), m_tokenSize });
    sections.push_back({ tr("done: %1"), tokensIn(server, Place::Done), m_smallSize });
    sections.push_back({ tr("failed: %1"), tokensIn(server, Place::Failed), m_smallSize });
    if (sections.back().tokens.empty())
        sections.pop_back(); // no failures: no line that says so
    const qreal headingH = lineHeight(FontRole::Normal);
    for (Section &s : sections)
        s.need = rowsFor(content.width(), int(s.tokens.size()), s.cell);
    shareRows(sections, content.height(), headingH, m_gap);
    qreal y = content.top();
    for (const Section &s : sections) {
        if (y + headingH > content.bottom() + 0.5) {
            m_overflow = true;
            break;
        }
        const QString heading = s.heading.arg(s.tokens.size());
        addText(fit({ heading }, FontRole::Normal, content.width()), FontRole::Normal,
                content.left(), y, column);
        y += headingH + m_gap;
        const qreal h = s.rows * (s.cell.height() + m_gap);
        const QRectF area(content.left(), y, content.width(), h);
        const QString more = tr("+%1 more");
        QRectF pill;
        const auto rects
                = flow(area, int(s.tokens.size()), s.cell,
                       advance(more.arg(s.tokens.size()), FontRole::Normal) + 2 * m_gap, &pill);
        for (size_t i = 0; i < rects.size(); ++i) {
            const StageToken &t = *s.tokens[i];
            m_tokens.push_back({ server.origin,
                                 t.client,
                                 t.place,
                                 rects[i],
                                 QString::number(t.client),
                                 {},
                                 s.cell == m_smallSize });
        }
        if (!pill.isNull()) {
            const int hidden = int(s.tokens.size() - rects.size());
            addPill(pill, { more.arg(hidden), QStringLiteral("+%1").arg(hidden) });
        }
        y += h;
    }
}

void StageLayout::addCrowd(const StageServer &server, const QRectF &column)
{
    // Outside the kernel's box: these clients' SYNs have had no answer yet.
    const auto crowd = tokensIn(server, Place::SynSent);
    const qreal pad = m_gap;
    const QRectF inner = column.adjusted(pad, pad, -pad, -pad);
    addText(fit({ tr("SYN_SENT: %1").arg(crowd.size()), QString::number(crowd.size()) },
                FontRole::Bold, inner.width()),
            FontRole::Bold, inner.left(), inner.top(), column);
    qreal y = inner.top() + lineHeight(FontRole::Bold);
    const QString note
            = fit({ tr("outside, no answer yet"), tr("outside") }, FontRole::Small, inner.width());
    addText(note, FontRole::Small, inner.left(), y, column);
    y += lineHeight(FontRole::Small) + m_gap;
    const QRectF area(inner.left(), y, inner.width(), inner.bottom() - y);
    const QString more = tr("+%1 more");
    QRectF pill;
    const auto rects = flow(area, int(crowd.size()), m_synSize,
                            advance(more.arg(crowd.size()), FontRole::Normal) + 2 * m_gap, &pill);
    for (size_t i = 0; i < rects.size(); ++i) {
        const StageToken &t = *crowd[i];
        m_tokens.push_back({ server.origin, t.client, t.place, rects[i], QString::number(t.client),
                             synText(t.synRetries), false });
    }
    if (!pill.isNull()) {
        const int hidden = int(crowd.size() - rects.size());
        addPill(pill, { more.arg(hidden), QStringLiteral("+%1").arg(hidden) });
    }
}

void StageLayout::addKernel(const StageServer &server, const QRectF &column)
{
    m_boxes.push_back({ column, Frame::Kernel });
    const qreal pad = m_gap * 1.5;
    const QRectF inner = column.adjusted(pad, pad, -pad, -pad);
    addText(fit({ tr("kernel") }, FontRole::Bold, inner.width()), FontRole::Bold, inner.left(),
            inner.top(), column);
    const qreal top = inner.top() + lineHeight(FontRole::Bold) + m_gap;
    const QRectF content(inner.left(), top, inner.width(), inner.bottom() - top);
    const qreal headingH = lineHeight(FontRole::Normal);

    if (!server.stream) {
        // No queue to draw: say why, wrapped, or shorter when even that does not fit.
        const QFontMetricsF fm((*m_fonts)[FontRole::Normal]);
        const QString longText = tr("UDP has no accept queue: each datagram waits in the "
                                    "socket's receive buffer until recvfrom() reads it.");
        const QRectF need
                = fm.boundingRect(QRectF(content.left(), content.top(), content.width(), 1e6),
                                  Qt::TextWordWrap | Qt::AlignLeft, longText);
        if (need.height() <= content.height() && need.width() <= content.width()) {
            m_texts.push_back(
                    { QRectF(content.left(), content.top(), content.width(), need.height()), column,
                      longText, FontRole::Normal, false, false, true });
        } else {
            m_overflow = true;
            addText(fit({ tr("UDP: no accept queue"), tr("no accept queue") }, FontRole::Normal,
                        content.width()),
                    FontRole::Normal, content.left(), content.top(), column);
        }
        return;
    }

    const auto queued = tokensIn(server, Place::AcceptQueue);
    auto halfOpen = tokensIn(server, Place::SynQueue);
    const auto dropped = tokensIn(server, Place::AckDropped);
    const int halfCount = int(halfOpen.size());
    halfOpen.insert(halfOpen.end(), dropped.begin(), dropped.end());

    // The accept queue first: its slotTotal take what they need, leaving the half-open list its
    // heading and one row when it has clients.
    const qreal inset = std::round(m_gap * 0.6);
    const QSizeF slotCell(m_tokenSize.width() + 2 * inset, m_tokenSize.height() + 2 * inset);
    const int slotTotal = server.slotCount;
    const int queueItems = slotTotal > 0 ? slotTotal : int(queued.size());
    const QSizeF queueCell = slotTotal > 0 ? slotCell : m_tokenSize;
    const int queueNeed = rowsFor(content.width(), queueItems, queueCell);
    const qreal halfMin = headingH + m_gap + (halfOpen.empty() ? 0 : m_tokenSize.height() + m_gap);
    const qreal queueRoom = content.height() - headingH - m_gap - halfMin;
    int queueRows = qBound(0, int((queueRoom + m_gap) / (queueCell.height() + m_gap)),
                           qMax(queueNeed, 1));
    // The queue's first row comes before the half-open list: it is what the lesson is about.
    if (queueRows == 0 && queueNeed > 0
        && content.height() - headingH - m_gap >= queueCell.height())
        queueRows = 1;

    qreal y = content.top();
    QStringList heading;
    if (slotTotal > 0)
        heading << tr("accept queue %1/%2").arg(queued.size()).arg(slotTotal)
                << tr("queue %1/%2").arg(queued.size()).arg(slotTotal)
                << QStringLiteral("%1/%2").arg(queued.size()).arg(slotTotal);
    else
        heading << tr("accept queue: %1 (capacity unknown)").arg(queued.size())
                << tr("queue: %1 (capacity unknown)").arg(queued.size())
                << tr("queue: %1").arg(queued.size());
    addText(fit(heading, FontRole::Normal, content.width()), FontRole::Normal, content.left(), y,
            column);
    y += headingH + m_gap;
    const QRectF queueArea(content.left(), y, content.width(),
                           queueRows * (queueCell.height() + m_gap));
    QRectF pill;
    if (slotTotal > 0) {
        const QString more = tr("+%1 more slots");
        const auto rects = flow(queueArea, slotTotal, slotCell,
                                advance(more.arg(slotTotal), FontRole::Normal) + 2 * m_gap, &pill);
        for (const QRectF &r : rects)
            m_boxes.push_back({ r, Frame::Slot });
        for (const StageToken *t : queued)
            if (t->slot >= 0 && size_t(t->slot) < rects.size())
                m_tokens.push_back({ server.origin,
                                     t->client,
                                     t->place,
                                     centered(rects[size_t(t->slot)], m_tokenSize),
                                     QString::number(t->client),
                                     {},
                                     false });
        if (!pill.isNull()) {
            const int hidden = slotTotal - int(rects.size());
            addPill(pill, { more.arg(hidden), QStringLiteral("+%1").arg(hidden) });
        }
    } else {
        const QString more = tr("+%1 more");
        const auto rects
                = flow(queueArea, int(queued.size()), m_tokenSize,
                       advance(more.arg(queued.size()), FontRole::Normal) + 2 * m_gap, &pill);
        for (size_t i = 0; i < rects.size(); ++i)
            m_tokens.push_back({ server.origin,
                                 queued[i]->client,
                                 queued[i]->place,
                                 rects[i],
                                 QString::number(queued[i]->client),
                                 {},
                                 false });
        if (!pill.isNull()) {
            const int hidden = int(queued.size() - rects.size());
            addPill(pill, { more.arg(hidden), QStringLiteral("+%1").arg(hidden) });
        }
    }
    y += queueArea.height();

    if (y + headingH > content.bottom() + 0.5) {
        m_overflow = true;
        return;
    }
    QStringList halfHeading;
    if (!dropped.empty())
        halfHeading
                << tr("half-open: %1 · final ACK dropped: %2").arg(halfCount).arg(dropped.size())
                << tr("half-open %1 · ACK lost %2").arg(halfCount).arg(dropped.size());
    halfHeading << tr("half-open (SYN_RECV): %1").arg(halfCount)
                << tr("half-open: %1").arg(halfCount);
    if (!dropped.empty())
        halfHeading << QStringLiteral("%1 · %2").arg(halfCount).arg(dropped.size());
    addText(fit(halfHeading, FontRole::Normal, content.width()), FontRole::Normal, content.left(),
            y, column);
    y += headingH + m_gap;
    const QRectF halfArea(content.left(), y, content.width(), content.bottom() - y);
    const QString more = tr("+%1 more");
    const auto rects
            = flow(halfArea, int(halfOpen.size()), m_tokenSize,
                   advance(more.arg(halfOpen.size()), FontRole::Normal) + 2 * m_gap, &pill);
    for (size_t i = 0; i < rects.size(); ++i)
        m_tokens.push_back({ server.origin,
                             halfOpen[i]->client,
                             halfOpen[i]->place,
                             rects[i],
                             QString::number(halfOpen[i]->client),
                             {},
                             false });
    if (!pill.isNull()) {
        const int hidden = int(halfOpen.size() - rects.size());
        addPill(pill, { more.arg(hidden), QStringLiteral("+%1").arg(hidden) });
    }
}

void StageLayout::addServer(const StageServer &server, const QRectF &column)
{
    m_boxes.push_back({ column, Frame::Column });
    const qreal pad = m_gap;
    const QRectF inner = column.adjusted(pad, pad, -pad, -pad);
    int live = 0;
    for (const StageWorker &w : server.workers)
        live += (!w.exited && w.actor != Actor::Server) ? 1 : 0;
    QStringList heading;
    if (server.model == ServerModel::Forking)
        heading << tr("server · child processes: %1").arg(live)
                << tr("server · children: %1").arg(live);
    else if (server.model == ServerModel::Threading || server.model == ServerModel::ThreadingUdp)
        heading << tr("server · threads: %1").arg(live);
    heading << tr("server");
    addText(fit(heading, FontRole::Bold, inner.width()), FontRole::Bold, inner.left(), inner.top(),
            column);
    const qreal top = inner.top() + lineHeight(FontRole::Bold) + m_gap;
    const QRectF content(inner.left(), top, inner.width(), inner.bottom() - top);

    // Running ones first (the accept thread leading), those that exited after, while room lasts.
    std::vector<int> order;
    for (int i = 0; i < int(server.workers.size()); ++i)
        if (!server.workers[size_t(i)].exited)
            order.push_back(i);
    for (int i = 0; i < int(server.workers.size()); ++i)
        if (server.workers[size_t(i)].exited)
            order.push_back(i);

    const qreal boxPad = m_gap;
    const qreal line1 = lineHeight(FontRole::Bold);
    const qreal line2 = qMax(lineHeight(FontRole::Code), lineHeight(FontRole::Normal));
    // As few columns as the rows allow, so each box is as wide as can be.
    struct Grid
    {
        int rows = 0;
        int cols = 1;
        int capacity = 0;
    };
    auto gridFor = [&](qreal boxHeight, qreal minWidth) {
        Grid g;
        g.rows = int((content.height() + m_gap) / (boxHeight + m_gap));
        const int maxCols = qMax(1, int((content.width() + m_gap) / (minWidth + m_gap)));
        const int needCols = g.rows > 0 ? (int(order.size()) + g.rows - 1) / g.rows : maxCols;
        g.cols = qBound(1, needCols, maxCols);
        g.capacity = g.cols * g.rows;
        return g;
    };
    // Two lines a box (name, then call); one line when that draws more of them.
    qreal boxH = workerBoxHeight();
    Grid grid = gridFor(boxH, workerMinWidth(server));
    const qreal oneLineH
            = std::round(std::max<qreal>({ m_tokenSize.height(), line1, line2 }) + m_gap);
    qreal oneLineW = m_tokenSize.width() + 4 * m_gap;
    for (const StageWorker &w : server.workers) {
        const WorkerWidths ww = widthsOf(w, server.model);
        oneLineW = qMax(oneLineW, 4 * m_gap + m_tokenSize.width() + ww.name + ww.call);
    }
    oneLineW = std::ceil(oneLineW);
    bool oneLine = false;
    if (grid.capacity < int(order.size()) && content.width() >= oneLineW) {
        const Grid g = gridFor(oneLineH, oneLineW);
        if (g.capacity > grid.capacity) {
            grid = g;
            boxH = oneLineH;
            oneLine = true;
        }
    }
    const int cols = grid.cols;
    const qreal boxW = (content.width() - (cols - 1) * m_gap) / cols;
    const int capacity = grid.capacity;
    int running = 0;
    for (int index : order)
        running += server.workers[size_t(index)].exited ? 0 : 1;
    int shown = int(order.size());
    // Those that exited give way first, folded into a count; a live one only when they are all.
    const bool foldExited = shown > capacity && running < capacity;
    if (shown > capacity)
        shown = qMax(0, capacity - 1);
    auto cellRect = [&](int i) {
        return QRectF(content.left() + (i % cols) * (boxW + m_gap),
                      content.top() + (i / cols) * (boxH + m_gap), boxW, boxH);
    };
    // The client each worker holds, by worker index.
    QHash<int, const StageToken *> held;
    for (const StageToken &t : server.tokens)
        if (t.place == Place::Worker && !held.contains(t.slot))
            held.insert(t.slot, &t);

    for (int i = 0; i < shown; ++i) {
        const int index = order[size_t(i)];
        const StageWorker &w = server.workers[size_t(index)];
        const QRectF box = cellRect(i);
        m_boxes.push_back({ box, w.exited ? Frame::WorkerExited : Frame::Worker });
        const QRectF tokenRect(box.right() - boxPad - m_tokenSize.width(),
                               box.center().y() - m_tokenSize.height() / 2, m_tokenSize.width(),
                               m_tokenSize.height());
        // A threading or forking server's accept thread hands clients on: no token place.
        const bool holds = w.actor != Actor::Server
                || (server.model != ServerModel::Threading && server.model != ServerModel::Forking);
        const qreal textRight = holds ? tokenRect.left() - m_gap : box.right() - boxPad;
        const qreal textW = textRight - (box.left() + boxPad);
        const qreal x = box.left() + boxPad;
        const qreal y = box.top() + (box.height() - line1 - line2) / 2;
        QString name;
        QString call;
        QRectF callRect;
        if (oneLine) {
            // "thread 1  sleep(1.5)" on one line, centred on the token.
            call = fit({ callText(w) }, FontRole::Code, textW);
            const qreal callW = advance(call, FontRole::Code);
            name = fit({ workerName(w, server.model, true), workerName(w, server.model, false),
                         shortName(w) },
                       FontRole::Bold, textW - m_gap - callW);
            const QRectF nameRect = addText(name, FontRole::Bold, x, box.center().y() - line1 / 2,
                                            box, w.exited, w.exited);
            callRect = addText(call, FontRole::Code, nameRect.right() + m_gap,
                               box.center().y() - lineHeight(FontRole::Code) / 2, box, w.exited);
        } else {
            name = fit({ workerName(w, server.model, true), workerName(w, server.model, false),
                         shortName(w) },
                       FontRole::Bold, textW);
            addText(name, FontRole::Bold, x, y, box, w.exited, w.exited);
            call = fit({ callText(w) }, FontRole::Code, textW);
            callRect = addText(call, FontRole::Code, x,
                               y + line1 + (line2 - lineHeight(FontRole::Code)) / 2, box, w.exited);
        }
        QString text = name + QLatin1Char('\n') + call;
        if (!w.exited && w.client != 0) {
            // The client in words after the call, else after the name.
            const QString client = QStringLiteral(" · ") + tr("client %1").arg(w.client);
            const qreal nameRight = x + advance(name, FontRole::Bold);
            if (callRect.right() + advance(client, FontRole::Normal) <= textRight) {
                addText(client, FontRole::Normal, callRect.right(),
                        callRect.center().y() - lineHeight(FontRole::Normal) / 2, box);
                text += client;
            } else if (!oneLine && nameRight + advance(client, FontRole::Normal) <= textRight) {
                addText(client, FontRole::Normal, nameRight,
                        y + (line1 - lineHeight(FontRole::Normal)) / 2, box);
                text = name + client + QLatin1Char('\n') + call;
            } else {
                m_overflow = true; // the token still shows the number, but not in words
            }
        }
        m_workers.push_back({ server.origin, index, box, text });
        if (const StageToken *t = held.value(index); t && !w.exited && holds)
            m_tokens.push_back({ server.origin,
                                 t->client,
                                 t->place,
                                 tokenRect,
                                 QString::number(t->client),
                                 {},
                                 false });
    }
    if (foldExited && capacity > 0) {
        const int hidden = int(order.size()) - shown;
        addPill(cellRect(shown),
                { (shown == running ? tr("%1 exited") : tr("+%1 exited")).arg(hidden),
                  QStringLiteral("+%1").arg(hidden) });
    } else if (shown < int(order.size()) && capacity > 0) {
        const int hidden = int(order.size()) - shown;
        int busy = 0;
        for (int i = shown; i < int(order.size()); ++i)
            busy += held.contains(order[size_t(i)]) ? 1 : 0;
        const QRectF pill = cellRect(shown);
        addPill(pill, { tr("+%1 more").arg(hidden), QStringLiteral("+%1").arg(hidden) });
        // How many of those serve a client, under the count when the pill has room for it.
        const QString note = tr("%1 serving a client").arg(busy);
        const qreal lineH = lineHeight(FontRole::Small);
        Text &count = m_texts.back();
        if (count.box == pill && pill.height() >= count.rect.height() + lineH + m_gap
            && advance(note, FontRole::Small) <= pill.width() - pill.height()) {
            count.rect.translate(0, -lineH / 2);
            addText(note, FontRole::Small, pill.center().x() - advance(note, FontRole::Small) / 2,
                    count.rect.bottom(), pill);
        }
    }
}

static const Place kLegendOrder[]
        = { Place::Waiting,     Place::SynSent, Place::SynQueue, Place::AckDropped,
            Place::AcceptQueue, Place::Worker,  Place::Done,     Place::Failed };

qreal StageLayout::legendHeight(qreal width) const
{
    const qreal swatch = lineHeight(FontRole::Legend);
    qreal x = 0;
    int lines = 1;
    for (Place place : kLegendOrder) {
        const qreal w = swatch + m_gap + advance(placeText(place), FontRole::Legend);
        if (x > 0 && x + w > width) {
            ++lines;
            x = 0;
        }
        x += w + m_gap * 3;
    }
    return lines * (swatch + m_gap) - m_gap;
}

void StageLayout::addLegend(const QRectF &area)
{
    const qreal swatch = lineHeight(FontRole::Legend);
    qreal x = area.left();
    qreal y = area.top();
    for (Place place : kLegendOrder) {
        const QString text
                = fit({ placeText(place) }, FontRole::Legend, area.width() - swatch - m_gap);
        const qreal w = swatch + m_gap + advance(text, FontRole::Legend);
        if (x > area.left() && x + w > area.right()) {
            x = area.left();
            y += swatch + m_gap;
        }
        m_swatches.push_back({ place, QRectF(x, y, swatch, swatch) });
        addText(text, FontRole::Legend, x + swatch + m_gap, y, area);
        x += w + m_gap * 3;
    }
}

qreal StageLayout::workerBoxHeight() const
{
    const qreal line1 = lineHeight(FontRole::Bold);
    const qreal line2 = qMax(lineHeight(FontRole::Code), lineHeight(FontRole::Normal));
    return std::round(qMax(line1 + line2 + 2 * m_gap, m_tokenSize.height() + 2 * m_gap));
}

qreal StageLayout::workerMinWidth(const StageServer &server) const
{
    // The narrowest box that still names the worker (without its pid) and its call.
    qreal width = m_tokenSize.width() + m_line * 4;
    for (const StageWorker &w : server.workers) {
        const WorkerWidths ww = widthsOf(w, server.model);
        width = qMax(width, 2 * m_gap + m_gap + m_tokenSize.width() + qMax(ww.name, ww.call));
    }
    return std::ceil(width);
}

qreal StageLayout::widthFor(const std::vector<std::pair<int, QSizeF>> &groups, qreal height) const
{
    const qreal headingH = lineHeight(FontRole::Normal);
    qreal lo = 0;
    qreal hi = 0;
    for (const auto &[count, cell] : groups) {
        lo = qMax(lo, count > 0 ? cell.width() : 0);
        hi = qMax(hi, count * (cell.width() + m_gap) - m_gap);
    }
    auto fits = [&](qreal width) {
        qreal h = 0;
        for (const auto &[count, cell] : groups)
            h += headingH + m_gap + rowsFor(width, count, cell) * (cell.height() + m_gap);
        return h <= height;
    };
    if (hi <= lo || !fits(hi))
        return qMax(lo, hi);
    while (hi - lo > 1) { // the narrowest that fits, to a pixel
        const qreal mid = std::floor((lo + hi) / 2);
        (fits(mid) ? hi : lo) = mid;
    }
    return hi;
}

StageLayout::Demand StageLayout::clientsDemand(const StageServer &server, qreal height) const
{
    const qreal pad = m_gap;
    const int waiting = int(tokensIn(server, Place::Waiting).size());
    const int done = int(tokensIn(server, Place::Done).size());
    const int failed = int(tokensIn(server, Place::Failed).size());
    qreal words = qMax(advance(tr("clients: %1").arg(server.tokens.size()), FontRole::Bold),
                       m_tokenSize.width());
    words = qMax(words, advance(tr("waiting: %1").arg(waiting), FontRole::Normal));
    words = qMax(words, advance(tr("done: %1").arg(done), FontRole::Normal));
    std::vector<std::pair<int, QSizeF>> groups{ { waiting, m_tokenSize }, { done, m_smallSize } };
    if (failed > 0) {
        words = qMax(words, advance(tr("failed: %1").arg(failed), FontRole::Normal));
        groups.push_back({ failed, m_smallSize });
    }
    const qreal content = height - 2 * pad - lineHeight(FontRole::Bold) - m_gap;
    return { words + 2 * pad, qMax(words, widthFor(groups, content)) + 2 * pad };
}

StageLayout::Demand StageLayout::crowdDemand(const StageServer &server, qreal height) const
{
    const qreal pad = m_gap;
    const int crowd = int(tokensIn(server, Place::SynSent).size());
    const qreal words = qMax(advance(tr("SYN_SENT: %1").arg(crowd), FontRole::Bold),
                             advance(tr("outside"), FontRole::Small));
    if (crowd == 0)
        return { words + 2 * pad, words + 2 * pad };
    const qreal content
            = height - 2 * pad - lineHeight(FontRole::Bold) - lineHeight(FontRole::Small) - m_gap;
    // widthFor counts a heading line per group: this column has its note above instead.
    const qreal tokens
            = widthFor({ { crowd, m_synSize } }, content + lineHeight(FontRole::Normal) + m_gap);
    const qreal note = advance(tr("outside, no answer yet"), FontRole::Small);
    return { qMax(words, m_synSize.width()) + 2 * pad,
             std::max<qreal>({ words, note, tokens }) + 2 * pad };
}

StageLayout::Demand StageLayout::kernelDemand(const StageServer &server, qreal height) const
{
    const qreal pad = m_gap * 1.5;
    if (!server.stream) {
        const qreal words = qMax(advance(tr("kernel"), FontRole::Bold),
                                 advance(tr("UDP: no accept queue"), FontRole::Normal));
        return { words + 2 * pad, 2 * words + 2 * pad };
    }
    const int queued = int(tokensIn(server, Place::AcceptQueue).size());
    const int half = int(tokensIn(server, Place::SynQueue).size());
    const int dropped = int(tokensIn(server, Place::AckDropped).size());
    const int slotTotal = server.slotCount;
    const qreal inset = std::round(m_gap * 0.6);
    const QSizeF slotCell(m_tokenSize.width() + 2 * inset, m_tokenSize.height() + 2 * inset);
    const QSizeF cell = slotTotal > 0 ? slotCell : m_tokenSize;
    const int items = slotTotal > 0 ? slotTotal : queued;

    const qreal least = std::max<qreal>(
            { advance(tr("kernel"), FontRole::Bold),
              advance(tr("queue %1/%2").arg(queued).arg(slotTotal), FontRole::Normal),
              advance(tr("half-open: %1").arg(half), FontRole::Normal), cell.width() });
    qreal want = qMax(least,
                      advance(slotTotal > 0 ? tr("accept queue %1/%2").arg(queued).arg(slotTotal)
                                            : tr("accept queue: %1 (capacity unknown)").arg(queued),
                              FontRole::Normal));
    want = qMax(want,
                advance(dropped > 0
                                ? tr("half-open: %1 · final ACK dropped: %2").arg(half).arg(dropped)
                                : tr("half-open (SYN_RECV): %1").arg(half),
                        FontRole::Normal));
    const qreal headingH = lineHeight(FontRole::Normal);
    const qreal content = height - 2 * pad - lineHeight(FontRole::Bold) - m_gap;
    const int halfAll = half + dropped;
    const qreal halfMin = headingH + m_gap + (halfAll == 0 ? 0 : m_tokenSize.height() + m_gap);
    const qreal queueRoom = content - headingH - m_gap - halfMin;
    const int rows = qMax(1, int((queueRoom + m_gap) / (cell.height() + m_gap)));
    if (items > 0)
        want = qMax(want, ((items + rows - 1) / rows) * (cell.width() + m_gap) - m_gap);
    if (halfAll > 0) {
        const qreal left = content - 2 * (headingH + m_gap) - rows * (cell.height() + m_gap);
        const int halfRows = qMax(1, int((left + m_gap) / (m_tokenSize.height() + m_gap)));
        want = qMax(want,
                    ((halfAll + halfRows - 1) / halfRows) * (m_tokenSize.width() + m_gap) - m_gap);
    }
    return { least + 2 * pad, want + 2 * pad };
}

StageLayout::Demand StageLayout::serverDemand(const StageServer &server, qreal height) const
{
    const qreal pad = m_gap;
    const qreal minW = workerMinWidth(server);
    int live = 0;
    for (const StageWorker &w : server.workers)
        live += (!w.exited && w.actor != Actor::Server) ? 1 : 0;
    QString heading = tr("server");
    if (server.model == ServerModel::Forking)
        heading = tr("server · child processes: %1").arg(live);
    else if (server.model == ServerModel::Threading || server.model == ServerModel::ThreadingUdp)
        heading = tr("server · threads: %1").arg(live);
    const qreal least = qMax(advance(tr("server"), FontRole::Bold), minW);
    if (server.workers.empty())
        return { least + 2 * pad, qMax(least, advance(heading, FontRole::Bold)) + 2 * pad };
    // Each box as wide as its words and token need; as many box columns as the rows ask for.
    qreal boxW = minW;
    for (const StageWorker &w : server.workers) {
        const bool holds = w.actor != Actor::Server
                || (server.model != ServerModel::Threading && server.model != ServerModel::Forking);
        const WorkerWidths ww = widthsOf(w, server.model);
        const qreal words = qMax(ww.nameWithPid, ww.call + ww.client);
        boxW = qMax(boxW, 2 * m_gap + words + (holds ? m_gap + m_tokenSize.width() : 0));
    }
    const qreal content = height - 2 * pad - lineHeight(FontRole::Bold) - m_gap;
    const qreal boxH = workerBoxHeight();
    const int rows = qMax(1, int((content + m_gap) / (boxH + m_gap)));
    const int n = int(server.workers.size());
    const int cols = (n + rows - 1) / rows;
    const qreal want = qMax(cols * (boxW + m_gap) - m_gap, advance(heading, FontRole::Bold));
    return { least + 2 * pad, want + 2 * pad };
}

#pragma once

#include "model/stagemodel.h"

#include <QCoreApplication>
#include <QFont>
#include <QHash>
#include <QRectF>
#include <QSize>
#include <QString>
#include <memory>
#include <vector>

// Where everything of the Stage view goes for one state of the servers, one font and one size:
// the frames, every text with the box it must stay inside, every token drawn on its own and the
// "+N more" groups that stand for the tokens that do not fit. Computed when the data, the font or
// the size change, never while painting. Each server is a band: clients on the left, the SYN_SENT
// crowd outside the kernel, the kernel's queues, and the server's threads or children on the right.
// The columns share the band's width by what they must show: each the least its words need, the
// rest by the slots, tokens and workers each has to draw (an empty SYN_SENT column stays narrow);
// within a run a column only grows. Worker boxes go to one line when that shows more of them, and
// threads that exited fold into a count before any live one is folded.
class StageLayout final
{
    Q_DECLARE_TR_FUNCTIONS(StageView)

public:
    enum class FontRole : quint8 { Normal, Bold, Title, Small, Code, Legend, Count };
    enum class Frame : quint8 { Column, Kernel, Slot, Worker, WorkerExited, Pill };

    struct Fonts
    {
        QFont font[int(FontRole::Count)];
        const QFont &operator[](FontRole role) const { return font[int(role)]; }
        // The stage's fonts at base; the legend stays at legend (the font's own size).
        static Fonts from(const QFont &base, const QFont &legend);
    };
    struct Box
    {
        QRectF rect;
        Frame kind = Frame::Column;
    };
    struct Text
    {
        QRectF rect; // exactly where the text is drawn (one line, or wrapped to rect's width)
        QRectF box; // the box it belongs to and must stay inside
        QString text;
        FontRole font = FontRole::Normal;
        bool dim = false; // an exited worker
        bool strike = false;
        bool wrap = false;
    };
    struct Token
    {
        quint16 origin = 0;
        quint32 client = 0;
        StageToken::Place place = StageToken::Place::Waiting;
        QRectF rect;
        QString text; // the client number
        QString sub; // SynSent: "SYN ×3"
        bool small = false; // a finished client, drawn compact
    };
    struct Swatch // a legend's shape
    {
        StageToken::Place place = StageToken::Place::Waiting;
        QRectF rect;
    };
    struct WorkerBox
    {
        quint16 origin = 0;
        int index = 0;
        QRectF rect;
        QString text; // the lines drawn in it, joined by '\n'
    };

    void build(const std::vector<StageServer> &servers, const Fonts &fonts, const QSize &size);
    // Forgets the widest each column has been (a new run starts narrow again). Within a run,
    // and while size and font stay, a column's width only grows, so the picture does not pump.
    void forget();

    const std::vector<Box> &boxes() const { return m_boxes; }
    const std::vector<Text> &texts() const { return m_texts; }
    const std::vector<Token> &tokens() const { return m_tokens; }
    const std::vector<Swatch> &swatches() const { return m_swatches; }
    const std::vector<WorkerBox> &workers() const { return m_workers; }
    // Something did not fit: a "+N more", a shortened text or a client not drawn on its own.
    bool overflowed() const { return m_overflow; }
    // Whether both place and write exactly the same things: then nothing needs drawing again.
    bool drawsSameAs(const StageLayout &other) const;
    const Token *token(quint16 origin, quint32 client) const;
    const WorkerBox *worker(quint16 origin, int index) const;

    static quint64 key(quint16 origin, quint32 client) { return (quint64(origin) << 32) | client; }
    static QString callText(const StageWorker &worker); // "sleep(2)", "accept()", "idle"
    static QString workerName(const StageWorker &worker, ServerModel model, bool withPid);
    static QString shortName(const StageWorker &worker); // "server", "#3": when nothing else fits
    static QString synText(int synRetries); // "SYN ×3": the SYN was sent 1 + synRetries times
    static QString placeText(StageToken::Place place); // the legend's words

private:
    struct Demand // a column's width: the least its words need, what would draw all it holds
    {
        qreal least = 0;
        qreal want = 0;
    };
    Demand clientsDemand(const StageServer &server, qreal height) const;
    Demand crowdDemand(const StageServer &server, qreal height) const;
    Demand kernelDemand(const StageServer &server, qreal height) const;
    Demand serverDemand(const StageServer &server, qreal height) const;
    // The least width that puts each group's count cells (under a heading each) into height.
    qreal widthFor(const std::vector<std::pair<int, QSizeF>> &groups, qreal height) const;
    qreal workerBoxHeight() const;
    qreal workerMinWidth(const StageServer &server) const;
    // The widths of a worker's words (its name without and with its pid, its call, the client it
    // serves), measured once per worker state: a thousand workers change a few at a time, and
    // making and measuring their strings at every change was most of a layout's time.
    struct WorkerWidths
    {
        qreal name = 0;
        qreal nameWithPid = 0;
        qreal call = 0;
        qreal client = 0; // " · client N" while it serves one; else 0
    };
    WorkerWidths widthsOf(const StageWorker &worker, ServerModel model) const;
    void forgetWorkerWidths() const;
    void addBand(const StageServer &server, const QRectF &band);
    void addClients(const StageServer &server, const QRectF &column);
    void addCrowd(const StageServer &server, const QRectF &column);
    void addKernel(const StageServer &server, const QRectF &column);
    void addServer(const StageServer &server, const QRectF &column);
    void addLegend(const QRectF &area);
    qreal legendHeight(qreal width) const;
    // The first candidate that fits width in that font (else the last, elided): never wider.
    // Falling back past the second candidate, or eliding, counts as an overflow.
    QString fit(const QStringList &candidates, FontRole font, qreal width) const;
    qreal advance(const QString &text, FontRole font) const;
    qreal lineHeight(FontRole font) const;
    // Adds a one-line text at (x, y) inside box; returns its rect.
    QRectF addText(const QString &text, FontRole font, qreal x, qreal y, const QRectF &box,
                   bool dim = false, bool strike = false);
    void addPill(const QRectF &rect, const QStringList &candidates);
    // Places count cells of size cell into area in rows; when they do not fit, the last cells
    // give way to a pill of pillWidth. Returns the cell rects shown (fewer than count then).
    std::vector<QRectF> flow(const QRectF &area, int count, const QSizeF &cell, qreal pillWidth,
                             QRectF *pill) const;
    int rowsFor(qreal width, int count, const QSizeF &cell) const;

    const Fonts *m_fonts = nullptr;
    // What was measured, shared by the copies of this layout: a copy (StageView keeps the last
    // one to compare with) must not duplicate thousands of widths when this one measures more.
    struct NameWidths
    {
        qint32 pid = 0;
        qreal name = 0;
        qreal nameWithPid = 0;
    };
    struct Measured
    {
        QHash<QString, qreal> advance[int(FontRole::Count)];
        QFont font; // the Normal font the advances were measured for
        // Kept apart because they change apart: a worker's name once, its call often, its
        // client with each connection. Keys: origin, actor, model and number (the pid kept
        // beside) / call, exited and the argument of a sleep().
        QHash<quint64, NameWidths> names;
        QHash<quint64, qreal> calls;
        QHash<quint32, qreal> clients; // " · client N"
        QString language; // a worker name in the language they were measured in
    };
    std::shared_ptr<Measured> m_measured = std::make_shared<Measured>();
    qreal m_line = 16; // the Normal font's line height
    qreal m_gap = 4;
    QSizeF m_tokenSize; // a client in a normal place
    QSizeF m_synSize; // a client in SYN_SENT: number and "SYN ×n"
    QSizeF m_smallSize; // a finished client
    std::vector<Box> m_boxes;
    std::vector<Text> m_texts;
    std::vector<Token> m_tokens;
    std::vector<Swatch> m_swatches;
    std::vector<WorkerBox> m_workers;
    QHash<quint64, int> m_tokenIndex;
    QHash<quint32, qreal> m_least; // by origin << 2 | column: the most each asked for
    QHash<quint32, qreal> m_want;
    QSize m_demandSize; // the size and server count m_least and m_want are for
    int m_demandServers = -1;
    mutable bool m_overflow = false;
};

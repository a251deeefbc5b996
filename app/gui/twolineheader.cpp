#include "twolineheader.h"

#include <QEvent>
#include <QFontMetrics>
#include <QStyle>
#include <QStyleOptionHeader>

namespace {

// The narrowest width that shows text in two lines broken at one space (or one line if none).
int twoLineWidth(const QFontMetrics &metrics, const QString &text)
{
    int best = metrics.horizontalAdvance(text);
    for (qsizetype space = text.indexOf(u' '); space >= 0; space = text.indexOf(u' ', space + 1))
        best = qMin(best,
                    qMax(metrics.horizontalAdvance(text.left(space)),
                         metrics.horizontalAdvance(text.mid(space + 1))));
    return best;
}

} // namespace

TwoLineHeader::TwoLineHeader(QWidget *parent) : QHeaderView(Qt::Horizontal, parent)
{
    setDefaultAlignment(Qt::Alignment(Qt::AlignCenter | Qt::TextWordWrap));
    setSectionsClickable(true);
    setHighlightSections(true);
}

QString TwoLineHeader::title(int logicalIndex) const
{
    return model() ? model()->headerData(logicalIndex, orientation()).toString() : QString();
}

QSize TwoLineHeader::sectionSizeFromContents(int logicalIndex) const
{
    QSize size = QHeaderView::sectionSizeFromContents(logicalIndex);
    if (!m_twoLine)
        return size;
    QFont font = this->font();
    font.setBold(true); // the widest a title is drawn (the sort column's)
    const QFontMetrics metrics(font);
    const QString text = title(logicalIndex);
    int saved = qMax(0, metrics.horizontalAdvance(text) - twoLineWidth(metrics, text));
    // Room for the sort arrow only where it is drawn (a new sort column is measured again).
    if (isSortIndicatorShown() && logicalIndex != sortIndicatorSection()) {
        QStyleOptionHeader option;
        initStyleOption(&option);
        saved += size.height() + style()->pixelMetric(QStyle::PM_HeaderMargin, &option, this);
    }
    size.setWidth(size.width() - saved);
    size.setHeight(size.height() + metrics.lineSpacing()); // every title gets the same height
    return size;
}

int TwoLineHeader::oneLineWidth() const
{
    int width = 0;
    for (int i = 0; i < count(); ++i) {
        if (!isSectionHidden(i))
            width += QHeaderView::sectionSizeFromContents(i).width();
    }
    return width;
}

void TwoLineHeader::chooseLines()
{
    const bool twoLine = oneLineWidth() > width();
    if (twoLine == m_twoLine)
        return;
    m_twoLine = twoLine;
    if (count() > 0)
        headerDataChanged(orientation(), 0, count() - 1); // measured and laid out again
}

void TwoLineHeader::resizeEvent(QResizeEvent *event)
{
    QHeaderView::resizeEvent(event);
    chooseLines();
}

void TwoLineHeader::changeEvent(QEvent *event)
{
    QHeaderView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        chooseLines(); // zoomed
}

void TwoLineHeader::setModel(QAbstractItemModel *model)
{
    if (this->model())
        disconnect(this->model(), &QAbstractItemModel::headerDataChanged, this, nullptr);
    QHeaderView::setModel(model);
    if (model) // titles in another language are other widths
        connect(model, &QAbstractItemModel::headerDataChanged, this, &TwoLineHeader::chooseLines,
                Qt::QueuedConnection);
}

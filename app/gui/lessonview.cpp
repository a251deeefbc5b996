#include "lessonview.h"

#include "fontsetup.h"
#include "languageswitcher.h"
#include "quizview.h"

#include <QCursor>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QToolTip>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QUrl folderUrl(const QString &folder)
{
    if (folder.startsWith(QLatin1String(":/")))
        return QUrl(QStringLiteral("qrc") + folder + QLatin1Char('/'));
    return QUrl::fromLocalFile(folder + QLatin1Char('/'));
}

} // namespace

LessonView::LessonView(QWidget *parent)
    : QWidget(parent)
    , m_notice(new QLabel(this))
    , m_experiment(new QPushButton(this))
    , m_problems(new QLabel(this))
    , m_browser(new QTextBrowser(this))
    , m_quiz(new QuizView(this))
    , m_definition(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notice->setObjectName(QStringLiteral("lessonNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base);"
                                           " border-left: 4px solid #3b73b9; padding: 4px 8px; }"));
    m_problems->setObjectName(QStringLiteral("lessonProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(
            QStringLiteral("QLabel { background: #fdecea; color: #611a15;"
                           " border-left: 4px solid #b3261e; padding: 4px 8px; }"));
    m_browser->setObjectName(QStringLiteral("lessonBrowser"));
    // Links are ours to follow: glossary terms, other lessons, and the web in the user's browser.
    m_browser->setOpenLinks(false);
    m_browser->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_browser->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &LessonView::followLink);
    connect(m_browser, qOverload<const QUrl &>(&QTextBrowser::highlighted), this,
            [this](const QUrl &url) {
                if (url.scheme() == QLatin1String("glossary"))
                    QToolTip::showText(QCursor::pos(), m_glossary.describe(url.path(), m_language),
                                       m_browser);
            });
    m_definition->setObjectName(QStringLiteral("glossaryDefinition"));
    m_definition->setWordWrap(true);
    m_definition->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_definition->setStyleSheet(m_notice->styleSheet());
    m_definition->hide();
    layout->addWidget(m_notice);
    layout->addWidget(m_experiment, 0, Qt::AlignLeft);
    m_experiment->setObjectName(QStringLiteral("runExperiment"));
    m_experiment->hide();
    connect(m_experiment, &QPushButton::clicked, this,
            [this] { emit experimentRequested(m_lesson.experiment()); });
    layout->addWidget(m_problems);
    // The lesson above, its quiz below ("at the end of the lesson"), the split movable.
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("lessonSplit"));
    split->addWidget(m_browser);
    auto *quizScroll = new QScrollArea(split);
    quizScroll->setWidgetResizable(true);
    quizScroll->setFrameShape(QFrame::NoFrame);
    quizScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the quiz wraps instead
    quizScroll->setWidget(m_quiz);
    split->addWidget(quizScroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    layout->addWidget(m_definition);
    m_notice->hide();
    m_problems->hide();
}

void LessonView::showLesson(const Lesson &lesson, const QString &language)
{
    const bool another = m_lesson.id() != lesson.id() || !m_hasLesson;
    if (another)
        m_definition->hide(); // a term of the last lesson
    m_lesson = lesson;
    m_language = language;
    m_hasLesson = true;
    render();
    if (another)
        scrollToTop();
}

void LessonView::scrollToTop()
{
    QTextCursor start(m_browser->document());
    m_browser->setTextCursor(start); // a cursor left further down would pull the view back there
    m_browser->verticalScrollBar()->setValue(0);
    m_browser->horizontalScrollBar()->setValue(0);
}

bool LessonView::followLink(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("glossary")) {
        const QString text = m_glossary.describe(url.path(), m_language);
        // `code` in a definition is shown as code, like in the lesson text.
        QString html = text.toHtmlEscaped();
        html.replace(QRegularExpression(QStringLiteral("`([^`]+)`")),
                     QStringLiteral("<code>\\1</code>"));
        m_definition->setText(
                text.isEmpty() ? tr("No glossary entry \"%1\".").arg(url.path()).toHtmlEscaped()
                               : html);
        m_definition->show();
        return !text.isEmpty();
    }
    if (scheme == QLatin1String("lesson")) {
        emit lessonRequested(url.path());
        return true;
    }
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        return QDesktopServices::openUrl(url);
    return false;
}

void LessonView::setCatalogIssues(const QList<LessonIssue> &issues)
{
    m_catalogIssues = issues;
    render();
}

void LessonView::clear()
{
    m_hasLesson = false;
    m_lesson = Lesson();
    render();
}

void LessonView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        render(); // FontChange: the zoom changed; code spans are sized again below
    QWidget::changeEvent(event);
}

void LessonView::render()
{
    QList<LessonIssue> issues = m_catalogIssues;
    if (m_hasLesson)
        issues += m_lesson.issues();
    if (issues.isEmpty()) {
        m_problems->hide();
    } else {
        QStringList lines;
        for (const LessonIssue &issue : issues)
            lines.append(issue.toString().toHtmlEscaped());
        m_problems->setText(QStringLiteral("<b>%1</b><br>%2")
                                    .arg(tr("Some lesson files could not be read:"),
                                         lines.join(QStringLiteral("<br>"))));
        m_problems->show();
    }

    m_experiment->setText(tr("▶ Run this lesson's experiment in the lab"));
    m_experiment->setVisible(m_hasLesson && !m_lesson.experiment().isEmpty());
    const LessonText text = m_hasLesson ? m_lesson.text(m_language) : LessonText();
    if (text.fallback) {
        m_notice->setText(tr("This lesson is not yet available in %1; it is shown in English.")
                                  .arg(LanguageSwitcher::nativeName(m_language)));
        m_notice->show();
    } else {
        m_notice->hide();
    }

    QTextDocument *document = m_browser->document();
    if (text.markdown.isEmpty()) {
        m_quiz->setQuiz(QString(), {}, {}, m_language);
        m_browser->setHtml(QStringLiteral("<h2>%1</h2><p>%2</p>")
                                   .arg(tr("Nothing to show"),
                                        m_hasLesson ? tr("This lesson has no readable text. "
                                                         "The problems are listed above.")
                                                    : tr("Choose a lesson from the list.")));
        return;
    }
    document->setBaseUrl(folderUrl(m_lesson.folder()));
    m_browser->setSearchPaths({ m_lesson.folder() });
    document->setMarkdown(text.markdown, QTextDocument::MarkdownDialectGitHub);
    matchCodeFontSize(document, m_browser->font());
    m_fittedWidth = -1;
    fitCode();
    m_quiz->setQuiz(m_lesson.id(), m_lesson.quiz(), m_lesson.experiment(), m_language);
}

namespace {
const int kCodeBlock = QTextFormat::UserProperty + 1; // a block of a code block or diagram
} // namespace

void LessonView::fitCodeBlocks(QTextDocument *document, const QFont &textFont, qreal width)
{
    // Consecutive code blocks are one block of code: one size for all its lines, so a diagram's
    // columns stay aligned.
    std::vector<std::vector<QTextBlock>> groups;
    bool inGroup = false;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const bool code = block.blockFormat().property(kCodeBlock).toBool();
        if (code && !inGroup)
            groups.emplace_back();
        if (code)
            groups.back().push_back(block);
        inGroup = code;
    }
    QFont codeFont(textFont);
    codeFont.setFamilies(FontSetup::codeFamilies());
    codeFont.setFixedPitch(true);
    const QFontMetricsF metrics(codeFont);
    const qreal textSize = textFont.pointSizeF() > 0 ? textFont.pointSizeF() : 10.0;
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    for (const std::vector<QTextBlock> &group : groups) {
        qreal widest = 0;
        qreal indent = 0;
        for (const QTextBlock &block : group) {
            const QTextBlockFormat f = block.blockFormat();
            indent = std::max(indent, f.leftMargin() + f.rightMargin() + f.textIndent());
            for (const QString &line : block.text().split(QChar::LineSeparator))
                widest = std::max(widest, metrics.horizontalAdvance(line));
        }
        const qreal room = width - indent - 2 * document->documentMargin() - 4;
        // Glyph advances do not scale exactly with the size (hinting): measured at each size
        // tried, a quarter point at a time, until the longest line fits.
        const auto widestAt = [&group, &codeFont](qreal points) {
            QFont f(codeFont);
            f.setPointSizeF(points);
            const QFontMetricsF m(f);
            qreal w = 0;
            for (const QTextBlock &block : group)
                for (const QString &line : block.text().split(QChar::LineSeparator))
                    w = std::max(w, m.horizontalAdvance(line));
            return w;
        };
        qreal points = textSize;
        if (widest > room && widest > 0) {
            points = textSize * room / widest;
            while (points > textSize * kMinCodeScale && widestAt(points) > room)
                points -= 0.25;
        }
        const bool fits = points >= textSize * kMinCodeScale;
        QTextCharFormat size;
        size.setFontPointSize(fits ? points : textSize);
        QTextBlockFormat wrapping;
        wrapping.setNonBreakableLines(fits); // too wide even at the smallest: it wraps
        for (const QTextBlock &block : group) {
            cursor.setPosition(block.position());
            cursor.mergeBlockFormat(wrapping);
            cursor.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(size);
        }
    }
    cursor.endEditBlock();
}

void LessonView::fitCode()
{
    // The width as if the vertical scroll bar were shown: the text's own height brings it in
    // and out (a smaller font can make it go), which must not make a code block overflow.
    int width = m_browser->viewport()->width();
    if (!m_browser->verticalScrollBar()->isVisible())
        width -= m_browser->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr,
                                                 m_browser->verticalScrollBar());
    if (width <= 0 || width == m_fittedWidth)
        return;
    m_fittedWidth = width;
    const int scroll = m_browser->verticalScrollBar()->value();
    fitCodeBlocks(m_browser->document(), m_browser->font(), width);
    m_browser->verticalScrollBar()->setValue(scroll);
}

void LessonView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // After the layout has given the browser its new width.
    QTimer::singleShot(0, this, &LessonView::fitCode);
}

void LessonView::matchCodeFontSize(QTextDocument *document, const QFont &textFont)
{
    // Qt's Markdown reader gives code the system's fixed font with that font's own size, which
    // ignores the zoom, and without the fixed-pitch flag: give code the size of the surrounding
    // text and a font measured monospace (the system's "monospace" can be a proportional one).
    const QVariant fixedFamilies = QFontDatabase::systemFont(QFontDatabase::FixedFont).families();
    QList<QPair<int, int>> code; // position, length; changed after the walk, which they would split
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid()
                && (fragment.charFormat().fontFixedPitch()
                    || fragment.charFormat().fontFamilies() == fixedFamilies))
                code.append({ fragment.position(), fragment.length() });
        }
    }
    // Code blocks are marked (a property that outlives the wrapping set below) so that
    // fitCodeBlocks() finds them again at every width.
    QTextCursor blocks(document);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().nonBreakableLines()) {
            QTextBlockFormat marked;
            marked.setProperty(kCodeBlock, true);
            blocks.setPosition(block.position());
            blocks.mergeBlockFormat(marked);
        }
    }
    QTextCharFormat format;
    format.setFontFamilies(FontSetup::codeFamilies());
    format.setFontFixedPitch(true);
    if (textFont.pointSizeF() > 0)
        format.setFontPointSize(textFont.pointSizeF());
    QTextCursor cursor(document);
    for (const auto &[position, length] : code) {
        cursor.setPosition(position);
        cursor.setPosition(position + length, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
    }
}

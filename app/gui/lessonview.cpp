#include "lessonview.h"

#include <QTextBlock>
#include <QTextCursor>

#include "languageswitcher.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QTextDocument>
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
    m_browser->setOpenExternalLinks(true);
    layout->addWidget(m_notice);
    layout->addWidget(m_experiment, 0, Qt::AlignLeft);
    m_experiment->setObjectName(QStringLiteral("runExperiment"));
    m_experiment->hide();
    connect(m_experiment, &QPushButton::clicked, this,
            [this] { emit experimentRequested(m_lesson.experiment()); });
    layout->addWidget(m_problems);
    layout->addWidget(m_browser, 1);
    m_notice->hide();
    m_problems->hide();
}

void LessonView::showLesson(const Lesson &lesson, const QString &language)
{
    m_lesson = lesson;
    m_language = language;
    m_hasLesson = true;
    render();
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
}

void LessonView::matchCodeFontSize(QTextDocument *document, const QFont &textFont)
{
    // Qt's Markdown reader gives code the system's fixed font with that font's own size, which
    // ignores the zoom: give code the size of the surrounding text instead.
    QTextCursor cursor(document);
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid() || !fragment.charFormat().fontFixedPitch())
                continue;
            QTextCharFormat format;
            if (textFont.pointSizeF() > 0)
                format.setFontPointSize(textFont.pointSizeF());
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(format);
        }
    }
}

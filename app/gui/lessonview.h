#pragma once

#include "lesson/glossary.h"
#include "lesson/lesson.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTextDocument;
class QTextBrowser;
class QUrl;
class QuizView;

// Shows one lesson's Markdown (headings, code, tables, images), a notice when the text fell back
// to English, and every problem found reading the lesson, so a broken file is named, not hidden.
class LessonView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonView)

public:
    explicit LessonView(QWidget *parent = nullptr);

    void showLesson(const Lesson &lesson, const QString &language);
    // Problems that belong to no single lesson (catalog.json), shown above any lesson.
    void setCatalogIssues(const QList<LessonIssue> &issues);
    void clear();
    void scrollToTop(); // the lesson's first line in view

    QTextBrowser *browser() const { return m_browser; }
    QLabel *notice() const { return m_notice; }
    QPushButton *experimentButton() const { return m_experiment; }
    QuizView *quizView() const { return m_quiz; }
    QLabel *definition() const { return m_definition; } // the glossary term last clicked
    void setGlossary(const Glossary &glossary) { m_glossary = glossary; }
    // What a click on a link in the lesson does: glossary:ID shows the term, lesson:ID asks for
    // that lesson, http(s) opens the browser. Returns false for a link it does not know.
    bool followLink(const QUrl &url);

signals:
    // The lesson's experiment.json, to be set up and started in the lab.
    void experimentRequested(const QJsonObject &experiment);
    void lessonRequested(const QString &id); // a lesson:ID link

public:
    QLabel *problems() const { return m_problems; }

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();
    static void matchCodeFontSize(QTextDocument *document, const QFont &textFont);
    // Code blocks and diagrams keep their lines: each block's font is made smaller (down to
    // kMinCodeScale of the text's) until its longest line fits `width`; only a block that
    // would need smaller type than that wraps at the edge. Never a sideways scroll bar.
    static void fitCodeBlocks(QTextDocument *document, const QFont &textFont, qreal width);
    void fitCode();
    static constexpr qreal kMinCodeScale = 0.7;

    QLabel *m_notice;
    QPushButton *m_experiment;
    QLabel *m_problems;
    QTextBrowser *m_browser;
    int m_fittedWidth = -1; // the viewport width the code blocks were last fitted to
    QuizView *m_quiz;
    QLabel *m_definition;
    Glossary m_glossary;
    QList<LessonIssue> m_catalogIssues;
    Lesson m_lesson;
    QString m_language;
    bool m_hasLesson = false;
};

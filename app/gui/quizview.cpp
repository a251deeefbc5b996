#include "quizview.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace {

const QString rightMark = QStringLiteral("✓");
const QString wrongMark = QStringLiteral("✗");

} // namespace

QuizView::QuizView(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_rows(new QVBoxLayout)
{
    setObjectName(QStringLiteral("quizView"));
    auto *layout = new QVBoxLayout(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);
    layout->addLayout(m_rows);
    layout->addStretch(1);
}

void QuizView::setQuiz(const QString &lessonId, const QJsonObject &quiz,
                       const QJsonObject &lessonExperiment, const QString &language)
{
    if (lessonId != m_lessonId && !lessonId.isEmpty()) {
        // Another visit of a lesson: another attempt, its choices in another order. Not on a
        // language change (the same lesson again): the list stays as the student saw it.
        QSettings settings;
        const QString key = QStringLiteral("quiz/%1/attempt").arg(lessonId);
        m_attempt = settings.value(key, 0).toInt() + 1;
        settings.setValue(key, m_attempt);
    }
    m_lessonId = lessonId;
    m_lessonExperiment = lessonExperiment;
    m_language = language;
    m_waiting = -1;
    QString error;
    const std::optional<Quiz> parsed = Quiz::fromJson(quiz, &error);
    m_quiz = parsed ? *parsed : Quiz();
    setVisible(parsed.has_value());
    if (QScrollArea *area = scrollArea())
        area->setVisible(parsed.has_value()); // no empty strip under a lesson without a quiz
    rebuild();
}

QScrollArea *QuizView::scrollArea() const
{
    QWidget *viewport = parentWidget();
    auto *area = viewport ? qobject_cast<QScrollArea *>(viewport->parentWidget()) : nullptr;
    return area && area->widget() == this ? area : nullptr;
}

void QuizView::fitScrollArea()
{
    QScrollArea *area = scrollArea();
    if (!area)
        return;
    area->viewport()->removeEventFilter(this);
    area->viewport()->installEventFilter(this); // its width decides how the text wraps
    if (m_rowWidgets.empty()) {
        area->setMinimumHeight(0);
        return;
    }
    // Readable without dragging the splitter: the title and the whole first question (prompt,
    // choices, button, result) at the width shown, up to sixteen lines of text.
    const QMargins margins = layout()->contentsMargins();
    const int width = area->viewport()->width() - margins.left() - margins.right();
    QWidget *first = m_rowWidgets.front().prompt->parentWidget();
    const int needed = margins.top() + m_title->sizeHint().height() + layout()->spacing()
            + first->heightForWidth(width) + margins.bottom();
    area->setMinimumHeight(qMin(needed, fontMetrics().lineSpacing() * 16));
}

QString QuizView::settingsKey(int question) const
{
    return QStringLiteral("quiz/%1/%2").arg(m_lessonId, m_quiz.questions[size_t(question)].id);
}

QString QuizView::choiceText(int question, int choice) const
{
    const auto &choices = m_quiz.questions[size_t(question)].choices;
    return choice >= 0 && choice < int(choices.size())
            ? Quiz::pick(choices[size_t(choice)].text, m_language)
            : QString();
}

void QuizView::rebuild()
{
    for (Row &row : m_rowWidgets) {
        if (row.prompt)
            delete row.prompt->parentWidget(); // the question's group box and all in it
    }
    m_rowWidgets.clear();
    m_title->setText(tr("Check yourself"));
    QSettings settings;
    for (size_t i = 0; i < m_quiz.questions.size(); ++i) {
        const Quiz::Question &q = m_quiz.questions[i];
        auto *box = new QGroupBox(this);
        box->setObjectName(QStringLiteral("question-%1").arg(q.id));
        auto *layout = new QVBoxLayout(box);
        Row row;
        row.prompt = new QLabel(box);
        row.prompt->setWordWrap(true);
        row.prompt->setTextFormat(Qt::PlainText);
        const bool predict = q.type == Quiz::Question::Type::Predict;
        row.prompt->setText(QStringLiteral("%1. %2%3")
                                    .arg(i + 1)
                                    .arg(predict ? tr("Predict, then run: ") : QString(),
                                         Quiz::pick(q.prompt, m_language)));
        layout->addWidget(row.prompt);
        row.choices = new QButtonGroup(box);
        row.choiceLabels.resize(q.choices.size());
        row.order = Quiz::displayOrder(q, m_lessonId, m_attempt);
        for (const int shown : row.order) {
            const size_t c = size_t(shown);
            // A radio button cannot wrap its text: the text is a label beside it, and a click on
            // the label chooses too (eventFilter).
            auto *line = new QHBoxLayout;
            auto *button = new QRadioButton(box);
            const QString words = Quiz::pick(q.choices[c].text, m_language);
            auto *text = new QLabel(words.toHtmlEscaped(), box); // rich: room for its mark
            text->setWordWrap(true);
            text->setTextFormat(Qt::RichText);
            text->setProperty("choiceButton", QVariant::fromValue<QObject *>(button));
            text->installEventFilter(this);
            button->setAccessibleName(words);
            line->addWidget(button, 0, Qt::AlignTop);
            line->addWidget(text, 1);
            row.choices->addButton(button, int(c)); // the id is the choice, whatever its place
            row.choiceLabels[c] = text;
            layout->addLayout(line);
        }
        row.check
                = new QPushButton(predict ? tr("Run the experiment and check") : tr("Check"), box);
        row.check->setEnabled(false);
        layout->addWidget(row.check, 0, Qt::AlignLeft);
        row.result = new QLabel(box);
        row.result->setWordWrap(true);
        row.result->setObjectName(QStringLiteral("quizResult"));
        layout->addWidget(row.result);
        row.showRun = new QPushButton(tr("Show the run"), box);
        row.showRun->setToolTip(tr("Bring the lab's summary and timeline of this run into view"));
        row.showRun->hide();
        connect(row.showRun, &QPushButton::clicked, this, &QuizView::showRunRequested);
        layout->addWidget(row.showRun, 0, Qt::AlignLeft);
        const int index = int(i);
        connect(row.choices, &QButtonGroup::idClicked, this, [this, row, index](int choice) {
            row.check->setEnabled(m_waiting < 0);
            QSettings().setValue(settingsKey(index) + QStringLiteral("/choice"), choice);
        });
        connect(row.check, &QPushButton::clicked, this, [this, index] { check(index); });
        m_rows->addWidget(box);
        m_rowWidgets.push_back(row);
        // What the student answered last time, and what came of it.
        const int remembered
                = settings.value(settingsKey(index) + QStringLiteral("/choice"), -1).toInt();
        if (QAbstractButton *chosen = row.choices->button(remembered)) {
            chosen->setChecked(true);
            row.check->setEnabled(true);
        }
        if (settings.value(settingsKey(index) + QStringLiteral("/checked")).toBool()) {
            const QVariant measured
                    = settings.value(settingsKey(index) + QStringLiteral("/measured"));
            showOutcome(index, remembered,
                        measured.isValid() ? std::optional<double>(measured.toDouble())
                                           : std::nullopt);
        }
    }
    updateShowRun();
    fitScrollArea();
}

void QuizView::choose(int question, int choice)
{
    if (QAbstractButton *button = m_rowWidgets.at(size_t(question)).choices->button(choice))
        button->click();
}

QPushButton *QuizView::checkButton(int question) const
{
    return m_rowWidgets.at(size_t(question)).check;
}

QLabel *QuizView::resultLabel(int question) const
{
    return m_rowWidgets.at(size_t(question)).result;
}

QAbstractButton *QuizView::choiceButton(int question, int choice) const
{
    return m_rowWidgets.at(size_t(question)).choices->button(choice);
}

int QuizView::choicePosition(int question, int choice) const
{
    const std::vector<int> &order = m_rowWidgets.at(size_t(question)).order;
    const auto it = std::find(order.begin(), order.end(), choice);
    return it == order.end() ? -1 : int(it - order.begin());
}

QLabel *QuizView::choiceLabel(int question, int choice) const
{
    return m_rowWidgets.at(size_t(question)).choiceLabels.at(size_t(choice));
}

QPushButton *QuizView::showRunButton(int question) const
{
    return m_rowWidgets.at(size_t(question)).showRun;
}

void QuizView::updateShowRun()
{
    for (size_t i = 0; i < m_rowWidgets.size(); ++i) {
        m_rowWidgets[i].showRun->setVisible(m_runLesson == m_lessonId && !m_runLesson.isEmpty()
                                            && m_runQuestion == m_quiz.questions[i].id);
    }
}

void QuizView::labRunStarted()
{
    if (m_waiting >= 0)
        return; // the quiz's own run
    m_runLesson.clear();
    m_runQuestion.clear();
    updateShowRun();
}

void QuizView::check(int question)
{
    const Quiz::Question &q = m_quiz.questions[size_t(question)];
    const int chosen = m_rowWidgets[size_t(question)].choices->checkedId();
    if (chosen < 0)
        return;
    if (q.type == Quiz::Question::Type::Single) {
        remember(question, std::nullopt);
        showOutcome(question, chosen, std::nullopt);
        return;
    }
    // Predict: the lab runs the experiment; the answer is whatever the run shows.
    m_waiting = question;
    m_runLesson.clear(); // the lab's last run is about to go
    updateShowRun();
    for (const Row &row : m_rowWidgets)
        row.check->setEnabled(false);
    markChoices(question, -1, std::nullopt);
    m_rowWidgets[size_t(question)].result->setText(
            tr("Running the experiment in the lab… watch it on the right."));
    emit runRequested(q.experimentOr(m_lessonExperiment), q.measure, q.server);
}

void QuizView::showMeasured(bool ok, double value, const QString &error)
{
    if (m_waiting < 0)
        return;
    const int question = m_waiting;
    m_waiting = -1;
    for (const Row &row : m_rowWidgets)
        row.check->setEnabled(row.choices->checkedId() >= 0);
    QLabel *result = m_rowWidgets[size_t(question)].result;
    if (!ok) {
        result->setText(tr("The run could not be measured: %1").arg(error.toHtmlEscaped()));
        return;
    }
    remember(question, value);
    m_runLesson = m_lessonId;
    m_runQuestion = m_quiz.questions[size_t(question)].id;
    showOutcome(question, m_rowWidgets[size_t(question)].choices->checkedId(), value);
    updateShowRun();
    // The answer, and the way to its run, in view once laid out (the button was hidden).
    QTimer::singleShot(0, this, [this, question] {
        QScrollArea *area = scrollArea();
        if (area && question < int(m_rowWidgets.size()))
            area->ensureWidgetVisible(m_rowWidgets[size_t(question)].showRun);
    });
}

void QuizView::showOutcome(int question, int chosen, std::optional<double> measured)
{
    m_rowWidgets[size_t(question)].result->setText(resultText(question, chosen, measured));
    markChoices(question, chosen, measured);
    if (question == 0)
        fitScrollArea(); // the first question grew by its result
}

void QuizView::markChoices(int question, int chosen, std::optional<double> measured)
{
    const Quiz::Question &q = m_quiz.questions[size_t(question)];
    const Row &row = m_rowWidgets[size_t(question)];
    // Right is what the quiz says, or for a prediction what the run measured; -1: none yet.
    int right = -1;
    QString rightWords;
    QString wrongWords;
    if (q.type == Quiz::Question::Type::Single) {
        right = q.correctIndex();
        rightWords = tr("correct answer");
        wrongWords = tr("your answer");
    } else if (measured) {
        right = q.choiceFor(*measured);
        rightWords = tr("what the run measured");
        wrongWords = tr("your prediction");
    }
    for (size_t c = 0; c < row.choiceLabels.size(); ++c) {
        const QString words = Quiz::pick(q.choices[c].text, m_language);
        QString mark;
        if (int(c) == right)
            mark = rightMark + QLatin1Char(' ') + rightWords;
        else if (int(c) == chosen && (right >= 0 || measured))
            mark = wrongMark + QLatin1Char(' ') + wrongWords;
        QString html = words.toHtmlEscaped();
        if (!mark.isEmpty())
            html += QStringLiteral("&nbsp;&nbsp;&nbsp;<b>%1</b>").arg(mark.toHtmlEscaped());
        row.choiceLabels[c]->setText(int(c) == right ? QStringLiteral("<b>%1</b>").arg(html)
                                                     : html);
        row.choices->button(int(c))->setAccessibleName(
                mark.isEmpty() ? words : words + QStringLiteral(" — ") + mark);
    }
}

QString QuizView::valueWithUnit(const QString &measure, double value)
{
    const bool whole = value == double(qint64(value));
    const QString number = whole ? QString::number(qint64(value))
                                 : QString::number(value, 'f', qAbs(value) < 10 ? 2 : 1);
    const bool one = whole && qint64(value) == 1;
    if (measure == QLatin1String("total_s"))
        return tr("%1 s").arg(number);
    if (measure == QLatin1String("connected") || measure == QLatin1String("served")
        || measure == QLatin1String("refused") || measure == QLatin1String("timed_out"))
        return (one ? tr("%1 client") : tr("%1 clients")).arg(number);
    if (measure == QLatin1String("queue_peak"))
        return (one ? tr("%1 connection") : tr("%1 connections")).arg(number);
    if (measure == QLatin1String("concurrent_peak"))
        return (one ? tr("%1 handle() call") : tr("%1 handle() calls")).arg(number);
    if (measure == QLatin1String("workers_peak"))
        return (one ? tr("%1 worker") : tr("%1 workers")).arg(number);
    if (measure == QLatin1String("empty_recvs"))
        return (one ? tr("%1 empty recv() call") : tr("%1 empty recv() calls")).arg(number);
    return number;
}

void QuizView::remember(int question, std::optional<double> measured)
{
    QSettings settings;
    settings.setValue(settingsKey(question) + QStringLiteral("/checked"), true);
    if (measured)
        settings.setValue(settingsKey(question) + QStringLiteral("/measured"), *measured);
    else
        settings.remove(settingsKey(question) + QStringLiteral("/measured"));
    emit answered();
}

QString QuizView::resultText(int question, int chosen, std::optional<double> measured) const
{
    const Quiz::Question &q = m_quiz.questions[size_t(question)];
    const QString explanation = Quiz::pick(q.explanation, m_language).toHtmlEscaped();
    // ✓ or ✗ as a symbol in the text, not a colour alone.
    const auto verdict = [](bool right) {
        return QStringLiteral("<b>%1</b> ").arg(right ? rightMark : wrongMark);
    };
    if (q.type == Quiz::Question::Type::Single || !measured) {
        const bool right = chosen == q.correctIndex();
        return verdict(right)
                + (right ? tr("<b>Right.</b>")
                         : tr("<b>Not quite.</b> The answer is: %1.")
                                   .arg(choiceText(question, q.correctIndex()).toHtmlEscaped()))
                + QLatin1Char(' ') + explanation;
    }
    const int shown = q.choiceFor(*measured);
    const QString value = valueWithUnit(q.measure, *measured).toHtmlEscaped();
    QString text = verdict(shown >= 0 && shown == chosen);
    if (shown < 0)
        text += tr("The run measured %1, which none of the choices covers.").arg(value);
    else if (shown == chosen)
        text += tr("<b>Your prediction was right:</b> the run measured %1 (%2).")
                        .arg(value, choiceText(question, shown).toHtmlEscaped());
    else
        text += tr("<b>The run measured %1</b> (%2); you predicted %3.")
                        .arg(value, choiceText(question, shown).toHtmlEscaped(),
                             choiceText(question, chosen).toHtmlEscaped());
    if (shown != q.correctIndex())
        text += QLatin1Char(' ')
                + tr("Usually the answer is %1; a busy machine can change a run.")
                          .arg(choiceText(question, q.correctIndex()).toHtmlEscaped());
    return text + QLatin1Char(' ') + explanation;
}

bool QuizView::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        const QScrollArea *area = scrollArea();
        if (area && watched == area->viewport()
            && static_cast<QResizeEvent *>(event)->size().width()
                    != static_cast<QResizeEvent *>(event)->oldSize().width())
            fitScrollArea();
        return false;
    }
    if (event->type() == QEvent::MouseButtonRelease) {
        if (auto *button
            = qobject_cast<QRadioButton *>(watched->property("choiceButton").value<QObject *>())) {
            button->click();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void QuizView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && !m_lessonId.isEmpty())
        rebuild();
    else if (event->type() == QEvent::FontChange)
        fitScrollArea(); // the zoom: taller text
    QWidget::changeEvent(event);
}

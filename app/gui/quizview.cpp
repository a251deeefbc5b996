#include "quizview.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

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
    m_lessonId = lessonId;
    m_lessonExperiment = lessonExperiment;
    m_language = language;
    m_waiting = -1;
    QString error;
    const std::optional<Quiz> parsed = Quiz::fromJson(quiz, &error);
    m_quiz = parsed ? *parsed : Quiz();
    setVisible(parsed.has_value());
    rebuild();
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
        for (size_t c = 0; c < q.choices.size(); ++c) {
            // A radio button cannot wrap its text: the text is a label beside it, and a click on
            // the label chooses too (eventFilter).
            auto *line = new QHBoxLayout;
            auto *button = new QRadioButton(box);
            auto *text = new QLabel(Quiz::pick(q.choices[c].text, m_language), box);
            text->setWordWrap(true);
            text->setTextFormat(Qt::PlainText);
            text->setProperty("choiceButton", QVariant::fromValue<QObject *>(button));
            text->installEventFilter(this);
            button->setAccessibleName(text->text());
            line->addWidget(button, 0, Qt::AlignTop);
            line->addWidget(text, 1);
            row.choices->addButton(button, int(c));
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
            row.result->setText(resultText(index, remembered,
                                           measured.isValid()
                                                   ? std::optional<double>(measured.toDouble())
                                                   : std::nullopt));
        }
    }
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

void QuizView::check(int question)
{
    const Quiz::Question &q = m_quiz.questions[size_t(question)];
    const int chosen = m_rowWidgets[size_t(question)].choices->checkedId();
    if (chosen < 0)
        return;
    if (q.type == Quiz::Question::Type::Single) {
        remember(question, std::nullopt);
        m_rowWidgets[size_t(question)].result->setText(resultText(question, chosen, std::nullopt));
        return;
    }
    // Predict: the lab runs the experiment; the answer is whatever the run shows.
    m_waiting = question;
    for (const Row &row : m_rowWidgets)
        row.check->setEnabled(false);
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
    result->setText(
            resultText(question, m_rowWidgets[size_t(question)].choices->checkedId(), value));
}

void QuizView::remember(int question, std::optional<double> measured)
{
    QSettings settings;
    settings.setValue(settingsKey(question) + QStringLiteral("/checked"), true);
    if (measured)
        settings.setValue(settingsKey(question) + QStringLiteral("/measured"), *measured);
    else
        settings.remove(settingsKey(question) + QStringLiteral("/measured"));
}

QString QuizView::resultText(int question, int chosen, std::optional<double> measured) const
{
    const Quiz::Question &q = m_quiz.questions[size_t(question)];
    const QString explanation = Quiz::pick(q.explanation, m_language).toHtmlEscaped();
    if (q.type == Quiz::Question::Type::Single || !measured) {
        const bool right = chosen == q.correctIndex();
        return (right ? tr("<b>Right.</b>")
                      : tr("<b>Not quite.</b> The answer is: %1.")
                                .arg(choiceText(question, q.correctIndex()).toHtmlEscaped()))
                + QLatin1Char(' ') + explanation;
    }
    const int shown = q.choiceFor(*measured);
    const QString value = QString::number(*measured, 'g', 4);
    QString text;
    if (shown < 0)
        text = tr("The run measured %1, which none of the choices covers.").arg(value);
    else if (shown == chosen)
        text = tr("<b>Your prediction was right:</b> the run measured %1 (%2).")
                       .arg(value, choiceText(question, shown).toHtmlEscaped());
    else
        text = tr("<b>The run measured %1</b> (%2); you predicted %3.")
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
    QWidget::changeEvent(event);
}

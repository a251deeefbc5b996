#include "lessonstrip.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

LessonStrip::LessonStrip(QWidget *parent)
    : QFrame(parent)
    , m_heading(new QLabel(this))
    , m_note(new QLabel(this))
    , m_toggle(new QToolButton(this))
{
    setObjectName(QStringLiteral("lessonStrip"));
    setFrameShape(QFrame::StyledPanel);
    m_heading->setObjectName(QStringLiteral("stripHeading"));
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_note->setObjectName(QStringLiteral("stripNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    m_toggle->setObjectName(QStringLiteral("stripToggle"));
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *texts = new QVBoxLayout;
    texts->setContentsMargins(0, 0, 0, 0);
    texts->addWidget(m_heading);
    texts->addWidget(m_note);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_toggle, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    connect(m_toggle, &QToolButton::toggled, this, [this](bool open) {
        retranslate();
        emit lessonOpenToggled(open);
    });
    retranslate();
}

void LessonStrip::setHeading(const QString &heading)
{
    m_heading->setText(heading);
}

void LessonStrip::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void LessonStrip::setLessonOpen(bool open)
{
    const QSignalBlocker blocker(m_toggle);
    m_toggle->setChecked(open);
    retranslate();
}

bool LessonStrip::isLessonOpen() const
{
    return m_toggle->isChecked();
}

void LessonStrip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

void LessonStrip::retranslate()
{
    m_toggle->setText(m_toggle->isChecked() ? tr("Hide lesson") : tr("Show lesson"));
    m_toggle->setToolTip(tr("The lesson's text beside the lab, or only this strip"));
}

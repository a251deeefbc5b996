#include "timepanel.h"

#include "trace/gate.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

TimePanel::TimePanel(Gate *gate, QWidget *parent)
    : QWidget(parent)
    , m_gate(gate)
    , m_pause(new QPushButton(this))
    , m_step(new QPushButton(this))
    , m_speed(new QComboBox(this))
    , m_reset(new QPushButton(this))
    , m_waiting(new QLabel(this))
{
    setObjectName(QStringLiteral("timePanel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pause);
    layout->addWidget(m_step);
    layout->addWidget(m_speed);
    layout->addWidget(m_reset);
    layout->addWidget(m_waiting, 1);
    m_pause->setCheckable(true);
    for (double speed : { 1.0, 0.5, 0.25, 0.1 })
        m_speed->addItem(QStringLiteral("×%1").arg(speed), speed);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_gate->setMode(paused ? Gate::Mode::Pause : Gate::Mode::Run);
        retranslate();
    });
    connect(m_step, &QPushButton::clicked, this, [this] { m_gate->step(m_stepTid); });
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { m_gate->setSpeed(m_speed->currentData().toDouble()); });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        m_pause->setChecked(false);
        emit resetRequested();
    });
    // Why queued: waitersChanged() is emitted on the worker thread that starts or stops waiting.
    connect(m_gate, &Gate::waitersChanged, this, &TimePanel::showWaiters, Qt::QueuedConnection);
    retranslate();
}

void TimePanel::setStepTarget(qint32 tid, const QString &who)
{
    m_stepTid = tid;
    m_stepWho = who;
    retranslate();
}

void TimePanel::showWaiters()
{
    const auto waiters = m_gate->waiters();
    const int count = int(waiters.size());
    if (m_gate->mode() != Gate::Mode::Pause)
        m_waiting->clear();
    else if (count == 1)
        m_waiting->setText(tr("1 thread waiting at the gate"));
    else
        m_waiting->setText(tr("%1 threads waiting at the gate").arg(count));
}

void TimePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TimePanel::retranslate()
{
    m_pause->setText(m_pause->isChecked() ? tr("Resume") : tr("Pause"));
    m_step->setText(m_stepTid ? tr("Step one call of %1").arg(m_stepWho) : tr("Step one call"));
    m_step->setEnabled(m_pause->isChecked());
    m_speed->setToolTip(tr("Slow motion: stretches the handlers' sleep and CPU work"));
    m_reset->setText(tr("Reset"));
    showWaiters();
}

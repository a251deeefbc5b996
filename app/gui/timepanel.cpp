#include "timepanel.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <algorithm>

TimePanel::TimePanel(Gate *gate, QWidget *parent)
    : QWidget(parent)
    , m_gate(gate)
    , m_pause(new QPushButton(this))
    , m_step(new QPushButton(this))
    , m_speed(new QComboBox(this))
    , m_reset(new QPushButton(this))
    , m_waiting(new QLabel(this))
    , m_pauseAction(new QAction(this))
    , m_stepAction(new QAction(this))
    , m_resetAction(new QAction(this))
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
    m_waiting->setObjectName(QStringLiteral("gateWaiters"));
    m_waiting->setWordWrap(true);
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_gate->setMode(paused ? Gate::Mode::Pause : Gate::Mode::Run);
        m_stepped = false;
        m_released.reset();
        retranslate();
    });
    connect(m_step, &QPushButton::clicked, this, &TimePanel::stepOnce);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { m_gate->setSpeed(m_speed->currentData().toDouble()); });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        m_pause->setChecked(false);
        emit resetRequested();
    });
    m_pauseAction->setCheckable(true);
    connect(m_pauseAction, &QAction::toggled, m_pause, &QPushButton::setChecked);
    connect(m_pause, &QPushButton::toggled, m_pauseAction, &QAction::setChecked);
    connect(m_stepAction, &QAction::triggered, m_step, &QPushButton::click);
    connect(m_resetAction, &QAction::triggered, m_reset, &QPushButton::click);
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

void TimePanel::setControlsVisible(bool visible)
{
    for (QWidget *control : QList<QWidget *>{ m_pause, m_step, m_speed, m_reset })
        control->setVisible(visible);
}

void TimePanel::stepOnce()
{
    m_released = m_gate->step(m_stepTid);
    m_grantTid = m_stepTid;
    m_stepped = true;
    showWaiters();
}

QString TimePanel::clientName(const Gate::Waiter &waiter, bool twin)
{
    // With two servers side by side, clients are numbered per server: "B · 3".
    return twin ? QStringLiteral("%1 · %2").arg(QChar(u'A' + waiter.origin)).arg(waiter.actorId)
                : QString::number(waiter.actorId);
}

QString TimePanel::releasedText(bool twin) const
{
    if (!m_released) {
        return m_grantTid ? tr("%1 was not waiting: its next call will go through.").arg(m_stepWho)
                          : tr("Nobody was waiting: the next call to arrive will go through.");
    }
    const Gate::Waiter &w = *m_released;
    const QString call = callName(w.call) + QStringLiteral("()");
    const QString server = twin ? QStringLiteral("%1 · ").arg(QChar(u'A' + w.origin)) : QString();
    switch (w.actor) {
    case Actor::Client:
        return tr("Released client %1: %2").arg(clientName(w, twin), call);
    case Actor::Server:
        return server + tr("Released server thread (tid %1): %2").arg(w.tid).arg(call);
    case Actor::Worker:
        return server + tr("Released worker %1 (tid %2): %3").arg(w.actorId).arg(w.tid).arg(call);
    case Actor::Child:
        return server + tr("Released child %1: %2").arg(w.actorId).arg(call);
    case Actor::None:
    case Actor::Probe:
        break;
    }
    return tr("Released thread (tid %1): %2").arg(w.tid).arg(call);
}

QString TimePanel::waitingText(const std::vector<Gate::Waiter> &waiters, bool twin)
{
    if (waiters.empty())
        return tr("Nobody is waiting at the gate.");
    // Grouped by server (when two run) and by who waits, each with the calls they wait to make.
    enum Kind { ServerThreads, Clients, Others };
    struct Group
    {
        quint16 origin = 0;
        Kind kind = Others;
        int count = 0;
        QStringList calls; // distinct, in order of arrival
    };
    std::vector<Group> groups;
    for (const Gate::Waiter &w : waiters) {
        const Kind kind = w.actor == Actor::Client ? Clients
                : w.actor == Actor::Server || w.actor == Actor::Worker || w.actor == Actor::Child
                ? ServerThreads
                : Others;
        const quint16 origin = twin ? w.origin : 0;
        auto group = std::find_if(groups.begin(), groups.end(), [&](const Group &g) {
            return g.origin == origin && g.kind == kind;
        });
        if (group == groups.end())
            group = groups.insert(groups.end(), Group{ origin, kind, 0, {} });
        ++group->count;
        const QString call = callName(w.call) + QStringLiteral("()");
        if (!group->calls.contains(call))
            group->calls << call;
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group &a, const Group &b) {
        return std::make_pair(a.origin, int(a.kind)) < std::make_pair(b.origin, int(b.kind));
    });
    QStringList parts;
    for (const Group &g : groups) {
        QStringList calls = g.calls.mid(0, kMaxCallsNamed);
        if (g.calls.size() > kMaxCallsNamed)
            calls << tr("+%n more", "", int(g.calls.size()) - kMaxCallsNamed);
        const QString callList = calls.join(tr(", ", "between items of a list"));
        QString part;
        switch (g.kind) {
        case ServerThreads:
            part = g.count == 1 ? tr("1 server thread (%1)").arg(callList)
                                : tr("%n server threads (%1)", "", g.count).arg(callList);
            break;
        case Clients:
            part = g.count == 1 ? tr("1 client (%1)").arg(callList)
                                : tr("%n clients (%1)", "", g.count).arg(callList);
            break;
        case Others:
            part = g.count == 1 ? tr("1 other thread (%1)").arg(callList)
                                : tr("%n other threads (%1)", "", g.count).arg(callList);
            break;
        }
        parts << (twin ? QStringLiteral("%1 · ").arg(QChar(u'A' + g.origin)) + part : part);
    }
    return tr("Waiting at the gate: %1").arg(parts.join(tr(", ", "between items of a list")));
}

void TimePanel::showWaiters()
{
    if (m_gate->mode() != Gate::Mode::Pause) {
        m_waiting->clear();
        return;
    }
    const auto waiters = m_gate->waiters();
    // Two servers side by side: the second one's threads and clients have origin 1.
    const bool twin = std::any_of(waiters.begin(), waiters.end(),
                                  [](const Gate::Waiter &w) { return w.origin != 0; })
            || (m_released && m_released->origin != 0);
    QStringList lines;
    // The chosen thread is named here, where the text wraps, not on the button: a long name
    // ("B · ThreadingTCPServer: server thread (tid 1234)") would push the row out of the lab.
    if (m_stepTid)
        lines << tr("Step releases only the next call of %1.").arg(m_stepWho);
    if (m_stepped)
        lines << releasedText(twin);
    lines << waitingText(waiters, twin);
    m_waiting->setText(lines.join(QLatin1Char('\n')));
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
    m_step->setText(tr("Step one call"));
    m_step->setEnabled(m_pause->isChecked());
    m_speed->setToolTip(tr("Slow motion: stretches the handlers' sleep and CPU work"));
    m_reset->setText(tr("Reset"));
    m_pauseAction->setText(m_pause->text());
    m_stepAction->setText(m_step->text());
    m_stepAction->setEnabled(m_step->isEnabled());
    m_resetAction->setText(m_reset->text());
    showWaiters();
}

#include "clientpanel.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

ClientPanel::ClientPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_form(new QFormLayout(this))
    , m_count(new QSpinBox(this))
    , m_every(new QSpinBox(this))
    , m_message(new QLineEdit(QStringLiteral("hello"), this))
    , m_timeout(new QDoubleSpinBox(this))
    , m_target(new QLineEdit(QStringLiteral("127.0.0.1:5007"), this))
    , m_addOne(new QPushButton(this))
    , m_addMany(new QPushButton(this))
    , m_kill(new QPushButton(this))
    , m_addManyAction(new QAction(this))
{
    setObjectName(QStringLiteral("clientPanel"));
    m_count->setRange(1, SwarmConfig::maxClients);
    m_count->setValue(8);
    m_every->setRange(0, 60000);
    m_every->setSuffix(QStringLiteral(" ms"));
    m_timeout->setRange(0.0, 300.0);
    m_timeout->setDecimals(1);
    m_timeout->setSuffix(QStringLiteral(" s"));
    for (QWidget *field : QList<QWidget *>{ m_count, m_every, m_message, m_timeout, m_target })
        m_form->addRow(new QLabel(this), field); // label texts are set in retranslate()
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addOne);
    buttons->addWidget(m_addMany);
    buttons->addWidget(m_kill);
    m_form->addRow(buttons);
    connect(m_addOne, &QPushButton::clicked, this, [this] { emit addRequested(1); });
    connect(m_addMany, &QPushButton::clicked, this,
            [this] { emit addRequested(m_count->value()); });
    connect(m_kill, &QPushButton::clicked, this, &ClientPanel::killRequested);
    connect(m_addManyAction, &QAction::triggered, m_addMany, &QPushButton::click);
    connect(m_count, &QSpinBox::valueChanged, this, &ClientPanel::retranslate);
    retranslate();
}

int ClientPanel::count() const
{
    return m_count->value();
}

SwarmConfig ClientPanel::config(int clients) const
{
    SwarmConfig config;
    config.clients = clients;
    if (m_every->value() > 0) {
        config.arrival = Arrival::Every;
        config.everyMs = m_every->value();
    }
    config.message = m_message->text().toUtf8();
    if (m_timeout->value() > 0.0)
        config.timeout = m_timeout->value();
    // Used only when no lab server runs: any host:port, loopback by default.
    const QString target = m_target->text().trimmed();
    const int colon = target.lastIndexOf(QLatin1Char(':'));
    QString host = target.left(colon);
    if (host.startsWith(QLatin1Char('['))) {
        host = host.mid(1, host.size() - 2);
        config.family = Family::Inet6;
    }
    config.host = host;
    config.port = quint16(target.mid(colon + 1).toUInt());
    return config;
}

void ClientPanel::setConfig(const SwarmConfig &config)
{
    m_count->setValue(qMax(1, config.clients));
    m_every->setValue(config.arrival == Arrival::Every ? config.everyMs : 0);
    m_message->setText(QString::fromUtf8(config.message));
    m_timeout->setValue(config.timeout.value_or(0.0));
}

void ClientPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void ClientPanel::retranslate()
{
    setTitle(tr("Clients"));
    const QStringList labels{ tr("How many"), tr("One every (0 = all at once)"), tr("Message"),
                              tr("Timeout (0 = none)"), tr("Target without a lab server") };
    for (int i = 0; i < labels.size(); ++i) {
        if (auto *label
            = qobject_cast<QLabel *>(m_form->itemAt(i, QFormLayout::LabelRole)->widget()))
            label->setText(labels[i]);
    }
    m_addOne->setText(tr("Add 1 client"));
    m_addMany->setText(tr("Add N clients"));
    m_kill->setText(tr("Kill all clients"));
    m_addManyAction->setText(m_count->value() == 1 ? tr("Add 1 client")
                                                   : tr("Add %n clients", "", m_count->value()));
}

#include "serverpanel.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

ServerPanel::ServerPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_form(new QFormLayout(this))
    , m_model(new QComboBox(this))
    , m_family(new QComboBox(this))
    , m_port(new QSpinBox(this))
    , m_backlog(new QSpinBox(this))
    , m_handler(new QComboBox(this))
    , m_compare(new QComboBox(this))
    , m_delay(new QDoubleSpinBox(this))
    , m_start(new QPushButton(this))
    , m_startAction(new QAction(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("serverPanel"));
    for (ServerModel model : { ServerModel::Blocking, ServerModel::Threading, ServerModel::Forking,
                               ServerModel::Udp, ServerModel::ThreadingUdp })
        m_model->addItem(ServerConfig::pythonClassName(model, Family::Inet), int(model));
    m_family->addItem(QStringLiteral("IPv4 (AF_INET)"), int(Family::Inet));
    m_family->addItem(QStringLiteral("IPv6 (AF_INET6)"), int(Family::Inet6));
    m_family->addItem(QStringLiteral("Unix (AF_UNIX)"), int(Family::Unix));
    m_port->setRange(0, 65535);
    m_backlog->setRange(0, 128);
    m_backlog->setValue(5); // socketserver.TCPServer.request_queue_size
    for (HandlerKind kind : { HandlerKind::Echo, HandlerKind::SleepEcho, HandlerKind::Cpu,
                              HandlerKind::SeedLoop, HandlerKind::SeedFixed })
        m_handler->addItem(QString(), int(kind));
    m_handler->setCurrentIndex(1);
    m_compare->addItem(QString(), -1);
    for (ServerModel model : { ServerModel::Blocking, ServerModel::Threading, ServerModel::Forking,
                               ServerModel::Udp, ServerModel::ThreadingUdp })
        m_compare->addItem(ServerConfig::pythonClassName(model, Family::Inet), int(model));
    m_delay->setRange(0.0, 10.0);
    m_delay->setDecimals(1);
    m_delay->setSingleStep(0.5);
    m_delay->setValue(2.0);
    m_delay->setSuffix(QStringLiteral(" s"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("serverStatus"));
    for (QWidget *field :
         QList<QWidget *>{ m_model, m_family, m_port, m_backlog, m_handler, m_delay, m_compare })
        m_form->addRow(new QLabel(this), field); // label texts are set in retranslate()
    m_form->addRow(m_start);
    m_form->addRow(m_status);
    connect(m_start, &QPushButton::clicked, this, [this] {
        m_state == Status::Listening ? emit stopRequested() : emit startRequested();
    });
    connect(m_startAction, &QAction::triggered, m_start, &QPushButton::click);
    retranslate();
}

ServerConfig ServerPanel::config() const
{
    ServerConfig config;
    config.model = ServerModel(m_model->currentData().toInt());
    config.family = Family(m_family->currentData().toInt());
    config.host
            = config.family == Family::Inet6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
    config.port = quint16(m_port->value());
    config.backlog = m_backlog->value();
    config.handler = HandlerKind(m_handler->currentData().toInt());
    config.delaySeconds = m_delay->value();
    return config;
}

std::optional<ServerConfig> ServerPanel::twinConfig() const
{
    const int model = m_compare->currentData().toInt();
    if (model < 0)
        return std::nullopt;
    ServerConfig twin = config();
    twin.model = ServerModel(model);
    twin.port = 0;
    return twin;
}

void ServerPanel::setConfig(const ServerConfig &config, const std::optional<ServerConfig> &twin)
{
    m_model->setCurrentIndex(m_model->findData(int(config.model)));
    m_family->setCurrentIndex(m_family->findData(int(config.family)));
    m_port->setValue(config.port);
    m_backlog->setValue(config.backlog);
    m_handler->setCurrentIndex(m_handler->findData(int(config.handler)));
    m_delay->setValue(config.delaySeconds);
    m_compare->setCurrentIndex(twin ? m_compare->findData(int(twin->model)) : 0);
}

void ServerPanel::setStatus(Status status, const QString &detail)
{
    m_state = status;
    m_detail = detail;
    for (QWidget *w :
         QList<QWidget *>{ m_model, m_family, m_port, m_backlog, m_handler, m_delay, m_compare })
        w->setEnabled(status != Status::Listening);
    retranslate();
}

void ServerPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void ServerPanel::retranslate()
{
    setTitle(tr("Server"));
    const QStringList labels{
        tr("Class"),   tr("Family"),        tr("Port (0 = any)"),           tr("Backlog"),
        tr("Handler"), tr("Handler delay"), tr("Compare side by side with")
    };
    for (int i = 0; i < labels.size(); ++i) {
        if (auto *label
            = qobject_cast<QLabel *>(m_form->itemAt(i, QFormLayout::LabelRole)->widget()))
            label->setText(labels[i]);
    }
    const QStringList handlers{ tr("echo"), tr("sleep, then echo"), tr("CPU work, then echo"),
                                tr("handout's loop (never ends)"), tr("handout's loop, fixed") };
    for (int i = 0; i < handlers.size(); ++i)
        m_handler->setItemText(i, handlers[i]);
    const bool running = m_state == Status::Listening;
    m_start->setText(running ? tr("Stop server") : tr("Start server"));
    m_startAction->setText(m_start->text());
    m_compare->setItemText(0, tr("nothing (one server)"));
    const ServerConfig c = config();
    switch (m_state) {
    case Status::Idle:
        m_status->clear();
        break;
    case Status::Listening:
        m_status->setText(tr("%1 listening on %2")
                                  .arg(ServerConfig::pythonClassName(c.model, c.family), m_detail));
        break;
    case Status::Stopped:
        m_status->setText(tr("Stopped."));
        break;
    case Status::Failed:
        m_status->setText(tr("Could not start: %1").arg(m_detail));
        break;
    }
}

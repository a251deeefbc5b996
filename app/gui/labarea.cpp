#include "labarea.h"

#include "acceptqueueview.h"
#include "clientpanel.h"
#include "labcontroller.h"
#include "serverpanel.h"
#include "timepanel.h"

#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QSysInfo>
#include <QVBoxLayout>

namespace {

// A sysctl read live from /proc; empty when this system has no such file.
QString readSysctl(const char *path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll()).trimmed();
}

} // namespace

LabArea::LabArea(QWidget *parent)
    : QGroupBox(parent)
    , m_controller(new LabController(this))
    , m_serverPanel(new ServerPanel(this))
    , m_clientPanel(new ClientPanel(this))
    , m_timePanel(new TimePanel(m_controller->gate(), this))
    , m_queueView(new AcceptQueueView(this))
    , m_message(new QLabel(this))
    , m_machine(new QLabel(this))
{
    setObjectName(QStringLiteral("labArea"));
    auto *layout = new QVBoxLayout(this);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_serverPanel);
    controls->addWidget(m_clientPanel);
    layout->addLayout(controls);
    layout->addWidget(m_timePanel);
    layout->addWidget(m_message);
    layout->addWidget(m_queueView, 1);
    layout->addWidget(m_machine);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("labMessage"));
    m_machine->setObjectName(QStringLiteral("labMachine"));
    m_machine->setWordWrap(true);
    m_machine->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_serverPanel, &ServerPanel::startRequested, this, &LabArea::startServer);
    connect(m_serverPanel, &ServerPanel::stopRequested, this, &LabArea::stopServer);
    connect(m_clientPanel, &ClientPanel::addRequested, this, &LabArea::addClients);
    connect(m_clientPanel, &ClientPanel::killRequested, m_controller, &LabController::killClients);
    connect(m_timePanel, &TimePanel::resetRequested, this, [this] {
        m_controller->reset();
        m_queueView->clear();
        m_serverPanel->setStatus(ServerPanel::Status::Idle);
        m_message->clear();
    });
    connect(m_controller, &LabController::frame, this,
            [this](const std::vector<Event> &, const ProbeSample &sample) {
                const Server *server = m_controller->server();
                m_queueView->setSample(sample, server && !server->config().isStream());
            });
    retranslate();
}

LabArea::~LabArea() = default;

void LabArea::startServer()
{
    QString error;
    if (!m_controller->startServer(m_serverPanel->config(), &error)) {
        m_serverPanel->setStatus(ServerPanel::Status::Failed, error);
        return;
    }
    m_serverPanel->setStatus(ServerPanel::Status::Listening,
                             m_controller->server()->address().toString());
}

void LabArea::stopServer()
{
    m_controller->stopServer();
    m_serverPanel->setStatus(ServerPanel::Status::Stopped);
}

void LabArea::addClients(int clients)
{
    QString error;
    if (!m_controller->addClients(m_clientPanel->config(clients), &error))
        m_message->setText(tr("Could not start the clients: %1").arg(error));
    else
        m_message->clear();
}

void LabArea::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void LabArea::retranslate()
{
    setTitle(tr("Lab"));
    const QString somaxconn = readSysctl("/proc/sys/net/core/somaxconn");
    m_machine->setText(tr("Kernel: %1 %2 · net.core.somaxconn = %3")
                               .arg(QSysInfo::kernelType(), QSysInfo::kernelVersion(),
                                    somaxconn.isEmpty() ? tr("not available") : somaxconn));
}

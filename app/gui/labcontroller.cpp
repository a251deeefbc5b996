#include "labcontroller.h"

#include "trace/clock.h"

LabController::LabController(QObject *parent) : QObject(parent), m_hub(1 << 18)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &LabController::tick);
    m_startNs = Clock::nowNs();
}

LabController::~LabController()
{
    m_timer.stop();
    m_probe.reset();
    m_swarms.clear(); // stops and joins every client thread
    m_server.reset(); // stops and joins the server's threads and children
}

bool LabController::startServer(const ServerConfig &config, QString *error)
{
    stopServer();
    m_server = Server::create(config, &m_hub, &m_gate);
    if (!m_server->start(error)) {
        m_server.reset();
        return false;
    }
    restartProbe();
    m_timer.start();
    emit serverStateChanged(true);
    return true;
}

void LabController::stopServer()
{
    if (!m_server)
        return;
    m_probe.reset();
    m_server->stop();
    m_server.reset();
    tick(); // the last events of the stop
    emit serverStateChanged(false);
}

bool LabController::addClients(const SwarmConfig &config, QString *error)
{
    SwarmConfig swarmConfig = config;
    if (m_server) {
        const Address address = m_server->address();
        swarmConfig.family = address.family();
        swarmConfig.host = address.host();
        swarmConfig.port = address.port();
        swarmConfig.unixPath = address.path();
        swarmConfig.datagram = !m_server->config().isStream();
    }
    swarmConfig.firstId = m_nextClientBase + 1;
    auto swarm = std::make_unique<ClientSwarm>(swarmConfig, &m_hub, &m_gate);
    if (!swarm->start(error))
        return false;
    m_nextClientBase += quint32(qMax(swarmConfig.clients, 0));
    m_swarms.push_back(std::move(swarm));
    restartProbe();
    m_timer.start();
    return true;
}

void LabController::killClients()
{
    for (const auto &swarm : m_swarms)
        swarm->stop();
    tick();
}

int LabController::clientCount() const
{
    int count = 0;
    for (const auto &swarm : m_swarms)
        count += swarm->launched();
    return count;
}

void LabController::reset()
{
    m_timer.stop();
    m_gate.setMode(Gate::Mode::Run);
    m_probe.reset();
    m_swarms.clear();
    if (m_server) {
        m_server->stop();
        m_server.reset();
        emit serverStateChanged(false);
    }
    m_hub.drain(m_batch);
    m_sample = {};
    m_nextClientBase = 0;
    m_startNs = Clock::nowNs();
}

void LabController::restartProbe()
{
    // The probe needs a TCP port or a Unix path to watch, and our clients for their stages.
    ProbeTarget target;
    if (m_server) {
        const Address address = m_server->address();
        target.family = address.family();
        target.port = address.port();
        target.path = address.path();
        target.ownListenerFd = m_server->config().isStream() ? m_server->listenerFd() : -1;
    } else if (!m_swarms.empty()) {
        const SwarmConfig &c = m_swarms.back()->config();
        target.family = c.family;
        target.port = c.port;
        target.path = c.unixPath;
    } else {
        return;
    }
    // Why a copy of the swarm list: the probe thread calls this while the GUI thread may add a
    // swarm; each ClientSwarm::liveSockets() is itself thread-safe.
    std::vector<ClientSwarm *> swarms;
    for (const auto &swarm : m_swarms)
        swarms.push_back(swarm.get());
    target.clients = [swarms] {
        std::vector<ClientSwarm::LiveSocket> all;
        for (ClientSwarm *swarm : swarms) {
            const auto live = swarm->liveSockets();
            all.insert(all.end(), live.begin(), live.end());
        }
        return all;
    };
    m_probe = std::make_unique<KernelProbe>(target);
    m_probe->start(20);
}

void LabController::tick()
{
    m_hub.drain(m_batch);
    if (m_probe)
        m_sample = m_probe->latest();
    emit frame(m_batch, m_sample);
}

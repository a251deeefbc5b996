#include "labcontroller.h"

LabController::LabController(QObject *parent) : QObject(parent), m_hub(1 << 18)
{
    m_timer.setInterval(33);
    connect(&m_timer, &QTimer::timeout, this, &LabController::tick);
}

LabController::~LabController()
{
    m_timer.stop();
    m_probe.reset();
    m_twinProbe.reset();
    m_swarms.clear(); // stops and joins every client thread
    m_server.reset(); // stops and joins the server's threads and children
    m_twin.reset();
}

bool LabController::startServer(const ServerConfig &config, QString *error,
                                const std::optional<ServerConfig> &twin)
{
    stopServer();
    m_servedBeforeStop[0] = m_servedBeforeStop[1] = 0;
    ServerConfig first = config;
    first.origin = 0;
    m_server = Server::create(first, &m_hub, &m_gate);
    if (!m_server->start(error)) {
        m_server.reset();
        return false;
    }
    if (twin) {
        ServerConfig second = *twin;
        second.origin = 1;
        second.port = 0; // its own port, whatever the first one uses
        m_twin = Server::create(second, &m_hub, &m_gate);
        if (!m_twin->start(error)) {
            m_twin.reset();
            m_server->stop();
            m_server.reset();
            return false;
        }
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
    m_twinProbe.reset();
    m_server->stop();
    m_servedBeforeStop[0] = m_server->connectionsServed();
    m_server.reset();
    if (m_twin) {
        m_twin->stop();
        m_servedBeforeStop[1] = m_twin->connectionsServed();
        m_twin.reset();
    }
    tick(); // the last events of the stop
    m_sample.reset(); // no listener any more: nothing of its port is shown as current
    m_twinSample.reset();
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
    swarmConfig.origin = 0;
    auto swarm = std::make_unique<ClientSwarm>(swarmConfig, &m_hub, &m_gate);
    if (!swarm->start(error))
        return false;
    if (m_twin) {
        // The same burst against the twin, started in the same instant, numbered the same.
        SwarmConfig twinConfig = swarmConfig;
        const Address address = m_twin->address();
        twinConfig.family = address.family();
        twinConfig.host = address.host();
        twinConfig.port = address.port();
        twinConfig.unixPath = address.path();
        twinConfig.datagram = !m_twin->config().isStream();
        twinConfig.origin = 1;
        auto twinSwarm = std::make_unique<ClientSwarm>(twinConfig, &m_hub, &m_gate);
        if (!twinSwarm->start(error))
            return false;
        m_swarms.push_back(std::move(twinSwarm));
    }
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

std::vector<ClientOutcome> LabController::outcomes() const
{
    std::vector<ClientOutcome> all;
    for (const auto &swarm : m_swarms) {
        const std::vector<ClientOutcome> some = swarm->outcomes();
        all.insert(all.end(), some.begin(), some.end());
    }
    return all;
}

quint64 LabController::served(quint16 origin) const
{
    const Server *running = origin == 0 ? m_server.get() : m_twin.get();
    if (running)
        return running->connectionsServed();
    return origin < 2 ? m_servedBeforeStop[origin] : 0;
}

int LabController::clientCount() const
{
    int count = 0;
    for (const auto &swarm : m_swarms)
        count += swarm->launched();
    return count;
}

int LabController::finishedClientCount() const
{
    int count = 0;
    for (const auto &swarm : m_swarms)
        count += swarm->finished();
    return count;
}

void LabController::reset()
{
    m_timer.stop();
    m_gate.setMode(Gate::Mode::Run);
    m_probe.reset();
    m_twinProbe.reset();
    m_swarms.clear();
    if (m_twin) {
        m_twin->stop();
        m_twin.reset();
    }
    if (m_server) {
        m_server->stop();
        m_server.reset();
        emit serverStateChanged(false);
    }
    m_twinSample.reset();
    m_hub.drain(m_batch);
    m_sample.reset();
    m_nextClientBase = 0;
}

std::unique_ptr<KernelProbe> LabController::probeFor(const Server *server, quint16 origin) const
{
    // The probe needs a TCP port or a Unix path to watch, and our clients for their stages.
    ProbeTarget target;
    if (server) {
        const Address address = server->address();
        target.family = address.family();
        target.port = address.port();
        target.path = address.path();
        target.ownListenerFd = server->listenerFd(); // TCP_INFO, or SO_RCVBUF for UDP
        target.datagram = !server->config().isStream();
    } else if (!m_swarms.empty()) {
        const SwarmConfig &c = m_swarms.back()->config();
        target.family = c.family;
        target.port = c.port;
        target.path = c.unixPath;
        target.datagram = c.datagram;
    } else {
        return nullptr;
    }
    // Why a copy of the swarm list: the probe thread calls this while the GUI thread may add a
    // swarm; each ClientSwarm::liveSockets() is itself thread-safe.
    std::vector<ClientSwarm *> swarms;
    for (const auto &swarm : m_swarms) {
        if (swarm->config().origin == origin)
            swarms.push_back(swarm.get());
    }
    target.clients = [swarms] {
        std::vector<ClientSwarm::LiveSocket> all;
        for (ClientSwarm *swarm : swarms) {
            const auto live = swarm->liveSockets();
            all.insert(all.end(), live.begin(), live.end());
        }
        return all;
    };
    auto probe = std::make_unique<KernelProbe>(target);
    probe->start(20);
    return probe;
}

void LabController::restartProbe()
{
    m_probe = probeFor(m_server.get(), 0);
    m_twinProbe = m_twin ? probeFor(m_twin.get(), 1) : nullptr;
}

void LabController::tick()
{
    m_hub.drain(m_batch);
    if (m_probe)
        m_sample = m_probe->latestShared();
    if (m_twinProbe)
        m_twinSample = m_twinProbe->latestShared();
    emit frame(m_batch, latestSample(), latestTwinSample());
}

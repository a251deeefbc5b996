#pragma once

#include "client/clientswarm.h"
#include "probe/kernelprobe.h"
#include "server/server.h"
#include "trace/eventhub.h"
#include "trace/gate.h"

#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

// The engine of a LabSession: the servers, the client swarms, the kernel probe, the hub and the
// gate. It knows nothing of runs, clocks or models; LabSession does.
// Worker threads only push events; once per frame (33 ms) the GUI thread drains the hub and the
// probe's newest sample and hands both on in one signal — never one signal per socket event.
class LabController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabController)

public:
    explicit LabController(QObject *parent = nullptr);
    ~LabController() override;

    // With a twin, a second server (origin 1) runs beside the first on its own port, and every
    // client burst goes to both at once: the side-by-side comparison.
    bool startServer(const ServerConfig &config, QString *error,
                     const std::optional<ServerConfig> &twin = std::nullopt);
    void stopServer();
    bool isServerRunning() const { return m_server && m_server->isRunning(); }
    const Server *server() const { return m_server.get(); }
    const Server *twin() const { return m_twin.get(); }

    // Clients against the running server (or config's own target when no server runs).
    bool addClients(const SwarmConfig &config, QString *error);
    void killClients();
    // Every client's outcome so far, all swarms, by swarm then client id.
    std::vector<ClientOutcome> outcomes() const;
    // Connections origin's server has served, also after it stopped (0 before it started).
    quint64 served(quint16 origin) const;
    // socketlab-cli without --events records nothing: the hub then ignores every event.
    void setEventsEnabled(bool enabled) { m_hub.setEnabled(enabled); }
    int clientCount() const;
    int finishedClientCount() const; // clients of every swarm that have ended, one way or another
    void flush() { tick(); } // hand on what the hub holds now, without waiting for the frame

    void reset(); // stop everything and forget the run
    Gate *gate() { return &m_gate; }
    const ProbeSample &latestSample() const { return m_sample ? *m_sample : kNoSample; }
    const ProbeSample &latestTwinSample() const { return m_twinSample ? *m_twinSample : kNoSample; }
    quint64 droppedEvents() const { return m_hub.dropped(); }

signals:
    // One frame's worth: every event since the last frame and the newest probe sample.
    void frame(const std::vector<Event> &events, const ProbeSample &sample,
               const ProbeSample &twinSample);
    void serverStateChanged(bool running);

private:
    void tick();
    void restartProbe();
    std::unique_ptr<KernelProbe> probeFor(const Server *server, quint16 origin) const;

    EventHub m_hub;
    Gate m_gate;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<Server> m_twin;
    std::unique_ptr<KernelProbe> m_twinProbe;
    // The probes' latest samples, shared with them (null: none). Never changed once published.
    std::shared_ptr<const ProbeSample> m_twinSample;
    static inline const ProbeSample kNoSample{};
    std::vector<std::unique_ptr<ClientSwarm>> m_swarms;
    std::unique_ptr<KernelProbe> m_probe;
    std::shared_ptr<const ProbeSample> m_sample;
    std::vector<Event> m_batch;
    QTimer m_timer;
    quint32 m_nextClientBase = 0;
    quint64 m_servedBeforeStop[2] = { 0, 0 }; // what the last stopped servers had served
};

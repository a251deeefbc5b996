#pragma once

#include <QtGlobal>

class LabSession;

// What `serve` and `swarm` print of their LabSession as JSON lines: every event of each frame
// (with --events; without it the session records none) and, with --probe, the newest kernel
// sample once every 200 ms. The command's loop calls poll() after letting the session's frames run.
class SessionPrinter final
{
public:
    SessionPrinter(LabSession *session, bool events, bool probe);
    void poll(); // the events went out with their frame; this prints the probe line when due

private:
    LabSession *m_session;
    bool m_probe;
    quint64 m_printedSample = 0;
    qint64 m_nextProbeNs = 0;
};

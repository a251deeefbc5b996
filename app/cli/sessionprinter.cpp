#include "sessionprinter.h"

#include "clicommon.h"
#include "lab/labsession.h"
#include "probejson.h"
#include "trace/clock.h"

#include <QCoreApplication>

SessionPrinter::SessionPrinter(LabSession *session, bool events, bool probe)
    : m_session(session), m_probe(probe)
{
    session->controller()->setEventsEnabled(events);
    QObject::connect(session, &LabSession::eventsApplied, [](const std::vector<Event> &batch) {
        CliCommon::printEvents(batch, LabSession::labEpochNs); // t: seconds of the run
    });
}

void SessionPrinter::poll()
{
    QCoreApplication::processEvents(); // the session's frames: events drained and printed
    const ProbeSample &sample = m_session->controller()->latestSample();
    if (!m_probe || sample.sequence == m_printedSample || Clock::nowNs() < m_nextProbeNs)
        return;
    m_printedSample = sample.sequence;
    CliCommon::printLine(ProbeJson::toJson(sample, m_session->clock().startNs()));
    m_nextProbeNs = Clock::nowNs() + 200'000'000;
}

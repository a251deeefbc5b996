#include "probejson.h"

#include "trace/clock.h"

#include <QJsonArray>

QJsonObject ProbeJson::toJson(const ProbeSample &s, qint64 startNs)
{
    QJsonObject stages;
    for (int i = 0; i < int(ClientStage::Unknown); ++i)
        stages.insert(ProbeSample::stageKey(ClientStage(i)), s.stageCounts[i]);
    QJsonObject line{ { QStringLiteral("event"), QStringLiteral("probe") },
                      { QStringLiteral("t"), Clock::seconds(s.ns - startNs) },
                      { QStringLiteral("available"), s.queue.available },
                      { QStringLiteral("listening"), s.queue.listening },
                      { QStringLiteral("queue"), s.queue.queue },
                      { QStringLiteral("cap"), s.queue.cap },
                      { QStringLiteral("drops"), s.queue.overflows },
                      { QStringLiteral("listen_drops"), s.queue.drops },
                      { QStringLiteral("source"), s.queue.source },
                      { QStringLiteral("stages"), stages },
                      { QStringLiteral("ss"), s.ss } };
    if (!s.queue.error.isEmpty())
        line.insert(QStringLiteral("error"), s.queue.error);
    if (!s.clients.empty()) {
        QJsonArray clients;
        for (const ClientProbe &c : s.clients) {
            QJsonObject client{ { QStringLiteral("id"), qint64(c.id) },
                                { QStringLiteral("stage"), ProbeSample::stageKey(c.stage) } };
            if (c.stage == ClientStage::Connecting) {
                client.insert(QStringLiteral("syn_retransmits"), c.synRetransmits);
                if (c.nextRetryMs >= 0)
                    client.insert(QStringLiteral("next_retry_ms"), c.nextRetryMs);
            }
            clients.append(client);
        }
        line.insert(QStringLiteral("clients"), clients);
    }
    return line;
}

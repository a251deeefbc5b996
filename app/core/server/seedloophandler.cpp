#include "seedloophandler.h"

#include "server/handlerwork.h"
#include "server/socketexception.h"

void SeedLoopHandler::handle(Request &request)
{
    const double cpuStart = HandlerWork::threadCpuSeconds();
    qint64 emptyReads = 0;
    for (;;) {
        request.tracer.record(Call::Message, Phase::Info, 0, 0, 0); // print("NEW:", …)
        SocketError error;
        const QByteArray data = request.socket->recv(1024, &error);
        SocketException::check(error);
        if (m_variant == Fixed) {
            if (data.isEmpty())
                return;
            SocketException::check(request.socket->sendAll(data));
            continue;
        }
        request.socket->send(data, &error); // send(), not sendall(): may send only part
        SocketException::check(error);
        if (data.isEmpty()) {
            ++emptyReads;
            if (request.emptyRecvs)
                request.emptyRecvs->fetch_add(1, std::memory_order_relaxed);
            if (HandlerWork::threadCpuSeconds() - cpuStart >= request.config->seedLoopCpuCap
                || request.stopping()) {
                // The cap is ours, not the handout's: report it, then end this connection.
                request.tracer.record(Call::Message, Phase::Error, emptyReads, 0, 0);
                return;
            }
        }
    }
}

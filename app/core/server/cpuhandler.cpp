#include "cpuhandler.h"

#include "server/handlerwork.h"

void CpuHandler::handle(Request &request)
{
    if (!request.config->isStream()) {
        HandlerWork::burnCpu(request, request.config->delaySeconds);
        HandlerWork::reply(request, request.datagram);
        return;
    }
    for (;;) {
        const QByteArray data = HandlerWork::read(request);
        if (data.isEmpty())
            return;
        HandlerWork::burnCpu(request, request.config->delaySeconds);
        HandlerWork::reply(request, data);
    }
}

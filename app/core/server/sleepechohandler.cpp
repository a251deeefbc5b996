#include "sleepechohandler.h"

#include "server/handlerwork.h"

void SleepEchoHandler::handle(Request &request)
{
    if (!request.config->isStream()) {
        HandlerWork::sleep(request, request.config->delaySeconds);
        HandlerWork::reply(request, request.datagram);
        return;
    }
    for (;;) {
        const QByteArray data = HandlerWork::read(request);
        if (data.isEmpty())
            return;
        HandlerWork::sleep(request, request.config->delaySeconds);
        HandlerWork::reply(request, data);
    }
}

#include "echohandler.h"

#include "server/handlerwork.h"

void EchoHandler::handle(Request &request)
{
    if (!request.config->isStream()) {
        HandlerWork::reply(request, request.datagram);
        return;
    }
    for (;;) {
        const QByteArray data = HandlerWork::read(request);
        if (data.isEmpty())
            return; // b"": the client closed its side
        HandlerWork::reply(request, data);
    }
}

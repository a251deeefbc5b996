#include "blockingserver.h"

void BlockingServer::serveForever()
{
    serveStream(); // BaseServer.process_request(): each connection served on this thread
}

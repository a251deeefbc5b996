#include "blockingserver.h"

#include <cerrno>
#include <ctime>

void BlockingServer::serveForever()
{
    while (!stopping()) {
        Address peer;
        SocketError error;
        Socket connection = m_listener.accept(&peer, &error);
        if (error) {
            if (stopping())
                break;
            if (error.code == EMFILE || error.code == ENFILE) {
                // Out of descriptors: the connection stays queued; try again shortly.
                timespec pause{ 0, 100'000'000 };
                ::nanosleep(&pause, nullptr);
            }
            continue;
        }
        const quint32 id = nextConnectionId();
        registerConnection(id, connection.fileno());
        connectionStarted();
        serveConnection(connection, peer, tracerFor(Actor::Server, 0, id));
        connectionDone();
    }
}

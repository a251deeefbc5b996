#pragma once

#include "server/request.h"

#include <memory>

// socketserver.BaseRequestHandler: a new instance per request; setup(), handle(), finish().
// A handler reports failure by throwing (SocketException for socket errors): the server then
// records handle_error and goes on with the next request, as Python's BaseServer does.
class Handler
{
public:
    virtual ~Handler() = default;
    virtual void setup(Request &) { }
    virtual void handle(Request &request) = 0;
    virtual void finish(Request &) { }

    // One instance of the handler the configuration names (or its factory's).
    static std::unique_ptr<Handler> create(const ServerConfig &config);
    // Runs setup → handle → finish with an event around each, as BaseRequestHandler.__init__
    // does; exceptions become a handle_error event. Returns false when the request failed.
    static bool run(Handler &handler, Request &request);
};

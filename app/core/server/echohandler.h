#pragma once

#include "server/handler.h"

// Echoes every message back until the client closes (a StreamRequestHandler loop); datagram servers
// echo the one datagram.
class EchoHandler final : public Handler
{
public:
    void handle(Request &request) override;
};

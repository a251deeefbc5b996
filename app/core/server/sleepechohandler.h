#pragma once

#include "server/handler.h"

// Like EchoHandler, but sleeps the handler delay before each reply: blocking made visible.
class SleepEchoHandler final : public Handler
{
public:
    void handle(Request &request) override;
};

#pragma once

#include "server/handler.h"

// Burns the handler delay in CPU time before each reply, optionally behind the simulated GIL:
// CPU-bound work for the processes-vs-threads lesson.
class CpuHandler final : public Handler
{
public:
    void handle(Request &request) override;
};

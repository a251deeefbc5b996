#include "handler.h"

#include "server/cpuhandler.h"
#include "server/echohandler.h"
#include "server/seedloophandler.h"
#include "server/sleepechohandler.h"
#include "server/socketexception.h"

#include <cerrno>

std::unique_ptr<Handler> Handler::create(const ServerConfig &config)
{
    if (config.handlerFactory)
        return config.handlerFactory();
    switch (config.handler) {
    case HandlerKind::Echo:
        return std::make_unique<EchoHandler>();
    case HandlerKind::SleepEcho:
        return std::make_unique<SleepEchoHandler>();
    case HandlerKind::Cpu:
        return std::make_unique<CpuHandler>();
    case HandlerKind::SeedLoop:
        return std::make_unique<SeedLoopHandler>(SeedLoopHandler::AsWritten);
    case HandlerKind::SeedFixed:
        return std::make_unique<SeedLoopHandler>(SeedLoopHandler::Fixed);
    }
    return std::make_unique<EchoHandler>();
}

namespace {

// One traced step: passes the gate, records enter, runs, records return or error.
template<typename Step> void traced(const Tracer &tracer, Call call, Step step)
{
    if (!tracer.pass(call))
        throw SocketException(SocketError::fromErrno(call, ECANCELED));
    tracer.record(call, Phase::Enter);
    try {
        step();
    } catch (const SocketException &e) {
        tracer.record(call, Phase::Error, -1, e.error().code);
        throw;
    } catch (...) {
        tracer.record(call, Phase::Error, -1, 0);
        throw;
    }
    tracer.record(call, Phase::Return);
}

} // namespace

bool Handler::run(Handler &handler, Request &request)
{
    const Tracer &tracer = request.tracer;
    try {
        traced(tracer, Call::Setup, [&] { handler.setup(request); });
        // Python: try: self.handle() finally: self.finish()
        try {
            traced(tracer, Call::Handle, [&] { handler.handle(request); });
        } catch (...) {
            if (!request.stopping())
                traced(tracer, Call::Finish, [&] { handler.finish(request); });
            throw;
        }
        traced(tracer, Call::Finish, [&] { handler.finish(request); });
        return true;
    } catch (const SocketException &e) {
        if (e.error().code != ECANCELED) // a stop is not the handler's failure
            tracer.record(Call::HandleError, Phase::Info, -1, e.error().code);
    } catch (const std::exception &) {
        tracer.record(Call::HandleError, Phase::Info, -1, 0);
    }
    return false;
}

#include "handlerwork.h"

#include "server/gil.h"
#include "server/socketexception.h"
#include "trace/gate.h"

#include <cerrno>
#include <ctime>

namespace {

// Without a gate: sleep in 10 ms slices so that a stop is noticed quickly.
bool sleepSliced(qint64 ns, const Request &request)
{
    const qint64 slice = 10'000'000;
    for (qint64 left = ns; left > 0; left -= slice) {
        if (request.stopping())
            return false;
        const qint64 now = qMin(left, slice);
        timespec ts{ time_t(now / 1'000'000'000), long(now % 1'000'000'000) };
        while (::nanosleep(&ts, &ts) < 0 && errno == EINTR) { }
    }
    return !request.stopping();
}

} // namespace

QByteArray HandlerWork::read(Request &request)
{
    if (!request.socket)
        return {};
    if (!request.config->isStream())
        return request.datagram;
    SocketError error;
    const QByteArray data = request.socket->recv(request.config->maxMessage, &error);
    SocketException::check(error);
    return data;
}

void HandlerWork::reply(Request &request, const QByteArray &data)
{
    if (request.config->isStream()) {
        SocketException::check(request.socket->sendAll(data));
        return;
    }
    SocketError error;
    request.socket->sendTo(data, request.clientAddress, &error);
    SocketException::check(error);
}

void HandlerWork::sleep(Request &request, double seconds)
{
    const Tracer &tracer = request.tracer;
    if (!tracer.pass(Call::Sleep))
        throw SocketException(SocketError::fromErrno(Call::Sleep, ECANCELED));
    const qint64 ns = qint64(seconds * 1e9);
    tracer.record(Call::Sleep, Phase::Enter, ns);
    const bool finished = request.gate ? request.gate->sleepScaled(ns, request.stop)
                                       : sleepSliced(qint64(double(ns) / request.speed), request);
    tracer.record(Call::Sleep, Phase::Return, finished ? 0 : -1);
    if (!finished)
        throw SocketException(SocketError::fromErrno(Call::Sleep, ECANCELED));
}

double HandlerWork::threadCpuSeconds()
{
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

namespace {

// Spins for about `seconds` of this thread's CPU time, or until a stop.
void spin(double seconds, const Request &request)
{
    const double until = HandlerWork::threadCpuSeconds() + seconds;
    volatile quint64 sink = 0;
    while (HandlerWork::threadCpuSeconds() < until && !request.stopping()) {
        for (int i = 0; i < 20000; ++i)
            sink = sink * 6364136223846793005ULL + 1442695040888963407ULL;
    }
}

} // namespace

void HandlerWork::burnCpu(Request &request, double seconds)
{
    const Tracer &tracer = request.tracer;
    if (!tracer.pass(Call::Cpu))
        throw SocketException(SocketError::fromErrno(Call::Cpu, ECANCELED));
    const double speed = request.gate ? request.gate->speed() : request.speed;
    const double total = seconds / (speed > 0.0 ? speed : 1.0);
    tracer.record(Call::Cpu, Phase::Enter, qint64(total * 1e9));
    constexpr double switchInterval = 0.005; // sys.getswitchinterval()
    double done = 0.0;
    // Work stands still while the lab is paused: checked between slices of at most 10 ms.
    while (done < total && !request.stopping()) {
        if (request.gate && !request.gate->holdWhilePaused(request.stop))
            break;
        const double slice = request.config->gil ? qMin(switchInterval, total - done)
                : request.gate                   ? qMin(0.01, total - done)
                                                 : total;
        if (request.config->gil && request.gil) {
            tracer.record(Call::GilWait, Phase::Enter);
            request.gil->acquire();
            tracer.record(Call::GilWait, Phase::Return);
            spin(slice, request);
            request.gil->release();
        } else {
            spin(slice, request);
        }
        done += slice;
    }
    tracer.record(Call::Cpu, Phase::Return, request.stopping() ? -1 : 0);
    if (request.stopping())
        throw SocketException(SocketError::fromErrno(Call::Cpu, ECANCELED));
}

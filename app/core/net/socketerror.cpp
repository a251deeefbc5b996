#include "socketerror.h"

#include <cerrno>
#include <cstring>

namespace {

// strerror() may share a buffer between threads; strerrordesc_np() (glibc 2.32) never does.
QString describe(int code)
{
    const char *text = strerrordesc_np(code);
    return text ? QString::fromLatin1(text) : QStringLiteral("Unknown error %1").arg(code);
}

} // namespace

QString SocketError::exceptionName() const
{
    if (code == 0)
        return {};
    if (timedOut)
        return QStringLiteral("TimeoutError");
    return pythonExceptionName(code);
}

QString SocketError::errnoName() const
{
    return code ? ::errnoName(code) : QString();
}

QString SocketError::message() const
{
    if (code == 0)
        return {};
    if (timedOut)
        return QStringLiteral("TimeoutError: timed out");
    if (code == ECANCELED)
        return QStringLiteral("stopped before %1()").arg(callName(call));
    return QStringLiteral("%1: [Errno %2] %3").arg(exceptionName()).arg(code).arg(describe(code));
}

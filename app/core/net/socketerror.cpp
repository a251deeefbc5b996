#include "socketerror.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstring>

namespace {

// strerror() may share a buffer between threads; strerrordesc_np() (glibc 2.32) never does.
QString describe(int code)
{
    const char *text = strerrordesc_np(code);
    return text ? QString::fromLatin1(text) : QStringLiteral("Unknown error %1").arg(code);
}

// glibc's strerror() words for the errnos a lab meets, marked for translation.
const char *labSentence(int code)
{
    switch (code) {
    case EADDRINUSE:
        return QT_TRANSLATE_NOOP("SocketError", "Address already in use");
    case EADDRNOTAVAIL:
        return QT_TRANSLATE_NOOP("SocketError", "Cannot assign requested address");
    case EACCES:
        return QT_TRANSLATE_NOOP("SocketError", "Permission denied");
    case ECONNREFUSED:
        return QT_TRANSLATE_NOOP("SocketError", "Connection refused");
    case ETIMEDOUT:
        return QT_TRANSLATE_NOOP("SocketError", "Connection timed out");
    case ECONNRESET:
        return QT_TRANSLATE_NOOP("SocketError", "Connection reset by peer");
    case ECONNABORTED:
        return QT_TRANSLATE_NOOP("SocketError", "Software caused connection abort");
    case EPIPE:
        return QT_TRANSLATE_NOOP("SocketError", "Broken pipe");
    case EAGAIN:
        return QT_TRANSLATE_NOOP("SocketError", "Resource temporarily unavailable");
    case EINPROGRESS:
        return QT_TRANSLATE_NOOP("SocketError", "Operation now in progress");
    case ENOENT:
        return QT_TRANSLATE_NOOP("SocketError", "No such file or directory");
    case EMFILE:
        return QT_TRANSLATE_NOOP("SocketError", "Too many open files");
    case ENAMETOOLONG:
        return QT_TRANSLATE_NOOP("SocketError", "File name too long");
    case EINVAL:
        return QT_TRANSLATE_NOOP("SocketError", "Invalid argument");
    case ECANCELED:
        return QT_TRANSLATE_NOOP("SocketError", "Operation canceled");
    case ENOTCONN:
        return QT_TRANSLATE_NOOP("SocketError", "Transport endpoint is not connected");
    case ENETUNREACH:
        return QT_TRANSLATE_NOOP("SocketError", "Network is unreachable");
    case EHOSTUNREACH:
        return QT_TRANSLATE_NOOP("SocketError", "No route to host");
    case EBADF:
        return QT_TRANSLATE_NOOP("SocketError", "Bad file descriptor");
    default:
        return nullptr;
    }
}

} // namespace

QString SocketError::sentence(int code)
{
    if (const char *source = labSentence(code))
        return QCoreApplication::translate("SocketError", source);
    return describe(code);
}

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
    if (timedOut) {
        //: After "TimeoutError: ", Python's message for a settimeout() deadline
        return QStringLiteral("TimeoutError: ")
                + QCoreApplication::translate("SocketError", "timed out");
    }
    if (code == ECANCELED)
        return QCoreApplication::translate("SocketError", "stopped before %1()")
                .arg(callName(call));
    return QStringLiteral("%1: [Errno %2] %3").arg(exceptionName()).arg(code).arg(sentence(code));
}

#pragma once

#include "net/socketerror.h"

#include <stdexcept>

// A failed socket call inside a handler, thrown the way Python raises OSError subclasses.
class SocketException : public std::runtime_error
{
public:
    explicit SocketException(const SocketError &error)
        : std::runtime_error("socket call failed"), m_error(error) // no QString work: fork-safe
    { }
    const SocketError &error() const { return m_error; }

    // Throws when error is set; the common "call, then raise" step of every handler.
    static void check(const SocketError &error)
    {
        if (error)
            throw SocketException(error);
    }

private:
    SocketError m_error;
};

#pragma once

#include <QStringList>

// `socketlab-cli serve`: one lab server, headless. Prints {"event":"listening",…} with the real
// port first, then (with --events) one JSON line per event; stops on SIGINT/SIGTERM or after
// --duration seconds and prints {"event":"stopped",…}.
class ServeCommand final
{
public:
    static int run(const QStringList &arguments);
};

#pragma once

#include <QStringList>

// `socketlab-cli swarm`: N real clients against any host:port or Unix path. One JSON line per
// client as it finishes, then a summary line. Exit 0 when every client got its echo back.
class SwarmCommand final
{
public:
    static int run(const QStringList &arguments);
};

#pragma once

#include <QStringList>

// `socketlab-cli observe --port P`: the kernel's view of any listener (ours or not), one JSON
// line per sample: queue, cap, overflow counters, stages, and the equivalent ss command.
class ObserveCommand final
{
public:
    static int run(const QStringList &arguments);
};

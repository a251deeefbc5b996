#pragma once

#include "model/connectionmodel.h"

#include <QString>
#include <algorithm>
#include <vector>

// Figures the lab benchmarks share.
namespace BenchFigures {

// The p-quantile (0 … 1) of values, nearest rank; 0 for none.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

// Clients of the model whose result is no longer "pending".
inline int finishedClients(const ConnectionModel &model)
{
    int done = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString result = model.index(row, 0).data(ConnectionModel::ResultRole).toString();
        done += result != QLatin1String("pending");
    }
    return done;
}

} // namespace BenchFigures

#include "model/stagemodel.h"

struct StageModel::Private
{
};

StageModel::StageModel(QObject *parent) : QObject(parent), d(std::make_unique<Private>()) { }

StageModel::~StageModel() = default;

void StageModel::setServers(const std::vector<ServerConfig> &) { }

void StageModel::applyEvents(const std::vector<Event> &) { }

void StageModel::applyProbe(const ProbeSample &, quint16, qint64) { }

void StageModel::clear() { }

void StageModel::publish() { }

const StageServer *StageModel::server(quint16 origin) const
{
    for (const StageServer &s : m_servers)
        if (s.origin == origin)
            return &s;
    return nullptr;
}

std::optional<StageToken> StageModel::token(quint16, quint32) const
{
    return std::nullopt;
}

QString StageModel::placeKey(StageToken::Place)
{
    return {};
}

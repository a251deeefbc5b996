#include "model/stagemodel.h"

#include "model/threadlanemodel.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace {

using Place = StageToken::Place;

bool connectReturned(const Event &e)
{
    return e.actor == Actor::Client && e.phase == Phase::Return
            && (e.call == Call::Connect || (e.call == Call::ConnectEx && e.result == 0));
}

bool isFinalPlace(Place place)
{
    return place == Place::Done || place == Place::Failed;
}

bool same(const StageToken &a, const StageToken &b)
{
    return a.origin == b.origin && a.client == b.client && a.place == b.place && a.slot == b.slot
            && a.synRetries == b.synRetries && a.nextRetryMs == b.nextRetryMs
            && a.clientStage == b.clientStage && a.sinceNs == b.sinceNs;
}

bool same(const StageWorker &a, const StageWorker &b)
{
    return a.origin == b.origin && a.actor == b.actor && a.actorId == b.actorId && a.pid == b.pid
            && a.tid == b.tid && a.call == b.call && a.callArg == b.callArg
            && a.sinceNs == b.sinceNs && a.connection == b.connection && a.client == b.client
            && a.exited == b.exited;
}

template<typename T> bool sameList(const std::vector<T> &a, const std::vector<T> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const T &x, const T &y) { return same(x, y); });
}

bool same(const StageServer &a, const StageServer &b)
{
    return a.origin == b.origin && a.label == b.label && a.model == b.model && a.stream == b.stream
            && a.backlog == b.backlog && a.slotCount == b.slotCount && a.queued == b.queued
            && a.listening == b.listening && a.sampleNs == b.sampleNs
            && sameList(a.tokens, b.tokens) && sameList(a.workers, b.workers);
}

} // namespace

struct StageModel::Private
{
    struct Token
    {
        ClientTrack track;
        Place place = Place::Waiting;
        qint64 sinceNs = 0;
        qint64 queueNs = 0; // AcceptQueue: its order there (see StageToken::slot)
        qint64 eventNs = 0; // its last event that placed it: a kernel sample before it is stale
        qint64 kernelNs = 0; // the last kernel sample that placed it
        int synRetries = 0;
        int nextRetryMs = -1;
        quint32 connection = 0; // the server-side connection, once its port tied it
        bool accepted = false; // accept() returned it, or the kernel says a process holds it
    };
    struct Open
    {
        Call call = Call::None;
        qint64 ns = 0;
        qint64 arg = 0;
    };
    struct Worker
    {
        StageWorker shown; // everything but call, callArg, sinceNs and client
        std::vector<Open> calls; // entered, not yet returned: the innermost last
        qint64 idleNs = 0; // when it returned from its last call
        size_t order = 0; // when it was first seen, for a stable order among equals
    };
    struct Server
    {
        StageServer shown; // settings and the kernel's figures; the lists are built by publish()
        Family family = Family::Inet;
        std::map<quint32, Token> tokens; // by client number
        std::vector<Worker> workers; // in the order they appeared
        std::map<std::pair<qint32, qint32>, size_t> workerIndex; // newest worker per (pid, tid)
        size_t workersSeen = 0;
        std::unordered_map<quint16, quint32> clientByPort; // connect()'s own port -> client
        std::unordered_map<quint16, quint32> connectionByPort; // accept()'s peer port -> conn
        std::unordered_map<quint32, quint32> clientByConnection;
        int inQueue = 0; // tokens in AcceptQueue
        quint64 sampleSequence = 0; // the last sample applied
        bool sampled = false;
    };

    std::vector<Server> servers;
    bool dirty = false;

    Server *find(quint16 origin) { return origin < servers.size() ? &servers[origin] : nullptr; }
    void setPlace(Server &s, Token &t, Place place, qint64 ns);
    void placeConnected(Server &s, Token &t, qint64 ns);
    void settle(Server &s, Token &t, qint64 ns);
    void tie(Server &s, Token &t, quint32 connection, qint64 ns);
    void clientEvent(Server &s, const Event &e);
    void serverEvent(Server &s, const Event &e);
    Worker *workerFor(Server &s, const Event &e);
    void applyCall(Worker &w, const Event &e);
    void refine(Server &s, Token &t, const ClientProbe &probe, qint64 ns);
    StageServer build(const Server &s) const;
};

void StageModel::Private::setPlace(Server &s, Token &t, Place place, qint64 ns)
{
    if (t.place == place || isFinalPlace(t.place))
        return;
    if (t.place == Place::AcceptQueue)
        --s.inQueue;
    if (place == Place::AcceptQueue) {
        ++s.inQueue;
        t.queueNs = std::max(ns, t.track.connectedNs);
    }
    t.place = place;
    t.sinceNs = ns;
    dirty = true;
}

void StageModel::Private::placeConnected(Server &s, Token &t, qint64 ns)
{
    // connect() returned: the handshake is complete on the client's side. Until a kernel sample
    // read after this says where the server has it, it is in the accept queue if the queue has
    // room; a full queue drops the final ACK (Linux), and so does this guess. An AF_UNIX
    // connect() returns only once its connection is queued.
    const bool room
            = s.shown.slotCount == 0 || s.inQueue < s.shown.slotCount || s.family == Family::Unix;
    setPlace(s, t, room ? Place::AcceptQueue : Place::AckDropped, ns);
}

void StageModel::Private::settle(Server &s, Token &t, qint64 ns)
{
    // Done: it got its echo and closed. Failed: refused, timed out, reset or stopped (as soon as
    // the failing call says so, before its close()).
    using Result = ClientOutcome::Result;
    const Result result = t.track.result;
    if (result == Result::Ok && t.track.isFinished())
        setPlace(s, t, Place::Done, ns);
    else if (result != Result::Pending && result != Result::Ok)
        setPlace(s, t, Place::Failed, ns);
}

void StageModel::Private::tie(Server &s, Token &t, quint32 connection, qint64 ns)
{
    t.connection = connection;
    s.clientByConnection[connection] = t.track.id;
    t.accepted = true;
    setPlace(s, t, Place::Worker, ns);
    dirty = true;
}

void StageModel::Private::clientEvent(Server &s, const Event &e)
{
    const auto found = s.tokens.find(e.connection);
    Token &t = found != s.tokens.end() ? found->second : s.tokens[e.connection];
    if (found == s.tokens.end()) {
        t.track.origin = e.origin;
        t.track.id = e.connection;
        t.sinceNs = e.ns;
    }
    t.track.apply(e);
    dirty = true;
    if (isFinalPlace(t.place))
        return;
    if ((e.call == Call::Connect || e.call == Call::ConnectEx) && e.phase == Phase::Enter) {
        t.eventNs = e.ns;
        if (!t.accepted && t.place == Place::Waiting)
            setPlace(s, t, Place::SynSent, e.ns);
    } else if (connectReturned(e)) {
        t.eventNs = e.ns;
        if (!t.accepted && (t.place == Place::Waiting || t.place == Place::SynSent))
            placeConnected(s, t, e.ns);
        else if (t.place == Place::AcceptQueue)
            t.queueNs = std::max(t.queueNs, e.ns);
        if (e.port != 0) {
            s.clientByPort[e.port] = t.track.id;
            const auto accepted = s.connectionByPort.find(e.port);
            if (accepted != s.connectionByPort.end()) {
                tie(s, t, accepted->second, e.ns);
                s.connectionByPort.erase(accepted);
            }
        }
    } else if (s.shown.stream && !t.accepted && t.track.stage == ClientTrack::Stage::Served) {
        t.accepted = true; // its reply came: the server had accepted it
        setPlace(s, t, Place::Worker, e.ns);
    }
    settle(s, t, e.ns);
}

StageModel::Private::Worker *StageModel::Private::workerFor(Server &s, const Event &e)
{
    const std::pair<qint32, qint32> key{ e.pid, e.tid };
    const auto found = s.workerIndex.find(key);
    Worker *known = found == s.workerIndex.end() ? nullptr : &s.workers[found->second];
    const bool fresh = e.call == Call::ThreadStart
            || (e.call == Call::ServeForever && e.phase == Phase::Enter);
    // One that ended is never revived: a new thread that got the same tid is a new worker.
    if (known && !(fresh && known->shown.exited))
        return known;
    if (!ThreadLaneModel::startsLane(e)) // the same threads the lanes show
        return known;
    Worker w;
    w.shown.origin = e.origin;
    w.shown.actor = e.actor;
    w.shown.actorId = e.actorId;
    w.shown.pid = e.pid;
    w.shown.tid = e.tid;
    w.idleNs = e.ns;
    w.order = s.workersSeen++;
    s.workers.push_back(w);
    s.workerIndex[key] = s.workers.size() - 1;
    return &s.workers.back();
}

void StageModel::Private::applyCall(Worker &w, const Event &e)
{
    w.shown.connection = e.connection;
    switch (e.phase) {
    case Phase::Enter:
        if (e.call != Call::ServeForever)
            w.calls.push_back({ e.call, e.ns, e.call == Call::Sleep ? e.result : 0 });
        return;
    case Phase::Return:
    case Phase::Error:
        for (auto it = w.calls.rbegin(); it != w.calls.rend(); ++it) {
            if (it->call == e.call) {
                w.calls.erase(std::prev(it.base()), w.calls.end());
                w.idleNs = e.ns;
                return;
            }
        }
        if (e.call == Call::ServeForever) {
            w.shown.exited = true;
            w.calls.clear();
            w.idleNs = e.ns;
        }
        return;
    case Phase::Info:
        if (e.call == Call::ThreadExit) {
            w.shown.exited = true;
            w.calls.clear();
            w.idleNs = e.ns;
        }
        return;
    }
}

void StageModel::Private::serverEvent(Server &s, const Event &e)
{
    if (e.actor == Actor::Server && e.call == Call::Accept && e.phase == Phase::Return
        && e.port != 0 && e.connection != 0) {
        const auto client = s.clientByPort.find(e.port);
        const auto token
                = client == s.clientByPort.end() ? s.tokens.end() : s.tokens.find(client->second);
        if (token != s.tokens.end()) {
            tie(s, token->second, e.connection, e.ns);
            s.clientByPort.erase(client);
        } else {
            s.connectionByPort[e.port] = e.connection; // its connect() has not returned yet
        }
    }
    if (e.actor == Actor::Server && e.call == Call::Reap) {
        // waitpid() returned the child's pid; the child's only thread has tid == pid.
        const auto child = s.workerIndex.find({ qint32(e.result), qint32(e.result) });
        if (child != s.workerIndex.end()) {
            Worker &w = s.workers[child->second];
            w.shown.exited = true;
            w.calls.clear();
            w.idleNs = e.ns;
            dirty = true;
        }
        return;
    }
    if (Worker *w = workerFor(s, e)) {
        applyCall(*w, e);
        dirty = true;
    }
}

void StageModel::Private::refine(Server &s, Token &t, const ClientProbe &probe, qint64 ns)
{
    // The kernel only says where a client waits; what the events said (accept() returned, the
    // reply came, it ended) stands, and a sample read before the client's last connect event
    // says nothing about where that event put it.
    if (t.accepted || isFinalPlace(t.place) || ns < t.kernelNs || ns < t.eventNs)
        return;
    const ClientTrack::Stage stage = t.track.stage;
    if (stage != ClientTrack::Stage::Created && !t.track.isRefinable())
        return;
    const bool returned = t.track.connectedNs != 0;
    switch (probe.stage) {
    case ClientStage::Connecting:
        if (returned)
            return; // SYN_SENT read before connect() returned, in the same lab instant
        if (t.synRetries != probe.synRetransmits || t.nextRetryMs != probe.nextRetryMs)
            dirty = true;
        t.synRetries = probe.synRetransmits;
        t.nextRetryMs = probe.nextRetryMs;
        setPlace(s, t, Place::SynSent, ns);
        break;
    case ClientStage::HandshakeNotQueued:
        setPlace(s, t, Place::SynQueue, ns);
        break;
    case ClientStage::AckDropped:
        setPlace(s, t, Place::AckDropped, ns);
        break;
    case ClientStage::Queued:
        setPlace(s, t, Place::AcceptQueue, ns);
        break;
    case ClientStage::Accepted:
        t.accepted = true;
        setPlace(s, t, Place::Worker, ns);
        break;
    case ClientStage::Closing:
    case ClientStage::Unknown:
        return;
    }
    t.kernelNs = ns;
}

StageServer StageModel::Private::build(const Server &s) const
{
    StageServer out = s.shown;
    // Workers: the accept thread first, then workers or children by number.
    std::vector<const Worker *> order;
    order.reserve(s.workers.size());
    for (const Worker &w : s.workers)
        order.push_back(&w);
    std::sort(order.begin(), order.end(), [](const Worker *a, const Worker *b) {
        const bool aAccept = a->shown.actor == Actor::Server;
        const bool bAccept = b->shown.actor == Actor::Server;
        if (aAccept != bAccept)
            return aAccept;
        if (a->shown.actorId != b->shown.actorId)
            return a->shown.actorId < b->shown.actorId;
        return a->order < b->order;
    });
    std::unordered_map<quint32, int> holder; // connection -> index in out.workers
    int acceptThread = -1;
    out.workers.reserve(order.size());
    for (const Worker *w : order) {
        StageWorker shown = w->shown;
        if (!w->calls.empty()) {
            shown.call = w->calls.back().call;
            shown.callArg = w->calls.back().arg;
            shown.sinceNs = w->calls.back().ns;
        } else {
            shown.sinceNs = w->idleNs;
        }
        if (shown.connection != 0) {
            const auto client = s.clientByConnection.find(shown.connection);
            shown.client = client == s.clientByConnection.end() ? 0 : client->second;
        }
        const int index = int(out.workers.size());
        if (shown.actor == Actor::Server && acceptThread < 0 && !shown.exited)
            acceptThread = index;
        // A worker or child holds its connection rather than the accept thread that handed it
        // over: they come later in this list and win.
        if (!shown.exited && shown.connection != 0)
            holder[shown.connection] = index;
        out.workers.push_back(shown);
    }
    const bool acceptThreadFree = acceptThread >= 0
            && (out.workers[size_t(acceptThread)].client == 0
                || out.workers[size_t(acceptThread)].connection == 0);

    out.tokens.reserve(s.tokens.size());
    std::vector<std::pair<qint64, size_t>> queue; // (its order in the queue, index)
    int inPlace[int(Place::Failed) + 1] = {};
    for (const auto &[id, t] : s.tokens) {
        StageToken k;
        k.origin = s.shown.origin;
        k.client = id;
        k.place = t.place;
        k.synRetries = t.synRetries;
        k.nextRetryMs = t.place == Place::SynSent ? t.nextRetryMs : -1;
        k.clientStage = t.track.stage;
        k.sinceNs = t.sinceNs;
        if (t.place == Place::Worker) {
            const auto held = t.connection ? holder.find(t.connection) : holder.end();
            if (held != holder.end())
                k.slot = held->second;
            else if (t.connection == 0 && s.shown.model == ServerModel::Blocking
                     && acceptThreadFree)
                k.slot = acceptThread; // TCPServer's one thread serves whatever it accepted
            else
                k.slot = -1;
        } else if (t.place == Place::AcceptQueue) {
            queue.emplace_back(t.queueNs, out.tokens.size());
        } else {
            k.slot = inPlace[int(t.place)]++;
        }
        out.tokens.push_back(k);
    }
    std::stable_sort(queue.begin(), queue.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (size_t i = 0; i < queue.size(); ++i)
        out.tokens[queue[i].second].slot = int(i);
    return out;
}

StageModel::StageModel(QObject *parent) : QObject(parent), d(std::make_unique<Private>()) { }

StageModel::~StageModel() = default;

void StageModel::setServers(const std::vector<ServerConfig> &servers)
{
    d->servers.clear();
    for (size_t i = 0; i < servers.size(); ++i) {
        const ServerConfig &c = servers[i];
        Private::Server s;
        s.shown.origin = quint16(i);
        const QString name = ServerConfig::pythonClassName(c.model, c.family);
        s.shown.label = servers.size() > 1
                ? QStringLiteral("%1 · %2").arg(QChar(u'A' + int(i))).arg(name)
                : name;
        s.shown.model = c.model;
        s.shown.stream = c.isStream();
        s.shown.backlog = c.backlog;
        s.family = c.family;
        d->servers.push_back(std::move(s));
    }
    d->dirty = true;
    publish();
}

void StageModel::applyEvents(const std::vector<Event> &labEvents)
{
    for (const Event &e : labEvents) {
        Private::Server *s = d->find(e.origin);
        if (!s)
            continue;
        if (e.call == Call::ServerClose) {
            // server_close(): the listener closes right after; the kernel's last reading of its
            // queue no longer holds (and the probe has no newer one for a closed port).
            StageServer &shown = s->shown;
            if (shown.listening || shown.slotCount != 0 || shown.queued != 0)
                d->dirty = true;
            shown.listening = false;
            shown.slotCount = 0;
            shown.queued = 0;
            // Closing a listener resets the connections still in its accept queue (the kernel
            // sends each an RST): they are not waiting for an accept() any more, whether or not
            // their clients have read the reset yet (a paused lab holds them).
            for (auto &entry : s->tokens) {
                Private::Token &t = entry.second;
                if (!t.accepted && t.place == StageToken::Place::AcceptQueue)
                    d->setPlace(*s, t, StageToken::Place::Failed, e.ns);
            }
        }
        if (e.actor == Actor::Client)
            d->clientEvent(*s, e);
        else if (e.actor == Actor::Server || e.actor == Actor::Worker || e.actor == Actor::Child)
            d->serverEvent(*s, e);
    }
}

void StageModel::applyProbe(const ProbeSample &sample, quint16 origin, qint64 ns)
{
    Private::Server *s = d->find(origin);
    if (!s)
        return;
    if (sample.ns == 0) { // none yet, or the listener is gone: nothing of its queue is known
        if (s->shown.listening || s->shown.slotCount != 0 || s->shown.queued != 0)
            d->dirty = true;
        s->shown.listening = false;
        s->shown.slotCount = 0;
        s->shown.queued = 0;
        return;
    }
    if (ns < s->shown.sampleNs)
        return; // older than the one applied
    if (s->sampled && sample.sequence == s->sampleSequence && ns == s->shown.sampleNs)
        return; // the same sample again (frames come faster than the probe)
    s->sampled = true;
    s->sampleSequence = sample.sequence;
    StageServer &shown = s->shown;
    const bool listening = sample.queue.listening;
    const int slotCount = listening && shown.stream ? sample.queue.cap + 1 : 0;
    const int queued = listening ? sample.queue.queue : 0;
    if (shown.listening != listening || shown.slotCount != slotCount || shown.queued != queued)
        d->dirty = true;
    shown.listening = listening;
    shown.slotCount = slotCount;
    shown.queued = queued;
    shown.sampleNs = ns;
    for (const ClientProbe &probe : sample.clients) {
        const auto token = s->tokens.find(probe.id);
        if (token == s->tokens.end())
            continue; // no event of it yet: the stage never shows it ahead of its events
        if (token->second.track.applyKernel(probe, ns))
            d->dirty = true;
        d->refine(*s, token->second, probe, ns);
    }
}

void StageModel::clear(qint64 runStartNs)
{
    for (Private::Server &s : d->servers) {
        s.tokens.clear();
        s.clientByPort.clear();
        s.connectionByPort.clear();
        s.clientByConnection.clear();
        s.inQueue = 0;
        s.sampled = false;
        s.shown.sampleNs = 0; // the new run's clock starts again; the queue's figures stay
        s.workers.erase(std::remove_if(s.workers.begin(), s.workers.end(),
                                       [](const Private::Worker &w) { return w.shown.exited; }),
                        s.workers.end());
        s.workerIndex.clear();
        for (size_t i = 0; i < s.workers.size(); ++i) {
            Private::Worker &w = s.workers[i];
            w.shown.connection = 0;
            if (runStartNs != 0) {
                for (Private::Open &open : w.calls)
                    open.ns = runStartNs;
                w.idleNs = runStartNs;
            }
            s.workerIndex[{ w.shown.pid, w.shown.tid }] = i;
        }
    }
    d->dirty = true;
    publish();
}

void StageModel::publish()
{
    if (!d->dirty)
        return;
    d->dirty = false;
    std::vector<StageServer> next;
    next.reserve(d->servers.size());
    for (const Private::Server &s : d->servers)
        next.push_back(d->build(s));
    const bool changedNow = next.size() != m_servers.size()
            || !std::equal(next.begin(), next.end(), m_servers.begin(),
                           [](const StageServer &a, const StageServer &b) { return same(a, b); });
    if (!changedNow)
        return;
    m_servers.swap(next);
    emit changed();
}

const StageServer *StageModel::server(quint16 origin) const
{
    for (const StageServer &s : m_servers)
        if (s.origin == origin)
            return &s;
    return nullptr;
}

std::optional<StageToken> StageModel::token(quint16 origin, quint32 client) const
{
    const StageServer *s = server(origin);
    if (!s)
        return std::nullopt;
    // Tokens are in client-number order.
    const auto found
            = std::lower_bound(s->tokens.begin(), s->tokens.end(), client,
                               [](const StageToken &t, quint32 id) { return t.client < id; });
    if (found == s->tokens.end() || found->client != client)
        return std::nullopt;
    return *found;
}

QString StageModel::placeKey(StageToken::Place place)
{
    switch (place) {
    case Place::Waiting:
        return QStringLiteral("waiting");
    case Place::SynSent:
        return QStringLiteral("syn-sent");
    case Place::SynQueue:
        return QStringLiteral("syn-queue");
    case Place::AckDropped:
        return QStringLiteral("ack-dropped");
    case Place::AcceptQueue:
        return QStringLiteral("accept-queue");
    case Place::Worker:
        return QStringLiteral("worker");
    case Place::Done:
        return QStringLiteral("done");
    case Place::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

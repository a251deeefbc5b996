#include "server.h"

#include "server/blockingserver.h"
#include "server/datagramserver.h"
#include "server/forkingserver.h"
#include "server/handler.h"
#include "server/request.h"
#include "server/threadingserver.h"
#include "trace/gate.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <cerrno>
#include <ctime>
#include <netinet/in.h>
#include <sys/socket.h>

Server::Server(const ServerConfig &config, EventHub *hub, Gate *gate)
    : m_config(config), m_hub(hub), m_gate(gate)
{ }

Server::~Server()
{
    stop();
}

std::unique_ptr<Server> Server::create(const ServerConfig &config, EventHub *hub, Gate *gate)
{
    switch (config.model) {
    case ServerModel::Blocking:
        return std::make_unique<BlockingServer>(config, hub, gate);
    case ServerModel::Threading:
        return std::make_unique<ThreadingServer>(config, hub, gate);
    case ServerModel::Forking:
        return std::make_unique<ForkingServer>(config, hub, gate);
    case ServerModel::Udp:
    case ServerModel::ThreadingUdp:
        return std::make_unique<DatagramServer>(config, hub, gate);
    }
    return nullptr;
}

Tracer Server::tracerFor(Actor actor, quint32 actorId, quint32 connection) const
{
    Tracer tracer;
    tracer.hub = m_hub;
    tracer.gate = m_gate;
    tracer.stop = &m_stop;
    tracer.origin = m_config.origin;
    tracer.actor = actor;
    tracer.actorId = actorId;
    tracer.connection = connection;
    return tracer;
}

bool Server::start(QString *error)
{
    if (m_running) {
        *error = QCoreApplication::translate("Server", "the server is already running");
        return false;
    }
    const QString invalid = m_config.validate();
    if (!invalid.isEmpty()) {
        *error = invalid;
        return false;
    }
    m_stop = false;
    if (!openListener(error)) {
        m_listener.close();
        m_unixDir.reset();
        return false;
    }
    m_running = true;
    m_thread = LoadThread([this] {
        const Tracer tracer = tracerFor(Actor::Server, 0, 0);
        tracer.record(Call::ServeForever, Phase::Enter);
        serveForever();
        tracer.record(Call::ServeForever, Phase::Return);
    });
    return true;
}

bool Server::openListener(QString *error)
{
    QString path = m_config.unixPath;
    if (m_config.family == Family::Unix && path.isEmpty()) {
        // A private folder (mkdtemp: mode 0700) so no other user can connect or replace the file.
        m_unixDir = std::make_unique<QTemporaryDir>(QDir::tempPath()
                                                    + QStringLiteral("/socketlab-XXXXXX"));
        if (!m_unixDir->isValid()) {
            *error = QCoreApplication::translate(
                             "Server", "cannot create a private folder for the Unix socket: %1")
                             .arg(m_unixDir->errorString());
            return false;
        }
        path = m_unixDir->filePath(QStringLiteral("server.sock"));
    }
    QString addressError;
    const std::optional<Address> address
            = Address::make(m_config.family, m_config.host, m_config.port, path, &addressError);
    if (!address) {
        *error = addressError;
        return false;
    }
    const Tracer tracer = tracerFor(Actor::Server, 0, 0);
    SocketError failure;
    m_listener = Socket::create(m_config.family, m_config.isStream() ? SOCK_STREAM : SOCK_DGRAM,
                                &failure, tracer);
    if (!failure && m_config.isStream() && m_config.family != Family::Unix)
        failure = m_listener.setOption(SOL_SOCKET, SO_REUSEADDR, 1);
    if (!failure)
        failure = m_listener.bind(*address);
    if (!failure && m_config.isStream())
        failure = m_listener.listen(m_config.backlog);
    if (failure) {
        //: %1 a socket call, %2 the address, %3 Python's error: "OSError: [Errno 98] …"
        *error = QCoreApplication::translate("Server", "%1() on %2 failed: %3")
                         .arg(callName(failure.call), address->toString(), failure.message());
        return false;
    }
    m_address = m_listener.sockName();
    return true;
}

void Server::stop()
{
    if (!m_running)
        return;
    m_stop.store(true, std::memory_order_release);
    if (m_gate)
        m_gate->wakeAll(); // threads waiting at the gate re-check the stop flag
    // close() would not wake a thread blocked in accept()/recvfrom(); shutdown() does (EINVAL or
    // 0).
    ::shutdown(m_listener.fileno(), SHUT_RDWR);
    shutdownConnections();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_room.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
    stopWorkers();
    tracerFor(Actor::Server, 0, 0).record(Call::ServerClose, Phase::Info);
    m_listener.close();
    if (m_config.family == Family::Unix && !m_address.path().isEmpty()
        && !m_address.path().startsWith(QLatin1Char('@')))
        QFile::remove(m_address.path());
    m_unixDir.reset();
    m_running = false;
}

int Server::activeConnections() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_active;
}

void Server::registerConnection(quint32 id, int fd)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_connections[id] = fd;
    if (stopping())
        ::shutdown(fd, SHUT_RDWR); // a stop raced with this accept: wake it at once
}

void Server::unregisterConnection(quint32 id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_connections.erase(id);
}

void Server::shutdownConnections()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const auto &entry : m_connections)
        ::shutdown(entry.second, SHUT_RDWR);
}

void Server::serveStream()
{
    while (!stopping()) {
        serviceActions();
        if (!waitForRoom())
            break;
        Address peer;
        SocketError error;
        // Only this thread numbers connections: the id is known before accept() returns, so its
        // Return event carries it (with the peer's port) and ties the client to its connection.
        const quint32 id = m_lastConnection.load(std::memory_order_relaxed) + 1;
        Socket connection = m_listener.accept(&peer, &error, id);
        if (error) {
            if (stopping())
                break;
            if (error.code == EMFILE || error.code == ENFILE) {
                // Out of descriptors: the connection stays queued; try again shortly.
                timespec pause{ 0, 100'000'000 };
                ::nanosleep(&pause, nullptr);
            }
            continue;
        }
        m_lastConnection.store(id, std::memory_order_relaxed);
        connectionStarted();
        if (!processRequest(std::move(connection), peer, id))
            break;
    }
}

bool Server::processRequest(Socket connection, const Address &peer, quint32 id)
{
    // TCPServer: finish_request() and shutdown_request() right here, on the server thread.
    registerConnection(id, connection.fileno());
    serveConnection(connection, peer, tracerFor(Actor::Server, 0, id));
    connectionDone();
    return true;
}

bool Server::waitForRoom()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_room.wait(lock, [this] {
        return stopping() || m_config.maxConnections <= 0 || m_active < m_config.maxConnections;
    });
    return !stopping();
}

void Server::connectionStarted()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_active;
}

void Server::connectionDone()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        --m_active;
    }
    ++m_served;
    m_room.notify_all();
}

void Server::serveConnection(Socket &connection, const Address &peer, const Tracer &tracer)
{
    connection.setTracer(tracer);
    Request request;
    request.socket = &connection;
    request.tracer = tracer;
    request.clientAddress = peer;
    request.config = &m_config;
    request.gate = m_gate;
    request.stop = &m_stop;
    request.gil = &m_gil;
    request.emptyRecvs = &m_emptyRecvs;
    const std::unique_ptr<Handler> handler = Handler::create(m_config);
    Handler::run(*handler, request);
    unregisterConnection(tracer.connection);
    // shutdown_request(): SHUT_WR tells the client we are done, then close.
    connection.shutdown(SHUT_WR);
    connection.close();
}

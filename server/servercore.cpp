// SPDX-License-Identifier: MIT
#include "servercore.h"

#include "graphqlhttphandler.h"
#include "legacywssession.h"
#include "listener.h"
#include "parallelsender.h"
#include "seedsession.h"
#include "transportwssession.h"
#include "subscriptionregistry.h"

#include <QDateTime>

#include <algorithm>
#include <QLoggingCategory>
#include <QThread>
#include <QWebSocket>

namespace Subscriptor {

Q_LOGGING_CATEGORY(lcServer, "subscriptor.server")

ServerCore::ServerCore(QObject *parent)
    : QObject(parent), m_registry(std::make_unique<PubSub::SubscriptionRegistry>()),
      m_sender(std::make_unique<Transport::ParallelSender>(Transport::ParallelSender::helpersFor(QThread::idealThreadCount())))
{
    m_sweepTimer.setInterval(SweepIntervalMs / SweepSlices);
    connect(&m_sweepTimer, &QTimer::timeout, this, &ServerCore::sweep);
}

ServerCore::~ServerCore()
{
    // Sessions hold subscriptions that point into the registry: end them first, those that have
    // finished and wait for their deferred delete too (they are no longer in m_sessions).
    const auto sessions = findChildren<Transport::WebSocketSession *>(Qt::FindDirectChildrenOnly);
    m_sessions.clear();
    m_channels.clear();
    qDeleteAll(sessions);
    m_listener.reset();
}

bool ServerCore::start(const ServerConfig &config, QString *error)
{
    // A start after a stop() is a new run: its WebSockets are welcome, and it can be stopped again.
    m_stopping = false;
    m_stopped = false;
    // The old listener refers to the old handler: it goes first.
    m_listener.reset();
    m_config = config;
    m_config.backend.seedSubscription = [this](const Api::SeedSubscriptionRequest &request) {
        return handleSeedSubscription(request);
    };
    if (!m_backend.open(m_config.backend, error))
        return false;
    connect(&m_backend.feed(), &Model::ChangeFeed::changes, m_registry.get(), &PubSub::SubscriptionRegistry::publish);
    connect(&m_backend.feed(), &Model::ChangeFeed::changes, this, &ServerCore::flushQueued);
    connect(&m_backend.feed(), &Model::ChangeFeed::changes, this, &ServerCore::recordLatencies);
    m_http = std::make_unique<Transport::GraphQLHttpHandler>(m_backend.graphql(), m_config.path.toUtf8(), m_config.corsOrigins);
    m_listener = std::make_unique<Transport::Listener>(m_config, *m_http);
    m_listener->setWebSocketCount([this] { return int(m_sessions.size()); });
    connect(m_listener.get(), &Transport::Listener::webSocketConnected, this, &ServerCore::onWebSocket);
    if (!m_listener->listen(error))
        return false;
    m_sweepTimer.start();
    qCInfo(lcServer).noquote() << "listening on" << webSocketUrl().toString();
    return true;
}

QUrl ServerCore::webSocketUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(m_config.host.toString());
    url.setPort(m_listener ? m_listener->port() : m_config.port);
    url.setPath(m_config.path);
    return url;
}

bool ServerCore::reload(QString *error)
{
    return m_backend.reload(error);
}

void ServerCore::onWebSocket(QWebSocket *socket, QTcpSocket *connection)
{
    if (m_stopping) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("Server shutting down"));
        socket->deleteLater();
        return;
    }
    const ServerLimits &configured = m_config.limits;
    const Transport::WebSocketSession::Limits limits{configured.maxQueuedBytes, configured.maxQueuedMessages,
                                                     configured.maxSubscriptionsPerConnection, configured.keepAliveMs};
    const quint64 id = m_nextSessionId++;
    Transport::WebSocketSession *session = nullptr;
    const QString protocol = socket->subprotocol();
    if (protocol.isEmpty()) {
        auto *seed = new Transport::SeedSession(socket, id, limits, m_backend, *m_registry, this);
        m_channels.insert(seed->channelId(), seed);
        session = seed;
    } else if (protocol == Transport::TransportWsSession::Subprotocol) {
        session = new Transport::TransportWsSession(socket, id, limits, configured.connectionInitTimeoutMs, m_backend,
                                                    *m_registry, this);
    } else {
        session = new Transport::LegacyWsSession(socket, id, limits, configured.keepAliveMs, m_backend, *m_registry, this);
    }
    session->writeDirectly(connection);
    m_sessions.insert(id, session);
    session->setOnQueued([this](quint64 queuedId) {
        // A batch of changes is flushed as soon as it is fanned out; anything else queued (a
        // result, a replay) at the next event-loop pass.
        if (m_queued.empty())
            QMetaObject::invokeMethod(this, &ServerCore::flushQueued, Qt::QueuedConnection);
        m_queued.push_back(queuedId);
    });
    connect(session, &Transport::WebSocketSession::finished, this, [this](Transport::WebSocketSession *ended) {
        m_sessions.remove(ended->id()); // flushQueued() skips its id, if queued: ids are never used again
        if (auto *seed = qobject_cast<Transport::SeedSession *>(ended))
            m_channels.remove(seed->channelId());
        if (m_stopping && m_sessions.isEmpty())
            finishStop();
    });
}

QString ServerCore::handleSeedSubscription(const Api::SeedSubscriptionRequest &request)
{
    Transport::SeedSession *session = m_channels.value(request.channelId);
    if (!session) {
        return QStringLiteral("Unknown channelId \"%1\": no WebSocket of this server has it (it closed, or never "
                              "connected). Connect, read channel_id from the first frame, and use that.")
            .arg(request.channelId);
    }
    return session->handle(request);
}

void ServerCore::flushQueued()
{
    size_t direct = 0;
    m_flushing.swap(m_queued); // a session that queues meanwhile waits for the next flush
    for (const quint64 id : m_flushing) {
        Transport::WebSocketSession *session = m_sessions.value(id);
        if (!session)
            continue;
        if (direct == m_directWrites.size())
            m_directWrites.emplace_back();
        if (session->beginDirectWrite(m_directWrites[direct]))
            ++direct;
        else
            session->flush();
    }
    m_flushing.clear();
    const std::span writes(m_directWrites.data(), direct);
    m_sender->send(writes);
    for (Transport::WebSocketSession::DirectWrite &write : writes)
        write.session->endDirectWrite(write);
}

void ServerCore::recordLatencies(const Model::ChangeEvents &events)
{
    Q_EMIT changesPublished(events);
    // Connected after the registry: this runs once every frame of the batch is queued.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Model::ChangeEvent &event : events) {
        const double milliseconds = double(event.changedAt.msecsTo(now));
        if (m_latencies.size() < LatencySamples)
            m_latencies.append(milliseconds);
        else
            m_latencies[m_nextLatency] = milliseconds;
        m_nextLatency = (m_nextLatency + 1) % LatencySamples;
    }
}

ServerStatus ServerCore::status()
{
    ServerStatus status;
    for (const Transport::WebSocketSession *session : std::as_const(m_sessions)) {
        status.connections.append(ConnectionStatus{session->id(), session->protocolName(), session->peer(),
                                                   session->subscriptionCount(), session->framesSent(),
                                                   session->queuedBytes()});
        status.subscriptions += session->subscriptionStatus();
    }
    const PubSub::SubscriptionRegistry::Stats &stats = m_registry->stats();
    status.changes = stats.changes;
    status.deliveries = stats.deliveries;
    const double seconds = m_sinceStatus.isValid() ? double(m_sinceStatus.restart()) / 1000.0 : 0.0;
    if (!m_sinceStatus.isValid())
        m_sinceStatus.start();
    if (seconds > 0) {
        status.changesPerSecond = double(stats.changes - m_changesAtStatus) / seconds;
        status.deliveriesPerSecond = double(stats.deliveries - m_deliveriesAtStatus) / seconds;
    }
    m_changesAtStatus = stats.changes;
    m_deliveriesAtStatus = stats.deliveries;
    if (!m_latencies.isEmpty()) {
        QList<double> sorted = m_latencies;
        std::sort(sorted.begin(), sorted.end());
        status.p99LatencyMs = sorted[qsizetype(double(sorted.size() - 1) * 0.99)];
    }
    return status;
}

bool ServerCore::closeConnection(quint64 id, quint16 code, const QString &reason)
{
    Transport::WebSocketSession *session = m_sessions.value(id);
    if (!session)
        return false;
    session->close(code, reason);
    return true;
}

void ServerCore::sweep()
{
    // With no WebSocket, only the listener has timeouts: the timer ticks once a second, not 20
    // times, and a workbench left open wakes the machine no more than it must.
    const bool idle = m_sessions.isEmpty();
    // setInterval() restarts a running timer: only when the pace changes.
    if (const int interval = idle ? SweepIntervalMs : SweepIntervalMs / SweepSlices; m_sweepTimer.interval() != interval)
        m_sweepTimer.setInterval(interval);
    const quint64 slice = idle ? 0 : m_sweepTick++ % SweepSlices;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (slice == 0 && m_listener)
        m_listener->sweep();
    const auto sessions = m_sessions; // a sweep may end a session
    for (Transport::WebSocketSession *session : sessions) {
        if (session->id() % SweepSlices == slice)
            session->sweep(now);
    }
}

void ServerCore::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_listener)
        m_listener->stop();
    m_backend.feed().stop();
    if (m_sessions.isEmpty()) {
        finishStop();
        return;
    }
    // A copy: a socket that is already gone finishes inside close(), which edits m_sessions.
    const auto sessions = m_sessions;
    for (Transport::WebSocketSession *session : sessions)
        session->close(Transport::CloseCode::GoingAway, QStringLiteral("Server shutting down"));
    // Peers that do not answer the close handshake are not waited for.
    QTimer::singleShot(ShutdownGraceMs, this, &ServerCore::finishStop);
}

void ServerCore::finishStop()
{
    if (!m_stopping || m_stopped)
        return;
    m_stopped = true;
    m_sweepTimer.stop();
    const auto sessions = m_sessions;
    m_sessions.clear();
    m_channels.clear();
    qDeleteAll(sessions);
    Q_EMIT stopped();
}

} // namespace Subscriptor

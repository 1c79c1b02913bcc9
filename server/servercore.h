// SPDX-License-Identifier: MIT
#pragma once

#include "backend.h"
#include "serverconfig.h"
#include "serverstatus.h"
#include "websocketsession.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <vector>

class QTcpSocket;
class QWebSocket;

namespace Subscriptor::PubSub {
class SubscriptionRegistry;
}
namespace Subscriptor::Transport {
class ParallelSender;
class GraphQLHttpHandler;
class Listener;
class SeedSession;
class WebSocketSession;
}

namespace Subscriptor {

/**
 * Everything of the server that lives in its thread, wired together: the Backend (database,
 * models, API, change feed), the registry that fans changes out, the listener and the WebSocket
 * sessions, and the one sweep timer for every timeout (DESIGN.md, code conventions 7).
 */
class ServerCore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerCore)

public:
    /// Each session is swept (timeouts, keep-alive pings) once per interval, in SweepSlices
    /// groups by id, a tick apart: sessions opened together fall due for their pings together,
    /// and a thousand pings written at once would hold up the next change's fan-out for
    /// milliseconds. With no session, one tick a second sweeps the listener alone.
    static constexpr int SweepIntervalMs = 1000;
    static constexpr int SweepSlices = 20;
    static constexpr int ShutdownGraceMs = 2000;

    explicit ServerCore(QObject *parent = nullptr);
    ~ServerCore() override;

    bool start(const ServerConfig &config, QString *error);
    /// Closes every WebSocket with 1001 Going Away, lets queued frames go out, then stops
    /// listening and emits stopped().
    void stop();
    bool reload(QString *error);

    QUrl webSocketUrl() const;
    const ServerConfig &config() const { return m_config; }
    Backend &backend() { return m_backend; }
    PubSub::SubscriptionRegistry &registry() { return *m_registry; }
    const QHash<quint64, Transport::WebSocketSession *> &sessions() const { return m_sessions; }
    /// Connections, subscriptions and rates now, for the workbench.
    ServerStatus status();
    /// Closes one WebSocket connection with a code of the caller's choice; false if there is none.
    bool closeConnection(quint64 id, quint16 code, const QString &reason);

Q_SIGNALS:
    void stopped();
    /// Each batch of changes, after it was dispatched to the subscribers.
    void changesPublished(const Subscriptor::Model::ChangeEvents &events);

private:
    void onWebSocket(QWebSocket *socket, QTcpSocket *connection);
    QString handleSeedSubscription(const Api::SeedSubscriptionRequest &request);
    void sweep();
    void finishStop();
    void recordLatencies(const Model::ChangeEvents &events);
    /// After a batch of changes is fanned out: the connections it queued frames on write them now.
    void flushQueued();

    ServerConfig m_config;
    Backend m_backend;
    std::unique_ptr<PubSub::SubscriptionRegistry> m_registry;
    std::unique_ptr<Transport::GraphQLHttpHandler> m_http;
    std::unique_ptr<Transport::Listener> m_listener;
    QHash<quint64, Transport::WebSocketSession *> m_sessions;
    std::vector<quint64> m_queued;   // sessions whose queue was empty before their latest frame, by id
    std::vector<quint64> m_flushing; // m_queued while flushQueued() writes it (kept for its capacity)
    std::unique_ptr<Transport::ParallelSender> m_sender;
    std::vector<Transport::WebSocketSession::DirectWrite> m_directWrites; // kept for their capacity
    QHash<QString, Transport::SeedSession *> m_channels;
    quint64 m_nextSessionId = 1;
    QTimer m_sweepTimer;
    quint64 m_sweepTick = 0;
    bool m_stopping = false;
    bool m_stopped = false;
    // For status(): commit-to-dispatch latencies of recent changes, and the last counts taken.
    static constexpr int LatencySamples = 4096;
    QList<double> m_latencies;
    qsizetype m_nextLatency = 0;
    QElapsedTimer m_sinceStatus;
    quint64 m_changesAtStatus = 0;
    quint64 m_deliveriesAtStatus = 0;
};

} // namespace Subscriptor

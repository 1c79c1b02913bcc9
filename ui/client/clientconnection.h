// SPDX-License-Identifier: MIT
#pragma once

#include "value.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QWebSocket;

namespace Subscriptor::Client {

enum class Protocol : quint8 { Seed, TransportWs, LegacyWs };

/// `seed`, `graphql-transport-ws` or `graphql-ws`.
QString protocolName(Protocol protocol);
/// The WebSocket subprotocol to ask for; empty for the seed protocol.
QString subprotocol(Protocol protocol);

/**
 * A real client connection to a Subscriptor server (or any server of its protocol), without
 * widgets: used by the workbench, the tests and the benchmarks. It reports every frame it sends
 * and receives, its state, and reconnects after an unexpected close with the backoff of the
 * original package's example client: 1, 3, 7, 15, then 30 seconds.
 */
class ClientConnection : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientConnection)

public:
    enum class State : quint8 { Disconnected, Connecting, Ready, Reconnecting };
    Q_ENUM(State)

    static constexpr int MaxBackoffSeconds = 30;

    ~ClientConnection() override;

    Protocol protocol() const { return m_protocol; }
    State state() const { return m_state; }
    QUrl url() const { return m_url; }
    bool autoReconnect() const { return m_autoReconnect; }
    void setAutoReconnect(bool enabled) { m_autoReconnect = enabled; }
    /// Seconds until the next reconnect attempt, for the attempt number (1, 3, 7, 15, 30, 30, …).
    static int backoffSeconds(int attempt);

    void open(const QUrl &url);
    /// Closes without reconnecting.
    void close();

    /// Sends a GraphQL operation and returns its id. Results arrive as result(), errors as
    /// operationError(), the end as completed(). Empty when the connection is not ready.
    virtual QString send(const QString &query, const GraphQL::Value &variables = {},
                         const QString &operationName = {}, const GraphQL::Value &extensions = {}) = 0;
    /// Stops a running operation (a subscription).
    virtual void stop(const QString &operationId) = 0;

Q_SIGNALS:
    void stateChanged(Subscriptor::Client::ClientConnection::State state);
    void frameSent(const QString &text);
    void frameReceived(const QString &text);
    void result(const QString &operationId, const Subscriptor::GraphQL::Value &payload);
    void operationError(const QString &operationId, const Subscriptor::GraphQL::Value &errors);
    void completed(const QString &operationId);
    void reconnectScheduled(int seconds);
    void closedByServer(int code, const QString &reason);

protected:
    explicit ClientConnection(Protocol protocol, QObject *parent = nullptr);

    /// The socket is open: start the protocol (send init, wait for the channel id…).
    virtual void opened() = 0;
    virtual void textReceived(const QString &text) = 0;
    /// The connection ended: forget per-connection state.
    virtual void reset() {}
    void sendText(const QString &text);
    void setState(State state);
    QString nextOperationId();

private:
    void onDisconnected();

    const Protocol m_protocol;
    QWebSocket *m_socket;
    QUrl m_url;
    State m_state = State::Disconnected;
    bool m_autoReconnect = true;
    bool m_closing = false;
    int m_attempt = 0;
    quint64 m_nextOperation = 1;
    QTimer m_reconnectTimer;
};

} // namespace Subscriptor::Client

// SPDX-License-Identifier: MIT
#pragma once

#include "serverconfig.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QWebSocketServer>

#include <functional>

class QWebSocket;

namespace Subscriptor::Transport {

class GraphQLHttpHandler;
class HttpConnection;
struct HttpRequest;

/**
 * The one port (DESIGN.md, One port, several protocols): a QTcpServer whose connections speak
 * HTTP until a request on the GraphQL path asks for a WebSocket; that socket, its head still
 * unread, goes to QWebSocketServer::handleConnection(), which negotiates the subprotocol.
 * (Qt 6.4's QtHttpServer cannot select a WebSocket subprotocol.)
 */
class Listener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    static const QStringList &supportedSubprotocols();

    Listener(const ServerConfig &config, GraphQLHttpHandler &http, QObject *parent = nullptr);
    ~Listener() override;

    /// Starts listening; false with a one-line reason (port in use, bad address).
    bool listen(QString *error);
    void stop();
    QHostAddress address() const { return m_tcp.serverAddress(); }
    quint16 port() const { return m_tcp.serverPort(); }
    int httpConnectionCount() const { return int(m_http.size()); }
    /// How many WebSocket sessions are open, for the connection limit.
    void setWebSocketCount(std::function<int()> count) { m_webSocketCount = std::move(count); }
    /// Closes HTTP connections past their timeouts; called by the server's sweep timer.
    void sweep();

Q_SIGNALS:
    /// A WebSocket is open. `connection` is the TCP socket under it (QWebSocket does not say),
    /// for WebSocketSession::writeDirectly().
    void webSocketConnected(QWebSocket *socket, QTcpSocket *connection);

private:
    void onNewConnection();
    void onUpgradeRequested(HttpConnection *connection, const HttpRequest &request);
    void onRequest(HttpConnection *connection, const HttpRequest &request);
    void onWebSocket();

    const ServerConfig &m_config;
    GraphQLHttpHandler &m_handler;
    QTcpServer m_tcp;
    QWebSocketServer m_webSockets;
    QSet<HttpConnection *> m_http;
    QHash<QString, QPointer<QTcpSocket>> m_upgrading; // by peer address and port, until the handshake ends
    std::function<int()> m_webSocketCount;
};

} // namespace Subscriptor::Transport

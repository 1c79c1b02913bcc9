// SPDX-License-Identifier: MIT
#include "listener.h"

#include "graphqlhttphandler.h"
#include "httpconnection.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QWebSocket>

namespace Subscriptor::Transport {

Q_LOGGING_CATEGORY(lcListener, "subscriptor.listener")

namespace {

// Which connection a QWebSocket came from: its peer is the one TCP connection's.
QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}

} // namespace

const QStringList &Listener::supportedSubprotocols()
{
    static const QStringList protocols = {QStringLiteral("graphql-transport-ws"), QStringLiteral("graphql-ws")};
    return protocols;
}

Listener::Listener(const ServerConfig &config, GraphQLHttpHandler &http, QObject *parent)
    : QObject(parent), m_config(config), m_handler(http),
      m_webSockets(QStringLiteral("Subscriptor"), QWebSocketServer::NonSecureMode)
{
    m_tcp.setMaxPendingConnections(config.limits.maxPendingHandshakes);
    m_webSockets.setMaxPendingConnections(config.limits.maxPendingHandshakes);
    m_webSockets.setHandshakeTimeout(config.limits.handshakeTimeoutMs);
    m_webSockets.setSupportedSubprotocols(supportedSubprotocols());
    connect(&m_tcp, &QTcpServer::newConnection, this, &Listener::onNewConnection);
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, &Listener::onWebSocket);
    connect(&m_webSockets, &QWebSocketServer::serverError, this, [](QWebSocketProtocol::CloseCode code) {
        qCInfo(lcListener) << "WebSocket handshake refused:" << code;
    });
}

Listener::~Listener()
{
    stop();
}

bool Listener::listen(QString *error)
{
    if (m_tcp.listen(m_config.host, m_config.port))
        return true;
    if (error) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.host.toString()).arg(m_config.port).arg(m_tcp.errorString());
    }
    return false;
}

void Listener::stop()
{
    m_tcp.close();
    const QSet<HttpConnection *> connections = m_http;
    m_http.clear();
    qDeleteAll(connections);
}

void Listener::onNewConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        const int open = int(m_http.size()) + (m_webSocketCount ? m_webSocketCount() : 0);
        auto *connection = new HttpConnection(socket, m_config.limits.maxHeadBytes, m_config.limits.maxBodyBytes, this);
        m_http.insert(connection);
        connect(connection, &HttpConnection::requestReceived, this, &Listener::onRequest);
        connect(connection, &HttpConnection::upgradeRequested, this, &Listener::onUpgradeRequested);
        connect(connection, &HttpConnection::finished, this, [this](HttpConnection *finished) {
            if (m_http.remove(finished))
                finished->deleteLater();
        });
        if (open >= m_config.limits.maxConnections) {
            qCWarning(lcListener) << "connection limit of" << m_config.limits.maxConnections << "reached; refusing"
                                  << socket->peerAddress();
            connection->refuse(503, "The server has reached its limit of " + QByteArray::number(m_config.limits.maxConnections)
                                        + " connections.");
        }
    }
}

void Listener::onRequest(HttpConnection *connection, const HttpRequest &request)
{
    connection->respond(m_handler.handle(request));
}

void Listener::onUpgradeRequested(HttpConnection *connection, const HttpRequest &request)
{
    if (request.path != m_config.path.toUtf8()) {
        connection->refuse(404, "Not found. WebSockets connect to " + m_config.path.toUtf8() + '.');
        return;
    }
    // RFC 6455 §4.2.2: a server may pick none of the offered subprotocols, but a client that
    // asked only for ones we do not speak would be accepted into a protocol it does not know.
    const QList<QByteArray> offered = request.webSocketProtocols();
    bool supported = offered.isEmpty();
    for (const QByteArray &protocol : offered)
        supported = supported || supportedSubprotocols().contains(QString::fromUtf8(protocol));
    if (!supported) {
        qCInfo(lcListener) << "refused WebSocket subprotocols" << offered;
        connection->refuse(400, "Unsupported WebSocket subprotocol: " + offered.join(", ")
                                    + ". This server speaks graphql-transport-ws, graphql-ws, or no subprotocol "
                                      "(the graphene-django-subscriptions protocol).");
        return;
    }
    // RFC 6455 §4.2.1: a handshake without a proper key gets a 400; QWebSocketServer would
    // drop the connection without a word.
    const auto key = QByteArray::fromBase64Encoding(request.header("sec-websocket-key"), QByteArray::AbortOnBase64DecodingErrors);
    if (!key || key.decoded.size() != 16) {
        connection->refuse(400, "Malformed WebSocket handshake: Sec-WebSocket-Key must be 16 bytes in base64 (RFC 6455 4.1).");
        return;
    }
    m_http.remove(connection);
    QTcpSocket *socket = connection->takeSocket();
    connection->deleteLater();
    socket->setReadBufferSize(0);
    const QString peer = peerKey(socket->peerAddress(), socket->peerPort());
    m_upgrading.insert(peer, socket);
    connect(socket, &QObject::destroyed, this, [this, peer] {
        if (m_upgrading.value(peer).isNull()) // not a newer connection from the same address and port
            m_upgrading.remove(peer);
    });
    m_webSockets.handleConnection(socket);
}

void Listener::onWebSocket()
{
    while (QWebSocket *socket = m_webSockets.nextPendingConnection()) {
        socket->setMaxAllowedIncomingFrameSize(quint64(m_config.limits.maxFrameBytes));
        socket->setMaxAllowedIncomingMessageSize(quint64(m_config.limits.maxMessageBytes));
        const QPointer<QTcpSocket> connection = m_upgrading.take(peerKey(socket->peerAddress(), socket->peerPort()));
        Q_EMIT webSocketConnected(socket, connection.data());
    }
}

void Listener::sweep()
{
    const QSet<HttpConnection *> connections = m_http;
    for (HttpConnection *connection : connections) {
        if (connection->isNew() && connection->idleMilliseconds() > m_config.limits.handshakeTimeoutMs)
            connection->refuse(408, "No complete request within " + QByteArray::number(m_config.limits.handshakeTimeoutMs) + " ms.");
        else if (!connection->isNew() && connection->idleMilliseconds() > m_config.limits.httpIdleTimeoutMs)
            connection->closeIdle();
    }
}

} // namespace Subscriptor::Transport

// SPDX-License-Identifier: MIT
#include "clientconnection.h"

#include <QNetworkRequest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace Subscriptor::Client {

QString protocolName(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Seed: return QStringLiteral("seed");
    case Protocol::TransportWs: return QStringLiteral("graphql-transport-ws");
    case Protocol::LegacyWs: return QStringLiteral("graphql-ws");
    }
    return {};
}

QString subprotocol(Protocol protocol)
{
    return protocol == Protocol::Seed ? QString() : protocolName(protocol);
}

int ClientConnection::backoffSeconds(int attempt)
{
    // min(30, 2^k − 1): 1, 3, 7, 15, 30, … (reference/seed-protocol.md §7)
    return attempt >= 5 ? MaxBackoffSeconds : qMin(MaxBackoffSeconds, (1 << attempt) - 1);
}

ClientConnection::ClientConnection(Protocol protocol, QObject *parent)
    : QObject(parent), m_protocol(protocol), m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] { open(m_url); });
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_attempt = 0;
        opened();
    });
    connect(m_socket, &QWebSocket::disconnected, this, &ClientConnection::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        Q_EMIT frameReceived(text);
        textReceived(text);
    });
}

ClientConnection::~ClientConnection()
{
    m_closing = true;
    m_socket->abort();
}

void ClientConnection::open(const QUrl &url)
{
    m_url = url;
    m_closing = false;
    m_reconnectTimer.stop();
    setState(m_attempt > 0 ? State::Reconnecting : State::Connecting);
    QWebSocketHandshakeOptions options;
    if (!subprotocol(m_protocol).isEmpty())
        options.setSubprotocols({subprotocol(m_protocol)});
    m_socket->open(QNetworkRequest(url), options);
}

void ClientConnection::close()
{
    m_closing = true;
    m_reconnectTimer.stop();
    m_attempt = 0;
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        setState(State::Disconnected);
    else
        m_socket->close();
}

void ClientConnection::onDisconnected()
{
    reset();
    if (m_socket->closeCode() != QWebSocketProtocol::CloseCodeNormal && !m_closing)
        Q_EMIT closedByServer(m_socket->closeCode(), m_socket->closeReason());
    if (m_closing || !m_autoReconnect) {
        setState(State::Disconnected);
        return;
    }
    const int seconds = backoffSeconds(++m_attempt);
    setState(State::Reconnecting);
    Q_EMIT reconnectScheduled(seconds);
    m_reconnectTimer.start(seconds * 1000);
}

void ClientConnection::sendText(const QString &text)
{
    m_socket->sendTextMessage(text);
    Q_EMIT frameSent(text);
}

void ClientConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString ClientConnection::nextOperationId()
{
    return QString::number(m_nextOperation++);
}

} // namespace Subscriptor::Client

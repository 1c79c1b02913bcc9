// SPDX-License-Identifier: MIT
#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QElapsedTimer>
#include <QObject>

class QTcpSocket;

namespace Subscriptor::Transport {

/**
 * One HTTP/1.1 connection: reads request heads and bodies within their limits, hands each request
 * on, writes the responses, and keeps the connection for the next request when the client wants.
 * A WebSocket upgrade is handed on with its head still unread in the socket, for
 * QWebSocketServer::handleConnection() to read.
 */
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(QTcpSocket *socket, int maxHeadBytes, int maxBodyBytes, QObject *parent = nullptr);
    ~HttpConnection() override;

    /// Sends the response to the request last handed on, then reads the next one or closes.
    void respond(const HttpResponse &response);
    /// Gives up the socket (for an upgrade): this object no longer reads or owns it.
    QTcpSocket *takeSocket();
    /// Closes with a response, for limits hit before a request was handed on.
    void refuse(int status, const QByteArray &message);
    /// Closes a kept-alive connection that waited too long for its next request.
    void closeIdle() { close(); }
    /// Since the connection opened or sent its last response: how long the request it waits for
    /// has taken to arrive, however many bytes of it came.
    qint64 idleMilliseconds() const { return m_idle.elapsed(); }
    /// No request has arrived whole yet: the connection is still in its handshake.
    bool isNew() const { return m_requestsServed == 0 && m_state != State::Handling; }

Q_SIGNALS:
    void requestReceived(Subscriptor::Transport::HttpConnection *connection, const Subscriptor::Transport::HttpRequest &request);
    void upgradeRequested(Subscriptor::Transport::HttpConnection *connection, const Subscriptor::Transport::HttpRequest &request);
    void finished(Subscriptor::Transport::HttpConnection *connection);

private:
    enum class State : quint8 { Head, Body, Handling, Closing };
    void onReadyRead();
    bool readHead();
    bool readBody();
    void close();

    QTcpSocket *m_socket;
    const int m_maxHeadBytes;
    const int m_maxBodyBytes;
    State m_state = State::Head;
    HttpRequest m_request;
    qsizetype m_bodyLength = 0;
    int m_requestsServed = 0;
    QElapsedTimer m_idle;
};

} // namespace Subscriptor::Transport

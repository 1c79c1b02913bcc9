// SPDX-License-Identifier: MIT
#include "httpconnection.h"

#include <QLoggingCategory>
#include <QTcpSocket>

namespace Subscriptor::Transport {

Q_LOGGING_CATEGORY(lcHttp, "subscriptor.http")

HttpConnection::HttpConnection(QTcpSocket *socket, int maxHeadBytes, int maxBodyBytes, QObject *parent)
    : QObject(parent), m_socket(socket), m_maxHeadBytes(maxHeadBytes), m_maxBodyBytes(maxBodyBytes)
{
    m_socket->setParent(this);
    m_idle.start();
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { Q_EMIT finished(this); });
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

QTcpSocket *HttpConnection::takeSocket()
{
    QTcpSocket *socket = m_socket;
    if (!socket)
        return nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->setParent(nullptr);
    m_socket = nullptr;
    m_state = State::Closing;
    return socket;
}

void HttpConnection::onReadyRead()
{
    // m_idle is not restarted here: a request must arrive whole in time however it trickles in
    // (slowloris), so it runs from the connection's start or its last response.
    while (m_socket) {
        if (m_state == State::Head && !readHead())
            return;
        if (m_state == State::Body && !readBody())
            return;
        if (m_state != State::Head)
            return;
    }
}

bool HttpConnection::readHead()
{
    // Peek, not read: an upgrade's head must stay in the socket for QWebSocketServer.
    const QByteArray data = m_socket->peek(m_maxHeadBytes + 4);
    qsizetype headLength = 0;
    QByteArray error;
    m_request = HttpRequest();
    switch (HttpRequest::parseHead(data, m_request, headLength, error)) {
    case HttpRequest::ParseStatus::Incomplete:
        if (data.size() > m_maxHeadBytes) {
            qCWarning(lcHttp) << "request head over the limit of" << m_maxHeadBytes << "bytes from" << m_socket->peerAddress();
            refuse(431, "The request head is larger than " + QByteArray::number(m_maxHeadBytes) + " bytes.");
        }
        return false;
    case HttpRequest::ParseStatus::Invalid:
        refuse(400, "Malformed request: " + error + '.');
        return false;
    case HttpRequest::ParseStatus::Complete:
        break;
    }
    if (m_request.isWebSocketUpgrade()) {
        m_state = State::Closing;
        Q_EMIT upgradeRequested(this, m_request);
        return false;
    }
    m_socket->skip(headLength);
    if (m_request.hasHeader("transfer-encoding")) {
        refuse(411, "Chunked request bodies are not accepted: send a Content-Length.");
        return false;
    }
    bool ok = true;
    const QByteArray lengthHeader = m_request.header("content-length");
    m_bodyLength = lengthHeader.isEmpty() ? 0 : lengthHeader.toLongLong(&ok);
    if (!ok || m_bodyLength < 0) {
        refuse(400, "Malformed Content-Length.");
        return false;
    }
    if (m_bodyLength > m_maxBodyBytes) {
        qCWarning(lcHttp) << "request body of" << m_bodyLength << "bytes over the limit of" << m_maxBodyBytes;
        refuse(413, "The request body is larger than " + QByteArray::number(m_maxBodyBytes) + " bytes.");
        return false;
    }
    if (m_bodyLength > 0 && m_request.header("expect").toLower() == "100-continue" && m_socket->bytesAvailable() == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_state = State::Body;
    return true;
}

bool HttpConnection::readBody()
{
    if (m_socket->bytesAvailable() < m_bodyLength)
        return false;
    m_request.body = m_socket->read(m_bodyLength);
    m_state = State::Handling;
    Q_EMIT requestReceived(this, m_request);
    return true;
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (!m_socket || m_state != State::Handling)
        return;
    const bool keepAlive = m_request.keepAlive();
    m_socket->write(response.serialize(keepAlive));
    // Now, not at the next event-loop pass: that pass first fans out what this request changed,
    // and a mutation's caller would wait for every subscriber's send before its answer left.
    m_socket->flush();
    ++m_requestsServed;
    m_idle.restart();
    if (!keepAlive) {
        close();
        return;
    }
    m_state = State::Head;
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::refuse(int status, const QByteArray &message)
{
    if (!m_socket)
        return;
    m_socket->write(HttpResponse::error(status, message).serialize(false));
    close();
}

void HttpConnection::close()
{
    m_state = State::Closing;
    disconnect(m_socket, &QTcpSocket::readyRead, this, nullptr);
    // disconnectFromHost() sends what is still buffered first; `disconnected` then ends us.
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        Q_EMIT finished(this);
}

} // namespace Subscriptor::Transport

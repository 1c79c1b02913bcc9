// SPDX-License-Identifier: MIT
#include "websocketsession.h"

#include "eventencodings.h"

#include <QLoggingCategory>
#include <QWebSocket>

namespace Subscriptor::Transport {

Q_LOGGING_CATEGORY(lcSession, "subscriptor.session")

namespace {

// A closing peer that does not answer our close frame within this is dropped.
constexpr qint64 CloseGraceMs = 5'000;
// Close reasons must fit a control frame (RFC 6455 §5.5: 125 bytes, 2 of them the code).
constexpr qsizetype MaxCloseReasonBytes = 123;

} // namespace

WebSocketSession::WebSocketSession(QWebSocket *socket, quint64 id, const Limits &limits, QObject *parent)
    : QObject(parent), m_socket(socket), m_id(id), m_limits(limits)
{
    m_socket->setParent(this);
    m_sinceHeard.start();
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &message) {
        m_sinceHeard.restart();
        if (!m_closing)
            textReceived(message);
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &message) {
        m_sinceHeard.restart();
        if (!m_closing)
            binaryReceived(message);
    });
    connect(m_socket, &QWebSocket::pong, this, [this] {
        m_sinceHeard.restart();
        m_pingOutstanding = false;
    });
    connect(m_socket, &QWebSocket::bytesWritten, this, [this](qint64 bytes) {
        m_bytesWritten += bytes;
        while (!m_frameEnds.empty() && m_frameEnds.front() <= m_bytesWritten)
            m_frameEnds.pop_front();
    });
    connect(m_socket, &QWebSocket::disconnected, this, &WebSocketSession::onDisconnected);
}

WebSocketSession::~WebSocketSession() = default;

QString WebSocketSession::peer() const
{
    return m_socket->peerAddress().toString() + u':' + QString::number(m_socket->peerPort());
}

qint64 WebSocketSession::queuedBytes() const
{
    return m_socket->bytesToWrite();
}

bool WebSocketSession::withinBound()
{
    const auto overBound = [this] {
        return m_socket->bytesToWrite() > m_limits.maxQueuedBytes || qsizetype(m_frameEnds.size()) >= m_limits.maxQueuedMessages;
    };
    // One change dispatch may queue thousands of frames before the event loop writes any: hand the
    // kernel what it takes now, so that the bound judges what the peer has not read, not what
    // this burst has not offered it yet.
    if (overBound())
        m_socket->flush();
    if (overBound()) {
        const qint64 queued = m_socket->bytesToWrite();
        qCWarning(lcSession).noquote() << "connection" << m_id << "from" << peer() << "reads too slowly:" << queued
                                       << "bytes and" << m_frameEnds.size() << "messages queued; closing it";
        close(CloseCode::SlowConsumer, QStringLiteral("Slow consumer: %1 bytes queued").arg(queued));
        return false;
    }
    return true;
}

bool WebSocketSession::sendText(const QString &frame)
{
    if (m_closing || !withinBound())
        return false;
    const bool wasEmpty = m_socket->bytesToWrite() == 0;
    m_socket->sendTextMessage(frame);
    ++m_framesSent;
    m_frameEnds.push_back(m_bytesWritten + m_socket->bytesToWrite());
    if (wasEmpty)
        Q_EMIT queued(m_id);
    return true;
}

bool WebSocketSession::sendShared(PubSub::EventEncodings &encodings, const QByteArray &key,
                                  const std::function<QString()> &build)
{
    return sendText(encodings.encoding(key, build));
}

void WebSocketSession::flush()
{
    if (!m_closing && m_socket->bytesToWrite() > 0)
        m_socket->flush();
}

void WebSocketSession::close(quint16 code, const QString &reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_closingSince.start();
    endSubscriptions();
    QString text = reason;
    while (text.toUtf8().size() > MaxCloseReasonBytes)
        text.chop(1);
    m_socket->close(QWebSocketProtocol::CloseCode(code), text);
}

void WebSocketSession::sweep(qint64)
{
    if (m_closing) {
        if (!m_finished && m_closingSince.elapsed() > CloseGraceMs)
            m_socket->abort();
        return;
    }
    if (m_limits.keepAliveMs <= 0 || m_sinceHeard.elapsed() < m_limits.keepAliveMs)
        return;
    if (!m_pingOutstanding) {
        m_pingOutstanding = true;
        m_socket->ping();
    } else if (m_sinceHeard.elapsed() > 2 * qint64(m_limits.keepAliveMs)) {
        qCInfo(lcSession) << "connection" << m_id << "from" << peer() << "stopped answering pings; dropping it";
        m_closing = true;
        endSubscriptions();
        m_socket->abort();
    }
}

void WebSocketSession::binaryReceived(const QByteArray &)
{
    close(CloseCode::PolicyViolation, QStringLiteral("Binary frames are not part of this protocol"));
}

void WebSocketSession::onDisconnected()
{
    if (m_finished)
        return;
    m_finished = true;
    if (!m_closing) {
        m_closing = true;
        endSubscriptions();
    }
    Q_EMIT finished(this);
    deleteLater();
}

} // namespace Subscriptor::Transport

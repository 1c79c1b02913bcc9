// SPDX-License-Identifier: MIT
#include "websocketsession.h"

#include "eventencodings.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QWebSocket>
#include <QtEndian>

#ifdef Q_OS_LINUX
#include <sys/socket.h>
#include <sys/uio.h>
#endif

namespace Subscriptor::Transport {

Q_LOGGING_CATEGORY(lcSession, "subscriptor.session")

namespace {

// A closing peer that does not answer our close frame within this is dropped.
constexpr qint64 CloseGraceMs = 5'000;
// Close reasons must fit a control frame (RFC 6455 §5.5: 125 bytes, 2 of them the code).
constexpr qsizetype MaxCloseReasonBytes = 123;

// The text a frame made by textFrame() carries.
QByteArrayView textOf(const QByteArray &frame)
{
    const int length = quint8(frame.at(1)) & 0x7f;
    return QByteArrayView(frame).sliced(length == 127 ? 10 : length == 126 ? 4 : 2);
}

} // namespace

// One call per 64 frames. Elsewhere than on Linux, nothing (beginDirectWrite() says no there).
qsizetype WebSocketSession::writeNow(int descriptor, const std::vector<QByteArray> &frames)
{
#ifdef Q_OS_LINUX
    qsizetype taken = 0;
    for (size_t first = 0; first < frames.size();) {
        iovec parts[64];
        size_t count = 0;
        qsizetype offered = 0;
        for (; count < std::size(parts) && first + count < frames.size(); ++count) {
            const QByteArray &frame = frames[first + count];
            parts[count] = iovec{const_cast<char *>(frame.constData()), size_t(frame.size())};
            offered += frame.size();
        }
        msghdr message{};
        message.msg_iov = parts;
        message.msg_iovlen = count;
        // An error (the peer went) leaves the frames to Qt, which reports it the usual way.
        const ssize_t sent = ::sendmsg(descriptor, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent <= 0)
            break;
        taken += qsizetype(sent);
        if (sent < offered)
            break;
        first += count;
    }
    return taken;
#else
    Q_UNUSED(descriptor);
    Q_UNUSED(frames);
    return 0;
#endif
}

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
    // m_frameEnds is empty when the socket's buffer holds none of our frames: then it holds at
    // most a control frame of QWebSocket's own, and asking (a few objects away) is not needed.
    return (m_frameEnds.empty() ? 0 : m_socket->bytesToWrite()) + m_batchBytes;
}

QByteArray WebSocketSession::textFrame(QByteArrayView utf8)
{
    QByteArray frame;
    frame.reserve(utf8.size() + 10);
    frame.append(char(0x81)); // FIN, text
    if (utf8.size() < 126) {
        frame.append(char(utf8.size()));
    } else if (utf8.size() <= 0xffff) {
        frame.append(char(126));
        const quint16 length = qToBigEndian(quint16(utf8.size()));
        frame.append(reinterpret_cast<const char *>(&length), sizeof length);
    } else {
        frame.append(char(127));
        const quint64 length = qToBigEndian(quint64(utf8.size()));
        frame.append(reinterpret_cast<const char *>(&length), sizeof length);
    }
    frame.append(utf8);
    return frame;
}

void WebSocketSession::writeDirectly(QTcpSocket *connection)
{
    m_connection = connection;
    if (connection) // each batch is one write: nothing to gain from Nagle's delay, only latency
        connection->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

bool WebSocketSession::withinBound()
{
    const auto overBound = [this] {
        return queuedBytes() > m_limits.maxQueuedBytes
            || qsizetype(m_frameEnds.size() + m_batch.size()) >= m_limits.maxQueuedMessages;
    };
    // One change dispatch may queue thousands of frames before the event loop writes any: hand the
    // kernel what it takes now, so that the bound judges what the peer has not read, not what
    // this burst has not offered it yet.
    if (overBound()) {
        flush();
        m_socket->flush();
    }
    if (overBound()) {
        const qint64 queued = queuedBytes();
        qCWarning(lcSession).noquote() << "connection" << m_id << "from" << peer() << "reads too slowly:" << queued
                                       << "bytes and" << m_frameEnds.size() << "messages queued; closing it";
        close(CloseCode::SlowConsumer, QStringLiteral("Slow consumer: %1 bytes queued").arg(queued));
        return false;
    }
    return true;
}

bool WebSocketSession::sendText(const QString &text)
{
    if (!queueFrame(textFrame(text.toUtf8())))
        return false;
    flush();
    return true;
}

bool WebSocketSession::queueFrame(const QByteArray &frame)
{
    if (m_closing || !withinBound())
        return false;
    if (m_batch.empty() && m_onQueued)
        m_onQueued(m_id);
    m_batch.push_back(frame);
    m_batchBytes += frame.size();
    ++m_framesSent;
    return true;
}

bool WebSocketSession::sendShared(PubSub::EventEncodings &encodings, const QByteArray &key,
                                  const std::function<QByteArray()> &build)
{
    return queueFrame(encodings.encoding(key, [&build] { return textFrame(build()); }));
}

void WebSocketSession::flush()
{
    if (m_batch.empty() || m_finished)
        return;
    DirectWrite write;
    if (beginDirectWrite(write)) {
        write.taken = writeNow(write.descriptor, write.frames);
    } else {
        write.frames.swap(m_batch);
        m_batchBytes = 0;
    }
    endDirectWrite(write);
}

bool WebSocketSession::beginDirectWrite(DirectWrite &write)
{
#ifdef Q_OS_LINUX
    if (m_batch.empty() || m_finished || !m_connection || m_connection->bytesToWrite() > 0
        || m_connection->state() != QAbstractSocket::ConnectedState || m_connection->socketDescriptor() < 0)
        return false;
    write.session = this;
    write.descriptor = int(m_connection->socketDescriptor());
    write.frames.clear();
    write.frames.swap(m_batch);
    write.taken = 0;
    m_batchBytes = 0;
    return true;
#else
    Q_UNUSED(write);
    return false;
#endif
}

void WebSocketSession::endDirectWrite(DirectWrite &write)
{
    qsizetype taken = write.taken;
    for (const QByteArray &frame : write.frames) {
        if (taken >= frame.size()) {
            taken -= frame.size();
            continue;
        }
        writeBuffered(frame, taken);
        taken = 0;
    }
    write.frames.clear();
    if (m_batch.empty())
        m_batch.swap(write.frames); // keeps its capacity for the next batch
}

void WebSocketSession::writeBuffered(const QByteArray &frame, qsizetype from)
{
    if (m_connection)
        m_connection->write(frame.constData() + from, frame.size() - from);
    else
        m_socket->sendTextMessage(QString::fromUtf8(textOf(frame)));
    m_frameEnds.push_back(m_bytesWritten + m_socket->bytesToWrite());
}

void WebSocketSession::close(quint16 code, const QString &reason)
{
    if (m_closing)
        return;
    flush(); // what was queued before the close frame goes before it
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

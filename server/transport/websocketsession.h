// SPDX-License-Identifier: MIT
#pragma once

#include "serverstatus.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <functional>
#include <vector>

class QTcpSocket;
class QWebSocket;

namespace Subscriptor::PubSub {
class EventEncodings;
}

namespace Subscriptor::Transport {

/// Application close codes of our own (RFC 6455 §7.4.2 leaves 4000–4999 to applications).
namespace CloseCode {
inline constexpr quint16 GoingAway = 1001;
inline constexpr quint16 PolicyViolation = 1008;
/// The connection's outgoing queue passed its bound: the client reads too slowly. It may
/// reconnect and resume after the last sequence number it received.
inline constexpr quint16 SlowConsumer = 4008;
}

/**
 * One WebSocket connection and its protocol (a subclass per protocol). Owns the socket; applies
 * the frame size limits and the bounded outgoing queue with its slow-consumer policy (DESIGN.md,
 * Fan-out); reports when it ends.
 */
class WebSocketSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketSession)

public:
    struct Limits
    {
        qint64 maxQueuedBytes = 0;
        int maxQueuedMessages = 0;
        int maxSubscriptions = 0;
        int keepAliveMs = 0; ///< ping an idle peer this often; drop it when it does not answer
    };

    WebSocketSession(QWebSocket *socket, quint64 id, const Limits &limits, QObject *parent = nullptr);
    ~WebSocketSession() override;

    quint64 id() const { return m_id; }
    virtual QString protocolName() const = 0;
    virtual int subscriptionCount() const = 0;
    /// What each subscription is, for the workbench's subscriptions table.
    virtual QList<SubscriptionStatus> subscriptionStatus() const = 0;
    QString peer() const;
    quint64 framesSent() const { return m_framesSent; }
    qint64 queuedBytes() const;
    bool isClosing() const { return m_closing; }

    /// A complete text frame from the server (RFC 6455 §5.2: FIN, opcode 1, no mask) around UTF-8 text.
    static QByteArray textFrame(QByteArrayView utf8);

    /// Lets the session write its frames to the TCP connection under its QWebSocket (which does
    /// not expose it; the Listener knows it): frames built once are handed to the kernel as they
    /// are, a batch in one call on Linux, instead of being encoded and copied per connection by
    /// QWebSocket::sendTextMessage(). Without it, frames go through QWebSocket.
    void writeDirectly(QTcpSocket *connection);
    /// Called with the session's id when a frame is queued while none was, so that it gets
    /// flush()ed. A plain call rather than a signal: a fan-out makes one per connection.
    void setOnQueued(std::function<void(quint64)> onQueued) { m_onQueued = std::move(onQueued); }
    /// Sends a text message now (with whatever is queued before it). False when the connection is
    /// closing or its queue passed its bound; then the session closes with CloseCode::SlowConsumer
    /// and nothing is lost silently.
    bool sendText(const QString &text);
    /// Queues a frame (textFrame()) until flush(): how a change's deliveries go out, so that a
    /// connection gets all of a batch of changes in one write. Calls the onQueued callback for the
    /// first one.
    bool queueFrame(const QByteArray &frame);
    /// queueFrame() for a message that many connections get for one change: `build` makes its
    /// UTF-8 text once per `key` among the change's encodings, and it is framed once.
    bool sendShared(PubSub::EventEncodings &encodings, const QByteArray &key, const std::function<QByteArray()> &build);
    /// Writes what is queued: the server calls it after fanning a batch of changes out, on the
    /// sessions that called onQueued, and at the next event-loop pass for anything queued elsewhere.
    void flush();

    /// One connection's queued frames on their way straight to the kernel, perhaps from another
    /// thread (ParallelSender): only the descriptor and the shared frames are used there.
    struct DirectWrite
    {
        WebSocketSession *session = nullptr;
        int descriptor = -1;
        std::vector<QByteArray> frames;
        qsizetype taken = 0; ///< how many bytes of them the kernel took
    };
    /// Takes the queued frames when they may go straight to the kernel (on Linux, with nothing
    /// waiting in the socket's buffer, which would have to go first); false otherwise: flush().
    bool beginDirectWrite(DirectWrite &write);
    /// Puts what the kernel did not take into the socket's buffer, in order. Nothing else may
    /// happen to the session between beginDirectWrite() and this.
    void endDirectWrite(DirectWrite &write);
    /// Hands as much of `frames` to the kernel as it takes without waiting; the bytes it took.
    /// Thread-safe: it touches no session.
    static qsizetype writeNow(int descriptor, const std::vector<QByteArray> &frames);
    /// Closes the connection: a close frame, then the socket ends. Subscriptions end at once.
    void close(quint16 code, const QString &reason);
    /// Called about once a second by the server's one sweep timer (timeouts, keep-alives).
    virtual void sweep(qint64 nowMs);

Q_SIGNALS:
    /// The connection is over; the session deletes itself later.
    void finished(Subscriptor::Transport::WebSocketSession *session);

protected:
    virtual void textReceived(const QString &message) = 0;
    virtual void binaryReceived(const QByteArray &message);
    /// The connection is ending: remove every subscription from the registry.
    virtual void endSubscriptions() = 0;
    const Limits &limits() const { return m_limits; }
    QWebSocket *socket() const { return m_socket; }

private:
    void onDisconnected();
    bool withinBound();
    /// Hands `frame` from byte `from` on to the socket's own buffer, behind what waits there.
    void writeBuffered(const QByteArray &frame, qsizetype from);

    QWebSocket *m_socket;
    QPointer<QTcpSocket> m_connection; // under m_socket; deleted after it
    std::vector<QByteArray> m_batch;   // queued frames not yet handed to the socket
    std::function<void(quint64)> m_onQueued;
    qint64 m_batchBytes = 0;
    const quint64 m_id;
    const Limits m_limits;
    quint64 m_framesSent = 0;
    std::deque<qint64> m_frameEnds; // where each frame in the socket's buffer ends, counted in bytes ever buffered
    qint64 m_bytesWritten = 0;
    bool m_closing = false;
    bool m_finished = false;
    QElapsedTimer m_closingSince;
    QElapsedTimer m_sinceHeard; // any frame or pong from the peer
    bool m_pingOutstanding = false;
};

} // namespace Subscriptor::Transport

// SPDX-License-Identifier: MIT
// What the transport tests share: a Server in this process on a real SQLite file in a temporary
// directory and a free port, and the clients that talk to it over real sockets (a QWebSocket that
// records every frame, QNetworkAccessManager for GraphQL over HTTP, and a raw TCP socket for the
// bytes the others hide). Every wait is bounded and generous: the tests must pass on a loaded
// machine, and never assert on how long something took.
#pragma once

#include "server.h"
#include "servercore.h"
#include "subscriptionregistry.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

#include <memory>

namespace Subscriptor::TestSupport {

/// The bound on every wait for something that must happen.
inline constexpr int Timeout = 30'000;
/// How long a test waits to see that nothing more arrives (before a fence proves it).
inline constexpr int QuietMs = 400;

/// Runs the event loop until `done()` or the timeout; true when done.
template<typename Predicate>
bool waitFor(Predicate done, int timeoutMs = Timeout)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

inline QJsonObject parseObject(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), text.constData());
    return document.object();
}

inline QJsonObject parseObject(const QString &text)
{
    return parseObject(text.toUtf8());
}

/// A Server in this process, with its own SQLite file (the demo models on first start) and a
/// port picked by the system.
class TestServer final
{
public:
    TestServer() : m_path(m_dir.filePath(QStringLiteral("subscriptor.sqlite3")))
    {
        m_config.backend.database = m_path;
        m_config.host = QHostAddress::LocalHost;
        m_config.port = 0;
    }
    ~TestServer() { stop(); }
    Q_DISABLE_COPY_MOVE(TestServer)

    ServerConfig &config() { return m_config; }
    const QString &databasePath() const { return m_path; }
    QString directory() const { return m_dir.path(); }
    Server &server() { return *m_server; }

    /// Starts (again, on the same file; on the port of the last run when `samePort`).
    bool start(bool samePort = false)
    {
        if (samePort && m_url.port() > 0)
            m_config.port = quint16(m_url.port());
        m_server = std::make_unique<Server>();
        QSignalSpy started(m_server.get(), &Server::started);
        QSignalSpy failed(m_server.get(), &Server::failed);
        m_server->start(m_config);
        if (!waitFor([&] { return !started.isEmpty() || !failed.isEmpty(); })) {
            qWarning("the server neither started nor failed");
            return false;
        }
        if (!failed.isEmpty()) {
            qWarning("the server failed to start: %s", qPrintable(failed.first().first().toString()));
            return false;
        }
        m_url = started.first().first().toUrl();
        return true;
    }

    /// Stops (every WebSocket gets 1001) and waits for it.
    bool stop()
    {
        if (!m_server)
            return true;
        bool ok = true;
        if (m_server->isRunning()) {
            QSignalSpy stopped(m_server.get(), &Server::stopped);
            m_server->stop();
            ok = waitFor([&] { return !stopped.isEmpty(); });
        }
        m_server.reset();
        return ok;
    }

    QUrl webSocketUrl() const { return m_url; }
    QUrl httpUrl() const
    {
        QUrl url = m_url;
        url.setScheme(QStringLiteral("http"));
        return url;
    }
    quint16 port() const { return quint16(m_url.port()); }

    /// Runs `function(core)` in the server's thread and waits for it.
    template<typename Function>
    void inCore(Function function)
    {
        ServerCore *core = m_server->core();
        QMetaObject::invokeMethod(core, [core, &function] { function(*core); }, Qt::BlockingQueuedConnection);
    }
    /// Subscriptions in the registry and open WebSocket sessions, read in the server's thread.
    qsizetype subscriptionCount()
    {
        qsizetype count = -1;
        inCore([&count](ServerCore &core) { count = core.registry().count(); });
        return count;
    }
    qsizetype sessionCount()
    {
        qsizetype count = -1;
        inCore([&count](ServerCore &core) { count = core.sessions().size(); });
        return count;
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ServerConfig m_config;
    std::unique_ptr<Server> m_server;
    QUrl m_url;
};

/// A WebSocket client that records every text frame, as the original's example client logs them.
class WsClient final
{
public:
    WsClient()
    {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, &m_socket,
                         [this](const QString &frame) { m_frames.append(frame); });
        QObject::connect(&m_socket, &QWebSocket::binaryMessageReceived, &m_socket,
                         [this](const QByteArray &frame) { m_frames.append(QStringLiteral("<binary>") + QString::fromLatin1(frame.toHex())); });
        QObject::connect(&m_socket, &QWebSocket::connected, &m_socket, [this] { m_connected = true; });
        QObject::connect(&m_socket, &QWebSocket::disconnected, &m_socket, [this] { m_disconnected = true; });
    }
    Q_DISABLE_COPY_MOVE(WsClient)

    QWebSocket &socket() { return m_socket; }

    /// Opens the socket (offering `protocols`, if any) and waits until it is open or failed.
    bool open(const QUrl &url, const QStringList &protocols = {})
    {
        QWebSocketHandshakeOptions options;
        options.setSubprotocols(protocols);
        m_socket.open(QNetworkRequest(url), options);
        return waitFor([this] { return m_connected || m_disconnected; }) && m_connected;
    }
    /// Opens a socket of the seed protocol and takes its channel_id from the first frame.
    bool openSeed(const QUrl &url)
    {
        if (!open(url) || !waitForFrames(1))
            return false;
        m_channelId = parseObject(m_frames.first()).value(QLatin1String("channel_id")).toString();
        m_taken = 1;
        return !m_channelId.isEmpty();
    }
    const QString &channelId() const { return m_channelId; }
    void setChannelId(const QString &channelId) { m_channelId = channelId; }

    bool waitForFrames(qsizetype count, int timeoutMs = Timeout)
    {
        return waitFor([&] { return m_frames.size() >= count; }, timeoutMs);
    }
    /// Waits for the next frame not yet taken and returns it (empty when none came).
    QString next(int timeoutMs = Timeout)
    {
        if (!waitForFrames(m_taken + 1, timeoutMs))
            return {};
        return m_frames.at(m_taken++);
    }
    /// Frames that arrived and were not taken yet.
    QStringList pending() const { return m_frames.mid(m_taken); }
    void skipAll() { m_taken = m_frames.size(); }
    const QStringList &frames() const { return m_frames; }

    void send(const QString &frame) { m_socket.sendTextMessage(frame); }
    bool isConnected() const { return m_connected && !m_disconnected; }
    bool waitForDisconnected(int timeoutMs = Timeout)
    {
        return waitFor([this] { return m_disconnected; }, timeoutMs);
    }
    int closeCode() const { return int(m_socket.closeCode()); }
    QString closeReason() const { return m_socket.closeReason(); }

private:
    QWebSocket m_socket;
    QStringList m_frames;
    qsizetype m_taken = 0;
    QString m_channelId;
    bool m_connected = false;
    bool m_disconnected = false;
};

/// A finished HTTP exchange.
struct HttpReply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QJsonObject json() const { return parseObject(body); }
};

/// GraphQL over HTTP from a client's side.
class HttpClient final
{
public:
    HttpClient() { m_manager.setProxy(QNetworkProxy::NoProxy); }
    Q_DISABLE_COPY_MOVE(HttpClient)

    HttpReply send(QNetworkRequest request, const QByteArray &verb, const QByteArray &body = {})
    {
        request.setTransferTimeout(Timeout);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        QNetworkReply *reply = m_manager.sendCustomRequest(request, verb, body);
        const bool done = waitFor([reply] { return reply->isFinished(); });
        HttpReply result;
        if (!done) {
            qWarning("no HTTP reply from %s", qPrintable(request.url().toString()));
            reply->abort();
        }
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        result.error = reply->error();
        reply->deleteLater();
        return result;
    }

    HttpReply post(const QUrl &url, const QByteArray &body, const QByteArray &contentType = "application/json")
    {
        QNetworkRequest request(url);
        if (!contentType.isEmpty())
            request.setRawHeader("Content-Type", contentType);
        return send(request, "POST", body);
    }

    /// POSTs `{"query", "variables"}` and returns the reply.
    HttpReply graphql(const QUrl &url, const QString &query, const QJsonObject &variables = {})
    {
        QJsonObject body{{QStringLiteral("query"), query}};
        if (!variables.isEmpty())
            body.insert(QStringLiteral("variables"), variables);
        return post(url, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

private:
    QNetworkAccessManager m_manager;
};

/// A plain TCP exchange: writes `request` and reads until the server closes the connection or the
/// response `count` is complete (Content-Length), whichever comes first.
struct RawExchange
{
    QByteArray received;
    bool closedByServer = false;

    /// The status code of the first response, or 0.
    int status() const
    {
        static const QRegularExpression statusLine(QStringLiteral("^HTTP/1\\.1 (\\d{3}) "));
        const QRegularExpressionMatch match = statusLine.match(QString::fromLatin1(received.left(16)));
        return match.hasMatch() ? match.captured(1).toInt() : 0;
    }
    int responseCount() const { return int(received.count("HTTP/1.1 ")); }
};

inline qsizetype completeResponses(const QByteArray &data)
{
    qsizetype count = 0;
    qsizetype from = 0;
    for (;;) {
        const qsizetype end = data.indexOf("\r\n\r\n", from);
        if (end < 0)
            return count;
        static const QRegularExpression length(QStringLiteral("(?i)\r\ncontent-length: *(\\d+)"));
        const QRegularExpressionMatch match = length.match(QString::fromLatin1(data.mid(from, end - from + 2)));
        const qsizetype next = end + 4 + (match.hasMatch() ? match.captured(1).toLongLong() : 0);
        if (next > data.size())
            return count;
        ++count;
        from = next;
    }
}

inline RawExchange rawExchange(quint16 port, const QByteArray &request, int responses = 1, int timeoutMs = Timeout)
{
    RawExchange result;
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return result;
    socket.write(request);
    waitFor([&] {
        result.received += socket.readAll();
        result.closedByServer = socket.state() == QAbstractSocket::UnconnectedState;
        return result.closedByServer || completeResponses(result.received) >= responses;
    }, timeoutMs);
    result.received += socket.readAll();
    return result;
}

/// The original README's subscription (reference/seed-protocol.md §2.3), for a channel id.
inline QString readmeSubscription(const QString &channelId, const QString &operation = QStringLiteral("SUBSCRIBE"))
{
    const QString data = operation == QLatin1String("SUBSCRIBE")
        ? QStringLiteral(",\n    data: [ID, USERNAME, FIRST_NAME, LAST_NAME, EMAIL, IS_SUPERUSER]")
        : QString();
    return QStringLiteral("subscription{\n"
                          "  userSubscription(\n"
                          "    action: UPDATE,\n"
                          "    operation: %1,\n"
                          "    channelId: \"%2\",\n"
                          "    id: 5%3\n"
                          "  ){\n"
                          "    ok\n"
                          "    error\n"
                          "    stream\n"
                          "  }\n"
                          "}").arg(operation, channelId, data);
}

} // namespace Subscriptor::TestSupport

// SPDX-License-Identifier: MIT
// The ceiling for bench_fanout: a bare QWebSocketServer that fans each "change" out the way the
// upstream examples do (a loop of QWebSocket::sendTextMessage over every client, qtwebsockets'
// simplechat), with nothing else: no database, no GraphQL, no registry.
//
// It speaks just enough of the seed protocol for bench_fanout's clients: a `channel_id` frame on
// connect and a fixed `"ok": true` reply carrying a `request_id` to any text frame. A change is
// triggered by an HTTP POST on a second port, as Subscriptor's are; its body is the frame sent to
// every client, byte for byte. Prints `listening ws://…` and `trigger http://…`.
#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cstdio>

#include <sys/resource.h>

namespace {

constexpr int MaxPendingConnections = 100'000; // Qt's default is 30
constexpr qsizetype MaxRequestBytes = 1024 * 1024;

class BareServer final : public QObject
{
public:
    BareServer() : m_webSockets(QStringLiteral("bare"), QWebSocketServer::NonSecureMode)
    {
        m_webSockets.setMaxPendingConnections(MaxPendingConnections);
        connect(&m_webSockets, &QWebSocketServer::newConnection, this, &BareServer::onWebSocket);
        connect(&m_trigger, &QTcpServer::newConnection, this, &BareServer::onTriggerConnection);
    }

    bool listen()
    {
        if (!m_webSockets.listen(QHostAddress::LocalHost, 0) || !m_trigger.listen(QHostAddress::LocalHost, 0))
            return false;
        std::printf("listening ws://127.0.0.1:%u/graphql\ntrigger http://127.0.0.1:%u/change\n",
                    unsigned(m_webSockets.serverPort()), unsigned(m_trigger.serverPort()));
        std::fflush(stdout);
        return true;
    }

private:
    void onWebSocket()
    {
        while (QWebSocket *socket = m_webSockets.nextPendingConnection()) {
            m_clients.append(socket);
            connect(socket, &QWebSocket::textMessageReceived, socket, [socket] {
                socket->sendTextMessage(QStringLiteral(
                    R"({"stream": "graphql", "payload": {"data": {"userSubscription": {"ok": true, "error": null}}, "request_id": "1"}})"));
            });
            connect(socket, &QWebSocket::disconnected, this, [this, socket] {
                m_clients.removeOne(socket);
                socket->deleteLater();
            });
            socket->sendTextMessage(QStringLiteral(R"({"channel_id": "bareBareBa!reBareBare", "connect": "success"})"));
        }
    }

    void onTriggerConnection()
    {
        while (QTcpSocket *socket = m_trigger.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onTriggerData(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void onTriggerData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_requests[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                break;
            const QByteArray head = buffer.left(headEnd).toLower();
            const qsizetype field = head.indexOf("content-length:");
            const qsizetype lineEnd = field < 0 ? -1 : head.indexOf('\r', field);
            const qsizetype length =
                field < 0 ? 0 : head.mid(field + 15, lineEnd < 0 ? -1 : lineEnd - field - 15).trimmed().toLongLong();
            if (buffer.size() < headEnd + 4 + length)
                break;
            const QString frame = QString::fromUtf8(buffer.mid(headEnd + 4, length));
            buffer.remove(0, headEnd + 4 + length);
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
            for (QWebSocket *client : std::as_const(m_clients))
                client->sendTextMessage(frame);
        }
        if (buffer.size() > MaxRequestBytes)
            socket->abort();
    }

    QWebSocketServer m_webSockets;
    QTcpServer m_trigger;
    QList<QWebSocket *> m_clients;
    QHash<QTcpSocket *, QByteArray> m_requests;
};

} // namespace

int main(int argc, char *argv[])
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    // The event dispatcher `subscriptor --headless` takes (app/main.cpp): the same ground for both.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    BareServer server;
    if (!server.listen()) {
        std::fprintf(stderr, "bench_bare_ws_server: cannot listen\n");
        return 1;
    }
    return QCoreApplication::exec();
}

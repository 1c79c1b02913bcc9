// SPDX-License-Identifier: MIT
// Listener: the one port (DESIGN.md, One port, several protocols) on real sockets. Upgrades pick
// the protocol from Sec-WebSocket-Protocol and refuse the ones we do not speak with HTTP 400;
// other paths are 404; and every limit on what comes from the network holds, with the status or
// close code it documents: head 431, body 413, connections 503, slow heads 408, frames and
// messages 1009. Raw TCP where the bytes matter, QWebSocket where a real client is the point.
#include "transporttestsupport.h"

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;

namespace {

QByteArray upgradeHead(const QByteArray &path, const QByteArray &extraHeaders = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
}

QByteArray headerValue(const QByteArray &response, const QByteArray &name)
{
    const qsizetype end = response.indexOf("\r\n\r\n");
    for (const QByteArray &line : response.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray manyHeaders(int count)
{
    QByteArray request("GET /graphql HTTP/1.1\r\n");
    for (int i = 0; i < count; ++i)
        request += "X-" + QByteArray::number(i) + ": 1\r\n";
    request += "\r\n";
    return request;
}

/// A TCP connection the test keeps open, to see when and how the server ends it.
class RawConnection final
{
public:
    explicit RawConnection(quint16 port)
    {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(Timeout);
    }
    Q_DISABLE_COPY_MOVE(RawConnection)

    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void write(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    /// Reads what came; true once the server has closed the connection.
    bool poll()
    {
        m_received += m_socket.readAll();
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }
    bool waitForClose(int timeoutMs = Timeout)
    {
        return waitFor([this] { return poll(); }, timeoutMs);
    }
    const QByteArray &received() const { return m_received; }
    int status() const
    {
        RawExchange exchange;
        exchange.received = m_received;
        return exchange.status();
    }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

} // namespace

class TestListener final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void upgrade_data();
    void upgrade();
    void refusedSubprotocolWithQWebSocket();
    void notAnUpgrade_data();
    void notAnUpgrade();
    void headLimit_data();
    void headLimit();
    void bodyLimit_data();
    void bodyLimit();
    void malformedRequests_data();
    void malformedRequests();
    void connectionLimit();
    void frameAndMessageLimits_data();
    void frameAndMessageLimits();
    void slowHeads_data();
    void slowHeads();
    void idleHandshakesDoNotBlockOthers();
    void burstOfHandshakes();
    void customPath();

private:
    bool restart(const std::function<void(ServerConfig &)> &configure);

    std::unique_ptr<TestServer> m_server;
};

void TestListener::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY(m_server->start());
}

void TestListener::cleanup()
{
    m_server.reset();
}

bool TestListener::restart(const std::function<void(ServerConfig &)> &configure)
{
    if (!m_server->stop())
        return false;
    configure(m_server->config());
    return m_server->start();
}

void TestListener::upgrade_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("protocol");

    QTest::newRow("no subprotocol: the seed protocol") << QByteArray() << 101 << QByteArray();
    QTest::newRow("graphql-transport-ws") << QByteArray("Sec-WebSocket-Protocol: graphql-transport-ws\r\n") << 101
                                          << QByteArray("graphql-transport-ws");
    QTest::newRow("legacy graphql-ws") << QByteArray("Sec-WebSocket-Protocol: graphql-ws\r\n") << 101 << QByteArray("graphql-ws");
    QTest::newRow("an unknown one, then graphql-ws") << QByteArray("Sec-WebSocket-Protocol: mqtt, graphql-ws\r\n") << 101
                                                     << QByteArray("graphql-ws");
    QTest::newRow("offered in two header lines") << QByteArray("Sec-WebSocket-Protocol: wamp\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n")
                                                 << 101 << QByteArray("graphql-transport-ws");
    QTest::newRow("a query string on the path") << QByteArray() << 101 << QByteArray();
    QTest::newRow("only an unknown one: 400") << QByteArray("Sec-WebSocket-Protocol: mqtt\r\n") << 400 << QByteArray();
    QTest::newRow("two unknown ones: 400") << QByteArray("Sec-WebSocket-Protocol: soap, wamp\r\n") << 400 << QByteArray();
    QTest::newRow("a near miss: 400") << QByteArray("Sec-WebSocket-Protocol: graphql-transport-ws2\r\n") << 400 << QByteArray();
}

void TestListener::upgrade()
{
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    QFETCH(QByteArray, protocol);

    const QByteArray path = QByteArray(QTest::currentDataTag()).contains("query string") ? "/graphql?token=abc" : "/graphql";
    RawConnection connection(m_server->port());
    QVERIFY(connection.isConnected());
    connection.write(upgradeHead(path, headers));
    QVERIFY(waitFor([&] { return connection.poll() || connection.received().contains("\r\n\r\n"); }));
    QCOMPARE(connection.status(), status);
    QCOMPARE(headerValue(connection.received(), "Sec-WebSocket-Protocol"), protocol);
    if (status == 101) {
        QCOMPARE(headerValue(connection.received(), "Sec-WebSocket-Accept"), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        QVERIFY(waitFor([this] { return m_server->sessionCount() == 1; }));
    } else {
        QVERIFY(connection.received().contains("graphql-transport-ws, graphql-ws, or no subprotocol"));
        QVERIFY(connection.waitForClose());
        QCOMPARE(m_server->sessionCount(), 0);
    }
}

void TestListener::refusedSubprotocolWithQWebSocket()
{
    WsClient refused;
    QVERIFY(!refused.open(m_server->webSocketUrl(), {QStringLiteral("mqtt")}));
    WsClient accepted;
    QVERIFY(accepted.open(m_server->webSocketUrl(), {QStringLiteral("mqtt"), QStringLiteral("graphql-transport-ws")}));
    QCOMPARE(accepted.socket().subprotocol(), QStringLiteral("graphql-transport-ws"));
    WsClient seed;
    QVERIFY(seed.openSeed(m_server->webSocketUrl()));
    QCOMPARE(seed.socket().subprotocol(), QString());
}

void TestListener::notAnUpgrade_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    QTest::newRow("an upgrade on another path: 404") << upgradeHead("/other") << 404;
    QTest::newRow("an upgrade on a longer path: 404") << upgradeHead("/graphql/ws") << 404;
    QTest::newRow("an upgrade without a key: 400") << QByteArray("GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                                                                 "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n") << 400;
    QTest::newRow("an upgrade with a short key: 400") << QByteArray("GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                                                                    "Connection: Upgrade\r\nSec-WebSocket-Key: c2hvcnQ=\r\n"
                                                                    "Sec-WebSocket-Version: 13\r\n\r\n") << 400;
    QTest::newRow("an upgrade with a key that is not base64: 400")
        << QByteArray("GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Key: not*base64*at*all*here\r\nSec-WebSocket-Version: 13\r\n\r\n") << 400;
    QTest::newRow("an old WebSocket version") << QByteArray("GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n") << 426;
    QTest::newRow("GET on another path: 404") << QByteArray("GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n") << 404;
}

void TestListener::notAnUpgrade()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    const RawExchange exchange = rawExchange(m_server->port(), request);
    // RFC 6455 §4.4 suggests 426 for a version we do not speak; Qt answers 400, with the version.
    QVERIFY2(exchange.status() == status || (status == 426 && exchange.status() == 400), exchange.received.constData());
    if (status == 426)
        QCOMPARE(headerValue(exchange.received, "Sec-WebSocket-Version"), QByteArray("13"));
    if (request.contains("Upgrade: websocket"))
        QVERIFY(exchange.closedByServer); // a refused upgrade is not a request to keep alive
    QCOMPARE(m_server->sessionCount(), 0);
}

void TestListener::headLimit_data()
{
    QTest::addColumn<int>("headerBytes");
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<int>("status");

    QTest::newRow("a head under the limit") << 800 << false << 200;
    QTest::newRow("a head over the limit: 431") << 3000 << false << 431;
    QTest::newRow("a huge head: 431") << 200'000 << false << 431;
    QTest::newRow("an upgrade head over the limit: 431") << 3000 << true << 431;
}

void TestListener::headLimit()
{
    QFETCH(int, headerBytes);
    QFETCH(bool, upgrade);
    QFETCH(int, status);

    QVERIFY(restart([](ServerConfig &config) { config.limits.maxHeadBytes = 1024; }));
    const QByteArray filler = "X-Filler: " + QByteArray(headerBytes, 'a') + "\r\n";
    const QByteArray request = upgrade ? upgradeHead("/graphql", filler)
                                       : "GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: x\r\n" + filler + "\r\n";
    const RawExchange exchange = rawExchange(m_server->port(), request);
    QCOMPARE(exchange.status(), status);
    if (status == 431) {
        QVERIFY(exchange.received.contains("1024 bytes"));
        QVERIFY(waitFor([this] { return m_server->sessionCount() == 0; }));
    }
}

void TestListener::bodyLimit_data()
{
    QTest::addColumn<int>("bodyBytes");
    QTest::addColumn<bool>("sendBody");
    QTest::addColumn<int>("status");

    QTest::newRow("a body at the limit") << 1024 << true << 200;
    QTest::newRow("a body over the limit: 413, before it is sent") << 1025 << false << 413;
    QTest::newRow("a body far over the limit: 413") << 50'000'000 << false << 413;
}

void TestListener::bodyLimit()
{
    QFETCH(int, bodyBytes);
    QFETCH(bool, sendBody);
    QFETCH(int, status);

    QVERIFY(restart([](ServerConfig &config) { config.limits.maxBodyBytes = 1024; }));
    QByteArray body = R"({"query": "{ __typename }", "x": ")";
    body += QByteArray(qMax(0, bodyBytes - int(body.size()) - 2), 'b') + "\"}";
    const QByteArray head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(bodyBytes) + "\r\n\r\n";
    const RawExchange exchange = rawExchange(m_server->port(), sendBody ? head + body : head);
    QCOMPARE(exchange.status(), status);
    if (status == 413) {
        QVERIFY(exchange.closedByServer);
        QVERIFY(exchange.received.contains("1024 bytes"));
    }
}

void TestListener::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");

    QTest::newRow("not HTTP") << QByteArray("hello there\r\n\r\n") << 400;
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400;
    QTest::newRow("a space before the colon") << QByteArray("GET /graphql HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("a folded header line") << QByteArray("GET /graphql HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n") << 400;
    QTest::newRow("Content-Length not a number") << QByteArray("POST /graphql HTTP/1.1\r\nContent-Length: ten\r\n\r\n") << 400;
    QTest::newRow("Content-Length negative") << QByteArray("POST /graphql HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("chunked: 411") << QByteArray("POST /graphql HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 411;
    QTest::newRow("chunked and Content-Length (smuggling)")
        << QByteArray("POST /graphql HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400;
    QTest::newRow("too many header fields") << manyHeaders(150) << 400;
}

void TestListener::malformedRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    const RawExchange exchange = rawExchange(m_server->port(), request);
    QCOMPARE(exchange.status(), status);
    QVERIFY(exchange.closedByServer);
    // And the server goes on serving.
    QCOMPARE(rawExchange(m_server->port(), "GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status(), 200);
}

// The connection limit counts WebSockets and HTTP connections; past it, 503, and the others carry on.
void TestListener::connectionLimit()
{
    QVERIFY(restart([](ServerConfig &config) { config.limits.maxConnections = 3; }));
    WsClient first;
    WsClient second;
    WsClient third;
    for (WsClient *client : {&first, &second, &third})
        QVERIFY(client->openSeed(m_server->webSocketUrl()));
    QCOMPARE(m_server->sessionCount(), 3);

    RawExchange refused = rawExchange(m_server->port(), upgradeHead("/graphql"));
    QCOMPARE(refused.status(), 503);
    QVERIFY(refused.received.contains("limit of 3 connections"));
    refused = rawExchange(m_server->port(), "GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(refused.status(), 503);
    QVERIFY(refused.closedByServer);
    WsClient fourth;
    QVERIFY(!fourth.open(m_server->webSocketUrl()));
    QVERIFY(first.isConnected() && second.isConnected() && third.isConnected());

    first.socket().close();
    QVERIFY(first.waitForDisconnected());
    QVERIFY(waitFor([this] { return m_server->sessionCount() == 2; }));
    WsClient fifth;
    QVERIFY(fifth.openSeed(m_server->webSocketUrl()));
    third.send(QStringLiteral(R"({"stream": "users", "payload": {"action": "list", "request_id": 1}})"));
    QVERIFY(third.next().contains(QLatin1String("Invalid Action")));
}

// Frame and message size limits: a peer that sends too much is closed with 1009, alone.
void TestListener::frameAndMessageLimits_data()
{
    QTest::addColumn<int>("messageBytes");
    QTest::addColumn<int>("outgoingFrameBytes");
    QTest::addColumn<int>("closeCode"); // 0: served

    QTest::newRow("a message under both limits") << 1000 << 512 << 0;
    QTest::newRow("one frame over the frame limit: 1009") << 3000 << 100'000 << int(QWebSocketProtocol::CloseCodeTooMuchData);
    QTest::newRow("small frames, a message over the message limit: 1009") << 9000 << 1000 << int(QWebSocketProtocol::CloseCodeTooMuchData);
    QTest::newRow("small frames, a message under the message limit") << 3500 << 1000 << 0;
}

void TestListener::frameAndMessageLimits()
{
    QFETCH(int, messageBytes);
    QFETCH(int, outgoingFrameBytes);
    QFETCH(int, closeCode);

    QVERIFY(restart([](ServerConfig &config) {
        config.limits.maxFrameBytes = 2048;
        config.limits.maxMessageBytes = 4096;
    }));
    WsClient bystander;
    QVERIFY(bystander.openSeed(m_server->webSocketUrl()));
    bystander.skipAll();
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    client.socket().setOutgoingFrameSize(quint64(outgoingFrameBytes));
    QByteArray frame = R"({"stream": "users", "payload": {"action": "list", "request_id": ")";
    frame += QByteArray(messageBytes - frame.size() - 3, 'r') + "\"}}";
    QCOMPARE(frame.size(), messageBytes);
    client.send(QString::fromLatin1(frame));
    if (closeCode == 0) {
        QVERIFY(client.next().contains(QLatin1String("Invalid Action")));
        QVERIFY(client.isConnected());
    } else {
        QVERIFY(client.waitForDisconnected());
        QCOMPARE(client.closeCode(), closeCode);
        QVERIFY(waitFor([this] { return m_server->sessionCount() == 1; }));
    }
    bystander.send(QStringLiteral(R"({"stream": "users", "payload": {"action": "list", "request_id": 1}})"));
    QVERIFY(bystander.next().contains(QLatin1String("Invalid Action")));
}

// A head must arrive whole within the handshake timeout, however it trickles in (slowloris).
void TestListener::slowHeads_data()
{
    QTest::addColumn<QByteArray>("start");   // sent at once
    QTest::addColumn<QByteArray>("trickle"); // then one byte at a time, until the server closes

    QTest::newRow("nothing at all") << QByteArray() << QByteArray();
    QTest::newRow("half a head, then silence") << QByteArray("GET /graphql HTTP/1.1\r\nHost: x\r\n") << QByteArray();
    QTest::newRow("half an upgrade head") << QByteArray("GET /graphql HTTP/1.1\r\nUpgrade: websocket\r\n") << QByteArray();
    QTest::newRow("a head, one byte at a time") << QByteArray("GET /graphql HTTP/1.1\r\n") << QByteArray(500, 'x');
}

void TestListener::slowHeads()
{
    QFETCH(QByteArray, start);
    QFETCH(QByteArray, trickle);

    QVERIFY(restart([](ServerConfig &config) { config.limits.handshakeTimeoutMs = 1000; }));
    RawConnection connection(m_server->port());
    QVERIFY(connection.isConnected());
    connection.write(start);
    if (!trickle.isEmpty())
        connection.write("X-Slow: ");
    qsizetype sent = 0;
    // Bounded by the data, not by time: 500 bytes at one per 100 ms is 50 s, far past the timeout.
    const bool closed = waitFor([&] {
        if (connection.poll())
            return true;
        if (sent < trickle.size()) {
            connection.write(trickle.mid(sent++, 1));
            QTest::qWait(100);
        }
        return false;
    }, 120'000);
    QVERIFY2(closed, qPrintable(QStringLiteral("still open after %1 trickled bytes").arg(sent)));
    QCOMPARE(connection.status(), 408);
    QVERIFY(sent < trickle.size() || trickle.isEmpty());
}

// Clients that open connections and send nothing hold no one else up, and go after the timeout.
void TestListener::idleHandshakesDoNotBlockOthers()
{
    QVERIFY(restart([](ServerConfig &config) {
        config.limits.handshakeTimeoutMs = 1500;
        config.limits.maxConnections = 40;
        config.limits.maxPendingHandshakes = 5;
    }));
    std::vector<std::unique_ptr<RawConnection>> idle;
    for (int i = 0; i < 30; ++i) {
        idle.push_back(std::make_unique<RawConnection>(m_server->port()));
        idle.back()->write("GET /graphql HTTP/1.1\r\n");
    }
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    HttpClient http;
    QCOMPARE(http.graphql(m_server->httpUrl(), QStringLiteral("{ __typename }")).status, 200);
    for (const auto &connection : idle) {
        QVERIFY(connection->waitForClose());
        QCOMPARE(connection->status(), 408);
    }
    QVERIFY(client.isConnected());
}

// More WebSocket handshakes at once than maxPendingHandshakes: all are served, none refused.
void TestListener::burstOfHandshakes()
{
    QVERIFY(restart([](ServerConfig &config) { config.limits.maxPendingHandshakes = 2; }));
    std::vector<std::unique_ptr<WsClient>> clients;
    for (int i = 0; i < 20; ++i) {
        clients.push_back(std::make_unique<WsClient>());
        clients.back()->socket().open(m_server->webSocketUrl());
    }
    for (const auto &client : clients)
        QVERIFY(client->waitForFrames(1));
    QCOMPARE(m_server->sessionCount(), 20);
}

// --path moves both HTTP and WebSockets.
void TestListener::customPath()
{
    QVERIFY(restart([](ServerConfig &config) { config.path = QStringLiteral("/core"); }));
    QCOMPARE(m_server->webSocketUrl().path(), QStringLiteral("/core"));
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    QCOMPARE(rawExchange(m_server->port(), upgradeHead("/graphql")).status(), 404);
    HttpClient http;
    QCOMPARE(http.graphql(m_server->httpUrl(), QStringLiteral("{ __typename }")).status, 200);
}

QTEST_GUILESS_MAIN(TestListener)
#include "tst_listener.moc"

// SPDX-License-Identifier: MIT
// TransportWsSession: the graphql-transport-ws protocol (reference/graphql-servers.md §1), one row
// per rule and close code, on real sockets against a Server in this process and a real SQLite
// file: the connection. The subprotocol's negotiation, every close code and its reason, the
// closes of either side, and ping and pong.
#include "graphqlwstestclient.h"
#include "transportwssessionfixture.h"

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;
using namespace Qt::StringLiterals;

namespace {

const QString Init = u"{\"type\":\"connection_init\"}"_s;
const QString SubscribeChanges = uR"({"id":"1","type":"subscribe","payload":{"query":"subscription { userChanges { seq } }"}})"_s;

} // namespace

class TestTransportWsSessionConnection final : public QObject, private TransportWsSessionFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void negotiation_data();
    void negotiation();
    void closeCodes_data();
    void closeCodes();
    void binaryFrameClosesPolicyViolation();
    void serverShutdownClosesGoingAway();
    void clientCloseEndsSubscriptions();
    void pingPong_data();
    void pingPong();
    void pongAccepted_data();
    void pongAccepted();
};

// §1.1: the subprotocol is negotiated in the handshake; one we do not speak is refused there
// (HTTP 400) rather than accepted and closed with 4406.
void TestTransportWsSessionConnection::negotiation_data()
{
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QString>("negotiated"); // empty: refused in the handshake

    QTest::newRow("graphql-transport-ws is negotiated") << QStringList{TransportWs} << TransportWs;
    QTest::newRow("legacy graphql-ws is negotiated") << QStringList{LegacyWs} << LegacyWs;
    QTest::newRow("an unknown one offered first is passed over") << QStringList{u"graphql-foo"_s, TransportWs} << TransportWs;
    QTest::newRow("an unknown subprotocol is refused in the handshake with 400") << QStringList{u"graphql-foo"_s} << QString();
    QTest::newRow("the obsolete graphql-subscriptions is refused with 400") << QStringList{u"graphql-subscriptions"_s} << QString();
    QTest::newRow("several unknown subprotocols are refused with 400") << QStringList{u"mqtt"_s, u"wamp"_s} << QString();
}

void TestTransportWsSessionConnection::negotiation()
{
    QFETCH(QStringList, offered);
    QFETCH(QString, negotiated);
    QVERIFY(start());

    WsClient client;
    if (negotiated.isEmpty()) {
        QVERIFY(!client.open(url(), offered));
        const QByteArray request = "GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                                   "Sec-WebSocket-Protocol: " + offered.join(u", "_s).toUtf8() + "\r\n\r\n";
        const RawExchange exchange = rawExchange(m_server->port(), request);
        QCOMPARE(exchange.status(), 400);
        QVERIFY2(exchange.received.contains(offered.first().toUtf8()), exchange.received.constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_server->sessionCount(), 0, Timeout);
        return;
    }
    QVERIFY(client.open(url(), offered));
    QCOMPARE(client.socket().subprotocol(), negotiated);
    // The session is the negotiated protocol's: both answer connection_init with connection_ack.
    client.send(Init);
    QVERIFY(client.waitForFrames(1));
    QCOMPARE(json(client.frames().first()).value(u"type"_s).toString(), u"connection_ack"_s);
}

void TestTransportWsSessionConnection::closeCodes_data()
{
    QTest::addColumn<int>("initTimeoutMs");
    QTest::addColumn<QStringList>("frames");
    QTest::addColumn<QStringList>("answered"); // the types of the frames that come before the close
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");

    const QString invalid = u"Invalid message received"_s;
    const QStringList acked{u"connection_ack"_s};
    auto row = [](const char *name) { return &QTest::newRow(name); };

    *row("no connection_init within the timeout closes 4408") << 300 << QStringList() << QStringList() << 4408
        << u"Connection initialisation timeout"_s;
    *row("a second connection_init closes 4429") << NoInitTimeoutMs << QStringList{Init, Init} << acked << 4429
        << u"Too many initialisation requests"_s;
    *row("subscribe before connection_ack closes 4401") << NoInitTimeoutMs << QStringList{SubscribeChanges} << QStringList()
        << 4401 << u"Unauthorized"_s;
    *row("subscribe with the id of an active subscription closes 4409") << NoInitTimeoutMs
        << QStringList{Init, SubscribeChanges, SubscribeChanges} << acked << 4409 << u"Subscriber for 1 already exists"_s;
    *row("a query with the id of an active subscription closes 4409") << NoInitTimeoutMs
        << QStringList{Init, SubscribeChanges, uR"({"id":"1","type":"subscribe","payload":{"query":"{ __typename }"}})"_s}
        << acked << 4409 << u"Subscriber for 1 already exists"_s;
    const QString longId(200, u'x');
    *row("the 4409 reason is cut to the 123 bytes a close frame holds") << NoInitTimeoutMs
        << QStringList{Init, uR"({"id":"%1","type":"subscribe","payload":{"query":"subscription { userChanges { seq } }"}})"_s.arg(longId),
                       uR"({"id":"%1","type":"subscribe","payload":{"query":"subscription { userChanges { seq } }"}})"_s.arg(longId)}
        << acked << 4409 << QString(u"Subscriber for "_s + longId).left(123);

    // §1.2: anything that is not a valid message closes 4400.
    *row("unparsable JSON closes 4400") << NoInitTimeoutMs << QStringList{u"{\"type\": \"connection_init\""_s} << QStringList()
        << 4400 << invalid;
    *row("a JSON array closes 4400") << NoInitTimeoutMs << QStringList{u"[]"_s} << QStringList() << 4400 << invalid;
    *row("a JSON string closes 4400") << NoInitTimeoutMs << QStringList{u"\"connection_init\""_s} << QStringList() << 4400 << invalid;
    *row("a message without type closes 4400") << NoInitTimeoutMs << QStringList{u"{\"payload\":{}}"_s} << QStringList() << 4400
        << invalid;
    *row("a non-string type closes 4400") << NoInitTimeoutMs << QStringList{u"{\"type\":1}"_s} << QStringList() << 4400 << invalid;
    *row("an unknown type closes 4400") << NoInitTimeoutMs << QStringList{u"{\"type\":\"hello\"}"_s} << QStringList() << 4400
        << u"Unexpected message type \"hello\""_s;
    *row("next from the client closes 4400") << NoInitTimeoutMs
        << QStringList{Init, uR"({"id":"1","type":"next","payload":{"data":null}})"_s} << acked << 4400
        << u"Unexpected message type \"next\""_s;
    *row("error from the client closes 4400") << NoInitTimeoutMs
        << QStringList{Init, uR"({"id":"1","type":"error","payload":[{"message":"x"}]})"_s} << acked << 4400
        << u"Unexpected message type \"error\""_s;
    *row("connection_ack from the client closes 4400") << NoInitTimeoutMs << QStringList{u"{\"type\":\"connection_ack\"}"_s}
        << QStringList() << 4400 << u"Unexpected message type \"connection_ack\""_s;
    *row("connection_init with a string payload closes 4400") << NoInitTimeoutMs
        << QStringList{u"{\"type\":\"connection_init\",\"payload\":\"token\"}"_s} << QStringList() << 4400 << invalid;
    *row("connection_init with an array payload closes 4400") << NoInitTimeoutMs
        << QStringList{u"{\"type\":\"connection_init\",\"payload\":[]}"_s} << QStringList() << 4400 << invalid;
    *row("ping with a string payload closes 4400") << NoInitTimeoutMs << QStringList{u"{\"type\":\"ping\",\"payload\":\"x\"}"_s}
        << QStringList() << 4400 << invalid;
    *row("pong with a number payload closes 4400") << NoInitTimeoutMs << QStringList{u"{\"type\":\"pong\",\"payload\":1}"_s}
        << QStringList() << 4400 << invalid;
    *row("subscribe without an id closes 4400") << NoInitTimeoutMs
        << QStringList{Init, uR"({"type":"subscribe","payload":{"query":"{ __typename }"}})"_s} << acked << 4400 << invalid;
    *row("subscribe with an empty id closes 4400") << NoInitTimeoutMs
        << QStringList{Init, uR"({"id":"","type":"subscribe","payload":{"query":"{ __typename }"}})"_s} << acked << 4400 << invalid;
    *row("subscribe with a numeric id closes 4400") << NoInitTimeoutMs
        << QStringList{Init, uR"({"id":1,"type":"subscribe","payload":{"query":"{ __typename }"}})"_s} << acked << 4400 << invalid;
    *row("subscribe without a payload closes 4400") << NoInitTimeoutMs << QStringList{Init, uR"({"id":"1","type":"subscribe"})"_s}
        << acked << 4400 << invalid;
    *row("subscribe without a query closes 4400") << NoInitTimeoutMs
        << QStringList{Init, uR"({"id":"1","type":"subscribe","payload":{"variables":{}}})"_s} << acked << 4400 << invalid;
    *row("subscribe with a non-string query closes 4400") << NoInitTimeoutMs
        << QStringList{Init, uR"({"id":"1","type":"subscribe","payload":{"query":{}}})"_s} << acked << 4400 << invalid;
    *row("subscribe with non-object variables closes 4400") << NoInitTimeoutMs
        << QStringList{Init, uR"({"id":"1","type":"subscribe","payload":{"query":"{ __typename }","variables":[]}})"_s} << acked
        << 4400 << invalid;
    *row("subscribe with non-object extensions closes 4400") << NoInitTimeoutMs
        << QStringList{Init, uR"({"id":"1","type":"subscribe","payload":{"query":"{ __typename }","extensions":"x"}})"_s} << acked
        << 4400 << invalid;
    *row("subscribe with a non-string operationName closes 4400") << NoInitTimeoutMs
        << QStringList{Init, uR"({"id":"1","type":"subscribe","payload":{"query":"{ __typename }","operationName":7}})"_s} << acked
        << 4400 << invalid;
    *row("an invalid subscribe before connection_ack closes 4400, not 4401") << NoInitTimeoutMs
        << QStringList{uR"({"type":"subscribe","payload":{"query":"{ __typename }"}})"_s} << QStringList() << 4400 << invalid;
    *row("complete without an id closes 4400") << NoInitTimeoutMs << QStringList{Init, u"{\"type\":\"complete\"}"_s} << acked << 4400
        << invalid;
    *row("complete with an empty id closes 4400") << NoInitTimeoutMs << QStringList{Init, u"{\"id\":\"\",\"type\":\"complete\"}"_s}
        << acked << 4400 << invalid;
}

void TestTransportWsSessionConnection::closeCodes()
{
    QFETCH(int, initTimeoutMs);
    QFETCH(QStringList, frames);
    QFETCH(QStringList, answered);
    QFETCH(int, code);
    QFETCH(QString, reason);
    QVERIFY(start(initTimeoutMs));

    GraphQLWsClient client;
    QVERIFY(client.open(url()));
    for (const QString &frame : std::as_const(frames))
        client.send(frame);
    QVERIFY(client.waitForClose());
    QCOMPARE(client.closeCode(), code);
    QCOMPARE(client.closeReason(), reason);
    QStringList types;
    for (const QString &frame : client.ws().frames())
        types.append(json(frame).value(u"type"_s).toString());
    QCOMPARE(types, answered);
    // The session and its subscriptions end with the socket.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->sessionCount(), 0, Timeout);
    QCOMPARE(m_server->subscriptionCount(), 0);
}

void TestTransportWsSessionConnection::binaryFrameClosesPolicyViolation()
{
    QVERIFY(start());
    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.ws().socket().sendBinaryMessage(QByteArrayLiteral("{\"type\":\"ping\"}"));
    QVERIFY(client.waitForClose());
    QCOMPARE(client.closeCode(), 1008);
    QCOMPARE(client.closeReason(), u"Binary frames are not part of this protocol"_s);
}

// §1.3: 1001 Going Away when the server shuts down; the reference client reconnects.
void TestTransportWsSessionConnection::serverShutdownClosesGoingAway()
{
    QVERIFY(start());
    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.subscribe(u"1"_s, u"subscription { userChanges { seq } }"_s);
    QVERIFY(client.nothingElse());
    QVERIFY(m_server->stop());
    QVERIFY(client.waitForClose());
    QCOMPARE(client.closeCode(), 1001);
    QCOMPARE(client.closeReason(), u"Server shutting down"_s);
}

// The client ends with 1000 Normal Closure (§1.1): its subscriptions end with it.
void TestTransportWsSessionConnection::clientCloseEndsSubscriptions()
{
    QVERIFY(start());
    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.subscribe(u"1"_s, u"subscription { userChanges { seq } }"_s);
    client.subscribe(u"2"_s, u"subscription { groupChanges(id: 2) { seq } }"_s);
    QVERIFY(client.nothingElse());
    QCOMPARE(m_server->subscriptionCount(), 2);
    client.ws().socket().close(QWebSocketProtocol::CloseCodeNormal);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->subscriptionCount(), 0, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->sessionCount(), 0, Timeout);
}

// §1.2: ping at any time on the open socket; pong at once, with the ping's payload.
void TestTransportWsSessionConnection::pingPong_data()
{
    QTest::addColumn<bool>("initialised");
    QTest::addColumn<QString>("ping");
    QTest::addColumn<QString>("pong");

    QTest::newRow("ping before connection_init is answered") << false << u"{\"type\":\"ping\"}"_s << u"{\"type\":\"pong\"}"_s;
    QTest::newRow("ping without payload gets a pong without payload") << true << u"{\"type\":\"ping\"}"_s
                                                                      << u"{\"type\":\"pong\"}"_s;
    QTest::newRow("ping with a null payload gets a pong without payload")
        << true << u"{\"type\":\"ping\",\"payload\":null}"_s << u"{\"type\":\"pong\"}"_s;
    QTest::newRow("ping with an empty payload gets it back") << true << u"{\"type\":\"ping\",\"payload\":{}}"_s
                                                             << u"{\"type\":\"pong\",\"payload\":{}}"_s;
    QTest::newRow("ping payload is echoed in the pong")
        << true << uR"({"type":"ping","payload":{"n":1,"text":"é ✓","nested":{"list":[1,"two",null]}}})"_s
        << uR"({"type":"pong","payload":{"n":1,"text":"é ✓","nested":{"list":[1,"two",null]}}})"_s;
    QTest::newRow("ping payload is echoed before connection_init too")
        << false << uR"({"type":"ping","payload":{"early":true}})"_s << uR"({"type":"pong","payload":{"early":true}})"_s;
}

void TestTransportWsSessionConnection::pingPong()
{
    QFETCH(bool, initialised);
    QFETCH(QString, ping);
    QFETCH(QString, pong);
    QVERIFY(start());

    GraphQLWsClient client;
    QVERIFY(initialised ? client.connectTo(url()) : client.open(url()));
    client.send(ping);
    QCOMPARE(compact(client.next()), compact(json(pong)));
    QVERIFY(client.nothingElse());
    QVERIFY(client.ws().isConnected());
}

// §1.2: pong may be sent unsolicited, as a one-way heartbeat: no answer, no close.
void TestTransportWsSessionConnection::pongAccepted_data()
{
    QTest::addColumn<bool>("initialised");
    QTest::addColumn<QString>("pong");

    QTest::newRow("an unsolicited pong is accepted") << true << u"{\"type\":\"pong\"}"_s;
    QTest::newRow("a pong with a payload is accepted") << true << u"{\"type\":\"pong\",\"payload\":{\"t\":1}}"_s;
    QTest::newRow("a pong with a null payload is accepted") << true << u"{\"type\":\"pong\",\"payload\":null}"_s;
    QTest::newRow("a pong before connection_init is accepted") << false << u"{\"type\":\"pong\"}"_s;
}

void TestTransportWsSessionConnection::pongAccepted()
{
    QFETCH(bool, initialised);
    QFETCH(QString, pong);
    QVERIFY(start());

    GraphQLWsClient client;
    QVERIFY(initialised ? client.connectTo(url()) : client.open(url()));
    client.send(pong);
    client.send(pong);
    QVERIFY(client.nothingElse());
    QVERIFY(client.ws().isConnected());
}

QTEST_GUILESS_MAIN(TestTransportWsSessionConnection)
#include "tst_transportwssession_connection.moc"

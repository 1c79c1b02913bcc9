// SPDX-License-Identifier: MIT
// TransportWsSession: the graphql-transport-ws protocol (reference/graphql-servers.md §1), one row
// per rule and close code, on real sockets against a Server in this process and a real SQLite
// file. Then what Subscriptor adds through the protocol's `extensions` (§1.6, §7): the change
// streams `<model>Changes(actions, id)` with `extensions.seq`, identical payloads for identical
// selections, and resuming after a seq with `extensions.resumeAfter`.
#include "graphqlwstestclient.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;
using namespace Qt::StringLiterals;

namespace {

/// Long enough never to fire in a test that does not wait for it.
constexpr int NoInitTimeoutMs = 600'000;

const QString Init = u"{\"type\":\"connection_init\"}"_s;
const QString SubscribeChanges = uR"({"id":"1","type":"subscribe","payload":{"query":"subscription { userChanges { seq } }"}})"_s;

/// The changes the resume tests make, by index: the mutation, then the notification it gives to
/// `userChanges { action id data { lastName } }`. The last one is made after resuming (live).
struct ResumeWrite
{
    QString mutation;
    QString notification;
};
const QList<ResumeWrite> &resumeWrites()
{
    static const QList<ResumeWrite> writes = {
        {u"mutation { userUpdate(newUser: {id: 5, lastName: \"R0\"}) { ok } }"_s,
         uR"({"action":"UPDATE","id":"5","data":{"lastName":"R0"}})"_s},
        {u"mutation { userUpdate(newUser: {id: 6, lastName: \"R1\"}) { ok } }"_s,
         uR"({"action":"UPDATE","id":"6","data":{"lastName":"R1"}})"_s},
        {u"mutation { userCreate(newUser: {username: \"zoe\", lastName: \"R2\"}) { ok } }"_s,
         uR"({"action":"CREATE","id":"7","data":{"lastName":"R2"}})"_s},
        {u"mutation { userUpdate(newUser: {id: 5, lastName: \"R3\"}) { ok } }"_s,
         uR"({"action":"UPDATE","id":"5","data":{"lastName":"R3"}})"_s},
        {u"mutation { userDelete(id: 7) { ok } }"_s, uR"({"action":"DELETE","id":"7","data":{"lastName":"R2"}})"_s},
        {u"mutation { userUpdate(newUser: {id: 5, lastName: \"R5\"}) { ok } }"_s,
         uR"({"action":"UPDATE","id":"5","data":{"lastName":"R5"}})"_s},
    };
    return writes;
}
constexpr int LiveWrite = 5;

QStringList texts(const QList<QJsonObject> &frames)
{
    QStringList result;
    for (const QJsonObject &frame : frames)
        result.append(compact(frame));
    return result;
}

} // namespace

class TestTransportWsSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

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
    void singleResult_data();
    void singleResult();
    void operationErrors_data();
    void operationErrors();
    void seedFieldAnswersOnce_data();
    void seedFieldAnswersOnce();
    void clientCompleteStopsDeliveries();
    void ignoredIds_data();
    void ignoredIds();
    void changeEvents_data();
    void changeEvents();
    void mutationOverTheSocket();
    void identicalSelections_data();
    void identicalSelections();
    void filters_data();
    void filters();
    void resume_data();
    void resume();
    void resumeRefused_data();
    void resumeRefused();
    void subscriptionLimit();

private:
    bool start(int initTimeoutMs = NoInitTimeoutMs);
    QUrl url() const { return m_server->webSocketUrl(); }
    QList<qint64> writeResumeChanges(int count);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Writer> m_writer;
};

void TestTransportWsSession::init()
{
    m_server = std::make_unique<TestServer>();
    m_writer = std::make_unique<Writer>(*m_server);
}

void TestTransportWsSession::cleanup()
{
    m_writer.reset();
    m_server.reset();
}

bool TestTransportWsSession::start(int initTimeoutMs)
{
    m_server->config().limits.connectionInitTimeoutMs = initTimeoutMs;
    return m_server->start();
}

// §1.1: the subprotocol is negotiated in the handshake; one we do not speak is refused there
// (HTTP 400) rather than accepted and closed with 4406.
void TestTransportWsSession::negotiation_data()
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

void TestTransportWsSession::negotiation()
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

void TestTransportWsSession::closeCodes_data()
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

void TestTransportWsSession::closeCodes()
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

void TestTransportWsSession::binaryFrameClosesPolicyViolation()
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
void TestTransportWsSession::serverShutdownClosesGoingAway()
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
void TestTransportWsSession::clientCloseEndsSubscriptions()
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
void TestTransportWsSession::pingPong_data()
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

void TestTransportWsSession::pingPong()
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
void TestTransportWsSession::pongAccepted_data()
{
    QTest::addColumn<bool>("initialised");
    QTest::addColumn<QString>("pong");

    QTest::newRow("an unsolicited pong is accepted") << true << u"{\"type\":\"pong\"}"_s;
    QTest::newRow("a pong with a payload is accepted") << true << u"{\"type\":\"pong\",\"payload\":{\"t\":1}}"_s;
    QTest::newRow("a pong with a null payload is accepted") << true << u"{\"type\":\"pong\",\"payload\":null}"_s;
    QTest::newRow("a pong before connection_init is accepted") << false << u"{\"type\":\"pong\"}"_s;
}

void TestTransportWsSession::pongAccepted()
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

// §1.2: queries and mutations through subscribe: at most one next, then complete.
void TestTransportWsSession::singleResult_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("operationName");
    QTest::addColumn<QString>("payload");

    QTest::newRow("a query answers next then complete")
        << u"{ user(id: 5) { username firstName } }"_s << QString() << QString()
        << uR"({"data":{"user":{"username":"meaghan90","firstName":"Meaghan"}}})"_s;
    QTest::newRow("a query with variables") << u"query ($id: ID!) { user(id: $id) { email } }"_s << u"{\"id\":\"2\"}"_s << QString()
                                            << uR"({"data":{"user":{"email":"grace@example.com"}}})"_s;
    QTest::newRow("operationName picks one of several operations")
        << u"query A { user(id: 1) { username } } query B { user(id: 2) { username } }"_s << QString() << u"B"_s
        << uR"({"data":{"user":{"username":"grace"}}})"_s;
    QTest::newRow("a list query") << u"{ allUsers { totalCount } }"_s << QString() << QString()
                                  << uR"({"data":{"allUsers":{"totalCount":6}}})"_s;
    QTest::newRow("the root __typename") << u"{ __typename }"_s << QString() << QString() << uR"({"data":{"__typename":"Query"}})"_s;
    QTest::newRow("a resolver error goes in the next payload's errors")
        << u"{ user(id: \"abc\") { username } }"_s << QString() << QString()
        << uR"({"data":{"user":null},"errors":[{"message":"Enter a whole number.","locations":[{"line":1,"column":3}],"path":["user"]}]})"_s;
    QTest::newRow("a mutation answers next then complete")
        << u"mutation { userUpdate(newUser: {id: 3, lastName: \"T.\"}) { ok user { lastName } } }"_s << QString() << QString()
        << uR"({"data":{"userUpdate":{"ok":true,"user":{"lastName":"T."}}}})"_s;
    QTest::newRow("a mutation with variables") << u"mutation ($u: UserInput!) { userCreate(newUser: $u) { ok user { id username } } }"_s
                                               << u"{\"u\":{\"username\":\"zoe\"}}"_s << QString()
                                               << uR"({"data":{"userCreate":{"ok":true,"user":{"id":"7","username":"zoe"}}}})"_s;
    QTest::newRow("a refused mutation answers ok false, then complete")
        << u"mutation { userCreate(newUser: {username: \"admin\"}) { ok errors { field messages } } }"_s << QString() << QString()
        << uR"({"data":{"userCreate":{"ok":false,"errors":[{"field":"username","messages":["User with this username already exists."]}]}}})"_s;
}

void TestTransportWsSession::singleResult()
{
    QFETCH(QString, query);
    QFETCH(QString, variables);
    QFETCH(QString, operationName);
    QFETCH(QString, payload);
    QVERIFY(start());

    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.subscribe(u"op"_s, query, json(variables.isEmpty() ? u"{}"_s : variables), {}, operationName);
    QCOMPARE(compact(client.next()), compact(client.result(u"op"_s, json(payload))));
    QCOMPARE(compact(client.next()), compact(GraphQLWsClient::complete(u"op"_s)));
    QVERIFY(client.nothingElse());
    QCOMPARE(m_server->subscriptionCount(), 0);
}

// §1.2: failures before execution are an `error` message with a non-empty array of errors; it
// ends the operation, no `complete` follows, and the id is free again.
void TestTransportWsSession::operationErrors_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("message"); // a part of the first error's message

    QTest::newRow("a syntax error") << uR"({"query":"{ user(id: 5) { username }"})"_s << u"Syntax Error"_s;
    QTest::newRow("an unknown field") << uR"({"query":"{ nope }"})"_s << u"Cannot query field \"nope\" on type \"Query\"."_s;
    QTest::newRow("a missing required argument") << uR"({"query":"{ user { username } }"})"_s << u"argument \"id\""_s;
    QTest::newRow("an unknown operationName") << uR"({"query":"query A { __typename }","operationName":"B"})"_s << u"\"B\""_s;
    QTest::newRow("several operations and no operationName") << uR"({"query":"query A { __typename } query B { __typename }"})"_s
                                                             << u"operation name"_s;
    QTest::newRow("a variable of the wrong type")
        << uR"({"query":"query ($id: ID!) { user(id: $id) { username } }","variables":{"id":{"x":1}}})"_s << u"$id"_s;
    QTest::newRow("a missing required variable") << uR"({"query":"query ($id: ID!) { user(id: $id) { username } }"})"_s << u"$id"_s;
    QTest::newRow("a subscription with two root fields")
        << uR"({"query":"subscription { userChanges { seq } groupChanges { seq } }"})"_s << u"only one top level field"_s;
    QTest::newRow("a change stream asked in a query") << uR"({"query":"{ userChanges { seq } }"})"_s
                                                      << u"Cannot query field \"userChanges\" on type \"Query\"."_s;
    QTest::newRow("an unknown action in the change stream's filter")
        << uR"({"query":"subscription { userChanges(actions: [UPSERT]) { seq } }"})"_s << u"UPSERT"_s;
    QTest::newRow("an unknown argument of the change stream") << uR"({"query":"subscription { userChanges(action: UPDATE) { seq } }"})"_s
                                                              << u"Unknown argument \"action\""_s;
    QTest::newRow("resumeAfter that is not a seq")
        << uR"({"query":"subscription { userChanges { seq } }","extensions":{"resumeAfter":"abc"}})"_s
        << u"extensions.resumeAfter must be a seq"_s;
    QTest::newRow("resumeAfter that is a boolean")
        << uR"({"query":"subscription { userChanges { seq } }","extensions":{"resumeAfter":true}})"_s
        << u"extensions.resumeAfter must be a seq"_s;
}

void TestTransportWsSession::operationErrors()
{
    QFETCH(QString, payload);
    QFETCH(QString, message);
    QVERIFY(start());

    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.send(QJsonObject{{u"id"_s, u"op"_s}, {u"type"_s, u"subscribe"_s}, {u"payload"_s, json(payload)}});
    const QJsonObject error = client.next();
    QCOMPARE(error.value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(error.value(u"id"_s).toString(), u"op"_s);
    QCOMPARE(error.size(), 3);
    const QJsonArray errors = error.value(u"payload"_s).toArray();
    QVERIFY2(!errors.isEmpty(), qPrintable(compact(error)));
    for (const QJsonValue &each : errors)
        QVERIFY2(each.toObject().value(u"message"_s).isString(), qPrintable(compact(error)));
    QVERIFY2(errors.first().toObject().value(u"message"_s).toString().contains(message), qPrintable(compact(error)));
    QVERIFY(client.nothingElse()); // no complete after an error
    QCOMPARE(m_server->subscriptionCount(), 0);

    // The operation is over: its id may be used again.
    client.subscribe(u"op"_s, u"{ __typename }"_s);
    QCOMPARE(compact(client.next()), compact(client.result(u"op"_s, json(u"{\"data\":{\"__typename\":\"Query\"}}"_s))));
    QCOMPARE(compact(client.next()), compact(GraphQLWsClient::complete(u"op"_s)));
    QVERIFY(client.ws().isConnected());
}

// The seed's subscription field over graphql-transport-ws is a request like any other: it
// answers once (its ok/error), then completes; the notifications go to the seed channel.
void TestTransportWsSession::seedFieldAnswersOnce_data()
{
    QTest::addColumn<bool>("knownChannel");
    QTest::addColumn<QString>("payload");

    QTest::newRow("a seed channel: ok, once, then complete")
        << true << uR"({"data":{"userSubscription":{"ok":true,"error":null,"stream":"users","operation":"SUBSCRIBE","action":"UPDATE"}}})"_s;
    QTest::newRow("an unknown channel: not ok, once, then complete")
        << false << uR"({"data":{"userSubscription":{"ok":false,"stream":"users","operation":"SUBSCRIBE","action":"UPDATE"}}})"_s;
}

void TestTransportWsSession::seedFieldAnswersOnce()
{
    QFETCH(bool, knownChannel);
    QFETCH(QString, payload);
    QVERIFY(start());

    WsClient seed;
    QVERIFY(seed.openSeed(url()));
    seed.skipAll();
    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    const QString channel = knownChannel ? seed.channelId() : u"no-such-channel"_s;
    const QString fields = knownChannel ? u"ok error stream operation action"_s : u"ok stream operation action"_s;
    client.subscribe(u"seed"_s, u"subscription { userSubscription(channelId: \"%1\", action: UPDATE, operation: SUBSCRIBE, id: 5) "
                               "{ %2 } }"_s.arg(channel, fields));
    QCOMPARE(compact(client.next()), compact(client.result(u"seed"_s, json(payload))));
    QCOMPARE(compact(client.next()), compact(GraphQLWsClient::complete(u"seed"_s)));
    QVERIFY(client.nothingElse());
    if (!knownChannel)
        return;
    // The seed channel is told of the subscription in its own protocol, then gets the change.
    const QJsonObject ack = json(seed.next());
    QCOMPARE(ack.value(u"operation"_s).toString(), u"subscribe"_s);
    QCOMPARE(ack.value(u"ok"_s).toBool(), true);
    QVERIFY(m_writer->updateUser(5, u"lastName"_s, u"Seeded"_s));
    const QJsonObject notification = json(seed.next());
    QCOMPARE(notification.value(u"stream"_s).toString(), u"users"_s);
    QCOMPARE(notification.value(u"payload"_s).toObject().value(u"action"_s).toString(), u"update"_s);
}

// §1.2: `complete` from the client: the server stops the operation and sends nothing more for it.
void TestTransportWsSession::clientCompleteStopsDeliveries()
{
    QVERIFY(start());
    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.subscribeFence();
    const QString query = u"subscription { userChanges(id: 5) { data { lastName } } }"_s;
    client.subscribe(u"a"_s, query);
    client.subscribe(u"b"_s, query);
    QVERIFY(client.nothingElse());
    QCOMPARE(m_server->subscriptionCount(), 3);

    client.stop(u"a"_s);
    QVERIFY(client.nothingElse());
    QCOMPARE(m_server->subscriptionCount(), 2);
    QVERIFY(m_writer->updateUser(5, u"lastName"_s, u"Once"_s));
    QVERIFY(m_writer->writeFence());
    const QList<QJsonObject> frames = client.untilFence();
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.first().value(u"id"_s).toString(), u"b"_s);

    client.stop(u"b"_s);
    QVERIFY(m_writer->updateUser(5, u"lastName"_s, u"Twice"_s));
    QVERIFY(m_writer->writeFence());
    QCOMPARE(texts(client.untilFence()), QStringList());
    QCOMPARE(m_server->subscriptionCount(), 1);
}

// §1.2: a message other than subscribe whose id is unknown or finished is ignored, without
// error; crossing `complete` messages are tolerated. Once finished, an id may be used again.
void TestTransportWsSession::ignoredIds_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<int>("answers"); // frames the server sends for `before`

    const QString complete = u"{\"id\":\"x\",\"type\":\"complete\"}"_s;
    QTest::newRow("complete for an id never used") << QStringList() << 0;
    QTest::newRow("complete for a query that already completed")
        << QStringList{uR"({"id":"x","type":"subscribe","payload":{"query":"{ __typename }"}})"_s} << 2;
    QTest::newRow("complete for an operation that ended in error")
        << QStringList{uR"({"id":"x","type":"subscribe","payload":{"query":"{ nope }"}})"_s} << 1;
    QTest::newRow("complete twice for the same subscription")
        << QStringList{uR"({"id":"x","type":"subscribe","payload":{"query":"subscription { userChanges { seq } }"}})"_s, complete} << 0;
}

void TestTransportWsSession::ignoredIds()
{
    QFETCH(QStringList, before);
    QFETCH(int, answers);
    QVERIFY(start());

    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    for (const QString &frame : std::as_const(before))
        client.send(frame);
    for (int i = 0; i < answers; ++i)
        QVERIFY(!client.next().contains(u"missing"_s));
    client.stop(u"x"_s);
    QVERIFY(client.nothingElse());
    QVERIFY(client.ws().isConnected());
    QCOMPARE(m_server->subscriptionCount(), 0);

    client.subscribe(u"x"_s, u"{ __typename }"_s);
    QCOMPARE(compact(client.next()), compact(client.result(u"x"_s, json(u"{\"data\":{\"__typename\":\"Query\"}}"_s))));
    QCOMPARE(compact(client.next()), compact(GraphQLWsClient::complete(u"x"_s)));
}

// A change → one `next` with exactly the selected fields (spec §6.2.3.2) and `extensions.seq`.
void TestTransportWsSession::changeEvents_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("write");
    QTest::addColumn<QString>("data"); // `$SEQ` stands for the change's seq

    const QString update5 = u"mutation { userUpdate(newUser: {id: 5, firstName: \"Mia\"}) { ok } }"_s;
    QTest::newRow("update: action, id and the selected data fields")
        << u"subscription { userChanges(id: 5) { action id data { firstName lastName } } }"_s << QString() << update5
        << uR"({"userChanges":{"action":"UPDATE","id":"5","data":{"firstName":"Mia","lastName":"Ackerman"}}})"_s;
    QTest::newRow("update: the row before and after")
        << u"subscription { userChanges { previous { firstName } data { firstName } } }"_s << QString() << update5
        << uR"({"userChanges":{"previous":{"firstName":"Meaghan"},"data":{"firstName":"Mia"}}})"_s;
    QTest::newRow("create: the whole new row and no previous one")
        << u"subscription { userChanges(actions: [CREATE]) { action data { id username firstName lastName email isSuperuser } previous { id } } }"_s
        << QString() << u"mutation { userCreate(newUser: {username: \"zoe\", firstName: \"Zoe\", isSuperuser: true}) { ok } }"_s
        << uR"({"userChanges":{"action":"CREATE","data":{"id":"7","username":"zoe","firstName":"Zoe","lastName":"","email":"","isSuperuser":true},"previous":null}})"_s;
    QTest::newRow("delete: the row as it was")
        << u"subscription { userChanges(actions: [DELETE]) { action id data { username } } }"_s << QString()
        << u"mutation { userDelete(id: 6) { ok } }"_s << uR"({"userChanges":{"action":"DELETE","id":"6","data":{"username":"john"}}})"_s;
    QTest::newRow("the stream and model names")
        << u"subscription { userChanges { stream model } }"_s << QString() << update5
        << uR"({"userChanges":{"stream":"users","model":"auth.user"}})"_s;
    QTest::newRow("the seq field is the extensions' seq") << u"subscription { userChanges { seq } }"_s << QString() << update5
                                                          << uR"({"userChanges":{"seq":"$SEQ"}})"_s;
    QTest::newRow("aliases and __typename")
        << u"subscription { change: userChanges { kind: action __typename row: data { __typename name: username } } }"_s << QString()
        << update5 << uR"({"change":{"kind":"UPDATE","__typename":"UserChangeEvent","row":{"__typename":"User","name":"meaghan90"}}})"_s;
    QTest::newRow("fragments in a named operation")
        << u"subscription Watch { userChanges(id: 5) { ...Change } } fragment Change on UserChangeEvent { action data { ... on User { email } } }"_s
        << QString() << update5 << uR"({"userChanges":{"action":"UPDATE","data":{"email":"meaghan@gmail.com"}}})"_s;
    QTest::newRow("directives with variables")
        << u"subscription ($full: Boolean!) { userChanges(id: 5) { action data @include(if: $full) { firstName } id @skip(if: $full) } }"_s
        << u"{\"full\":true}"_s << update5 << uR"({"userChanges":{"action":"UPDATE","data":{"firstName":"Mia"}}})"_s;
    QTest::newRow("the row chosen by a variable")
        << u"subscription ($id: ID) { userChanges(id: $id) { id } }"_s << u"{\"id\":\"5\"}"_s << update5
        << uR"({"userChanges":{"id":"5"}})"_s;
    QTest::newRow("another model's stream")
        << u"subscription { groupChanges(id: 2) { action data { id name } } }"_s << QString()
        << u"mutation { groupUpdate(newGroup: {id: 2, name: \"critics\"}) { ok } }"_s
        << uR"({"groupChanges":{"action":"UPDATE","data":{"id":"2","name":"critics"}}})"_s;
}

void TestTransportWsSession::changeEvents()
{
    QFETCH(QString, query);
    QFETCH(QString, variables);
    QFETCH(QString, write);
    QFETCH(QString, data);
    QVERIFY(start());

    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.subscribeFence();
    client.subscribe(u"op"_s, query, json(variables.isEmpty() ? u"{}"_s : variables));
    QVERIFY(client.nothingElse());
    QVERIFY(m_writer->mutate(write));
    QVERIFY(m_writer->writeFence());
    const QList<QJsonObject> frames = client.untilFence();
    QCOMPARE(frames.size(), 1);
    const QJsonObject frame = frames.first();
    const QString seq = frame.value(u"payload"_s).toObject().value(u"extensions"_s).toObject().value(u"seq"_s).toString();
    QVERIFY2(QRegularExpression(u"^[1-9][0-9]*$"_s).match(seq).hasMatch(), qPrintable(compact(frame)));
    const QJsonObject payload{{u"data"_s, json(QString(data).replace(u"$SEQ"_s, seq))},
                              {u"extensions"_s, QJsonObject{{u"seq"_s, seq}}}};
    QCOMPARE(compact(frame), compact(client.result(u"op"_s, payload)));
}

// A mutation over the socket: its answer, then its change to the same socket's subscription.
void TestTransportWsSession::mutationOverTheSocket()
{
    QVERIFY(start());
    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.subscribeFence();
    client.subscribe(u"sub"_s, u"subscription { userChanges(id: 5) { action data { lastName } } }"_s);
    client.subscribe(u"mut"_s, u"mutation { userUpdate(newUser: {id: 5, lastName: \"Socket\"}) { ok } }"_s);
    QCOMPARE(compact(client.next()), compact(client.result(u"mut"_s, json(u"{\"data\":{\"userUpdate\":{\"ok\":true}}}"_s))));
    QCOMPARE(compact(client.next()), compact(GraphQLWsClient::complete(u"mut"_s)));
    QVERIFY(m_writer->writeFence());
    const QList<QJsonObject> frames = client.untilFence();
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.first().value(u"id"_s).toString(), u"sub"_s);
    QCOMPARE(compact(frames.first().value(u"payload"_s).toObject().value(u"data"_s).toObject()),
             compact(json(uR"({"userChanges":{"action":"UPDATE","data":{"lastName":"Socket"}}})"_s)));
}

// DESIGN.md, Fan-out: subscribers of the same selection get byte-identical payloads (the frame
// is built once per change); only the envelope (the operation's id) differs.
void TestTransportWsSession::identicalSelections_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<QString>("secondProtocol");
    QTest::addColumn<QString>("variables");

    const QString document = u"subscription { userChanges(id: 5) { action seq data { firstName email } } }"_s;
    QTest::newRow("two clients with the same document") << document << document << TransportWs << QString();
    QTest::newRow("the same document with the same variables")
        << u"subscription ($id: ID) { userChanges(id: $id) { action data { firstName } } }"_s
        << u"subscription ($id: ID) { userChanges(id: $id) { action data { firstName } } }"_s << TransportWs << u"{\"id\":\"5\"}"_s;
    QTest::newRow("the same selection written differently")
        << document << u"subscription{userChanges(id:\"5\"){action,seq,data{firstName,email}}}"_s << TransportWs << QString();
    QTest::newRow("a graphql-transport-ws and a legacy graphql-ws client") << document << document << LegacyWs << QString();
}

void TestTransportWsSession::identicalSelections()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(QString, secondProtocol);
    QFETCH(QString, variables);
    QVERIFY(start());

    GraphQLWsClient a;
    GraphQLWsClient b(secondProtocol);
    QVERIFY(a.connectTo(url()));
    QVERIFY(b.connectTo(url()));
    const QJsonObject values = json(variables.isEmpty() ? u"{}"_s : variables);
    a.subscribe(u"a"_s, first, values);
    b.subscribe(u"b-%1"_s.arg(secondProtocol), second, values);
    QVERIFY(a.nothingElse());
    QVERIFY(b.nothingElse());
    QVERIFY(m_writer->updateUser(5, u"firstName"_s, u"Same"_s));
    const QString fromA = a.nextText();
    const QString fromB = b.nextText();
    QVERIFY(!fromA.isEmpty() && !fromB.isEmpty());
    QCOMPARE(json(fromA).value(u"id"_s).toString(), u"a"_s);
    QCOMPARE(json(fromB).value(u"id"_s).toString(), u"b-%1"_s.arg(secondProtocol));
    QCOMPARE(rawPayload(fromB), rawPayload(fromA));
    QVERIFY2(json(rawPayload(fromA)).value(u"data"_s).toObject().contains(u"userChanges"_s), qPrintable(fromA));
}

// The change stream's arguments: `actions` (all when omitted) and `id` (any row when omitted).
void TestTransportWsSession::filters_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QStringList>("expected"); // "ACTION id", in commit order

    const QStringList every{u"CREATE 7"_s, u"UPDATE 5"_s, u"UPDATE 6"_s, u"DELETE 7"_s};
    QTest::newRow("no arguments: every change of the model") << QString() << QString() << every;
    QTest::newRow("actions [UPDATE]") << u"(actions: [UPDATE])"_s << QString() << QStringList{u"UPDATE 5"_s, u"UPDATE 6"_s};
    QTest::newRow("actions [CREATE, DELETE]") << u"(actions: [CREATE, DELETE])"_s << QString()
                                              << QStringList{u"CREATE 7"_s, u"DELETE 7"_s};
    QTest::newRow("actions [ALL_ACTIONS]") << u"(actions: [ALL_ACTIONS])"_s << QString() << every;
    QTest::newRow("actions [UPDATE, ALL_ACTIONS]") << u"(actions: [UPDATE, ALL_ACTIONS])"_s << QString() << every;
    QTest::newRow("a single action without a list") << u"(actions: DELETE)"_s << QString() << QStringList{u"DELETE 7"_s};
    QTest::newRow("id 5") << u"(id: 5)"_s << QString() << QStringList{u"UPDATE 5"_s};
    QTest::newRow("id as a string") << u"(id: \"6\")"_s << QString() << QStringList{u"UPDATE 6"_s};
    QTest::newRow("id 7: its create and its delete") << u"(id: 7)"_s << QString() << QStringList{u"CREATE 7"_s, u"DELETE 7"_s};
    QTest::newRow("id 7 and actions [DELETE]") << u"(id: 7, actions: [DELETE])"_s << QString() << QStringList{u"DELETE 7"_s};
    QTest::newRow("id 5 and actions [CREATE]: nothing") << u"(id: 5, actions: [CREATE])"_s << QString() << QStringList();
    QTest::newRow("a row that never changed: nothing") << u"(id: 1)"_s << QString() << QStringList();
    QTest::newRow("id null: every row") << u"(id: null)"_s << QString() << every;
    QTest::newRow("id and actions from variables") << u"(id: $id, actions: $actions)"_s
                                                   << uR"({"id":"6","actions":["UPDATE"]})"_s << QStringList{u"UPDATE 6"_s};
    QTest::newRow("variables left out: every change") << u"(id: $id, actions: $actions)"_s << u"{}"_s << every;
}

void TestTransportWsSession::filters()
{
    QFETCH(QString, arguments);
    QFETCH(QString, variables);
    QFETCH(QStringList, expected);
    QVERIFY(start());

    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.subscribeFence();
    const QString definitions = variables.isNull() ? QString() : u"($id: ID, $actions: [ActionSubscriptionEnum!])"_s;
    client.subscribe(u"op"_s, u"subscription %1 { userChanges%2 { action id } }"_s.arg(definitions, arguments),
                     json(variables.isEmpty() ? u"{}"_s : variables));
    QVERIFY(client.nothingElse());
    QCOMPARE(m_server->subscriptionCount(), 2);

    QVERIFY(m_writer->mutate(u"mutation { userCreate(newUser: {username: \"zoe\"}) { ok } }"_s));
    QVERIFY(m_writer->updateUser(5, u"lastName"_s, u"F1"_s));
    QVERIFY(m_writer->updateUser(6, u"lastName"_s, u"F2"_s));
    QVERIFY(m_writer->mutate(u"mutation { userDelete(id: 7) { ok } }"_s));
    QVERIFY(m_writer->mutate(u"mutation { groupUpdate(newGroup: {id: 2, name: \"F3\"}) { ok } }"_s));
    QVERIFY(m_writer->writeFence());

    QStringList received;
    for (const QJsonObject &frame : client.untilFence()) {
        const QJsonObject change = frame.value(u"payload"_s).toObject().value(u"data"_s).toObject().value(u"userChanges"_s).toObject();
        received.append(change.value(u"action"_s).toString() + u' ' + change.value(u"id"_s).toString());
    }
    QCOMPARE(received, expected);
}

QList<qint64> TestTransportWsSession::writeResumeChanges(int count)
{
    // An observer that sees every change tells the seq each write got.
    GraphQLWsClient observer;
    if (!observer.connectTo(url()))
        return {};
    observer.subscribeFence();
    observer.subscribe(u"all"_s, u"subscription { userChanges { seq } }"_s);
    if (!observer.nothingElse())
        return {};
    for (int i = 0; i < count; ++i) {
        if (!m_writer->mutate(resumeWrites().at(i).mutation))
            return {};
    }
    if (!m_writer->writeFence())
        return {};
    QList<qint64> seqs;
    for (const QJsonObject &frame : observer.untilFence())
        seqs.append(frame.value(u"payload"_s).toObject().value(u"extensions"_s).toObject().value(u"seq"_s).toString().toLongLong());
    return seqs;
}

// `extensions.resumeAfter` (a seq): the changes after it that the subscription selects are
// replayed from the changelog, in order, then live ones follow with no gap and no repeat.
void TestTransportWsSession::resume_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<int>("after"); // resume after this write's seq; -1: after seq 0
    QTest::addColumn<bool>("asNumber");
    QTest::addColumn<bool>("restart");
    QTest::addColumn<QList<int>>("expected"); // the writes delivered, replayed then live

    QTest::newRow("the missed changes are replayed in order, then live ones")
        << QString() << 0 << false << false << QList<int>{1, 2, 3, 4, LiveWrite};
    QTest::newRow("resumeAfter as a JSON number") << QString() << 0 << true << false << QList<int>{1, 2, 3, 4, LiveWrite};
    QTest::newRow("the replay applies the id filter") << u"(id: 5)"_s << 0 << false << false << QList<int>{3, LiveWrite};
    QTest::newRow("the replay applies the actions filter") << u"(actions: [CREATE, DELETE])"_s << 0 << false << false
                                                           << QList<int>{2, 4};
    QTest::newRow("after the latest change nothing is replayed") << QString() << 4 << false << false << QList<int>{LiveWrite};
    QTest::newRow("after seq 0 the whole changelog is replayed") << QString() << -1 << false << false
                                                                << QList<int>{0, 1, 2, 3, 4, LiveWrite};
    QTest::newRow("resume across a server restart") << QString() << 1 << false << true << QList<int>{2, 3, 4, LiveWrite};
}

void TestTransportWsSession::resume()
{
    QFETCH(QString, arguments);
    QFETCH(int, after);
    QFETCH(bool, asNumber);
    QFETCH(bool, restart);
    QFETCH(QList<int>, expected);
    QVERIFY(start());

    const QList<qint64> seqs = writeResumeChanges(LiveWrite);
    QCOMPARE(seqs.size(), LiveWrite);
    if (restart) {
        QVERIFY(m_server->stop());
        QVERIFY(m_server->start());
    }
    const qint64 afterSeq = after < 0 ? 0 : seqs.at(after);

    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.subscribeFence();
    const QJsonObject extensions{{u"resumeAfter"_s, asNumber ? QJsonValue(afterSeq) : QJsonValue(QString::number(afterSeq))}};
    client.subscribe(u"op"_s, u"subscription { userChanges%1 { action id data { lastName } } }"_s.arg(arguments), {}, extensions);
    QVERIFY(m_writer->mutate(resumeWrites().at(LiveWrite).mutation));
    QVERIFY(m_writer->writeFence());

    QStringList received;
    QList<qint64> receivedSeqs;
    for (const QJsonObject &frame : client.untilFence()) {
        QCOMPARE(frame.value(u"id"_s).toString(), u"op"_s);
        const QJsonObject payload = frame.value(u"payload"_s).toObject();
        received.append(compact(payload.value(u"data"_s).toObject().value(u"userChanges"_s).toObject()));
        receivedSeqs.append(payload.value(u"extensions"_s).toObject().value(u"seq"_s).toString().toLongLong());
    }
    QStringList wanted;
    QList<qint64> wantedSeqs;
    for (int index : std::as_const(expected)) {
        wanted.append(compact(json(resumeWrites().at(index).notification)));
        if (index < LiveWrite)
            wantedSeqs.append(seqs.at(index));
    }
    QCOMPARE(received, wanted);
    // The replayed changes carry the seqs they had live; the live one comes after them.
    QCOMPARE(receivedSeqs.mid(0, wantedSeqs.size()), wantedSeqs);
    if (expected.contains(LiveWrite))
        QVERIFY(receivedSeqs.last() > seqs.last());
}

// A resume the changelog cannot serve is refused with an `error` (the client reads the current
// state and subscribes again), never served with a gap.
void TestTransportWsSession::resumeRefused_data()
{
    QTest::addColumn<QString>("resumeAfter"); // `first`: the seq of the first write
    QTest::addColumn<qint64>("retentionRows");  // on a restart before resuming; 0: no restart
    QTest::addColumn<int>("bulkChanges");       // changes written by another connection first
    QTest::addColumn<QString>("message");

    QTest::newRow("resume past retention is refused with an error") << u"first"_s << qint64(2) << 0 << u"no longer holds"_s;
    QTest::newRow("resume after a negative seq is refused") << u"-1"_s << qint64(0) << 0 << u"no longer holds"_s;
    QTest::newRow("resume after a seq the server never produced is refused") << u"1000"_s << qint64(0) << 0 << u"1000"_s;
    QTest::newRow("resume further back than the replay limit is refused") << u"0"_s << qint64(0) << 10'001 << u"more than"_s;
}

void TestTransportWsSession::resumeRefused()
{
    QFETCH(QString, resumeAfter);
    QFETCH(qint64, retentionRows);
    QFETCH(int, bulkChanges);
    QFETCH(QString, message);
    QVERIFY(start());

    const QList<qint64> seqs = writeResumeChanges(LiveWrite);
    QCOMPARE(seqs.size(), LiveWrite);
    if (retentionRows > 0) {
        // Retention applies when the feed starts, as it does every minute.
        QVERIFY(m_server->stop());
        m_server->config().backend.retentionRows = retentionRows;
        QVERIFY(m_server->start());
    }
    if (bulkChanges > 0) {
        // Another program writes to the database: one transaction, many changes.
        const QString connection = u"bulk-writer"_s;
        {
            QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            database.setDatabaseName(m_server->databasePath());
            QVERIFY2(database.open(), qPrintable(database.lastError().text()));
            QSqlQuery query(database);
            QVERIFY(query.exec(u"PRAGMA busy_timeout = 30000"_s));
            QVERIFY(database.transaction());
            QVERIFY(query.prepare(u"UPDATE auth_user SET last_name = ? WHERE id = 4"_s));
            for (int i = 0; i < bulkChanges; ++i) {
                query.addBindValue(u"Bulk %1"_s.arg(i));
                QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            }
            QVERIFY2(database.commit(), qPrintable(database.lastError().text()));
        }
        QSqlDatabase::removeDatabase(connection);
        const qint64 last = seqs.last() + 1 + bulkChanges; // and the observer's fence
        auto feedSeq = [this] {
            qint64 seq = 0;
            m_server->inCore([&seq](ServerCore &core) { seq = core.backend().feed().lastSeq(); });
            return seq;
        };
        QTRY_VERIFY_WITH_TIMEOUT(feedSeq() >= last, Timeout);
    }

    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.subscribeFence();
    const QString after = resumeAfter == u"first"_s ? QString::number(seqs.first()) : resumeAfter;
    client.subscribe(u"op"_s, u"subscription { userChanges { action id } }"_s, {}, QJsonObject{{u"resumeAfter"_s, after}});
    const QJsonObject error = client.next();
    QCOMPARE(error.value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(error.value(u"id"_s).toString(), u"op"_s);
    const QJsonArray errors = error.value(u"payload"_s).toArray();
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().toObject().value(u"message"_s).toString().contains(message), qPrintable(compact(error)));
    QVERIFY(client.nothingElse());

    // Nothing was subscribed: later changes do not reach the refused operation.
    QCOMPARE(m_server->subscriptionCount(), 1);
    QVERIFY(m_writer->mutate(resumeWrites().at(LiveWrite).mutation));
    QVERIFY(m_writer->writeFence());
    QCOMPARE(texts(client.untilFence()), QStringList());
}

// ServerLimits::maxSubscriptionsPerConnection: past it, an `error` for the operation; the
// connection and its other operations go on.
void TestTransportWsSession::subscriptionLimit()
{
    m_server->config().limits.maxSubscriptionsPerConnection = 2;
    QVERIFY(start());
    GraphQLWsClient client;
    QVERIFY(client.connectTo(url()));
    client.subscribe(u"1"_s, u"subscription { userChanges { seq } }"_s);
    client.subscribe(u"2"_s, u"subscription { groupChanges { seq } }"_s);
    client.subscribe(u"3"_s, u"subscription { userChanges(id: 5) { seq } }"_s);
    const QJsonObject error = client.next();
    QCOMPARE(error.value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(error.value(u"id"_s).toString(), u"3"_s);
    QVERIFY2(error.value(u"payload"_s).toArray().first().toObject().value(u"message"_s).toString().contains(u"limit of 2"_s),
             qPrintable(compact(error)));
    QVERIFY(client.nothingElse());
    QCOMPARE(m_server->subscriptionCount(), 2);
    // Queries are not subscriptions: they still run.
    client.subscribe(u"q"_s, u"{ __typename }"_s);
    QCOMPARE(client.next().value(u"type"_s).toString(), u"next"_s);
    QCOMPARE(compact(client.next()), compact(GraphQLWsClient::complete(u"q"_s)));
}

QTEST_GUILESS_MAIN(TestTransportWsSession)
#include "tst_transportwssession.moc"

// SPDX-License-Identifier: MIT
// SeedSession: the original package's protocol (reference/seed-protocol.md), end to end on real
// sockets and a real SQLite file: the frames a client sends on the socket. Every frame the server
// cannot take is answered (our documented difference: the original only logged them), and our
// extension, GraphQL on the socket's `graphql` stream.
#include "seedsessionfixture.h"
#include "transporttestsupport.h"

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;

class TestSeedSessionInbound final : public QObject, private SeedSessionFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void inboundFrames_data();
    void inboundFrames();
    void graphqlStream_data();
    void graphqlStream();
    void graphqlStreamErrors_data();
    void graphqlStreamErrors();
};

// §2.5 and §6.12, our difference: every frame the server cannot take is answered in the
// channels-api envelope instead of only logged; the socket stays open; nothing is subscribed.
void TestSeedSessionInbound::inboundFrames_data()
{
    QTest::addColumn<QString>("frame"); // BINARY: a binary frame
    QTest::addColumn<QString>("reply");

    const auto envelope = [](const char *stream, const char *error, const char *action, const char *requestId) {
        return QStringLiteral(R"({"stream": %1, "payload": {"errors": ["%2"], "data": null, "action": %3, "response_status": 400, "request_id": %4}})")
            .arg(QString::fromUtf8(stream), QString::fromUtf8(error), QString::fromUtf8(action), QString::fromUtf8(requestId));
    };
    const char *notObject = "Invalid multiplexed frame received (not a JSON object)";
    const char *noKey = "Invalid multiplexed frame received (no channel/payload key)";
    QTest::newRow("text that is not JSON") << "subscribe me" << envelope("null", notObject, "null", "null");
    QTest::newRow("a JSON array") << "[1, 2]" << envelope("null", notObject, "null", "null");
    QTest::newRow("a JSON string") << "\"users\"" << envelope("null", notObject, "null", "null");
    QTest::newRow("no stream") << R"({"payload": {"action": "subscribe"}})" << envelope("null", noKey, "null", "null");
    QTest::newRow("a stream that is not a string") << R"({"stream": 5, "payload": {}})" << envelope("5", noKey, "null", "null");
    QTest::newRow("no payload") << R"({"stream": "users"})" << envelope("\"users\"", noKey, "null", "null");
    QTest::newRow("payload not a dict") << R"({"stream": "users", "payload": "subscribe"})"
                                        << envelope("\"users\"", "Multiplexed frame payload is not a dict", "null", "null");
    QTest::newRow("stream not mapped") << R"({"stream": "questions", "payload": {"action": "list", "request_id": "r0"}})"
                                       << envelope("\"questions\"", "Invalid multiplexed frame received (stream not mapped)", "\"list\"", "\"r0\"");
    QTest::newRow("channels-api subscribe: Invalid Action")
        << R"({"stream": "users", "payload": {"action": "subscribe", "pk": "5", "data": {"action": "update"}, "request_id": "r1"}})"
        << envelope("\"users\"", "Invalid Action", "\"subscribe\"", "\"r1\"");
    QTest::newRow("channels-api create on groups") << R"({"stream": "groups", "payload": {"action": "create", "data": {"name": "x"}, "request_id": 7}})"
                                                   << envelope("\"groups\"", "Invalid Action", "\"create\"", "7");
    QTest::newRow("no data, no request_id") << R"({"stream": "users", "payload": {"action": "update"}})"
                                            << envelope("\"users\"", "Invalid Action", "\"update\"", "null");
    QTest::newRow("a binary frame") << "BINARY" << envelope("null", "No text section for incoming WebSocket frame!", "null", "null");
}

void TestSeedSessionInbound::inboundFrames()
{
    QFETCH(QString, frame);
    QFETCH(QString, reply);

    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    if (frame == QLatin1String("BINARY"))
        client.socket().sendBinaryMessage(QByteArrayLiteral("\x01\x02"));
    else
        client.send(frame);
    QCOMPARE(client.next(), reply);
    QVERIFY(client.isConnected());
    // Still open and serving; and the frame subscribed nothing.
    QVERIFY(addFence(client));
    QVERIFY(updateUser(5, {{QStringLiteral("lastName"), QStringLiteral("Unseen")}}));
    QCOMPARE(fence(client), QStringLiteral("fence"));
    QCOMPARE(m_server->subscriptionCount(), 1);
}

// Our extension: GraphQL on the socket's `graphql` stream, answered on that stream with the
// request's request_id; a subscribe made that way gets its ack first, like one made over HTTP.
void TestSeedSessionInbound::graphqlStream_data()
{
    QTest::addColumn<QString>("payload"); // CHANNEL: this client's channel id
    QTest::addColumn<QString>("ack");
    QTest::addColumn<QString>("reply");

    QTest::newRow("subscribe with variables")
        << R"({"query": "subscription ($c: String!) { userSubscription(channelId: $c, action: UPDATE, operation: SUBSCRIBE, id: 5, data: [ID]) { ok error stream operation action } }", "variables": {"c": "CHANNEL"}, "request_id": "r1"})"
        << ackFrame(QStringLiteral("users"), QStringLiteral("subscribe"), QStringLiteral("update"))
        << R"({"stream": "graphql", "payload": {"data": {"userSubscription": {"ok": true, "error": null, "stream": "users", "operation": "SUBSCRIBE", "action": "UPDATE"}}, "request_id": "r1"}})";
    QTest::newRow("a query; request_id a number")
        << R"({"query": "{ user(id: 5) { username isSuperuser } }", "request_id": 42})" << ""
        << R"({"stream": "graphql", "payload": {"data": {"user": {"username": "meaghan90", "isSuperuser": false}}, "request_id": 42}})";
    QTest::newRow("no request_id")
        << R"({"query": "{ group(id: 1) { name } }"})" << ""
        << R"({"stream": "graphql", "payload": {"data": {"group": {"name": "editors"}}, "request_id": null}})";
    QTest::newRow("operationName picks the operation")
        << R"({"query": "query A { group(id: 1) { name } } query B { group(id: 2) { name } }", "operationName": "B", "request_id": "b"})" << ""
        << R"({"stream": "graphql", "payload": {"data": {"group": {"name": "reviewers"}}, "request_id": "b"}})";
    QTest::newRow("a refused subscribe: no ack, ok false")
        << R"({"query": "subscription { userSubscription(channelId: \"AAAAAAAAAA!BBBBBBBBBB\", action: UPDATE, operation: SUBSCRIBE) { ok stream } }", "request_id": "r2"})" << ""
        << R"({"stream": "graphql", "payload": {"data": {"userSubscription": {"ok": false, "stream": "users"}}, "request_id": "r2"}})";
}

void TestSeedSessionInbound::graphqlStream()
{
    QFETCH(QString, payload);
    QFETCH(QString, ack);
    QFETCH(QString, reply);

    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    client.send(QStringLiteral(R"({"stream": "graphql", "payload": %1})").arg(payload.replace(QLatin1String("CHANNEL"), client.channelId())));
    if (!ack.isEmpty())
        QCOMPARE(client.next(), ack);
    QCOMPARE(client.next(), reply);
    QTest::qWait(QuietMs);
    QCOMPARE(client.pending(), QStringList());
    if (!ack.isEmpty()) {
        QVERIFY(write(Writer::SecondStore, 5, QStringLiteral("Over the socket")));
        QCOMPARE(client.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 5})")));
    }
}

void TestSeedSessionInbound::graphqlStreamErrors_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("requestId"); // as JSON

    QTest::newRow("no query") << R"({"variables": {}, "request_id": "e1"})" << "\"e1\"";
    QTest::newRow("query not a string") << R"({"query": 5, "request_id": "e2"})" << "\"e2\"";
    QTest::newRow("syntax error") << R"({"query": "{ user(id: 5) {", "request_id": "e3"})" << "\"e3\"";
    QTest::newRow("unknown field") << R"({"query": "{ nope }", "request_id": 4})" << "4";
    QTest::newRow("variables not an object") << R"({"query": "{ __typename }", "variables": [1], "request_id": "e5"})" << "\"e5\"";
    QTest::newRow("operationName unknown") << R"({"query": "query A { __typename }", "operationName": "B"})" << "null";
}

void TestSeedSessionInbound::graphqlStreamErrors()
{
    QFETCH(QString, payload);
    QFETCH(QString, requestId);

    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    client.send(QStringLiteral(R"({"stream": "graphql", "payload": %1})").arg(payload));
    const QString frame = client.next();
    const QJsonObject reply = parseObject(frame);
    QCOMPARE(reply.value(QLatin1String("stream")).toString(), QStringLiteral("graphql"));
    const QJsonObject body = reply.value(QLatin1String("payload")).toObject();
    QVERIFY2(!body.value(QLatin1String("errors")).toArray().isEmpty(), qPrintable(frame));
    QCOMPARE(QJsonDocument(QJsonArray{body.value(QLatin1String("request_id"))}).toJson(QJsonDocument::Compact),
             QByteArray('[' + requestId.toUtf8() + ']'));
    QVERIFY(frame.endsWith(QStringLiteral(R"("request_id": %1}})").arg(requestId)));
    QVERIFY(client.isConnected());
    QVERIFY(addFence(client));
}

QTEST_GUILESS_MAIN(TestSeedSessionInbound)
#include "tst_seedsession_inbound.moc"

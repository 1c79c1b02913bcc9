// SPDX-License-Identifier: MIT
// SeedSession: the original package's protocol (reference/seed-protocol.md), end to end on real
// sockets and a real SQLite file: its channels and subscriptions. The README's flow replayed
// literally, with the row changed by each kind of writer; then the connect frame, subscribe and
// unsubscribe with their acks, and the checklist's (§6) refusals and endings, with our documented
// differences: unknown channel ids refused, subscriptions ended with the socket, a limit per
// connection.
#include "seedsessionfixture.h"
#include "transporttestsupport.h"

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;

class TestSeedSessionSubscribe final : public QObject, private SeedSessionFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void readmeFlow();
    void connectFrame();
    void subscribeAndAck_data();
    void subscribeAndAck();
    void refusedWithoutAck_data();
    void refusedWithoutAck();
    void invalidDocuments_data();
    void invalidDocuments();
    void subscriptionsEndWithTheSocket();
    void restartForgetsChannels();
    void subscriptionLimit();
};

// The README's flow, literally (seed README "Subscription's examples"; seed-protocol §2): connect,
// store channel_id, POST the subscription, read the ack, see user 5 change whoever changes it,
// unsubscribe, and see nothing more.
void TestSeedSessionSubscribe::readmeFlow()
{
    WsClient client;
    QVERIFY(client.open(m_server->webSocketUrl()));
    const QString connectFrame = client.next();
    QVERIFY(!connectFrame.isEmpty());
    const QJsonObject connect = parseObject(connectFrame);
    const QString channelId = connect.value(QLatin1String("channel_id")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z]{10}![A-Za-z]{10}$")).match(channelId).hasMatch(), qPrintable(channelId));
    QCOMPARE(connect, (QJsonObject{{QStringLiteral("channel_id"), channelId}, {QStringLiteral("connect"), QStringLiteral("success")}}));
    QCOMPARE(connectFrame, QStringLiteral(R"({"channel_id": "%1", "connect": "success"})").arg(channelId));
    client.setChannelId(channelId);

    HttpReply reply = m_http->graphql(m_server->httpUrl(), readmeSubscription(channelId));
    QCOMPARE(reply.status, 200);
    // Enum names over HTTP; only the fields the README selects.
    QCOMPARE(reply.json(), parseObject(QByteArrayLiteral(R"({"data": {"userSubscription": {"ok": true, "error": null, "stream": "users"}}})")));
    const QString ack = client.next();
    QCOMPARE(parseObject(ack), (QJsonObject{{QStringLiteral("action"), QStringLiteral("update")},
                                            {QStringLiteral("operation"), QStringLiteral("subscribe")},
                                            {QStringLiteral("ok"), true},
                                            {QStringLiteral("stream"), QStringLiteral("users")},
                                            {QStringLiteral("error"), QJsonValue::Null}}));
    QCOMPARE(ack, ackFrame(QStringLiteral("users"), QStringLiteral("subscribe"), QStringLiteral("update")));
    QVERIFY(addFence(client));

    const QList<QPair<Writer, QString>> writers = {
        {Writer::Mutation, QStringLiteral("Meaghan (a GraphQL mutation)")},
        {Writer::ServerStore, QStringLiteral("Meaghan (the server's ModelStore)")},
        {Writer::SecondStore, QStringLiteral("Meaghan (another ModelStore on the file)")},
        {Writer::SqliteShell, QStringLiteral("Meaghan (the sqlite3 shell)")},
    };
    for (const auto &[writer, firstName] : writers) {
        QVERIFY2(write(writer, 5, firstName), qPrintable(firstName));
        const QString frame = client.next();
        const QJsonObject expected{
            {QStringLiteral("stream"), QStringLiteral("users")},
            {QStringLiteral("payload"), QJsonObject{
                {QStringLiteral("action"), QStringLiteral("update")},
                {QStringLiteral("model"), QStringLiteral("auth.user")},
                {QStringLiteral("data"), QJsonObject{
                    {QStringLiteral("id"), 5},
                    {QStringLiteral("username"), QStringLiteral("meaghan90")},
                    {QStringLiteral("first_name"), firstName},
                    {QStringLiteral("last_name"), QStringLiteral("Ackerman")},
                    {QStringLiteral("email"), QStringLiteral("meaghan@gmail.com")},
                    {QStringLiteral("is_superuser"), false}}}}}};
        QCOMPARE(parseObject(frame), expected);
        QCOMPARE(frame, userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 5, "username": "meaghan90", "first_name": "%1", "last_name": "Ackerman", "email": "meaghan@gmail.com", "is_superuser": false})").arg(firstName)));
    }
    QCOMPARE(fence(client), QStringLiteral("fence"));

    reply = m_http->graphql(m_server->httpUrl(), readmeSubscription(channelId, QStringLiteral("UNSUBSCRIBE")));
    QCOMPARE(reply.json(), parseObject(QByteArrayLiteral(R"({"data": {"userSubscription": {"ok": true, "error": null, "stream": "users"}}})")));
    QCOMPARE(client.next(), ackFrame(QStringLiteral("users"), QStringLiteral("unsubscribe"), QStringLiteral("update")));
    for (const auto &[writer, firstName] : writers)
        QVERIFY(write(writer, 5, firstName + QStringLiteral(", again")));
    QCOMPARE(fence(client), QStringLiteral("fence"));
    QVERIFY(client.isConnected());
}

// §6.1: exactly one frame on connect; each connection its own id.
void TestSeedSessionSubscribe::connectFrame()
{
    WsClient first;
    WsClient second;
    QVERIFY(first.openSeed(m_server->webSocketUrl()));
    QVERIFY(second.openSeed(m_server->webSocketUrl()));
    const QRegularExpression shape(QStringLiteral(R"(^\{"channel_id": "[A-Za-z]{10}![A-Za-z]{10}", "connect": "success"\}$)"));
    QVERIFY2(shape.match(first.frames().first()).hasMatch(), qPrintable(first.frames().first()));
    QVERIFY(first.channelId() != second.channelId());
    QTest::qWait(QuietMs);
    QCOMPARE(first.frames().size(), 1);
    QCOMPARE(second.frames().size(), 1);
    QCOMPARE(first.socket().subprotocol(), QString());
}

// §6.2, §6.4, §6.5: the HTTP result has enum names, the ack enum values and no envelope.
void TestSeedSessionSubscribe::subscribeAndAck_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("stream");

    QTest::newRow("subscribe to updates of user 5") << "user" << "UPDATE" << "SUBSCRIBE" << "5" << "users";
    QTest::newRow("subscribe to creates of any user") << "user" << "CREATE" << "SUBSCRIBE" << "" << "users";
    QTest::newRow("subscribe to deletes of user 6") << "user" << "DELETE" << "SUBSCRIBE" << "\"6\"" << "users";
    QTest::newRow("subscribe to all actions: echoed as all_actions") << "user" << "ALL_ACTIONS" << "SUBSCRIBE" << "" << "users";
    QTest::newRow("unsubscribe what was never subscribed: still ok") << "user" << "UPDATE" << "UNSUBSCRIBE" << "5" << "users";
    QTest::newRow("unsubscribe all actions, never subscribed") << "user" << "ALL_ACTIONS" << "UNSUBSCRIBE" << "" << "users";
    QTest::newRow("groups have their own stream") << "group" << "UPDATE" << "SUBSCRIBE" << "1" << "groups";
}

void TestSeedSessionSubscribe::subscribeAndAck()
{
    QFETCH(QString, model);
    QFETCH(QString, action);
    QFETCH(QString, operation);
    QFETCH(QString, id);
    QFETCH(QString, stream);

    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    const HttpReply reply = seed(model, client.channelId(), action, operation, id);
    QCOMPARE(reply.status, 200);
    const QJsonObject expected{{QStringLiteral("ok"), true}, {QStringLiteral("error"), QJsonValue::Null},
                               {QStringLiteral("stream"), stream}, {QStringLiteral("operation"), operation},
                               {QStringLiteral("action"), action}};
    QCOMPARE(reply.json(), (QJsonObject{{QStringLiteral("data"), QJsonObject{{model + QLatin1String("Subscription"), expected}}}}));
    QCOMPARE(client.next(), ackFrame(stream, operation.toLower(), action.toLower()));
    QTest::qWait(QuietMs);
    QCOMPARE(client.pending(), QStringList());
}

// §6.3 and §6.11, with our difference: a request that fails has only its HTTP answer, and a
// channel id that no open socket has is refused rather than silently accepted.
void TestSeedSessionSubscribe::refusedWithoutAck_data()
{
    QTest::addColumn<QString>("channelId"); // OWN: this client's; CLOSED: one that closed
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown but well-formed channel id") << "AAAAAAAAAA!BBBBBBBBBB" << "" << "Unknown channelId";
    QTest::newRow("malformed channel id") << "daphne.response.bad id" << "" << "Unknown channelId";
    QTest::newRow("empty channel id") << "" << "" << "Unknown channelId";
    QTest::newRow("channel of a socket that closed") << "CLOSED" << "" << "Unknown channelId";
    QTest::newRow("id that is not an integer") << "OWN" << "\"abc\"" << "must be an integer";
    QTest::newRow("id that is a fraction") << "OWN" << "\"5.5\"" << "must be an integer";
}

void TestSeedSessionSubscribe::refusedWithoutAck()
{
    QFETCH(QString, channelId);
    QFETCH(QString, id);
    QFETCH(QString, error);

    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    if (channelId == QLatin1String("OWN")) {
        channelId = client.channelId();
    } else if (channelId == QLatin1String("CLOSED")) {
        WsClient gone;
        QVERIFY(gone.openSeed(m_server->webSocketUrl()));
        channelId = gone.channelId();
        gone.socket().close();
        QVERIFY(gone.waitForDisconnected());
        QVERIFY(waitFor([this] { return m_server->sessionCount() == 1; }));
    }
    const HttpReply reply = seed(QStringLiteral("user"), channelId, QStringLiteral("UPDATE"), QStringLiteral("SUBSCRIBE"), id);
    QCOMPARE(reply.status, 200);
    const QJsonObject result = reply.json().value(QLatin1String("data")).toObject().value(QLatin1String("userSubscription")).toObject();
    QCOMPARE(result.value(QLatin1String("ok")), QJsonValue(false));
    QVERIFY2(result.value(QLatin1String("error")).toString().contains(error), reply.body.constData());
    QCOMPARE(result.value(QLatin1String("stream")).toString(), QStringLiteral("users"));
    QCOMPARE(m_server->subscriptionCount(), 0);
    // No ack for the refused request: the next frame is the ack of the next good one.
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("CREATE")));
    QVERIFY(client.pending().isEmpty());
}

// §5: requests the schema refuses never reach the resolver (HTTP 400 with errors).
void TestSeedSessionSubscribe::invalidDocuments_data()
{
    QTest::addColumn<QString>("arguments");

    QTest::newRow("action not in the enum") << "action: FOO, operation: SUBSCRIBE";
    QTest::newRow("action as the enum value, not its name") << "action: update, operation: SUBSCRIBE";
    QTest::newRow("operation missing") << "action: UPDATE";
    QTest::newRow("a field the model does not have") << "action: UPDATE, operation: SUBSCRIBE, data: [PASSWORD]";
    QTest::newRow("a field of another model") << "action: UPDATE, operation: SUBSCRIBE, data: [NAME]";
}

void TestSeedSessionSubscribe::invalidDocuments()
{
    QFETCH(QString, arguments);
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    const HttpReply reply = m_http->graphql(m_server->httpUrl(),
        QStringLiteral("subscription { userSubscription(channelId: \"%1\", %2) { ok error } }").arg(client.channelId(), arguments));
    QCOMPARE(reply.status, 400);
    QVERIFY(!reply.json().value(QLatin1String("errors")).toArray().isEmpty());
    QVERIFY(!reply.json().contains(QLatin1String("data")));
    QTest::qWait(QuietMs);
    QCOMPARE(client.pending(), QStringList());
    QCOMPARE(m_server->subscriptionCount(), 0);
}

// §6.13, our difference: a closed socket's subscriptions end with it, and its channel id is refused.
void TestSeedSessionSubscribe::subscriptionsEndWithTheSocket()
{
    WsClient client;
    WsClient other;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    QVERIFY(other.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    other.skipAll();
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("ALL_ACTIONS"), QStringLiteral("5")));
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE")));
    QVERIFY(subscribe(other, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), QStringLiteral("[ID]")));
    QCOMPARE(m_server->subscriptionCount(), 5);
    QCOMPARE(m_server->sessionCount(), 2);

    const QString channelId = client.channelId();
    client.socket().close();
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.closeCode(), int(QWebSocketProtocol::CloseCodeNormal));
    QVERIFY(waitFor([this] { return m_server->sessionCount() == 1; }));
    QCOMPARE(m_server->subscriptionCount(), 1);
    const HttpReply reply = seed(QStringLiteral("user"), channelId, QStringLiteral("UPDATE"), QStringLiteral("SUBSCRIBE"));
    QCOMPARE(reply.json().value(QLatin1String("data")).toObject().value(QLatin1String("userSubscription")).toObject().value(QLatin1String("ok")),
             QJsonValue(false));
    QVERIFY(updateUser(5, {{QStringLiteral("lastName"), QStringLiteral("After")}}));
    QCOMPARE(other.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 5})")));

    // A client that vanishes without a close handshake is cleaned up too.
    WsClient abrupt;
    QVERIFY(abrupt.openSeed(m_server->webSocketUrl()));
    abrupt.skipAll();
    QVERIFY(subscribe(abrupt, QStringLiteral("user"), QStringLiteral("UPDATE")));
    QCOMPARE(m_server->subscriptionCount(), 2);
    abrupt.socket().abort();
    QVERIFY(waitFor([this] { return m_server->sessionCount() == 1 && m_server->subscriptionCount() == 1; }));
}

// §6.13: after a restart every old channel id is unknown; clients see 1001, reconnect and
// subscribe again with their new id.
void TestSeedSessionSubscribe::restartForgetsChannels()
{
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), QStringLiteral("[ID]")));
    const QString oldId = client.channelId();
    QVERIFY(m_server->stop());
    QVERIFY(client.waitForDisconnected());
    QCOMPARE(client.closeCode(), int(QWebSocketProtocol::CloseCodeGoingAway));

    QVERIFY(m_server->start(true));
    WsClient again;
    QVERIFY(again.openSeed(m_server->webSocketUrl()));
    again.skipAll();
    QVERIFY(again.channelId() != oldId);
    const HttpReply reply = seed(QStringLiteral("user"), oldId, QStringLiteral("UPDATE"), QStringLiteral("SUBSCRIBE"), QStringLiteral("5"));
    QVERIFY2(reply.json().value(QLatin1String("data")).toObject().value(QLatin1String("userSubscription")).toObject()
                 .value(QLatin1String("error")).toString().contains(QLatin1String("Unknown channelId")), reply.body.constData());
    QVERIFY(subscribe(again, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), QStringLiteral("[ID]")));
    QVERIFY(updateUser(5, {{QStringLiteral("lastName"), QStringLiteral("Restarted")}}));
    QCOMPARE(again.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 5})")));
}

// A limit of subscriptions per connection (ServerLimits): ALL_ACTIONS counts three; subscribing
// again what is already subscribed counts nothing.
void TestSeedSessionSubscribe::subscriptionLimit()
{
    QVERIFY(m_server->stop());
    m_server->config().limits.maxSubscriptionsPerConnection = 3;
    QVERIFY(m_server->start());
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(addFence(client));
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE")));
    const auto refused = [&](const QString &action) {
        const HttpReply reply = seed(QStringLiteral("user"), client.channelId(), action, QStringLiteral("SUBSCRIBE"), QStringLiteral("5"));
        const QJsonObject result = reply.json().value(QLatin1String("data")).toObject().value(QLatin1String("userSubscription")).toObject();
        return !result.value(QLatin1String("ok")).toBool() && result.value(QLatin1String("error")).toString().contains(QLatin1String("limit of 3"));
    };
    QVERIFY(refused(QStringLiteral("ALL_ACTIONS")));
    QCOMPARE(m_server->subscriptionCount(), 2);
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("DELETE"), QStringLiteral("5")));
    QVERIFY(refused(QStringLiteral("CREATE")));
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE")));
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("DELETE"), QStringLiteral("5"), QStringLiteral("[ID]")));
    QCOMPARE(m_server->subscriptionCount(), 3);
    // Unsubscribing makes room again.
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), {}, {}, QStringLiteral("UNSUBSCRIBE")));
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("CREATE"), QStringLiteral("5")));
    QCOMPARE(client.pending(), QStringList());
}

QTEST_GUILESS_MAIN(TestSeedSessionSubscribe)
#include "tst_seedsession_subscribe.moc"

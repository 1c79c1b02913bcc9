// SPDX-License-Identifier: MIT
// LegacyWsSession: the legacy `graphql-ws` protocol of subscriptions-transport-ws
// (reference/graphql-servers.md §2), one row per rule, on real sockets against a Server in this
// process and a real SQLite file: the ack and its `ka` keep-alives, start/data/error/complete/stop,
// a repeated start id replacing the operation, connection_terminate, and bad input answered
// without closing, as the reference server does.
#include "graphqlwstestclient.h"

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;
using namespace Qt::StringLiterals;

namespace {

/// Long enough that no periodic `ka` (nor WebSocket ping) comes during a test that does not wait for one.
constexpr int QuietKeepAliveMs = 600'000;

const QString Init = u"{\"type\":\"connection_init\"}"_s;

QStringList types(const QStringList &frames)
{
    QStringList result;
    for (const QString &frame : frames)
        result.append(json(frame).value(u"type"_s).toString());
    return result;
}

QStringList texts(const QList<QJsonObject> &frames)
{
    QStringList result;
    for (const QJsonObject &frame : frames)
        result.append(compact(frame));
    return result;
}

} // namespace

class TestLegacyWsSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void ackThenKeepAlive_data();
    void ackThenKeepAlive();
    void periodicKeepAlive();
    void singleResult_data();
    void singleResult();
    void seedFieldAnswersOnce();
    void subscriptionData_data();
    void subscriptionData();
    void stopCompletes();
    void stopIgnored_data();
    void stopIgnored();
    void repeatedStartReplaces_data();
    void repeatedStartReplaces();
    void errors_data();
    void errors();
    void connectionTerminate_data();
    void connectionTerminate();
    void invalidJson_data();
    void invalidJson();
    void unknownTypes_data();
    void unknownTypes();
    void resume();
    void subscriptionsEndWithTheSocket();

private:
    bool start(int keepAliveMs = QuietKeepAliveMs);
    QUrl url() const { return m_server->webSocketUrl(); }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Writer> m_writer;
};

void TestLegacyWsSession::init()
{
    m_server = std::make_unique<TestServer>();
    m_writer = std::make_unique<Writer>(*m_server);
}

void TestLegacyWsSession::cleanup()
{
    m_writer.reset();
    m_server.reset();
}

bool TestLegacyWsSession::start(int keepAliveMs)
{
    m_server->config().limits.keepAliveMs = keepAliveMs;
    return m_server->start();
}

// §2: connection_ack, then a `ka` at once when keep-alive is on.
void TestLegacyWsSession::ackThenKeepAlive_data()
{
    QTest::addColumn<int>("keepAliveMs");
    QTest::addColumn<QStringList>("frames");
    QTest::addColumn<QStringList>("answered");

    const QStringList ackKa{u"connection_ack"_s, u"ka"_s};
    QTest::newRow("connection_init: connection_ack then ka at once") << QuietKeepAliveMs << QStringList{Init} << ackKa;
    QTest::newRow("connection_init with connectionParams: the same")
        << QuietKeepAliveMs << QStringList{uR"({"type":"connection_init","payload":{"authToken":"x"}})"_s} << ackKa;
    QTest::newRow("keep-alive off: connection_ack alone") << 0 << QStringList{Init} << QStringList{u"connection_ack"_s};
    QTest::newRow("a second connection_init is acknowledged again") << QuietKeepAliveMs << QStringList{Init, Init}
                                                                    << (ackKa + ackKa);
}

void TestLegacyWsSession::ackThenKeepAlive()
{
    QFETCH(int, keepAliveMs);
    QFETCH(QStringList, frames);
    QFETCH(QStringList, answered);
    QVERIFY(start(keepAliveMs));

    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.open(url()));
    for (const QString &frame : std::as_const(frames))
        client.send(frame);
    QStringList received;
    for (int i = 0; i < answered.size(); ++i)
        received.append(client.nextText());
    QCOMPARE(types(received), answered);
    // Neither carries an id nor a payload.
    for (const QString &frame : std::as_const(received))
        QCOMPARE(json(frame).size(), 1);
    QVERIFY(client.nothingElse());
}

// §2: then a `ka` every keep-alive interval (the reference client reconnects without them).
void TestLegacyWsSession::periodicKeepAlive()
{
    QVERIFY(start(1000));
    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    QVERIFY(client.ws().waitForFrames(2 + 3)); // ack, the first ka, then three more
    for (const QString &frame : client.ws().frames().mid(1))
        QCOMPARE(frame, u"{\"type\":\"ka\"}"_s);
    QVERIFY(client.ws().isConnected());
}

// §2: start → data → complete for queries and mutations.
void TestLegacyWsSession::singleResult_data()
{
    QTest::addColumn<bool>("initialised");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("operationName");
    QTest::addColumn<QString>("payload");

    QTest::newRow("a query: data then complete") << true << u"{ user(id: 5) { username firstName } }"_s << QString() << QString()
                                                 << uR"({"data":{"user":{"username":"meaghan90","firstName":"Meaghan"}}})"_s;
    QTest::newRow("a query with variables and operationName")
        << true << u"query A { __typename } query B($id: ID!) { user(id: $id) { email } }"_s << u"{\"id\":\"2\"}"_s << u"B"_s
        << uR"({"data":{"user":{"email":"grace@example.com"}}})"_s;
    QTest::newRow("a mutation: data then complete")
        << true << u"mutation { userUpdate(newUser: {id: 3, lastName: \"T.\"}) { ok user { lastName } } }"_s << QString() << QString()
        << uR"({"data":{"userUpdate":{"ok":true,"user":{"lastName":"T."}}}})"_s;
    QTest::newRow("a resolver error goes in the data payload's errors")
        << true << u"{ user(id: \"abc\") { username } }"_s << QString() << QString()
        << uR"({"data":{"user":null},"errors":[{"message":"Enter a whole number.","locations":[{"line":1,"column":3}],"path":["user"]}]})"_s;
    QTest::newRow("the seed field answers once, then complete")
        << true << u"subscription { userSubscription(channelId: \"none\", action: UPDATE, operation: SUBSCRIBE) { ok stream } }"_s
        << QString() << QString() << uR"({"data":{"userSubscription":{"ok":false,"stream":"users"}}})"_s;
    // The reference server's init promise starts resolved: a start before connection_init runs.
    QTest::newRow("start before connection_init is answered") << false << u"{ __typename }"_s << QString() << QString()
                                                              << uR"({"data":{"__typename":"Query"}})"_s;
}

void TestLegacyWsSession::singleResult()
{
    QFETCH(bool, initialised);
    QFETCH(QString, query);
    QFETCH(QString, variables);
    QFETCH(QString, operationName);
    QFETCH(QString, payload);
    QVERIFY(start());

    GraphQLWsClient client(LegacyWs);
    QVERIFY(initialised ? client.connectTo(url()) : client.open(url()));
    client.subscribe(u"1"_s, query, json(variables.isEmpty() ? u"{}"_s : variables), {}, operationName);
    QCOMPARE(compact(client.next()), compact(client.result(u"1"_s, json(payload))));
    QCOMPARE(compact(client.next()), compact(GraphQLWsClient::complete(u"1"_s)));
    QVERIFY(client.nothingElse());
    QCOMPARE(m_server->subscriptionCount(), 0);
}

// The seed's subscription field over the legacy protocol: once, then complete; the seed channel
// gets the notifications.
void TestLegacyWsSession::seedFieldAnswersOnce()
{
    QVERIFY(start());
    WsClient seed;
    QVERIFY(seed.openSeed(url()));
    seed.skipAll();
    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    client.subscribe(u"seed"_s, u"subscription { userSubscription(channelId: \"%1\", action: UPDATE, operation: SUBSCRIBE, id: 5) "
                               "{ ok error stream } }"_s.arg(seed.channelId()));
    QCOMPARE(compact(client.next()),
             compact(client.result(u"seed"_s, json(uR"({"data":{"userSubscription":{"ok":true,"error":null,"stream":"users"}}})"_s))));
    QCOMPARE(compact(client.next()), compact(GraphQLWsClient::complete(u"seed"_s)));
    QVERIFY(client.nothingElse());
    QCOMPARE(json(seed.next()).value(u"operation"_s).toString(), u"subscribe"_s); // the channel's own ack
    QVERIFY(m_writer->updateUser(5, u"lastName"_s, u"Seeded"_s));
    const QJsonObject notification = json(seed.next());
    QCOMPARE(notification.value(u"stream"_s).toString(), u"users"_s);
    QCOMPARE(notification.value(u"payload"_s).toObject().value(u"action"_s).toString(), u"update"_s);
}

// §2: a subscription's results are `data` messages: exactly the selected fields, with the seq.
void TestLegacyWsSession::subscriptionData_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("write");
    QTest::addColumn<QString>("data");

    QTest::newRow("an update: data with the selected fields")
        << u"subscription { userChanges(id: 5) { action id data { firstName } } }"_s
        << u"mutation { userUpdate(newUser: {id: 5, firstName: \"Mia\"}) { ok } }"_s
        << uR"({"userChanges":{"action":"UPDATE","id":"5","data":{"firstName":"Mia"}}})"_s;
    QTest::newRow("a create, filtered by action")
        << u"subscription { userChanges(actions: [CREATE]) { action data { username isSuperuser } previous { id } } }"_s
        << u"mutation { userCreate(newUser: {username: \"zoe\"}) { ok } }"_s
        << uR"({"userChanges":{"action":"CREATE","data":{"username":"zoe","isSuperuser":false},"previous":null}})"_s;
    QTest::newRow("a delete: the row as it was") << u"subscription { userChanges(actions: [DELETE]) { id data { username } } }"_s
                                                 << u"mutation { userDelete(id: 6) { ok } }"_s
                                                 << uR"({"userChanges":{"id":"6","data":{"username":"john"}}})"_s;
}

void TestLegacyWsSession::subscriptionData()
{
    QFETCH(QString, query);
    QFETCH(QString, write);
    QFETCH(QString, data);
    QVERIFY(start());

    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    client.subscribeFence();
    client.subscribe(u"1"_s, query);
    QVERIFY(client.nothingElse());
    QVERIFY(m_writer->mutate(write));
    QVERIFY(m_writer->writeFence());
    const QList<QJsonObject> frames = client.untilFence();
    QCOMPARE(frames.size(), 1);
    const QString seq = frames.first().value(u"payload"_s).toObject().value(u"extensions"_s).toObject().value(u"seq"_s).toString();
    QVERIFY2(seq.toLongLong() > 0, qPrintable(compact(frames.first())));
    const QJsonObject payload{{u"data"_s, json(data)}, {u"extensions"_s, QJsonObject{{u"seq"_s, seq}}}};
    QCOMPARE(compact(frames.first()), compact(client.result(u"1"_s, payload)));
}

// §2: stop → complete, and nothing more for that id.
void TestLegacyWsSession::stopCompletes()
{
    QVERIFY(start());
    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    client.subscribeFence();
    client.subscribe(u"1"_s, u"subscription { userChanges { seq } }"_s);
    QVERIFY(client.nothingElse());
    QCOMPARE(m_server->subscriptionCount(), 2);
    client.stop(u"1"_s);
    QCOMPARE(compact(client.next()), compact(GraphQLWsClient::complete(u"1"_s)));
    QVERIFY(client.nothingElse());
    QCOMPARE(m_server->subscriptionCount(), 1);
    QVERIFY(m_writer->updateUser(5, u"lastName"_s, u"Stopped"_s));
    QVERIFY(m_writer->writeFence());
    QCOMPARE(texts(client.untilFence()), QStringList());
}

// §2: a stop for no running operation is ignored (the reference server's unsubscribe).
void TestLegacyWsSession::stopIgnored_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<int>("answers");

    QTest::newRow("stop for an id never used") << QStringList() << 0;
    QTest::newRow("stop for a query that already completed")
        << QStringList{uR"({"id":"1","type":"start","payload":{"query":"{ __typename }"}})"_s} << 2;
    QTest::newRow("stop for an operation that ended in error")
        << QStringList{uR"({"id":"1","type":"start","payload":{"query":"{ nope }"}})"_s} << 1;
    QTest::newRow("stop twice") << QStringList{uR"({"id":"1","type":"start","payload":{"query":"subscription { userChanges { seq } }"}})"_s,
                                               u"{\"id\":\"1\",\"type\":\"stop\"}"_s}
                                << 1;
}

void TestLegacyWsSession::stopIgnored()
{
    QFETCH(QStringList, before);
    QFETCH(int, answers);
    QVERIFY(start());

    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    for (const QString &frame : std::as_const(before))
        client.send(frame);
    for (int i = 0; i < answers; ++i)
        QVERIFY(!client.next().contains(u"missing"_s));
    client.stop(u"1"_s);
    QVERIFY(client.nothingElse());
    QVERIFY(client.ws().isConnected());
    QCOMPARE(m_server->subscriptionCount(), 0);
}

// §2: a start with the id of a running operation silently stops that one first (graphql-transport-ws
// closes 4409 instead).
void TestLegacyWsSession::repeatedStartReplaces_data()
{
    QTest::addColumn<QString>("second");
    QTest::addColumn<QStringList>("answers"); // the types the server sends for the second start
    QTest::addColumn<QStringList>("delivered");

    QTest::newRow("a subscription replaced by one with other fields")
        << u"subscription { userChanges(id: 5) { data { lastName } } }"_s << QStringList()
        << QStringList{uR"({"userChanges":{"data":{"lastName":"Replaced"}}})"_s};
    QTest::newRow("a subscription replaced by one of another row")
        << u"subscription { userChanges(id: 6) { data { lastName } } }"_s << QStringList() << QStringList();
    QTest::newRow("a subscription replaced by a query") << u"{ __typename }"_s << QStringList{u"data"_s, u"complete"_s}
                                                        << QStringList();
    QTest::newRow("a subscription replaced by an invalid document") << u"{ nope }"_s << QStringList{u"error"_s} << QStringList();
}

void TestLegacyWsSession::repeatedStartReplaces()
{
    QFETCH(QString, second);
    QFETCH(QStringList, answers);
    QFETCH(QStringList, delivered);
    QVERIFY(start());

    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    client.subscribeFence();
    client.subscribe(u"1"_s, u"subscription { userChanges(id: 5) { data { firstName } } }"_s);
    QVERIFY(client.nothingElse());
    client.subscribe(u"1"_s, second);
    QStringList answered;
    for (int i = 0; i < answers.size(); ++i) {
        const QJsonObject frame = client.next();
        QCOMPARE(frame.value(u"id"_s).toString(), u"1"_s);
        answered.append(frame.value(u"type"_s).toString());
    }
    QCOMPARE(answered, answers);
    QVERIFY(client.nothingElse()); // in particular, no complete for the replaced operation
    QCOMPARE(m_server->subscriptionCount(), answers.isEmpty() ? 2 : 1); // the fence, and the replacing subscription

    QVERIFY(m_writer->updateUser(5, u"lastName"_s, u"Replaced"_s));
    QVERIFY(m_writer->writeFence());
    QStringList received;
    for (const QJsonObject &frame : client.untilFence()) {
        QCOMPARE(frame.value(u"id"_s).toString(), u"1"_s);
        received.append(compact(frame.value(u"payload"_s).toObject().value(u"data"_s).toObject()));
    }
    QStringList expected;
    for (const QString &data : std::as_const(delivered))
        expected.append(compact(json(data)));
    QCOMPARE(received, expected);
}

// §2: failures before execution: `error` with ONE error object as its payload, not a list; the
// operation is over (no complete is required after it, and none comes).
void TestLegacyWsSession::errors_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("id"); // empty: the error carries no id
    QTest::addColumn<QString>("message");

    QTest::newRow("a syntax error") << uR"({"id":"1","type":"start","payload":{"query":"{ user(id: 5) { username }"}})"_s << u"1"_s
                                    << u"Syntax Error"_s;
    QTest::newRow("an unknown field") << uR"({"id":"1","type":"start","payload":{"query":"{ nope }"}})"_s << u"1"_s
                                      << u"Cannot query field \"nope\" on type \"Query\"."_s;
    QTest::newRow("an unknown operationName")
        << uR"({"id":"1","type":"start","payload":{"query":"query A { __typename }","operationName":"B"}})"_s << u"1"_s << u"\"B\""_s;
    QTest::newRow("a variable of the wrong type")
        << uR"({"id":"1","type":"start","payload":{"query":"query ($id: ID!) { user(id: $id) { username } }","variables":{"id":[]}}})"_s
        << u"1"_s << u"$id"_s;
    QTest::newRow("a subscription with two root fields")
        << uR"({"id":"1","type":"start","payload":{"query":"subscription { userChanges { seq } groupChanges { seq } }"}})"_s << u"1"_s
        << u"only one top level field"_s;
    QTest::newRow("a start without a payload") << uR"({"id":"1","type":"start"})"_s << u"1"_s << u"payload"_s;
    QTest::newRow("a start without a query") << uR"({"id":"1","type":"start","payload":{}})"_s << u"1"_s << u"query"_s;
    QTest::newRow("a start without an id") << uR"({"type":"start","payload":{"query":"{ __typename }"}})"_s << QString()
                                           << u"id"_s;
    QTest::newRow("resumeAfter that is not a seq")
        << uR"({"id":"1","type":"start","payload":{"query":"subscription { userChanges { seq } }","extensions":{"resumeAfter":"x"}}})"_s
        << u"1"_s << u"extensions.resumeAfter must be a seq"_s;
}

void TestLegacyWsSession::errors()
{
    QFETCH(QString, frame);
    QFETCH(QString, id);
    QFETCH(QString, message);
    QVERIFY(start());

    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    client.send(frame);
    const QJsonObject error = client.next();
    QCOMPARE(error.value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(error.value(u"id"_s).toString(), id);
    QCOMPARE(error.contains(u"id"_s), !id.isEmpty());
    QVERIFY2(error.value(u"payload"_s).isObject(), qPrintable(compact(error)));
    const QJsonObject payload = error.value(u"payload"_s).toObject();
    QVERIFY2(payload.value(u"message"_s).toString().contains(message), qPrintable(compact(error)));
    QVERIFY(client.nothingElse());
    QVERIFY(client.ws().isConnected());
    QCOMPARE(m_server->subscriptionCount(), 0);
}

// §2: connection_terminate: the server closes the socket (GTW's 1000), ending every operation.
void TestLegacyWsSession::connectionTerminate_data()
{
    QTest::addColumn<bool>("withSubscriptions");

    QTest::newRow("connection_terminate closes the socket") << false;
    QTest::newRow("connection_terminate ends the running subscriptions") << true;
}

void TestLegacyWsSession::connectionTerminate()
{
    QFETCH(bool, withSubscriptions);
    QVERIFY(start());

    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    if (withSubscriptions) {
        client.subscribe(u"1"_s, u"subscription { userChanges { seq } }"_s);
        client.subscribe(u"2"_s, u"subscription { groupChanges { seq } }"_s);
        QVERIFY(client.nothingElse());
        QCOMPARE(m_server->subscriptionCount(), 2);
    }
    client.send(u"{\"type\":\"connection_terminate\"}"_s);
    QVERIFY(client.waitForClose());
    QCOMPARE(client.closeCode(), 1000);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->sessionCount(), 0, Timeout);
    QCOMPARE(m_server->subscriptionCount(), 0);
}

// §2: a frame that is not JSON is answered with connection_error, and the socket stays open.
void TestLegacyWsSession::invalidJson_data()
{
    QTest::addColumn<QString>("frame");

    QTest::newRow("not JSON: connection_error without closing") << u"hello"_s;
    QTest::newRow("truncated JSON: connection_error without closing") << u"{\"type\":\"start\",\"id\":"_s;
    QTest::newRow("a JSON array: connection_error without closing") << u"[{\"type\":\"connection_init\"}]"_s;
    QTest::newRow("a JSON string: connection_error without closing") << u"\"connection_init\""_s;
    QTest::newRow("an empty frame: connection_error without closing") << QString();
}

void TestLegacyWsSession::invalidJson()
{
    QFETCH(QString, frame);
    QVERIFY(start());

    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    client.send(frame);
    const QJsonObject error = client.next();
    QCOMPARE(error.value(u"type"_s).toString(), u"connection_error"_s);
    QVERIFY2(!error.value(u"payload"_s).toObject().value(u"message"_s).toString().isEmpty(), qPrintable(compact(error)));
    QVERIFY(!error.contains(u"id"_s));
    QVERIFY(client.nothingElse()); // still open, still answering
    QVERIFY(client.ws().isConnected());
}

// §2: an unknown type → error {message: "Invalid message type!"}, without closing; the first
// protocol version's types are ignored.
void TestLegacyWsSession::unknownTypes_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("answer"); // empty: ignored

    const QString invalidType = uR"({"type":"error","payload":{"message":"Invalid message type!"}})"_s;
    const QString invalidTypeFor7 = uR"({"id":"7","type":"error","payload":{"message":"Invalid message type!"}})"_s;
    QTest::newRow("an unknown type: error without closing") << u"{\"type\":\"hello\"}"_s << invalidType;
    QTest::newRow("an unknown type with an id: error for that id") << u"{\"id\":\"7\",\"type\":\"hello\"}"_s << invalidTypeFor7;
    QTest::newRow("a message without type: error") << u"{\"id\":\"7\"}"_s << invalidTypeFor7;
    QTest::newRow("data from the client: error") << uR"({"id":"7","type":"data","payload":{"data":null}})"_s << invalidTypeFor7;
    QTest::newRow("ka from the client: error") << u"{\"type\":\"ka\"}"_s << invalidType;
    QTest::newRow("graphql-transport-ws subscribe: error") << uR"({"id":"7","type":"subscribe","payload":{"query":"{ __typename }"}})"_s
                                                          << invalidTypeFor7;
    QTest::newRow("the obsolete init is ignored") << u"{\"type\":\"init\"}"_s << QString();
    QTest::newRow("the obsolete subscription_start is ignored")
        << uR"({"id":7,"type":"subscription_start","query":"{ __typename }"})"_s << QString();
    QTest::newRow("the obsolete keepalive is ignored") << u"{\"type\":\"keepalive\"}"_s << QString();
}

void TestLegacyWsSession::unknownTypes()
{
    QFETCH(QString, frame);
    QFETCH(QString, answer);
    QVERIFY(start());

    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    client.send(frame);
    if (!answer.isEmpty())
        QCOMPARE(compact(client.next()), compact(json(answer)));
    QVERIFY(client.nothingElse());
    QVERIFY(client.ws().isConnected());
}

// `extensions.resumeAfter` in a start payload works as in graphql-transport-ws (shared code).
void TestLegacyWsSession::resume()
{
    QVERIFY(start());
    GraphQLWsClient first(LegacyWs);
    QVERIFY(first.connectTo(url()));
    first.subscribeFence();
    first.subscribe(u"1"_s, u"subscription { userChanges(id: 5) { data { lastName } } }"_s);
    QVERIFY(first.nothingElse());
    QVERIFY(m_writer->updateUser(5, u"lastName"_s, u"Seen"_s));
    QVERIFY(m_writer->writeFence());
    const QList<QJsonObject> seen = first.untilFence();
    QCOMPARE(seen.size(), 1);
    const QString lastSeq = seen.first().value(u"payload"_s).toObject().value(u"extensions"_s).toObject().value(u"seq"_s).toString();
    first.ws().socket().close();
    QVERIFY(first.waitForClose());

    QVERIFY(m_writer->updateUser(5, u"lastName"_s, u"Missed"_s));
    QVERIFY(m_writer->updateUser(6, u"lastName"_s, u"Other row"_s));
    GraphQLWsClient second(LegacyWs);
    QVERIFY(second.connectTo(url()));
    second.subscribeFence();
    second.subscribe(u"1"_s, u"subscription { userChanges(id: 5) { data { lastName } } }"_s, {},
                     QJsonObject{{u"resumeAfter"_s, lastSeq}});
    QVERIFY(m_writer->updateUser(5, u"lastName"_s, u"Live"_s));
    QVERIFY(m_writer->writeFence());
    QStringList received;
    for (const QJsonObject &frame : second.untilFence())
        received.append(frame.value(u"payload"_s).toObject().value(u"data"_s).toObject().value(u"userChanges"_s).toObject()
                            .value(u"data"_s).toObject().value(u"lastName"_s).toString());
    QCOMPARE(received, (QStringList{u"Missed"_s, u"Live"_s}));
}

void TestLegacyWsSession::subscriptionsEndWithTheSocket()
{
    QVERIFY(start());
    GraphQLWsClient client(LegacyWs);
    QVERIFY(client.connectTo(url()));
    client.subscribe(u"1"_s, u"subscription { userChanges { seq } }"_s);
    client.subscribe(u"2"_s, u"subscription { groupChanges { seq } }"_s);
    QVERIFY(client.nothingElse());
    QCOMPARE(m_server->subscriptionCount(), 2);
    client.ws().socket().close();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->subscriptionCount(), 0, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->sessionCount(), 0, Timeout);
}

QTEST_GUILESS_MAIN(TestLegacyWsSession)
#include "tst_legacywssession.moc"

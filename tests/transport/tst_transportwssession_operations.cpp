// SPDX-License-Identifier: MIT
// TransportWsSession: the graphql-transport-ws protocol (reference/graphql-servers.md §1), one row
// per rule, on real sockets against a Server in this process and a real SQLite file: operations.
// Queries and mutations through subscribe, the errors that end an operation, the seed's
// subscription field, `complete` from the client, ids that are unknown or finished, and the limit
// of subscriptions per connection.
#include "graphqlwstestclient.h"
#include "transportwssessionfixture.h"

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;
using namespace Qt::StringLiterals;

class TestTransportWsSessionOperations final : public QObject, private TransportWsSessionFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void singleResult_data();
    void singleResult();
    void operationErrors_data();
    void operationErrors();
    void seedFieldAnswersOnce_data();
    void seedFieldAnswersOnce();
    void clientCompleteStopsDeliveries();
    void ignoredIds_data();
    void ignoredIds();
    void subscriptionLimit();
};

// §1.2: queries and mutations through subscribe: at most one next, then complete.
void TestTransportWsSessionOperations::singleResult_data()
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

void TestTransportWsSessionOperations::singleResult()
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
void TestTransportWsSessionOperations::operationErrors_data()
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

void TestTransportWsSessionOperations::operationErrors()
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
void TestTransportWsSessionOperations::seedFieldAnswersOnce_data()
{
    QTest::addColumn<bool>("knownChannel");
    QTest::addColumn<QString>("payload");

    QTest::newRow("a seed channel: ok, once, then complete")
        << true << uR"({"data":{"userSubscription":{"ok":true,"error":null,"stream":"users","operation":"SUBSCRIBE","action":"UPDATE"}}})"_s;
    QTest::newRow("an unknown channel: not ok, once, then complete")
        << false << uR"({"data":{"userSubscription":{"ok":false,"stream":"users","operation":"SUBSCRIBE","action":"UPDATE"}}})"_s;
}

void TestTransportWsSessionOperations::seedFieldAnswersOnce()
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
void TestTransportWsSessionOperations::clientCompleteStopsDeliveries()
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
void TestTransportWsSessionOperations::ignoredIds_data()
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

void TestTransportWsSessionOperations::ignoredIds()
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

// ServerLimits::maxSubscriptionsPerConnection: past it, an `error` for the operation; the
// connection and its other operations go on.
void TestTransportWsSessionOperations::subscriptionLimit()
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

QTEST_GUILESS_MAIN(TestTransportWsSessionOperations)
#include "tst_transportwssession_operations.moc"

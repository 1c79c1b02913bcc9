// SPDX-License-Identifier: MIT
// SeedSession: the original package's protocol (reference/seed-protocol.md), end to end on real
// sockets and a real SQLite file: what a subscription delivers. The notification frames of every
// action, the id filter, subscriptions as sets of (action, id) pairs, and the fields sent, with our
// documented differences: a per-subscription `data` and overlapping subscriptions delivered once;
// the frames' text as Python's json.dumps writes it.
#include "seedsessionfixture.h"
#include "transporttestsupport.h"

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;

class TestSeedSessionNotifications final : public QObject, private SeedSessionFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void notifications_data();
    void notifications();
    void allActionsDeliverEach();
    void idFilter_data();
    void idFilter();
    void subscribeTwiceIsIdempotent();
    void unsubscribeNeedsTheSamePair();
    void fieldSelection_data();
    void fieldSelection();
    void fieldSelectionIsPerSubscription();
    void overlapDeliveredOnce();
    void resubscribeReplacesSelection();
    void pythonJsonText();
};

// §2.4, §6.7, §6.8: `{stream, payload: {action, data, model}}`, no pk; a delete carries the row
// as it was.
void TestSeedSessionNotifications::notifications_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("frame");

    const QString row7 = QStringLiteral(R"({"id": 7, "username": "newbie", "first_name": "New", "last_name": "", "email": "", "is_superuser": true})");
    QTest::newRow("update of user 5") << "user" << "UPDATE" << "5" << "update user 5"
                                      << userFrame(QStringLiteral("update"), QString(Row5).replace(QLatin1String("meaghan@gmail.com"), QLatin1String("m@example.org")));
    QTest::newRow("create of any user") << "user" << "CREATE" << "" << "create user 7" << userFrame(QStringLiteral("create"), row7);
    QTest::newRow("create with the id the new row gets") << "user" << "CREATE" << "7" << "create user 7" << userFrame(QStringLiteral("create"), row7);
    QTest::newRow("delete carries the last data with its id") << "user" << "DELETE" << "6" << "delete user 6" << userFrame(QStringLiteral("delete"), Row6);
    QTest::newRow("all actions sees an update") << "user" << "ALL_ACTIONS" << "5" << "update user 5"
                                                << userFrame(QStringLiteral("update"), QString(Row5).replace(QLatin1String("meaghan@gmail.com"), QLatin1String("m@example.org")));
    QTest::newRow("all actions sees a delete") << "user" << "ALL_ACTIONS" << "" << "delete user 6" << userFrame(QStringLiteral("delete"), Row6);
    QTest::newRow("groups: their stream and model") << "group" << "UPDATE" << "2" << "rename group 2"
                                                    << groupFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 2, "name": "critics"})"));
}

void TestSeedSessionNotifications::notifications()
{
    QFETCH(QString, model);
    QFETCH(QString, action);
    QFETCH(QString, id);
    QFETCH(QString, change);
    QFETCH(QString, frame);

    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(subscribe(client, model, action, id));
    QVERIFY(addFence(client));
    if (change == QLatin1String("update user 5")) {
        QVERIFY(updateUser(5, {{QStringLiteral("email"), QStringLiteral("m@example.org")}}));
    } else if (change == QLatin1String("create user 7")) {
        QVERIFY(mutate(QStringLiteral("mutation { userCreate(newUser: {username: \"newbie\", firstName: \"New\", isSuperuser: true}) "
                                      "{ ok errors { field messages } user { id } } }")));
    } else if (change == QLatin1String("delete user 6")) {
        QVERIFY(mutate(QStringLiteral("mutation { userDelete(id: 6) { ok errors { field messages } } }")));
    } else if (change == QLatin1String("rename group 2")) {
        QVERIFY(mutate(QStringLiteral("mutation { groupUpdate(newGroup: {id: 2, name: \"critics\"}) { ok errors { field messages } } }")));
    }
    const QString received = client.next();
    QCOMPARE(parseObject(received), parseObject(frame));
    QCOMPARE(received, frame);
    QVERIFY(!parseObject(received).value(QLatin1String("payload")).toObject().contains(QLatin1String("pk")));
    QCOMPARE(fence(client), QStringLiteral("fence"));
}

// §6.4: ALL_ACTIONS is the three actions.
void TestSeedSessionNotifications::allActionsDeliverEach()
{
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("ALL_ACTIONS"), {}, QStringLiteral("[ID, USERNAME]")));
    QVERIFY(mutate(QStringLiteral("mutation { userCreate(newUser: {username: \"ada2\"}) { ok errors { field messages } } }")));
    QVERIFY(updateUser(7, {{QStringLiteral("username"), QStringLiteral("ada3")}}));
    QVERIFY(mutate(QStringLiteral("mutation { userDelete(id: 7) { ok errors { field messages } } }")));
    QCOMPARE(client.next(), userFrame(QStringLiteral("create"), QStringLiteral(R"({"id": 7, "username": "ada2"})")));
    QCOMPARE(client.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 7, "username": "ada3"})")));
    QCOMPARE(client.next(), userFrame(QStringLiteral("delete"), QStringLiteral(R"({"id": 7, "username": "ada3"})")));
}

// §3: `id` picks one row; without it (or with "") every row.
void TestSeedSessionNotifications::idFilter_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("changedRow");
    QTest::addColumn<bool>("delivered");

    QTest::newRow("id 5, user 5 changes") << "5" << 5 << true;
    QTest::newRow("id 5, user 6 changes") << "5" << 6 << false;
    QTest::newRow("id as a string") << "\"5\"" << 5 << true;
    QTest::newRow("id with a leading zero is the same row") << "\"05\"" << 5 << true;
    QTest::newRow("id with a plus sign is the same row") << "\"+5\"" << 5 << true;
    QTest::newRow("no id, user 6 changes") << "" << 6 << true;
    QTest::newRow("empty id means any row") << "\"\"" << 6 << true;
    QTest::newRow("null id means any row") << "null" << 6 << true;
    QTest::newRow("id of a row that does not exist") << "999" << 6 << false;
}

void TestSeedSessionNotifications::idFilter()
{
    QFETCH(QString, id);
    QFETCH(int, changedRow);
    QFETCH(bool, delivered);

    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), id, QStringLiteral("[ID]")));
    QVERIFY(addFence(client));
    QVERIFY(updateUser(changedRow, {{QStringLiteral("lastName"), QStringLiteral("Changed")}}));
    if (delivered)
        QCOMPARE(client.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": %1})").arg(changedRow)));
    QCOMPARE(fence(client), QStringLiteral("fence"));
}

// §6.6: a group is a set.
void TestSeedSessionNotifications::subscribeTwiceIsIdempotent()
{
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), QStringLiteral("[ID]")));
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), QStringLiteral("[ID]")));
    QCOMPARE(m_server->subscriptionCount(), 1);
    QVERIFY(addFence(client));
    QVERIFY(updateUser(5, {{QStringLiteral("lastName"), QStringLiteral("Once")}}));
    QCOMPARE(client.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 5})")));
    QCOMPARE(fence(client), QStringLiteral("fence"));
}

// §3: unsubscribing removes exactly the (action, id) pairs it names.
void TestSeedSessionNotifications::unsubscribeNeedsTheSamePair()
{
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), {}, QStringLiteral("[ID]")));
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("ALL_ACTIONS"), QStringLiteral("6"), QStringLiteral("[ID]")));
    QVERIFY(addFence(client));
    // Unsubscribing user 5 leaves the subscription to every row.
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), {}, QStringLiteral("UNSUBSCRIBE")));
    QVERIFY(updateUser(5, {{QStringLiteral("lastName"), QStringLiteral("Still")}}));
    QCOMPARE(client.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 5})")));
    // Unsubscribing every row leaves the ALL_ACTIONS subscription to user 6, whose update still comes.
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), {}, {}, QStringLiteral("UNSUBSCRIBE")));
    QVERIFY(updateUser(5, {{QStringLiteral("lastName"), QStringLiteral("Gone")}}));
    QVERIFY(updateUser(6, {{QStringLiteral("lastName"), QStringLiteral("Kept")}}));
    QCOMPARE(client.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 6})")));
    // Unsubscribing UPDATE of user 6 leaves its create and delete.
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("6"), {}, QStringLiteral("UNSUBSCRIBE")));
    QVERIFY(updateUser(6, {{QStringLiteral("lastName"), QStringLiteral("Unseen")}}));
    QVERIFY(mutate(QStringLiteral("mutation { userDelete(id: 6) { ok errors { field messages } } }")));
    QCOMPARE(client.next(), userFrame(QStringLiteral("delete"), QStringLiteral(R"({"id": 6})")));
    QCOMPARE(fence(client), QStringLiteral("fence"));
    QCOMPARE(m_server->subscriptionCount(), 3); // create and delete of user 6, and the fence
}

// §4, our difference: `data` belongs to the subscription; columns come in the model's order.
void TestSeedSessionNotifications::fieldSelection_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no data: every column") << "" << Row5;
    QTest::newRow("data null: every column") << "null" << Row5;
    QTest::newRow("every field listed") << "[ID, USERNAME, FIRST_NAME, LAST_NAME, EMAIL, IS_SUPERUSER]" << Row5;
    QTest::newRow("two fields") << "[ID, EMAIL]" << R"({"id": 5, "email": "meaghan@gmail.com"})";
    QTest::newRow("in the model's order, not the list's") << "[IS_SUPERUSER, USERNAME]" << R"({"username": "meaghan90", "is_superuser": false})";
    QTest::newRow("a field twice") << "[EMAIL, EMAIL]" << R"({"email": "meaghan@gmail.com"})";
    QTest::newRow("a single field, not in a list") << "LAST_NAME" << R"({"last_name": "Ackerman"})";
    QTest::newRow("empty list: empty data") << "[]" << "{}";
}

void TestSeedSessionNotifications::fieldSelection()
{
    QFETCH(QString, data);
    QFETCH(QString, expected);

    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), data));
    QVERIFY(write(Writer::ServerStore, 5, QStringLiteral("Meaghan")));
    QCOMPARE(client.next(), userFrame(QStringLiteral("update"), expected));
}

// §4 and §6.10, our difference: the original's `only_fields` was global and sticky; here neither
// another subscriber's `data` nor an unsubscribe with `data` changes what a subscription gets.
void TestSeedSessionNotifications::fieldSelectionIsPerSubscription()
{
    WsClient narrow;
    WsClient full;
    WsClient late;
    for (WsClient *client : {&narrow, &full, &late}) {
        QVERIFY(client->openSeed(m_server->webSocketUrl()));
        client->skipAll();
    }
    QVERIFY(subscribe(narrow, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), QStringLiteral("[ID]")));
    QVERIFY(subscribe(full, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5")));
    QVERIFY(subscribe(late, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), QStringLiteral("[]")));
    QVERIFY(subscribe(late, QStringLiteral("user"), QStringLiteral("DELETE"), QStringLiteral("5"), QStringLiteral("[EMAIL]"),
                      QStringLiteral("UNSUBSCRIBE")));
    QVERIFY(write(Writer::Mutation, 5, QStringLiteral("Meaghan")));
    QCOMPARE(narrow.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 5})")));
    QCOMPARE(full.next(), userFrame(QStringLiteral("update"), Row5));
    QCOMPARE(late.next(), userFrame(QStringLiteral("update"), QStringLiteral("{}")));
}

// §6.9, our difference: a connection whose subscriptions overlap gets a change once, with the
// union of their fields.
void TestSeedSessionNotifications::overlapDeliveredOnce()
{
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), {}, QStringLiteral("[USERNAME]")));
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("ALL_ACTIONS"), QStringLiteral("5"), QStringLiteral("[ID, EMAIL]")));
    QVERIFY(addFence(client));
    QVERIFY(write(Writer::SqliteShell, 5, QStringLiteral("Once")));
    QCOMPARE(client.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"id": 5, "username": "meaghan90", "email": "meaghan@gmail.com"})")));
    QCOMPARE(fence(client), QStringLiteral("fence"));
    QVERIFY(write(Writer::Mutation, 6, QStringLiteral("Only the any-row subscription")));
    QCOMPARE(client.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"username": "john"})")));
    QCOMPARE(fence(client), QStringLiteral("fence"));
}

// A subscription is its (model, action, id); subscribing the same pair again replaces its `data`.
void TestSeedSessionNotifications::resubscribeReplacesSelection()
{
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), QStringLiteral("[ID]")));
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("ALL_ACTIONS"), QStringLiteral("5"), QStringLiteral("[EMAIL]")));
    QCOMPARE(m_server->subscriptionCount(), 3);
    QVERIFY(write(Writer::ServerStore, 5, QStringLiteral("Replaced")));
    QCOMPARE(client.next(), userFrame(QStringLiteral("update"), QStringLiteral(R"({"email": "meaghan@gmail.com"})")));
}

// §6.15: the text is Python's json.dumps: ", " and ": ", non-ASCII as \uXXXX (surrogate pairs
// beyond the BMP), and control characters escaped.
void TestSeedSessionNotifications::pythonJsonText()
{
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    client.skipAll();
    QVERIFY(subscribe(client, QStringLiteral("user"), QStringLiteral("UPDATE"), QStringLiteral("5"), QStringLiteral("[ID, FIRST_NAME]")));
    const QString name = QStringLiteral("Zo\u00eb \u65e5\u672c \U0001F600 \"q\" \\ \t/");
    QVERIFY(updateUser(5, {{QStringLiteral("firstName"), name}}));
    const QString frame = client.next();
    QCOMPARE(frame, userFrame(QStringLiteral("update"),
                              QStringLiteral("{\"id\": 5, \"first_name\": \"Zo\\u00eb \\u65e5\\u672c \\ud83d\\ude00 \\\"q\\\" \\\\ \\t/\"}")));
    QCOMPARE(parseObject(frame).value(QLatin1String("payload")).toObject().value(QLatin1String("data")).toObject()
                 .value(QLatin1String("first_name")).toString(), name);
}

QTEST_GUILESS_MAIN(TestSeedSessionNotifications)
#include "tst_seedsession_notifications.moc"

// SPDX-License-Identifier: MIT
// SeedSession: the original package's protocol (reference/seed-protocol.md), end to end on real
// sockets and a real SQLite file. The README's flow replayed literally, with the row changed by
// each kind of writer; then every behaviour of the checklist (§6), with our documented
// differences: a per-subscription `data`, unknown channel ids refused, overlapping subscriptions
// delivered once, subscriptions ended with the socket, malformed frames answered.
//
// "Nothing more arrives" is proven by a fence: the client also follows group 1, and after a quiet
// wait the test changes that group; changes reach a connection in commit order, so the fence's
// notification must be the next frame.
#include "catalog.h"
#include "database.h"
#include "modelstore.h"
#include "transporttestsupport.h"

#include <QProcess>

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;

namespace {

const QString Row5 = QStringLiteral(R"({"id": 5, "username": "meaghan90", "first_name": "Meaghan", "last_name": "Ackerman", "email": "meaghan@gmail.com", "is_superuser": false})");
const QString Row6 = QStringLiteral(R"({"id": 6, "username": "john", "first_name": "Dacia", "last_name": "Doe", "email": "", "is_superuser": false})");

QString userFrame(const QString &action, const QString &data)
{
    return QStringLiteral(R"({"stream": "users", "payload": {"action": "%1", "data": %2, "model": "auth.user"}})").arg(action, data);
}

QString groupFrame(const QString &action, const QString &data)
{
    return QStringLiteral(R"({"stream": "groups", "payload": {"action": "%1", "data": %2, "model": "auth.group"}})").arg(action, data);
}

QString ackFrame(const QString &stream, const QString &operation, const QString &action)
{
    return QStringLiteral(R"({"stream": "%1", "operation": "%2", "action": "%3", "ok": true, "error": null})")
        .arg(stream, operation, action);
}

/// The ways a row changes (DESIGN.md, The data path: whoever wrote it, it is seen once).
enum class Writer { Mutation, ServerStore, SecondStore, SqliteShell };

} // namespace

class TestSeedSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void readmeFlow();
    void connectFrame();
    void subscribeAndAck_data();
    void subscribeAndAck();
    void refusedWithoutAck_data();
    void refusedWithoutAck();
    void invalidDocuments_data();
    void invalidDocuments();
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
    void inboundFrames_data();
    void inboundFrames();
    void graphqlStream_data();
    void graphqlStream();
    void graphqlStreamErrors_data();
    void graphqlStreamErrors();
    void subscriptionsEndWithTheSocket();
    void restartForgetsChannels();
    void subscriptionLimit();
    void pythonJsonText();

private:
    HttpReply seed(const QString &model, const QString &channelId, const QString &action, const QString &operation,
                   const QString &id = {}, const QString &data = {});
    bool subscribe(WsClient &client, const QString &model, const QString &action, const QString &id = {},
                   const QString &data = {}, const QString &operation = QStringLiteral("SUBSCRIBE"));
    bool mutate(const QString &document, const QJsonObject &variables = {});
    bool updateUser(int id, const QJsonObject &fields);
    bool write(Writer writer, int id, const QString &firstName);
    bool addFence(WsClient &client);
    QString fence(WsClient &client);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    int m_fences = 0;
};

void TestSeedSession::init()
{
    m_server = std::make_unique<TestServer>();
    m_http = std::make_unique<HttpClient>();
    QVERIFY(m_server->start());
}

void TestSeedSession::cleanup()
{
    m_http.reset();
    m_server.reset();
}

HttpReply TestSeedSession::seed(const QString &model, const QString &channelId, const QString &action,
                                const QString &operation, const QString &id, const QString &data)
{
    QString arguments = QStringLiteral("channelId: \"%1\", action: %2, operation: %3").arg(channelId, action, operation);
    if (!id.isEmpty())
        arguments += QStringLiteral(", id: ") + id;
    if (!data.isEmpty())
        arguments += QStringLiteral(", data: ") + data;
    return m_http->graphql(m_server->httpUrl(), QStringLiteral("subscription { %1Subscription(%2) { ok error stream operation action } }")
                                                    .arg(model, arguments));
}

/// A successful subscribe or unsubscribe over HTTP, with its ack on the socket (taken).
bool TestSeedSession::subscribe(WsClient &client, const QString &model, const QString &action, const QString &id,
                                const QString &data, const QString &operation)
{
    const HttpReply reply = seed(model, client.channelId(), action, operation, id, data);
    const QJsonObject result = reply.json().value(QLatin1String("data")).toObject().value(model + QLatin1String("Subscription")).toObject();
    if (reply.status != 200 || !result.value(QLatin1String("ok")).toBool()) {
        qWarning("%s %s refused: %d %s", qPrintable(operation), qPrintable(action), reply.status, reply.body.constData());
        return false;
    }
    const QString ack = client.next();
    const QString stream = model == QLatin1String("user") ? QStringLiteral("users") : QStringLiteral("groups");
    if (ack != ackFrame(stream, operation.toLower(), action.toLower())) {
        qWarning("unexpected ack: %s", qPrintable(ack));
        return false;
    }
    return true;
}

bool TestSeedSession::mutate(const QString &document, const QJsonObject &variables)
{
    const HttpReply reply = m_http->graphql(m_server->httpUrl(), document, variables);
    const QJsonObject json = reply.json();
    const QJsonObject data = json.value(QLatin1String("data")).toObject();
    const bool ok = reply.status == 200 && !json.contains(QLatin1String("errors")) && data.size() == 1
        && data.begin()->toObject().value(QLatin1String("ok")).toBool();
    if (!ok)
        qWarning("mutation failed: %d %s", reply.status, reply.body.constData());
    return ok;
}

bool TestSeedSession::updateUser(int id, const QJsonObject &fields)
{
    QJsonObject input = fields;
    input.insert(QStringLiteral("id"), QString::number(id));
    return mutate(QStringLiteral("mutation ($u: UserInput!) { userUpdate(newUser: $u) { ok errors { field messages } } }"),
                  {{QStringLiteral("u"), input}});
}

/// Sets a user's first name through one of the writers.
bool TestSeedSession::write(Writer writer, int id, const QString &firstName)
{
    switch (writer) {
    case Writer::Mutation:
        return updateUser(id, {{QStringLiteral("firstName"), firstName}});
    case Writer::ServerStore: {
        bool ok = false;
        m_server->inCore([&](ServerCore &core) {
            const Model::ModelPtr model = core.backend().catalog()->modelByStream(u"users");
            const Model::Row values = GraphQL::ObjectBuilder().append("id", qint64(id)).append("first_name", firstName).build();
            const Model::WriteResult result = core.backend().store().update(*model, values);
            ok = result.ok && result.wrote;
        });
        return ok;
    }
    case Writer::SecondStore: {
        // Another ModelStore on the same file, as a second program would have: the server finds
        // its commits by polling, not by being told.
        const Model::Database database(m_server->databasePath());
        QString error;
        if (!database.open(&error)) {
            qWarning("cannot open the database: %s", qPrintable(error));
            return false;
        }
        QStringList warnings;
        QStringList errors;
        const Model::CatalogPtr catalog = Model::Catalog::load(database, {}, &warnings, &errors);
        bool ok = false;
        if (catalog) {
            Model::ModelStore store(database);
            const Model::Row values = GraphQL::ObjectBuilder().append("id", qint64(id)).append("first_name", firstName).build();
            const Model::WriteResult result = store.update(*catalog->modelByStream(u"users"), values);
            ok = result.ok && result.wrote;
        }
        database.closeConnection();
        return ok;
    }
    case Writer::SqliteShell: {
        QString text = firstName;
        text.replace(u'\'', QLatin1String("''"));
        QProcess shell;
        shell.start(QStringLiteral("sqlite3"),
                    {QStringLiteral("-cmd"), QStringLiteral(".timeout 10000"), m_server->databasePath(),
                     QStringLiteral("UPDATE auth_user SET first_name = '%1' WHERE id = %2;").arg(text).arg(id)});
        const bool ok = shell.waitForFinished(Timeout) && shell.exitStatus() == QProcess::NormalExit && shell.exitCode() == 0;
        if (!ok)
            qWarning("sqlite3 failed: %s", shell.readAllStandardError().constData());
        return ok;
    }
    }
    return false;
}

/// Makes `client` follow updates of group 1: the fence.
bool TestSeedSession::addFence(WsClient &client)
{
    return subscribe(client, QStringLiteral("group"), QStringLiteral("UPDATE"), QStringLiteral("1"), QStringLiteral("[NAME]"));
}

/// After a quiet wait, changes group 1 and returns what arrives first: "fence" when it is the
/// fence's notification, else the unexpected frame.
QString TestSeedSession::fence(WsClient &client)
{
    QTest::qWait(QuietMs);
    const QString name = QStringLiteral("fence %1").arg(++m_fences);
    if (!mutate(QStringLiteral("mutation ($g: GroupInput!) { groupUpdate(newGroup: $g) { ok errors { field messages } } }"),
                {{QStringLiteral("g"), QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}, {QStringLiteral("name"), name}}}}))
        return QStringLiteral("(the fence's mutation failed)");
    const QString frame = client.next();
    if (frame == groupFrame(QStringLiteral("update"), QStringLiteral(R"({"name": "%1"})").arg(name)))
        return QStringLiteral("fence");
    return frame.isEmpty() ? QStringLiteral("(nothing, not even the fence)") : frame;
}

// The README's flow, literally (seed README "Subscription's examples"; seed-protocol §2): connect,
// store channel_id, POST the subscription, read the ack, see user 5 change whoever changes it,
// unsubscribe, and see nothing more.
void TestSeedSession::readmeFlow()
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
void TestSeedSession::connectFrame()
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
void TestSeedSession::subscribeAndAck_data()
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

void TestSeedSession::subscribeAndAck()
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
void TestSeedSession::refusedWithoutAck_data()
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

void TestSeedSession::refusedWithoutAck()
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
void TestSeedSession::invalidDocuments_data()
{
    QTest::addColumn<QString>("arguments");

    QTest::newRow("action not in the enum") << "action: FOO, operation: SUBSCRIBE";
    QTest::newRow("action as the enum value, not its name") << "action: update, operation: SUBSCRIBE";
    QTest::newRow("operation missing") << "action: UPDATE";
    QTest::newRow("a field the model does not have") << "action: UPDATE, operation: SUBSCRIBE, data: [PASSWORD]";
    QTest::newRow("a field of another model") << "action: UPDATE, operation: SUBSCRIBE, data: [NAME]";
}

void TestSeedSession::invalidDocuments()
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

// §2.4, §6.7, §6.8: `{stream, payload: {action, data, model}}`, no pk; a delete carries the row
// as it was.
void TestSeedSession::notifications_data()
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

void TestSeedSession::notifications()
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
void TestSeedSession::allActionsDeliverEach()
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
void TestSeedSession::idFilter_data()
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

void TestSeedSession::idFilter()
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
void TestSeedSession::subscribeTwiceIsIdempotent()
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
void TestSeedSession::unsubscribeNeedsTheSamePair()
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
void TestSeedSession::fieldSelection_data()
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

void TestSeedSession::fieldSelection()
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
void TestSeedSession::fieldSelectionIsPerSubscription()
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
void TestSeedSession::overlapDeliveredOnce()
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
void TestSeedSession::resubscribeReplacesSelection()
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

// §2.5 and §6.12, our difference: every frame the server cannot take is answered in the
// channels-api envelope instead of only logged; the socket stays open; nothing is subscribed.
void TestSeedSession::inboundFrames_data()
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

void TestSeedSession::inboundFrames()
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
void TestSeedSession::graphqlStream_data()
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

void TestSeedSession::graphqlStream()
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

void TestSeedSession::graphqlStreamErrors_data()
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

void TestSeedSession::graphqlStreamErrors()
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

// §6.13, our difference: a closed socket's subscriptions end with it, and its channel id is refused.
void TestSeedSession::subscriptionsEndWithTheSocket()
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
void TestSeedSession::restartForgetsChannels()
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
void TestSeedSession::subscriptionLimit()
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

// §6.15: the text is Python's json.dumps: ", " and ": ", non-ASCII as \uXXXX (surrogate pairs
// beyond the BMP), and control characters escaped.
void TestSeedSession::pythonJsonText()
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

QTEST_GUILESS_MAIN(TestSeedSession)
#include "tst_seedsession.moc"

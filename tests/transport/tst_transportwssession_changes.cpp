// SPDX-License-Identifier: MIT
// TransportWsSession: what Subscriptor adds to the graphql-transport-ws protocol through its
// `extensions` (reference/graphql-servers.md §1.6, §7), on real sockets against a Server in this
// process and a real SQLite file: the change streams `<model>Changes(actions, id)` with
// `extensions.seq`, identical payloads for identical selections, and resuming after a seq with
// `extensions.resumeAfter`.
#include "graphqlwstestclient.h"
#include "transportwssessionfixture.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;
using namespace Qt::StringLiterals;

namespace {

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

} // namespace

class TestTransportWsSessionChanges final : public QObject, private TransportWsSessionFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

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

private:
    QList<qint64> writeResumeChanges(int count);
};

// A change → one `next` with exactly the selected fields (spec §6.2.3.2) and `extensions.seq`.
void TestTransportWsSessionChanges::changeEvents_data()
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

void TestTransportWsSessionChanges::changeEvents()
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
void TestTransportWsSessionChanges::mutationOverTheSocket()
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
void TestTransportWsSessionChanges::identicalSelections_data()
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

void TestTransportWsSessionChanges::identicalSelections()
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
void TestTransportWsSessionChanges::filters_data()
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

void TestTransportWsSessionChanges::filters()
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

QList<qint64> TestTransportWsSessionChanges::writeResumeChanges(int count)
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
void TestTransportWsSessionChanges::resume_data()
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

void TestTransportWsSessionChanges::resume()
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
void TestTransportWsSessionChanges::resumeRefused_data()
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

void TestTransportWsSessionChanges::resumeRefused()
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

QTEST_GUILESS_MAIN(TestTransportWsSessionChanges)
#include "tst_transportwssession_changes.moc"

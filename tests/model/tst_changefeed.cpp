// SPDX-License-Identifier: MIT
// Change capture end to end on a real SQLite file (DESIGN.md, Storage and change capture): the
// triggers write one changelog row per changed row inside the writer's transaction, and the
// ChangeFeed publishes them in commit order, gap-free, whoever the writer was: this process, two
// other connections at once, or the sqlite3 shell. Retention trims the log by count and by age.
#include "catalog.h"
#include "changefeed.h"
#include "changelog.h"
#include "demodata.h"
#include "modelstore.h"
#include "modeltestsupport.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <atomic>
#include <limits>

using namespace Subscriptor;
using namespace Subscriptor::Model;
using GraphQL::Value;
using TestSupport::json;

Q_DECLARE_METATYPE(Subscriptor::Model::ChangeAction)

namespace {

// Generous: the feed polls every 20 ms, but a loaded CI machine may be slow. Never a timing assertion.
constexpr int EventTimeoutMs = 5000;
constexpr int BurstTimeoutMs = 60'000;

const QByteArray Meaghan = R"({"id": 5, "username": "meaghan90", "first_name": "Meaghan", "last_name": "Ackerman",
                               "email": "meaghan@gmail.com", "is_superuser": false})";

} // namespace

class TestChangeFeed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oneEventPerWrite_data();
    void oneEventPerWrite();
    void updateThatChangesNothing();
    void rolledBackWriteLeavesNoEvent();
    void failedStatementLeavesNoEvent();
    void burstFromTwoConnections();
    void externalShellWrite();
    void blobInATextColumn();
    void rowImageOfEveryStorageClass_data();
    void rowImageOfEveryStorageClass();
    void invalidUtf8InATextColumn();
    void startAndResume();
    void retentionByCount();
    void retentionByAge();
    void retentionThroughTheFeed();
    void tablesThatAreNoModels();
    void changelogOfAnEarlierBuild();

private:
    const Database &database() const { return m_db->database(); }
    ModelPtr users() const { return m_catalog->model(QStringLiteral("auth_user")); }
    QString sqlite3() const { return QStandardPaths::findExecutable(QStringLiteral("sqlite3")); }
    bool runShell(const QString &sql);

    std::unique_ptr<TestSupport::TempDatabase> m_db;
    CatalogPtr m_catalog;
    std::unique_ptr<ModelStore> m_store;
    std::unique_ptr<ChangeFeed> m_feed;
    ChangeEvents m_events;
    qint64 m_startSeq = 0;
};

void TestChangeFeed::init()
{
    m_db = std::make_unique<TestSupport::TempDatabase>();
    QString error;
    QVERIFY2(DemoData::create(database(), &error), qPrintable(error));
    QVERIFY(m_db->exec(QStringLiteral("CREATE TABLE app_log (line TEXT)"))); // no key: no model, no triggers
    QStringList errors;
    m_catalog = Catalog::load(database(), {}, nullptr, &errors);
    QVERIFY(m_catalog);
    QVERIFY2(Changelog::install(database(), *m_catalog, &error), qPrintable(error));
    m_store = std::make_unique<ModelStore>(database());
    m_feed = std::make_unique<ChangeFeed>(database());
    m_feed->setCatalog(m_catalog);
    connect(m_store.get(), &ModelStore::committed, m_feed.get(), &ChangeFeed::wake);
    connect(m_feed.get(), &ChangeFeed::changes, this, [this](const ChangeEvents &events) { m_events += events; });
    m_events.clear();
    m_feed->start();
    m_startSeq = m_feed->lastSeq();
    QCOMPARE(m_startSeq, Changelog::lastSeq(database()));
}

void TestChangeFeed::cleanup()
{
    m_feed.reset();
    m_store.reset();
    m_catalog.reset();
    m_db.reset();
}

bool TestChangeFeed::runShell(const QString &sql)
{
    QProcess shell;
    shell.start(sqlite3(), {QStringLiteral("-bail"), QStringLiteral("-cmd"), QStringLiteral(".timeout 5000"), m_db->path(), sql});
    if (!shell.waitForFinished(30'000) || shell.exitStatus() != QProcess::NormalExit || shell.exitCode() != 0) {
        qWarning("sqlite3 failed (%d): %s", shell.exitCode(), shell.readAllStandardError().constData());
        return false;
    }
    return true;
}

void TestChangeFeed::oneEventPerWrite_data()
{
    QTest::addColumn<ChangeAction>("action");
    QTest::addColumn<QString>("rowId");
    QTest::addColumn<QByteArray>("newRow");
    QTest::addColumn<QByteArray>("oldRow");

    QTest::newRow("create") << ChangeAction::Create << QStringLiteral("7")
        << QByteArray(R"({"id": 7, "username": "newbie", "first_name": "New", "last_name": "", "email": "", "is_superuser": true})")
        << QByteArray("null");
    QTest::newRow("update") << ChangeAction::Update << QStringLiteral("5") << QByteArray(Meaghan).replace("\"Meaghan\"", "\"Meg\"")
        << Meaghan;
    QTest::newRow("delete") << ChangeAction::Delete << QStringLiteral("5") << QByteArray("null") << Meaghan;
}

void TestChangeFeed::oneEventPerWrite()
{
    QFETCH(ChangeAction, action);
    QFETCH(QString, rowId);
    QFETCH(QByteArray, newRow);
    QFETCH(QByteArray, oldRow);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    WriteResult result;
    switch (action) {
    case ChangeAction::Create:
        result = m_store->create(*users(), json(R"({"username": "newbie", "first_name": "New", "is_superuser": true})"));
        break;
    case ChangeAction::Update:
        result = m_store->update(*users(), json(R"({"id": 5, "first_name": "Meg"})"));
        break;
    case ChangeAction::Delete:
        result = m_store->remove(*users(), Value(QStringLiteral("5")));
        break;
    }
    QVERIFY(result.ok);
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 1, EventTimeoutMs);
    // Exactly one: neither a wake nor a poll publishes it again.
    m_feed->poll();
    QTest::qWait(100);
    QCOMPARE(m_events.size(), 1);

    const ChangeEvent &event = m_events.first();
    QCOMPARE(event.seq, m_startSeq + 1);
    QCOMPARE(event.model, users());
    QCOMPARE(event.model->label, QStringLiteral("auth.user"));
    QCOMPARE(event.action, action);
    QCOMPARE(event.rowId, rowId);
    QCOMPARE(event.newRow, json(newRow));
    QCOMPARE(event.oldRow, json(oldRow));
    QCOMPARE(event.row(), action == ChangeAction::Delete ? event.oldRow : event.newRow);
    // Typed by column, as the seed's serializer gave them: "id": 5, "is_superuser": false.
    QVERIFY(event.row().value("id").isInt());
    QVERIFY(event.row().value("is_superuser").isBool());
    QVERIFY(event.row().value("username").isString());
    QVERIFY2(event.changedAt.isValid(), "changedAt");
    QCOMPARE(event.changedAt.timeSpec(), Qt::UTC);
    QVERIFY2(event.changedAt >= before && event.changedAt <= after, qPrintable(event.changedAt.toString(Qt::ISODateWithMs)));
    QCOMPARE(m_feed->lastSeq(), event.seq);
    QCOMPARE(changeActionName(event.action), action == ChangeAction::Create ? QLatin1String("create")
                                             : action == ChangeAction::Update ? QLatin1String("update")
                                                                              : QLatin1String("delete"));
}

void TestChangeFeed::updateThatChangesNothing()
{
    // Only the key: nothing written, nothing captured.
    QVERIFY(m_store->update(*users(), json(R"({"id": 5})")).ok);
    m_feed->poll();
    QTest::qWait(100);
    QVERIFY(m_events.isEmpty());
    QCOMPARE(Changelog::lastSeq(database()), m_startSeq);
}

void TestChangeFeed::rolledBackWriteLeavesNoEvent()
{
    // Another connection writes and rolls back; then commits one change.
    Database other(m_db->path());
    QVERIFY(other.open());
    QSqlQuery query(other.connection());
    QVERIFY(query.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QVERIFY(query.exec(QStringLiteral("UPDATE auth_user SET first_name = 'Ghost' WHERE id = 5")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO auth_user (username) VALUES ('ghost')")));
    QVERIFY(query.exec(QStringLiteral("DELETE FROM auth_group")));
    QVERIFY(query.exec(QStringLiteral("ROLLBACK")));
    // A write of our own store that the database refuses leaves nothing either.
    QVERIFY(!m_store->create(*users(), json(R"({"username": "admin"})")).ok);
    QVERIFY(!m_store->update(*users(), json(R"({"id": 99, "first_name": "Nobody"})")).ok);
    m_feed->poll();
    QTest::qWait(100);
    QVERIFY(m_events.isEmpty());
    QCOMPARE(Changelog::lastSeq(database()), m_startSeq);

    // The next committed change follows without a gap: the rolled-back ones took no number.
    QVERIFY(query.exec(QStringLiteral("UPDATE auth_user SET first_name = 'Real' WHERE id = 5")));
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 1, EventTimeoutMs);
    QCOMPARE(m_events[0].seq, m_startSeq + 1);
    QCOMPARE(m_events[0].newRow.value("first_name"), Value(QStringLiteral("Real")));
    QCOMPARE(m_events[0].oldRow.value("first_name"), Value(QStringLiteral("Meaghan")));
    query.finish();
    other.closeConnection();
}

void TestChangeFeed::failedStatementLeavesNoEvent()
{
    // A statement that fails half-way (the second row breaks UNIQUE after the first row's trigger
    // ran) is undone with its changelog rows.
    Database other(m_db->path());
    QVERIFY(other.open());
    QSqlQuery query(other.connection());
    QVERIFY(!query.exec(QStringLiteral("UPDATE auth_user SET username = 'same'")));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO auth_group (name) VALUES ('new one'), ('editors')")));
    m_feed->poll();
    QTest::qWait(100);
    QVERIFY(m_events.isEmpty());
    QCOMPARE(TestSupport::scalar(database(), QStringLiteral("SELECT count(*) FROM auth_group")).toInt(), 2);
    QCOMPARE(Changelog::lastSeq(database()), m_startSeq);
    query.finish();
    other.closeConnection();
}

void TestChangeFeed::burstFromTwoConnections()
{
    // Two threads, each with its own connection and ModelStore, write as fast as they can; the feed
    // (on a third connection) sees every change once, with gap-free sequence numbers in commit order.
    constexpr int Writers = 2;
    constexpr int RowsPerWriter = 150;
    const ModelPtr model = users();
    const QString path = m_db->path();
    std::atomic<int> failures{0};
    QList<QThread *> threads;
    for (int writer = 0; writer < Writers; ++writer) {
        threads.append(QThread::create([writer, model, path, &failures] {
            Database db(path);
            if (!db.open()) {
                ++failures;
                return;
            }
            ModelStore store(db);
            for (int i = 0; i < RowsPerWriter; ++i) {
                const QString name = QStringLiteral("w%1-%2").arg(writer).arg(i);
                const WriteResult created = store.create(*model, GraphQL::ObjectBuilder().append("username", name).build());
                if (!created.ok) {
                    qWarning("create failed: %s", qPrintable(created.errors.value(0).messages.join(u' ')));
                    ++failures;
                    continue;
                }
                const WriteResult updated = store.update(*model, GraphQL::ObjectBuilder()
                                                                     .append("id", created.row.value("id"))
                                                                     .append("first_name", name)
                                                                     .build());
                if (!updated.ok)
                    ++failures;
            }
        }));
    }
    for (QThread *thread : std::as_const(threads))
        thread->start();
    constexpr int Expected = Writers * RowsPerWriter * 2;
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), Expected, BurstTimeoutMs);
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(BurstTimeoutMs));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    m_feed->poll();
    QTest::qWait(100);
    QCOMPARE(m_events.size(), Expected);

    QSet<QString> seen;
    QList<int> nextRow(Writers, 0);
    QList<bool> expectUpdate(Writers, false);
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        const ChangeEvent &event = m_events[i];
        // Gap-free and in order.
        QCOMPARE(event.seq, m_startSeq + 1 + i);
        const QString name = event.newRow.value("username").toString();
        const QString change = changeActionName(event.action) + u' ' + name;
        QVERIFY2(!seen.contains(change), qPrintable(change + QLatin1String(" twice")));
        seen.insert(change);
        // Each writer's changes appear in the order it committed them: create, update, next create.
        const int writer = name.mid(1, name.indexOf(u'-') - 1).toInt();
        const int row = name.mid(name.indexOf(u'-') + 1).toInt();
        QCOMPARE(row, nextRow[writer]);
        QCOMPARE(event.action, expectUpdate[writer] ? ChangeAction::Update : ChangeAction::Create);
        if (event.action == ChangeAction::Update) {
            QCOMPARE(event.newRow.value("first_name").toString(), name);
            QCOMPARE(event.oldRow.value("first_name").toString(), QString());
            ++nextRow[writer];
        }
        expectUpdate[writer] = !expectUpdate[writer];
    }
    QCOMPARE(nextRow, QList<int>(Writers, RowsPerWriter));
    QCOMPARE(m_feed->lastSeq(), Changelog::lastSeq(database()));
}

void TestChangeFeed::externalShellWrite()
{
    if (sqlite3().isEmpty())
        QSKIP("the sqlite3 shell is not installed");
    // No wake: the feed finds another process's commits by polling PRAGMA data_version.
    QVERIFY(runShell(QStringLiteral("UPDATE auth_user SET first_name = 'Shell' WHERE id = 5;"
                                    "INSERT INTO auth_user (username, is_superuser) VALUES ('from_shell', 1);"
                                    "DELETE FROM auth_group WHERE id = 2;")));
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 3, EventTimeoutMs);
    QCOMPARE(m_events[0].action, ChangeAction::Update);
    QCOMPARE(m_events[0].newRow, json(QByteArray(Meaghan).replace("\"Meaghan\"", "\"Shell\"")));
    QCOMPARE(m_events[1].action, ChangeAction::Create);
    QCOMPARE(m_events[1].rowId, QStringLiteral("7"));
    QCOMPARE(m_events[1].newRow.value("is_superuser"), Value(true));
    QCOMPARE(m_events[2].action, ChangeAction::Delete);
    QCOMPARE(m_events[2].model->label, QStringLiteral("auth.group"));
    QCOMPARE(m_events[2].oldRow, json(R"({"id": 2, "name": "reviewers"})"));
    QCOMPARE(m_events[2].seq, m_startSeq + 3);

    // And again later: polling goes on.
    QVERIFY(runShell(QStringLiteral("UPDATE auth_group SET name = 'admins' WHERE id = 1")));
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 4, EventTimeoutMs);
    QCOMPARE(m_events[3].newRow.value("name"), Value(QStringLiteral("admins")));
}

void TestChangeFeed::blobInATextColumn()
{
    // SQLite lets any column hold a blob; JSON cannot. The write must not be refused because of
    // change capture, and its event still comes.
    Database other(m_db->path());
    QVERIFY(other.open());
    QSqlQuery query(other.connection());
    QVERIFY(query.prepare(QStringLiteral("UPDATE auth_user SET first_name = ? WHERE id = 5")));
    query.addBindValue(QByteArray("\x00\xff\x10", 3));
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    QCOMPARE(TestSupport::scalar(database(), QStringLiteral("SELECT typeof(first_name) FROM auth_user WHERE id = 5")).toString(),
             QStringLiteral("blob"));
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 1, EventTimeoutMs);
    QCOMPARE(m_events[0].rowId, QStringLiteral("5"));
    QCOMPARE(m_events[0].newRow.value("first_name"), Value(QStringLiteral("00FF10")));
    QCOMPARE(m_events[0].oldRow.value("first_name"), Value(QStringLiteral("Meaghan")));
    query.finish();
    other.closeConnection();

    if (sqlite3().isEmpty())
        QSKIP("the sqlite3 shell is not installed");
    QVERIFY(runShell(QStringLiteral("UPDATE auth_user SET last_name = x'deadbeef' WHERE id = 5")));
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 2, EventTimeoutMs);
    QCOMPARE(m_events[1].newRow.value("last_name"), Value(QStringLiteral("DEADBEEF")));
}

void TestChangeFeed::rowImageOfEveryStorageClass_data()
{
    // What the trigger writes into the row image, for a value of each storage class in a TEXT
    // (last_name) and a NUMERIC (is_superuser) column; affinity is SQLite's, blobs become hex.
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("jsonType");
    QTest::addColumn<QVariant>("value");
    QTest::newRow("text") << "last_name = 'Ackermann'" << "last_name" << "text" << QVariant(QStringLiteral("Ackermann"));
    QTest::newRow("empty text") << "last_name = ''" << "last_name" << "text" << QVariant(QString());
    QTest::newRow("integer into text affinity") << "last_name = 42" << "last_name" << "text" << QVariant(QStringLiteral("42"));
    QTest::newRow("text that sorts last") << "last_name = char(1114111)" << "last_name" << "text"
                                          << QVariant(QString::fromUcs4(U"\U0010FFFF"));
    QTest::newRow("blob") << "last_name = x'00ff10'" << "last_name" << "text" << QVariant(QStringLiteral("00FF10"));
    QTest::newRow("empty blob") << "last_name = x''" << "last_name" << "text" << QVariant(QString());
    QTest::newRow("integer") << "is_superuser = 7" << "is_superuser" << "integer" << QVariant(7);
    QTest::newRow("negative integer") << "is_superuser = -9223372036854775808" << "is_superuser" << "integer"
                                      << QVariant(std::numeric_limits<qint64>::min());
    QTest::newRow("real") << "is_superuser = 2.5" << "is_superuser" << "real" << QVariant(2.5);
    QTest::newRow("text into numeric affinity") << "is_superuser = 'yes'" << "is_superuser" << "text" << QVariant(QStringLiteral("yes"));
    QTest::newRow("blob into numeric affinity") << "is_superuser = x'01'" << "is_superuser" << "text" << QVariant(QStringLiteral("01"));
}

void TestChangeFeed::rowImageOfEveryStorageClass()
{
    QFETCH(QString, assignment);
    QFETCH(QString, column);
    QFETCH(QString, jsonType);
    QFETCH(QVariant, value);
    QVERIFY(m_db->exec(QStringLiteral("UPDATE auth_user SET %1 WHERE id = 5").arg(assignment)));
    const QString newest = QStringLiteral("FROM subscriptor_changes ORDER BY seq DESC LIMIT 1");
    QCOMPARE(TestSupport::scalar(database(), QStringLiteral("SELECT json_type(new_row, '$.%1') %2").arg(column, newest)).toString(),
             jsonType);
    QCOMPARE(TestSupport::scalar(database(), QStringLiteral("SELECT json_extract(new_row, '$.%1') %2").arg(column, newest)), value);
    // The old image is of the same make: the row as it was.
    QCOMPARE(TestSupport::scalar(database(), QStringLiteral("SELECT json_extract(old_row, '$.username') %1").arg(newest)).toString(),
             QStringLiteral("meaghan90"));
}

void TestChangeFeed::invalidUtf8InATextColumn()
{
    if (sqlite3().isEmpty())
        QSKIP("the sqlite3 shell is not installed");
    QVERIFY(runShell(QStringLiteral("UPDATE auth_user SET last_name = CAST(x'41c328ff42' AS TEXT) WHERE id = 5")));
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 1, EventTimeoutMs);
    QCOMPARE(m_events[0].rowId, QStringLiteral("5"));
    QCOMPARE(m_events[0].newRow.value("id"), Value(5));
    // The row still reads.
    QVERIFY(m_store->get(*users(), Value(5)));
}

void TestChangeFeed::startAndResume()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_store->update(*users(), GraphQL::ObjectBuilder().append("id", 5).append("first_name", QString::number(i)).build()).ok);
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 5, EventTimeoutMs);

    // A client resuming after a sequence number reads in pages.
    ChangeFeed::Page page = m_feed->read(m_startSeq + 1, 2);
    QCOMPARE(page.error, QString());
    QCOMPARE(page.rows, 2);
    QCOMPARE(page.events.size(), 2);
    QCOMPARE(page.events[0].seq, m_startSeq + 2);
    QCOMPARE(page.events[1].seq, m_startSeq + 3);
    QCOMPARE(page.lastSeq, m_startSeq + 3);
    QCOMPARE(page.events[0].newRow.value("first_name"), Value(QStringLiteral("1")));
    page = m_feed->read(m_startSeq + 5, 10);
    QCOMPARE(page.rows, 0);
    QCOMPARE(page.lastSeq, m_startSeq + 5);

    // A feed started after a sequence number publishes what came after it.
    ChangeFeed second(database());
    second.setCatalog(m_catalog);
    ChangeEvents replayed;
    connect(&second, &ChangeFeed::changes, this, [&replayed](const ChangeEvents &events) { replayed += events; });
    second.start(m_startSeq + 3);
    second.poll();
    QCOMPARE(replayed.size(), 2);
    QCOMPARE(replayed[0].seq, m_startSeq + 4);
    // Started with -1, after the newest change: nothing old.
    ChangeFeed third(database());
    third.setCatalog(m_catalog);
    third.start();
    QCOMPARE(third.lastSeq(), m_startSeq + 5);
}

void TestChangeFeed::retentionByCount()
{
    for (int i = 0; i < 20; ++i)
        QVERIFY(m_store->update(*users(), GraphQL::ObjectBuilder().append("id", 1).append("last_name", QString::number(i)).build()).ok);
    const qint64 last = Changelog::lastSeq(database());
    QCOMPARE(last, m_startSeq + 20);
    const qint64 rows = TestSupport::changelogRows(database());

    QCOMPARE(Changelog::trim(database(), 5, 0), rows - 5);
    QCOMPARE(TestSupport::changelogRows(database()), 5);
    QCOMPARE(TestSupport::scalar(database(), QStringLiteral("SELECT min(seq) FROM subscriptor_changes")).toLongLong(), last - 4);
    QCOMPARE(Changelog::trim(database(), 5, 0), 0);
    QCOMPARE(Changelog::trim(database(), 1000, 0), 0);
    // The sequence goes on from where it was: the newest row holds it.
    QCOMPARE(Changelog::trim(database(), 1, 0), 4);
    QCOMPARE(Changelog::lastSeq(database()), last);
    QVERIFY(m_store->update(*users(), json(R"({"id": 1, "last_name": "after"})")).ok);
    QCOMPARE(Changelog::lastSeq(database()), last + 1);
    // The feed had read none of them yet: what retention removed is gone, the rest still comes.
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 2, EventTimeoutMs);
    QCOMPARE(m_events[0].seq, last);
    QCOMPARE(m_events[1].seq, last + 1);
}

void TestChangeFeed::retentionByAge()
{
    for (int i = 0; i < 6; ++i)
        QVERIFY(m_store->update(*users(), GraphQL::ObjectBuilder().append("id", 1).append("last_name", QString::number(i)).build()).ok);
    const qint64 last = Changelog::lastSeq(database());
    // The four oldest were made two days ago.
    const qint64 twoDaysAgo = QDateTime::currentMSecsSinceEpoch() - 2 * 24 * 3600 * 1000;
    QVERIFY(m_db->exec(QStringLiteral("UPDATE subscriptor_changes SET changed_at = %1 WHERE seq <= %2").arg(twoDaysAgo).arg(last - 2)));
    const qint64 rows = TestSupport::changelogRows(database());
    QCOMPARE(Changelog::trim(database(), 0, 0), 0); // no limits
    QCOMPARE(Changelog::trim(database(), 0, 24 * 3600), rows - 2);
    QCOMPARE(TestSupport::changelogRows(database()), 2);
    QCOMPARE(TestSupport::scalar(database(), QStringLiteral("SELECT min(seq) FROM subscriptor_changes")).toLongLong(), last - 1);
    QCOMPARE(Changelog::trim(database(), 0, 24 * 3600), 0);
    QCOMPARE(Changelog::lastSeq(database()), last);

    // Everything is old: the newest row stays all the same, and the sequence goes on after it.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE subscriptor_changes SET changed_at = %1")
                           .arg(QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch())));
    QCOMPARE(Changelog::trim(database(), 0, 60), 1);
    QCOMPARE(TestSupport::changelogRows(database()), 1);
    QCOMPARE(Changelog::lastSeq(database()), last);
    QVERIFY(m_store->update(*users(), json(R"({"id": 1, "last_name": "after"})")).ok);
    QCOMPARE(Changelog::lastSeq(database()), last + 1);
}

void TestChangeFeed::retentionThroughTheFeed()
{
    for (int i = 0; i < 10; ++i)
        QVERIFY(m_store->update(*users(), GraphQL::ObjectBuilder().append("id", 2).append("email", QString::number(i)).build()).ok);
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 10, EventTimeoutMs);
    ChangeFeed feed(database());
    feed.setCatalog(m_catalog);
    feed.setRetention(3, 0);
    feed.start(); // applies the policy at once, then every minute
    QCOMPARE(TestSupport::changelogRows(database()), 3);
    QCOMPARE(feed.lastSeq(), m_startSeq + 10);
}

void TestChangeFeed::tablesThatAreNoModels()
{
    // A table without a key has no triggers; a table that stopped being a model is skipped.
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO app_log (line) VALUES ('x')")));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO subscriptor_changes (table_name, action, row_id, new_row, changed_at) "
                                      "VALUES ('dropped_table', 'create', '1', '{}', 1704067200000)")));
    QVERIFY(m_store->update(*users(), json(R"({"id": 3, "first_name": "L"})")).ok);
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 1, EventTimeoutMs);
    QCOMPARE(m_events[0].seq, m_startSeq + 2);
    QCOMPARE(m_feed->lastSeq(), m_startSeq + 2);
    m_feed->poll();
    QCOMPARE(m_events.size(), 1);
}

void TestChangeFeed::changelogOfAnEarlierBuild()
{
    // Earlier builds kept ISO-8601 text times in an AUTOINCREMENT table. Installing this build's
    // capture converts the table in place: the rows, their times and the sequence carry on.
    QVERIFY(Changelog::uninstall(database()));
    QVERIFY(m_db->exec(QStringLiteral("DROP TABLE subscriptor_changes")));
    QVERIFY(m_db->exec(QStringLiteral(
        "CREATE TABLE subscriptor_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, table_name TEXT NOT NULL, "
        "action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')), row_id TEXT, new_row TEXT, old_row TEXT, "
        "changed_at TEXT NOT NULL)")));
    QVERIFY(m_db->exec(QStringLiteral("INSERT INTO subscriptor_changes VALUES (41, 'auth_user', 'update', '5', '%1', '%1', "
                                      "'2026-11-25T08:26:38.123Z')").arg(QString::fromUtf8(Meaghan))));
    QString error;
    QVERIFY2(Changelog::install(database(), *m_catalog, &error), qPrintable(error));
    QCOMPARE(TestSupport::scalar(database(), QStringLiteral("SELECT type FROM pragma_table_info('subscriptor_changes') "
                                                            "WHERE name = 'changed_at'")).toString(), QStringLiteral("INTEGER"));
    QCOMPARE(Changelog::lastSeq(database()), 41);

    const ChangeFeed::Page page = m_feed->read(40, 10);
    QCOMPARE(page.events.size(), 1);
    QCOMPARE(page.events[0].seq, 41);
    QCOMPARE(page.events[0].changedAt, QDateTime(QDate(2026, 11, 25), QTime(8, 26, 38, 123), Qt::UTC));
    QCOMPARE(page.events[0].row(), json(Meaghan));

    QVERIFY(m_store->update(*users(), json(R"({"id": 5, "first_name": "Meg"})")).ok);
    QCOMPARE(Changelog::lastSeq(database()), 42);
    QCOMPARE(m_feed->read(41, 10).events.value(0).newRow.value("first_name").toString(), QStringLiteral("Meg"));
    // Installing again leaves the converted table as it is.
    QVERIFY2(Changelog::install(database(), *m_catalog, &error), qPrintable(error));
    QCOMPARE(TestSupport::changelogRows(database()), 2);
}

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"

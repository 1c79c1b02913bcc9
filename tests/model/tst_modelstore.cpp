// SPDX-License-Identifier: MIT
// The ModelStore on a real SQLite file with change capture installed: create, update, delete,
// get, list and count; every refused write gives the right field error and writes nothing (neither
// the table nor the changelog changes); hostile strings are stored and returned as they are, in
// every input and every filter, and harm nothing.
#include "catalog.h"
#include "changelog.h"
#include "modelsfile.h"
#include "modelstore.h"
#include "modeltestsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Subscriptor;
using namespace Subscriptor::Model;
using GraphQL::Value;
using TestSupport::json;

Q_DECLARE_METATYPE(Subscriptor::GraphQL::Value)
Q_DECLARE_METATYPE(Subscriptor::Model::Filter::Op)

namespace {

const QString Items = QStringLiteral("shop_item");
const QString Tags = QStringLiteral("shop_tag");

const char *const Schema[] = {
    "CREATE TABLE shop_item ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " name TEXT NOT NULL UNIQUE,"
    " note TEXT,"
    " quantity INTEGER NOT NULL DEFAULT 0 CHECK (quantity >= 0),"
    " price REAL,"
    " active BOOLEAN NOT NULL DEFAULT 1,"
    " released DATETIME,"
    " attributes JSON,"
    " picture BLOB,"
    " code VARCHAR(20) UNIQUE,"
    " secret TEXT NOT NULL DEFAULT 'hidden',"
    " created_by TEXT DEFAULT 'system')",
    "CREATE TABLE shop_tag (slug TEXT PRIMARY KEY, label TEXT NOT NULL)",
};

const char *const Rows[] = {
    "INSERT INTO shop_item (name, note, quantity, price, active, released, attributes, code)"
    " VALUES ('apple', 'red fruit', 10, 0.5, 1, '2024-01-01T00:00:00Z', '{\"color\":\"red\"}', 'A1')",
    "INSERT INTO shop_item (name, note, quantity, price, active, code) VALUES ('banana', NULL, 0, 0.25, 0, 'B2')",
    "INSERT INTO shop_item (name, note, quantity, price, active, released) VALUES ('Cherry', 'Small_red 100%', 200, 3.0, 1, '2023-06-15T10:00:00Z')",
    "INSERT INTO shop_item (name, note, quantity, active, code) VALUES ('date', 'C:\\dates\\', 5, 1, 'D4')",
    "INSERT INTO shop_tag (slug, label) VALUES ('fruit', 'Fruit')",
};

// `secret` is hidden from the API, `created_by` cannot be written through it.
const QByteArray ModelsJson = R"({"models": {"shop_item": {
    "fields": ["name", "note", "quantity", "price", "active", "released", "attributes", "picture", "code", "created_by"],
    "readOnly": ["created_by"]}}})";

// What the changelog and the table hold, to prove a refused write left no trace.
struct Snapshot
{
    QList<QVariantList> items;
    QList<QVariantList> tags;
    qint64 changes = 0;
    bool operator==(const Snapshot &other) const = default;
};

} // namespace

class TestModelStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void create_data();
    void create();
    void createFailures_data();
    void createFailures();
    void update_data();
    void update();
    void updateThatChangesNothing();
    void updateFailures_data();
    void updateFailures();
    void remove();
    void removeFailures_data();
    void removeFailures();
    void get_data();
    void get();
    void textPrimaryKey();
    void filters_data();
    void filters();
    void filterErrors_data();
    void filterErrors();
    void orderAndPaging_data();
    void orderAndPaging();
    void hostileStrings_data();
    void hostileStrings();
    void hostileFilters_data();
    void hostileFilters();
    void loneSurrogates_data();
    void loneSurrogates();
    void committedSignal();

private:
    Snapshot snapshot() const;
    Value changelogImage(qint64 seq, const char *column) const;

    std::unique_ptr<TestSupport::TempDatabase> m_db;
    CatalogPtr m_catalog;
    ModelPtr m_items;
    ModelPtr m_tags;
    std::unique_ptr<ModelStore> m_store;
};

void TestModelStore::init()
{
    m_db = std::make_unique<TestSupport::TempDatabase>();
    for (const char *sql : Schema)
        QVERIFY(m_db->exec(QString::fromUtf8(sql)));
    QList<ModelConfig> config;
    QStringList errors;
    QVERIFY(ModelsFile::parse(ModelsJson, QStringLiteral("models.json"), config, errors));
    m_catalog = Catalog::load(m_db->database(), config, nullptr, &errors);
    QVERIFY2(m_catalog, qPrintable(errors.join(u'\n')));
    QString error;
    QVERIFY2(Changelog::install(m_db->database(), *m_catalog, &error), qPrintable(error));
    for (const char *sql : Rows)
        QVERIFY(m_db->exec(QString::fromUtf8(sql)));
    m_items = m_catalog->model(Items);
    m_tags = m_catalog->model(Tags);
    QVERIFY(m_items && m_tags);
    QCOMPARE(m_items->typeName, QByteArray("Item"));
    m_store = std::make_unique<ModelStore>(m_db->database());
}

void TestModelStore::cleanup()
{
    m_store.reset();
    m_items.reset();
    m_tags.reset();
    m_catalog.reset();
    m_db.reset();
}

Snapshot TestModelStore::snapshot() const
{
    return {TestSupport::tableRows(m_db->database(), Items), TestSupport::tableRows(m_db->database(), Tags),
            TestSupport::changelogRows(m_db->database())};
}

Value TestModelStore::changelogImage(qint64 seq, const char *column) const
{
    QSqlQuery query(m_db->database().connection());
    query.prepare(QLatin1String("SELECT ") + QLatin1String(column) + QLatin1String(" FROM subscriptor_changes WHERE seq = ?"));
    query.addBindValue(seq);
    if (!query.exec() || !query.next())
        return Value(QStringLiteral("no changelog row %1").arg(seq));
    return GraphQL::Json::parse(query.value(0).toString().toUtf8());
}

void TestModelStore::create_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("only the required column") << QByteArray(R"({"name": "kiwi"})")
        << QByteArray(R"({"id": 5, "name": "kiwi", "note": null, "quantity": 0, "price": null, "active": true, "released": null,
                          "attributes": null, "picture": null, "code": null, "created_by": "system"})");
    QTest::newRow("every column type") << QByteArray(R"({"name": "kiwi", "note": "green", "quantity": 3, "price": 1.5, "active": false,
                                                         "released": "2024-05-01T12:30:00Z", "attributes": {"a": [1, 2.5, null, "x"]},
                                                         "picture": "AAEC/w==", "code": "K5"})")
        << QByteArray(R"({"id": 5, "name": "kiwi", "note": "green", "quantity": 3, "price": 1.5, "active": false,
                          "released": "2024-05-01T12:30:00Z", "attributes": {"a": [1, 2.5, null, "x"]}, "picture": "AAEC/w==",
                          "code": "K5", "created_by": "system"})");
    QTest::newRow("explicit nulls") << QByteArray(R"({"name": "kiwi", "note": null, "price": null, "code": null})")
        << QByteArray(R"({"id": 5, "name": "kiwi", "note": null, "quantity": 0, "price": null, "active": true, "released": null,
                          "attributes": null, "picture": null, "code": null, "created_by": "system"})");
    QTest::newRow("whole float for an integer") << QByteArray(R"({"name": "kiwi", "quantity": 4.0})")
        << QByteArray(R"({"id": 5, "name": "kiwi", "note": null, "quantity": 4, "price": null, "active": true, "released": null,
                          "attributes": null, "picture": null, "code": null, "created_by": "system"})");
    QTest::newRow("64-bit integer") << QByteArray(R"({"name": "kiwi", "quantity": 9007199254740993})")
        << QByteArray(R"({"id": 5, "name": "kiwi", "note": null, "quantity": 9007199254740993, "price": null, "active": true,
                          "released": null, "attributes": null, "picture": null, "code": null, "created_by": "system"})");
    QTest::newRow("explicit id") << QByteArray(R"({"id": 42, "name": "kiwi"})")
        << QByteArray(R"({"id": 42, "name": "kiwi", "note": null, "quantity": 0, "price": null, "active": true, "released": null,
                          "attributes": null, "picture": null, "code": null, "created_by": "system"})");
    QTest::newRow("id as a string") << QByteArray(R"({"id": "43", "name": "kiwi"})")
        << QByteArray(R"({"id": 43, "name": "kiwi", "note": null, "quantity": 0, "price": null, "active": true, "released": null,
                          "attributes": null, "picture": null, "code": null, "created_by": "system"})");
    QTest::newRow("json scalar") << QByteArray(R"({"name": "kiwi", "attributes": "just text"})")
        << QByteArray(R"({"id": 5, "name": "kiwi", "note": null, "quantity": 0, "price": null, "active": true, "released": null,
                          "attributes": "just text", "picture": null, "code": null, "created_by": "system"})");
    QTest::newRow("date without a time") << QByteArray(R"({"name": "kiwi", "released": "2024-05-01"})")
        << QByteArray(R"({"id": 5, "name": "kiwi", "note": null, "quantity": 0, "price": null, "active": true, "released": "2024-05-01",
                          "attributes": null, "picture": null, "code": null, "created_by": "system"})");
    QTest::newRow("empty blob") << QByteArray(R"({"name": "kiwi", "picture": ""})")
        << QByteArray(R"({"id": 5, "name": "kiwi", "note": null, "quantity": 0, "price": null, "active": true, "released": null,
                          "attributes": null, "picture": "", "code": null, "created_by": "system"})");
}

void TestModelStore::create()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Snapshot before = snapshot();
    const WriteResult result = m_store->create(*m_items, json(input));
    QCOMPARE(TestSupport::errorsValue(result.errors), json("[]"));
    QVERIFY(result.ok);
    QVERIFY(result.wrote);
    QCOMPARE(result.row, json(expected));
    // Values keep their JSON types: the changelog and the API show them as the seed's serializer did.
    QVERIFY(result.row.value("id").isInt());
    QVERIFY(result.row.value("active").isBool());
    QCOMPARE(m_store->get(*m_items, result.row.value("id")), std::optional<Value>(result.row));
    const Snapshot after = snapshot();
    QCOMPARE(after.items.size(), before.items.size() + 1);
    QCOMPARE(after.changes, before.changes + 1);
    // The hidden column got its default.
    QCOMPARE(after.items.last().at(10).toString(), QStringLiteral("hidden"));
}

void TestModelStore::createFailures_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("errors");

    QTest::newRow("required column missing") << QByteArray(R"({"note": "x"})")
        << QByteArray(R"([{"column": "name", "messages": ["This field is required."]}])");
    QTest::newRow("nothing at all") << QByteArray(R"({})")
        << QByteArray(R"([{"column": "name", "messages": ["This field is required."]}])");
    QTest::newRow("null for NOT NULL") << QByteArray(R"({"name": null})")
        << QByteArray(R"([{"column": "name", "messages": ["This field may not be null."]}])");
    QTest::newRow("null for NOT NULL with a default") << QByteArray(R"({"name": "kiwi", "quantity": null})")
        << QByteArray(R"([{"column": "quantity", "messages": ["This field may not be null."]}])");
    QTest::newRow("duplicate UNIQUE") << QByteArray(R"({"name": "apple"})")
        << QByteArray(R"([{"column": "name", "messages": ["Item with this name already exists."]}])");
    QTest::newRow("UNIQUE is case-sensitive, but this is a duplicate") << QByteArray(R"({"name": "Cherry"})")
        << QByteArray(R"([{"column": "name", "messages": ["Item with this name already exists."]}])");
    QTest::newRow("duplicate second UNIQUE column") << QByteArray(R"({"name": "kiwi", "code": "B2"})")
        << QByteArray(R"([{"column": "code", "messages": ["Item with this code already exists."]}])");
    QTest::newRow("duplicate id") << QByteArray(R"({"id": 1, "name": "kiwi"})")
        << QByteArray(R"([{"column": "id", "messages": ["Item with this id already exists."]}])");
    QTest::newRow("id not a number") << QByteArray(R"({"id": "one", "name": "kiwi"})")
        << QByteArray(R"([{"column": "id", "messages": ["Enter a whole number."]}])");
    QTest::newRow("integer: text") << QByteArray(R"({"name": "kiwi", "quantity": "3"})")
        << QByteArray(R"([{"column": "quantity", "messages": ["Enter a whole number."]}])");
    QTest::newRow("integer: fraction") << QByteArray(R"({"name": "kiwi", "quantity": 2.5})")
        << QByteArray(R"([{"column": "quantity", "messages": ["Enter a whole number."]}])");
    QTest::newRow("integer: boolean") << QByteArray(R"({"name": "kiwi", "quantity": true})")
        << QByteArray(R"([{"column": "quantity", "messages": ["Enter a whole number."]}])");
    QTest::newRow("integer: list") << QByteArray(R"({"name": "kiwi", "quantity": [1]})")
        << QByteArray(R"([{"column": "quantity", "messages": ["Enter a whole number."]}])");
    QTest::newRow("integer: past 64 bits") << QByteArray(R"({"name": "kiwi", "quantity": 1e19})")
        << QByteArray(R"([{"column": "quantity", "messages": ["Enter a whole number."]}])");
    QTest::newRow("float: text") << QByteArray(R"({"name": "kiwi", "price": "cheap"})")
        << QByteArray(R"([{"column": "price", "messages": ["Enter a number."]}])");
    QTest::newRow("float: boolean") << QByteArray(R"({"name": "kiwi", "price": false})")
        << QByteArray(R"([{"column": "price", "messages": ["Enter a number."]}])");
    QTest::newRow("boolean: integer") << QByteArray(R"({"name": "kiwi", "active": 1})")
        << QByteArray(R"([{"column": "active", "messages": ["Must be true or false."]}])");
    QTest::newRow("boolean: text") << QByteArray(R"({"name": "kiwi", "active": "true"})")
        << QByteArray(R"([{"column": "active", "messages": ["Must be true or false."]}])");
    QTest::newRow("text: number") << QByteArray(R"({"name": 5})")
        << QByteArray(R"([{"column": "name", "messages": ["Enter text."]}])");
    QTest::newRow("text: object") << QByteArray(R"({"name": {"first": "x"}})")
        << QByteArray(R"([{"column": "name", "messages": ["Enter text."]}])");
    QTest::newRow("datetime: words") << QByteArray(R"({"name": "kiwi", "released": "yesterday"})")
        << QByteArray(R"([{"column": "released", "messages": ["Enter a valid ISO-8601 date and time, such as 2024-05-01T12:30:00Z."]}])");
    QTest::newRow("datetime: impossible date") << QByteArray(R"({"name": "kiwi", "released": "2024-02-30T10:00:00Z"})")
        << QByteArray(R"([{"column": "released", "messages": ["Enter a valid ISO-8601 date and time, such as 2024-05-01T12:30:00Z."]}])");
    QTest::newRow("datetime: date and garbage") << QByteArray(R"({"name": "kiwi", "released": "2024-05-01; DROP TABLE shop_item"})")
        << QByteArray(R"([{"column": "released", "messages": ["Enter a valid ISO-8601 date and time, such as 2024-05-01T12:30:00Z."]}])");
    QTest::newRow("datetime: number") << QByteArray(R"({"name": "kiwi", "released": 1714566600})")
        << QByteArray(R"([{"column": "released", "messages": ["Enter a valid ISO-8601 date and time, such as 2024-05-01T12:30:00Z."]}])");
    QTest::newRow("blob: not base64") << QByteArray(R"({"name": "kiwi", "picture": "***"})")
        << QByteArray(R"([{"column": "picture", "messages": ["Enter base64 data."]}])");
    QTest::newRow("blob: number") << QByteArray(R"({"name": "kiwi", "picture": 7})")
        << QByteArray(R"([{"column": "picture", "messages": ["Enter base64 data."]}])");
    QTest::newRow("read-only column") << QByteArray(R"({"name": "kiwi", "created_by": "me"})")
        << QByteArray(R"([{"column": "created_by", "messages": ["This field is read-only."]}])");
    QTest::newRow("hidden column") << QByteArray(R"({"name": "kiwi", "secret": "x"})")
        << QByteArray(R"([{"column": "secret", "messages": ["Item has no field secret."]}])");
    QTest::newRow("unknown column") << QByteArray(R"({"name": "kiwi", "colour": "green"})")
        << QByteArray(R"([{"column": "colour", "messages": ["Item has no field colour."]}])");
    QTest::newRow("not an object") << QByteArray(R"(["kiwi"])")
        << QByteArray(R"([{"column": "__all__", "messages": ["Expected an object of field values."]}])");
    QTest::newRow("CHECK constraint") << QByteArray(R"({"name": "kiwi", "quantity": -1})")
        << QByteArray(R"([{"column": "__all__", "messages": ["CHECK constraint failed: quantity >= 0"]}])");
    QTest::newRow("several problems, each reported") << QByteArray(R"({"quantity": "x", "price": "y", "active": null})")
        << QByteArray(R"([{"column": "quantity", "messages": ["Enter a whole number."]},
                          {"column": "price", "messages": ["Enter a number."]},
                          {"column": "active", "messages": ["This field may not be null."]},
                          {"column": "name", "messages": ["This field is required."]}])");
    QTest::newRow("two unique problems") << QByteArray(R"({"name": "apple", "code": "B2"})")
        << QByteArray(R"([{"column": "name", "messages": ["Item with this name already exists."]},
                          {"column": "code", "messages": ["Item with this code already exists."]}])");
}

void TestModelStore::createFailures()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, errors);
    const Snapshot before = snapshot();
    QSignalSpy committed(m_store.get(), &ModelStore::committed);
    const WriteResult result = m_store->create(*m_items, json(input));
    QVERIFY(!result.ok);
    QVERIFY(!result.wrote);
    QCOMPARE(TestSupport::errorsValue(result.errors), json(errors));
    QVERIFY(result.row.isNull());
    QCOMPARE(snapshot(), before);
    QCOMPARE(committed.count(), 0);
    // The store is still usable: no transaction was left open.
    QVERIFY(m_store->create(*m_items, json(R"({"name": "after a failure"})")).ok);
}

void TestModelStore::update_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray apple = R"({"id": 1, "name": "apple", "note": "red fruit", "quantity": 10, "price": 0.5, "active": true,
        "released": "2024-01-01T00:00:00Z", "attributes": {"color": "red"}, "picture": null, "code": "A1", "created_by": "system"})";
    QTest::newRow("one column, the others kept") << QByteArray(R"({"id": 1, "note": "green fruit"})")
        << QByteArray(apple).replace("red fruit", "green fruit");
    QTest::newRow("id as a string") << QByteArray(R"({"id": "1", "quantity": 11})")
        << QByteArray(apple).replace("10", "11");
    QTest::newRow("set to null") << QByteArray(R"({"id": 1, "note": null, "code": null})")
        << QByteArray(apple).replace("\"red fruit\"", "null").replace("\"A1\"", "null");
    QTest::newRow("unique column to its own value") << QByteArray(R"({"id": 1, "name": "apple", "code": "A1"})") << apple;
    QTest::newRow("unique column to a free value") << QByteArray(R"({"id": 1, "name": "APPLE"})")
        << QByteArray(apple).replace("\"apple\"", "\"APPLE\"");
    QTest::newRow("boolean and json") << QByteArray(R"({"id": 1, "active": false, "attributes": [true]})")
        << QByteArray(apple).replace("\"active\": true", "\"active\": false").replace("{\"color\": \"red\"}", "[true]");
}

void TestModelStore::update()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const Snapshot before = snapshot();
    const WriteResult result = m_store->update(*m_items, json(input));
    QCOMPARE(TestSupport::errorsValue(result.errors), json("[]"));
    QVERIFY(result.ok);
    QVERIFY(result.wrote);
    QCOMPARE(result.row, json(expected));
    QCOMPARE(m_store->get(*m_items, Value(1)), std::optional<Value>(json(expected)));
    const Snapshot after = snapshot();
    QCOMPARE(after.changes, before.changes + 1);
    // Only row 1 changed; the hidden column kept its value.
    QCOMPARE(after.items.mid(1), before.items.mid(1));
    QCOMPARE(after.items[0][10], before.items[0][10]);
    // The changelog holds the row before and after.
    const qint64 seq = Changelog::lastSeq(m_db->database());
    QCOMPARE(changelogImage(seq, "old_row").value("note"), Value(QStringLiteral("red fruit")));
    QCOMPARE(changelogImage(seq, "new_row").value("note"), json(expected).value("note"));
}

void TestModelStore::updateThatChangesNothing()
{
    // Only the key: the row is read back, nothing is written and no change is captured.
    const Snapshot before = snapshot();
    QSignalSpy committed(m_store.get(), &ModelStore::committed);
    const WriteResult result = m_store->update(*m_items, json(R"({"id": 2})"));
    QVERIFY(result.ok);
    QVERIFY(!result.wrote);
    QCOMPARE(result.row.value("name"), Value(QStringLiteral("banana")));
    QCOMPARE(snapshot(), before);
    QCOMPARE(committed.count(), 0);
}

void TestModelStore::updateFailures_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("errors");

    QTest::newRow("no id") << QByteArray(R"({"name": "kiwi"})")
        << QByteArray(R"([{"column": "id", "messages": ["This field is required."]}])");
    QTest::newRow("null id") << QByteArray(R"({"id": null, "name": "kiwi"})")
        << QByteArray(R"([{"column": "id", "messages": ["This field is required."]}])");
    QTest::newRow("unknown id") << QByteArray(R"({"id": 999, "name": "kiwi"})")
        << QByteArray(R"([{"column": "id", "messages": ["No Item with id 999."]}])");
    QTest::newRow("unknown id as a string") << QByteArray(R"({"id": "999", "note": "x"})")
        << QByteArray(R"([{"column": "id", "messages": ["No Item with id 999."]}])");
    QTest::newRow("id not a number") << QByteArray(R"({"id": "1 OR 1=1", "note": "x"})")
        << QByteArray(R"([{"column": "id", "messages": ["Enter a whole number."]}])");
    QTest::newRow("UNIQUE against another row") << QByteArray(R"({"id": 1, "name": "banana"})")
        << QByteArray(R"([{"column": "name", "messages": ["Item with this name already exists."]}])");
    QTest::newRow("second UNIQUE against another row") << QByteArray(R"({"id": 2, "code": "D4"})")
        << QByteArray(R"([{"column": "code", "messages": ["Item with this code already exists."]}])");
    QTest::newRow("null for NOT NULL") << QByteArray(R"({"id": 1, "name": null})")
        << QByteArray(R"([{"column": "name", "messages": ["This field may not be null."]}])");
    QTest::newRow("type error") << QByteArray(R"({"id": 1, "quantity": "many"})")
        << QByteArray(R"([{"column": "quantity", "messages": ["Enter a whole number."]}])");
    QTest::newRow("read-only column") << QByteArray(R"({"id": 1, "created_by": "me"})")
        << QByteArray(R"([{"column": "created_by", "messages": ["This field is read-only."]}])");
    QTest::newRow("hidden column") << QByteArray(R"({"id": 1, "secret": "x"})")
        << QByteArray(R"([{"column": "secret", "messages": ["Item has no field secret."]}])");
    QTest::newRow("CHECK constraint") << QByteArray(R"({"id": 1, "quantity": -5})")
        << QByteArray(R"([{"column": "__all__", "messages": ["CHECK constraint failed: quantity >= 0"]}])");
    QTest::newRow("one bad column spoils the write") << QByteArray(R"({"id": 1, "note": "fine", "price": "bad"})")
        << QByteArray(R"([{"column": "price", "messages": ["Enter a number."]}])");
}

void TestModelStore::updateFailures()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, errors);
    const Snapshot before = snapshot();
    QSignalSpy committed(m_store.get(), &ModelStore::committed);
    const WriteResult result = m_store->update(*m_items, json(input));
    QVERIFY(!result.ok);
    QCOMPARE(TestSupport::errorsValue(result.errors), json(errors));
    QVERIFY(result.row.isNull());
    QCOMPARE(snapshot(), before);
    QCOMPARE(committed.count(), 0);
    QVERIFY(m_store->update(*m_items, json(R"({"id": 3, "note": "after a failure"})")).ok);
}

void TestModelStore::remove()
{
    const Snapshot before = snapshot();
    QSignalSpy committed(m_store.get(), &ModelStore::committed);
    const WriteResult result = m_store->remove(*m_items, Value(QStringLiteral("2")));
    QVERIFY(result.ok);
    QVERIFY(result.wrote);
    // The row as it was.
    QCOMPARE(result.row, json(R"({"id": 2, "name": "banana", "note": null, "quantity": 0, "price": 0.25, "active": false,
                                  "released": null, "attributes": null, "picture": null, "code": "B2", "created_by": "system"})"));
    QVERIFY(!m_store->get(*m_items, Value(2)));
    const Snapshot after = snapshot();
    QCOMPARE(after.items.size(), before.items.size() - 1);
    QCOMPARE(after.changes, before.changes + 1);
    QCOMPARE(committed.count(), 1);
    const qint64 seq = Changelog::lastSeq(m_db->database());
    QCOMPARE(changelogImage(seq, "old_row").value("name"), Value(QStringLiteral("banana")));
    QVERIFY(changelogImage(seq, "new_row").isNull());
    // Its unique values are free again.
    QVERIFY(m_store->create(*m_items, json(R"({"name": "banana", "code": "B2"})")).ok);
}

void TestModelStore::removeFailures_data()
{
    QTest::addColumn<Value>("id");
    QTest::addColumn<QByteArray>("errors");

    QTest::newRow("unknown id") << Value(999) << QByteArray(R"([{"column": "id", "messages": ["No Item with id 999."]}])");
    QTest::newRow("unknown id as a string") << Value(QStringLiteral("0")) << QByteArray(R"([{"column": "id", "messages": ["No Item with id 0."]}])");
    QTest::newRow("not a number") << Value(QStringLiteral("1; DELETE FROM shop_item"))
                                  << QByteArray(R"([{"column": "id", "messages": ["Enter a whole number."]}])");
    QTest::newRow("null") << Value() << QByteArray(R"([{"column": "id", "messages": ["This field is required."]}])");
    QTest::newRow("a fraction") << Value(1.5) << QByteArray(R"([{"column": "id", "messages": ["Enter a whole number."]}])");
}

void TestModelStore::removeFailures()
{
    QFETCH(Value, id);
    QFETCH(QByteArray, errors);
    const Snapshot before = snapshot();
    const WriteResult result = m_store->remove(*m_items, id);
    QVERIFY(!result.ok);
    QCOMPARE(TestSupport::errorsValue(result.errors), json(errors));
    QCOMPARE(snapshot(), before);
    QVERIFY(m_store->remove(*m_items, Value(4)).ok);
}

void TestModelStore::get_data()
{
    QTest::addColumn<Value>("id");
    QTest::addColumn<QByteArray>("expectedName");
    QTest::addColumn<QString>("error");

    QTest::newRow("integer") << Value(3) << QByteArray("\"Cherry\"") << QString();
    QTest::newRow("string") << Value(QStringLiteral("3")) << QByteArray("\"Cherry\"") << QString();
    QTest::newRow("unknown") << Value(77) << QByteArray() << QString();
    QTest::newRow("negative") << Value(-1) << QByteArray() << QString();
    QTest::newRow("not a number") << Value(QStringLiteral("3' OR '1'='1")) << QByteArray() << QStringLiteral("Enter a whole number.");
    QTest::newRow("empty") << Value(QString()) << QByteArray() << QStringLiteral("Enter a whole number.");
}

void TestModelStore::get()
{
    QFETCH(Value, id);
    QFETCH(QByteArray, expectedName);
    QFETCH(QString, error);
    QString message;
    const std::optional<Value> row = m_store->get(*m_items, id, &message);
    QCOMPARE(message, error);
    QCOMPARE(row.has_value(), !expectedName.isEmpty());
    if (row) {
        QCOMPARE(row->value("name"), json(expectedName));
        QCOMPARE(row->value("price"), Value(3.0));
        QVERIFY(row->value("price").isFloat());
        QVERIFY(!row->find("secret")); // hidden columns are never read
    }
}

void TestModelStore::textPrimaryKey()
{
    // SQLite lets the TEXT key of a rowid table be NULL; the store must not.
    Snapshot before = snapshot();
    WriteResult result = m_store->create(*m_tags, json(R"({"label": "No key"})"));
    QVERIFY(!result.ok);
    QCOMPARE(TestSupport::errorsValue(result.errors), json(R"([{"column": "slug", "messages": ["This field is required."]}])"));
    result = m_store->create(*m_tags, json(R"({"slug": null, "label": "Null key"})"));
    QVERIFY(!result.ok);
    QCOMPARE(TestSupport::errorsValue(result.errors), json(R"([{"column": "slug", "messages": ["This field may not be null."]}])"));
    result = m_store->create(*m_tags, json(R"({"slug": "fruit", "label": "Again"})"));
    QCOMPARE(TestSupport::errorsValue(result.errors), json(R"([{"column": "slug", "messages": ["Tag with this slug already exists."]}])"));
    QCOMPARE(snapshot(), before);

    result = m_store->create(*m_tags, json(R"({"slug": "it's \"odd\"", "label": "Odd"})"));
    QVERIFY(result.ok);
    QCOMPARE(result.row, json(R"({"slug": "it's \"odd\"", "label": "Odd"})"));
    result = m_store->update(*m_tags, json(R"({"slug": "it's \"odd\"", "label": "Odder"})"));
    QVERIFY(result.ok);
    QCOMPARE(result.row.value("label"), Value(QStringLiteral("Odder")));
    result = m_store->update(*m_tags, json(R"({"slug": "nope", "label": "x"})"));
    QCOMPARE(TestSupport::errorsValue(result.errors), json(R"([{"column": "slug", "messages": ["No Tag with id nope."]}])"));
    QCOMPARE(m_store->get(*m_tags, Value(QStringLiteral("fruit")))->value("label"), Value(QStringLiteral("Fruit")));
    result = m_store->remove(*m_tags, Value(QStringLiteral("it's \"odd\"")));
    QVERIFY(result.ok);
    QCOMPARE(m_store->count(*m_tags, {}), 1);
}

void TestModelStore::filters_data()
{
    QTest::addColumn<QByteArray>("filters"); // [[column, op, value], …]
    QTest::addColumn<QList<qint64>>("ids");

    using Ids = QList<qint64>;
    QTest::newRow("none") << QByteArray("[]") << Ids{1, 2, 3, 4};
    QTest::newRow("exact text") << QByteArray(R"([["name", "exact", "banana"]])") << Ids{2};
    QTest::newRow("exact is case-sensitive") << QByteArray(R"([["name", "exact", "cherry"]])") << Ids{};
    QTest::newRow("exact null is null") << QByteArray(R"([["note", "exact", null]])") << Ids{2};
    QTest::newRow("exact boolean") << QByteArray(R"([["active", "exact", false]])") << Ids{2};
    QTest::newRow("exact id as a string") << QByteArray(R"([["id", "exact", "3"]])") << Ids{3};
    QTest::newRow("exact float") << QByteArray(R"([["price", "exact", 0.25]])") << Ids{2};
    QTest::newRow("contains") << QByteArray(R"([["note", "contains", "red"]])") << Ids{1, 3};
    QTest::newRow("contains is case-sensitive") << QByteArray(R"([["note", "contains", "RED"]])") << Ids{};
    QTest::newRow("contains percent is literal") << QByteArray(R"([["note", "contains", "%"]])") << Ids{3};
    QTest::newRow("contains underscore is literal") << QByteArray(R"([["note", "contains", "_"]])") << Ids{3};
    QTest::newRow("contains backslash") << QByteArray(R"([["note", "contains", "\\"]])") << Ids{4};
    QTest::newRow("icontains") << QByteArray(R"([["name", "icontains", "CHER"]])") << Ids{3};
    QTest::newRow("icontains percent is literal") << QByteArray(R"([["note", "icontains", "0%"]])") << Ids{3};
    QTest::newRow("icontains underscore is literal") << QByteArray(R"([["note", "icontains", "L_R"]])") << Ids{3};
    QTest::newRow("icontains backslash") << QByteArray(R"([["note", "icontains", "S\\"]])") << Ids{4};
    QTest::newRow("icontains escape character itself") << QByteArray(R"([["note", "icontains", "\\%"]])") << Ids{};
    QTest::newRow("in") << QByteArray(R"([["name", "in", ["apple", "date", "fig"]]])") << Ids{1, 4};
    QTest::newRow("in ids") << QByteArray(R"([["id", "in", ["4", 2]]])") << Ids{2, 4};
    QTest::newRow("in nothing") << QByteArray(R"([["id", "in", []]])") << Ids{};
    QTest::newRow("lt integer") << QByteArray(R"([["quantity", "lt", 10]])") << Ids{2, 4};
    QTest::newRow("lte integer") << QByteArray(R"([["quantity", "lte", 10]])") << Ids{1, 2, 4};
    QTest::newRow("gt float") << QByteArray(R"([["price", "gt", 0.25]])") << Ids{1, 3};
    QTest::newRow("gte float") << QByteArray(R"([["price", "gte", 0.25]])") << Ids{1, 2, 3};
    QTest::newRow("lt datetime") << QByteArray(R"([["released", "lt", "2024-01-01T00:00:00Z"]])") << Ids{3};
    QTest::newRow("gte id") << QByteArray(R"([["id", "gte", "3"]])") << Ids{3, 4};
    QTest::newRow("isNull true") << QByteArray(R"([["code", "isNull", true]])") << Ids{3};
    QTest::newRow("isNull false") << QByteArray(R"([["code", "isNull", false]])") << Ids{1, 2, 4};
    QTest::newRow("all must hold") << QByteArray(R"([["active", "exact", true], ["quantity", "gt", 5], ["note", "contains", "red"]])")
                                   << Ids{1, 3};
    QTest::newRow("range") << QByteArray(R"([["quantity", "gte", 5], ["quantity", "lte", 10]])") << Ids{1, 4};
}

void TestModelStore::filters()
{
    QFETCH(QByteArray, filters);
    QFETCH(QList<qint64>, ids);
    static const QHash<QString, Filter::Op> ops = {
        {QStringLiteral("exact"), Filter::Op::Exact}, {QStringLiteral("contains"), Filter::Op::Contains},
        {QStringLiteral("icontains"), Filter::Op::IContains}, {QStringLiteral("in"), Filter::Op::In},
        {QStringLiteral("lt"), Filter::Op::Lt}, {QStringLiteral("lte"), Filter::Op::Lte}, {QStringLiteral("gt"), Filter::Op::Gt},
        {QStringLiteral("gte"), Filter::Op::Gte}, {QStringLiteral("isNull"), Filter::Op::IsNull}};
    ListQuery query;
    const Value parsed = json(filters);
    for (const Value &filter : parsed.toList())
        query.filters.append(Filter{filter.toList()[0].toString(), ops.value(filter.toList()[1].toString()), filter.toList()[2]});
    QString error;
    const QList<Value> rows = m_store->list(*m_items, query, &error);
    QCOMPARE(error, QString());
    QList<qint64> found;
    for (const Value &row : rows)
        found.append(row.value("id").toInt());
    QCOMPARE(found, ids);
    QCOMPARE(m_store->count(*m_items, query.filters, &error), ids.size());
    QCOMPARE(error, QString());
}

void TestModelStore::filterErrors_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<Filter::Op>("op");
    QTest::addColumn<Value>("value");
    QTest::addColumn<QString>("error");

    QTest::newRow("unknown column") << "colour" << Filter::Op::Exact << Value(QStringLiteral("red")) << "Item has no field colour";
    QTest::newRow("hidden column") << "secret" << Filter::Op::Exact << Value(QStringLiteral("hidden")) << "Item has no field secret";
    QTest::newRow("text for an integer") << "quantity" << Filter::Op::Gt << Value(QStringLiteral("5")) << "filter on quantity: Enter a whole number.";
    QTest::newRow("bad id") << "id" << Filter::Op::Exact << Value(QStringLiteral("1 OR 1=1")) << "filter on id: Enter a whole number.";
    QTest::newRow("bad value in a list") << "id" << Filter::Op::In << json(R"(["1", "x"])") << "filter on id: Enter a whole number.";
    QTest::newRow("bad datetime") << "released" << Filter::Op::Lt << Value(QStringLiteral("soon"))
                                  << "filter on released: Enter a valid ISO-8601 date and time, such as 2024-05-01T12:30:00Z.";
    QTest::newRow("null for contains") << "note" << Filter::Op::Contains << Value() << "filter on note: only exact may be null";
    QTest::newRow("null for in") << "id" << Filter::Op::In << Value() << "filter on id: only exact may be null";
    QTest::newRow("null for lt") << "quantity" << Filter::Op::Lt << Value() << "filter on quantity: only exact may be null";
    QTest::newRow("null for isNull") << "note" << Filter::Op::IsNull << Value() << "filter on note: only exact may be null";
    QTest::newRow("number for contains") << "note" << Filter::Op::Contains << Value(5) << "filter on note: Enter valid text.";
    Value::List many;
    for (int i = 0; i <= ListQuery::MaxInValues; ++i)
        many.append(Value(i));
    QTest::newRow("too many values in in") << "id" << Filter::Op::In << Value(many) << "filter on id: at most 1000 values in \"in\"";
}

void TestModelStore::filterErrors()
{
    QFETCH(QString, column);
    QFETCH(Filter::Op, op);
    QFETCH(Value, value);
    QFETCH(QString, error);
    ListQuery query;
    query.filters.append(Filter{column, op, value});
    QString message;
    QVERIFY(m_store->list(*m_items, query, &message).isEmpty());
    QCOMPARE(message, error);
    message.clear();
    QCOMPARE(m_store->count(*m_items, query.filters, &message), -1);
    QCOMPARE(message, error);
}

void TestModelStore::orderAndPaging_data()
{
    QTest::addColumn<QStringList>("order"); // column, or -column for descending
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QList<qint64>>("ids");

    using Ids = QList<qint64>;
    QTest::newRow("default: by key") << QStringList() << 100 << 0 << Ids{1, 2, 3, 4};
    QTest::newRow("text ascending, binary collation") << QStringList{QStringLiteral("name")} << 100 << 0 << Ids{3, 1, 2, 4};
    QTest::newRow("text descending") << QStringList{QStringLiteral("-name")} << 100 << 0 << Ids{4, 2, 1, 3};
    QTest::newRow("nulls first ascending") << QStringList{QStringLiteral("note")} << 100 << 0 << Ids{2, 4, 3, 1};
    QTest::newRow("ties broken by key") << QStringList{QStringLiteral("active")} << 100 << 0 << Ids{2, 1, 3, 4};
    QTest::newRow("two keys") << QStringList{QStringLiteral("-active"), QStringLiteral("-quantity")} << 100 << 0 << Ids{3, 1, 4, 2};
    QTest::newRow("limit") << QStringList{QStringLiteral("-quantity")} << 2 << 0 << Ids{3, 1};
    QTest::newRow("offset") << QStringList{QStringLiteral("-quantity")} << 2 << 2 << Ids{4, 2};
    QTest::newRow("offset past the end") << QStringList() << 10 << 10 << Ids{};
    QTest::newRow("limit 0") << QStringList() << 0 << 0 << Ids{};
    QTest::newRow("negative limit is none") << QStringList() << -5 << 0 << Ids{};
    QTest::newRow("negative offset is 0") << QStringList() << 2 << -3 << Ids{1, 2};
    QTest::newRow("limit past the maximum") << QStringList() << 1'000'000 << 0 << Ids{1, 2, 3, 4};
}

void TestModelStore::orderAndPaging()
{
    QFETCH(QStringList, order);
    QFETCH(int, limit);
    QFETCH(int, offset);
    QFETCH(QList<qint64>, ids);
    ListQuery query;
    for (const QString &item : std::as_const(order))
        query.orderBy.append(Order{item.startsWith(u'-') ? item.mid(1) : item, item.startsWith(u'-')});
    query.limit = limit;
    query.offset = offset;
    QString error;
    QList<qint64> found;
    for (const Value &row : m_store->list(*m_items, query, &error))
        found.append(row.value("id").toInt());
    QCOMPARE(error, QString());
    QCOMPARE(found, ids);

    // The count ignores paging.
    QCOMPARE(m_store->count(*m_items, {}), 4);
}

void TestModelStore::hostileStrings_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, text] : TestSupport::hostileStrings())
        QTest::newRow(name) << text;
}

void TestModelStore::hostileStrings()
{
    QFETCH(QString, text);
    const qint64 tablesBefore = TestSupport::scalar(m_db->database(), QStringLiteral("SELECT count(*) FROM sqlite_master")).toLongLong();
    const QList<QVariantList> othersBefore = TestSupport::tableRows(m_db->database(), Items);

    // Every string input: text columns, a unique one, a JSON value, a text primary key.
    const Value input = GraphQL::ObjectBuilder()
                            .append("name", text)
                            .append("note", text)
                            .append("code", text)
                            .append("attributes", GraphQL::ObjectBuilder().append(text.toUtf8(), text).build())
                            .build();
    WriteResult result = m_store->create(*m_items, input);
    QCOMPARE(TestSupport::errorsValue(result.errors), json("[]"));
    QVERIFY(result.ok);
    const Value id = result.row.value("id");
    QCOMPARE(result.row.value("name").toString(), text);
    QCOMPARE(result.row.value("note").toString(), text);
    QCOMPARE(result.row.value("code").toString(), text);
    QCOMPARE(result.row.value("attributes").value(text.toUtf8()).toString(), text);

    // Read back through every path: get, the changelog's image.
    const std::optional<Value> row = m_store->get(*m_items, id);
    QVERIFY(row);
    QCOMPARE(row->value("name").toString(), text);
    QCOMPARE(row->value("attributes"), result.row.value("attributes"));
    const Value image = changelogImage(Changelog::lastSeq(m_db->database()), "new_row");
    QCOMPARE(image.value("name").toString(), text);
    QCOMPARE(image.value("note").toString(), text);

    // A unique check with the same text finds the row, and an update stores it verbatim.
    result = m_store->create(*m_items, GraphQL::ObjectBuilder().append("name", QStringLiteral("other")).append("code", text).build());
    QCOMPARE(TestSupport::errorsValue(result.errors), json(R"([{"column": "code", "messages": ["Item with this code already exists."]}])"));
    result = m_store->update(*m_items, GraphQL::ObjectBuilder().append("id", 2).append("note", text).build());
    QVERIFY(result.ok);
    QCOMPARE(m_store->get(*m_items, Value(2))->value("note").toString(), text);

    // Text keys too.
    result = m_store->create(*m_tags, GraphQL::ObjectBuilder().append("slug", text).append("label", text).build());
    QVERIFY(result.ok);
    QCOMPARE(m_store->get(*m_tags, Value(text))->value("label").toString(), text);
    QVERIFY(m_store->remove(*m_tags, Value(text)).ok);

    // Nothing else was touched.
    QCOMPARE(TestSupport::scalar(m_db->database(), QStringLiteral("SELECT count(*) FROM sqlite_master")).toLongLong(), tablesBefore);
    const QList<QVariantList> othersAfter = TestSupport::tableRows(m_db->database(), Items);
    QCOMPARE(othersAfter.size(), othersBefore.size() + 1);
    QCOMPARE(othersAfter[0], othersBefore[0]);
    QCOMPARE(othersAfter[2], othersBefore[2]);
    QCOMPARE(othersAfter[3], othersBefore[3]);
}

void TestModelStore::hostileFilters_data()
{
    hostileStrings_data();
}

void TestModelStore::hostileFilters()
{
    QFETCH(QString, text);
    const WriteResult created = m_store->create(*m_items, GraphQL::ObjectBuilder().append("name", text).append("note", text).build());
    QVERIFY(created.ok);
    const qint64 id = created.row.value("id").toInt();
    const qint64 changes = TestSupport::changelogRows(m_db->database());

    const auto ids = [&](const QList<Filter> &filters) {
        ListQuery query;
        query.filters = filters;
        QString error;
        QList<qint64> found;
        for (const Value &row : m_store->list(*m_items, query, &error))
            found.append(row.value("id").toInt());
        if (!error.isEmpty())
            qWarning("filter error: %s", qPrintable(error));
        if (m_store->count(*m_items, filters) != found.size())
            found.append(-1);
        return found;
    };
    // An empty string is contained in every text.
    const QList<qint64> containing = text.isEmpty() ? QList<qint64>{1, 2, 3, 4, id} : QList<qint64>{id};
    QCOMPARE(ids({Filter{QStringLiteral("name"), Filter::Op::Exact, text}}), QList<qint64>{id});
    QCOMPARE(ids({Filter{QStringLiteral("name"), Filter::Op::In, Value(Value::List{text, QStringLiteral("apple")})}}),
             (QList<qint64>{1, id}));
    QCOMPARE(ids({Filter{QStringLiteral("name"), Filter::Op::Contains, text}}), containing);
    QCOMPARE(ids({Filter{QStringLiteral("name"), Filter::Op::IContains, text}}), containing);
    QCOMPARE(ids({Filter{QStringLiteral("note"), Filter::Op::Contains, text}, Filter{QStringLiteral("name"), Filter::Op::Gte, text},
                  Filter{QStringLiteral("name"), Filter::Op::Lte, text}}),
             QList<qint64>{id});
    // Filters only read.
    QCOMPARE(TestSupport::changelogRows(m_db->database()), changes);
    QCOMPARE(m_store->count(*m_items, {}), 5);
}

void TestModelStore::loneSurrogates_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, text] : TestSupport::loneSurrogates())
        QTest::newRow(name) << text;
}

void TestModelStore::loneSurrogates()
{
    // UTF-16 code units that are no characters cannot be stored in UTF-8 text, and SQLite would
    // quietly merge a lone high surrogate with the character after it. Refused, nothing written.
    QFETCH(QString, text);
    const Snapshot before = snapshot();
    WriteResult result = m_store->create(*m_items, GraphQL::ObjectBuilder().append("name", text).append("note", text).build());
    QVERIFY(!result.ok);
    QCOMPARE(TestSupport::errorsValue(result.errors),
             json(R"([{"column": "name", "messages": ["Enter valid text: it holds a lone UTF-16 surrogate."]},
                      {"column": "note", "messages": ["Enter valid text: it holds a lone UTF-16 surrogate."]}])"));
    result = m_store->create(*m_tags, GraphQL::ObjectBuilder().append("slug", text).append("label", QStringLiteral("x")).build());
    QCOMPARE(TestSupport::errorsValue(result.errors),
             json(R"([{"column": "slug", "messages": ["Enter valid text: it holds a lone UTF-16 surrogate."]}])"));
    QCOMPARE(snapshot(), before);

    // Filters with one are refused rather than matching something else.
    for (const Filter::Op op : {Filter::Op::Exact, Filter::Op::Contains, Filter::Op::IContains, Filter::Op::Gt}) {
        ListQuery query;
        query.filters = {Filter{QStringLiteral("name"), op, text}};
        QString error;
        QVERIFY(m_store->list(*m_items, query, &error).isEmpty());
        QVERIFY2(error.startsWith(QLatin1String("filter on name: Enter valid text")), qPrintable(error));
    }

    // JSON text escapes it (\ud800), so a JSON value keeps it verbatim.
    result = m_store->update(*m_items, GraphQL::ObjectBuilder().append("id", 1).append("attributes", text).build());
    QVERIFY(result.ok);
    QCOMPARE(result.row.value("attributes").toString(), text);
    QCOMPARE(m_store->get(*m_items, Value(1))->value("attributes").toString(), text);
}

void TestModelStore::committedSignal()
{
    QSignalSpy committed(m_store.get(), &ModelStore::committed);
    QVERIFY(m_store->create(*m_items, json(R"({"name": "kiwi"})")).ok);
    QVERIFY(m_store->update(*m_items, json(R"({"id": 5, "note": "x"})")).ok);
    QVERIFY(m_store->remove(*m_items, Value(5)).ok);
    QCOMPARE(committed.count(), 3);
    // Reads never signal.
    m_store->get(*m_items, Value(1));
    m_store->list(*m_items, {});
    QCOMPARE(committed.count(), 3);
}

QTEST_GUILESS_MAIN(TestModelStore)
#include "tst_modelstore.moc"

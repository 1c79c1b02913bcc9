// SPDX-License-Identifier: MIT
// The ModelStore's writes on a real SQLite file with change capture installed: create, update and
// delete, by an integer and by a text key; every refused write gives the right field error and
// writes nothing (neither the table nor the changelog changes); only writes signal their commit.
#include "changelog.h"
#include "modelstore.h"
#include "modelstorefixture.h"
#include "modeltestsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Subscriptor;
using namespace Subscriptor::Model;
using GraphQL::Value;
using TestSupport::json;

class TestModelStoreWrites final : public QObject, private TestSupport::ModelStoreFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

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
    void textPrimaryKey();
    void committedSignal();
};

void TestModelStoreWrites::create_data()
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

void TestModelStoreWrites::create()
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

void TestModelStoreWrites::createFailures_data()
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

void TestModelStoreWrites::createFailures()
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

void TestModelStoreWrites::update_data()
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

void TestModelStoreWrites::update()
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

void TestModelStoreWrites::updateThatChangesNothing()
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

void TestModelStoreWrites::updateFailures_data()
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

void TestModelStoreWrites::updateFailures()
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

void TestModelStoreWrites::remove()
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

void TestModelStoreWrites::removeFailures_data()
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

void TestModelStoreWrites::removeFailures()
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

void TestModelStoreWrites::textPrimaryKey()
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

void TestModelStoreWrites::committedSignal()
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

QTEST_GUILESS_MAIN(TestModelStoreWrites)
#include "tst_modelstore_writes.moc"

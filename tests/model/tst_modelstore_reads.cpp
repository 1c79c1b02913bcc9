// SPDX-License-Identifier: MIT
// The ModelStore's reads on a real SQLite file with change capture installed: get, list and count,
// with every filter operator, order and paging; a filter the store refuses gives the right error
// and no rows.
#include "modelstore.h"
#include "modelstorefixture.h"
#include "modeltestsupport.h"

#include <QHash>
#include <QTest>

using namespace Subscriptor;
using namespace Subscriptor::Model;
using GraphQL::Value;
using TestSupport::json;

Q_DECLARE_METATYPE(Subscriptor::Model::Filter::Op)

class TestModelStoreReads final : public QObject, private TestSupport::ModelStoreFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void get_data();
    void get();
    void filters_data();
    void filters();
    void filterErrors_data();
    void filterErrors();
    void orderAndPaging_data();
    void orderAndPaging();
};

void TestModelStoreReads::get_data()
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

void TestModelStoreReads::get()
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

void TestModelStoreReads::filters_data()
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

void TestModelStoreReads::filters()
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

void TestModelStoreReads::filterErrors_data()
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

void TestModelStoreReads::filterErrors()
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

void TestModelStoreReads::orderAndPaging_data()
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

void TestModelStoreReads::orderAndPaging()
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

QTEST_GUILESS_MAIN(TestModelStoreReads)
#include "tst_modelstore_reads.moc"

// SPDX-License-Identifier: MIT
// The ModelStore against hostile strings, on a real SQLite file with change capture installed:
// they are stored and returned as they are, in every input and every filter, and harm nothing;
// text that UTF-8 cannot hold (lone surrogates) is refused and writes nothing.
#include "changelog.h"
#include "modelstore.h"
#include "modelstorefixture.h"
#include "modeltestsupport.h"
#include "value.h"

#include <QTest>

using namespace Subscriptor;
using namespace Subscriptor::Model;
using GraphQL::Value;
using TestSupport::json;

class TestModelStoreHostile final : public QObject, private TestSupport::ModelStoreFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void hostileStrings_data();
    void hostileStrings();
    void hostileFilters_data();
    void hostileFilters();
    void loneSurrogates_data();
    void loneSurrogates();
};

void TestModelStoreHostile::hostileStrings_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, text] : TestSupport::hostileStrings())
        QTest::newRow(name) << text;
}

void TestModelStoreHostile::hostileStrings()
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

void TestModelStoreHostile::hostileFilters_data()
{
    hostileStrings_data();
}

void TestModelStoreHostile::hostileFilters()
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

void TestModelStoreHostile::loneSurrogates_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, text] : TestSupport::loneSurrogates())
        QTest::newRow(name) << text;
}

void TestModelStoreHostile::loneSurrogates()
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

QTEST_GUILESS_MAIN(TestModelStoreHostile)
#include "tst_modelstore_hostile.moc"

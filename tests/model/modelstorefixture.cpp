// SPDX-License-Identifier: MIT
#include "modelstorefixture.h"

#include "changelog.h"
#include "json.h"
#include "modelsfile.h"

#include <QSqlQuery>
#include <QTest>

namespace Subscriptor::TestSupport {

using namespace Model;
using GraphQL::Value;

namespace {

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

} // namespace

void ModelStoreFixture::setUp()
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

void ModelStoreFixture::tearDown()
{
    m_store.reset();
    m_items.reset();
    m_tags.reset();
    m_catalog.reset();
    m_db.reset();
}

ModelStoreFixture::Snapshot ModelStoreFixture::snapshot() const
{
    return {TestSupport::tableRows(m_db->database(), Items), TestSupport::tableRows(m_db->database(), Tags),
            TestSupport::changelogRows(m_db->database())};
}

Value ModelStoreFixture::changelogImage(qint64 seq, const char *column) const
{
    QSqlQuery query(m_db->database().connection());
    query.prepare(QLatin1String("SELECT ") + QLatin1String(column) + QLatin1String(" FROM subscriptor_changes WHERE seq = ?"));
    query.addBindValue(seq);
    if (!query.exec() || !query.next())
        return Value(QStringLiteral("no changelog row %1").arg(seq));
    return GraphQL::Json::parse(query.value(0).toString().toUtf8());
}

} // namespace Subscriptor::TestSupport

// SPDX-License-Identifier: MIT
// The catalog: what a real SQLite file's tables become as models. Column types and constraints,
// which tables can be models (a usable primary key) and which cannot (a warning, or an error when
// the models file names them, never a crash), names that clash, and what the models file changes.
#include "catalog.h"
#include "modelsfile.h"
#include "modeltestsupport.h"

#include <QTest>

using namespace Subscriptor;
using namespace Subscriptor::Model;

Q_DECLARE_METATYPE(Subscriptor::Model::ColumnType)

namespace {

const QString Source = QStringLiteral("models.json");

struct Loaded
{
    CatalogPtr catalog;
    QStringList warnings;
    QStringList errors;
};

Loaded load(const TestSupport::TempDatabase &db, const QByteArray &modelsJson = {})
{
    Loaded result;
    QList<ModelConfig> config;
    if (!modelsJson.isEmpty() && !ModelsFile::parse(modelsJson, Source, config, result.errors))
        return result;
    result.catalog = Catalog::load(db.database(), config, &result.warnings, &result.errors);
    return result;
}

QStringList exposedColumns(const ModelDefinition &model)
{
    QStringList names;
    for (const ColumnDefinition &column : model.columns)
        names.append(column.name);
    return names;
}

} // namespace

class TestCatalog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnTypes_data();
    void columnTypes();
    void constraints_data();
    void constraints();
    void primaryKeys_data();
    void primaryKeys();
    void unusableTables_data();
    void unusableTables();
    void internalTablesAndViews();
    void virtualAndShadowTables();
    void emptyDatabase();
    void modelsInTableOrder();
    void conflictingNames_data();
    void conflictingNames();
    void modelsFileRenames();
    void modelsFileExposesFields();
    void modelsFileErrors_data();
    void modelsFileErrors();
    void catalogIsASnapshot();
};

void TestCatalog::columnTypes_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<ColumnType>("type");
    QTest::addColumn<QByteArray>("graphQLType");

    // SQLite's affinity rules (datatype3.html §3.1), with names of our own for booleans, dates and JSON.
    QTest::newRow("INTEGER") << "INTEGER" << ColumnType::Integer << QByteArray("Int");
    QTest::newRow("INT") << "INT" << ColumnType::Integer << QByteArray("Int");
    QTest::newRow("BIGINT") << "BIGINT" << ColumnType::Integer << QByteArray("Int");
    QTest::newRow("UNSIGNED BIG INT") << "UNSIGNED BIG INT" << ColumnType::Integer << QByteArray("Int");
    QTest::newRow("smallint, lower case") << "smallint" << ColumnType::Integer << QByteArray("Int");
    QTest::newRow("VARCHAR(30)") << "VARCHAR(30)" << ColumnType::Text << QByteArray("String");
    QTest::newRow("NATIVE CHARACTER(70)") << "NATIVE CHARACTER(70)" << ColumnType::Text << QByteArray("String");
    QTest::newRow("TEXT") << "TEXT" << ColumnType::Text << QByteArray("String");
    QTest::newRow("CLOB") << "CLOB" << ColumnType::Text << QByteArray("String");
    QTest::newRow("no declared type") << "" << ColumnType::Text << QByteArray("String");
    QTest::newRow("BLOB") << "BLOB" << ColumnType::Blob << QByteArray("String");
    QTest::newRow("BYTEA") << "BYTEA" << ColumnType::Blob << QByteArray("String");
    QTest::newRow("REAL") << "REAL" << ColumnType::Float << QByteArray("Float");
    QTest::newRow("DOUBLE PRECISION") << "DOUBLE PRECISION" << ColumnType::Float << QByteArray("Float");
    QTest::newRow("FLOAT") << "FLOAT" << ColumnType::Float << QByteArray("Float");
    QTest::newRow("NUMERIC") << "NUMERIC" << ColumnType::Float << QByteArray("Float");
    QTest::newRow("DECIMAL(10,5)") << "DECIMAL(10,5)" << ColumnType::Float << QByteArray("Float");
    QTest::newRow("unknown name has numeric affinity") << "MONEY" << ColumnType::Float << QByteArray("Float");
    QTest::newRow("BOOLEAN") << "BOOLEAN" << ColumnType::Boolean << QByteArray("Boolean");
    QTest::newRow("bool") << "bool" << ColumnType::Boolean << QByteArray("Boolean");
    QTest::newRow("DATE") << "DATE" << ColumnType::DateTime << QByteArray("DateTime");
    QTest::newRow("DATETIME") << "DATETIME" << ColumnType::DateTime << QByteArray("DateTime");
    QTest::newRow("TIMESTAMP") << "TIMESTAMP" << ColumnType::DateTime << QByteArray("DateTime");
    QTest::newRow("timestamp with time zone") << "timestamp with time zone" << ColumnType::DateTime << QByteArray("DateTime");
    QTest::newRow("JSON") << "JSON" << ColumnType::Json << QByteArray("JSON");
    QTest::newRow("JSONB") << "JSONB" << ColumnType::Json << QByteArray("JSON");
}

void TestCatalog::columnTypes()
{
    QFETCH(QString, declared);
    QFETCH(ColumnType, type);
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QLatin1String("CREATE TABLE app_thing (id INTEGER PRIMARY KEY, c ") + declared + u')'));
    const Loaded loaded = load(db);
    QVERIFY(loaded.catalog);
    const ModelPtr model = loaded.catalog->model(QStringLiteral("app_thing"));
    QVERIFY(model);
    const ColumnDefinition *column = model->column(QStringLiteral("c"));
    QVERIFY(column);
    QCOMPARE(column->declaredType, declared);
    QCOMPARE(column->type, type);
    QTEST(graphQLTypeName(column->type, column->primaryKey), "graphQLType");
    QCOMPARE(graphQLTypeName(model->primaryKey().type, true), QByteArray("ID"));
}

void TestCatalog::constraints_data()
{
    QTest::addColumn<QString>("columnSql");
    QTest::addColumn<QString>("extraSql");
    QTest::addColumn<bool>("notNull");
    QTest::addColumn<bool>("hasDefault");
    QTest::addColumn<bool>("unique");

    QTest::newRow("plain") << "c TEXT" << "" << false << false << false;
    QTest::newRow("NOT NULL") << "c TEXT NOT NULL" << "" << true << false << false;
    QTest::newRow("NOT NULL DEFAULT ''") << "c TEXT NOT NULL DEFAULT ''" << "" << true << true << false;
    QTest::newRow("DEFAULT NULL") << "c TEXT DEFAULT NULL" << "" << false << true << false;
    QTest::newRow("DEFAULT CURRENT_TIMESTAMP") << "c DATETIME DEFAULT CURRENT_TIMESTAMP" << "" << false << true << false;
    QTest::newRow("DEFAULT expression") << "c INTEGER NOT NULL DEFAULT (1 + 1)" << "" << true << true << false;
    QTest::newRow("UNIQUE") << "c TEXT UNIQUE" << "" << false << false << true;
    QTest::newRow("NOT NULL UNIQUE") << "c TEXT NOT NULL UNIQUE" << "" << true << false << true;
    QTest::newRow("UNIQUE COLLATE NOCASE") << "c TEXT COLLATE NOCASE UNIQUE" << "" << false << false << true;
    QTest::newRow("table UNIQUE constraint") << "c TEXT, UNIQUE (c)" << "" << false << false << true;
    QTest::newRow("unique index") << "c TEXT" << "CREATE UNIQUE INDEX t_c ON t (c)" << false << false << true;
    QTest::newRow("plain index") << "c TEXT" << "CREATE INDEX t_c ON t (c)" << false << false << false;
    QTest::newRow("partial unique index") << "c TEXT" << "CREATE UNIQUE INDEX t_c ON t (c) WHERE c <> ''" << false << false << false;
    QTest::newRow("composite unique") << "c TEXT, d TEXT, UNIQUE (c, d)" << "" << false << false << false;
    QTest::newRow("unique expression index") << "c TEXT" << "CREATE UNIQUE INDEX t_c ON t (lower(c))" << false << false << false;
    QTest::newRow("odd column name") << "\"c\" TEXT NOT NULL DEFAULT 'x' UNIQUE" << "" << true << true << true;
}

void TestCatalog::constraints()
{
    QFETCH(QString, columnSql);
    QFETCH(QString, extraSql);
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QLatin1String("CREATE TABLE t (id INTEGER PRIMARY KEY, ") + columnSql + u')'));
    if (!extraSql.isEmpty())
        QVERIFY(db.exec(extraSql));
    const Loaded loaded = load(db);
    QVERIFY(loaded.catalog);
    const ColumnDefinition *column = loaded.catalog->model(QStringLiteral("t"))->column(QStringLiteral("c"));
    QVERIFY(column);
    QVERIFY(!column->primaryKey);
    QTEST(column->notNull, "notNull");
    QTEST(column->hasDefault, "hasDefault");
    QTEST(column->unique, "unique");
}

void TestCatalog::primaryKeys_data()
{
    QTest::addColumn<QString>("tableSql");
    QTest::addColumn<QString>("key");
    QTest::addColumn<ColumnType>("type");
    QTest::addColumn<bool>("hasDefault");

    // Only an INTEGER PRIMARY KEY of a rowid table is the rowid, which SQLite assigns.
    QTest::newRow("INTEGER PRIMARY KEY") << "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT)" << "id" << ColumnType::Integer << true;
    QTest::newRow("AUTOINCREMENT") << "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, c TEXT)" << "id" << ColumnType::Integer << true;
    QTest::newRow("lower case") << "CREATE TABLE t (id integer primary key, c text)" << "id" << ColumnType::Integer << true;
    QTest::newRow("table constraint") << "CREATE TABLE t (c TEXT, id INTEGER, PRIMARY KEY (id))" << "id" << ColumnType::Integer << true;
    QTest::newRow("INT is no rowid") << "CREATE TABLE t (id INT PRIMARY KEY, c TEXT)" << "id" << ColumnType::Integer << false;
    QTest::newRow("DESC is no rowid") << "CREATE TABLE t (id INTEGER PRIMARY KEY DESC, c TEXT)" << "id" << ColumnType::Integer << false;
    QTest::newRow("WITHOUT ROWID integer") << "CREATE TABLE t (id INTEGER PRIMARY KEY, c TEXT) WITHOUT ROWID" << "id"
                                           << ColumnType::Integer << false;
    QTest::newRow("TEXT key") << "CREATE TABLE t (slug TEXT PRIMARY KEY, c TEXT)" << "slug" << ColumnType::Text << false;
    QTest::newRow("VARCHAR key, WITHOUT ROWID") << "CREATE TABLE t (code VARCHAR(8) PRIMARY KEY, c TEXT) WITHOUT ROWID" << "code"
                                                << ColumnType::Text << false;
    QTest::newRow("key without a type") << "CREATE TABLE t (k PRIMARY KEY, c)" << "k" << ColumnType::Text << false;
    QTest::newRow("key with a default") << "CREATE TABLE t (k TEXT PRIMARY KEY DEFAULT (hex(randomblob(8))), c TEXT)" << "k"
                                        << ColumnType::Text << true;
}

void TestCatalog::primaryKeys()
{
    QFETCH(QString, tableSql);
    QFETCH(QString, key);
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(tableSql));
    const Loaded loaded = load(db);
    QVERIFY(loaded.catalog);
    QCOMPARE(loaded.warnings, QStringList());
    const ModelPtr model = loaded.catalog->model(QStringLiteral("t"));
    QVERIFY(model);
    const ColumnDefinition &column = model->primaryKey();
    QCOMPARE(column.name, key);
    QTEST(column.type, "type");
    QTEST(column.hasDefault, "hasDefault");
    // A key is never NULL, whatever SQLite's legacy rules would let a rowid table hold.
    QVERIFY(column.notNull);
    QVERIFY(column.unique);
    QCOMPARE(model->column(key), &column);
}

void TestCatalog::unusableTables_data()
{
    QTest::addColumn<QString>("tableSql");
    QTest::addColumn<QString>("problem");

    QTest::newRow("no primary key") << "CREATE TABLE t (a TEXT, b TEXT)" << "it has no single-column primary key";
    QTest::newRow("composite key") << "CREATE TABLE t (a INTEGER, b INTEGER, c TEXT, PRIMARY KEY (a, b))"
                                   << "it has no single-column primary key";
    QTest::newRow("composite key, WITHOUT ROWID") << "CREATE TABLE t (a TEXT, b TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID"
                                                  << "it has no single-column primary key";
    QTest::newRow("float key") << "CREATE TABLE t (x REAL PRIMARY KEY)" << "its primary key \"x\" is float, not integer or text";
    QTest::newRow("blob key") << "CREATE TABLE t (x BLOB PRIMARY KEY)" << "its primary key \"x\" is blob, not integer or text";
    QTest::newRow("boolean key") << "CREATE TABLE t (x BOOLEAN PRIMARY KEY)" << "its primary key \"x\" is boolean, not integer or text";
    QTest::newRow("date key") << "CREATE TABLE t (x DATE PRIMARY KEY)" << "its primary key \"x\" is datetime, not integer or text";
    QTest::newRow("no columns but the rowid") << "CREATE TABLE t (x)" << "it has no single-column primary key";
}

void TestCatalog::unusableTables()
{
    QFETCH(QString, tableSql);
    QFETCH(QString, problem);
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username TEXT)")));
    QVERIFY(db.exec(tableSql));

    // Left out with a warning: the other tables are still models.
    Loaded loaded = load(db);
    QVERIFY(loaded.catalog);
    QCOMPARE(loaded.errors, QStringList());
    QCOMPARE(loaded.warnings, QStringList{QLatin1String("table t is not exposed: ") + problem});
    QCOMPARE(loaded.catalog->models().size(), 1);
    QVERIFY(!loaded.catalog->model(QStringLiteral("t")));
    QVERIFY(loaded.catalog->model(QStringLiteral("auth_user")));

    // Named by the models file, it is an error: the user asked for a model that cannot be.
    loaded = load(db, R"({"models": {"t": {"type": "Thing"}}})");
    QVERIFY(!loaded.catalog);
    QCOMPARE(loaded.errors, QStringList{QLatin1String("models.json: models.t: table t is not exposed: ") + problem});
}

void TestCatalog::internalTablesAndViews()
{
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE auth_user (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT)")));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO auth_user (username) VALUES ('a')"))); // makes sqlite_sequence
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE subscriptor_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT)")));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE subscriptor_settings (id INTEGER PRIMARY KEY, value TEXT)")));
    QVERIFY(db.exec(QStringLiteral("ANALYZE"))); // makes sqlite_stat1
    QVERIFY(db.exec(QStringLiteral("CREATE VIEW user_names AS SELECT id, username FROM auth_user")));
    QVERIFY(db.exec(QStringLiteral("CREATE TEMP TABLE temp_things (id INTEGER PRIMARY KEY)")));

    Loaded loaded = load(db);
    QVERIFY(loaded.catalog);
    QCOMPARE(loaded.warnings, QStringList());
    QCOMPARE(loaded.catalog->models().size(), 1);
    QCOMPARE(loaded.catalog->models().first()->table, QStringLiteral("auth_user"));
    QVERIFY(Catalog::isInternalTable(QStringLiteral("sqlite_sequence")));
    QVERIFY(Catalog::isInternalTable(QStringLiteral("subscriptor_changes")));
    QVERIFY(!Catalog::isInternalTable(QStringLiteral("auth_user")));

    // The models file cannot make an internal table or a view a model.
    loaded = load(db, R"({"models": {"subscriptor_changes": {}, "user_names": {}}})");
    QVERIFY(!loaded.catalog);
    QCOMPARE(loaded.errors, (QStringList{QStringLiteral("models.json: models.subscriptor_changes: there is no table subscriptor_changes in the database"),
                                         QStringLiteral("models.json: models.user_names: there is no table user_names in the database")}));
}

void TestCatalog::virtualAndShadowTables()
{
    // FTS5 and R*Tree tables store their data in shadow tables with keys of their own; two FTS
    // tables have shadow tables whose derived names clash (docs_data, notes_data → Data).
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE blog_post (id INTEGER PRIMARY KEY, title TEXT)")));
    QVERIFY(db.exec(QStringLiteral("CREATE VIRTUAL TABLE docs USING fts5(title, body)")));
    QVERIFY(db.exec(QStringLiteral("CREATE VIRTUAL TABLE notes USING fts5(text)")));
    QVERIFY(db.exec(QStringLiteral("CREATE VIRTUAL TABLE places USING rtree(id, x0, x1)")));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO docs VALUES ('a', 'b')")));

    const Loaded loaded = load(db);
    QVERIFY2(loaded.catalog, qPrintable(loaded.errors.join(u'\n')));
    QCOMPARE(loaded.errors, QStringList());
    QCOMPARE(loaded.catalog->models().size(), 1);
    QCOMPARE(loaded.catalog->models().first()->table, QStringLiteral("blog_post"));
}

void TestCatalog::emptyDatabase()
{
    TestSupport::TempDatabase db;
    const Loaded loaded = load(db);
    QVERIFY(loaded.catalog);
    QVERIFY(loaded.catalog->models().isEmpty());
    QVERIFY(loaded.warnings.isEmpty());
    QVERIFY(loaded.errors.isEmpty());
    QVERIFY(!loaded.catalog->model(QStringLiteral("auth_user")));
    QVERIFY(!loaded.catalog->modelByLabel(QStringLiteral("auth.user")));
    QVERIFY(!loaded.catalog->modelByStream(QStringLiteral("users")));
}

void TestCatalog::modelsInTableOrder()
{
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE zoo_zebra (id INTEGER PRIMARY KEY)")));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username TEXT, first_name TEXT)")));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE auth_group (id INTEGER PRIMARY KEY, name TEXT)")));
    const Loaded loaded = load(db);
    QVERIFY(loaded.catalog);
    QStringList tables;
    for (const ModelPtr &model : loaded.catalog->models())
        tables.append(model->table);
    QCOMPARE(tables, (QStringList{QStringLiteral("zoo_zebra"), QStringLiteral("auth_user"), QStringLiteral("auth_group")}));
    const ModelPtr user = loaded.catalog->modelByLabel(QStringLiteral("auth.user"));
    QVERIFY(user);
    QCOMPARE(loaded.catalog->modelByStream(QStringLiteral("users")), user);
    QCOMPARE(exposedColumns(*user), (QStringList{QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("first_name")}));
    QCOMPARE(user->allColumns.size(), 3);
}

void TestCatalog::conflictingNames_data()
{
    QTest::addColumn<QStringList>("tables");
    QTest::addColumn<QByteArray>("modelsJson");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("type and stream") << QStringList{QStringLiteral("auth_user (id INTEGER PRIMARY KEY)"), QStringLiteral("users (id INTEGER PRIMARY KEY)")}
        << QByteArray()
        << QStringList{QStringLiteral("tables auth_user and users both have the GraphQL type User; give one a \"type\" in the models file"),
                       QStringLiteral("tables auth_user and users both have the stream users; give one a \"stream\" in the models file")};
    QTest::newRow("singular and plural tables") << QStringList{QStringLiteral("shop_category (id INTEGER PRIMARY KEY)"),
                                                               QStringLiteral("blog_categories (id INTEGER PRIMARY KEY)")}
        << QByteArray()
        << QStringList{QStringLiteral("tables shop_category and blog_categories both have the GraphQL type Category; give one a \"type\" in the models file"),
                       QStringLiteral("tables shop_category and blog_categories both have the stream categories; give one a \"stream\" in the models file")};
    QTest::newRow("resolved by the models file") << QStringList{QStringLiteral("auth_user (id INTEGER PRIMARY KEY)"), QStringLiteral("users (id INTEGER PRIMARY KEY)")}
        << QByteArray(R"({"models": {"users": {"type": "LegacyUser", "stream": "legacy_users"}}})") << QStringList();
    QTest::newRow("type named in the models file") << QStringList{QStringLiteral("auth_user (id INTEGER PRIMARY KEY)"), QStringLiteral("auth_group (id INTEGER PRIMARY KEY)")}
        << QByteArray(R"({"models": {"auth_group": {"type": "User"}}})")
        << QStringList{QStringLiteral("tables auth_user and auth_group both have the GraphQL type User; give one a \"type\" in the models file")};
    QTest::newRow("label") << QStringList{QStringLiteral("auth_user (id INTEGER PRIMARY KEY)"), QStringLiteral("\"auth.user\" (id INTEGER PRIMARY KEY)")}
        << QByteArray()
        << QStringList{QStringLiteral("tables auth_user and auth.user both have the label auth.user; give one a \"label\" in the models file")};
    QTest::newRow("two columns, one field") << QStringList{QStringLiteral("auth_user (id INTEGER PRIMARY KEY, first_name TEXT, firstName TEXT)")}
        << QByteArray()
        << QStringList{QStringLiteral("table auth_user: columns first_name and firstName both have the GraphQL name firstName; leave one out with \"fields\" in the models file")};
    QTest::newRow("two columns, one enum value") << QStringList{QStringLiteral("auth_user (id INTEGER PRIMARY KEY, \"ab-c\" TEXT, AB_c TEXT)")}
        << QByteArray()
        << QStringList{QStringLiteral("table auth_user: columns ab-c and AB_c both have the GraphQL name AB_C; leave one out with \"fields\" in the models file")};
    QTest::newRow("column clash resolved by leaving one out") << QStringList{QStringLiteral("auth_user (id INTEGER PRIMARY KEY, first_name TEXT, firstName TEXT)")}
        << QByteArray(R"({"models": {"auth_user": {"fields": ["first_name"]}}})") << QStringList();
}

void TestCatalog::conflictingNames()
{
    QFETCH(QStringList, tables);
    QFETCH(QByteArray, modelsJson);
    QFETCH(QStringList, errors);
    TestSupport::TempDatabase db;
    for (const QString &table : std::as_const(tables))
        QVERIFY(db.exec(QLatin1String("CREATE TABLE ") + table));
    const Loaded loaded = load(db, modelsJson);
    QCOMPARE(loaded.errors, errors);
    QCOMPARE(bool(loaded.catalog), errors.isEmpty());
}

void TestCatalog::modelsFileRenames()
{
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username TEXT NOT NULL, email TEXT)")));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE auth_group (id INTEGER PRIMARY KEY, name TEXT)")));
    const Loaded loaded = load(db, R"({"models": {"auth_user": {
        "label": "accounts.person", "stream": "people", "type": "Person", "description": "Someone who signs in.",
        "descriptions": {"email": "Where mail goes."}}}})");
    QVERIFY(loaded.catalog);
    const ModelPtr user = loaded.catalog->model(QStringLiteral("auth_user"));
    QCOMPARE(user->label, QStringLiteral("accounts.person"));
    QCOMPARE(user->stream, QStringLiteral("people"));
    QCOMPARE(user->typeName, QByteArray("Person"));
    QCOMPARE(user->fieldBase, QByteArray("person"));
    QCOMPARE(user->description, QStringLiteral("Someone who signs in."));
    QCOMPARE(user->column(QStringLiteral("email"))->description, QStringLiteral("Where mail goes."));
    QVERIFY(user->column(QStringLiteral("username"))->description.isEmpty());
    QCOMPARE(loaded.catalog->modelByStream(QStringLiteral("people")), user);
    QCOMPARE(loaded.catalog->modelByLabel(QStringLiteral("accounts.person")), user);
    QVERIFY(!loaded.catalog->modelByLabel(QStringLiteral("auth.user")));
    // A table the file does not name keeps its derived names.
    const ModelPtr group = loaded.catalog->model(QStringLiteral("auth_group"));
    QCOMPARE(group->typeName, QByteArray("Group"));
    QCOMPARE(group->stream, QStringLiteral("groups"));
    QVERIFY(group->description.isEmpty());
}

void TestCatalog::modelsFileExposesFields()
{
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username TEXT NOT NULL, password TEXT NOT NULL DEFAULT '', "
                                   "email TEXT, last_login DATETIME)")));
    const Loaded loaded = load(db, R"({"models": {"auth_user": {
        "fields": ["username", "email", "last_login"], "readOnly": ["last_login", "id"]}}})");
    QVERIFY(loaded.catalog);
    const ModelPtr user = loaded.catalog->model(QStringLiteral("auth_user"));
    // The key is always shown, in table order; a column the file leaves out is hidden from the API.
    QCOMPARE(exposedColumns(*user), (QStringList{QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("email"),
                                                 QStringLiteral("last_login")}));
    QVERIFY(!user->column(QStringLiteral("password")));
    QVERIFY(!user->columnByField("password"));
    QCOMPARE(user->allColumns.size(), 5);
    QVERIFY(user->column(QStringLiteral("last_login"))->readOnly);
    QVERIFY(user->column(QStringLiteral("id"))->readOnly);
    QVERIFY(!user->column(QStringLiteral("username"))->readOnly);
    QVERIFY(!user->column(QStringLiteral("email"))->readOnly);
    QCOMPARE(user->columnByField("lastLogin"), user->column(QStringLiteral("last_login")));
}

void TestCatalog::modelsFileErrors_data()
{
    QTest::addColumn<QByteArray>("modelsJson");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("unknown table") << QByteArray(R"({"models": {"auth_users": {"type": "User"}}})")
        << QStringList{QStringLiteral("models.json: models.auth_users: there is no table auth_users in the database")};
    QTest::newRow("unknown column in fields") << QByteArray(R"({"models": {"auth_user": {"fields": ["id", "nickname"]}}})")
        << QStringList{QStringLiteral("models.json: models.auth_user.fields: \"nickname\" is not a column of table auth_user")};
    QTest::newRow("column names are exact") << QByteArray(R"({"models": {"auth_user": {"fields": ["Username"]}}})")
        << QStringList{QStringLiteral("models.json: models.auth_user.fields: \"Username\" is not a column of table auth_user")};
    QTest::newRow("unknown column in readOnly") << QByteArray(R"({"models": {"auth_user": {"readOnly": ["is_staff"]}}})")
        << QStringList{QStringLiteral("models.json: models.auth_user.readOnly: \"is_staff\" is not a column of table auth_user")};
    QTest::newRow("unknown column in descriptions") << QByteArray(R"({"models": {"auth_user": {"descriptions": {"bio": "x"}}}})")
        << QStringList{QStringLiteral("models.json: models.auth_user.descriptions: \"bio\" is not a column of table auth_user")};
    QTest::newRow("several at once") << QByteArray(R"({"models": {"auth_user": {"fields": ["a"], "readOnly": ["b"]}, "nope": {}}})")
        << QStringList{QStringLiteral("models.json: models.auth_user.fields: \"a\" is not a column of table auth_user"),
                       QStringLiteral("models.json: models.auth_user.readOnly: \"b\" is not a column of table auth_user"),
                       QStringLiteral("models.json: models.nope: there is no table nope in the database")};
}

void TestCatalog::modelsFileErrors()
{
    QFETCH(QByteArray, modelsJson);
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username TEXT)")));
    const Loaded loaded = load(db, modelsJson);
    QVERIFY(!loaded.catalog);
    QTEST(loaded.errors, "errors");
}

void TestCatalog::catalogIsASnapshot()
{
    // A catalog never changes once loaded; a new column appears in the next one.
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username TEXT)")));
    const Loaded first = load(db);
    QVERIFY(db.exec(QStringLiteral("ALTER TABLE auth_user ADD COLUMN nickname TEXT NOT NULL DEFAULT ''")));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE blog_post (id INTEGER PRIMARY KEY, title TEXT)")));
    const Loaded second = load(db);
    QCOMPARE(first.catalog->models().size(), 1);
    QVERIFY(!first.catalog->model(QStringLiteral("auth_user"))->column(QStringLiteral("nickname")));
    QCOMPARE(second.catalog->models().size(), 2);
    const ColumnDefinition *nickname = second.catalog->model(QStringLiteral("auth_user"))->column(QStringLiteral("nickname"));
    QVERIFY(nickname);
    QVERIFY(nickname->notNull);
    QVERIFY(nickname->hasDefault);
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"

// SPDX-License-Identifier: MIT
// The rule that derives a model's names from its table (DESIGN.md, Names that clients depend on):
// `auth_user` → model `auth.user`, stream `users`, type `User`, fields `user` and `allUsers`. The
// rule is checked through the catalog of a real database file, and its parts one by one.
#include "apinames.h"
#include "catalog.h"
#include "modeltestsupport.h"
#include "naming.h"

#include <QRegularExpression>
#include <QTest>

using namespace Subscriptor;
using namespace Subscriptor::Model;

namespace {

bool isGraphQLName(const QByteArray &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[_A-Za-z][_0-9A-Za-z]*$"));
    return pattern.match(QString::fromLatin1(name)).hasMatch() && !name.startsWith("__");
}

// The model a database with just this table (key `id`, one column) makes.
ModelPtr modelForTable(const TestSupport::TempDatabase &db, const QString &table, const QString &column = QStringLiteral("value"))
{
    const QString columns = column == QLatin1String("id")
        ? QStringLiteral("id INTEGER PRIMARY KEY")
        : QLatin1String("id INTEGER PRIMARY KEY, ") + Database::quote(column) + QLatin1String(" TEXT");
    if (!db.exec(QLatin1String("CREATE TABLE ") + Database::quote(table) + QLatin1String(" (") + columns + u')'))
        return nullptr;
    QStringList warnings, errors;
    const CatalogPtr catalog = Catalog::load(db.database(), {}, &warnings, &errors);
    if (!catalog || !errors.isEmpty()) {
        qWarning("catalog errors: %s", qPrintable(errors.join(u'\n')));
        return nullptr;
    }
    return catalog->model(table);
}

} // namespace

class TestNaming final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void derivedModelNames_data();
    void derivedModelNames();
    void derivedFieldNames_data();
    void derivedFieldNames();
    void namesAreAlwaysGraphQLNames_data();
    void namesAreAlwaysGraphQLNames();
    void label_data();
    void label();
    void plural_data();
    void plural();
    void singular_data();
    void singular();
    void pascalCase_data();
    void pascalCase();
};

void TestNaming::derivedModelNames_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("stream");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("single");
    QTest::addColumn<QByteArray>("all");

    // app_model, as Django names tables: the README's demo models.
    QTest::newRow("auth_user") << "auth_user" << "auth.user" << "users" << QByteArray("User") << QByteArray("user") << QByteArray("allUsers");
    QTest::newRow("auth_group") << "auth_group" << "auth.group" << "groups" << QByteArray("Group") << QByteArray("group") << QByteArray("allGroups");
    // Only the first underscore separates the app; the rest is the model, in words.
    QTest::newRow("blog_post_comment") << "blog_post_comment" << "blog.post_comment" << "post_comments" << QByteArray("PostComment")
                                       << QByteArray("postComment") << QByteArray("allPostComments");
    QTest::newRow("consonant y to ies") << "shop_category" << "shop.category" << "categories" << QByteArray("Category")
                                        << QByteArray("category") << QByteArray("allCategories");
    QTest::newRow("plural table, ies to y") << "shop_categories" << "shop.categories" << "categories" << QByteArray("Category")
                                            << QByteArray("category") << QByteArray("allCategories");
    QTest::newRow("vowel y") << "cal_day" << "cal.day" << "days" << QByteArray("Day") << QByteArray("day") << QByteArray("allDays");
    QTest::newRow("x to xes") << "shop_box" << "shop.box" << "boxes" << QByteArray("Box") << QByteArray("box") << QByteArray("allBoxes");
    QTest::newRow("ss to sses") << "crm_address" << "crm.address" << "addresses" << QByteArray("Address") << QByteArray("address")
                                << QByteArray("allAddresses");
    QTest::newRow("plural sses") << "crm_addresses" << "crm.addresses" << "addresses" << QByteArray("Address") << QByteArray("address")
                                 << QByteArray("allAddresses");
    QTest::newRow("ch to ches") << "app_batch" << "app.batch" << "batches" << QByteArray("Batch") << QByteArray("batch") << QByteArray("allBatches");
    // Django names tables after singular class names; some of those end in s.
    QTest::newRow("singular ending in us") << "shop_order_status" << "shop.order_status" << "order_status" << QByteArray("OrderStatus")
                                           << QByteArray("orderStatus") << QByteArray("allOrderStatus");
    QTest::newRow("singular ending in is") << "lab_analysis" << "lab.analysis" << "analysis" << QByteArray("Analysis")
                                           << QByteArray("analysis") << QByteArray("allAnalysis");
    // No underscore: the table is its own label, and the whole name is the model.
    QTest::newRow("no underscore, plural") << "posts" << "posts" << "posts" << QByteArray("Post") << QByteArray("post") << QByteArray("allPosts");
    QTest::newRow("no underscore, singular") << "person" << "person" << "persons" << QByteArray("Person") << QByteArray("person")
                                             << QByteArray("allPersons");
    QTest::newRow("no underscore, PascalCase") << "AuthUser" << "AuthUser" << "AuthUsers" << QByteArray("AuthUser")
                                               << QByteArray("authUser") << QByteArray("allAuthUsers");
    // An underscore at either end separates nothing.
    QTest::newRow("leading underscore") << "_private" << "_private" << "_privates" << QByteArray("Private") << QByteArray("private")
                                        << QByteArray("allPrivates");
    QTest::newRow("trailing underscore") << "user_" << "user_" << "user_s" << QByteArray("User") << QByteArray("user") << QByteArray("allUsers");
    // Characters a GraphQL name cannot hold separate words, like underscores.
    QTest::newRow("space") << "order items" << "order items" << "order items" << QByteArray("OrderItem") << QByteArray("orderItem")
                           << QByteArray("allOrderItems");
    QTest::newRow("hyphen") << "my-table" << "my-table" << "my-tables" << QByteArray("MyTable") << QByteArray("myTable")
                            << QByteArray("allMyTables");
    QTest::newRow("hyphen after the app") << "app_line-item" << "app.line-item" << "line-items" << QByteArray("LineItem")
                                          << QByteArray("lineItem") << QByteArray("allLineItems");
    QTest::newRow("double quote") << "say_\"hi\"" << "say.\"hi\"" << "\"hi\"s" << QByteArray("Hi") << QByteArray("hi") << QByteArray("allHis");
    // A GraphQL name cannot start with a digit: the app part may, the type may not.
    QTest::newRow("app starting with a digit") << "2fa_codes" << "2fa.codes" << "codes" << QByteArray("Code") << QByteArray("code")
                                               << QByteArray("allCodes");
    QTest::newRow("model starting with a digit") << "app_3d_models" << "app.3d_models" << "3d_models" << QByteArray("_3dModel")
                                                 << QByteArray("_3dModel") << QByteArray("all_3dModels");
    QTest::newRow("only digits") << "123" << "123" << "123s" << QByteArray("_123") << QByteArray("_123") << QByteArray("all_123s");
}

void TestNaming::derivedModelNames()
{
    QFETCH(QString, table);
    TestSupport::TempDatabase db;
    const ModelPtr model = modelForTable(db, table);
    QVERIFY(model);
    QTEST(model->label, "label");
    QTEST(model->stream, "stream");
    QTEST(model->typeName, "type");
    QTEST(Api::ApiNames::single(*model), "single");
    QTEST(Api::ApiNames::all(*model), "all");
    // The other API names follow from the type and the single field.
    QCOMPARE(Api::ApiNames::create(*model), model->fieldBase + "Create");
    QCOMPARE(Api::ApiNames::subscription(*model), model->fieldBase + "Subscription");
    QCOMPARE(Api::ApiNames::input(*model), model->typeName + "Input");
    QCOMPARE(Api::ApiNames::newArgument(*model), "new" + model->typeName);
    QVERIFY(isGraphQLName(Api::ApiNames::all(*model)));
}

void TestNaming::derivedFieldNames_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("enumValue");

    // GraphQL fields are the camelCase of the column; the seed's field enum is UPPER_SNAKE.
    QTest::newRow("id") << "id" << QByteArray("id") << QByteArray("ID");
    QTest::newRow("first_name") << "first_name" << QByteArray("firstName") << QByteArray("FIRST_NAME");
    QTest::newRow("is_superuser") << "is_superuser" << QByteArray("isSuperuser") << QByteArray("IS_SUPERUSER");
    QTest::newRow("already camelCase") << "lastLogin" << QByteArray("lastLogin") << QByteArray("LASTLOGIN");
    QTest::newRow("digits inside") << "x1_y2" << QByteArray("x1Y2") << QByteArray("X1_Y2");
    QTest::newRow("double underscore") << "a__b" << QByteArray("aB") << QByteArray("A_B");
    QTest::newRow("trailing underscore") << "name_" << QByteArray("name") << QByteArray("NAME");
    QTest::newRow("leading underscores cannot make __") << "__typename" << QByteArray("typename") << QByteArray("TYPENAME");
    QTest::newRow("space") << "First Name" << QByteArray("firstName") << QByteArray("FIRST_NAME");
    QTest::newRow("hyphen") << "e-mail" << QByteArray("eMail") << QByteArray("E_MAIL");
    QTest::newRow("dot and dollar") << "price.$net" << QByteArray("priceNet") << QByteArray("PRICE_NET");
    QTest::newRow("leading digit") << "3d_model" << QByteArray("_3dModel") << QByteArray("_3D_MODEL");
}

void TestNaming::derivedFieldNames()
{
    QFETCH(QString, column);
    TestSupport::TempDatabase db;
    const ModelPtr model = modelForTable(db, QStringLiteral("app_thing"), column);
    QVERIFY(model);
    const ColumnDefinition *definition = model->column(column);
    QVERIFY(definition);
    QTEST(definition->fieldName, "field");
    QCOMPARE(model->columnByField(definition->fieldName), definition);
    QTEST(Naming::upperSnakeCase(column), "enumValue");
}

void TestNaming::namesAreAlwaysGraphQLNames_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("column");

    QTest::newRow("accents") << QStringLiteral("café_crème_brûlée") << QStringLiteral("prix_€");
    QTest::newRow("no latin letters at all") << QStringLiteral("日本_テーブル") << QStringLiteral("名前");
    QTest::newRow("emoji") << QStringLiteral("app_😀") << QStringLiteral("😀");
    QTest::newRow("punctuation only") << QStringLiteral("-") << QStringLiteral("?");
    QTest::newRow("underscore only") << QStringLiteral("_") << QStringLiteral("__");
    QTest::newRow("double underscore prefix") << QStringLiteral("__meta") << QStringLiteral("__type");
    QTest::newRow("sql keywords and quotes") << QStringLiteral("select\"from'where") << QStringLiteral("order by; drop");
    QTest::newRow("digits first") << QStringLiteral("42things") << QStringLiteral("1st");
}

void TestNaming::namesAreAlwaysGraphQLNames()
{
    QFETCH(QString, table);
    QFETCH(QString, column);
    TestSupport::TempDatabase db;
    const ModelPtr model = modelForTable(db, table, column);
    QVERIFY(model);
    QVERIFY2(isGraphQLName(model->typeName), model->typeName.constData());
    QVERIFY2(isGraphQLName(model->fieldBase), model->fieldBase.constData());
    QVERIFY2(isGraphQLName(Api::ApiNames::all(*model)), Api::ApiNames::all(*model).constData());
    QVERIFY(!model->label.isEmpty());
    QVERIFY(!model->stream.isEmpty());
    for (const ColumnDefinition &definition : model->columns) {
        QVERIFY2(isGraphQLName(definition.fieldName), definition.fieldName.constData());
        QVERIFY2(isGraphQLName(Naming::upperSnakeCase(definition.name)), Naming::upperSnakeCase(definition.name).constData());
    }
}

void TestNaming::label_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("modelPart");

    QTest::newRow("app and model") << "auth_user" << "auth.user" << "user";
    QTest::newRow("first underscore only") << "blog_post_comment" << "blog.post_comment" << "post_comment";
    QTest::newRow("no underscore") << "posts" << "posts" << "posts";
    QTest::newRow("leading underscore") << "_x" << "_x" << "_x";
    QTest::newRow("trailing underscore") << "x_" << "x_" << "x_";
    QTest::newRow("double underscore") << "a__b" << "a._b" << "_b";
    QTest::newRow("empty") << "" << "" << "";
}

void TestNaming::label()
{
    QFETCH(QString, table);
    QTEST(Naming::label(table), "label");
    QTEST(Naming::modelPart(table), "modelPart");
}

void TestNaming::plural_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("plural");

    QTest::newRow("s") << "user" << "users";
    QTest::newRow("already plural") << "users" << "users";
    QTest::newRow("consonant y") << "category" << "categories";
    QTest::newRow("vowel y") << "key" << "keys";
    QTest::newRow("ss") << "class" << "classes";
    QTest::newRow("x") << "box" << "boxes";
    QTest::newRow("z") << "waltz" << "waltzes";
    QTest::newRow("ch") << "match" << "matches";
    QTest::newRow("sh") << "wish" << "wishes";
    QTest::newRow("keeps the case") << "Category" << "Categories";
    QTest::newRow("single letter y") << "y" << "ys";
    QTest::newRow("empty") << "" << "";
}

void TestNaming::plural()
{
    QFETCH(QString, word);
    QTEST(Naming::plural(word), "plural");
}

void TestNaming::singular_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("singular");

    QTest::newRow("s") << "users" << "user";
    QTest::newRow("already singular") << "user" << "user";
    QTest::newRow("ies") << "categories" << "category";
    QTest::newRow("sses") << "classes" << "class";
    QTest::newRow("xes") << "boxes" << "box";
    QTest::newRow("ches") << "matches" << "match";
    QTest::newRow("shes") << "wishes" << "wish";
    QTest::newRow("ss stays") << "address" << "address";
    QTest::newRow("us stays") << "status" << "status";
    QTest::newRow("is stays") << "analysis" << "analysis";
    QTest::newRow("keeps the case") << "Categories" << "Category";
    QTest::newRow("single s") << "s" << "s";
    QTest::newRow("empty") << "" << "";
}

void TestNaming::singular()
{
    QFETCH(QString, word);
    QTEST(Naming::singular(word), "singular");
}

void TestNaming::pascalCase_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("pascal");
    QTest::addColumn<QByteArray>("camel");

    QTest::newRow("one word") << "user" << QByteArray("User") << QByteArray("user");
    QTest::newRow("words") << "post_comment" << QByteArray("PostComment") << QByteArray("postComment");
    QTest::newRow("inner capitals kept") << "http_URL" << QByteArray("HttpURL") << QByteArray("httpURL");
    QTest::newRow("leading digit") << "1st_place" << QByteArray("_1stPlace") << QByteArray("_1stPlace");
    QTest::newRow("nothing usable") << "---" << QByteArray("_") << QByteArray("_");
    QTest::newRow("empty") << "" << QByteArray("_") << QByteArray("_");
}

void TestNaming::pascalCase()
{
    QFETCH(QString, name);
    QTEST(Naming::pascalCase(name), "pascal");
    QTEST(Naming::camelCase(name), "camel");
}

QTEST_GUILESS_MAIN(TestNaming)
#include "tst_naming.moc"

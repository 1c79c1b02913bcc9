// SPDX-License-Identifier: MIT
// SchemaBuilder::build(): the type-system rules of spec §3 with graphql-js's messages (its
// validateSchema, or its SDL validation where only SDL can get a rule wrong there), unknown type
// references, invalid defaults, and the built schema's lookups.
#include "coercion.h"
#include "json.h"
#include "schema.h"

#include <QTest>

#include <functional>

using namespace Subscriptor::GraphQL;

using Setup = std::function<void(SchemaBuilder &)>;
Q_DECLARE_METATYPE(Setup)

namespace {

/// A builder with a valid `type Query { ok: Int }` unless the row replaces it.
void addQuery(SchemaBuilder &builder)
{
    builder.addObjectType("Query").addField("ok", "Int");
}

/// `interface I { a: Int }` and `type T implements I { … }`, the start of most interface rows.
Type &implementing(SchemaBuilder &builder)
{
    addQuery(builder);
    builder.addInterfaceType("I").addField("a", "Int");
    return builder.addObjectType("T").addInterface("I");
}

} // namespace

class TestSchemaBuilder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildErrors_data();
    void buildErrors();
    void defaults_data();
    void defaults();
    void builderStartsOverAfterBuild();
    void lookups();
    void subTypes();
    void typeReferences_data();
    void typeReferences();
};

void TestSchemaBuilder::buildErrors_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<QStringList>("errors");

    const auto row = [](const char *name, Setup setup, QStringList errors) {
        QTest::newRow(name) << std::move(setup) << std::move(errors);
    };

    row("valid", [](SchemaBuilder &b) { addQuery(b); }, {});
    // Root types.
    row("no query type", [](SchemaBuilder &b) { b.addObjectType("Foo").addField("a", "Int"); },
        {QStringLiteral("Query root type must be provided.")});
    row("query root named otherwise", [](SchemaBuilder &b) {
        b.addObjectType("Root").addField("a", "Int");
        b.setQueryType("Root");
    }, {});
    row("query root name unknown", [](SchemaBuilder &b) {
        addQuery(b);
        b.setQueryType("Root");
    }, {QStringLiteral("Query root type must be provided.")});
    row("query is an input object", [](SchemaBuilder &b) { b.addInputObjectType("Query").addInputField("a", "Int"); },
        {QStringLiteral("Query root type must be Object type, it cannot be Query.")});
    row("mutation is an enum", [](SchemaBuilder &b) {
        addQuery(b);
        b.addEnumType("Mutation").addEnumValue("A");
    }, {QStringLiteral("Mutation root type must be Object type if provided, it cannot be Mutation.")});
    row("subscription is a scalar", [](SchemaBuilder &b) {
        addQuery(b);
        b.addScalarType("Subscription");
    }, {QStringLiteral("Subscription root type must be Object type if provided, it cannot be Subscription.")});

    // Unknown type names: where, and what was meant.
    row("unknown field type", [](SchemaBuilder &b) { b.addObjectType("Query").addField("a", "Strin"); },
        {QStringLiteral("Query.a refers to an unknown type \"Strin\". Did you mean \"String\"?")});
    row("unknown wrapped type", [](SchemaBuilder &b) {
        addQuery(b);
        b.addObjectType("User").addField("friends", "[Usr!]!");
    }, {QStringLiteral("User.friends refers to an unknown type \"[Usr!]!\". Did you mean \"User\"?")});
    row("unknown argument type", [](SchemaBuilder &b) {
        b.addObjectType("Query").addField("a", "Int").addArgument("x", "Nope");
    }, {QStringLiteral("Query.a(x:) refers to an unknown type \"Nope\".")});
    row("unknown input field type", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInputObjectType("In").addInputField("x", "Flaot");
    }, {QStringLiteral("In.x refers to an unknown type \"Flaot\". Did you mean \"Float\"?")});
    row("unknown directive argument type", [](SchemaBuilder &b) {
        addQuery(b);
        b.addDirective("d", {DirectiveLocation::Field}).addArgument("x", "Nope");
    }, {QStringLiteral("@d(x:) refers to an unknown type \"Nope\".")});
    row("unclosed list type", [](SchemaBuilder &b) { b.addObjectType("Query").addField("a", "[Int"); },
        {QStringLiteral("Query.a refers to an unknown type \"[Int\". Did you mean \"Int\" or \"ID\"?")});
    row("double non-null", [](SchemaBuilder &b) { b.addObjectType("Query").addField("a", "Int!!"); },
        {QStringLiteral("Query.a refers to an unknown type \"Int!!\". Did you mean \"Int\" or \"ID\"?")});
    row("unknown interface", [](SchemaBuilder &b) {
        addQuery(b);
        b.addObjectType("T").addInterface("Nod").addField("a", "Int");
        b.addInterfaceType("Node").addField("a", "Int");
    }, {QStringLiteral("T refers to an unknown type \"Nod\". Did you mean \"Node\" or \"ID\"?")});
    row("unknown union member", [](SchemaBuilder &b) {
        addQuery(b);
        b.addUnionType("U").addMember("Nope");
    }, {QStringLiteral("U refers to an unknown type \"Nope\".")});

    // Names.
    row("duplicate type", [](SchemaBuilder &b) {
        addQuery(b);
        b.addObjectType("User").addField("a", "Int");
        b.addEnumType("User").addEnumValue("A");
    }, {QStringLiteral("There can be only one type named \"User\".")});
    row("type named as a built-in scalar", [](SchemaBuilder &b) {
        addQuery(b);
        b.addScalarType("String");
    }, {QStringLiteral("There can be only one type named \"String\".")});
    row("type named as an introspection type", [](SchemaBuilder &b) {
        addQuery(b);
        b.addObjectType("__Type").addField("a", "Int");
    }, {QStringLiteral("There can be only one type named \"__Type\"."),
        QStringLiteral("Name \"__Type\" must not begin with \"__\", which is reserved by GraphQL introspection.")});
    row("duplicate field", [](SchemaBuilder &b) {
        addQuery(b);
        b.type("Query")->addField("ok", "String");
    }, {QStringLiteral("Field \"Query.ok\" can only be defined once.")});
    row("duplicate argument", [](SchemaBuilder &b) {
        Field &field = b.addObjectType("Query").addField("a", "Int");
        field.addArgument("x", "Int");
        field.addArgument("x", "Int");
    }, {QStringLiteral("Argument \"Query.a(x:)\" can only be defined once.")});
    row("duplicate enum value", [](SchemaBuilder &b) {
        addQuery(b);
        b.addEnumType("E").addEnumValue("A");
        b.type("E")->addEnumValue("A");
    }, {QStringLiteral("Enum value \"E.A\" can only be defined once.")});
    row("duplicate input field", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInputObjectType("In").addInputField("x", "Int");
        b.type("In")->addInputField("x", "String");
    }, {QStringLiteral("Field \"In.x\" can only be defined once.")});
    row("duplicate directive", [](SchemaBuilder &b) {
        addQuery(b);
        b.addDirective("d", {DirectiveLocation::Field});
        b.addDirective("d", {DirectiveLocation::Query});
    }, {QStringLiteral("There can be only one directive named \"@d\".")});
    row("directive named as a built-in", [](SchemaBuilder &b) {
        addQuery(b);
        b.addDirective("skip", {DirectiveLocation::Field});
    }, {QStringLiteral("There can be only one directive named \"@skip\".")});
    row("type name starts with a digit", [](SchemaBuilder &b) {
        addQuery(b);
        b.addObjectType("1Bad").addField("a", "Int");
    }, {QStringLiteral("Names must start with [_a-zA-Z] but \"1Bad\" does not.")});
    row("type name with a dash", [](SchemaBuilder &b) {
        addQuery(b);
        b.addScalarType("Bad-Name");
    }, {QStringLiteral("Names must only contain [_a-zA-Z0-9] but \"Bad-Name\" does not.")});
    row("empty type name", [](SchemaBuilder &b) {
        addQuery(b);
        b.addScalarType("");
    }, {QStringLiteral("Expected name to be a non-empty string.")});
    row("field name with a space", [](SchemaBuilder &b) { b.addObjectType("Query").addField("a b", "Int"); },
        {QStringLiteral("Names must only contain [_a-zA-Z0-9] but \"a b\" does not.")});
    row("argument name with non-ascii", [](SchemaBuilder &b) {
        b.addObjectType("Query").addField("a", "Int").addArgument("\xc3\xa9", "Int");
    }, {QString::fromUtf8("Names must start with [_a-zA-Z] but \"\xc3\xa9\" does not.")});
    row("enum value true", [](SchemaBuilder &b) {
        addQuery(b);
        b.addEnumType("E").addEnumValue("true");
    }, {QStringLiteral("Enum values cannot be named: true")});
    row("enum value null", [](SchemaBuilder &b) {
        addQuery(b);
        b.addEnumType("E").addEnumValue("null");
    }, {QStringLiteral("Enum values cannot be named: null")});
    row("enum value with a dash", [](SchemaBuilder &b) {
        addQuery(b);
        b.addEnumType("E").addEnumValue("A-B");
    }, {QStringLiteral("Names must only contain [_a-zA-Z0-9] but \"A-B\" does not.")});
    for (const auto &[name, reserved] : std::initializer_list<std::pair<const char *, Setup>>{
             {"reserved type name", [](SchemaBuilder &b) { addQuery(b); b.addObjectType("__Mine").addField("a", "Int"); }},
             {"reserved field name", [](SchemaBuilder &b) { addQuery(b); b.type("Query")->addField("__a", "Int"); }},
             {"reserved argument name", [](SchemaBuilder &b) { addQuery(b); b.type("Query")->addField("b", "Int").addArgument("__a", "Int"); }},
             {"reserved enum value", [](SchemaBuilder &b) { addQuery(b); b.addEnumType("E").addEnumValue("__a"); }},
             {"reserved input field", [](SchemaBuilder &b) { addQuery(b); b.addInputObjectType("In").addInputField("__a", "Int"); }},
             {"reserved directive name", [](SchemaBuilder &b) { addQuery(b); b.addDirective("__a", {DirectiveLocation::Field}); }}}) {
        const QString prefix = QString::fromLatin1(name).endsWith(QLatin1String("type name")) ? QStringLiteral("__Mine")
                                                                                            : QStringLiteral("__a");
        row(name, reserved, {QLatin1String("Name \"") + prefix
                             + QLatin1String("\" must not begin with \"__\", which is reserved by GraphQL introspection.")});
    }

    // Empty types.
    row("empty object", [](SchemaBuilder &b) { addQuery(b); b.addObjectType("Empty"); },
        {QStringLiteral("Type Empty must define one or more fields.")});
    row("empty interface", [](SchemaBuilder &b) { addQuery(b); b.addInterfaceType("Empty"); },
        {QStringLiteral("Type Empty must define one or more fields.")});
    row("empty union", [](SchemaBuilder &b) { addQuery(b); b.addUnionType("U"); },
        {QStringLiteral("Union type U must define one or more member types.")});
    row("empty enum", [](SchemaBuilder &b) { addQuery(b); b.addEnumType("E"); },
        {QStringLiteral("Enum type E must define one or more values.")});
    row("empty input object", [](SchemaBuilder &b) { addQuery(b); b.addInputObjectType("In"); },
        {QStringLiteral("Input Object type In must define one or more fields.")});
    row("directive without locations", [](SchemaBuilder &b) { addQuery(b); b.addDirective("d", {}); },
        {QStringLiteral("Directive @d must include 1 or more locations.")});

    // Input and output types.
    row("field of an input type", [](SchemaBuilder &b) {
        b.addObjectType("Query").addField("a", "[In!]");
        b.addInputObjectType("In").addInputField("x", "Int");
    }, {QStringLiteral("The type of Query.a must be Output Type but got: [In!].")});
    row("argument of an output type", [](SchemaBuilder &b) { b.addObjectType("Query").addField("a", "Int").addArgument("q", "Query!"); },
        {QStringLiteral("The type of Query.a(q:) must be Input Type but got: Query!.")});
    row("input field of an output type", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInputObjectType("In").addInputField("q", "Query");
    }, {QStringLiteral("The type of In.q must be Input Type but got: Query.")});
    row("directive argument of an output type", [](SchemaBuilder &b) {
        addQuery(b);
        b.addDirective("d", {DirectiveLocation::Field}).addArgument("q", "[Query]");
    }, {QStringLiteral("The type of @d(q:) must be Input Type but got: [Query].")});
    row("implements a non-interface", [](SchemaBuilder &b) {
        addQuery(b);
        b.addObjectType("T").addInterface("Query").addField("ok", "Int");
    }, {QStringLiteral("Type T must only implement Interface types, it cannot implement Query.")});
    row("union of a non-object", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInterfaceType("I").addField("a", "Int");
        b.addUnionType("U").addMember("I");
    }, {QStringLiteral("Union type U can only include Object types, it cannot include I.")});
    row("union member twice", [](SchemaBuilder &b) {
        addQuery(b);
        b.addUnionType("U").addMember("Query").addMember("Query");
    }, {QStringLiteral("Union type U can only include type Query once.")});

    // Interfaces (spec §3.6.3 IsValidImplementation).
    row("interface implemented", [](SchemaBuilder &b) { implementing(b).addField("a", "Int"); }, {});
    row("interface field missing", [](SchemaBuilder &b) { implementing(b).addField("b", "Int"); },
        {QStringLiteral("Interface field I.a expected but T does not provide it.")});
    row("interface field of another type", [](SchemaBuilder &b) { implementing(b).addField("a", "String"); },
        {QStringLiteral("Interface field I.a expects type Int but T.a is type String.")});
    row("interface field nullable for non-null", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInterfaceType("I").addField("a", "Int!");
        b.addObjectType("T").addInterface("I").addField("a", "Int");
    }, {QStringLiteral("Interface field I.a expects type Int! but T.a is type Int.")});
    row("interface field list for a single value", [](SchemaBuilder &b) { implementing(b).addField("a", "[Int]"); },
        {QStringLiteral("Interface field I.a expects type Int but T.a is type [Int].")});
    row("covariant interface field", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInterfaceType("I").addField("self", "[I]");
        b.addObjectType("T").addInterface("I").addField("self", "[T!]!");
    }, {});
    row("union member for a union field", [](SchemaBuilder &b) {
        addQuery(b);
        b.addObjectType("A").addField("a", "Int");
        b.addUnionType("U").addMember("A");
        b.addInterfaceType("I").addField("u", "U");
        b.addObjectType("T").addInterface("I").addField("u", "A");
    }, {});
    row("interface argument missing", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInterfaceType("I").addField("a", "Int").addArgument("x", "Int");
        b.addObjectType("T").addInterface("I").addField("a", "Int");
    }, {QStringLiteral("Interface field argument I.a(x:) expected but T.a does not provide it.")});
    row("interface argument of another type", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInterfaceType("I").addField("a", "Int").addArgument("x", "Int");
        b.addObjectType("T").addInterface("I").addField("a", "Int").addArgument("x", "Int!");
    }, {QStringLiteral("Interface field argument I.a(x:) expects type Int but T.a(x:) is type Int!.")});
    row("extra required argument", [](SchemaBuilder &b) { implementing(b).addField("a", "Int").addArgument("x", "Int!"); },
        {QStringLiteral("Object field T.a includes required argument x that is missing from the Interface field I.a.")});
    row("extra optional arguments", [](SchemaBuilder &b) {
        Field &a = implementing(b).addField("a", "Int");
        a.addArgument("x", "Int");
        a.addArgument("y", "Int!").setDefaultValue(1);
    }, {});
    row("transitive interface missing", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInterfaceType("A").addField("a", "Int");
        b.addInterfaceType("B").addInterface("A").addField("a", "Int");
        b.addObjectType("T").addInterface("B").addField("a", "Int");
    }, {QStringLiteral("Type T must implement A because it is implemented by B.")});
    row("interface implements itself", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInterfaceType("A").addInterface("A").addField("a", "Int");
    }, {QStringLiteral("Type A cannot implement itself because it would create a circular reference.")});
    row("interfaces implement each other", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInterfaceType("A").addInterface("B").addField("a", "Int");
        b.addInterfaceType("B").addInterface("A").addField("a", "Int");
    }, {QStringLiteral("Type A cannot implement B because it would create a circular reference."),
        QStringLiteral("Type B cannot implement A because it would create a circular reference.")});
    row("interface twice", [](SchemaBuilder &b) { implementing(b).addInterface("I").addField("a", "Int"); },
        {QStringLiteral("Type T can only implement I once.")});

    // Deprecation.
    row("required argument deprecated", [](SchemaBuilder &b) {
        b.addObjectType("Query").addField("a", "Int").addArgument("x", "Int!").deprecate();
    }, {QStringLiteral("Required argument Query.a(x:) cannot be deprecated.")});
    row("required argument with a default deprecated", [](SchemaBuilder &b) {
        b.addObjectType("Query").addField("a", "Int").addArgument("x", "Int!").setDefaultValue(1).deprecate();
    }, {});
    row("required input field deprecated", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInputObjectType("In").addInputField("x", "[Int]!").deprecate(QStringLiteral("Gone."));
    }, {QStringLiteral("Required input field In.x cannot be deprecated.")});
    row("required directive argument deprecated", [](SchemaBuilder &b) {
        addQuery(b);
        b.addDirective("d", {DirectiveLocation::Field}).addArgument("x", "Int!").deprecate();
    }, {QStringLiteral("Required argument @d(x:) cannot be deprecated.")});

    // Input objects that contain themselves.
    row("input object cycle", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInputObjectType("A").addInputField("b", "B!");
        b.addInputObjectType("B").addInputField("a", "A!");
    }, {QStringLiteral("Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.a\".")});
    row("input object contains itself", [](SchemaBuilder &b) {
        addQuery(b);
        b.addInputObjectType("A").addInputField("self", "A!");
    }, {QStringLiteral("Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"self\".")});
    row("input object cycle broken by a list or null", [](SchemaBuilder &b) {
        addQuery(b);
        Type &a = b.addInputObjectType("A");
        a.addInputField("many", "[A!]!");
        a.addInputField("maybe", "A");
    }, {});

    row("several errors in type order", [](SchemaBuilder &b) {
        addQuery(b);
        b.addObjectType("Empty");
        b.addUnionType("U");
        b.addEnumType("E");
    }, {QStringLiteral("Type Empty must define one or more fields."), QStringLiteral("Union type U must define one or more member types."),
        QStringLiteral("Enum type E must define one or more values.")});
}

void TestSchemaBuilder::buildErrors()
{
    QFETCH(Setup, setup);
    QFETCH(QStringList, errors);

    SchemaBuilder builder;
    setup(builder);
    QStringList actual{QStringLiteral("not written")};
    const SchemaPtr schema = builder.build(&actual);
    QCOMPARE(actual, errors);
    QCOMPARE(bool(schema), errors.isEmpty());
}

void TestSchemaBuilder::defaults_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("defaultValue"); // JSON of the internal value
    QTest::addColumn<QString>("expected");        // JSON of the stored default, or the build error

    // Defaults are coerced as graphql-js coerces a default written in SDL.
    QTest::newRow("int") << QByteArray("Int") << QByteArray("3") << QStringLiteral("3");
    QTest::newRow("int from integral float") << QByteArray("Int") << QByteArray("3.0") << QStringLiteral("3");
    QTest::newRow("list promotion") << QByteArray("[Int]") << QByteArray("1") << QStringLiteral("[1]");
    QTest::newRow("nested list promotion") << QByteArray("[[String]]") << QByteArray("\"a\"") << QStringLiteral("[[\"a\"]]");
    QTest::newRow("null") << QByteArray("Int") << QByteArray("null") << QStringLiteral("null");
    QTest::newRow("enum") << QByteArray("Color") << QByteArray("\"RED\"") << QStringLiteral("\"RED\"");
    QTest::newRow("input object gets field defaults") << QByteArray("Point") << QByteArray("{\"x\": 1}")
                                                      << QStringLiteral("{\"x\":1,\"y\":0}");
    QTest::newRow("id from int") << QByteArray("ID") << QByteArray("7") << QStringLiteral("\"7\"");
    QTest::newRow("wrong scalar") << QByteArray("Int") << QByteArray("\"abc\"")
                                  << QStringLiteral("The default value of Query.f(a:) is not a valid Int.");
    QTest::newRow("int out of range") << QByteArray("Int") << QByteArray("3000000000")
                                      << QStringLiteral("The default value of Query.f(a:) is not a valid Int.");
    QTest::newRow("null for non-null") << QByteArray("Int!") << QByteArray("null")
                                       << QStringLiteral("The default value of Query.f(a:) is not a valid Int!.");
    QTest::newRow("unknown enum value") << QByteArray("Color") << QByteArray("\"PINK\"")
                                        << QStringLiteral("The default value of Query.f(a:) is not a valid Color.");
    QTest::newRow("bad list item") << QByteArray("[Int]") << QByteArray("[1, \"x\"]")
                                   << QStringLiteral("The default value of Query.f(a:) is not a valid [Int].");
    QTest::newRow("null list item for non-null items") << QByteArray("[Int!]") << QByteArray("[1, null]")
                                                       << QStringLiteral("[1]");
    QTest::newRow("missing required field") << QByteArray("Point") << QByteArray("{\"y\": 2}")
                                            << QStringLiteral("The default value of Query.f(a:) is not a valid Point.");
    QTest::newRow("bad field value") << QByteArray("Point") << QByteArray("{\"x\": \"one\"}")
                                     << QStringLiteral("The default value of Query.f(a:) is not a valid Point.");
    QTest::newRow("not an object") << QByteArray("Point") << QByteArray("[1]")
                                   << QStringLiteral("The default value of Query.f(a:) is not a valid Point.");
}

void TestSchemaBuilder::defaults()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, defaultValue);
    QFETCH(QString, expected);

    // The same default on a field argument, an input field and a directive argument.
    SchemaBuilder builder;
    builder.addEnumType("Color").addEnumValue("RED");
    Type &point = builder.addInputObjectType("Point");
    point.addInputField("x", "Int!");
    point.addInputField("y", "Int").setDefaultValue(0);
    builder.addInputObjectType("Holder").addInputField("a", type).setDefaultValue(Json::parse(defaultValue));
    builder.addObjectType("Query").addField("f", "Int").addArgument("a", type).setDefaultValue(Json::parse(defaultValue));
    builder.type("Query")->addField("g", "Int").addArgument("h", "Holder");
    builder.addDirective("d", {DirectiveLocation::Field}).addArgument("a", type).setDefaultValue(Json::parse(defaultValue));
    QStringList errors;
    const SchemaPtr schema = builder.build(&errors);
    if (!expected.startsWith(u'[') && !expected.startsWith(u'{') && expected.contains(QLatin1String("not a valid"))) {
        QVERIFY(!schema);
        QCOMPARE(errors.size(), 3); // types in the order they were added, then directives
        QCOMPARE(errors.at(0), QString(expected).replace(QLatin1String("Query.f(a:)"), QLatin1String("Holder.a")));
        QCOMPARE(errors.at(1), expected);
        QCOMPARE(errors.at(2), QString(expected).replace(QLatin1String("Query.f(a:)"), QLatin1String("@d(a:)")));
        return;
    }
    QVERIFY2(schema, qPrintable(errors.join(u'\n')));
    QCOMPARE(QString::fromUtf8(Json::serialize(schema->queryType()->field("f")->argument("a")->defaultValue)), expected);
    QCOMPARE(QString::fromUtf8(Json::serialize(schema->type("Holder")->inputField("a")->defaultValue)), expected);
    QCOMPARE(QString::fromUtf8(Json::serialize(schema->directive("d")->argument("a")->defaultValue)), expected);
}

void TestSchemaBuilder::builderStartsOverAfterBuild()
{
    SchemaBuilder builder;
    addQuery(builder);
    QVERIFY(builder.type("Query"));
    const SchemaPtr first = builder.build();
    QVERIFY(first);
    QVERIFY(!builder.type("Query")); // "The builder is empty afterwards."
    QVERIFY(builder.type("String"));
    QStringList errors;
    QVERIFY(!builder.build(&errors));
    QCOMPARE(errors, QStringList{QStringLiteral("Query root type must be provided.")});
    // The first schema does not depend on the builder.
    QCOMPARE(first->queryType()->field("ok")->type->name(), QByteArray("Int"));
}

void TestSchemaBuilder::lookups()
{
    SchemaBuilder builder;
    builder.setDescription(QStringLiteral("Test schema."));
    builder.addInterfaceType("Node").addField("id", "ID!");
    builder.addObjectType("User").addInterface("Node").addField("id", "ID!");
    builder.type("User")->addField("name", "String");
    builder.addObjectType("Group").addInterface("Node").addField("id", "ID!");
    builder.addUnionType("Any").addMember("Group").addMember("User");
    builder.addObjectType("Query").addField("node", "Node");
    builder.addObjectType("Mutation").addField("m", "Int");
    QStringList errors;
    const SchemaPtr schema = builder.build(&errors);
    QVERIFY2(schema, qPrintable(errors.join(u'\n')));

    QCOMPARE(schema->description(), QStringLiteral("Test schema."));
    QCOMPARE(schema->queryType(), schema->type("Query"));
    QCOMPARE(schema->mutationType(), schema->type("Mutation"));
    QVERIFY(!schema->subscriptionType());
    QCOMPARE(schema->rootType(Ast::OperationType::Mutation), schema->mutationType());
    QVERIFY(!schema->rootType(Ast::OperationType::Subscription));
    QVERIFY(!schema->type("Nope"));
    QVERIFY(!schema->type("Float")); // not referenced (spec §3.5)
    QVERIFY(schema->type("ID") && schema->isBuiltIn(schema->type("ID")));
    QVERIFY(!schema->isBuiltIn(schema->type("User")));
    QVERIFY(schema->isBuiltIn(*schema->directive("skip")));
    QVERIFY(schema->directive("include") && schema->directive("deprecated") && schema->directive("specifiedBy"));
    QVERIFY(!schema->directive("oneOf"));

    const Type *node = schema->type("Node");
    const Type *user = schema->type("User");
    const Type *group = schema->type("Group");
    const Type *any = schema->type("Any");
    QCOMPARE(schema->possibleTypes(node), (QList<const Type *>{user, group}));
    QCOMPARE(schema->possibleTypes(any), (QList<const Type *>{group, user}));
    QVERIFY(schema->possibleTypes(user).isEmpty());
    QVERIFY(schema->isPossibleType(node, user));
    QVERIFY(!schema->isPossibleType(user, node));
    QVERIFY(schema->typesOverlap(node, any));
    QVERIFY(schema->typesOverlap(user, any));
    QVERIFY(!schema->typesOverlap(user, group));

    QCOMPARE(schema->fieldDefinition(user, "name"), user->field("name"));
    QCOMPARE(schema->fieldDefinition(user, "__typename"), schema->typeNameMetaField());
    QCOMPARE(schema->fieldDefinition(any, "__typename"), schema->typeNameMetaField());
    QVERIFY(!schema->fieldDefinition(any, "id"));
    QCOMPARE(schema->fieldDefinition(schema->queryType(), "__schema"), schema->schemaMetaField());
    QCOMPARE(schema->fieldDefinition(schema->queryType(), "__type"), schema->typeMetaField());
    QVERIFY(!schema->fieldDefinition(user, "__schema")); // only on the query root (spec §4.2)
    QCOMPARE(schema->typeMetaField()->argument("name")->type->toString(), QByteArray("String!"));
}

void TestSchemaBuilder::subTypes()
{
    SchemaBuilder builder;
    builder.addInterfaceType("Node").addField("id", "ID");
    builder.addObjectType("User").addInterface("Node").addField("id", "ID");
    builder.addUnionType("U").addMember("User");
    builder.addObjectType("Query").addField("n", "Node");
    builder.type("Query")->addField("count", "Int");
    const SchemaPtr schema = builder.build();
    QVERIFY(schema);
    const auto isSubType = [&](QByteArrayView a, QByteArrayView b) {
        return schema->isSubType(schema->typeFromString(a), schema->typeFromString(b));
    };
    QVERIFY(isSubType("User", "Node"));
    QVERIFY(isSubType("User!", "Node"));
    QVERIFY(!isSubType("User", "Node!"));
    QVERIFY(isSubType("[User!]!", "[Node]"));
    QVERIFY(!isSubType("[User]", "Node"));
    QVERIFY(!isSubType("User", "[Node]"));
    QVERIFY(isSubType("User", "U"));
    QVERIFY(!isSubType("Node", "User"));
    QVERIFY(isSubType("Int", "Int"));
    QVERIFY(!isSubType("Int", "ID"));
}

void TestSchemaBuilder::typeReferences_data()
{
    QTest::addColumn<QByteArray>("reference");
    QTest::addColumn<QByteArray>("printed"); // empty: no such type

    QTest::newRow("named") << QByteArray("String") << QByteArray("String");
    QTest::newRow("spaces are trimmed") << QByteArray(" String ") << QByteArray("String");
    QTest::newRow("non-null") << QByteArray("String!") << QByteArray("String!");
    QTest::newRow("list of non-null") << QByteArray("[String!]!") << QByteArray("[String!]!");
    QTest::newRow("nested lists") << QByteArray("[[Int]!]") << QByteArray("[[Int]!]");
    QTest::newRow("unknown") << QByteArray("Strng") << QByteArray();
    QTest::newRow("double non-null") << QByteArray("String!!") << QByteArray();
    QTest::newRow("unbalanced") << QByteArray("[String") << QByteArray();
    QTest::newRow("empty list") << QByteArray("[]") << QByteArray();
    QTest::newRow("empty") << QByteArray("") << QByteArray();
    QTest::newRow("invalid name") << QByteArray("Str-ing") << QByteArray();
}

void TestSchemaBuilder::typeReferences()
{
    QFETCH(QByteArray, reference);
    QFETCH(QByteArray, printed);

    SchemaBuilder builder;
    builder.addObjectType("Query").addField("a", "[[Int]!]").addArgument("s", "String");
    const SchemaPtr schema = builder.build();
    QVERIFY(schema);
    const Type *type = schema->typeFromString(reference);
    QCOMPARE(type ? type->toString() : QByteArray(), printed);
    if (type) // wrappers are made once: the same reference is the same type
        QCOMPARE(schema->typeFromString(printed), type);
}

QTEST_APPLESS_MAIN(TestSchemaBuilder)

#include "tst_schemabuilder.moc"

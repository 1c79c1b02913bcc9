// SPDX-License-Identifier: MIT
// SdlPrinter: the expected texts are graphql-js 16.15.0's own printSchema output (each one checked
// to be printSchema(buildSchema(text)) == text); the conformance test does the same for the
// validation test schema.
#include "schema.h"
#include "sdlprinter.h"

#include <QTest>

using namespace Subscriptor::GraphQL;

Q_DECLARE_METATYPE(Subscriptor::GraphQL::SchemaPtr)

namespace {

SchemaPtr build(SchemaBuilder &builder)
{
    QStringList errors;
    SchemaPtr schema = builder.build(&errors);
    if (!schema)
        qFatal("test schema does not build: %s", qPrintable(errors.join(u'\n')));
    return schema;
}

SchemaPtr objectType()
{
    SchemaBuilder builder;
    Type &query = builder.addObjectType("Query");
    query.addField("hello", "String");
    query.addField("count", "Int!");
    query.addField("list", "[[String!]]!");
    return build(builder);
}

SchemaPtr customRoots()
{
    SchemaBuilder builder;
    builder.setQueryType("Root").setMutationType("Change");
    builder.addObjectType("Root").addField("a", "Int");
    builder.addObjectType("Change").addField("b", "Int");
    return build(builder);
}

SchemaPtr schemaDescription()
{
    SchemaBuilder builder;
    builder.setDescription(QStringLiteral("The schema."));
    builder.addObjectType("Query").addField("a", "Int");
    return build(builder);
}

SchemaPtr descriptions()
{
    SchemaBuilder builder;
    Type &query = builder.addObjectType("Query", QStringLiteral("Line one.\nLine two."));
    query.addField("a", "Int", QStringLiteral("First."));
    query.addField("b", "Int");
    query.addField("c", "Int", QStringLiteral("Third."));
    return build(builder);
}

SchemaPtr notBlockStrings()
{
    SchemaBuilder builder;
    // Common indentation and a leading new line would be lost in a block string.
    builder.addObjectType("Query", QStringLiteral("  indented\n  all"))
        .addField("a", "Int", QStringLiteral("\nleading new line"));
    return build(builder);
}

SchemaPtr emptyDescription()
{
    SchemaBuilder builder;
    builder.addObjectType("Query", QString::fromLatin1("")).addField("a", "Int");
    return build(builder);
}

SchemaPtr describedArguments()
{
    SchemaBuilder builder;
    Type &query = builder.addObjectType("Query");
    Field &f = query.addField("f", "Int");
    f.addArgument("a", "Int", QStringLiteral("The a."));
    f.addArgument("b", "String");
    f.addArgument("c", "Boolean", QStringLiteral("The c,\non two lines."));
    Field &g = query.addField("g", "Int");
    g.addArgument("x", "Int");
    g.addArgument("y", "Int");
    return build(builder);
}

SchemaPtr defaultValues()
{
    SchemaBuilder builder;
    Field &f = builder.addObjectType("Query").addField("f", "Int");
    f.addArgument("i", "Int").setDefaultValue(3);
    f.addArgument("s", "String").setDefaultValue(QStringLiteral("a \"q\"\n"));
    f.addArgument("e", "Color").setDefaultValue(QStringLiteral("RED"));
    f.addArgument("l", "[Int]").setDefaultValue(Value::List{1, 2});
    f.addArgument("single", "[Int]").setDefaultValue(Value::List{7});
    f.addArgument("o", "In").setDefaultValue(ObjectBuilder()
                                                 .append("x", 1)
                                                 .append("y", QStringLiteral("why"))
                                                 .append("z", Value::List{QStringLiteral("a")})
                                                 .build());
    f.addArgument("n", "Int").setDefaultValue(Value());
    f.addArgument("fl", "Float").setDefaultValue(1.5);
    f.addArgument("whole", "Float").setDefaultValue(2.0);
    f.addArgument("id", "ID").setDefaultValue(QStringLiteral("42")); // an integer-like ID prints as an Int
    f.addArgument("sid", "ID").setDefaultValue(QStringLiteral("x1"));
    builder.addEnumType("Color").addEnumValue("RED");
    builder.type("Color")->addEnumValue("GREEN");
    Type &input = builder.addInputObjectType("In");
    input.addInputField("x", "Int!");
    input.addInputField("y", "String").setDefaultValue(QStringLiteral("why"));
    input.addInputField("z", "[String]");
    return build(builder);
}

SchemaPtr deprecation()
{
    SchemaBuilder builder;
    Type &query = builder.addObjectType("Query");
    query.addField("a", "Int").deprecate(); // the default reason is left out
    query.addField("b", "Int").deprecate(QStringLiteral("Use \"c\"."));
    Field &c = query.addField("c", "Int");
    c.addArgument("old", "Int").deprecate();
    c.addArgument("new", "Int");
    query.addField("d", "Color").addArgument("in", "In");
    Type &color = builder.addEnumType("Color");
    color.addEnumValue("RED").deprecate(QStringLiteral("Too loud."));
    color.addEnumValue("GREEN", QStringLiteral("The green one."));
    Type &input = builder.addInputObjectType("In");
    input.addInputField("old", "Int").deprecate(QString::fromLatin1(""));
    input.addInputField("new", "Int");
    return build(builder);
}

SchemaPtr scalars()
{
    SchemaBuilder builder;
    builder.addScalarType("Date", QStringLiteral("A date, as in RFC 3339."))
        .setSpecifiedByUrl(QStringLiteral("https://tools.ietf.org/html/rfc3339"));
    builder.addScalarType("Plain");
    Type &query = builder.addObjectType("Query");
    query.addField("d", "Date");
    query.addField("p", "Plain");
    return build(builder);
}

SchemaPtr abstractTypes()
{
    SchemaBuilder builder;
    builder.addInterfaceType("Node").addField("id", "ID!");
    Type &named = builder.addInterfaceType("Named").addInterface("Node");
    named.addField("id", "ID!");
    named.addField("name", "String");
    Type &user = builder.addObjectType("User").addInterface("Node").addInterface("Named");
    user.addField("id", "ID!");
    user.addField("name", "String");
    builder.addObjectType("Robot").addInterface("Node").addField("id", "ID!");
    builder.addUnionType("Thing").addMember("User").addMember("Robot");
    Type &query = builder.addObjectType("Query");
    query.addField("thing", "Thing");
    query.addField("node", "Node");
    return build(builder);
}

SchemaPtr directives()
{
    SchemaBuilder builder;
    using L = DirectiveLocation;
    Directive &cached = builder.addDirective("cached", {L::Field, L::FragmentSpread}, QStringLiteral("Caches a field."));
    cached.repeatable = true;
    cached.addArgument("ttl", "Int").setDefaultValue(60);
    cached.addArgument("scope", "String");
    builder.addDirective("described", {L::Object, L::FieldDefinition})
        .addArgument("reason", "String!", QStringLiteral("Why."));
    builder.addObjectType("Query").addField("a", "Int");
    return build(builder);
}

} // namespace

class TestSdlPrinter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void print_data();
    void print();
    void printTypeAndDirective();
};

void TestSdlPrinter::print_data()
{
    QTest::addColumn<SchemaPtr>("schema");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("a field of each wrapping") << objectType()
        << QByteArray(R"sdl(type Query {
  hello: String
  count: Int!
  list: [[String!]]!
})sdl");
    QTest::newRow("root types not named Query/Mutation/Subscription print a schema block") << customRoots()
        << QByteArray(R"sdl(schema {
  query: Root
  mutation: Change
}

type Root {
  a: Int
}

type Change {
  b: Int
})sdl");
    QTest::newRow("a schema description prints a schema block") << schemaDescription()
        << QByteArray(R"sdl("""The schema."""
schema {
  query: Query
}

type Query {
  a: Int
})sdl");
    QTest::newRow("descriptions as block strings, blank line before described fields") << descriptions()
        << QByteArray(R"sdl("""
Line one.
Line two.
"""
type Query {
  """First."""
  a: Int
  b: Int

  """Third."""
  c: Int
})sdl");
    QTest::newRow("descriptions a block string would change are quoted strings") << notBlockStrings()
        << QByteArray(R"sdl("  indented\n  all"
type Query {
  "\nleading new line"
  a: Int
})sdl");
    QTest::newRow("an empty (not null) description is printed") << emptyDescription()
        << QByteArray(R"sdl(""""""
type Query {
  a: Int
})sdl");
    QTest::newRow("a described argument puts every argument on its own line") << describedArguments()
        << QByteArray(R"sdl(type Query {
  f(
    """The a."""
    a: Int
    b: String

    """
    The c,
    on two lines.
    """
    c: Boolean
  ): Int
  g(x: Int, y: Int): Int
})sdl");
    QTest::newRow("default values of every kind") << defaultValues()
        << QByteArray(R"sdl(type Query {
  f(i: Int = 3, s: String = "a \"q\"\n", e: Color = RED, l: [Int] = [1, 2], single: [Int] = [7], o: In = {x: 1, y: "why", z: ["a"]}, n: Int = null, fl: Float = 1.5, whole: Float = 2, id: ID = 42, sid: ID = "x1"): Int
}

enum Color {
  RED
  GREEN
}

input In {
  x: Int!
  y: String = "why"
  z: [String]
})sdl");
    QTest::newRow("deprecated fields, arguments, enum values and input fields") << deprecation()
        << QByteArray(R"sdl(type Query {
  a: Int @deprecated
  b: Int @deprecated(reason: "Use \"c\".")
  c(old: Int @deprecated, new: Int): Int
  d(in: In): Color
}

enum Color {
  RED @deprecated(reason: "Too loud.")

  """The green one."""
  GREEN
}

input In {
  old: Int @deprecated(reason: "")
  new: Int
})sdl");
    QTest::newRow("custom scalars with @specifiedBy") << scalars()
        << QByteArray(R"sdl("""A date, as in RFC 3339."""
scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

scalar Plain

type Query {
  d: Date
  p: Plain
})sdl");
    QTest::newRow("interfaces, implementations and unions") << abstractTypes()
        << QByteArray(R"sdl(interface Node {
  id: ID!
}

interface Named implements Node {
  id: ID!
  name: String
}

type User implements Node & Named {
  id: ID!
  name: String
}

type Robot implements Node {
  id: ID!
}

union Thing = User | Robot

type Query {
  thing: Thing
  node: Node
})sdl");
    QTest::newRow("custom directives: repeatable, arguments, locations") << directives()
        << QByteArray(R"sdl("""Caches a field."""
directive @cached(ttl: Int = 60, scope: String) repeatable on FIELD | FRAGMENT_SPREAD

directive @described(
  """Why."""
  reason: String!
) on OBJECT | FIELD_DEFINITION

type Query {
  a: Int
})sdl");
}

void TestSdlPrinter::print()
{
    QFETCH(SchemaPtr, schema);
    QFETCH(QByteArray, expected);
    QCOMPARE(SdlPrinter::print(*schema), expected);
}

void TestSdlPrinter::printTypeAndDirective()
{
    const SchemaPtr schema = directives();
    QCOMPARE(SdlPrinter::printType(*schema->queryType()), QByteArray("type Query {\n  a: Int\n}"));
    QCOMPARE(SdlPrinter::printDirective(*schema->directive("cached")),
             QByteArray("\"\"\"Caches a field.\"\"\"\n"
                        "directive @cached(ttl: Int = 60, scope: String) repeatable on FIELD | FRAGMENT_SPREAD"));
    // A built-in prints too when asked for by itself, as graphql-js printIntrospectionSchema shows it.
    QCOMPARE(SdlPrinter::printDirective(*schema->directive("skip")),
             QByteArray("\"\"\"\nDirects the executor to skip this field or fragment when the `if` argument is true.\n"
                        "\"\"\"\ndirective @skip(\n  \"\"\"Skipped when true.\"\"\"\n  if: Boolean!\n"
                        ") on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT"));
}

QTEST_GUILESS_MAIN(TestSdlPrinter)
#include "tst_sdlprinter.moc"

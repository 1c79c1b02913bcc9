// SPDX-License-Identifier: MIT
// Input coercion against graphql-js 16 (expected values come from graphql-js with the same schema
// in SDL): variables (getVariableValues), literals (valueFromAST), arguments (getArgumentValues),
// the built-in scalars both ways, enums, input objects with defaults, list promotion, astFromValue
// and inspect, with graphql-js's messages and paths.
#include "astprinter.h"
#include "coercion.h"
#include "json.h"
#include "parser.h"
#include "schema.h"
#include "values.h"

#include <QTest>

using namespace Subscriptor::GraphQL;

Q_DECLARE_METATYPE(Subscriptor::GraphQL::Value)

namespace {

QStringList lines(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

/*
 * The same schema as this SDL, which the expected values were computed with:
 *
 *   scalar Json
 *   enum Color { RED GREEN BLUE }
 *   input Point { x: Int!  y: Int = 0  label: String }
 *   input Filter { color: Color = RED  ids: [ID!]  point: Point = {x: 1}  nested: Filter  tags: [String] = "a" }
 *   input Required { a: Int!  b: [String!]! }
 *   type Query {
 *     f(i: Int, fl: Float, s: String, b: Boolean, id: ID, c: Color, p: Point, fi: Filter, li: [Int], lni: [Int!],
 *       ll: [[Int]], j: Json): String
 *     g(ni: Int!, dflt: Int = 5, nl: [Int]!, r: Required): String
 *   }
 *
 * plus `enum Level { LOW HIGH }` whose internal values are 1 and 2.
 */
SchemaPtr buildSchema()
{
    SchemaBuilder builder;
    builder.addScalarType("Json");
    Type &color = builder.addEnumType("Color");
    for (const char *name : {"RED", "GREEN", "BLUE"})
        color.addEnumValue(name);
    Type &level = builder.addEnumType("Level");
    level.addEnumValue("LOW", Value(1), QString());
    level.addEnumValue("HIGH", Value(2), QString());

    Type &point = builder.addInputObjectType("Point");
    point.addInputField("x", "Int!");
    point.addInputField("y", "Int").setDefaultValue(0);
    point.addInputField("label", "String");
    Type &filter = builder.addInputObjectType("Filter");
    filter.addInputField("color", "Color").setDefaultValue(QStringLiteral("RED"));
    filter.addInputField("ids", "[ID!]");
    filter.addInputField("point", "Point").setDefaultValue(ObjectBuilder().append("x", 1).build());
    filter.addInputField("nested", "Filter");
    filter.addInputField("tags", "[String]").setDefaultValue(QStringLiteral("a"));
    Type &required = builder.addInputObjectType("Required");
    required.addInputField("a", "Int!");
    required.addInputField("b", "[String!]!");

    Type &query = builder.addObjectType("Query");
    Field &f = query.addField("f", "String");
    const char *const arguments[][2] = {{"i", "Int"}, {"fl", "Float"}, {"s", "String"}, {"b", "Boolean"}, {"id", "ID"},
                                        {"c", "Color"}, {"p", "Point"}, {"fi", "Filter"}, {"li", "[Int]"},
                                        {"lni", "[Int!]"}, {"ll", "[[Int]]"}, {"j", "Json"}};
    for (const auto &argument : arguments)
        f.addArgument(argument[0], argument[1]);
    Field &g = query.addField("g", "String");
    g.addArgument("ni", "Int!");
    g.addArgument("dflt", "Int").setDefaultValue(5);
    g.addArgument("nl", "[Int]!");
    g.addArgument("r", "Required");
    query.addField("level", "Level").addArgument("l", "Level");

    QStringList errors;
    SchemaPtr schema = builder.build(&errors);
    if (!schema)
        qFatal("%s", qPrintable(errors.join(u'\n')));
    return schema;
}

const Schema &schema()
{
    static const SchemaPtr built = buildSchema();
    return *built;
}

const Type *type(QByteArrayView reference)
{
    const Type *found = schema().typeFromString(reference);
    if (!found)
        qFatal("unknown type %s", reference.toByteArray().constData());
    return found;
}

QString at(const QList<Ast::Location> &locations)
{
    if (locations.isEmpty())
        return {};
    return QStringLiteral(" @%1:%2").arg(locations.first().line).arg(locations.first().column);
}

QStringList describe(const ErrorList &errors)
{
    QStringList list;
    for (const Error &error : errors)
        list.append(error.message + at(error.locations));
    return list;
}

/// A literal, parsed as the value of an argument.
std::shared_ptr<const Ast::Document> parseLiteral(const QByteArray &literal, const Ast::ValueNode **node)
{
    ParseResult result = Parser::parse("{ f(a: " + literal + ") }");
    if (!result.document)
        qFatal("%s", qPrintable(result.error->message));
    *node = &result.document->operations.at(0).selectionSet.at(0).arguments.at(0).value;
    return result.document;
}

} // namespace

class TestCoercion final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void variables_data();
    void variables();
    void variableErrorLimit_data();
    void variableErrorLimit();
    void literals_data();
    void literals();
    void scalarLiteralErrors_data();
    void scalarLiteralErrors();
    void serialize_data();
    void serialize();
    void astFromValue_data();
    void astFromValue();
    void inspect_data();
    void inspect();
    void arguments_data();
    void arguments();
    void enumInternalValues();
    void printInputPath_data();
    void printInputPath();
};

void TestCoercion::variables_data()
{
    QTest::addColumn<QByteArray>("definitions");
    QTest::addColumn<QByteArray>("inputs");
    QTest::addColumn<QByteArray>("coerced"); // empty when there are errors
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("int") << QByteArray("$v: Int") << QByteArray("{\"v\": 42}")
        << QByteArray("{\"v\":42}") << lines({});
    QTest::newRow("int from integral float") << QByteArray("$v: Int") << QByteArray("{\"v\": 4.0}")
        << QByteArray("{\"v\":4}") << lines({});
    QTest::newRow("int max") << QByteArray("$v: Int") << QByteArray("{\"v\": 2147483647}")
        << QByteArray("{\"v\":2147483647}") << lines({});
    QTest::newRow("int min") << QByteArray("$v: Int") << QByteArray("{\"v\": -2147483648}")
        << QByteArray("{\"v\":-2147483648}") << lines({});
    QTest::newRow("int too large") << QByteArray("$v: Int") << QByteArray("{\"v\": 2147483648}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648 @1:8"});
    QTest::newRow("int too small") << QByteArray("$v: Int") << QByteArray("{\"v\": -2147483649}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value -2147483649; Int cannot represent non 32-bit signed integer value: -2147483649 @1:8"});
    QTest::newRow("int from fraction") << QByteArray("$v: Int") << QByteArray("{\"v\": 1.5}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value 1.5; Int cannot represent non-integer value: 1.5 @1:8"});
    QTest::newRow("int from string") << QByteArray("$v: Int") << QByteArray("{\"v\": \"1\"}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value \"1\"; Int cannot represent non-integer value: \"1\" @1:8"});
    QTest::newRow("int from boolean") << QByteArray("$v: Int") << QByteArray("{\"v\": true}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value true; Int cannot represent non-integer value: true @1:8"});
    QTest::newRow("int from list") << QByteArray("$v: Int") << QByteArray("{\"v\": [1]}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value [1]; Int cannot represent non-integer value: [1] @1:8"});
    QTest::newRow("int from object") << QByteArray("$v: Int") << QByteArray("{\"v\": {\"a\": 1}}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value { a: 1 }; Int cannot represent non-integer value: { a: 1 } @1:8"});
    QTest::newRow("float") << QByteArray("$v: Float") << QByteArray("{\"v\": 1.5}")
        << QByteArray("{\"v\":1.5}") << lines({});
    QTest::newRow("float from int") << QByteArray("$v: Float") << QByteArray("{\"v\": 3}")
        << QByteArray("{\"v\":3}") << lines({});
    QTest::newRow("float from string") << QByteArray("$v: Float") << QByteArray("{\"v\": \"1.5\"}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value \"1.5\"; Float cannot represent non numeric value: \"1.5\" @1:8"});
    QTest::newRow("float from boolean") << QByteArray("$v: Float") << QByteArray("{\"v\": false}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value false; Float cannot represent non numeric value: false @1:8"});
    QTest::newRow("string") << QByteArray("$v: String") << QByteArray("{\"v\": \"é😀\"}")
        << QByteArray("{\"v\":\"é😀\"}") << lines({});
    QTest::newRow("string from int") << QByteArray("$v: String") << QByteArray("{\"v\": 1}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value 1; String cannot represent a non string value: 1 @1:8"});
    QTest::newRow("string from float") << QByteArray("$v: String") << QByteArray("{\"v\": 1.5}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value 1.5; String cannot represent a non string value: 1.5 @1:8"});
    QTest::newRow("string from boolean") << QByteArray("$v: String") << QByteArray("{\"v\": true}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value true; String cannot represent a non string value: true @1:8"});
    QTest::newRow("string from list") << QByteArray("$v: String") << QByteArray("{\"v\": [\"a\"]}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value [\"a\"]; String cannot represent a non string value: [\"a\"] @1:8"});
    QTest::newRow("boolean") << QByteArray("$v: Boolean") << QByteArray("{\"v\": true}")
        << QByteArray("{\"v\":true}") << lines({});
    QTest::newRow("boolean from int") << QByteArray("$v: Boolean") << QByteArray("{\"v\": 1}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value 1; Boolean cannot represent a non boolean value: 1 @1:8"});
    QTest::newRow("boolean from string") << QByteArray("$v: Boolean") << QByteArray("{\"v\": \"true\"}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value \"true\"; Boolean cannot represent a non boolean value: \"true\" @1:8"});
    QTest::newRow("id from string") << QByteArray("$v: ID") << QByteArray("{\"v\": \"abc\"}")
        << QByteArray("{\"v\":\"abc\"}") << lines({});
    QTest::newRow("id from int") << QByteArray("$v: ID") << QByteArray("{\"v\": 12}")
        << QByteArray("{\"v\":\"12\"}") << lines({});
    QTest::newRow("id from large int") << QByteArray("$v: ID") << QByteArray("{\"v\": 9007199254740991}")
        << QByteArray("{\"v\":\"9007199254740991\"}") << lines({});
    QTest::newRow("id from fraction") << QByteArray("$v: ID") << QByteArray("{\"v\": 1.5}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value 1.5; ID cannot represent value: 1.5 @1:8"});
    QTest::newRow("id from boolean") << QByteArray("$v: ID") << QByteArray("{\"v\": true}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value true; ID cannot represent value: true @1:8"});
    QTest::newRow("id from object") << QByteArray("$v: ID") << QByteArray("{\"v\": {}}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value {}; ID cannot represent value: {} @1:8"});
    QTest::newRow("enum") << QByteArray("$v: Color") << QByteArray("{\"v\": \"GREEN\"}")
        << QByteArray("{\"v\":\"GREEN\"}") << lines({});
    QTest::newRow("enum lower case") << QByteArray("$v: Color") << QByteArray("{\"v\": \"green\"}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value \"green\"; Value \"green\" does not exist in \"Color\" enum. Did you mean the enum value \"GREEN\" or \"RED\"? @1:8"});
    QTest::newRow("enum unknown") << QByteArray("$v: Color") << QByteArray("{\"v\": \"PURPLE\"}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value \"PURPLE\"; Value \"PURPLE\" does not exist in \"Color\" enum. @1:8"});
    QTest::newRow("enum typo") << QByteArray("$v: Color") << QByteArray("{\"v\": \"REED\"}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value \"REED\"; Value \"REED\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\" or \"GREEN\"? @1:8"});
    QTest::newRow("enum from int") << QByteArray("$v: Color") << QByteArray("{\"v\": 1}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value 1; Enum \"Color\" cannot represent non-string value: 1. @1:8"});
    QTest::newRow("enum from boolean") << QByteArray("$v: Color") << QByteArray("{\"v\": true}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value true; Enum \"Color\" cannot represent non-string value: true. Did you mean the enum value \"BLUE\"? @1:8"});
    QTest::newRow("custom scalar takes any json") << QByteArray("$v: Json") << QByteArray("{\"v\": {\"a\": [1, \"b\", null]}}")
        << QByteArray("{\"v\":{\"a\":[1,\"b\",null]}}") << lines({});
    QTest::newRow("null for nullable") << QByteArray("$v: Int") << QByteArray("{\"v\": null}")
        << QByteArray("{\"v\":null}") << lines({});
    QTest::newRow("null for non-null") << QByteArray("$v: Int!") << QByteArray("{\"v\": null}")
        << QByteArray("") << lines({"Variable \"$v\" of non-null type \"Int!\" must not be null. @1:8"});
    QTest::newRow("missing non-null") << QByteArray("$v: Int!") << QByteArray("{}")
        << QByteArray("") << lines({"Variable \"$v\" of required type \"Int!\" was not provided. @1:8"});
    QTest::newRow("missing nullable") << QByteArray("$v: Int") << QByteArray("{}")
        << QByteArray("{}") << lines({});
    QTest::newRow("missing with default") << QByteArray("$v: Int = 3") << QByteArray("{}")
        << QByteArray("{\"v\":3}") << lines({});
    QTest::newRow("null overrides default") << QByteArray("$v: Int = 3") << QByteArray("{\"v\": null}")
        << QByteArray("{\"v\":null}") << lines({});
    QTest::newRow("missing non-null with default") << QByteArray("$v: Int! = 3") << QByteArray("{}")
        << QByteArray("{\"v\":3}") << lines({});
    QTest::newRow("enum default") << QByteArray("$v: Color = BLUE") << QByteArray("{}")
        << QByteArray("{\"v\":\"BLUE\"}") << lines({});
    QTest::newRow("list default promoted") << QByteArray("$v: [Int] = 1") << QByteArray("{}")
        << QByteArray("{\"v\":[1]}") << lines({});
    QTest::newRow("object default gets field defaults") << QByteArray("$v: Point = {x: 2}") << QByteArray("{}")
        << QByteArray("{\"v\":{\"x\":2,\"y\":0}}") << lines({});
    QTest::newRow("invalid default is no value") << QByteArray("$v: Int = \"x\"") << QByteArray("{}")
        << QByteArray("{}") << lines({});
    QTest::newRow("unknown type") << QByteArray("$v: Nope") << QByteArray("{}")
        << QByteArray("") << lines({"Variable \"$v\" expected value of type \"Nope\" which cannot be used as an input type. @1:12"});
    QTest::newRow("output type") << QByteArray("$v: Query") << QByteArray("{\"v\": 1}")
        << QByteArray("") << lines({"Variable \"$v\" expected value of type \"Query\" which cannot be used as an input type. @1:12"});
    QTest::newRow("list") << QByteArray("$v: [Int]") << QByteArray("{\"v\": [1, null, 3]}")
        << QByteArray("{\"v\":[1,null,3]}") << lines({});
    QTest::newRow("list promotes a single value") << QByteArray("$v: [Int]") << QByteArray("{\"v\": 7}")
        << QByteArray("{\"v\":[7]}") << lines({});
    QTest::newRow("list promotes null item type") << QByteArray("$v: [Int!]") << QByteArray("{\"v\": 7}")
        << QByteArray("{\"v\":[7]}") << lines({});
    QTest::newRow("list with bad items") << QByteArray("$v: [Int]") << QByteArray("{\"v\": [1, \"b\", 3.5]}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value \"b\" at \"v[1]\"; Int cannot represent non-integer value: \"b\" @1:8",
                  "Variable \"$v\" got invalid value 3.5 at \"v[2]\"; Int cannot represent non-integer value: 3.5 @1:8"});
    QTest::newRow("non-null items") << QByteArray("$v: [Int!]") << QByteArray("{\"v\": [1, null]}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value null at \"v[1]\"; Expected non-nullable type \"Int!\" not to be null. @1:8"});
    QTest::newRow("non-null list of non-null") << QByteArray("$v: [Int!]!") << QByteArray("{\"v\": []}")
        << QByteArray("{\"v\":[]}") << lines({});
    QTest::newRow("nested lists") << QByteArray("$v: [[Int]]") << QByteArray("{\"v\": [[1], [2, 3], null]}")
        << QByteArray("{\"v\":[[1],[2,3],null]}") << lines({});
    QTest::newRow("nested list promotion") << QByteArray("$v: [[Int]]") << QByteArray("{\"v\": 1}")
        << QByteArray("{\"v\":[[1]]}") << lines({});
    QTest::newRow("nested list half promotion") << QByteArray("$v: [[Int]]") << QByteArray("{\"v\": [1, [2]]}")
        << QByteArray("{\"v\":[[1],[2]]}") << lines({});
    QTest::newRow("nested list bad item path") << QByteArray("$v: [[Int]]") << QByteArray("{\"v\": [[1], [2, \"x\"]]}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value \"x\" at \"v[1][1]\"; Int cannot represent non-integer value: \"x\" @1:8"});
    QTest::newRow("input object") << QByteArray("$v: Point") << QByteArray("{\"v\": {\"x\": 1, \"y\": 2, \"label\": \"p\"}}")
        << QByteArray("{\"v\":{\"x\":1,\"y\":2,\"label\":\"p\"}}") << lines({});
    QTest::newRow("input object defaults") << QByteArray("$v: Point") << QByteArray("{\"v\": {\"x\": 1}}")
        << QByteArray("{\"v\":{\"x\":1,\"y\":0}}") << lines({});
    QTest::newRow("input object field order is the type order") << QByteArray("$v: Point") << QByteArray("{\"v\": {\"label\": \"l\", \"x\": 1}}")
        << QByteArray("{\"v\":{\"x\":1,\"y\":0,\"label\":\"l\"}}") << lines({});
    QTest::newRow("input object explicit null") << QByteArray("$v: Point") << QByteArray("{\"v\": {\"x\": 1, \"y\": null}}")
        << QByteArray("{\"v\":{\"x\":1,\"y\":null}}") << lines({});
    QTest::newRow("input object missing required") << QByteArray("$v: Point") << QByteArray("{\"v\": {\"y\": 1}}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value { y: 1 }; Field \"x\" of required type \"Int!\" was not provided. @1:8"});
    QTest::newRow("input object null required") << QByteArray("$v: Point") << QByteArray("{\"v\": {\"x\": null}}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value null at \"v.x\"; Expected non-nullable type \"Int!\" not to be null. @1:8"});
    QTest::newRow("input object unknown field") << QByteArray("$v: Point") << QByteArray("{\"v\": {\"x\": 1, \"z\": 2}}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value { x: 1, z: 2 }; Field \"z\" is not defined by type \"Point\". Did you mean \"x\" or \"y\"? @1:8"});
    QTest::newRow("input object unknown field suggestion") << QByteArray("$v: Point") << QByteArray("{\"v\": {\"x\": 1, \"lable\": \"a\"}}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value { x: 1, lable: \"a\" }; Field \"lable\" is not defined by type \"Point\". Did you mean \"label\"? @1:8"});
    QTest::newRow("input object several errors") << QByteArray("$v: Point") << QByteArray("{\"v\": {\"y\": \"a\", \"zz\": 1}}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value { y: \"a\", zz: 1 }; Field \"x\" of required type \"Int!\" was not provided. @1:8",
                  "Variable \"$v\" got invalid value \"a\" at \"v.y\"; Int cannot represent non-integer value: \"a\" @1:8",
                  "Variable \"$v\" got invalid value { y: \"a\", zz: 1 }; Field \"zz\" is not defined by type \"Point\". @1:8"});
    QTest::newRow("input object from list") << QByteArray("$v: Point") << QByteArray("{\"v\": [1]}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value [1]; Expected type \"Point\" to be an object. @1:8"});
    QTest::newRow("input object from string") << QByteArray("$v: Point") << QByteArray("{\"v\": \"x\"}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value \"x\"; Expected type \"Point\" to be an object. @1:8"});
    QTest::newRow("nested input defaults") << QByteArray("$v: Filter") << QByteArray("{\"v\": {}}")
        << QByteArray("{\"v\":{\"color\":\"RED\",\"point\":{\"x\":1,\"y\":0},\"tags\":[\"a\"]}}") << lines({});
    QTest::newRow("nested input values") << QByteArray("$v: Filter") << QByteArray("{\"v\": {\"color\": \"BLUE\", \"ids\": [1, \"b\"], \"point\": {\"x\": 5}, \"tags\": \"t\"}}")
        << QByteArray("{\"v\":{\"color\":\"BLUE\",\"ids\":[\"1\",\"b\"],\"point\":{\"x\":5,\"y\":0},\"tags\":[\"t\"]}}") << lines({});
    QTest::newRow("nested input error paths") << QByteArray("$v: Filter") << QByteArray("{\"v\": {\"ids\": [1, null], \"nested\": {\"point\": {\"x\": \"a\"}, \"color\": 1}}}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value null at \"v.ids[1]\"; Expected non-nullable type \"ID!\" not to be null. @1:8",
                  "Variable \"$v\" got invalid value 1 at \"v.nested.color\"; Enum \"Color\" cannot represent non-string value: 1. @1:8",
                  "Variable \"$v\" got invalid value \"a\" at \"v.nested.point.x\"; Int cannot represent non-integer value: \"a\" @1:8"});
    QTest::newRow("deep input error path") << QByteArray("$v: Filter") << QByteArray("{\"v\": {\"nested\": {\"nested\": {\"nested\": {\"tags\": [true]}}}}}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value true at \"v.nested.nested.nested.tags[0]\"; String cannot represent a non string value: true @1:8"});
    QTest::newRow("list of input objects") << QByteArray("$v: [Point]") << QByteArray("{\"v\": [{\"x\": 1}, {\"x\": \"2\"}, null, {}]}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value \"2\" at \"v[1].x\"; Int cannot represent non-integer value: \"2\" @1:8",
                  "Variable \"$v\" got invalid value {} at \"v[3]\"; Field \"x\" of required type \"Int!\" was not provided. @1:8"});
    QTest::newRow("required input") << QByteArray("$v: Required!") << QByteArray("{\"v\": {\"a\": 1, \"b\": \"one\"}}")
        << QByteArray("{\"v\":{\"a\":1,\"b\":[\"one\"]}}") << lines({});
    QTest::newRow("several variables") << QByteArray("$a: Int, $b: String!, $c: [Color] = [RED]") << QByteArray("{\"a\": 1, \"b\": \"x\"}")
        << QByteArray("{\"a\":1,\"b\":\"x\",\"c\":[\"RED\"]}") << lines({});
    QTest::newRow("several variables with errors") << QByteArray("$a: Int!, $b: String!, $c: Color") << QByteArray("{\"a\": \"x\", \"c\": \"NOPE\"}")
        << QByteArray("") << lines({"Variable \"$a\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\" @1:8",
                  "Variable \"$b\" of required type \"String!\" was not provided. @1:18",
                  "Variable \"$c\" got invalid value \"NOPE\"; Value \"NOPE\" does not exist in \"Color\" enum. @1:31"});
    QTest::newRow("extra input is ignored") << QByteArray("$a: Int") << QByteArray("{\"a\": 1, \"zzz\": 2}")
        << QByteArray("{\"a\":1}") << lines({});
    QTest::newRow("inspect of long list") << QByteArray("$v: Int") << QByteArray("{\"v\": [1,2,3,4,5,6,7,8,9,10,11,12]}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items]; Int cannot represent non-integer value: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items] @1:8"});
    QTest::newRow("inspect of list with one more") << QByteArray("$v: Int") << QByteArray("{\"v\": [1,2,3,4,5,6,7,8,9,10,11]}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 1 more item]; Int cannot represent non-integer value: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 1 more item] @1:8"});
    QTest::newRow("inspect of deep value") << QByteArray("$v: Int") << QByteArray("{\"v\": {\"a\": [[{\"b\": 1}]], \"c\": [[[1]]]}}")
        << QByteArray("") << lines({"Variable \"$v\" got invalid value { a: [[Array]], c: [[Array]] }; Int cannot represent non-integer value: { a: [[Array]], c: [[Array]] } @1:8"});
}

void TestCoercion::variables()
{
    QFETCH(QByteArray, definitions);
    QFETCH(QByteArray, inputs);
    QFETCH(QByteArray, coerced);
    QFETCH(QStringList, errors);

    const ParseResult parsed = Parser::parse("query (" + definitions + ") { f }");
    QVERIFY2(parsed.document, qPrintable(parsed.error->message));
    Value values;
    ErrorList actualErrors;
    const bool ok = coerceVariableValues(schema(), parsed.document->operations.at(0).variables, Json::parse(inputs), values,
                                         actualErrors);
    QCOMPARE(describe(actualErrors), errors);
    QCOMPARE(ok, errors.isEmpty());
    if (ok)
        QCOMPARE(Json::serialize(values), coerced);
}

void TestCoercion::variableErrorLimit_data()
{
    QTest::addColumn<int>("missing");
    QTest::addColumn<int>("errors");
    QTest::addColumn<bool>("limitReached");

    // graphql-js executes with maxErrors 50: the 51st error is replaced by "Too many errors".
    QTest::newRow("49 errors") << 49 << 49 << false;
    QTest::newRow("50 errors") << 50 << 50 << false;
    QTest::newRow("51 errors") << 51 << 51 << true;
    QTest::newRow("500 errors") << 500 << 51 << true;
}

void TestCoercion::variableErrorLimit()
{
    QFETCH(int, missing);
    QFETCH(int, errors);
    QFETCH(bool, limitReached);

    QByteArray definitions;
    for (int i = 0; i < missing; ++i)
        definitions += "$v" + QByteArray::number(i) + ": Int! ";
    const ParseResult parsed = Parser::parse("query (" + definitions + ") { f }");
    QVERIFY(parsed.document);
    Value values;
    ErrorList actual;
    QVERIFY(!coerceVariableValues(schema(), parsed.document->operations.at(0).variables, Value(), values, actual));
    QCOMPARE(actual.size(), errors);
    QCOMPARE(actual.first().message, QStringLiteral("Variable \"$v0\" of required type \"Int!\" was not provided."));
    QCOMPARE(actual.last().message == QStringLiteral("Too many errors processing variables, error limit reached. Execution aborted."),
             limitReached);
    if (limitReached)
        QVERIFY(actual.last().locations.isEmpty());
}

void TestCoercion::literals_data()
{
    QTest::addColumn<QByteArray>("typeName");
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QByteArray>("expected"); // "invalid": valueFromAST gives no value

    QTest::newRow("int") << QByteArray("Int") << QByteArray("123") << QByteArray("{}")
        << QByteArray("123");
    QTest::newRow("negative int") << QByteArray("Int") << QByteArray("-5") << QByteArray("{}")
        << QByteArray("-5");
    QTest::newRow("int max") << QByteArray("Int") << QByteArray("2147483647") << QByteArray("{}")
        << QByteArray("2147483647");
    QTest::newRow("int over max") << QByteArray("Int") << QByteArray("2147483648") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("int far over max") << QByteArray("Int") << QByteArray("99999999999999999999") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("int from float") << QByteArray("Int") << QByteArray("1.0") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("int from string") << QByteArray("Int") << QByteArray("\"1\"") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("int from enum") << QByteArray("Int") << QByteArray("ONE") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("float") << QByteArray("Float") << QByteArray("1.5") << QByteArray("{}")
        << QByteArray("1.5");
    QTest::newRow("float from int") << QByteArray("Float") << QByteArray("3") << QByteArray("{}")
        << QByteArray("3");
    QTest::newRow("float exponent") << QByteArray("Float") << QByteArray("-2.5e-3") << QByteArray("{}")
        << QByteArray("-0.0025");
    QTest::newRow("float huge") << QByteArray("Float") << QByteArray("1e400") << QByteArray("{}")
        << QByteArray("null");
    QTest::newRow("float from string") << QByteArray("Float") << QByteArray("\"1.5\"") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("string") << QByteArray("String") << QByteArray("\"a\\nb\"") << QByteArray("{}")
        << QByteArray("\"a\\nb\"");
    QTest::newRow("block string") << QByteArray("String") << QByteArray("\"\"\"  x\n  y\"\"\"") << QByteArray("{}")
        << QByteArray("\"  x\\ny\"");
    QTest::newRow("string from int") << QByteArray("String") << QByteArray("1") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("string from enum") << QByteArray("String") << QByteArray("abc") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("boolean") << QByteArray("Boolean") << QByteArray("false") << QByteArray("{}")
        << QByteArray("false");
    QTest::newRow("boolean from int") << QByteArray("Boolean") << QByteArray("0") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("boolean from string") << QByteArray("Boolean") << QByteArray("\"true\"") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("id from string") << QByteArray("ID") << QByteArray("\"x1\"") << QByteArray("{}")
        << QByteArray("\"x1\"");
    QTest::newRow("id from int") << QByteArray("ID") << QByteArray("123") << QByteArray("{}")
        << QByteArray("\"123\"");
    QTest::newRow("id from big int") << QByteArray("ID") << QByteArray("123456789012345678901234567890") << QByteArray("{}")
        << QByteArray("\"123456789012345678901234567890\"");
    QTest::newRow("id from float") << QByteArray("ID") << QByteArray("1.5") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("id from boolean") << QByteArray("ID") << QByteArray("true") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("enum") << QByteArray("Color") << QByteArray("RED") << QByteArray("{}")
        << QByteArray("\"RED\"");
    QTest::newRow("enum from string") << QByteArray("Color") << QByteArray("\"RED\"") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("enum unknown") << QByteArray("Color") << QByteArray("PINK") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("enum from true") << QByteArray("Color") << QByteArray("true") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("null for nullable") << QByteArray("Int") << QByteArray("null") << QByteArray("{}")
        << QByteArray("null");
    QTest::newRow("null for non-null") << QByteArray("Int!") << QByteArray("null") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("non-null") << QByteArray("Int!") << QByteArray("4") << QByteArray("{}")
        << QByteArray("4");
    QTest::newRow("list") << QByteArray("[Int]") << QByteArray("[1, 2, null]") << QByteArray("{}")
        << QByteArray("[1,2,null]");
    QTest::newRow("list promotes single value") << QByteArray("[Int]") << QByteArray("4") << QByteArray("{}")
        << QByteArray("[4]");
    QTest::newRow("list promotion keeps null") << QByteArray("[Int]") << QByteArray("null") << QByteArray("{}")
        << QByteArray("null");
    QTest::newRow("list with bad item") << QByteArray("[Int]") << QByteArray("[1, \"2\"]") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("non-null items") << QByteArray("[Int!]") << QByteArray("[1, null]") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("nested lists") << QByteArray("[[Int]]") << QByteArray("[[1], [2]]") << QByteArray("{}")
        << QByteArray("[[1],[2]]");
    QTest::newRow("nested list promotion") << QByteArray("[[Int]]") << QByteArray("1") << QByteArray("{}")
        << QByteArray("[[1]]");
    QTest::newRow("nested list mixed") << QByteArray("[[Int]]") << QByteArray("[1, [2], null]") << QByteArray("{}")
        << QByteArray("[[1],[2],null]");
    QTest::newRow("input object") << QByteArray("Point") << QByteArray("{x: 1, label: \"p\"}") << QByteArray("{}")
        << QByteArray("{\"x\":1,\"y\":0,\"label\":\"p\"}");
    QTest::newRow("input object defaults") << QByteArray("Filter") << QByteArray("{}") << QByteArray("{}")
        << QByteArray("{\"color\":\"RED\",\"point\":{\"x\":1,\"y\":0},\"tags\":[\"a\"]}");
    QTest::newRow("input object missing required") << QByteArray("Point") << QByteArray("{y: 2}") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("input object null for required") << QByteArray("Point") << QByteArray("{x: null}") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("input object unknown field ignored") << QByteArray("Point") << QByteArray("{x: 1, z: 2}") << QByteArray("{}")
        << QByteArray("{\"x\":1,\"y\":0}");
    QTest::newRow("input object from list") << QByteArray("Point") << QByteArray("[{x: 1}]") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("input object from string") << QByteArray("Point") << QByteArray("\"x\"") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("nested input object") << QByteArray("Filter") << QByteArray("{point: {x: 3}, nested: {color: BLUE}, ids: 7}") << QByteArray("{}")
        << QByteArray("{\"color\":\"RED\",\"ids\":[\"7\"],\"point\":{\"x\":3,\"y\":0},\"nested\":{\"color\":\"BLUE\",\"point\":{\"x\":1,\"y\":0},\"tags\":[\"a\"]},\"tags\":[\"a\"]}");
    QTest::newRow("custom scalar object") << QByteArray("Json") << QByteArray("{a: [1, 2.5, \"s\", true, null, ENUM], b: {c: $v}}") << QByteArray("{\"v\": [1]}")
        << QByteArray("{\"a\":[1,2.5,\"s\",true,null,\"ENUM\"],\"b\":{\"c\":[1]}}");
    QTest::newRow("custom scalar missing variable") << QByteArray("Json") << QByteArray("[$missing]") << QByteArray("{}")
        << QByteArray("[null]");
    QTest::newRow("variable") << QByteArray("Int") << QByteArray("$v") << QByteArray("{\"v\": 3}")
        << QByteArray("3");
    QTest::newRow("missing variable") << QByteArray("Int") << QByteArray("$v") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("null variable for non-null") << QByteArray("Int!") << QByteArray("$v") << QByteArray("{\"v\": null}")
        << QByteArray("invalid");
    QTest::newRow("null variable for nullable") << QByteArray("Int") << QByteArray("$v") << QByteArray("{\"v\": null}")
        << QByteArray("null");
    QTest::newRow("variable is not list-promoted") << QByteArray("[Int]") << QByteArray("$v") << QByteArray("{\"v\": 3}")
        << QByteArray("3");
    QTest::newRow("variable in list") << QByteArray("[Int]") << QByteArray("[1, $v]") << QByteArray("{\"v\": 2}")
        << QByteArray("[1,2]");
    QTest::newRow("missing variable in list is null") << QByteArray("[Int]") << QByteArray("[1, $v]") << QByteArray("{}")
        << QByteArray("[1,null]");
    QTest::newRow("missing variable in non-null list item") << QByteArray("[Int!]") << QByteArray("[1, $v]") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("variable in object") << QByteArray("Point") << QByteArray("{x: $x, y: $y}") << QByteArray("{\"x\": 1, \"y\": 2}")
        << QByteArray("{\"x\":1,\"y\":2}");
    QTest::newRow("missing variable in object uses default") << QByteArray("Point") << QByteArray("{x: 1, y: $y}") << QByteArray("{}")
        << QByteArray("{\"x\":1,\"y\":0}");
    QTest::newRow("missing variable for required field") << QByteArray("Point") << QByteArray("{x: $x}") << QByteArray("{}")
        << QByteArray("invalid");
    QTest::newRow("null variable for required field") << QByteArray("Point") << QByteArray("{x: $x}") << QByteArray("{\"x\": null}")
        << QByteArray("invalid");
}

void TestCoercion::literals()
{
    QFETCH(QByteArray, typeName);
    QFETCH(QByteArray, literal);
    QFETCH(QByteArray, variables);
    QFETCH(QByteArray, expected);

    const Ast::ValueNode *node = nullptr;
    const auto document = parseLiteral(literal, &node);
    Value value;
    const bool ok = valueFromAst(*node, type(typeName), Json::parse(variables), value);
    QCOMPARE(ok ? Json::serialize(value) : QByteArray("invalid"), expected);
}

void TestCoercion::scalarLiteralErrors_data()
{
    QTest::addColumn<QByteArray>("typeName");
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<QString>("message");

    // What parseLiteral throws in graphql-js; the validator reports these messages.
    QTest::newRow("Int 1.5") << QByteArray("Int") << QByteArray("1.5") << QString::fromUtf8("Int cannot represent non-integer value: 1.5");
    QTest::newRow("Int \"1\"") << QByteArray("Int") << QByteArray("\"1\"") << QString::fromUtf8("Int cannot represent non-integer value: \"1\"");
    QTest::newRow("Int [1]") << QByteArray("Int") << QByteArray("[1]") << QString::fromUtf8("Int cannot represent non-integer value: [1]");
    QTest::newRow("Int {a: 1}") << QByteArray("Int") << QByteArray("{a: 1}") << QString::fromUtf8("Int cannot represent non-integer value: {a: 1}");
    QTest::newRow("Int true") << QByteArray("Int") << QByteArray("true") << QString::fromUtf8("Int cannot represent non-integer value: true");
    QTest::newRow("Int 2147483648") << QByteArray("Int") << QByteArray("2147483648") << QString::fromUtf8("Int cannot represent non 32-bit signed integer value: 2147483648");
    QTest::newRow("Int -2147483649") << QByteArray("Int") << QByteArray("-2147483649") << QString::fromUtf8("Int cannot represent non 32-bit signed integer value: -2147483649");
    QTest::newRow("Float \"1.5\"") << QByteArray("Float") << QByteArray("\"1.5\"") << QString::fromUtf8("Float cannot represent non numeric value: \"1.5\"");
    QTest::newRow("Float true") << QByteArray("Float") << QByteArray("true") << QString::fromUtf8("Float cannot represent non numeric value: true");
    QTest::newRow("Float NAN") << QByteArray("Float") << QByteArray("NAN") << QString::fromUtf8("Float cannot represent non numeric value: NAN");
    QTest::newRow("String 1") << QByteArray("String") << QByteArray("1") << QString::fromUtf8("String cannot represent a non string value: 1");
    QTest::newRow("String true") << QByteArray("String") << QByteArray("true") << QString::fromUtf8("String cannot represent a non string value: true");
    QTest::newRow("String [\"a\"]") << QByteArray("String") << QByteArray("[\"a\"]") << QString::fromUtf8("String cannot represent a non string value: [\"a\"]");
    QTest::newRow("String null") << QByteArray("String") << QByteArray("null") << QString::fromUtf8("String cannot represent a non string value: null");
    QTest::newRow("Boolean 1") << QByteArray("Boolean") << QByteArray("1") << QString::fromUtf8("Boolean cannot represent a non boolean value: 1");
    QTest::newRow("Boolean \"false\"") << QByteArray("Boolean") << QByteArray("\"false\"") << QString::fromUtf8("Boolean cannot represent a non boolean value: \"false\"");
    QTest::newRow("Boolean TRUE") << QByteArray("Boolean") << QByteArray("TRUE") << QString::fromUtf8("Boolean cannot represent a non boolean value: TRUE");
    QTest::newRow("ID 1.5") << QByteArray("ID") << QByteArray("1.5") << QString::fromUtf8("ID cannot represent a non-string and non-integer value: 1.5");
    QTest::newRow("ID true") << QByteArray("ID") << QByteArray("true") << QString::fromUtf8("ID cannot represent a non-string and non-integer value: true");
    QTest::newRow("ID ABC") << QByteArray("ID") << QByteArray("ABC") << QString::fromUtf8("ID cannot represent a non-string and non-integer value: ABC");
    QTest::newRow("ID [\"a\"]") << QByteArray("ID") << QByteArray("[\"a\"]") << QString::fromUtf8("ID cannot represent a non-string and non-integer value: [\"a\"]");
    QTest::newRow("ID {id: 1}") << QByteArray("ID") << QByteArray("{id: 1}") << QString::fromUtf8("ID cannot represent a non-string and non-integer value: {id: 1}");
    QTest::newRow("Color \"RED\"") << QByteArray("Color") << QByteArray("\"RED\"") << QString::fromUtf8("Enum \"Color\" cannot represent non-enum value: \"RED\". Did you mean the enum value \"RED\" or \"GREEN\"?");
    QTest::newRow("Color red") << QByteArray("Color") << QByteArray("red") << QString::fromUtf8("Value \"red\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?");
    QTest::newRow("Color PURPLE") << QByteArray("Color") << QByteArray("PURPLE") << QString::fromUtf8("Value \"PURPLE\" does not exist in \"Color\" enum.");
    QTest::newRow("Color 1") << QByteArray("Color") << QByteArray("1") << QString::fromUtf8("Enum \"Color\" cannot represent non-enum value: 1.");
    QTest::newRow("Color \"BLUE\"") << QByteArray("Color") << QByteArray("\"BLUE\"") << QString::fromUtf8("Enum \"Color\" cannot represent non-enum value: \"BLUE\". Did you mean the enum value \"BLUE\"?");
    QTest::newRow("Color [RED]") << QByteArray("Color") << QByteArray("[RED]") << QString::fromUtf8("Enum \"Color\" cannot represent non-enum value: [RED]. Did you mean the enum value \"RED\" or \"GREEN\"?");
    QTest::newRow("Color GREN") << QByteArray("Color") << QByteArray("GREN") << QString::fromUtf8("Value \"GREN\" does not exist in \"Color\" enum. Did you mean the enum value \"GREEN\" or \"RED\"?");
    QTest::newRow("Int \"\"\"block\"\"\"") << QByteArray("Int") << QByteArray("\"\"\"block\"\"\"") << QString::fromUtf8("Int cannot represent non-integer value: \"\"\"block\"\"\"");
}

void TestCoercion::scalarLiteralErrors()
{
    QFETCH(QByteArray, typeName);
    QFETCH(QByteArray, literal);
    QFETCH(QString, message);

    const Ast::ValueNode *node = nullptr;
    const auto document = parseLiteral(literal, &node);
    Value value;
    QString error;
    QVERIFY(!type(typeName)->parseLiteral(*node, Value(), value, error));
    QCOMPARE(error, message);
}

void TestCoercion::serialize_data()
{
    QTest::addColumn<QByteArray>("typeName");
    QTest::addColumn<QByteArray>("internal");
    QTest::addColumn<QString>("expected"); // the result as JSON, or "error: " and the message

    // Result coercion (GraphQLScalarType.serialize).
    QTest::newRow("int") << QByteArray("Int") << QByteArray("7") << QString::fromUtf8("7");
    QTest::newRow("int from float") << QByteArray("Int") << QByteArray("7.0") << QString::fromUtf8("7");
    QTest::newRow("int from fraction") << QByteArray("Int") << QByteArray("7.5") << QString::fromUtf8("error: Int cannot represent non-integer value: 7.5");
    QTest::newRow("int from numeric string") << QByteArray("Int") << QByteArray("\"42\"") << QString::fromUtf8("42");
    QTest::newRow("int from padded string") << QByteArray("Int") << QByteArray("\" 42 \"") << QString::fromUtf8("42");
    QTest::newRow("int from exponent string") << QByteArray("Int") << QByteArray("\"1e3\"") << QString::fromUtf8("1000");
    QTest::newRow("int from empty string") << QByteArray("Int") << QByteArray("\"\"") << QString::fromUtf8("error: Int cannot represent non-integer value: \"\"");
    QTest::newRow("int from word") << QByteArray("Int") << QByteArray("\"abc\"") << QString::fromUtf8("error: Int cannot represent non-integer value: \"abc\"");
    QTest::newRow("int from true") << QByteArray("Int") << QByteArray("true") << QString::fromUtf8("1");
    QTest::newRow("int from false") << QByteArray("Int") << QByteArray("false") << QString::fromUtf8("0");
    QTest::newRow("int too large") << QByteArray("Int") << QByteArray("2147483648") << QString::fromUtf8("error: Int cannot represent non 32-bit signed integer value: 2147483648");
    QTest::newRow("int from list") << QByteArray("Int") << QByteArray("[1]") << QString::fromUtf8("error: Int cannot represent non-integer value: [1]");
    QTest::newRow("int from object") << QByteArray("Int") << QByteArray("{\"a\":1}") << QString::fromUtf8("error: Int cannot represent non-integer value: { a: 1 }");
    QTest::newRow("float") << QByteArray("Float") << QByteArray("1.5") << QString::fromUtf8("1.5");
    QTest::newRow("float from int") << QByteArray("Float") << QByteArray("2") << QString::fromUtf8("2");
    QTest::newRow("float from string") << QByteArray("Float") << QByteArray("\"1.5\"") << QString::fromUtf8("1.5");
    QTest::newRow("float from word") << QByteArray("Float") << QByteArray("\"x\"") << QString::fromUtf8("error: Float cannot represent non numeric value: \"x\"");
    QTest::newRow("float from true") << QByteArray("Float") << QByteArray("true") << QString::fromUtf8("1");
    QTest::newRow("float from list") << QByteArray("Float") << QByteArray("[]") << QString::fromUtf8("error: Float cannot represent non numeric value: []");
    QTest::newRow("string") << QByteArray("String") << QByteArray("\"s\"") << QString::fromUtf8("\"s\"");
    QTest::newRow("string from int") << QByteArray("String") << QByteArray("12") << QString::fromUtf8("\"12\"");
    QTest::newRow("string from float") << QByteArray("String") << QByteArray("1.5") << QString::fromUtf8("\"1.5\"");
    QTest::newRow("string from large float") << QByteArray("String") << QByteArray("1e21") << QString::fromUtf8("\"1e+21\"");
    QTest::newRow("string from true") << QByteArray("String") << QByteArray("true") << QString::fromUtf8("\"true\"");
    QTest::newRow("string from list") << QByteArray("String") << QByteArray("[\"a\"]") << QString::fromUtf8("error: String cannot represent value: [\"a\"]");
    QTest::newRow("string from object") << QByteArray("String") << QByteArray("{}") << QString::fromUtf8("error: String cannot represent value: {}");
    QTest::newRow("boolean") << QByteArray("Boolean") << QByteArray("true") << QString::fromUtf8("true");
    QTest::newRow("boolean from zero") << QByteArray("Boolean") << QByteArray("0") << QString::fromUtf8("false");
    QTest::newRow("boolean from number") << QByteArray("Boolean") << QByteArray("-2.5") << QString::fromUtf8("true");
    QTest::newRow("boolean from string") << QByteArray("Boolean") << QByteArray("\"true\"") << QString::fromUtf8("error: Boolean cannot represent a non boolean value: \"true\"");
    QTest::newRow("boolean from list") << QByteArray("Boolean") << QByteArray("[true]") << QString::fromUtf8("error: Boolean cannot represent a non boolean value: [true]");
    QTest::newRow("id") << QByteArray("ID") << QByteArray("\"x\"") << QString::fromUtf8("\"x\"");
    QTest::newRow("id from int") << QByteArray("ID") << QByteArray("10") << QString::fromUtf8("\"10\"");
    QTest::newRow("id from integral float") << QByteArray("ID") << QByteArray("10.0") << QString::fromUtf8("\"10\"");
    QTest::newRow("id from fraction") << QByteArray("ID") << QByteArray("10.5") << QString::fromUtf8("error: ID cannot represent value: 10.5");
    QTest::newRow("id from true") << QByteArray("ID") << QByteArray("true") << QString::fromUtf8("error: ID cannot represent value: true");
    QTest::newRow("id from object") << QByteArray("ID") << QByteArray("{\"id\":1}") << QString::fromUtf8("error: ID cannot represent value: { id: 1 }");
    QTest::newRow("enum") << QByteArray("Color") << QByteArray("\"RED\"") << QString::fromUtf8("\"RED\"");
    QTest::newRow("enum unknown") << QByteArray("Color") << QByteArray("\"PINK\"") << QString::fromUtf8("error: Enum \"Color\" cannot represent value: \"PINK\"");
    QTest::newRow("enum from int") << QByteArray("Color") << QByteArray("1") << QString::fromUtf8("error: Enum \"Color\" cannot represent value: 1");
}

void TestCoercion::serialize()
{
    QFETCH(QByteArray, typeName);
    QFETCH(QByteArray, internal);
    QFETCH(QString, expected);

    Value out;
    QString error;
    const bool ok = type(typeName)->serialize(Json::parse(internal), out, error);
    QCOMPARE(ok ? QString::fromUtf8(Json::serialize(out)) : QLatin1String("error: ") + error, expected);
}

void TestCoercion::astFromValue_data()
{
    QTest::addColumn<QByteArray>("typeName");
    QTest::addColumn<QByteArray>("internal");
    QTest::addColumn<QString>("printed"); // "none" where graphql-js returns null or throws

    QTest::newRow("int") << QByteArray("Int") << QByteArray("5") << QString::fromUtf8("5");
    QTest::newRow("int from integral float") << QByteArray("Int") << QByteArray("5.0") << QString::fromUtf8("5");
    QTest::newRow("float") << QByteArray("Float") << QByteArray("2.5") << QString::fromUtf8("2.5");
    QTest::newRow("float integral") << QByteArray("Float") << QByteArray("2.0") << QString::fromUtf8("2");
    QTest::newRow("float exponent") << QByteArray("Float") << QByteArray("1e25") << QString::fromUtf8("1e+25");
    QTest::newRow("float tiny") << QByteArray("Float") << QByteArray("1e-7") << QString::fromUtf8("1e-7");
    QTest::newRow("string") << QByteArray("String") << QByteArray("\"a\\\"b\\n\\u0001é\"") << QString::fromUtf8("\"a\\\"b\\n\\u0001é\"");
    QTest::newRow("boolean") << QByteArray("Boolean") << QByteArray("false") << QString::fromUtf8("false");
    QTest::newRow("id string") << QByteArray("ID") << QByteArray("\"abc\"") << QString::fromUtf8("\"abc\"");
    QTest::newRow("id integer string") << QByteArray("ID") << QByteArray("\"123\"") << QString::fromUtf8("123");
    QTest::newRow("id leading zero") << QByteArray("ID") << QByteArray("\"0123\"") << QString::fromUtf8("\"0123\"");
    QTest::newRow("id negative") << QByteArray("ID") << QByteArray("\"-1\"") << QString::fromUtf8("-1");
    QTest::newRow("id int") << QByteArray("ID") << QByteArray("7") << QString::fromUtf8("7");
    QTest::newRow("enum") << QByteArray("Color") << QByteArray("\"BLUE\"") << QString::fromUtf8("BLUE");
    QTest::newRow("enum unknown") << QByteArray("Color") << QByteArray("\"PINK\"") << QString::fromUtf8("none");
    QTest::newRow("null") << QByteArray("Int") << QByteArray("null") << QString::fromUtf8("null");
    QTest::newRow("null for non-null") << QByteArray("Int!") << QByteArray("null") << QString::fromUtf8("none");
    QTest::newRow("non-null") << QByteArray("Int!") << QByteArray("3") << QString::fromUtf8("3");
    QTest::newRow("list") << QByteArray("[Int]") << QByteArray("[1, 2]") << QString::fromUtf8("[1, 2]");
    QTest::newRow("list promotion") << QByteArray("[Int]") << QByteArray("1") << QString::fromUtf8("1");
    QTest::newRow("list with null item") << QByteArray("[Int]") << QByteArray("[1, null]") << QString::fromUtf8("[1, null]");
    QTest::newRow("list with invalid item") << QByteArray("[Int]") << QByteArray("[1, \"x\", 3]") << QString::fromUtf8("none");
    QTest::newRow("non-null list items") << QByteArray("[Int!]") << QByteArray("[1, null]") << QString::fromUtf8("[1]");
    QTest::newRow("input object") << QByteArray("Point") << QByteArray("{\"x\": 1, \"label\": \"l\"}") << QString::fromUtf8("{x: 1, label: \"l\"}");
    QTest::newRow("input object field order") << QByteArray("Point") << QByteArray("{\"label\": \"l\", \"y\": 2, \"x\": 1}") << QString::fromUtf8("{x: 1, y: 2, label: \"l\"}");
    QTest::newRow("input object unknown field") << QByteArray("Point") << QByteArray("{\"x\": 1, \"zz\": 2}") << QString::fromUtf8("{x: 1}");
    QTest::newRow("input object from string") << QByteArray("Point") << QByteArray("\"x\"") << QString::fromUtf8("none");
    QTest::newRow("nested input") << QByteArray("Filter") << QByteArray("{\"point\": {\"x\": 1}, \"ids\": [\"1\", \"a\"], \"color\": \"GREEN\"}") << QString::fromUtf8("{color: GREEN, ids: [1, \"a\"], point: {x: 1}}");
    QTest::newRow("invalid scalar value") << QByteArray("Int") << QByteArray("\"abc\"") << QString::fromUtf8("none");
    QTest::newRow("custom scalar") << QByteArray("Json") << QByteArray("{\"a\": [1]}") << QString::fromUtf8("none");
}

void TestCoercion::astFromValue()
{
    QFETCH(QByteArray, typeName);
    QFETCH(QByteArray, internal);
    QFETCH(QString, printed);

    Ast::ValueNode node;
    const bool ok = Subscriptor::GraphQL::astFromValue(Json::parse(internal), type(typeName), node);
    QCOMPARE(ok ? QString::fromUtf8(AstPrinter::printValue(node)) : QStringLiteral("none"), printed);
}

void TestCoercion::inspect_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("null") << QByteArray("null") << QString::fromUtf8("null");
    QTest::newRow("true") << QByteArray("true") << QString::fromUtf8("true");
    QTest::newRow("int") << QByteArray("-12") << QString::fromUtf8("-12");
    QTest::newRow("float") << QByteArray("1.5") << QString::fromUtf8("1.5");
    QTest::newRow("float exponent") << QByteArray("1e-7") << QString::fromUtf8("1e-7");
    QTest::newRow("integral float") << QByteArray("2.0") << QString::fromUtf8("2");
    QTest::newRow("string") << QByteArray("\"a\\\"b\\n\"") << QString::fromUtf8("\"a\\\"b\\n\"");
    QTest::newRow("non-ascii string") << QByteArray("\"é😀\"") << QString::fromUtf8("\"é😀\"");
    QTest::newRow("empty list") << QByteArray("[]") << QString::fromUtf8("[]");
    QTest::newRow("list") << QByteArray("[1, \"a\", null]") << QString::fromUtf8("[1, \"a\", null]");
    QTest::newRow("empty object") << QByteArray("{}") << QString::fromUtf8("{}");
    QTest::newRow("object") << QByteArray("{\"a\": 1, \"b\": \"c\"}") << QString::fromUtf8("{ a: 1, b: \"c\" }");
    QTest::newRow("nested") << QByteArray("{\"a\": {\"b\": {\"c\": 1}}}") << QString::fromUtf8("{ a: { b: [Object] } }");
    QTest::newRow("too deep") << QByteArray("{\"a\": {\"b\": {\"c\": {\"d\": 1}}}}") << QString::fromUtf8("{ a: { b: [Object] } }");
    QTest::newRow("deep lists") << QByteArray("[[[[1]]]]") << QString::fromUtf8("[[[Array]]]");
    QTest::newRow("deep empty containers") << QByteArray("[[[[], {}]]]") << QString::fromUtf8("[[[Array]]]");
    QTest::newRow("ten items") << QByteArray("[1,2,3,4,5,6,7,8,9,10]") << QString::fromUtf8("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]");
    QTest::newRow("eleven items") << QByteArray("[1,2,3,4,5,6,7,8,9,10,11]") << QString::fromUtf8("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 1 more item]");
    QTest::newRow("twelve items") << QByteArray("[1,2,3,4,5,6,7,8,9,10,11,12]") << QString::fromUtf8("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ... 2 more items]");
    QTest::newRow("object keys unquoted") << QByteArray("{\"with space\": 1, \"é\": 2}") << QString::fromUtf8("{ with space: 1, é: 2 }");
}

void TestCoercion::inspect()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QCOMPARE(Subscriptor::GraphQL::inspect(Json::parse(json)), expected);
}

void TestCoercion::arguments_data()
{
    QTest::addColumn<QByteArray>("definitions");
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("inputs");
    QTest::addColumn<QString>("expected"); // the arguments as JSON, or "error: " with message and location

    QTest::newRow("no arguments") << QByteArray("") << QByteArray("f") << QByteArray("{}")
        << QString::fromUtf8("{}");
    QTest::newRow("every scalar") << QByteArray("") << QByteArray("f(i: 1, fl: 2.5, s: \"x\", b: true, id: 4, c: GREEN, j: {a: 1})") << QByteArray("{}")
        << QString::fromUtf8("{\"i\":1,\"fl\":2.5,\"s\":\"x\",\"b\":true,\"id\":\"4\",\"c\":\"GREEN\",\"j\":{\"a\":1}}");
    QTest::newRow("argument order is the definition order") << QByteArray("") << QByteArray("f(s: \"x\", i: 1)") << QByteArray("{}")
        << QString::fromUtf8("{\"i\":1,\"s\":\"x\"}");
    QTest::newRow("explicit null") << QByteArray("") << QByteArray("f(i: null)") << QByteArray("{}")
        << QString::fromUtf8("{\"i\":null}");
    QTest::newRow("list promotion") << QByteArray("") << QByteArray("f(li: 3)") << QByteArray("{}")
        << QString::fromUtf8("{\"li\":[3]}");
    QTest::newRow("input object defaults") << QByteArray("") << QByteArray("f(p: {x: 1}, fi: {})") << QByteArray("{}")
        << QString::fromUtf8("{\"p\":{\"x\":1,\"y\":0},\"fi\":{\"color\":\"RED\",\"point\":{\"x\":1,\"y\":0},\"tags\":[\"a\"]}}");
    QTest::newRow("default used when missing") << QByteArray("") << QByteArray("g(ni: 1, nl: [])") << QByteArray("{}")
        << QString::fromUtf8("{\"ni\":1,\"dflt\":5,\"nl\":[]}");
    QTest::newRow("default overridden") << QByteArray("") << QByteArray("g(ni: 1, dflt: 9, nl: [])") << QByteArray("{}")
        << QString::fromUtf8("{\"ni\":1,\"dflt\":9,\"nl\":[]}");
    QTest::newRow("default overridden by null") << QByteArray("") << QByteArray("g(ni: 1, dflt: null, nl: [])") << QByteArray("{}")
        << QString::fromUtf8("{\"ni\":1,\"dflt\":null,\"nl\":[]}");
    QTest::newRow("required missing") << QByteArray("") << QByteArray("g(nl: [])") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"ni\" of required type \"Int!\" was not provided. @1:10");
    QTest::newRow("required null") << QByteArray("") << QByteArray("g(ni: null, nl: [])") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"ni\" of non-null type \"Int!\" must not be null. @1:16");
    QTest::newRow("required list null") << QByteArray("") << QByteArray("g(ni: 1, nl: null)") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"nl\" of non-null type \"[Int]!\" must not be null. @1:23");
    QTest::newRow("invalid literal") << QByteArray("") << QByteArray("f(i: \"one\")") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"i\" has invalid value \"one\". @1:15");
    QTest::newRow("invalid enum literal") << QByteArray("") << QByteArray("f(c: \"RED\")") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"c\" has invalid value \"RED\". @1:15");
    QTest::newRow("invalid nested literal") << QByteArray("") << QByteArray("f(p: {x: \"1\"})") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"p\" has invalid value {x: \"1\"}. @1:15");
    QTest::newRow("invalid list item") << QByteArray("") << QByteArray("f(lni: [1, null])") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"lni\" has invalid value [1, null]. @1:17");
    QTest::newRow("int overflow literal") << QByteArray("") << QByteArray("f(i: 3000000000)") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"i\" has invalid value 3000000000. @1:15");
    QTest::newRow("variables") << QByteArray("$i: Int, $c: Color, $p: Point") << QByteArray("f(i: $i, c: $c, p: $p)") << QByteArray("{\"i\": 5, \"c\": \"BLUE\", \"p\": {\"x\": 1}}")
        << QString::fromUtf8("{\"i\":5,\"c\":\"BLUE\",\"p\":{\"x\":1,\"y\":0}}");
    QTest::newRow("missing variable for optional") << QByteArray("$i: Int") << QByteArray("f(i: $i)") << QByteArray("{}")
        << QString::fromUtf8("{}");
    QTest::newRow("missing variable uses default") << QByteArray("$d: Int") << QByteArray("g(ni: 1, dflt: $d, nl: [])") << QByteArray("{}")
        << QString::fromUtf8("{\"ni\":1,\"dflt\":5,\"nl\":[]}");
    QTest::newRow("null variable overrides default") << QByteArray("$d: Int") << QByteArray("g(ni: 1, dflt: $d, nl: [])") << QByteArray("{\"d\": null}")
        << QString::fromUtf8("{\"ni\":1,\"dflt\":null,\"nl\":[]}");
    QTest::newRow("missing variable for required") << QByteArray("$n: Int") << QByteArray("g(ni: $n, nl: [])") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"ni\" of required type \"Int!\" was provided the variable \"$n\" which was not provided a runtime value. @1:25");
    QTest::newRow("null variable for required") << QByteArray("$n: Int") << QByteArray("g(ni: $n, nl: [])") << QByteArray("{\"n\": null}")
        << QString::fromUtf8("error: Argument \"ni\" of non-null type \"Int!\" must not be null. @1:25");
    QTest::newRow("variables inside values") << QByteArray("$x: Int, $t: String") << QByteArray("f(p: {x: $x, label: $t}, li: [1, $x], lni: [$x])") << QByteArray("{\"x\": 2}")
        << QString::fromUtf8("{\"p\":{\"x\":2,\"y\":0},\"li\":[1,2],\"lni\":[2]}");
    QTest::newRow("missing variable inside non-null list") << QByteArray("$x: Int") << QByteArray("f(lni: [1, $x])") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"lni\" has invalid value [1, $x]. @1:26");
    QTest::newRow("required input object") << QByteArray("") << QByteArray("g(ni: 1, nl: [], r: {a: 1, b: \"s\"})") << QByteArray("{}")
        << QString::fromUtf8("{\"ni\":1,\"dflt\":5,\"nl\":[],\"r\":{\"a\":1,\"b\":[\"s\"]}}");
    QTest::newRow("required input object incomplete") << QByteArray("") << QByteArray("g(ni: 1, nl: [], r: {a: 1})") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"r\" has invalid value {a: 1}. @1:30");
    QTest::newRow("located on its value") << QByteArray("") << QByteArray("f(\n  i: 1\n  s: 2\n)") << QByteArray("{}")
        << QString::fromUtf8("error: Argument \"s\" has invalid value 2. @3:6");
}

void TestCoercion::arguments()
{
    QFETCH(QByteArray, definitions);
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, inputs);
    QFETCH(QString, expected);

    const QByteArray source = "query " + (definitions.isEmpty() ? QByteArray() : '(' + definitions + ')') + " { " + field + " }";
    const ParseResult parsed = Parser::parse(source);
    QVERIFY2(parsed.document, qPrintable(parsed.error->message));
    const Ast::OperationDefinition &operation = parsed.document->operations.at(0);
    Value variables;
    ErrorList variableErrors;
    QVERIFY(coerceVariableValues(schema(), operation.variables, Json::parse(inputs), variables, variableErrors));

    const Ast::Selection &selection = operation.selectionSet.at(0);
    const Field *definition = schema().queryType()->field(selection.name.value);
    Value coerced;
    Error error;
    const bool ok = coerceArgumentValues(definition->arguments, selection.arguments, variables, selection.location, coerced, error);
    QCOMPARE(ok ? QString::fromUtf8(Json::serialize(coerced)) : QLatin1String("error: ") + error.message + at(error.locations),
             expected);
}

void TestCoercion::enumInternalValues()
{
    // Enum values may stand for other internal values (graphql-js GraphQLEnumType `value`).
    const Type *level = type("Level");
    Value out;
    QString error;
    QVERIFY(level->parseValue(QStringLiteral("HIGH"), out, error));
    QCOMPARE(out, Value(2));

    const Ast::ValueNode *node = nullptr;
    const auto document = parseLiteral("LOW", &node);
    QVERIFY(level->parseLiteral(*node, Value(), out, error));
    QCOMPARE(out, Value(1));

    QVERIFY(level->serialize(Value(2), out, error));
    QCOMPARE(out, Value(QStringLiteral("HIGH")));
    QVERIFY(!level->serialize(QStringLiteral("LOW"), out, error));
    QCOMPARE(error, QStringLiteral("Enum \"Level\" cannot represent value: \"LOW\""));

    Ast::ValueNode literal;
    QVERIFY(Subscriptor::GraphQL::astFromValue(Value(1), level, literal));
    QCOMPARE(AstPrinter::printValue(literal), QByteArray("LOW"));
    QVERIFY(!Subscriptor::GraphQL::astFromValue(QStringLiteral("LOW"), level, literal));

    const ParseResult parsed = Parser::parse("query ($l: [Level] = [HIGH]) { f }");
    Value variables;
    ErrorList errors;
    QVERIFY(coerceVariableValues(schema(), parsed.document->operations.at(0).variables, Value(), variables, errors));
    QCOMPARE(Json::serialize(variables), QByteArray("{\"l\":[2]}"));
}

void TestCoercion::printInputPath_data()
{
    QTest::addColumn<Value>("path");
    QTest::addColumn<QString>("printed");

    QTest::newRow("empty") << Value(Value::List()) << QString();
    QTest::newRow("field") << Value(Value::List{QStringLiteral("a")}) << QStringLiteral(".a");
    QTest::newRow("index") << Value(Value::List{0}) << QStringLiteral("[0]");
    QTest::newRow("mixed") << Value(Value::List{QStringLiteral("a"), 3, QStringLiteral("b"), 0, 1})
                           << QStringLiteral(".a[3].b[0][1]");
}

void TestCoercion::printInputPath()
{
    QFETCH(Value, path);
    QFETCH(QString, printed);
    QCOMPARE(Subscriptor::GraphQL::printInputPath(path.toList()), printed);
}

QTEST_APPLESS_MAIN(TestCoercion)

#include "tst_coercion.moc"

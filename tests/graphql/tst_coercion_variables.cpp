// SPDX-License-Identifier: MIT
// Input coercion against graphql-js 16 (expected values come from graphql-js with the same schema
// in SDL): variables (getVariableValues) with the built-in scalars, enums, input objects with
// defaults and list promotion, and the error limit; then arguments (getArgumentValues), from
// literals and from variables; with graphql-js's messages, paths and locations.
#include "coercion.h"
#include "coerciontestsupport.h"
#include "json.h"
#include "parser.h"
#include "schema.h"
#include "textlines.h"
#include "values.h"

#include <QTest>

using namespace Subscriptor::GraphQL;
using namespace Subscriptor::Tests;

namespace {

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

} // namespace

class TestCoercionVariables final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void variables_data();
    void variables();
    void variableErrorLimit_data();
    void variableErrorLimit();
    void arguments_data();
    void arguments();
};

void TestCoercionVariables::variables_data()
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

void TestCoercionVariables::variables()
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

void TestCoercionVariables::variableErrorLimit_data()
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

void TestCoercionVariables::variableErrorLimit()
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

void TestCoercionVariables::arguments_data()
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

void TestCoercionVariables::arguments()
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

QTEST_APPLESS_MAIN(TestCoercionVariables)

#include "tst_coercion_variables.moc"

// SPDX-License-Identifier: MIT
// Literal coercion against graphql-js 16 (expected values come from graphql-js with the same schema
// in SDL): literals as values of every input type (valueFromAST), with the variables inside them,
// and the messages of the built-in scalars and enums for the literals they refuse (parseLiteral).
#include "coercion.h"
#include "coerciontestsupport.h"
#include "json.h"
#include "schema.h"

#include <QTest>

using namespace Subscriptor::GraphQL;
using namespace Subscriptor::Tests;

class TestCoercionLiterals final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void literals_data();
    void literals();
    void scalarLiteralErrors_data();
    void scalarLiteralErrors();
};

void TestCoercionLiterals::literals_data()
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

void TestCoercionLiterals::literals()
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

void TestCoercionLiterals::scalarLiteralErrors_data()
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

void TestCoercionLiterals::scalarLiteralErrors()
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

QTEST_APPLESS_MAIN(TestCoercionLiterals)

#include "tst_coercion_literals.moc"

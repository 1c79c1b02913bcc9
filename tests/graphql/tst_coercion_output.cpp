// SPDX-License-Identifier: MIT
// Values going out, against graphql-js 16 (expected values come from graphql-js with the same
// schema in SDL): result coercion of the built-in scalars and enums (serialize), astFromValue,
// inspect and printInputPath, and enum values that stand for other internal values, both ways.
#include "astprinter.h"
#include "coercion.h"
#include "coerciontestsupport.h"
#include "json.h"
#include "parser.h"
#include "schema.h"
#include "values.h"

#include <QTest>

using namespace Subscriptor::GraphQL;
using namespace Subscriptor::Tests;

Q_DECLARE_METATYPE(Subscriptor::GraphQL::Value)

class TestCoercionOutput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serialize_data();
    void serialize();
    void astFromValue_data();
    void astFromValue();
    void inspect_data();
    void inspect();
    void enumInternalValues();
    void printInputPath_data();
    void printInputPath();
};

void TestCoercionOutput::serialize_data()
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

void TestCoercionOutput::serialize()
{
    QFETCH(QByteArray, typeName);
    QFETCH(QByteArray, internal);
    QFETCH(QString, expected);

    Value out;
    QString error;
    const bool ok = type(typeName)->serialize(Json::parse(internal), out, error);
    QCOMPARE(ok ? QString::fromUtf8(Json::serialize(out)) : QLatin1String("error: ") + error, expected);
}

void TestCoercionOutput::astFromValue_data()
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

void TestCoercionOutput::astFromValue()
{
    QFETCH(QByteArray, typeName);
    QFETCH(QByteArray, internal);
    QFETCH(QString, printed);

    Ast::ValueNode node;
    const bool ok = Subscriptor::GraphQL::astFromValue(Json::parse(internal), type(typeName), node);
    QCOMPARE(ok ? QString::fromUtf8(AstPrinter::printValue(node)) : QStringLiteral("none"), printed);
}

void TestCoercionOutput::inspect_data()
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

void TestCoercionOutput::inspect()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QCOMPARE(Subscriptor::GraphQL::inspect(Json::parse(json)), expected);
}

void TestCoercionOutput::enumInternalValues()
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

void TestCoercionOutput::printInputPath_data()
{
    QTest::addColumn<Value>("path");
    QTest::addColumn<QString>("printed");

    QTest::newRow("empty") << Value(Value::List()) << QString();
    QTest::newRow("field") << Value(Value::List{QStringLiteral("a")}) << QStringLiteral(".a");
    QTest::newRow("index") << Value(Value::List{0}) << QStringLiteral("[0]");
    QTest::newRow("mixed") << Value(Value::List{QStringLiteral("a"), 3, QStringLiteral("b"), 0, 1})
                           << QStringLiteral(".a[3].b[0][1]");
}

void TestCoercionOutput::printInputPath()
{
    QFETCH(Value, path);
    QFETCH(QString, printed);
    QCOMPARE(Subscriptor::GraphQL::printInputPath(path.toList()), printed);
}

QTEST_APPLESS_MAIN(TestCoercionOutput)

#include "tst_coercion_output.moc"

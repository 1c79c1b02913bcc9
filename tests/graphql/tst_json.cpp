// SPDX-License-Identifier: MIT
// Our JSON reader and writer: what JSON.parse/JSON.stringify do (expected texts come from Node),
// Python's json.dumps layout for the seed protocol, number formatting, and the nesting limit.
#include "json.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Subscriptor::GraphQL;

Q_DECLARE_METATYPE(Subscriptor::GraphQL::Value)

namespace {

QByteArray nested(QByteArrayView open, QByteArrayView close, int depth, QByteArrayView middle = {})
{
    QByteArray text;
    text.reserve((open.size() + close.size()) * depth + middle.size());
    for (int i = 0; i < depth; ++i)
        text += open;
    text += middle;
    for (int i = 0; i < depth; ++i)
        text += close;
    return text;
}

} // namespace

class TestJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void pythonStyle_data();
    void pythonStyle();
    void parsedKinds_data();
    void parsedKinds();
    void parseErrors_data();
    void parseErrors();
    void nesting_data();
    void nesting();
    void formatDouble_data();
    void formatDouble();
    void strings_data();
    void strings();
    void valuesWithoutJsonForm();
    void keyOrderAndRepeatedKeys();
    void objectBuilder();
    void valueEquality_data();
    void valueEquality();
    void serializeAppends();
    void valueConversions_data();
    void valueConversions();
};

void TestJson::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");

    // serialize(parse(text)) is JSON.stringify(JSON.parse(text)), except that integers keep all
    // 64 bits (change sequence numbers are 64-bit).
    QTest::newRow("integers") << QByteArray("[0,1,-1,2147483647,-2147483648,9007199254740993]") << QByteArray("[0,1,-1,2147483647,-2147483648,9007199254740993]");
    QTest::newRow("64-bit integer limits") << QByteArray("[9223372036854775807,-9223372036854775808]") << QByteArray("[9223372036854775807,-9223372036854775808]");
    QTest::newRow("integer past 64 bits becomes a float") << QByteArray("[9223372036854775808,12345678901234567890123]") << QByteArray("[9223372036854776000,1.2345678901234568e+22]");
    QTest::newRow("negative zero") << QByteArray("[-0,-0.0,0e5]") << QByteArray("[0,0,0]");
    QTest::newRow("fractions") << QByteArray("[0.1,0.5,1.5,-2.25,3.14159,0.30000000000000004]") << QByteArray("[0.1,0.5,1.5,-2.25,3.14159,0.30000000000000004]");
    QTest::newRow("exponents") << QByteArray("[1e3,1E3,1e+3,1e-3,1.5e-7,123e-20,2.5E+25]") << QByteArray("[1000,1000,1000,0.001,1.5e-7,1.23e-18,2.5e+25]");
    QTest::newRow("javascript number layout") << QByteArray("[1e21,1e20,0.000001,0.0000001,123456789012345680000,1.7976931348623157e308,5e-324]") << QByteArray("[1e+21,100000000000000000000,0.000001,1e-7,123456789012345680000,1.7976931348623157e+308,5e-324]");
    QTest::newRow("floats that are integers") << QByteArray("[1.0,100.00,1e2,-3.0e0]") << QByteArray("[1,100,100,-3]");
    QTest::newRow("overflow and underflow") << QByteArray("[1e400,-1e400,1e-400,-1e-400,2e-324]") << QByteArray("[null,null,0,0,0]");
    QTest::newRow("strings") << QByteArray("[\"\",\"a\",\"with \\\"quotes\\\" and \\\\ backslash\",\"\\/slash\"]") << QByteArray("[\"\",\"a\",\"with \\\"quotes\\\" and \\\\ backslash\",\"/slash\"]");
    QTest::newRow("short escapes") << QByteArray("[\"\\b\\f\\n\\r\\t\"]") << QByteArray("[\"\\b\\f\\n\\r\\t\"]");
    QTest::newRow("control characters") << QByteArray("[\"\\u0000\\u0001\\u001f\\u007f\"]") << QByteArray("[\"\\u0000\\u0001\\u001f\177\"]");
    QTest::newRow("unicode escapes become text") << QByteArray("[\"\\u00e9\\u4e2d\\u20ac\"]") << QByteArray("[\"é中€\"]");
    QTest::newRow("raw utf-8") << QByteArray("[\"é中€😀\"]") << QByteArray("[\"é中€😀\"]");
    QTest::newRow("escaped surrogate pair") << QByteArray("[\"\\ud83d\\ude00\"]") << QByteArray("[\"😀\"]");
    QTest::newRow("lone surrogates stay escaped") << QByteArray("[\"\\ud800\",\"\\udc00x\",\"a\\ud83d\"]") << QByteArray("[\"\\ud800\",\"\\udc00x\",\"a\\ud83d\"]");
    QTest::newRow("line separators are not escaped") << QByteArray("[\"\\u2028\\u2029\"]") << QByteArray("[\"\342\200\250\342\200\251\"]");
    QTest::newRow("literals") << QByteArray("[true,false,null]") << QByteArray("[true,false,null]");
    QTest::newRow("whitespace is dropped") << QByteArray(" { \"a\" : [ 1 , 2 ] ,\n\t\"b\" :\r\n{ } } ") << QByteArray("{\"a\":[1,2],\"b\":{}}");
    QTest::newRow("key order kept") << QByteArray("{\"z\":1,\"a\":2,\"m\":3}") << QByteArray("{\"z\":1,\"a\":2,\"m\":3}");
    QTest::newRow("repeated key keeps last value at first place") << QByteArray("{\"a\":1,\"b\":2,\"a\":3}") << QByteArray("{\"a\":3,\"b\":2}");
    QTest::newRow("repeated keys nested") << QByteArray("{\"x\":{\"k\":1,\"k\":{\"k\":2}},\"x\":[{\"k\":3,\"k\":4}]}") << QByteArray("{\"x\":[{\"k\":4}]}");
    QTest::newRow("keys with escapes") << QByteArray("{\"a\\\"b\":1,\"\\n\":2,\"é\":3,\"\\u0000\":4}") << QByteArray("{\"a\\\"b\":1,\"\\n\":2,\"é\":3,\"\\u0000\":4}");
    QTest::newRow("empty containers") << QByteArray("[[],{},[[]],{\"a\":{}}]") << QByteArray("[[],{},[[]],{\"a\":{}}]");
    QTest::newRow("nested") << QByteArray("{\"data\":{\"users\":[{\"id\":\"1\",\"tags\":[\"a\",\"b\"]},{\"id\":\"2\",\"tags\":[]}]},\"errors\":null}") << QByteArray("{\"data\":{\"users\":[{\"id\":\"1\",\"tags\":[\"a\",\"b\"]},{\"id\":\"2\",\"tags\":[]}]},\"errors\":null}");
}

void TestJson::roundTrip()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);

    Json::ParseError error;
    const Value value = Json::parse(text, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QCOMPARE(Json::serialize(value), expected);
    // What we write, we read back as the same value.
    QCOMPARE(Json::serialize(Json::parse(expected)), expected);
}

void TestJson::pythonStyle_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");

    // json.dumps(json.loads(text)) in Python 3 (the seed's serializer).
    QTest::newRow("separators") << QByteArray("{\"a\":[1,2,{\"b\":null}],\"c\":true}") << QByteArray("{\"a\": [1, 2, {\"b\": null}], \"c\": true}");
    QTest::newRow("non-ascii escaped") << QByteArray("[\"\303\251\344\270\255\342\202\254\"]") << QByteArray("[\"\\u00e9\\u4e2d\\u20ac\"]");
    QTest::newRow("non-bmp as surrogate pair") << QByteArray("[\"\360\237\230\200\"]") << QByteArray("[\"\\ud83d\\ude00\"]");
    QTest::newRow("control characters and del") << QByteArray("[\"\\u0000\\u001f\\u007f\\b\\f\\n\\r\\t\"]") << QByteArray("[\"\\u0000\\u001f\\u007f\\b\\f\\n\\r\\t\"]");
    QTest::newRow("quotes and backslashes") << QByteArray("[\"\\\"\\\\/\"]") << QByteArray("[\"\\\"\\\\/\"]");
    QTest::newRow("non-ascii keys escaped") << QByteArray("{\"\303\251t\303\251\":1,\"k\360\237\230\200\":2}") << QByteArray("{\"\\u00e9t\\u00e9\": 1, \"k\\ud83d\\ude00\": 2}");
    QTest::newRow("empty containers") << QByteArray("[[],{},\"\"]") << QByteArray("[[], {}, \"\"]");
    QTest::newRow("integers") << QByteArray("[0,-1,9223372036854775807]") << QByteArray("[0, -1, 9223372036854775807]");
    QTest::newRow("lone surrogate") << QByteArray("[\"\\ud800x\"]") << QByteArray("[\"\\ud800x\"]");
    QTest::newRow("seed notification") << QByteArray("{\"stream\":\"users\",\"payload\":{\"action\":\"update\",\"data\":{\"id\":1,\"username\":\"j\303\274rgen\"}}}") << QByteArray("{\"stream\": \"users\", \"payload\": {\"action\": \"update\", \"data\": {\"id\": 1, \"username\": \"j\\u00fcrgen\"}}}");
}

void TestJson::pythonStyle()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);

    Json::ParseError error;
    const Value value = Json::parse(text, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QCOMPARE(Json::serialize(value, Json::Style::Python), expected);
    QCOMPARE(Json::parse(expected), value);
}

void TestJson::parsedKinds_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Value>("expected");
    QTest::addColumn<int>("kind");

    using K = Value::Kind;
    QTest::newRow("zero") << QByteArray("0") << Value(0) << int(K::Int);
    QTest::newRow("negative zero is an integer") << QByteArray("-0") << Value(0) << int(K::Int);
    QTest::newRow("int64 max") << QByteArray("9223372036854775807") << Value(std::numeric_limits<qint64>::max()) << int(K::Int);
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << Value(std::numeric_limits<qint64>::min()) << int(K::Int);
    QTest::newRow("past int64 is a float") << QByteArray("9223372036854775808") << Value(9223372036854775808.0) << int(K::Float);
    QTest::newRow("fraction is a float") << QByteArray("1.0") << Value(1.0) << int(K::Float);
    QTest::newRow("exponent is a float") << QByteArray("1e2") << Value(100.0) << int(K::Float);
    QTest::newRow("overflow is infinity") << QByteArray("-1e999") << Value(-std::numeric_limits<double>::infinity()) << int(K::Float);
    QTest::newRow("underflow is zero") << QByteArray("1e-999") << Value(0.0) << int(K::Float);
    QTest::newRow("tiny fraction underflows") << QByteArray("0." + QByteArray(400, '0') + "1") << Value(0.0) << int(K::Float);
    QTest::newRow("long integer overflows") << QByteArray("1" + QByteArray(400, '0')) << Value(std::numeric_limits<double>::infinity())
                                            << int(K::Float);
    QTest::newRow("long integer with negative exponent") << QByteArray("1" + QByteArray(400, '0') + "e-399") << Value(10.0)
                                                         << int(K::Float);
    QTest::newRow("true") << QByteArray("true") << Value(true) << int(K::Bool);
    QTest::newRow("null") << QByteArray(" null ") << Value() << int(K::Null);
    QTest::newRow("string") << QByteArray("\"a\\u00e9\"") << Value(QStringLiteral("a\u00e9")) << int(K::String);
    QTest::newRow("escaped surrogate pair") << QByteArray("\"\\uD83D\\uDE00\"") << Value(QString::fromUtf8("\360\237\230\200"))
                                            << int(K::String);
    QTest::newRow("lone surrogate kept") << QByteArray("\"\\ud800\"") << Value(QString(QChar(0xd800))) << int(K::String);
    QTest::newRow("invalid utf-8 replaced") << QByteArray("\"a\377b\"") << Value(QStringLiteral("a\uFFFDb")) << int(K::String);
    QTest::newRow("escape then raw utf-8") << QByteArray("\"\\n\303\251\"") << Value(QStringLiteral("\n\u00e9")) << int(K::String);
    QTest::newRow("list") << QByteArray("[1, \"x\"]") << Value(Value::List{1, QStringLiteral("x")}) << int(K::List);
    QTest::newRow("object") << QByteArray("{\"k\": [] }")
                            << ObjectBuilder().append("k", Value::List()).build() << int(K::Object);
}

void TestJson::parsedKinds()
{
    QFETCH(QByteArray, text);
    QFETCH(Value, expected);
    QFETCH(int, kind);

    Json::ParseError error;
    const Value value = Json::parse(text, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QCOMPARE(int(value.kind()), kind);
    QVERIFY(value == expected);
    if (value.isFloat() && value.toDouble() == 0)
        QCOMPARE(std::signbit(value.toDouble()), text.startsWith('-'));
}

void TestJson::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qsizetype>("offset");

    QTest::newRow("empty") << QByteArray("") << QStringLiteral("unexpected end of JSON text") << qsizetype(0);
    QTest::newRow("only spaces") << QByteArray("  ") << QStringLiteral("unexpected end of JSON text") << qsizetype(2);
    QTest::newRow("truncated literal") << QByteArray("tru") << QStringLiteral("invalid JSON value") << qsizetype(0);
    QTest::newRow("truncated null") << QByteArray("nul") << QStringLiteral("invalid JSON value") << qsizetype(0);
    QTest::newRow("NaN") << QByteArray("NaN") << QStringLiteral("invalid JSON value") << qsizetype(0);
    QTest::newRow("Infinity") << QByteArray("Infinity") << QStringLiteral("invalid JSON value") << qsizetype(0);
    QTest::newRow("plus sign") << QByteArray("+1") << QStringLiteral("invalid JSON value") << qsizetype(0);
    QTest::newRow("leading dot") << QByteArray(".5") << QStringLiteral("invalid JSON value") << qsizetype(0);
    QTest::newRow("byte order mark") << QByteArray("\357\273\277[]") << QStringLiteral("invalid JSON value") << qsizetype(0);
    QTest::newRow("leading zero") << QByteArray("01") << QStringLiteral("unexpected text after the JSON value") << qsizetype(1);
    QTest::newRow("minus alone") << QByteArray("-") << QStringLiteral("invalid number") << qsizetype(1);
    QTest::newRow("minus in list") << QByteArray("[-]") << QStringLiteral("invalid number") << qsizetype(2);
    QTest::newRow("no fraction digits") << QByteArray("1.") << QStringLiteral("invalid number") << qsizetype(2);
    QTest::newRow("no exponent digits") << QByteArray("1e") << QStringLiteral("invalid number") << qsizetype(2);
    QTest::newRow("trailing comma in list") << QByteArray("[1,]") << QStringLiteral("invalid JSON value") << qsizetype(3);
    QTest::newRow("double comma") << QByteArray("[1,,2]") << QStringLiteral("invalid JSON value") << qsizetype(3);
    QTest::newRow("trailing comma in object") << QByteArray("{\"a\":1,}") << QStringLiteral("expected a string key") << qsizetype(7);
    QTest::newRow("comma first in object") << QByteArray("{,}") << QStringLiteral("expected a string key") << qsizetype(1);
    QTest::newRow("number key") << QByteArray("{1:2}") << QStringLiteral("expected a string key") << qsizetype(1);
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << QStringLiteral("expected ':'") << qsizetype(5);
    QTest::newRow("key without value") << QByteArray("{\"a\"}") << QStringLiteral("expected ':'") << qsizetype(4);
    QTest::newRow("missing comma in list") << QByteArray("[1 2]") << QStringLiteral("expected ',' or ']'") << qsizetype(3);
    QTest::newRow("unclosed list") << QByteArray("[1,2") << QStringLiteral("expected ',' or ']'") << qsizetype(4);
    QTest::newRow("missing comma in object") << QByteArray("{\"a\":1 \"b\":2}") << QStringLiteral("expected ',' or '}'")
                                             << qsizetype(7);
    QTest::newRow("unclosed list at end") << QByteArray("[") << QStringLiteral("unexpected end of JSON text") << qsizetype(1);
    QTest::newRow("object value missing") << QByteArray("{\"a\":") << QStringLiteral("unexpected end of JSON text") << qsizetype(5);
    QTest::newRow("unterminated string") << QByteArray("\"a") << QStringLiteral("unterminated string") << qsizetype(2);
    QTest::newRow("unterminated after escape") << QByteArray("\"\\ud800") << QStringLiteral("unterminated string") << qsizetype(7);
    QTest::newRow("raw newline in string") << QByteArray("\"a\nb\"") << QStringLiteral("control character in string") << qsizetype(2);
    QTest::newRow("raw tab in string") << QByteArray("\"\\n\t\"") << QStringLiteral("control character in string") << qsizetype(3);
    QTest::newRow("unknown escape") << QByteArray("\"\\x\"") << QStringLiteral("invalid escape in string") << qsizetype(3);
    QTest::newRow("single-quote escape") << QByteArray("\"\\'\"") << QStringLiteral("invalid escape in string") << qsizetype(3);
    QTest::newRow("short unicode escape") << QByteArray("\"\\u12\"") << QStringLiteral("invalid \\u escape") << qsizetype(3);
    QTest::newRow("non-hex unicode escape") << QByteArray("\"\\u00G0\"") << QStringLiteral("invalid \\u escape") << qsizetype(3);
    QTest::newRow("text after value") << QByteArray("true false") << QStringLiteral("unexpected text after the JSON value")
                                      << qsizetype(5);
    QTest::newRow("glued text after value") << QByteArray("truex") << QStringLiteral("unexpected text after the JSON value")
                                            << qsizetype(4);
    QTest::newRow("extra bracket") << QByteArray("[1]]") << QStringLiteral("unexpected text after the JSON value") << qsizetype(3);
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << QStringLiteral("expected a string key") << qsizetype(1);
}

void TestJson::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    QFETCH(qsizetype, offset);

    Json::ParseError error;
    const Value value = Json::parse(text, &error);
    QVERIFY(error.isError());
    QCOMPARE(error.message, message);
    QCOMPARE(error.offset, offset);
    QVERIFY(value.isNull());
    QVERIFY(Json::parse(text).isNull()); // no error pointer: still no crash
}

void TestJson::nesting_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qsizetype>("errorOffset"); // -1: parses

    QTest::newRow("256 lists") << nested("[", "]", 256) << qsizetype(-1);
    QTest::newRow("257 lists") << nested("[", "]", 257) << qsizetype(256);
    QTest::newRow("256 objects") << nested("{\"a\":", "}", 256, "1") << qsizetype(-1);
    QTest::newRow("257 objects") << nested("{\"a\":", "}", 257, "1") << qsizetype(256 * 5);
    QTest::newRow("mixed at the limit") << nested("[{\"k\":", "}]", 128, "true") << qsizetype(-1);
    QTest::newRow("mixed past the limit") << nested("[{\"k\":", "}]", 129, "true") << qsizetype(128 * 6);
    QTest::newRow("100000 lists") << QByteArray(100'000, '[') << qsizetype(256);
    QTest::newRow("100000 objects") << nested("{\"a\":", "", 100'000) << qsizetype(256 * 5);
    QTest::newRow("100000 closed lists") << nested("[", "]", 100'000) << qsizetype(256);
    QTest::newRow("wide is fine") << "[" + QByteArray("[],").repeated(100'000) + "[]]" << qsizetype(-1);
}

void TestJson::nesting()
{
    QFETCH(QByteArray, text);
    QFETCH(qsizetype, errorOffset);

    Json::ParseError error;
    const Value value = Json::parse(text, &error);
    if (errorOffset < 0) {
        QVERIFY2(!error.isError(), qPrintable(error.message));
        QCOMPARE(Json::serialize(value), text);
        return;
    }
    QCOMPARE(error.message, QStringLiteral("JSON nested too deeply"));
    QCOMPARE(error.offset, errorOffset);
    QVERIFY(value.isNull());
}

void TestJson::formatDouble_data()
{
    QTest::addColumn<double>("number");
    QTest::addColumn<QByteArray>("expected");

    // String(number) in JavaScript.
    QTest::newRow("0.0") << (0.0) << QByteArray("0");
    QTest::newRow("-0.0") << (-0.0) << QByteArray("0");
    QTest::newRow("1.0") << (1.0) << QByteArray("1");
    QTest::newRow("-1.0") << (-1.0) << QByteArray("-1");
    QTest::newRow("0.1") << (0.1) << QByteArray("0.1");
    QTest::newRow("0.2 + 0.1") << (0.2 + 0.1) << QByteArray("0.30000000000000004");
    QTest::newRow("1.0 / 3.0") << (1.0 / 3.0) << QByteArray("0.3333333333333333");
    QTest::newRow("100.0") << (100.0) << QByteArray("100");
    QTest::newRow("1e20") << (1e20) << QByteArray("100000000000000000000");
    QTest::newRow("1e21") << (1e21) << QByteArray("1e+21");
    QTest::newRow("1.5e21") << (1.5e21) << QByteArray("1.5e+21");
    QTest::newRow("123456789012345680000.0") << (123456789012345680000.0) << QByteArray("123456789012345680000");
    QTest::newRow("1e-6") << (1e-6) << QByteArray("0.000001");
    QTest::newRow("1.5e-6") << (1.5e-6) << QByteArray("0.0000015");
    QTest::newRow("1e-7") << (1e-7) << QByteArray("1e-7");
    QTest::newRow("1.5e-7") << (1.5e-7) << QByteArray("1.5e-7");
    QTest::newRow("-1e-7") << (-1e-7) << QByteArray("-1e-7");
    QTest::newRow("2.5e-5") << (2.5e-5) << QByteArray("0.000025");
    QTest::newRow("5e-324") << (5e-324) << QByteArray("5e-324");
    QTest::newRow("1.7976931348623157e308") << (1.7976931348623157e308) << QByteArray("1.7976931348623157e+308");
    QTest::newRow("4294967296.0") << (4294967296.0) << QByteArray("4294967296");
    QTest::newRow("9007199254740992.0") << (9007199254740992.0) << QByteArray("9007199254740992");
    QTest::newRow("9007199254740993.0") << (9007199254740993.0) << QByteArray("9007199254740992");
    QTest::newRow("0.000123") << (0.000123) << QByteArray("0.000123");
    QTest::newRow("123.456") << (123.456) << QByteArray("123.456");
    QTest::newRow("1e100") << (1e100) << QByteArray("1e+100");
    QTest::newRow("-1e-100") << (-1e-100) << QByteArray("-1e-100");
    QTest::newRow("6.02214076e23") << (6.02214076e23) << QByteArray("6.02214076e+23");
    QTest::newRow("299792458.0") << (299792458.0) << QByteArray("299792458");
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
    QTest::newRow("Infinity") << std::numeric_limits<double>::infinity() << QByteArray("Infinity");
    QTest::newRow("-Infinity") << -std::numeric_limits<double>::infinity() << QByteArray("-Infinity");
}

void TestJson::formatDouble()
{
    QFETCH(double, number);
    QFETCH(QByteArray, expected);
    QCOMPARE(Json::formatDouble(number), expected);
    if (std::isfinite(number)) {
        // JSON.stringify writes the same digits for a Float value, and they read back exactly.
        QCOMPARE(Json::serialize(Value(number)), expected);
        QCOMPARE(Json::parse(expected).toDouble(), number);
    }
}

void TestJson::strings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("compact");
    QTest::addColumn<QByteArray>("python");

    // JSON.stringify(text) and Python's json.dumps(text).
    QTest::newRow("plain") << QStringLiteral("hello") << QByteArray("\"hello\"") << QByteArray("\"hello\"");
    QTest::newRow("empty") << QString() << QByteArray("\"\"") << QByteArray("\"\"");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"")
                                         << QByteArray("\"a\\\"b\\\\c\"");
    QTest::newRow("slash is not escaped") << QStringLiteral("</script>") << QByteArray("\"</script>\"")
                                          << QByteArray("\"</script>\"");
    QTest::newRow("short escapes") << QStringLiteral("\b\f\n\r\t") << QByteArray("\"\\b\\f\\n\\r\\t\"")
                                   << QByteArray("\"\\b\\f\\n\\r\\t\"");
    QTest::newRow("other control characters") << QString(QChar(0)) + QChar(0x1f) << QByteArray("\"\\u0000\\u001f\"")
                                              << QByteArray("\"\\u0000\\u001f\"");
    QTest::newRow("delete") << QString(QChar(0x7f)) << QByteArray("\"\177\"") << QByteArray("\"\\u007f\"");
    QTest::newRow("latin-1") << QStringLiteral("\u00e9\u00ff") << QByteArray("\"\303\251\303\277\"")
                             << QByteArray("\"\\u00e9\\u00ff\"");
    QTest::newRow("bmp") << QStringLiteral("\u4e2d\u20ac\uffff") << QByteArray("\"\344\270\255\342\202\254\357\277\277\"")
                         << QByteArray("\"\\u4e2d\\u20ac\\uffff\"");
    QTest::newRow("non-bmp") << QString::fromUtf8("\360\237\230\200") << QByteArray("\"\360\237\230\200\"")
                             << QByteArray("\"\\ud83d\\ude00\"");
    QTest::newRow("lone leading surrogate") << QString(QChar(0xd83d)) + u'x' << QByteArray("\"\\ud83dx\"")
                                            << QByteArray("\"\\ud83dx\"");
    QTest::newRow("lone trailing surrogate") << u'x' + QString(QChar(0xde00)) << QByteArray("\"x\\ude00\"")
                                             << QByteArray("\"x\\ude00\"");
    QTest::newRow("reversed pair") << QString(QChar(0xde00)) + QChar(0xd83d) << QByteArray("\"\\ude00\\ud83d\"")
                                   << QByteArray("\"\\ude00\\ud83d\"");
    QTest::newRow("surrogate at end") << QStringLiteral("ab") + QChar(0xd800) << QByteArray("\"ab\\ud800\"")
                                      << QByteArray("\"ab\\ud800\"");
}

void TestJson::strings()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, compact);
    QFETCH(QByteArray, python);

    QByteArray out = "prefix:";
    Json::appendString(text, out);
    QCOMPARE(out, "prefix:" + compact);
    QCOMPARE(Json::serialize(Value(text)), compact);
    QCOMPARE(Json::serialize(Value(text), Json::Style::Python), python);
    // Both read back as the same text, lone surrogates included.
    QCOMPARE(Json::parse(compact).toString(), text);
    QCOMPARE(Json::parse(python).toString(), text);
}

void TestJson::valuesWithoutJsonForm()
{
    int anything = 0;
    const Value value = Value::List{Value(Opaque{&anything, 1}), std::numeric_limits<double>::quiet_NaN(),
                                    std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    // As JSON.stringify writes NaN and Infinity.
    QCOMPARE(Json::serialize(value), QByteArray("[null,null,null,null]"));
    QCOMPARE(Json::serialize(value, Json::Style::Python), QByteArray("[null, null, null, null]"));
}

void TestJson::keyOrderAndRepeatedKeys()
{
    const Value value = Json::parse("{\"b\": 1, \"a\": 2, \"b\": 3, \"c\": {\"y\": 1, \"x\": 2}}");
    const Value::Object &members = value.toObject();
    QCOMPARE(members.size(), 3);
    QCOMPARE(members[0].key, QByteArray("b"));
    QCOMPARE(members[0].value, Value(3));
    QCOMPARE(members[1].key, QByteArray("a"));
    QCOMPARE(members[2].key, QByteArray("c"));
    QCOMPARE(value.value("c").toObject().first().key, QByteArray("y"));
    QCOMPARE(value.value("b").toInt(), 3);
    QVERIFY(value.find("a"));
    QVERIFY(!value.find("z"));
    QVERIFY(value.value("z").isNull());
    QVERIFY(!Value(1).find("a"));
}

void TestJson::objectBuilder()
{
    ObjectBuilder builder;
    builder.insert("one", 1).insert("two", 2).insert("one", QStringLiteral("replaced")).append("two", 22);
    QCOMPARE(builder.size(), 3);
    QVERIFY(builder.contains("two"));
    QVERIFY(!builder.contains("three"));
    // insert() replaces in place; append() does not look.
    QCOMPARE(Json::serialize(builder.build()), QByteArray("{\"one\":\"replaced\",\"two\":2,\"two\":22}"));
}

void TestJson::valueEquality_data()
{
    QTest::addColumn<Value>("a");
    QTest::addColumn<Value>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("int and float of the same number") << Value(1) << Value(1.0) << true;
    QTest::newRow("int and different float") << Value(1) << Value(1.5) << false;
    QTest::newRow("int and string") << Value(1) << Value(QStringLiteral("1")) << false;
    QTest::newRow("null and false") << Value() << Value(false) << false;
    QTest::newRow("lists compare items") << Value(Value::List{1, 2}) << Value(Value::List{1.0, 2.0}) << true;
    QTest::newRow("lists compare order") << Value(Value::List{1, 2}) << Value(Value::List{2, 1}) << false;
    QTest::newRow("objects compare order") << ObjectBuilder().append("a", 1).append("b", 2).build()
                                           << ObjectBuilder().append("b", 2).append("a", 1).build() << false;
    QTest::newRow("objects compare values") << ObjectBuilder().append("a", 1).build() << ObjectBuilder().append("a", 1.0).build()
                                            << true;
}

void TestJson::valueEquality()
{
    QFETCH(Value, a);
    QFETCH(Value, b);
    QFETCH(bool, equal);
    QCOMPARE(a == b, equal);
    QCOMPARE(b != a, !equal);
}

void TestJson::serializeAppends()
{
    QByteArray out = "data: ";
    Json::serialize(Value(Value::List{1, QStringLiteral("é")}), out, Json::Style::Python);
    QCOMPARE(out, QByteArray("data: [1, \"\\u00e9\"]"));
}

void TestJson::valueConversions_data()
{
    QTest::addColumn<Value>("value");
    QTest::addColumn<qint64>("integer");
    QTest::addColumn<double>("number");
    QTest::addColumn<bool>("boolean");
    QTest::addColumn<QString>("text");

    const qint64 max = std::numeric_limits<qint64>::max();
    const qint64 min = std::numeric_limits<qint64>::min();
    QTest::newRow("int") << Value(-5) << qint64(-5) << -5.0 << false << QString();
    QTest::newRow("float truncates") << Value(2.9) << qint64(2) << 2.9 << false << QString();
    QTest::newRow("negative float truncates") << Value(-2.9) << qint64(-2) << -2.9 << false << QString();
    QTest::newRow("huge float saturates") << Value(1e300) << max << 1e300 << false << QString();
    QTest::newRow("2^63 saturates") << Value(9223372036854775808.0) << max << 9223372036854775808.0 << false << QString();
    QTest::newRow("-2^63 is exact") << Value(-9223372036854775808.0) << min << -9223372036854775808.0 << false << QString();
    QTest::newRow("tiny negative float saturates") << Value(-1e300) << min << -1e300 << false << QString();
    QTest::newRow("infinity") << Value(std::numeric_limits<double>::infinity()) << qint64(0)
                              << std::numeric_limits<double>::infinity() << false << QString();
    QTest::newRow("true") << Value(true) << qint64(0) << 0.0 << true << QString();
    QTest::newRow("string") << Value(QStringLiteral("5")) << qint64(0) << 0.0 << false << QStringLiteral("5");
    QTest::newRow("null") << Value() << qint64(0) << 0.0 << false << QString();
}

void TestJson::valueConversions()
{
    QFETCH(Value, value);
    QFETCH(qint64, integer);
    QFETCH(double, number);
    QFETCH(bool, boolean);
    QFETCH(QString, text);

    // Conversions never fail: a value of another kind gives zero, false or an empty string.
    QCOMPARE(value.toInt(), integer);
    QCOMPARE(value.toDouble(), number);
    QCOMPARE(value.toBool(), boolean);
    QCOMPARE(value.toString(), text);
    QVERIFY(value.toList().isEmpty());
    QVERIFY(value.toObject().isEmpty());
}

QTEST_APPLESS_MAIN(TestJson)

#include "tst_json.moc"

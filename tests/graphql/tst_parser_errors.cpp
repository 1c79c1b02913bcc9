// SPDX-License-Identifier: MIT
// The parser's failures against graphql-js 16's: every syntax error message with its line and
// column (expected values come from graphql-js), the nesting and size limits, and robustness
// against broken documents.
#include "parser.h"
#include "parsertestsupport.h"

#include <QTest>

using namespace Subscriptor::GraphQL;
using namespace Subscriptor::Tests;

namespace {

QByteArray repeated(QByteArrayView part, int count)
{
    QByteArray out;
    out.reserve(part.size() * count);
    for (int i = 0; i < count; ++i)
        out += part;
    return out;
}

} // namespace

class TestParserErrors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syntaxErrors_data();
    void syntaxErrors();
    void nesting_data();
    void nesting();
    void limits_data();
    void limits();
    void brokenDocuments_data();
    void brokenDocuments();
};

void TestParserErrors::syntaxErrors_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("empty document") << QByteArray("")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 1;
    QTest::newRow("only whitespace and comments") << QByteArray(" \n# nothing\n")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 3 << 1;
    QTest::newRow("lone brace") << QByteArray("{")
        << QString::fromUtf8("Syntax Error: Expected Name, found <EOF>.") << 1 << 2;
    QTest::newRow("closing brace") << QByteArray("}")
        << QString::fromUtf8("Syntax Error: Unexpected \"}\".") << 1 << 1;
    QTest::newRow("unclosed selection set") << QByteArray("{ a")
        << QString::fromUtf8("Syntax Error: Expected Name, found <EOF>.") << 1 << 4;
    QTest::newRow("extra closing brace") << QByteArray("{ a } }")
        << QString::fromUtf8("Syntax Error: Unexpected \"}\".") << 1 << 7;
    QTest::newRow("empty selection set") << QByteArray("{}")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"}\".") << 1 << 2;
    QTest::newRow("query keyword alone") << QByteArray("query")
        << QString::fromUtf8("Syntax Error: Expected \"{\", found <EOF>.") << 1 << 6;
    QTest::newRow("query without selection set") << QByteArray("query Q")
        << QString::fromUtf8("Syntax Error: Expected \"{\", found <EOF>.") << 1 << 8;
    QTest::newRow("empty variable list") << QByteArray("query Q() { a }")
        << QString::fromUtf8("Syntax Error: Expected \"$\", found \")\".") << 1 << 9;
    QTest::newRow("unclosed variable list") << QByteArray("query Q(")
        << QString::fromUtf8("Syntax Error: Expected \"$\", found <EOF>.") << 1 << 9;
    QTest::newRow("variable without type") << QByteArray("query Q($a) { a }")
        << QString::fromUtf8("Syntax Error: Expected \":\", found \")\".") << 1 << 11;
    QTest::newRow("variable with empty type") << QByteArray("query Q($a: ) { a }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \")\".") << 1 << 13;
    QTest::newRow("variable without dollar") << QByteArray("query Q(a: Int) { a }")
        << QString::fromUtf8("Syntax Error: Expected \"$\", found Name \"a\".") << 1 << 9;
    QTest::newRow("variable in default value") << QByteArray("query Q($a: Int = $b) { a }")
        << QString::fromUtf8("Syntax Error: Unexpected variable \"$b\" in constant value.") << 1 << 19;
    QTest::newRow("missing default value") << QByteArray("query Q($a: Int = ) { a }")
        << QString::fromUtf8("Syntax Error: Unexpected \")\".") << 1 << 19;
    QTest::newRow("unclosed list type") << QByteArray("query Q($a: [Int) { a }")
        << QString::fromUtf8("Syntax Error: Expected \"]\", found \")\".") << 1 << 17;
    QTest::newRow("double non-null") << QByteArray("query Q($a: Int!!) { a }")
        << QString::fromUtf8("Syntax Error: Expected \"$\", found \"!\".") << 1 << 17;
    QTest::newRow("variable in variable directive") << QByteArray("query Q($a: Int @dir(x: $y)) { a }")
        << QString::fromUtf8("Syntax Error: Unexpected variable \"$y\" in constant value.") << 1 << 25;
    QTest::newRow("non-null list of nothing") << QByteArray("query Q($a: []) { a }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"]\".") << 1 << 14;
    QTest::newRow("unknown operation keyword") << QByteArray("foo { a }")
        << QString::fromUtf8("Syntax Error: Unexpected Name \"foo\".") << 1 << 1;
    QTest::newRow("type name as operation") << QByteArray("Query { a }")
        << QString::fromUtf8("Syntax Error: Unexpected Name \"Query\".") << 1 << 1;
    QTest::newRow("fragment named on") << QByteArray("fragment on on T { a }")
        << QString::fromUtf8("Syntax Error: Unexpected Name \"on\".") << 1 << 10;
    QTest::newRow("fragment without selection set") << QByteArray("fragment F on T")
        << QString::fromUtf8("Syntax Error: Expected \"{\", found <EOF>.") << 1 << 16;
    QTest::newRow("fragment without on") << QByteArray("fragment F T { a }")
        << QString::fromUtf8("Syntax Error: Expected \"on\", found Name \"T\".") << 1 << 12;
    QTest::newRow("fragment with string instead of on") << QByteArray("fragment F \"on\" T { a }")
        << QString::fromUtf8("Syntax Error: Expected \"on\", found String \"on\".") << 1 << 12;
    QTest::newRow("fragment without type condition") << QByteArray("fragment F on { a }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"{\".") << 1 << 15;
    QTest::newRow("spread of on without type") << QByteArray("{ ...on }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"}\".") << 1 << 9;
    QTest::newRow("inline fragment without selection set") << QByteArray("{ ... on T }")
        << QString::fromUtf8("Syntax Error: Expected \"{\", found \"}\".") << 1 << 12;
    QTest::newRow("spread alone") << QByteArray("{ ... }")
        << QString::fromUtf8("Syntax Error: Expected \"{\", found \"}\".") << 1 << 7;
    QTest::newRow("fragment spread with arguments") << QByteArray("{ ...F(x: 1) }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"(\".") << 1 << 7;
    QTest::newRow("fragment variables") << QByteArray("fragment F($x: Int) on T { a }")
        << QString::fromUtf8("Syntax Error: Expected \"on\", found \"(\".") << 1 << 11;
    QTest::newRow("argument without value") << QByteArray("{ a(x: ) }")
        << QString::fromUtf8("Syntax Error: Unexpected \")\".") << 1 << 8;
    QTest::newRow("argument without colon") << QByteArray("{ a(x) }")
        << QString::fromUtf8("Syntax Error: Expected \":\", found \")\".") << 1 << 6;
    QTest::newRow("empty arguments") << QByteArray("{ a() }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \")\".") << 1 << 5;
    QTest::newRow("argument value is a keyword colon") << QByteArray("{ a(x: : ) }")
        << QString::fromUtf8("Syntax Error: Unexpected \":\".") << 1 << 8;
    QTest::newRow("alias without name") << QByteArray("{ a: }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"}\".") << 1 << 6;
    QTest::newRow("double alias") << QByteArray("{ a: b: c }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \":\".") << 1 << 7;
    QTest::newRow("directive without name") << QByteArray("{ a @ }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"}\".") << 1 << 7;
    QTest::newRow("directive alone") << QByteArray("{ @skip }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"@\".") << 1 << 3;
    QTest::newRow("unclosed directive arguments") << QByteArray("{ a @skip( }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"}\".") << 1 << 12;
    QTest::newRow("directive name is a string") << QByteArray("{ a @\"x\" }")
        << QString::fromUtf8("Syntax Error: Expected Name, found String \"x\".") << 1 << 6;
    QTest::newRow("single quotes") << QByteArray("{ a(x: 'b') }")
        << QString::fromUtf8("Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?") << 1 << 8;
    QTest::newRow("unterminated string argument") << QByteArray("{ a(x: \"unterminated) }")
        << QString::fromUtf8("Syntax Error: Unterminated string.") << 1 << 24;
    QTest::newRow("unclosed list value") << QByteArray("{ a(x: [1 2) }")
        << QString::fromUtf8("Syntax Error: Unexpected \")\".") << 1 << 12;
    QTest::newRow("object field without colon") << QByteArray("{ a(x: {b 1}) }")
        << QString::fromUtf8("Syntax Error: Expected \":\", found Int \"1\".") << 1 << 11;
    QTest::newRow("unclosed object value") << QByteArray("{ a(x: {b: 1) }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \")\".") << 1 << 13;
    QTest::newRow("object field name is a number") << QByteArray("{ a(x: {1: 2}) }")
        << QString::fromUtf8("Syntax Error: Expected Name, found Int \"1\".") << 1 << 9;
    QTest::newRow("dollar without name") << QByteArray("{ a(x: $) }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \")\".") << 1 << 9;
    QTest::newRow("dollar then number") << QByteArray("{ a(x: $1) }")
        << QString::fromUtf8("Syntax Error: Expected Name, found Int \"1\".") << 1 << 9;
    QTest::newRow("dollar then string") << QByteArray("query ($a: Int = $\"x\") { a }")
        << QString::fromUtf8("Syntax Error: Unexpected \"$\".") << 1 << 18;
    QTest::newRow("variable in const list") << QByteArray("query ($a: [Int] = [$b]) { a }")
        << QString::fromUtf8("Syntax Error: Unexpected variable \"$b\" in constant value.") << 1 << 21;
    QTest::newRow("variable in const object") << QByteArray("query ($a: In = {x: $b}) { a }")
        << QString::fromUtf8("Syntax Error: Unexpected variable \"$b\" in constant value.") << 1 << 21;
    QTest::newRow("spread instead of value") << QByteArray("{ a(x: ...) }")
        << QString::fromUtf8("Syntax Error: Unexpected \"...\".") << 1 << 8;
    QTest::newRow("value after field") << QByteArray("{ a 1 }")
        << QString::fromUtf8("Syntax Error: Expected Name, found Int \"1\".") << 1 << 5;
    QTest::newRow("string after field") << QByteArray("{ a \"s\" }")
        << QString::fromUtf8("Syntax Error: Expected Name, found String \"s\".") << 1 << 5;
    QTest::newRow("block string after field") << QByteArray("{ a \"\"\"s\"\"\" }")
        << QString::fromUtf8("Syntax Error: Expected Name, found BlockString \"s\".") << 1 << 5;
    QTest::newRow("document ends in operation") << QByteArray("{ a } query")
        << QString::fromUtf8("Syntax Error: Expected \"{\", found <EOF>.") << 1 << 12;
    QTest::newRow("document ends in fragment") << QByteArray("{ a } fragment")
        << QString::fromUtf8("Syntax Error: Expected Name, found <EOF>.") << 1 << 15;
    QTest::newRow("selection set after selection set") << QByteArray("query { a } { b } c")
        << QString::fromUtf8("Syntax Error: Unexpected Name \"c\".") << 1 << 19;
    QTest::newRow("number as field") << QByteArray("{ 1 }")
        << QString::fromUtf8("Syntax Error: Expected Name, found Int \"1\".") << 1 << 3;
    QTest::newRow("number as document") << QByteArray("123")
        << QString::fromUtf8("Syntax Error: Unexpected Int \"123\".") << 1 << 1;
    QTest::newRow("string as document") << QByteArray("\"just a string\"")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 16;
    QTest::newRow("description then number") << QByteArray("\"desc\" 123")
        << QString::fromUtf8("Syntax Error: Unexpected Int \"123\".") << 1 << 8;
    QTest::newRow("description then brace") << QByteArray("\"desc\" { a }")
        << QString::fromUtf8("Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.") << 1 << 1;
    QTest::newRow("description then extend") << QByteArray("\"desc\" extend type T { a: Int }")
        << QString::fromUtf8("Syntax Error: Unexpected description, only GraphQL definitions support descriptions.") << 1 << 1;
    QTest::newRow("description then unknown") << QByteArray("\"desc\" foo")
        << QString::fromUtf8("Syntax Error: Unexpected description, only GraphQL definitions support descriptions.") << 1 << 1;
    QTest::newRow("description then end") << QByteArray("\"desc\"")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 7;
    QTest::newRow("lexer error inside document") << QByteArray("{ a(x: 0x1) }")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: \"x\".") << 1 << 9;
    QTest::newRow("lexer error after newlines") << QByteArray("query {\n  a\n  b(x: \"\\q\")\n}")
        << QString::fromUtf8("Syntax Error: Invalid character escape sequence: \"\\q\".") << 3 << 9;
    QTest::newRow("error after non-bmp string") << QByteArray("{ a(x: \"😀\") ^ }")
        << QString::fromUtf8("Syntax Error: Unexpected character: \"^\".") << 1 << 14;
    QTest::newRow("extend alone") << QByteArray("extend")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 7;
    QTest::newRow("extend unknown") << QByteArray("extend foo")
        << QString::fromUtf8("Syntax Error: Unexpected Name \"foo\".") << 1 << 8;
    QTest::newRow("extend directive") << QByteArray("extend directive @d on FIELD")
        << QString::fromUtf8("Syntax Error: Unexpected Name \"directive\".") << 1 << 8;
    QTest::newRow("empty type extension") << QByteArray("extend type T")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 14;
    QTest::newRow("empty schema extension") << QByteArray("extend schema")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 14;
    QTest::newRow("empty scalar extension") << QByteArray("extend scalar S")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 16;
    QTest::newRow("empty union extension") << QByteArray("extend union U")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 15;
    QTest::newRow("empty enum extension") << QByteArray("extend enum E")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 14;
    QTest::newRow("empty input extension") << QByteArray("extend input I")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 15;
    QTest::newRow("empty interface extension") << QByteArray("extend interface I")
        << QString::fromUtf8("Syntax Error: Unexpected <EOF>.") << 1 << 19;
    QTest::newRow("type keyword alone") << QByteArray("type")
        << QString::fromUtf8("Syntax Error: Expected Name, found <EOF>.") << 1 << 5;
    QTest::newRow("empty fields definition") << QByteArray("type T {}")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"}\".") << 1 << 9;
    QTest::newRow("field definition without type") << QByteArray("type T { a }")
        << QString::fromUtf8("Syntax Error: Expected \":\", found \"}\".") << 1 << 12;
    QTest::newRow("field definition with empty type") << QByteArray("type T { a: }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"}\".") << 1 << 13;
    QTest::newRow("field definition with default") << QByteArray("type T { a: Int = 1 }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"=\".") << 1 << 17;
    QTest::newRow("implements nothing") << QByteArray("type T implements { a: Int }")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"{\".") << 1 << 19;
    QTest::newRow("implements without ampersand") << QByteArray("type T implements A B { a: Int }")
        << QString::fromUtf8("Syntax Error: Unexpected Name \"B\".") << 1 << 21;
    QTest::newRow("schema without operation types") << QByteArray("schema")
        << QString::fromUtf8("Syntax Error: Expected \"{\", found <EOF>.") << 1 << 7;
    QTest::newRow("schema with empty operation types") << QByteArray("schema {}")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"}\".") << 1 << 9;
    QTest::newRow("schema operation without type") << QByteArray("schema { query }")
        << QString::fromUtf8("Syntax Error: Expected \":\", found \"}\".") << 1 << 16;
    QTest::newRow("schema unknown operation") << QByteArray("schema { foo: Q }")
        << QString::fromUtf8("Syntax Error: Unexpected Name \"foo\".") << 1 << 10;
    QTest::newRow("directive keyword alone") << QByteArray("directive")
        << QString::fromUtf8("Syntax Error: Expected \"@\", found <EOF>.") << 1 << 10;
    QTest::newRow("directive definition without name") << QByteArray("directive @")
        << QString::fromUtf8("Syntax Error: Expected Name, found <EOF>.") << 1 << 12;
    QTest::newRow("directive definition without on") << QByteArray("directive @d")
        << QString::fromUtf8("Syntax Error: Expected \"on\", found <EOF>.") << 1 << 13;
    QTest::newRow("directive definition without locations") << QByteArray("directive @d on")
        << QString::fromUtf8("Syntax Error: Expected Name, found <EOF>.") << 1 << 16;
    QTest::newRow("unknown directive location") << QByteArray("directive @d on FOO")
        << QString::fromUtf8("Syntax Error: Unexpected Name \"FOO\".") << 1 << 17;
    QTest::newRow("number as directive location") << QByteArray("directive @d on 1")
        << QString::fromUtf8("Syntax Error: Expected Name, found Int \"1\".") << 1 << 17;
    QTest::newRow("double pipe in locations") << QByteArray("directive @d repeatable on FIELD | | QUERY")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"|\".") << 1 << 36;
    QTest::newRow("variable in argument default") << QByteArray("directive @d(a: Int = $v) on FIELD")
        << QString::fromUtf8("Syntax Error: Unexpected variable \"$v\" in constant value.") << 1 << 23;
    QTest::newRow("argument definition without type") << QByteArray("directive @d(a) on FIELD")
        << QString::fromUtf8("Syntax Error: Expected \":\", found \")\".") << 1 << 15;
    QTest::newRow("enum value true") << QByteArray("enum E { true }")
        << QString::fromUtf8("Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.") << 1 << 10;
    QTest::newRow("enum value null") << QByteArray("enum E { null }")
        << QString::fromUtf8("Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.") << 1 << 10;
    QTest::newRow("enum value string true") << QByteArray("enum E { \"d\" \"true\" }")
        << QString::fromUtf8("Syntax Error: String \"true\" is reserved and cannot be used for an enum value.") << 1 << 14;
    QTest::newRow("empty enum") << QByteArray("enum E {}")
        << QString::fromUtf8("Syntax Error: Expected Name, found \"}\".") << 1 << 9;
    QTest::newRow("union without members") << QByteArray("union U =")
        << QString::fromUtf8("Syntax Error: Expected Name, found <EOF>.") << 1 << 10;
    QTest::newRow("union trailing pipe") << QByteArray("union U = A |")
        << QString::fromUtf8("Syntax Error: Expected Name, found <EOF>.") << 1 << 14;
    QTest::newRow("variable in input default") << QByteArray("input I { a: Int = {b: $c} }")
        << QString::fromUtf8("Syntax Error: Unexpected variable \"$c\" in constant value.") << 1 << 24;
    QTest::newRow("input field without type") << QByteArray("input I { a }")
        << QString::fromUtf8("Syntax Error: Expected \":\", found \"}\".") << 1 << 13;
    QTest::newRow("scalar keyword alone") << QByteArray("scalar")
        << QString::fromUtf8("Syntax Error: Expected Name, found <EOF>.") << 1 << 7;
    QTest::newRow("variable in scalar directive") << QByteArray("scalar S @d(x: $y)")
        << QString::fromUtf8("Syntax Error: Unexpected variable \"$y\" in constant value.") << 1 << 16;
    QTest::newRow("operation after type system error") << QByteArray("type T { a: Int } query { ^ }")
        << QString::fromUtf8("Syntax Error: Unexpected character: \"^\".") << 1 << 27;
    // The grammar is October 2021's: no descriptions on operations and fragments (graphql-js 16.15
    // accepts them, graphql-js 16.0 gave this message).
    QTest::newRow("description on query") << QByteArray("\"desc\" query { a }")
        << QStringLiteral("Syntax Error: Unexpected description, descriptions are supported only on type definitions.") << 1 << 1;
    QTest::newRow("description on fragment") << QByteArray("\"\"\"block\"\"\" fragment F on T { a }")
        << QStringLiteral("Syntax Error: Unexpected description, descriptions are supported only on type definitions.") << 1 << 1;
    QTest::newRow("description on variable") << QByteArray("query ($a: Int, \"desc\" $b: Int) { a }")
        << QStringLiteral("Syntax Error: Expected \"$\", found String \"desc\".") << 1 << 17;
}

void TestParserErrors::syntaxErrors()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);

    const ParseResult result = Parser::parse(source);
    QVERIFY(!result.document);
    QVERIFY(result.error);
    QCOMPARE(result.error->message, message);
    QCOMPARE(result.error->locations.size(), 1);
    QCOMPARE(result.error->locations.first().line, line);
    QCOMPARE(result.error->locations.first().column, column);
}

void TestParserErrors::nesting_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("error");

    // 100,000 levels: a clean error at the first level past the limit (64), never a stack overflow.
    constexpr int Deep = 100'000;
    const QString tooDeep = QStringLiteral("Syntax Error: The document is nested more than 64 levels deep. @1:%1");
    QTest::newRow("100000 braces") << repeated("{", Deep) << QStringLiteral("Syntax Error: Expected Name, found \"{\". @1:2");
    QTest::newRow("100000 brackets") << repeated("[", Deep) << QStringLiteral("Syntax Error: Unexpected \"[\". @1:1");
    QTest::newRow("100000 nested selection sets") << repeated("{a", Deep) << tooDeep.arg(129);
    QTest::newRow("100000 nested lists in an argument") << "{ f(a: " + repeated("[", Deep) << tooDeep.arg(8 + 63);
    QTest::newRow("100000 nested objects in an argument") << "{ f(a: " + repeated("{a:", Deep) << tooDeep.arg(8 + 63 * 3);
    QTest::newRow("100000 nested list types") << "query ($v: " + repeated("[", Deep) << tooDeep.arg(12 + 64);
    QTest::newRow("100000 nested lists in a default") << "query ($v: Int = " + repeated("[", Deep) << tooDeep.arg(18 + 64);
    QTest::newRow("100000 nested lists in a directive") << "query @d(a: " + repeated("[", Deep) << tooDeep.arg(13 + 64);
    QTest::newRow("100000 nested lists in a type definition") << "type T { f(a: Int = " + repeated("[", Deep)
                                                               << tooDeep.arg(21 + 64);
    QTest::newRow("100000 nested objects on many lines") << "{ f(a: " + repeated("{\na:", Deep) << QStringLiteral(
        "Syntax Error: The document is nested more than 64 levels deep. @64:3");
    QTest::newRow("64 selection sets are fine") << repeated("{a", 64) + repeated("}", 64) << QString();
    QTest::newRow("63 lists inside a field argument are fine")
        << "{ f(a: " + repeated("[", 63) + repeated("]", 63) + ") }" << QString();
    QTest::newRow("64 list types are fine") << "query ($v: " + repeated("[", 64) + "Int" + repeated("]", 64) + ") { a }"
                                            << QString();
}

void TestParserErrors::nesting()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, error);

    const ParseResult result = Parser::parse(source);
    if (error.isEmpty()) {
        QVERIFY2(result.document, qPrintable(describeError(result)));
        return;
    }
    QVERIFY(!result.document);
    QCOMPARE(describeError(result), error);
}

void TestParserErrors::limits_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<qsizetype>("maxDocumentBytes");
    QTest::addColumn<int>("maxTokens");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<int>("maxAliases");
    QTest::addColumn<QString>("error");

    const qsizetype bytes = ParserLimits::DefaultMaxDocumentBytes;
    const int tokens = ParserLimits::DefaultMaxTokens;
    const int depth = ParserLimits::DefaultMaxDepth;
    const int aliases = ParserLimits::DefaultMaxAliases;
    QTest::newRow("document at the byte limit") << QByteArray("{ abc }") << qsizetype(7) << tokens << depth << aliases
                                                << QString();
    QTest::newRow("document over the byte limit")
        << QByteArray("{ abcd }") << qsizetype(7) << tokens << depth << aliases
        << QStringLiteral("Syntax Error: The document is larger than 7 bytes. (no location)");
    QTest::newRow("default byte limit") << "{ a }" + QByteArray(bytes, ' ') << bytes << tokens << depth << aliases
                                        << QStringLiteral("Syntax Error: The document is larger than 524288 bytes. (no location)");
    // As in graphql-js, the end of the document is not a token that counts.
    QTest::newRow("tokens at the limit") << QByteArray("{ a b c d }") << bytes << 6 << depth << aliases << QString();
    QTest::newRow("tokens over the limit") << QByteArray("{ a b c d e }") << bytes << 6 << depth << aliases
                                           << QStringLiteral("Syntax Error: The document has more than 6 tokens. @1:13");
    QTest::newRow("comments are not tokens") << QByteArray("{ a # b c d e f g\n b c d }") << bytes << 6 << depth << aliases
                                             << QString();
    QTest::newRow("default token limit") << "{" + repeated(" a", tokens - 2) + " }" << bytes << tokens << depth << aliases
                                         << QString();
    QTest::newRow("over the default token limit") << "{" + repeated(" a", tokens - 1) + " }" << bytes << tokens << depth
                                                  << aliases
                                                  << QStringLiteral("Syntax Error: The document has more than 50000 tokens. @1:100001");
    QTest::newRow("depth at the limit") << QByteArray("{ a { b { c } } }") << bytes << tokens << 3 << aliases << QString();
    QTest::newRow("depth over the limit") << QByteArray("{ a { b { c { d } } } }") << bytes << tokens << 3 << aliases
                                          << QStringLiteral("Syntax Error: The document is nested more than 3 levels deep. @1:13");
    QTest::newRow("values count towards depth") << QByteArray("{ a { b(x: [[1]]) } }") << bytes << tokens << 3 << aliases
                                                << QStringLiteral("Syntax Error: The document is nested more than 3 levels deep. @1:13");
    QTest::newRow("aliases at the limit") << QByteArray("{ x: a y: a }") << bytes << tokens << depth << 2 << QString();
    QTest::newRow("aliases over the limit") << QByteArray("{ x: a y: a z: a }") << bytes << tokens << depth << 2
                                            << QStringLiteral("Syntax Error: The document has more than 2 aliases. @1:13");
    QTest::newRow("aliases count across fragments") << QByteArray("{ x: a } fragment F on T { y: a z: a }") << bytes << tokens
                                                    << depth << 2
                                                    << QStringLiteral("Syntax Error: The document has more than 2 aliases. @1:33");
    QTest::newRow("default alias limit") << "{" + repeated(" x: a", aliases + 1) + " }" << bytes << tokens << depth << aliases
                                         << QStringLiteral("Syntax Error: The document has more than 1000 aliases. @1:5003");
}

void TestParserErrors::limits()
{
    QFETCH(QByteArray, source);
    QFETCH(qsizetype, maxDocumentBytes);
    QFETCH(int, maxTokens);
    QFETCH(int, maxDepth);
    QFETCH(int, maxAliases);
    QFETCH(QString, error);

    ParserLimits limits;
    limits.maxDocumentBytes = maxDocumentBytes;
    limits.maxTokens = maxTokens;
    limits.maxDepth = maxDepth;
    limits.maxAliases = maxAliases;
    const ParseResult result = Parser::parse(source, limits);
    if (error.isEmpty()) {
        QVERIFY2(result.document, qPrintable(describeError(result)));
        return;
    }
    QVERIFY(!result.document);
    QCOMPARE(describeError(result), error);
}

void TestParserErrors::brokenDocuments_data()
{
    QTest::addColumn<QByteArray>("source");

    // Valid documents that exercise every part of the grammar; the test breaks them in every place.
    QTest::newRow("query with everything")
        << QByteArray("query Q($a: [Int!]! = [1], $b: In = {x: \"s\", y: \"\"\"b\"\"\"}) @d(x: 1.5e3) {\n"
                      "  al: f(x: $a, y: {z: [$b, null, true, ENUM]}) @skip(if: false) { ...F ... on T { g } }\n"
                      "}\nfragment F on T @include(if: true) { h }");
    QTest::newRow("mutation and subscription")
        << QByteArray("mutation M { create(input: {name: \"é😀\", n: -0.5}) { id } } subscription S { e(id: \"\\u{1F600}\") }");
    QTest::newRow("type system")
        << QByteArray("\"d\" schema @a { query: Q } type T implements A & B @x { f(a: Int = 1 @deprecated): [T!]! } "
                      "union U = | A | B enum E { A @x B } input I { a: Int = 2 } directive @d(a: Int) repeatable on FIELD | QUERY "
                      "extend type T @x interface I implements J { a: Int } scalar S @specifiedBy(url: \"u\")");
}

void TestParserErrors::brokenDocuments()
{
    QFETCH(QByteArray, source);
    QVERIFY2(Parser::parse(source).document, qPrintable(describeError(Parser::parse(source))));

    // Every prefix, every document with one byte removed, and every document with one of the
    // grammar's special characters inserted: each must parse or give a located syntax error.
    QList<QByteArray> variants;
    for (qsizetype i = 0; i < source.size(); ++i) {
        variants.append(source.first(i));
        variants.append(source.first(i) + source.sliced(i + 1));
        for (const char *insert : {"{", "}", "[", "(", ")", "$", "@", "\"", "...", "!", "=", "|", ":", "#", "\\", "\xc3", "\"\"\""})
            variants.append(source.first(i) + insert + source.sliced(i));
    }
    int errors = 0;
    for (const QByteArray &variant : std::as_const(variants)) {
        const ParseResult result = Parser::parse(variant);
        QCOMPARE(bool(result.document), !result.error.has_value());
        if (!result.error)
            continue;
        ++errors;
        const Error &error = *result.error;
        QVERIFY2(error.message.startsWith(QLatin1String("Syntax Error: ")), qPrintable(error.message));
        QCOMPARE(error.locations.size(), 1);
        QVERIFY2(error.locations.first().line >= 1 && error.locations.first().column >= 1, variant.constData());
        QVERIFY2(error.locations.first().line <= variant.count('\n') + 1, variant.constData());
    }
    QVERIFY(errors > variants.size() / 2);
}

QTEST_APPLESS_MAIN(TestParserErrors)

#include "tst_parser_errors.moc"

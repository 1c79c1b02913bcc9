// SPDX-License-Identifier: MIT
// AstPrinter: executable documents printed as graphql-js 16 `print(parse(doc))` prints them. The
// expected texts come from graphql-js 16.15.0; the conformance test compares a larger corpus.
#include "astprinter.h"
#include "parser.h"

#include <QTest>

using namespace Subscriptor::GraphQL;

class TestAstPrinter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printDocument_data();
    void printDocument();
    void printDocumentSkipsTypeSystemDefinitions();
    void printString_data();
    void printString();
    void printBlockString_data();
    void printBlockString();
};

void TestAstPrinter::printDocument_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("shorthand query") << QByteArray(R"gql({ dog { name } })gql")
        << QByteArray(R"gql({
  dog {
    name
  }
})gql");
    QTest::newRow("query keyword alone becomes shorthand") << QByteArray(R"gql(query { dog { name } })gql")
        << QByteArray(R"gql({
  dog {
    name
  }
})gql");
    QTest::newRow("named query") << QByteArray(R"gql(query Q { dog { name } })gql")
        << QByteArray(R"gql(query Q {
  dog {
    name
  }
})gql");
    QTest::newRow("anonymous query with variables") << QByteArray(R"gql(query ($a: Boolean) { dog { isHouseTrained(atOtherHomes: $a) } })gql")
        << QByteArray(R"gql(query ($a: Boolean) {
  dog {
    isHouseTrained(atOtherHomes: $a)
  }
})gql");
    QTest::newRow("anonymous query with directive") << QByteArray(R"gql(query @onQuery { dog { name } })gql")
        << QByteArray(R"gql(query @onQuery {
  dog {
    name
  }
})gql");
    QTest::newRow("anonymous mutation keeps keyword") << QByteArray(R"gql(mutation { addDog(name: "Rex") { name } })gql")
        << QByteArray(R"gql(mutation {
  addDog(name: "Rex") {
    name
  }
})gql");
    QTest::newRow("subscription") << QByteArray(R"gql(subscription S { newMessage { body } })gql")
        << QByteArray(R"gql(subscription S {
  newMessage {
    body
  }
})gql");
    QTest::newRow("alias and arguments") << QByteArray(R"gql({ a: dog { b: isHouseTrained(atOtherHomes: false) } })gql")
        << QByteArray(R"gql({
  a: dog {
    b: isHouseTrained(atOtherHomes: false)
  }
})gql");
    QTest::newRow("variables with defaults and directives") << QByteArray(R"gql(query Q($a: [Int!]! = [1, 2] @onVariableDefinition, $b: ComplexInput = {requiredField: true}) { x(a: $a, b: $b) })gql")
        << QByteArray(R"gql(query Q($a: [Int!]! = [1, 2] @onVariableDefinition, $b: ComplexInput = {requiredField: true}) {
  x(a: $a, b: $b)
})gql");
    QTest::newRow("fragment with directives") << QByteArray(R"gql(fragment F on Dog @onFragmentDefinition { name ...G @onFragmentSpread })gql")
        << QByteArray(R"gql(fragment F on Dog @onFragmentDefinition {
  name
  ...G @onFragmentSpread
})gql");
    QTest::newRow("inline fragments") << QByteArray(R"gql({ pet { ... on Dog { barks } ... @include(if: true) { name } ... { __typename } } })gql")
        << QByteArray(R"gql({
  pet {
    ... on Dog {
      barks
    }
    ... @include(if: true) {
      name
    }
    ... {
      __typename
    }
  }
})gql");
    QTest::newRow("values of every kind") << QByteArray(R"gql({ f(a: 1, b: -1.5e3, c: "s", d: true, e: null, g: ENUM, h: [1, [2]], i: {j: {k: []}}, l: {}, m: $v) })gql")
        << QByteArray(R"gql({
  f(
    a: 1
    b: -1.5e3
    c: "s"
    d: true
    e: null
    g: ENUM
    h: [1, [2]]
    i: {j: {k: []}}
    l: {}
    m: $v
  )
})gql");
    QTest::newRow("string escapes") << QByteArray(R"gql({ f(a: "tab\tquote\"back\\slash\u0007\u007F\u0085 é") })gql")
        << QByteArray(R"gql({
  f(a: "tab\tquote\"back\\slash\u0007\u007F\u0085 é")
})gql");
    QTest::newRow("emoji string") << QByteArray(R"gql({ f(a: "\uD83D\uDE00 😀") })gql")
        << QByteArray(R"gql({
  f(a: "😀 😀")
})gql");
    QTest::newRow("arguments at 80 columns stay") << QByteArray(R"gql({ anyArg(arg: "12345678901234567890123456789012345678901234567890123456789012345") })gql")
        << QByteArray(R"gql({
  anyArg(arg: "12345678901234567890123456789012345678901234567890123456789012345")
})gql");
    QTest::newRow("arguments at 81 columns wrap") << QByteArray(R"gql({ anyArg(arg: "123456789012345678901234567890123456789012345678901234567890123456") })gql")
        << QByteArray(R"gql({
  anyArg(
    arg: "123456789012345678901234567890123456789012345678901234567890123456"
  )
})gql");
    QTest::newRow("columns count UTF-16 units") << QByteArray(R"gql({ b: anyArg(arg: "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀") c: anyArg(arg: "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé") })gql")
        << QByteArray(R"gql({
  b: anyArg(arg: "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀")
  c: anyArg(
    arg: "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"
  )
})gql");
    QTest::newRow("indentation does not count toward 80 columns") << QByteArray(R"gql({ a { b { c(first: 1111111111, second: 2222222222, third: 3333333333, fourth: 44444444444) } } })gql")
        << QByteArray(R"gql({
  a {
    b {
      c(first: 1111111111, second: 2222222222, third: 3333333333, fourth: 44444444444)
    }
  }
})gql");
    QTest::newRow("directive arguments never wrap") << QByteArray(R"gql({ f @withArgs(limit: 1234567890) @include(if: $aVeryLongVariableNameThatGoesOnAndOn) @skip(if: $another) })gql")
        << QByteArray(R"gql({
  f @withArgs(limit: 1234567890) @include(if: $aVeryLongVariableNameThatGoesOnAndOn) @skip(if: $another)
})gql");
    QTest::newRow("wrapped arguments nested") << QByteArray(R"gql({ a { b { c(first: 1111111111, second: 2222222222, third: 3333333333, fourth: 444444444444) } } })gql")
        << QByteArray(R"gql({
  a {
    b {
      c(
        first: 1111111111
        second: 2222222222
        third: 3333333333
        fourth: 444444444444
      )
    }
  }
})gql");
    QTest::newRow("block string argument indented") << QByteArray(R"gql({ a { f(s: """
  one
    two

  three
""") } })gql")
        << QByteArray(R"gql({
  a {
    f(s: """
    one
      two
    
    three
    """)
  }
})gql");
    QTest::newRow("short block string stays on one line") << QByteArray(R"gql({ f(a: """short""", b: """""") })gql")
        << QByteArray(R"gql({
  f(a: """short""", b: """""")
})gql");
    QTest::newRow("block string default splits variables") << QByteArray(R"gql(query ($a: String = """
x
y
""", $b: Int) { f(a: $a, b: $b) })gql")
        << QByteArray(R"gql(query (
$a: String = """
x
y
"""
$b: Int
) {
  f(a: $a, b: $b)
})gql");
    QTest::newRow("definitions separated by a blank line") << QByteArray(R"gql(query A { a } fragment F on T { b } mutation B { c })gql")
        << QByteArray(R"gql(query A {
  a
}

fragment F on T {
  b
}

mutation B {
  c
})gql");
}

void TestAstPrinter::printDocument()
{
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, expected);

    const ParseResult parsed = Parser::parse(source);
    QVERIFY2(parsed.document, parsed.error ? qPrintable(parsed.error->message) : "no document");
    const QByteArray printed = AstPrinter::printDocument(*parsed.document);
    QCOMPARE(printed, expected);

    // Printing is a fixed point: the printed text parses and prints to itself.
    const ParseResult reparsed = Parser::parse(printed);
    QVERIFY(reparsed.document);
    QCOMPARE(AstPrinter::printDocument(*reparsed.document), printed);
}

void TestAstPrinter::printDocumentSkipsTypeSystemDefinitions()
{
    // The parser keeps type-system definitions by name only; the executable rest is printed.
    const ParseResult parsed = Parser::parse("type Cow { name: String }\n{ dog { name } }\nscalar Date");
    QVERIFY(parsed.document);
    QCOMPARE(AstPrinter::printDocument(*parsed.document), QByteArray("{\n  dog {\n    name\n  }\n}"));
}

void TestAstPrinter::printString_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QString() << QByteArray(R"("")");
    QTest::newRow("plain") << QStringLiteral("plain") << QByteArray(R"("plain")");
    QTest::newRow("quote, backslash, tab, new line")
        << QStringLiteral("quote\" back\\ tab\t nl\n") << QByteArray(R"("quote\" back\\ tab\t nl\n")");
    QTest::newRow("control characters and C1")
        << (QString(QChar(0x0000)) + QChar(0x001F) + QChar(0x007F) + QChar(0x0085) + QChar(0x00A0))
        << QByteArray("\"\\u0000\\u001F\\u007F\\u0085\xC2\xA0\"");
    QTest::newRow("non-ASCII") << QString::fromUtf8("\xC3\xA9\xE4\xB8\xAD") << QByteArray("\"\xC3\xA9\xE4\xB8\xAD\"");
    // Regression: each half of a surrogate pair was converted to UTF-8 on its own (U+FFFD twice).
    QTest::newRow("emoji (surrogate pair)")
        << QString::fromUtf8("\xF0\x9F\x98\x80 end") << QByteArray("\"\xF0\x9F\x98\x80 end\"");
    QTest::newRow("emoji after an escape")
        << QString::fromUtf8("\n\xF0\x9F\x98\x80") << QByteArray("\"\\n\xF0\x9F\x98\x80\"");
}

void TestAstPrinter::printString()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(AstPrinter::printString(value), expected);
}

void TestAstPrinter::printBlockString_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("printable");

    QTest::newRow("empty") << QString() << QByteArray(R"("""""")") << true;
    QTest::newRow("short") << QStringLiteral("short") << QByteArray(R"("""short""")") << true;
    QTest::newRow("leading space") << QStringLiteral("  leading space") << QByteArray(R"("""  leading space""")") << true;
    QTest::newRow("two lines") << QStringLiteral("two\nlines") << QByteArray("\"\"\"\ntwo\nlines\n\"\"\"") << true;
    QTest::newRow("ends with a quote") << QStringLiteral("ends with \"") << QByteArray("\"\"\"\nends with \"\n\"\"\"") << true;
    QTest::newRow("ends with a backslash") << QStringLiteral("ends with \\") << QByteArray("\"\"\"\nends with \\\n\"\"\"") << true;
    QTest::newRow("triple quotes inside") << QStringLiteral("has \"\"\" inside") << QByteArray(R"("""has \""" inside""")") << true;
    QTest::newRow("longer than 70") << QString(71, u'x') << QByteArray("\"\"\"\n" + QByteArray(71, 'x') + "\n\"\"\"")
                                    << true;
    QTest::newRow("leading new line") << QStringLiteral("\n starts with new line")
                                      << QByteArray("\"\"\"\n\n starts with new line\n\"\"\"") << false;
    QTest::newRow("first line unindented") << QStringLiteral("common\n  \n  indent")
                                           << QByteArray("\"\"\"\ncommon\n  \n  indent\n\"\"\"") << true;
}

void TestAstPrinter::printBlockString()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QFETCH(bool, printable);
    QCOMPARE(AstPrinter::printBlockString(value), expected);
    QCOMPARE(AstPrinter::isPrintableAsBlockString(value), printable);
}

QTEST_GUILESS_MAIN(TestAstPrinter)
#include "tst_astprinter.moc"

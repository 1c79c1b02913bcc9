// SPDX-License-Identifier: MIT
// The lexer against graphql-js 16's: every token kind, the ignored tokens, string escapes, block
// strings, locations, and the exact syntax error messages (expected values come from graphql-js).
#include "lexer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Subscriptor::GraphQL;

namespace {

/// A source with every byte of the literal, embedded NULs included.
template<qsizetype N>
QByteArray src(const char (&text)[N])
{
    return QByteArray(text, N - 1);
}

QStringList tokens(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

/// `Name a @1:3`: the token kind as graphql-js names it, its value, and where it starts.
QString describeToken(const Lexer &lexer, const Token &token)
{
    QString kind = QString::fromLatin1(Lexer::kindDescription(token.kind));
    if (kind.size() > 2 && kind.startsWith(u'"'))
        kind = kind.mid(1, kind.size() - 2);
    QString text = kind;
    switch (token.kind) {
    case TokenKind::Name:
    case TokenKind::Int:
    case TokenKind::Float:
        text += u' ' + QString::fromUtf8(lexer.text(token));
        break;
    case TokenKind::String:
    case TokenKind::BlockString:
        text += u' ' + token.value;
        break;
    default:
        break;
    }
    return text + QStringLiteral(" @%1:%2").arg(token.location.line).arg(token.location.column);
}

} // namespace

class TestLexer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data();
    void tokens();
    void errors_data();
    void errors();
    void blockStringValue_data();
    void blockStringValue();
    void offsetsAreBytes();
    void endOfFileRepeats();
    void describe_data();
    void describe();
    void longLineIsLinear();
};

void TestLexer::tokens_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("punctuators") << src("! $ & ( ) ... : = @ [ ] { | }")
        << ::tokens({"! @1:1", "$ @1:3", "& @1:5", "( @1:7", ") @1:9", "... @1:11", ": @1:15", "= @1:17", "@ @1:19", "[ @1:21", "] @1:23", "{ @1:25", "| @1:27", "} @1:29"});
    QTest::newRow("names") << src("a _b C9 __typename on true null")
        << ::tokens({"Name a @1:1", "Name _b @1:3", "Name C9 @1:6", "Name __typename @1:9", "Name on @1:20", "Name true @1:23", "Name null @1:28"});
    QTest::newRow("ints") << src("0 -0 7 -12 2147483648")
        << ::tokens({"Int 0 @1:1", "Int -0 @1:3", "Int 7 @1:6", "Int -12 @1:8", "Int 2147483648 @1:12"});
    QTest::newRow("floats") << src("0.0 -1.5 1e10 1E-3 6.02e+23 -0.5e0")
        << ::tokens({"Float 0.0 @1:1", "Float -1.5 @1:5", "Float 1e10 @1:10", "Float 1E-3 @1:15", "Float 6.02e+23 @1:20", "Float -0.5e0 @1:29"});
    QTest::newRow("string escapes") << src("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"")
        << ::tokens({"String a\"b\\c/d\010e\014f\ng\rh\ti @1:1"});
    QTest::newRow("string unicode escapes") << src("\"\\u0041\\u00e9\\u{1F600}\\uD83D\\uDE00\\u{7E}\"")
        << ::tokens({"String Aé😀😀~ @1:1"});
    QTest::newRow("string with raw non-ascii") << src("\"é 😀 中\"")
        << ::tokens({"String é 😀 中 @1:1"});
    QTest::newRow("string with control character") << src("\"a\007b\"")
        << ::tokens({"String a\007b @1:1"});
    QTest::newRow("empty strings") << src("\"\" \"\"\"\"\"\"")
        << ::tokens({"String  @1:1", "BlockString  @1:4"});
    QTest::newRow("block string dedent") << src("\"\"\"\n    hello\n      world\n    \"\"\"")
        << ::tokens({"BlockString hello\n  world @1:1"});
    QTest::newRow("block string first line kept") << src("\"\"\"  first\n    second\"\"\"")
        << ::tokens({"BlockString   first\nsecond @1:1"});
    QTest::newRow("block string escaped quotes") << src("\"\"\"a \\\"\"\" b\"\"\"")
        << ::tokens({"BlockString a \"\"\" b @1:1"});
    QTest::newRow("block string keeps backslashes") << src("\"\"\"\\n\\u0041\"\"\"")
        << ::tokens({"BlockString \\n\\u0041 @1:1"});
    QTest::newRow("block string crlf") << src("\"\"\"\r\n  a\r\n  b\r\n\"\"\"")
        << ::tokens({"BlockString a\nb @1:1"});
    QTest::newRow("ignored tokens") << src(",,a,, \t b # comment ! $\n c")
        << ::tokens({"Name a @1:3", "Name b @1:9", "Name c @2:2"});
    QTest::newRow("byte order mark") << src("\357\273\277{ a }")
        << ::tokens({"{ @1:2", "Name a @1:4", "} @1:6"});
    QTest::newRow("byte order mark inside") << src("{\357\273\277a }")
        << ::tokens({"{ @1:1", "Name a @1:3", "} @1:5"});
    QTest::newRow("lf lines") << src("{\n  a\n  b\n}")
        << ::tokens({"{ @1:1", "Name a @2:3", "Name b @3:3", "} @4:1"});
    QTest::newRow("crlf lines") << src("{\r\n  a\r\n  b\r\n}")
        << ::tokens({"{ @1:1", "Name a @2:3", "Name b @3:3", "} @4:1"});
    QTest::newRow("cr lines") << src("{\r  a\r  b\r}")
        << ::tokens({"{ @1:1", "Name a @2:3", "Name b @3:3", "} @4:1"});
    QTest::newRow("comment at end") << src("{ a } # trailing")
        << ::tokens({"{ @1:1", "Name a @1:3", "} @1:5"});
    QTest::newRow("comment with cr") << src("a # x\rb")
        << ::tokens({"Name a @1:1", "Name b @2:1"});
    QTest::newRow("columns after non-bmp") << src("\"😀\" a \"é\" b")
        << ::tokens({"String 😀 @1:1", "Name a @1:6", "String é @1:8", "Name b @1:12"});
    QTest::newRow("lines after block string") << src("\"\"\"a\nb\nc\"\"\" d\ne")
        << ::tokens({"BlockString a\nb\nc @1:1", "Name d @3:6", "Name e @4:1"});
    QTest::newRow("spread next to name") << src("...Frag ...on")
        << ::tokens({"... @1:1", "Name Frag @1:4", "... @1:9", "Name on @1:12"});
    QTest::newRow("number followed by punctuator") << src("1) 2] 3} 4, 5:")
        << ::tokens({"Int 1 @1:1", ") @1:2", "Int 2 @1:4", "] @1:5", "Int 3 @1:7", "} @1:8", "Int 4 @1:10", "Int 5 @1:13", ": @1:14"});
    QTest::newRow("string with nul escape") << src("\"a\\u0000b\"") << QStringList{QStringLiteral("String a") + QChar(0) + QStringLiteral("b @1:1")};
    QTest::newRow("nothing") << src("") << QStringList();
    QTest::newRow("only ignored tokens") << src(" \t,\n# comment\r\n\357\273\277") << QStringList();
}

void TestLexer::tokens()
{
    QFETCH(QByteArray, source);
    QFETCH(QStringList, expected);

    Lexer lexer(source);
    QStringList actual;
    try {
        for (Token token = lexer.next(); token.kind != TokenKind::EndOfFile; token = lexer.next())
            actual.append(describeToken(lexer, token));
    } catch (const SyntaxError &error) {
        QFAIL(qPrintable(error.message));
    }
    QCOMPARE(actual, expected);
}

void TestLexer::errors_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("single quote") << src("'a'")
        << QString::fromUtf8("Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?") << 1 << 1;
    QTest::newRow("unexpected character") << src("{ a ^ }")
        << QString::fromUtf8("Syntax Error: Unexpected character: \"^\".") << 1 << 5;
    QTest::newRow("unexpected question mark") << src("?")
        << QString::fromUtf8("Syntax Error: Unexpected character: \"?\".") << 1 << 1;
    QTest::newRow("control character") << src("\007")
        << QString::fromUtf8("Syntax Error: Unexpected character: U+0007.") << 1 << 1;
    QTest::newRow("nul character") << src("a\000")
        << QString::fromUtf8("Syntax Error: Unexpected character: U+0000.") << 1 << 2;
    QTest::newRow("non-ascii outside string") << src("{ é }")
        << QString::fromUtf8("Syntax Error: Unexpected character: U+00E9.") << 1 << 3;
    QTest::newRow("non-bmp outside string") << src("{ 😀 }")
        << QString::fromUtf8("Syntax Error: Unexpected character: U+1F600.") << 1 << 3;
    QTest::newRow("two dots") << src("..")
        << QString::fromUtf8("Syntax Error: Unexpected character: \".\".") << 1 << 1;
    QTest::newRow("dot then name") << src(".a")
        << QString::fromUtf8("Syntax Error: Unexpected character: \".\".") << 1 << 1;
    QTest::newRow("unterminated string") << src("\"abc")
        << QString::fromUtf8("Syntax Error: Unterminated string.") << 1 << 5;
    QTest::newRow("string across lines") << src("\"abc\ndef\"")
        << QString::fromUtf8("Syntax Error: Unterminated string.") << 1 << 5;
    QTest::newRow("string with cr") << src("\"abc\rdef\"")
        << QString::fromUtf8("Syntax Error: Unterminated string.") << 1 << 5;
    QTest::newRow("unterminated block string") << src("\"\"\"abc\n\ndef")
        << QString::fromUtf8("Syntax Error: Unterminated string.") << 3 << 4;
    QTest::newRow("bad escape") << src("\"\\q\"")
        << QString::fromUtf8("Syntax Error: Invalid character escape sequence: \"\\q\".") << 1 << 2;
    QTest::newRow("bad escape x") << src("\"\\x41\"")
        << QString::fromUtf8("Syntax Error: Invalid character escape sequence: \"\\x\".") << 1 << 2;
    QTest::newRow("short unicode escape") << src("\"\\u12\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\u12\"\".") << 1 << 2;
    QTest::newRow("non-hex unicode escape") << src("\"\\uXYZW\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\uXYZW\".") << 1 << 2;
    QTest::newRow("lone leading surrogate") << src("\"\\uD800\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".") << 1 << 2;
    QTest::newRow("lone trailing surrogate") << src("\"\\uDC00\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\uDC00\".") << 1 << 2;
    QTest::newRow("leading surrogate then non-surrogate") << src("\"\\uD800\\u0041\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\uD800\".") << 1 << 2;
    QTest::newRow("empty braced escape") << src("\"\\u{}\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".") << 1 << 2;
    QTest::newRow("braced escape above unicode") << src("\"\\u{110000}\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".") << 1 << 2;
    QTest::newRow("braced escape too long") << src("\"\\u{1234567}\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\u{1234567}\".") << 1 << 2;
    QTest::newRow("braced escape non-hex") << src("\"\\u{12x}\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\u{12x\".") << 1 << 2;
    QTest::newRow("braced escape surrogate") << src("\"\\u{D800}\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\".") << 1 << 2;
    QTest::newRow("braced escape twelve characters") << src("\"\\u{00000000041}\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\u{000000000\".") << 1 << 2;
    QTest::newRow("braced escape unterminated") << src("\"\\u{1F600")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\u{1F600\".") << 1 << 2;
    QTest::newRow("braced escape sign bit") << src("\"\\u{80000000}\"")
        << QString::fromUtf8("Syntax Error: Invalid Unicode escape sequence: \"\\u{80000000\".") << 1 << 2;
    QTest::newRow("leading zero") << src("00")
        << QString::fromUtf8("Syntax Error: Invalid number, unexpected digit after 0: \"0\".") << 1 << 2;
    QTest::newRow("leading zero then digit") << src("-01")
        << QString::fromUtf8("Syntax Error: Invalid number, unexpected digit after 0: \"1\".") << 1 << 3;
    QTest::newRow("no fraction digits") << src("1.")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: <EOF>.") << 1 << 3;
    QTest::newRow("fraction without integer") << src(".5")
        << QString::fromUtf8("Syntax Error: Unexpected character: \".\".") << 1 << 1;
    QTest::newRow("second dot") << src("1.5.")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: \".\".") << 1 << 4;
    QTest::newRow("exponent without digits") << src("1e")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: <EOF>.") << 1 << 3;
    QTest::newRow("signed exponent without digits") << src("1e+")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: <EOF>.") << 1 << 4;
    QTest::newRow("number then name") << src("1x")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: \"x\".") << 1 << 2;
    QTest::newRow("hex number") << src("0x1F")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: \"x\".") << 1 << 2;
    QTest::newRow("minus alone") << src("-")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: <EOF>.") << 1 << 2;
    QTest::newRow("double minus") << src("--1")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: \"-\".") << 1 << 2;
    QTest::newRow("float then dot") << src("1.2e3.4")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: \".\".") << 1 << 6;
    QTest::newRow("digit separator") << src("1_000")
        << QString::fromUtf8("Syntax Error: Invalid number, expected digit but got: \"_\".") << 1 << 2;
    QTest::newRow("number then non-ascii") << src("1é")
        << QString::fromUtf8("Syntax Error: Unexpected character: U+00E9.") << 1 << 2;
    QTest::newRow("error location after lines") << src("{\n  a\n  ^\n}")
        << QString::fromUtf8("Syntax Error: Unexpected character: \"^\".") << 3 << 3;
    QTest::newRow("error location after crlf") << src("{\r\n  a\r\n  ^\r\n}")
        << QString::fromUtf8("Syntax Error: Unexpected character: \"^\".") << 3 << 3;
    QTest::newRow("error location after non-bmp string") << src("\"😀\" ^")
        << QString::fromUtf8("Syntax Error: Unexpected character: \"^\".") << 1 << 6;
    QTest::newRow("error location inside block string") << src("\"\"\"\nok\n\\\"\"\" \\q \"\"\" ^")
        << QString::fromUtf8("Syntax Error: Unexpected character: \"^\".") << 3 << 13;
    QTest::newRow("bad escape after text") << src("\"hello \\z\"")
        << QString::fromUtf8("Syntax Error: Invalid character escape sequence: \"\\z\".") << 1 << 8;
}

void TestLexer::errors()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);

    Lexer lexer(source);
    try {
        for (int i = 0; i < 100 && lexer.next().kind != TokenKind::EndOfFile; ++i) { }
    } catch (const SyntaxError &error) {
        QCOMPARE(error.message, message);
        QCOMPARE(error.location.line, line);
        QCOMPARE(error.location.column, column);
        return;
    }
    QFAIL("no syntax error");
}

void TestLexer::blockStringValue_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("value");

    QTest::newRow("empty") << QString::fromUtf8("") << QString::fromUtf8("");
    QTest::newRow("only blank lines") << QString::fromUtf8("\n   \n\t\n") << QString::fromUtf8("");
    QTest::newRow("single line") << QString::fromUtf8("hello") << QString::fromUtf8("hello");
    QTest::newRow("single line keeps spaces") << QString::fromUtf8("  hello  ") << QString::fromUtf8("  hello  ");
    QTest::newRow("common indent removed") << QString::fromUtf8("\n    a\n      b\n    c\n") << QString::fromUtf8("a\n  b\nc");
    QTest::newRow("first line not counted for indent") << QString::fromUtf8("first\n    a\n    b") << QString::fromUtf8("first\na\nb");
    QTest::newRow("blank lines do not set indent") << QString::fromUtf8("\n    a\n\n  \n    b\n") << QString::fromUtf8("a\n\n\nb");
    QTest::newRow("tabs are whitespace") << QString::fromUtf8("\n\t\ta\n\t\tb") << QString::fromUtf8("a\nb");
    QTest::newRow("crlf and cr lines") << QString::fromUtf8("\r\n  a\r  b\r\n") << QString::fromUtf8("a\nb");
    QTest::newRow("leading and trailing blank lines") << QString::fromUtf8("\n\n  a\n\n") << QString::fromUtf8("a");
    QTest::newRow("inner blank line shorter than indent") << QString::fromUtf8("\n    a\n  \n    b") << QString::fromUtf8("a\n\nb");
    QTest::newRow("no common indent") << QString::fromUtf8("\na\n  b") << QString::fromUtf8("a\n  b");
}

void TestLexer::blockStringValue()
{
    QFETCH(QString, raw);
    QFETCH(QString, value);
    QCOMPARE(Subscriptor::GraphQL::blockStringValue(raw), value);
}

void TestLexer::offsetsAreBytes()
{
    // start/end index the UTF-8 source, while columns count UTF-16 units as graphql-js does.
    const QByteArray source = src("\"é😀\" name");
    Lexer lexer(source);
    const Token string = lexer.next();
    QCOMPARE(string.kind, TokenKind::String);
    QCOMPARE(string.start, qsizetype(0));
    QCOMPARE(string.end, qsizetype(8));
    QCOMPARE(lexer.text(string).toByteArray(), QByteArray("\"é😀\""));
    QCOMPARE(string.value, QString::fromUtf8("é😀"));
    const Token name = lexer.next();
    QCOMPARE(name.start, qsizetype(9));
    QCOMPARE(name.end, qsizetype(13));
    QCOMPARE(lexer.text(name).toByteArray(), QByteArray("name"));
    QCOMPARE(name.location, (Ast::Location{1, 7}));
}

void TestLexer::endOfFileRepeats()
{
    const QByteArray source = src("a # comment"); // the lexer does not own its source
    Lexer lexer(source);
    QCOMPARE(lexer.next().kind, TokenKind::Name);
    const Token end = lexer.next();
    QCOMPARE(end.kind, TokenKind::EndOfFile);
    QCOMPARE(end.location, (Ast::Location{1, 12}));
    QCOMPARE(lexer.next().kind, TokenKind::EndOfFile);
    QCOMPARE(lexer.tokenCount(), 3);
}

void TestLexer::describe_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("description");

    // graphql-js getTokenDesc, without the value of strings (the parser adds it).
    QTest::newRow("name") << src("hello") << QStringLiteral("Name \"hello\"");
    QTest::newRow("int") << src("-12") << QStringLiteral("Int \"-12\"");
    QTest::newRow("float") << src("1.5e3") << QStringLiteral("Float \"1.5e3\"");
    QTest::newRow("punctuator") << src("...") << QStringLiteral("\"...\"");
    QTest::newRow("brace") << src("{") << QStringLiteral("\"{\"");
    QTest::newRow("string") << src("\"x\"") << QStringLiteral("String");
    QTest::newRow("block string") << src("\"\"\"x\"\"\"") << QStringLiteral("BlockString");
    QTest::newRow("end of file") << src("  ") << QStringLiteral("<EOF>");
}

void TestLexer::describe()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, description);
    Lexer lexer(source);
    QCOMPARE(lexer.describe(lexer.next()), description);
}

void TestLexer::longLineIsLinear()
{
    // Half a megabyte on one line: locating each token must not rescan the line from its start.
    QByteArray source;
    while (source.size() < 512 * 1024)
        source += "abc ";
    Lexer lexer(source);
    QElapsedTimer timer;
    timer.start();
    Token token;
    int count = 0;
    for (token = lexer.next(); token.kind != TokenKind::EndOfFile; token = lexer.next())
        ++count;
    QCOMPARE(count, 512 * 1024 / 4);
    QCOMPARE(token.location, (Ast::Location{1, 512 * 1024 + 1}));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QStringLiteral("%1 ms").arg(timer.elapsed())));
}

QTEST_APPLESS_MAIN(TestLexer)

#include "tst_lexer.moc"

// SPDX-License-Identifier: MIT
// The parser against graphql-js 16's: the syntax tree of executable documents (with locations),
// type-system definitions recorded by name, every syntax error message with its line and column
// (expected values come from graphql-js), the limits, and robustness against broken documents.
#include "json.h"
#include "parser.h"

#include <QTest>

using namespace Subscriptor::GraphQL;

namespace {

QStringList lines(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

QString at(const Ast::Location &location)
{
    return QStringLiteral("@%1:%2").arg(location.line).arg(location.column);
}

/// A literal as the dump prints it: block strings get a `B` before their JSON-quoted value.
QString printValue(const Ast::ValueNode &value)
{
    using Kind = Ast::ValueNode::Kind;
    switch (value.kind) {
    case Kind::Variable:
        return u'$' + QString::fromUtf8(value.text);
    case Kind::Int:
    case Kind::Float:
    case Kind::Enum:
        return QString::fromUtf8(value.text);
    case Kind::String: {
        QByteArray quoted = value.block ? QByteArray("B") : QByteArray();
        Json::appendString(value.string, quoted);
        return QString::fromUtf8(quoted);
    }
    case Kind::Boolean:
        return value.boolean ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::List: {
        QStringList items;
        for (const Ast::ValueNode &item : value.list)
            items.append(printValue(item));
        return u'[' + items.join(QLatin1String(", ")) + u']';
    }
    case Kind::Object: {
        QStringList fields;
        for (const Ast::ObjectField &field : value.fields)
            fields.append(QString::fromUtf8(field.name.value) + QLatin1String(": ") + printValue(field.value));
        return u'{' + fields.join(QLatin1String(", ")) + u'}';
    }
    }
    return {};
}

QString printArguments(const std::vector<Ast::Argument> &arguments)
{
    if (arguments.empty())
        return {};
    QStringList items;
    for (const Ast::Argument &argument : arguments)
        items.append(QString::fromUtf8(argument.name.value) + QLatin1String(": ") + printValue(argument.value));
    return u'(' + items.join(QLatin1String(", ")) + u')';
}

QString printDirectives(const std::vector<Ast::Directive> &directives)
{
    QString out;
    for (const Ast::Directive &directive : directives) {
        out += QLatin1String(" @") + QString::fromUtf8(directive.name.value) + printArguments(directive.arguments) + u' '
            + at(directive.location);
    }
    return out;
}

void dumpSelections(const std::vector<Ast::Selection> &selections, const QString &indent, QStringList &out)
{
    for (const Ast::Selection &selection : selections) {
        QString line;
        switch (selection.kind) {
        case Ast::Selection::Kind::Field:
            if (!selection.alias.isEmpty())
                line = QString::fromUtf8(selection.alias.value) + QLatin1String(": ");
            line += QString::fromUtf8(selection.name.value) + printArguments(selection.arguments);
            break;
        case Ast::Selection::Kind::FragmentSpread:
            line = QLatin1String("...") + QString::fromUtf8(selection.name.value);
            break;
        case Ast::Selection::Kind::InlineFragment:
            line = QStringLiteral("...");
            if (!selection.typeCondition.isEmpty())
                line += QLatin1String(" on ") + QString::fromUtf8(selection.typeCondition.value);
            break;
        }
        line += u' ' + at(selection.location) + printDirectives(selection.directives);
        if (selection.hasSelectionSet())
            line += QLatin1String(" {") + at(selection.selectionSetLocation);
        out.append(indent + line);
        dumpSelections(selection.selectionSet, indent + QLatin1String("  "), out);
    }
}

/// The document, one line per definition, variable and selection, in the layout the expected
/// values were printed in from graphql-js's syntax tree.
QStringList dump(const Ast::Document &document)
{
    QStringList out;
    for (const Ast::Definition &definition : document.definitions) {
        switch (definition.kind) {
        case Ast::Definition::Kind::Operation: {
            const Ast::OperationDefinition &operation = document.operations[size_t(definition.index)];
            QString line = QString::fromLatin1(Ast::operationTypeName(operation.operation));
            if (!operation.name.isEmpty())
                line += u' ' + QString::fromUtf8(operation.name.value);
            out.append(line + u' ' + at(operation.location) + printDirectives(operation.directives));
            for (const Ast::VariableDefinition &variable : operation.variables) {
                line = QLatin1String("  $") + QString::fromUtf8(variable.variable.value) + QLatin1String(": ")
                    + QString::fromUtf8(variable.type.toString());
                if (variable.hasDefaultValue)
                    line += QLatin1String(" = ") + printValue(variable.defaultValue);
                out.append(line + u' ' + at(variable.location) + printDirectives(variable.directives));
            }
            dumpSelections(operation.selectionSet, QStringLiteral("  "), out);
            break;
        }
        case Ast::Definition::Kind::Fragment: {
            const Ast::FragmentDefinition &fragment = document.fragments[size_t(definition.index)];
            out.append(QLatin1String("fragment ") + QString::fromUtf8(fragment.name.value) + QLatin1String(" on ")
                       + QString::fromUtf8(fragment.typeCondition.value) + u' ' + at(fragment.location)
                       + printDirectives(fragment.directives));
            dumpSelections(fragment.selectionSet, QStringLiteral("  "), out);
            break;
        }
        case Ast::Definition::Kind::TypeSystem: {
            const Ast::TypeSystemDefinition &typeSystem = document.typeSystemDefinitions[size_t(definition.index)];
            QString line = QString::fromUtf8(typeSystem.keyword);
            if (!typeSystem.name.isEmpty())
                line += u' ' + QString::fromUtf8(typeSystem.name.value);
            out.append(line + u' ' + at(typeSystem.location));
            break;
        }
        }
    }
    return out;
}

QString describeError(const ParseResult &result)
{
    if (!result.error)
        return QStringLiteral("no error");
    const Error &error = *result.error;
    return error.message + u' ' + (error.locations.isEmpty() ? QStringLiteral("(no location)") : at(error.locations.first()));
}

QByteArray repeated(QByteArrayView part, int count)
{
    QByteArray out;
    out.reserve(part.size() * count);
    for (int i = 0; i < count; ++i)
        out += part;
    return out;
}

} // namespace

class TestParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structure_data();
    void structure();
    void literals_data();
    void literals();
    void syntaxErrors_data();
    void syntaxErrors();
    void nesting_data();
    void nesting();
    void limits_data();
    void limits();
    void typeSystemDefinitions();
    void documentApi();
    void brokenDocuments_data();
    void brokenDocuments();
};

void TestParser::structure_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("shorthand query") << QByteArray("{ a }")
        << lines({"query @1:1",
                  "  a @1:3"});
    QTest::newRow("nested selections") << QByteArray("{ a { b { c } d } e }")
        << lines({"query @1:1",
                  "  a @1:3 {@1:5",
                  "    b @1:7 {@1:9",
                  "      c @1:11",
                  "    d @1:15",
                  "  e @1:19"});
    QTest::newRow("aliases and arguments") << QByteArray("{ x: a(first: 1, after: \"c\") y: a }")
        << lines({"query @1:1",
                  "  x: a(first: 1, after: \"c\") @1:3",
                  "  y: a @1:30"});
    QTest::newRow("named query with variables") << QByteArray("query Q($id: ID!, $list: [[Int!]]!, $in: Input) { node(id: $id) { id } }")
        << lines({"query Q @1:1",
                  "  $id: ID! @1:9",
                  "  $list: [[Int!]]! @1:19",
                  "  $in: Input @1:37",
                  "  node(id: $id) @1:51 {@1:65",
                  "    id @1:67"});
    QTest::newRow("variable defaults") << QByteArray("query ($a: Int = -1, $b: Float = 1.5e-3, $c: String = \"s\", $d: Boolean = false, $e: E = RED, $f: [Int] = [1, 2], $g: In = {x: null}) { a }")
        << lines({"query @1:1",
                  "  $a: Int = -1 @1:8",
                  "  $b: Float = 1.5e-3 @1:22",
                  "  $c: String = \"s\" @1:42",
                  "  $d: Boolean = false @1:60",
                  "  $e: E = RED @1:81",
                  "  $f: [Int] = [1, 2] @1:94",
                  "  $g: In = {x: null} @1:114",
                  "  a @1:136"});
    QTest::newRow("variable directives") << QByteArray("query ($a: Int @dir(x: 1) @other) { a }")
        << lines({"query @1:1",
                  "  $a: Int @1:8 @dir(x: 1) @1:16 @other @1:27",
                  "  a @1:37"});
    QTest::newRow("operation directives") << QByteArray("query Q @a @b(x: [1]) { a }")
        << lines({"query Q @1:1 @a @1:9 @b(x: [1]) @1:12",
                  "  a @1:25"});
    QTest::newRow("mutation") << QByteArray("mutation M { like(id: 3) { count } }")
        << lines({"mutation M @1:1",
                  "  like(id: 3) @1:14 {@1:26",
                  "    count @1:28"});
    QTest::newRow("subscription") << QByteArray("subscription S($c: String!) { messages(channel: $c) { body } }")
        << lines({"subscription S @1:1",
                  "  $c: String! @1:16",
                  "  messages(channel: $c) @1:31 {@1:53",
                  "    body @1:55"});
    QTest::newRow("anonymous mutation") << QByteArray("mutation { a }")
        << lines({"mutation @1:1",
                  "  a @1:12"});
    QTest::newRow("field directives") << QByteArray("{ a @skip(if: true) @include(if: $v) b @deprecated }")
        << lines({"query @1:1",
                  "  a @1:3 @skip(if: true) @1:5 @include(if: $v) @1:21",
                  "  b @1:38 @deprecated @1:40"});
    QTest::newRow("fragment spreads") << QByteArray("{ ...A ...B @include(if: $x) }")
        << lines({"query @1:1",
                  "  ...A @1:3",
                  "  ...B @1:8 @include(if: $x) @1:13"});
    QTest::newRow("inline fragments") << QByteArray("{ ... on User { name } ... @skip(if: false) { id } ... { x } }")
        << lines({"query @1:1",
                  "  ... on User @1:3 {@1:15",
                  "    name @1:17",
                  "  ... @1:24 @skip(if: false) @1:28 {@1:45",
                  "    id @1:47",
                  "  ... @1:52 {@1:56",
                  "    x @1:58"});
    QTest::newRow("fragment definitions") << QByteArray("fragment A on User { name } fragment B on Query @dir { a }")
        << lines({"fragment A on User @1:1",
                  "  name @1:22",
                  "fragment B on Query @1:29 @dir @1:49",
                  "  a @1:56"});
    QTest::newRow("keywords as names") << QByteArray("{ query mutation subscription fragment on type schema true: null false extend }")
        << lines({"query @1:1",
                  "  query @1:3",
                  "  mutation @1:9",
                  "  subscription @1:18",
                  "  fragment @1:31",
                  "  on @1:40",
                  "  type @1:43",
                  "  schema @1:48",
                  "  true: null @1:55",
                  "  false @1:66",
                  "  extend @1:72"});
    QTest::newRow("keyword operation name") << QByteArray("query query { a } mutation mutation { b } subscription subscription { c }")
        << lines({"query query @1:1",
                  "  a @1:15",
                  "mutation mutation @1:19",
                  "  b @1:39",
                  "subscription subscription @1:43",
                  "  c @1:71"});
    QTest::newRow("keyword fragment name") << QByteArray("fragment query on Query { a }")
        << lines({"fragment query on Query @1:1",
                  "  a @1:27"});
    QTest::newRow("list and object values") << QByteArray("{ a(x: [], y: {}, z: [[1], [2, 3]], w: {a: {b: [{c: 1}]}}) }")
        << lines({"query @1:1",
                  "  a(x: [], y: {}, z: [[1], [2, 3]], w: {a: {b: [{c: 1}]}}) @1:3"});
    QTest::newRow("string values") << QByteArray("{ a(x: \"esc \\\" \\\\ \\n \\u00e9 \\u{1F600}\", y: \"\"\"  block\n    text\n  \"\"\", z: \"\") }")
        << lines({"query @1:1",
                  "  a(x: \"esc \\\" \\\\ \\n é 😀\", y: B\"  block\\ntext\", z: \"\") @1:3"});
    QTest::newRow("number values") << QByteArray("{ a(x: 0, y: -0, z: 123456789012, w: -1.0e+10, v: 0.5E-2) }")
        << lines({"query @1:1",
                  "  a(x: 0, y: -0, z: 123456789012, w: -1.0e+10, v: 0.5E-2) @1:3"});
    QTest::newRow("enum-like values") << QByteArray("{ a(x: true, y: false, z: null, w: TRUE, v: Null, u: on) }")
        << lines({"query @1:1",
                  "  a(x: true, y: false, z: null, w: TRUE, v: Null, u: on) @1:3"});
    QTest::newRow("variables in values") << QByteArray("{ a(x: $v, y: [$w], z: {k: $u}) }")
        << lines({"query @1:1",
                  "  a(x: $v, y: [$w], z: {k: $u}) @1:3"});
    QTest::newRow("commas and comments") << QByteArray("# first\n{,a,,b # c\n,c,}")
        << lines({"query @2:1",
                  "  a @2:3",
                  "  b @2:6",
                  "  c @3:2"});
    QTest::newRow("multi-line locations") << QByteArray("query Q(\n  $a: Int\n) {\n  f(\n    x: $a\n  ) {\n    g\n  }\n}")
        << lines({"query Q @1:1",
                  "  $a: Int @2:3",
                  "  f(x: $a) @4:3 {@6:5",
                  "    g @7:5"});
    QTest::newRow("crlf locations") << QByteArray("{\r\n  a\r\n  b {\r\n    c\r\n  }\r\n}")
        << lines({"query @1:1",
                  "  a @2:3",
                  "  b @3:3 {@3:5",
                  "    c @4:5"});
    QTest::newRow("non-bmp columns") << QByteArray("{ a(x: \"😀😀\") b }")
        << lines({"query @1:1",
                  "  a(x: \"😀😀\") @1:3",
                  "  b @1:16"});
    QTest::newRow("byte order mark") << QByteArray("\357\273\277{ a }")
        << lines({"query @1:2",
                  "  a @1:4"});
    QTest::newRow("operations and fragments mixed") << QByteArray("{ a } query Q { b } fragment F on T { c } mutation { d }")
        << lines({"query @1:1",
                  "  a @1:3",
                  "query Q @1:7",
                  "  b @1:17",
                  "fragment F on T @1:21",
                  "  c @1:39",
                  "mutation @1:43",
                  "  d @1:54"});
    QTest::newRow("type system definitions kept by name") << QByteArray("scalar Date type Query { a: Int } interface I { a: Int } union U = A | B enum E { A B } input In { a: Int = 1 } directive @d(a: Int) repeatable on FIELD | QUERY schema { query: Query }")
        << lines({"scalar Date @1:1",
                  "type Query @1:13",
                  "interface I @1:35",
                  "union U @1:58",
                  "enum E @1:74",
                  "input In @1:89",
                  "directive d @1:113",
                  "schema @1:162"});
    QTest::newRow("type system with descriptions") << QByteArray("\"scalar\" scalar S \"\"\"type\"\"\" type T implements & A & B @d { \"f\" f(\"arg\" a: [Int!] = [1] @deprecated): T @d }")
        << lines({"scalar S @1:1",
                  "type T @1:19"});
    QTest::newRow("type system extensions") << QByteArray("extend schema @d extend scalar S @d extend type T implements I extend interface I { b: Int } extend union U = C extend enum E { C } extend input In { b: Int }")
        << lines({"extend schema @1:1",
                  "extend scalar S @1:18",
                  "extend type T @1:37",
                  "extend interface I @1:64",
                  "extend union U @1:94",
                  "extend enum E @1:113",
                  "extend input In @1:133"});
    QTest::newRow("type system between operations") << QByteArray("{ a } type T { a: Int } { b }")
        << lines({"query @1:1",
                  "  a @1:3",
                  "type T @1:7",
                  "query @1:25",
                  "  b @1:27"});
}

void TestParser::structure()
{
    QFETCH(QByteArray, source);
    QFETCH(QStringList, expected);

    const ParseResult result = Parser::parse(source);
    QVERIFY2(result.document, qPrintable(describeError(result)));
    QVERIFY(!result.error);
    QCOMPARE(dump(*result.document), expected);
    QCOMPARE(result.document->source, source);
}

void TestParser::literals_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("printed");

    using Kind = Ast::ValueNode::Kind;
    QTest::newRow("int") << QByteArray("42") << int(Kind::Int) << QStringLiteral("42");
    QTest::newRow("negative int") << QByteArray("-7") << int(Kind::Int) << QStringLiteral("-7");
    QTest::newRow("int beyond 64 bits keeps its digits") << QByteArray("123456789012345678901234567890") << int(Kind::Int)
                                                         << QStringLiteral("123456789012345678901234567890");
    QTest::newRow("float with fraction") << QByteArray("3.25") << int(Kind::Float) << QStringLiteral("3.25");
    QTest::newRow("float with exponent") << QByteArray("1e3") << int(Kind::Float) << QStringLiteral("1e3");
    QTest::newRow("float with both") << QByteArray("-2.5E-10") << int(Kind::Float) << QStringLiteral("-2.5E-10");
    QTest::newRow("string") << QByteArray("\"hi \\\"there\\\"\"") << int(Kind::String) << QStringLiteral("\"hi \\\"there\\\"\"");
    QTest::newRow("empty string") << QByteArray("\"\"") << int(Kind::String) << QStringLiteral("\"\"");
    QTest::newRow("block string") << QByteArray("\"\"\"\n  two\n  lines\n\"\"\"") << int(Kind::String)
                                  << QStringLiteral("B\"two\\nlines\"");
    QTest::newRow("true") << QByteArray("true") << int(Kind::Boolean) << QStringLiteral("true");
    QTest::newRow("false") << QByteArray("false") << int(Kind::Boolean) << QStringLiteral("false");
    QTest::newRow("null") << QByteArray("null") << int(Kind::Null) << QStringLiteral("null");
    QTest::newRow("enum") << QByteArray("RED") << int(Kind::Enum) << QStringLiteral("RED");
    QTest::newRow("enum that looks like a keyword") << QByteArray("True") << int(Kind::Enum) << QStringLiteral("True");
    QTest::newRow("variable") << QByteArray("$v") << int(Kind::Variable) << QStringLiteral("$v");
    QTest::newRow("empty list") << QByteArray("[]") << int(Kind::List) << QStringLiteral("[]");
    QTest::newRow("list of mixed literals") << QByteArray("[1, \"a\", [true], {b: null}]") << int(Kind::List)
                                            << QStringLiteral("[1, \"a\", [true], {b: null}]");
    QTest::newRow("empty object") << QByteArray("{}") << int(Kind::Object) << QStringLiteral("{}");
    QTest::newRow("object keeps field order and repeats") << QByteArray("{z: 1, a: 2, z: 3}") << int(Kind::Object)
                                                          << QStringLiteral("{z: 1, a: 2, z: 3}");
}

void TestParser::literals()
{
    QFETCH(QByteArray, literal);
    QFETCH(int, kind);
    QFETCH(QString, printed);

    const ParseResult result = Parser::parse("{ f(a: " + literal + ") }");
    QVERIFY2(result.document, qPrintable(describeError(result)));
    const Ast::ValueNode &value = result.document->operations.at(0).selectionSet.at(0).arguments.at(0).value;
    QCOMPARE(int(value.kind), kind);
    QCOMPARE(printValue(value), printed);
    QCOMPARE(value.location, (Ast::Location{1, 8}));
}

void TestParser::syntaxErrors_data()
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

void TestParser::syntaxErrors()
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

void TestParser::nesting_data()
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

void TestParser::nesting()
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

void TestParser::limits_data()
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

void TestParser::limits()
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

void TestParser::typeSystemDefinitions()
{
    // In an executable document type-system definitions are recorded by name, in document order,
    // so that the validator can name them (spec §5.1.1); executable definitions are kept in full.
    const QByteArray source = "{ a }\n"
                              "\"\"\"Doc\"\"\" type Query { a: Int }\n"
                              "fragment F on Query { a }\n"
                              "extend schema @dir\n"
                              "directive @cached(ttl: Int = 60) repeatable on FIELD\n"
                              "extend input In { b: [In!] = [] }\n"
                              "query Q { ...F }\n";
    const ParseResult result = Parser::parse(source);
    QVERIFY2(result.document, qPrintable(describeError(result)));
    const Ast::Document &document = *result.document;

    QList<Ast::Definition::Kind> kinds;
    for (const Ast::Definition &definition : document.definitions)
        kinds.append(definition.kind);
    using K = Ast::Definition::Kind;
    QCOMPARE(kinds, (QList<K>{K::Operation, K::TypeSystem, K::Fragment, K::TypeSystem, K::TypeSystem, K::TypeSystem,
                              K::Operation}));
    QCOMPARE(document.operations.size(), size_t(2));
    QCOMPARE(document.fragments.size(), size_t(1));
    QCOMPARE(document.typeSystemDefinitions.size(), size_t(4));

    const auto &typeSystem = document.typeSystemDefinitions;
    QCOMPARE(typeSystem[0].keyword, QByteArray("type"));
    QCOMPARE(typeSystem[0].name.value, QByteArray("Query"));
    QCOMPARE(typeSystem[0].location, (Ast::Location{2, 1}));
    QCOMPARE(typeSystem[0].name.location, (Ast::Location{2, 16}));
    QCOMPARE(typeSystem[1].keyword, QByteArray("extend schema"));
    QVERIFY(typeSystem[1].name.isEmpty());
    QCOMPARE(typeSystem[1].location, (Ast::Location{4, 1}));
    QCOMPARE(typeSystem[2].keyword, QByteArray("directive"));
    QCOMPARE(typeSystem[2].name.value, QByteArray("cached"));
    QCOMPARE(typeSystem[3].keyword, QByteArray("extend input"));
    QCOMPARE(typeSystem[3].name.value, QByteArray("In"));
    QCOMPARE(typeSystem[3].location, (Ast::Location{6, 1}));
    QCOMPARE(document.definitions[6].index, qsizetype(1));
    QCOMPARE(document.operations[1].name.value, QByteArray("Q"));
}

void TestParser::documentApi()
{
    const ParseResult result = Parser::parse("query Q($v: [[Int]!]!) { alias: f { g } h } fragment A on T { a } fragment B on T { b }");
    QVERIFY2(result.document, qPrintable(describeError(result)));
    const Ast::Document &document = *result.document;
    QCOMPARE(document.fragment("B")->selectionSet.at(0).name.value, QByteArray("b"));
    QCOMPARE(document.fragment("A")->typeCondition.value, QByteArray("T"));
    QVERIFY(!document.fragment("C"));

    const Ast::OperationDefinition &operation = document.operations.at(0);
    QCOMPARE(Ast::operationTypeName(operation.operation), "query");
    const Ast::TypeNode &type = operation.variables.at(0).type;
    QCOMPARE(type.toString(), QByteArray("[[Int]!]!"));
    QCOMPARE(type.kind, Ast::TypeNode::Kind::NonNull);
    QCOMPARE(type.namedType().value, QByteArray("Int"));
    QCOMPARE(type.namedType().location, (Ast::Location{1, 15}));
    const Ast::TypeNode copy = type; // deep copy of the wrappers
    QCOMPARE(copy.toString(), QByteArray("[[Int]!]!"));
    QVERIFY(copy.ofType.get() != type.ofType.get());

    const Ast::Selection &aliased = operation.selectionSet.at(0);
    QCOMPARE(aliased.responseKey(), QByteArray("alias"));
    QVERIFY(aliased.isField());
    QVERIFY(aliased.hasSelectionSet());
    const Ast::Selection &plain = operation.selectionSet.at(1);
    QCOMPARE(plain.responseKey(), QByteArray("h"));
    QVERIFY(!plain.hasSelectionSet());
}

void TestParser::brokenDocuments_data()
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

void TestParser::brokenDocuments()
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

QTEST_APPLESS_MAIN(TestParser)

#include "tst_parser.moc"

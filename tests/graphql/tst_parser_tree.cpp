// SPDX-License-Identifier: MIT
// The parser against graphql-js 16's syntax tree: executable documents with the location of every
// node (expected values printed from graphql-js's tree), literals of every kind, type-system
// definitions recorded by name, and the document's API.
#include "json.h"
#include "parser.h"
#include "parsertestsupport.h"
#include "textlines.h"

#include <QTest>

using namespace Subscriptor::GraphQL;
using namespace Subscriptor::Tests;

namespace {

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

} // namespace

class TestParserTree final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void structure_data();
    void structure();
    void literals_data();
    void literals();
    void typeSystemDefinitions();
    void documentApi();
};

void TestParserTree::structure_data()
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

void TestParserTree::structure()
{
    QFETCH(QByteArray, source);
    QFETCH(QStringList, expected);

    const ParseResult result = Parser::parse(source);
    QVERIFY2(result.document, qPrintable(describeError(result)));
    QVERIFY(!result.error);
    QCOMPARE(dump(*result.document), expected);
    QCOMPARE(result.document->source, source);
}

void TestParserTree::literals_data()
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

void TestParserTree::literals()
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

void TestParserTree::typeSystemDefinitions()
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

void TestParserTree::documentApi()
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

QTEST_APPLESS_MAIN(TestParserTree)

#include "tst_parser_tree.moc"

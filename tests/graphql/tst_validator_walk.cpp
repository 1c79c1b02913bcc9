// SPDX-License-Identifier: MIT
// How the validator walks a whole document: the errors of several rules in graphql-js 16.15's order,
// the type-system definitions it checks besides the executable ones, and the bounds on its work
// (the error limit, the work budgets, fragments followed without recursion).
#include "parser.h"
#include "validator.h"
#include "validatorfixture.h"

#include <QTest>

#include <initializer_list>

using namespace Subscriptor::GraphQL;
using namespace Subscriptor::Tests;

namespace {

const QLatin1StringView Aborted("Validation aborted.");
const QLatin1StringView TooManyErrors("Too many validation errors, error limit reached. Validation aborted.");

/// A row of typeSystemDefinitions: the rules of all errors, and the message and locations of each
/// error past those of ExecutableDefinitionsRule, as `message @line:column line:column`.
void typeSystemRow(const char *name, const char *document, std::initializer_list<const char *> rules,
                   std::initializer_list<const char *> messages)
{
    QStringList ruleNames;
    for (const char *rule : rules)
        ruleNames.append(QString::fromLatin1(rule));
    QStringList messageTexts;
    for (const char *message : messages)
        messageTexts.append(QString::fromUtf8(message));
    QTest::newRow(name) << QByteArray(document) << ruleNames << messageTexts;
}

/// `count` copies of `pattern`, with %1 replaced by the copy's number (and %2 by the next one's).
QByteArray repeated(const char *pattern, int count, int from = 0)
{
    QByteArray text;
    for (int i = from; i < from + count; ++i)
        text += QByteArray(pattern).replace("%1", QByteArray::number(i)).replace("%2", QByteArray::number(i + 1)) + ' ';
    return text;
}

} // namespace

class TestValidatorWalk final : public QObject, private ValidatorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { loadSchema(); }

    void errorOrder_data();
    void errorOrder() { checkRow(); }
    void typeSystemDefinitions_data();
    void typeSystemDefinitions();

    void limits_data();
    void limits();
};

// Errors of several rules come in graphql-js's order: document order, and rule order at one node.
void TestValidatorWalk::errorOrder_data()
{
    addColumns();
    invalid("rules at one field in rule order",
            "{ dog { doesKnowCommand(dogCommand: 1, dogCommand: 2, bad: 3) @withArgs(limit: \"x\") @withArgs } }",
            {"UniqueDirectivesPerLocationRule", "UniqueArgumentNamesRule", "ValuesOfCorrectTypeRule", "ValuesOfCorrectTypeRule", "KnownArgumentNamesRule", "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule"},
            "The directive \"@withArgs\" can only be used once at this location.", "1:63");
    invalid("document order across definitions",
            "query Q($a: Int, $a: Int) @skip(if: true) { unknown(x: 1) dog { name { x } ...F } } fragment F on Cat { meows }",
            {"UniqueVariableNamesRule", "KnownDirectivesRule", "FieldsOnCorrectTypeRule", "ScalarLeafsRule", "PossibleFragmentSpreadsRule", "NoUnusedVariablesRule", "NoUnusedVariablesRule"},
            "There can be only one variable named \"$a\".", "1:10");
    invalid("leaving operations and the document",
            "query A { dog { isHouseTrained(atOtherHomes: $x) ...F } } fragment F on Dog { name(surname: $y) } query B($z: Int) { dog { ...F } } fragment G on Dog { name }",
            {"NoUndefinedVariablesRule", "NoUndefinedVariablesRule", "NoUndefinedVariablesRule", "NoUnusedVariablesRule", "NoUnusedFragmentsRule"},
            "Variable \"$x\" is not defined by operation \"A\".", "1:46");
}

// Type-system definitions in an executable document: besides ExecutableDefinitionsRule, graphql-js
// checks the type names and directives inside them as it checks those of operations.
void TestValidatorWalk::typeSystemDefinitions_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QStringList>("messages");

    typeSystemRow("KnownTypeNamesRule: unknown types in SDL",
                  "{ dog { name } } type Cow { friend: Unicorn name: Strin } union U = Cow | Dgo",
                  {"ExecutableDefinitionsRule", "ExecutableDefinitionsRule", "KnownTypeNamesRule", "KnownTypeNamesRule",
                   "KnownTypeNamesRule"},
                  {"Unknown type \"Unicorn\". @1:37", "Unknown type \"Strin\". Did you mean \"String\"? @1:51",
                   "Unknown type \"Dgo\". Did you mean \"Dog\"? @1:75"});
    // Only in SDL are the built-in scalars and introspection types known whatever the schema has.
    typeSystemRow("KnownTypeNamesRule: standard types in SDL",
                  "type Cow { a: Float b: ID c: __Schema d: [__TypeKind!] } query Q($f: Flot) { dog { name } }",
                  {"ExecutableDefinitionsRule", "KnownTypeNamesRule", "NoUnusedVariablesRule"},
                  {"Unknown type \"Flot\". Did you mean \"Float\"? @1:70",
                   "Variable \"$f\" is never used in operation \"Q\". @1:66"});
    typeSystemRow("KnownTypeNamesRule: types defined in the document are known",
                  "schema { query: Query } scalar Moo type Cow implements Being & Pet { f: Moo g(a: In): Cow } "
                  "input In { i: In } { dog { name } }",
                  {"ExecutableDefinitionsRule", "ExecutableDefinitionsRule", "ExecutableDefinitionsRule",
                   "ExecutableDefinitionsRule"},
                  {});
    typeSystemRow("KnownDirectivesRule: unknown and misplaced directives in SDL",
                  "type Cow @unknown @onSchemaElement { f(a: Int @onField): String @deprecated @onQuery } "
                  "enum E @onSchemaElement { A @deprecated } extend input In { b: Int @deprecated @onSchemaElement }",
                  {"ExecutableDefinitionsRule", "ExecutableDefinitionsRule", "ExecutableDefinitionsRule",
                   "KnownDirectivesRule", "KnownDirectivesRule", "KnownDirectivesRule", "KnownDirectivesRule",
                   "KnownDirectivesRule"},
                  {"Unknown directive \"@unknown\". @1:10",
                   "Directive \"@onField\" may not be used on ARGUMENT_DEFINITION. @1:47",
                   "Directive \"@onQuery\" may not be used on FIELD_DEFINITION. @1:77",
                   "Directive \"@onSchemaElement\" may not be used on ENUM. @1:95",
                   // graphql-js: input fields of an extension are ARGUMENT_DEFINITION, not INPUT_FIELD_DEFINITION
                   "Directive \"@onSchemaElement\" may not be used on ARGUMENT_DEFINITION. @1:167"});
    typeSystemRow("KnownDirectivesRule: directives defined in the document are known with their locations",
                  "directive @moo on OBJECT | FIELD type Cow @moo { f: String @moo } { dog @moo { name } }",
                  {"ExecutableDefinitionsRule", "ExecutableDefinitionsRule", "KnownDirectivesRule"},
                  {"Directive \"@moo\" may not be used on FIELD_DEFINITION. @1:60"});
    typeSystemRow("KnownDirectivesRule: a directive defined in the document replaces the schema's",
                  "directive @onQuery on FIELD query Q @onQuery { dog @onQuery { name } }",
                  {"ExecutableDefinitionsRule", "KnownDirectivesRule"},
                  {"Directive \"@onQuery\" may not be used on QUERY. @1:37"});
    typeSystemRow("UniqueDirectivesPerLocationRule: a type's definition and extensions are one location",
                  "type Cow @onSchemaElement { f: Int @deprecated @deprecated } extend type Cow @onSchemaElement",
                  {"ExecutableDefinitionsRule", "ExecutableDefinitionsRule", "UniqueDirectivesPerLocationRule",
                   "UniqueDirectivesPerLocationRule"},
                  {"The directive \"@deprecated\" can only be used once at this location. @1:36 1:48",
                   "The directive \"@onSchemaElement\" can only be used once at this location. @1:10 1:78"});
    // A node's directive list is checked when the walk enters the node, its directives where they are.
    typeSystemRow("errors in graphql-js's visit order",
                  "type Cow { f(a: Nope @deprecated @deprecated): String @deprecated @unknown @deprecated }",
                  {"ExecutableDefinitionsRule", "UniqueDirectivesPerLocationRule", "UniqueDirectivesPerLocationRule",
                   "KnownTypeNamesRule", "KnownDirectivesRule"},
                  {"The directive \"@deprecated\" can only be used once at this location. @1:55 1:76",
                   "The directive \"@deprecated\" can only be used once at this location. @1:22 1:34",
                   "Unknown type \"Nope\". @1:17", "Unknown directive \"@unknown\". @1:67"});
}

void TestValidatorWalk::typeSystemDefinitions()
{
    QFETCH(QByteArray, document);
    QFETCH(QStringList, rules);
    QFETCH(QStringList, messages);

    const ParseResult parsed = Parser::parse(document);
    QVERIFY2(parsed.document, parsed.error ? qPrintable(parsed.error->message) : "no document");
    const ErrorList errors = Validator::validate(*m_schema, *parsed.document);
    QStringList reportedRules;
    QStringList reportedMessages;
    for (const Error &error : errors) {
        reportedRules.append(QString::fromLatin1(error.rule));
        if (error.rule == "ExecutableDefinitionsRule")
            continue;
        QStringList locations;
        for (const Ast::Location &location : error.locations)
            locations.append(locationText(location));
        reportedMessages.append(error.message + QLatin1String(" @") + locations.join(u' '));
    }
    QCOMPARE(reportedRules, rules);
    QCOMPARE(reportedMessages, messages);
}

// The bounds on the work a document may cost: graphql-js's error limit and work budgets, and the
// walks that follow fragments without recursion.
void TestValidatorWalk::limits_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<int>("errorCount");
    QTest::addColumn<QString>("lastMessageStart");

    QTest::newRow("100 errors") << "{ " + repeated("u%1", 100) + '}' << 100
                                << QStringLiteral("Cannot query field \"u99\" on type \"Query\".");
    QTest::newRow("past 100 errors") << "{ " + repeated("u%1", 150) + '}' << 101 << QString(TooManyErrors);
    // Each operation reaches a different tail of one chain of fragments.
    QTest::newRow("fragment work budget")
        << repeated("query Q%1 { dog { ...F%1 } }", 400) + repeated("fragment F%1 on Dog { name ...F%2 }", 400)
               + "fragment F400 on Dog { name }"
        << 1 << QString(Aborted);
    QTest::newRow("comparison budget") << "{ dog { " + repeated("name", 1000) + "} }" << 1 << QString(Aborted);
    QTest::newRow("errors before the budget ran out") << "{ " + repeated("u%1", 50) + "dog { " + repeated("name", 1000) + "} }"
                                                      << 51 << QString(Aborted);
    // graphql-js overflows its stack on the next three; we stop comparing fields nested more than
    // 128 levels deep, and walk chains of fragments without recursion.
    QTest::newRow("comparisons nested through 1000 fragments")
        << "{ dog { ...F0 ...G0 } } " + repeated("fragment F%1 on Dog { mother { ...F%2 } }", 1000)
               + repeated("fragment G%1 on Dog { mother { ...G%2 } }", 1000)
               + "fragment F1000 on Dog { name } fragment G1000 on Dog { name }"
        << 1 << QString(Aborted);
    QTest::newRow("cycle through 5000 fragments")
        << "{ dog { ...F0 } } " + repeated("fragment F%1 on Dog { ...F%2 }", 4999) + "fragment F4999 on Dog { ...F0 }" << 1
        << QStringLiteral("Cannot spread fragment \"F0\" within itself via \"F1\", \"F2\"");
    QTest::newRow("chain of 5000 fragments")
        << "{ dog { ...F0 } } " + repeated("fragment F%1 on Dog { ...F%2 }", 4999) + "fragment F4999 on Dog { name }" << 0
        << QString();
}

void TestValidatorWalk::limits()
{
    QFETCH(QByteArray, document);
    QFETCH(int, errorCount);
    QFETCH(QString, lastMessageStart);

    const ParseResult parsed = Parser::parse(document);
    QVERIFY2(parsed.document, parsed.error ? qPrintable(parsed.error->message) : "no document");
    const ErrorList errors = Validator::validate(*m_schema, *parsed.document);
    QCOMPARE(errors.size(), errorCount);
    if (errors.isEmpty())
        return;
    QVERIFY2(errors.last().message.startsWith(lastMessageStart), qPrintable(errors.last().message.left(200)));
    // The errors that stop validation belong to no rule.
    if (lastMessageStart == Aborted || lastMessageStart == TooManyErrors)
        QVERIFY(errors.last().rule.isEmpty());
}

QTEST_GUILESS_MAIN(TestValidatorWalk)
#include "tst_validator_walk.moc"

// SPDX-License-Identifier: MIT
#include "parser.h"
#include "schema.h"
#include "testschema.h"
#include "validator.h"

#include <QTest>

#include <initializer_list>

using namespace Subscriptor;
using namespace Subscriptor::GraphQL;

namespace {

const QLatin1StringView Aborted("Validation aborted.");
const QLatin1StringView TooManyErrors("Too many validation errors, error limit reached. Validation aborted.");

// Each row: a document, the rules of all its errors in the order they are reported, and the message
// and line:column of the first error. The expected results are graphql-js 16.15's unless a comment
// says otherwise.
void addColumns()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QStringList>("rules");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("location");
}

void valid(const char *name, const char *document)
{
    QTest::newRow(name) << QByteArray(document) << QStringList() << QString() << QString();
}

void invalid(const char *name, const char *document, std::initializer_list<const char *> rules, const char *message,
             const char *location)
{
    QStringList ruleNames;
    for (const char *rule : rules)
        ruleNames.append(QString::fromLatin1(rule));
    QTest::newRow(name) << QByteArray(document) << ruleNames << QString::fromUtf8(message) << QString::fromLatin1(location);
}

QString locationText(const Ast::Location &location)
{
    return QString::number(location.line) + u':' + QString::number(location.column);
}

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

class TestValidator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void specExamples_data();
    void specExamples() { checkRow(); }
    void documentRules_data();
    void documentRules() { checkRow(); }
    void fieldRules_data();
    void fieldRules() { checkRow(); }
    void fragmentRules_data();
    void fragmentRules() { checkRow(); }
    void variableRules_data();
    void variableRules() { checkRow(); }
    void directiveRules_data();
    void directiveRules() { checkRow(); }
    void argumentRules_data();
    void argumentRules() { checkRow(); }
    void valueRules_data();
    void valueRules() { checkRow(); }
    void overlappingFields_data();
    void overlappingFields() { checkRow(); }
    void errorOrder_data();
    void errorOrder() { checkRow(); }
    void typeSystemDefinitions_data();
    void typeSystemDefinitions();

    void limits_data();
    void limits();

private:
    void checkRow();

    SchemaPtr m_schema;
};

void TestValidator::initTestCase()
{
    m_schema = Tests::validationTestSchema();
    QVERIFY(m_schema);
}

void TestValidator::checkRow()
{
    QFETCH(QByteArray, document);
    QFETCH(QStringList, rules);
    QFETCH(QString, message);
    QFETCH(QString, location);

    const ParseResult parsed = Parser::parse(document);
    QVERIFY2(parsed.document, parsed.error ? qPrintable(parsed.error->message) : "no document");
    const ErrorList errors = Validator::validate(*m_schema, *parsed.document);
    QStringList reported;
    for (const Error &error : errors) {
        reported.append(QString::fromLatin1(error.rule));
        QVERIFY2(!error.locations.isEmpty(), qPrintable(error.message));
    }
    QCOMPARE(reported, rules);
    if (errors.isEmpty())
        return;
    QCOMPARE(errors.first().message, message);
    QCOMPARE(locationText(errors.first().locations.first()), location);
}

// Every example of spec §5 (October 2021) written against its example schema, in a compact layout.
// A few use fields the test schema does not have (mutateDog, findDog(complex:), booleanList, field):
// those are reported too, as graphql-js reports them.
void TestValidator::specExamples_data()
{
    addColumns();
    invalid("5.1.1 type extension beside a query",
            "query getDogName { dog { name color } }\n"
            "extend type Dog { color: String }",
            {"ExecutableDefinitionsRule", "FieldsOnCorrectTypeRule"},
            "The \"Dog\" definition is not executable.", "2:1");
    valid("5.2.1.1 differently named queries",
          "query getDogName { dog { name } }\n"
          "query getOwnerName { dog { owner { name } } }");
    invalid("5.2.1.1 two queries named getName",
            "query getName { dog { name } }\n"
            "query getName { dog { owner { name } } }",
            {"UniqueOperationNamesRule"}, "There can be only one operation named \"getName\".", "1:7");
    invalid("5.2.1.1 query and mutation share a name",
            "query dogOperation { dog { name } }\n"
            "mutation dogOperation { mutateDog { id } }",
            {"UniqueOperationNamesRule", "FieldsOnCorrectTypeRule"},
            "There can be only one operation named \"dogOperation\".", "1:7");
    valid("5.2.2.1 lone anonymous operation", "{ dog { name } }");
    invalid("5.2.2.1 anonymous beside named",
            "{ dog { name } }\n"
            "query getName { dog { owner { name } } }",
            {"LoneAnonymousOperationRule"}, "This anonymous operation must be the only defined operation.", "1:1");
    valid("5.2.3.1 single root field", "subscription sub { newMessage { body sender } }");
    valid("5.2.3.1 root field through a fragment",
          "subscription sub { ...newMessageFields }\n"
          "fragment newMessageFields on Subscription { newMessage { body sender } }");
    invalid("5.2.3.1 two root fields", "subscription sub { newMessage { body sender } disallowedSecondRootField }",
            {"SingleFieldSubscriptionsRule"}, "Subscription \"sub\" must select only one top level field.", "1:47");
    invalid("5.2.3.1 two root fields through a fragment",
            "subscription sub { ...multipleSubscriptions }\n"
            "fragment multipleSubscriptions on Subscription { newMessage { body sender } disallowedSecondRootField }",
            {"SingleFieldSubscriptionsRule"}, "Subscription \"sub\" must select only one top level field.", "2:77");
    invalid("5.2.3.1 introspection root field", "subscription sub { __typename }",
            {"SingleFieldSubscriptionsRule"},
            "Subscription \"sub\" must not select an introspection top level field.", "1:20");
    invalid("5.3.1 fields not defined on Dog",
            "fragment fieldNotDefined on Dog { meowVolume }\n"
            "fragment aliasedLyingFieldTargetNotDefined on Dog { barkVolume: kawVolume }",
            {"FieldsOnCorrectTypeRule", "FieldsOnCorrectTypeRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", "1:35");
    invalid("5.3.1 interface field", "fragment interfaceFieldSelection on Pet { name }",
            {"NoUnusedFragmentsRule"}, "Fragment \"interfaceFieldSelection\" is never used.", "1:1");
    invalid("5.3.1 field of implementors only", "fragment definedOnImplementorsButNotInterface on Pet { nickname }",
            {"FieldsOnCorrectTypeRule", "NoUnusedFragmentsRule"},
            "Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"?", "1:56");
    invalid("5.3.1 union fields through fragments",
            "fragment inDirectFieldSelectionOnUnion on CatOrDog { __typename ... on Pet { name } ... on Dog { barkVolume } }",
            {"NoUnusedFragmentsRule"}, "Fragment \"inDirectFieldSelectionOnUnion\" is never used.", "1:1");
    invalid("5.3.1 fields directly on a union", "fragment directFieldSelectionOnUnion on CatOrDog { name barkVolume }",
            {"FieldsOnCorrectTypeRule", "FieldsOnCorrectTypeRule", "NoUnusedFragmentsRule"},
            "Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Being\", \"Canine\", \"Cat\", or \"Dog\"?", "1:52");
    invalid("5.3.2 identical fields and aliases",
            "fragment mergeIdenticalFields on Dog { name name }\n"
            "fragment mergeIdenticalAliasesAndFields on Dog { otherName: name otherName: name }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fragment \"mergeIdenticalFields\" is never used.", "1:1");
    invalid("5.3.2 alias hides another field", "fragment conflictingBecauseAlias on Dog { name: nickname name }",
            {"OverlappingFieldsCanBeMergedRule", "NoUnusedFragmentsRule"},
            "Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:43");
    invalid("5.3.2 identical arguments and variables",
            "fragment mergeIdenticalFieldsWithIdenticalArgs on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }\n"
            "fragment mergeIdenticalFieldsWithIdenticalValues on Dog { doesKnowCommand(dogCommand: $dogCommand) doesKnowCommand(dogCommand: $dogCommand) }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fragment \"mergeIdenticalFieldsWithIdenticalArgs\" is never used.", "1:1");
    invalid("5.3.2 conflicting arguments",
            "fragment conflictingArgsOnValues on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) }\n"
            "fragment conflictingArgsValueAndVar on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: $dogCommand) }\n"
            "fragment conflictingArgsWithVars on Dog { doesKnowCommand(dogCommand: $varOne) doesKnowCommand(dogCommand: $varTwo) }\n"
            "fragment differingArgs on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand }",
            {"OverlappingFieldsCanBeMergedRule", "OverlappingFieldsCanBeMergedRule", "OverlappingFieldsCanBeMergedRule", "OverlappingFieldsCanBeMergedRule", "ProvidedRequiredArgumentsRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", "1:43");
    invalid("5.3.2 safe differing fields and arguments",
            "fragment safeDifferingFields on Pet { ... on Dog { volume: barkVolume } ... on Cat { volume: meowVolume } }\n"
            "fragment safeDifferingArgs on Pet { ... on Dog { doesKnowCommand(dogCommand: SIT) } ... on Cat { doesKnowCommand(catCommand: JUMP) } }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fragment \"safeDifferingFields\" is never used.", "1:1");
    invalid("5.3.2 conflicting differing responses",
            "fragment conflictingDifferingResponses on Pet { ... on Dog { someValue: nickname } ... on Cat { someValue: meowVolume } }",
            {"OverlappingFieldsCanBeMergedRule", "NoUnusedFragmentsRule"},
            "Fields \"someValue\" conflict because they return conflicting types \"String\" and \"Int\". Use different aliases on the fields to fetch both if this was intentional.", "1:62");
    invalid("5.3.3 scalar selection", "fragment scalarSelection on Dog { barkVolume }",
            {"NoUnusedFragmentsRule"}, "Fragment \"scalarSelection\" is never used.", "1:1");
    invalid("5.3.3 selection on an Int", "fragment scalarSelectionsNotAllowedOnInt on Dog { barkVolume { sinceWhen } }",
            {"ScalarLeafsRule", "NoUnusedFragmentsRule"},
            "Field \"barkVolume\" must not have a selection since type \"Int\" has no subfields.", "1:62");
    invalid("5.3.3 composites without subfields",
            "query directQueryOnObjectWithoutSubFields { human }\n"
            "query directQueryOnInterfaceWithoutSubFields { pet }\n"
            "query directQueryOnUnionWithoutSubFields { catOrDog }",
            {"ScalarLeafsRule", "ScalarLeafsRule", "ScalarLeafsRule"},
            "Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"?", "1:45");
    invalid("5.4.1 argument names",
            "fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) }\n"
            "fragment argOnOptional on Dog { isHouseTrained(atOtherHomes: true) @include(if: true) }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"}, "Fragment \"argOnRequiredArg\" is never used.", "1:1");
    invalid("5.4.1 unknown argument", "fragment invalidArgName on Dog { doesKnowCommand(command: CLEAN_UP_HOUSE) }",
            {"KnownArgumentNamesRule", "ProvidedRequiredArgumentsRule", "NoUnusedFragmentsRule"},
            "Unknown argument \"command\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", "1:50");
    invalid("5.4.1 unknown directive argument",
            "fragment invalidArgName on Dog { isHouseTrained(atOtherHomes: true) @include(unless: false) }",
            {"KnownArgumentNamesRule", "ProvidedRequiredArgumentsRule", "NoUnusedFragmentsRule"},
            "Unknown argument \"unless\" on directive \"@include\".", "1:78");
    invalid("5.4.1 argument order",
            "fragment multipleArgs on Arguments { multipleRequirements(x: 1, y: 2) }\n"
            "fragment multipleArgsReverseOrder on Arguments { multipleRequirements(y: 2, x: 1) }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"}, "Fragment \"multipleArgs\" is never used.", "1:1");
    invalid("5.4.2.1 good arguments",
            "fragment goodBooleanArg on Arguments { booleanArgField(booleanArg: true) }\n"
            "fragment goodNonNullArg on Arguments { nonNullBooleanArgField(nonNullBooleanArg: true) }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"}, "Fragment \"goodBooleanArg\" is never used.", "1:1");
    invalid("5.4.2.1 nullable argument left out", "fragment goodBooleanArgDefault on Arguments { booleanArgField }",
            {"NoUnusedFragmentsRule"}, "Fragment \"goodBooleanArgDefault\" is never used.", "1:1");
    invalid("5.4.2.1 required argument left out", "fragment missingRequiredArg on Arguments { nonNullBooleanArgField }",
            {"ProvidedRequiredArgumentsRule", "NoUnusedFragmentsRule"},
            "Field \"nonNullBooleanArgField\" argument \"nonNullBooleanArg\" of type \"Boolean!\" is required, but it was not provided.", "1:44");
    invalid("5.4.2.1 null for a required argument",
            "fragment missingRequiredArg on Arguments { nonNullBooleanArgField(nonNullBooleanArg: null) }",
            {"ValuesOfCorrectTypeRule", "NoUnusedFragmentsRule"},
            "Expected value of type \"Boolean!\", found null.", "1:86");
    valid("5.5.1.1 unique fragment names",
          "{ dog { ...fragmentOne ...fragmentTwo } }\n"
          "fragment fragmentOne on Dog { name }\n"
          "fragment fragmentTwo on Dog { owner { name } }");
    invalid("5.5.1.1 duplicate fragment names",
            "{ dog { ...fragmentOne } }\n"
            "fragment fragmentOne on Dog { name }\n"
            "fragment fragmentOne on Dog { owner { name } }",
            {"UniqueFragmentNamesRule"}, "There can be only one fragment named \"fragmentOne\".", "2:10");
    invalid("5.5.1.2 fragment types exist",
            "fragment correctType on Dog { name }\n"
            "fragment inlineFragment on Dog { ... on Dog { name } }\n"
            "fragment inlineFragment2 on Dog { ... @include(if: true) { name } }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fragment \"correctType\" is never used.", "1:1");
    invalid("5.5.1.2 types not in the schema",
            "fragment notOnExistingType on NotInSchema { name }\n"
            "fragment inlineNotExistingType on Dog { ... on NotInSchema { name } }",
            {"KnownTypeNamesRule", "KnownTypeNamesRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Unknown type \"NotInSchema\". Did you mean \"__Schema\"?", "1:31");
    invalid("5.5.1.3 fragments on composite types",
            "fragment fragOnObject on Dog { name }\n"
            "fragment fragOnInterface on Pet { name }\n"
            "fragment fragOnUnion on CatOrDog { ... on Dog { name } }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fragment \"fragOnObject\" is never used.", "1:1");
    invalid("5.5.1.3 fragments on scalars",
            "fragment fragOnScalar on Int { something }\n"
            "fragment inlineFragOnScalar on Dog { ... on Boolean { somethingElse } }",
            {"FragmentsOnCompositeTypesRule", "FragmentsOnCompositeTypesRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fragment \"fragOnScalar\" cannot condition on non composite type \"Int\".", "1:26");
    invalid("5.5.1.4 unused fragment",
            "fragment nameFragment on Dog { # unused\n"
            "  name\n"
            "}\n"
            "{ dog { name } }",
            {"NoUnusedFragmentsRule"}, "Fragment \"nameFragment\" is never used.", "1:1");
    invalid("5.5.2.1 undefined fragment", "{ dog { ...undefinedFragment } }",
            {"KnownFragmentNamesRule"}, "Unknown fragment \"undefinedFragment\".", "1:12");
    invalid("5.5.2.2 infinite spread",
            "{ dog { ...nameFragment } }\n"
            "fragment nameFragment on Dog { name ...barkVolumeFragment }\n"
            "fragment barkVolumeFragment on Dog { barkVolume ...nameFragment }",
            {"NoFragmentCyclesRule"},
            "Cannot spread fragment \"nameFragment\" within itself via \"barkVolumeFragment\".", "2:37");
    valid("5.5.2.2 inlined illustration", "{ dog { name barkVolume name barkVolume name barkVolume name } }");
    invalid("5.5.2.2 cycle through cyclic data",
            "{ dog { ...dogFragment } }\n"
            "fragment dogFragment on Dog { name owner { ...ownerFragment } }\n"
            "fragment ownerFragment on Human { name pets { ...dogFragment } }",
            {"NoFragmentCyclesRule"},
            "Cannot spread fragment \"dogFragment\" within itself via \"ownerFragment\".", "2:44");
    invalid("5.5.2.3.1 object in object scope", "fragment dogFragment on Dog { ... on Dog { barkVolume } }",
            {"NoUnusedFragmentsRule"}, "Fragment \"dogFragment\" is never used.", "1:1");
    invalid("5.5.2.3.1 cat in dog scope", "fragment catInDogFragmentInvalid on Dog { ... on Cat { meowVolume } }",
            {"PossibleFragmentSpreadsRule", "NoUnusedFragmentsRule"},
            "Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", "1:43");
    invalid("5.5.2.3.2 interface in object scope",
            "fragment petNameFragment on Pet { name }\n"
            "fragment interfaceWithinObjectFragment on Dog { ...petNameFragment }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"}, "Fragment \"petNameFragment\" is never used.", "1:1");
    invalid("5.5.2.3.2 union in object scope",
            "fragment catOrDogNameFragment on CatOrDog { ... on Cat { meowVolume } }\n"
            "fragment unionWithObjectFragment on Dog { ...catOrDogNameFragment }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fragment \"catOrDogNameFragment\" is never used.", "1:1");
    invalid("5.5.2.3.3 object in abstract scope",
            "fragment petFragment on Pet { name ... on Dog { barkVolume } }\n"
            "fragment catOrDogFragment on CatOrDog { ... on Cat { meowVolume } }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"}, "Fragment \"petFragment\" is never used.", "1:1");
    invalid("5.5.2.3.3 impossible object in abstract scope",
            "fragment sentientFragment on Sentient { ... on Dog { barkVolume } }\n"
            "fragment humanOrAlienFragment on HumanOrAlien { ... on Cat { meowVolume } }",
            {"PossibleFragmentSpreadsRule", "PossibleFragmentSpreadsRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fragment cannot be spread here as objects of type \"Sentient\" can never be of type \"Dog\".", "1:41");
    invalid("5.5.2.3.4 abstract in abstract scope",
            "fragment unionWithInterface on Pet { ...dogOrHumanFragment }\n"
            "fragment dogOrHumanFragment on DogOrHuman { ... on Dog { barkVolume } }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fragment \"unionWithInterface\" is never used.", "1:1");
    invalid("5.5.2.3.4 non-intersecting interfaces",
            "fragment nonIntersectingInterfaces on Pet { ...sentientFragment }\n"
            "fragment sentientFragment on Sentient { name }",
            {"PossibleFragmentSpreadsRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Fragment \"sentientFragment\" cannot be spread here as objects of type \"Pet\" can never be of type \"Sentient\".", "1:45");
    invalid("5.6.1 good values",
            "fragment goodBooleanArg on Arguments { booleanArgField(booleanArg: true) }\n"
            "fragment coercedIntIntoFloatArg on Arguments { floatArgField(floatArg: 123) }\n"
            "query goodComplexDefaultValue($search: ComplexInput = { name: \"Fido\" }) { findDog(complex: $search) }",
            {"ValuesOfCorrectTypeRule", "ValuesOfCorrectTypeRule", "ScalarLeafsRule", "KnownArgumentNamesRule", "NoUnusedFragmentsRule", "NoUnusedFragmentsRule"},
            "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", "3:55");
    invalid("5.6.1 bad values",
            "fragment stringIntoInt on Arguments { intArgField(intArg: \"123\") }\n"
            "query badComplexValue { findDog(complex: { name: 123 }) }",
            {"ValuesOfCorrectTypeRule", "ScalarLeafsRule", "KnownArgumentNamesRule", "NoUnusedFragmentsRule"},
            "Int cannot represent non-integer value: \"123\"", "1:59");
    invalid("5.6.2 known input field", "{ findDog(complex: { name: \"Fido\" }) }",
            {"ScalarLeafsRule", "KnownArgumentNamesRule"},
            "Field \"findDog\" of type \"Dog\" must have a selection of subfields. Did you mean \"findDog { ... }\"?", "1:3");
    invalid("5.6.2 unknown input field", "{ findDog(complex: { favoriteCookieFlavor: \"Bacon\" }) }",
            {"ScalarLeafsRule", "KnownArgumentNamesRule"},
            "Field \"findDog\" of type \"Dog\" must have a selection of subfields. Did you mean \"findDog { ... }\"?", "1:3");
    invalid("5.6.3 duplicate input field", "{ field(arg: { field: true, field: false }) }",
            {"FieldsOnCorrectTypeRule", "UniqueInputFieldNamesRule"},
            "Cannot query field \"field\" on type \"Query\". Did you mean \"oldField\"?", "1:3");
    invalid("5.7.2 skip on a query", "query @skip(if: $foo) { field }",
            {"KnownDirectivesRule", "FieldsOnCorrectTypeRule", "NoUndefinedVariablesRule"},
            "Directive \"@skip\" may not be used on QUERY.", "1:7");
    invalid("5.7.3 skip twice on a field",
            "query ($foo: Boolean = true, $bar: Boolean = false) { field @skip(if: $foo) @skip(if: $bar) }",
            {"FieldsOnCorrectTypeRule", "UniqueDirectivesPerLocationRule"},
            "Cannot query field \"field\" on type \"Query\". Did you mean \"oldField\"?", "1:55");
    invalid("5.7.3 skip once per location",
            "query ($foo: Boolean = true, $bar: Boolean = false) { field @skip(if: $foo) { subfieldA } field @skip(if: $bar) { subfieldB } }",
            {"FieldsOnCorrectTypeRule", "FieldsOnCorrectTypeRule"},
            "Cannot query field \"field\" on type \"Query\". Did you mean \"oldField\"?", "1:55");
    invalid("5.8.1 duplicate variable",
            "query houseTrainedQuery($atOtherHomes: Boolean, $atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }",
            {"UniqueVariableNamesRule"}, "There can be only one variable named \"$atOtherHomes\".", "1:26");
    valid("5.8.1 same variable in two operations",
          "query A($atOtherHomes: Boolean) { ...HouseTrainedFragment }\n"
          "query B($atOtherHomes: Boolean) { ...HouseTrainedFragment }\n"
          "fragment HouseTrainedFragment on Query { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }");
    invalid("5.8.2 input type variables",
            "query takesBoolean($atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }\n"
            "query takesComplexInput($complexInput: ComplexInput) { findDog(complex: $complexInput) { name } }\n"
            "query TakesListOfBooleanBang($booleans: [Boolean!]) { booleanList(booleanListArg: $booleans) }",
            {"KnownArgumentNamesRule", "FieldsOnCorrectTypeRule"},
            "Unknown argument \"complex\" on field \"Query.findDog\".", "2:64");
    invalid("5.8.2 output type variables",
            "query takesCat($cat: Cat) { __typename }\n"
            "query takesDogBang($dog: Dog!) { __typename }\n"
            "query takesListOfPet($pets: [Pet]) { __typename }\n"
            "query takesCatOrDog($catOrDog: CatOrDog) { __typename }",
            {"VariablesAreInputTypesRule", "NoUnusedVariablesRule", "VariablesAreInputTypesRule", "NoUnusedVariablesRule", "VariablesAreInputTypesRule", "NoUnusedVariablesRule", "VariablesAreInputTypesRule", "NoUnusedVariablesRule"},
            "Variable \"$cat\" cannot be non-input type \"Cat\".", "1:22");
    valid("5.8.3 variable defined",
          "query variableIsDefined($atOtherHomes: Boolean) { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }");
    invalid("5.8.3 variable not defined",
            "query variableIsNotDefined { dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }",
            {"NoUndefinedVariablesRule"},
            "Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefined\".", "1:65");
    valid("5.8.3 defined, used in a fragment",
          "query variableIsDefinedUsedInSingleFragment($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
          "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }");
    invalid("5.8.3 not defined, used in a fragment",
            "query variableIsNotDefinedUsedInSingleFragment { dog { ...isHouseTrainedFragment } }\n"
            "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
            {"NoUndefinedVariablesRule"},
            "Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefinedUsedInSingleFragment\".", "2:71");
    invalid("5.8.3 not defined, used in a nested fragment",
            "query variableIsNotDefinedUsedInNestedFragment { dog { ...outerHouseTrainedFragment } }\n"
            "fragment outerHouseTrainedFragment on Dog { ...isHouseTrainedFragment }\n"
            "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
            {"NoUndefinedVariablesRule"},
            "Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefinedUsedInNestedFragment\".", "3:71");
    valid("5.8.3 defined in every operation",
          "query houseTrainedQueryOne($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
          "query houseTrainedQueryTwo($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
          "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }");
    invalid("5.8.3 not defined in one operation",
            "query houseTrainedQueryOne($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
            "query houseTrainedQueryTwoNotDefined { dog { ...isHouseTrainedFragment } }\n"
            "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
            {"NoUndefinedVariablesRule"},
            "Variable \"$atOtherHomes\" is not defined by operation \"houseTrainedQueryTwoNotDefined\".", "3:71");
    invalid("5.8.4 variable unused", "query variableUnused($atOtherHomes: Boolean) { dog { isHouseTrained } }",
            {"NoUnusedVariablesRule"},
            "Variable \"$atOtherHomes\" is never used in operation \"variableUnused\".", "1:22");
    valid("5.8.4 variable used in a fragment",
          "query variableUsedInFragment($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
          "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }");
    invalid("5.8.4 not used within the fragment",
            "query variableNotUsedWithinFragment($atOtherHomes: Boolean) { dog { ...isHouseTrainedWithoutVariableFragment } }\n"
            "fragment isHouseTrainedWithoutVariableFragment on Dog { isHouseTrained }",
            {"NoUnusedVariablesRule"},
            "Variable \"$atOtherHomes\" is never used in operation \"variableNotUsedWithinFragment\".", "1:37");
    invalid("5.8.4 extra variable",
            "query queryWithUsedVar($atOtherHomes: Boolean) { dog { ...isHouseTrainedFragment } }\n"
            "query queryWithExtraVar($atOtherHomes: Boolean, $extra: Int) { dog { ...isHouseTrainedFragment } }\n"
            "fragment isHouseTrainedFragment on Dog { isHouseTrained(atOtherHomes: $atOtherHomes) }",
            {"NoUnusedVariablesRule"}, "Variable \"$extra\" is never used in operation \"queryWithExtraVar\".", "2:49");
    invalid("5.8.5 Int into Boolean",
            "query intCannotGoIntoBoolean($intArg: Int) { arguments { booleanArgField(booleanArg: $intArg) } }",
            {"VariablesInAllowedPositionRule"},
            "Variable \"$intArg\" of type \"Int\" used in position expecting type \"Boolean\".", "1:30");
    invalid("5.8.5 list into Boolean",
            "query booleanListCannotGoIntoBoolean($booleanListArg: [Boolean]) { arguments { booleanArgField(booleanArg: $booleanListArg) } }",
            {"VariablesInAllowedPositionRule"},
            "Variable \"$booleanListArg\" of type \"[Boolean]\" used in position expecting type \"Boolean\".", "1:38");
    invalid("5.8.5 nullable into non-null",
            "query booleanArgQuery($booleanArg: Boolean) { arguments { nonNullBooleanArgField(nonNullBooleanArg: $booleanArg) } }",
            {"VariablesInAllowedPositionRule"},
            "Variable \"$booleanArg\" of type \"Boolean\" used in position expecting type \"Boolean!\".", "1:23");
    valid("5.8.5 non-null list into list",
          "query nonNullListToList($nonNullBooleanList: [Boolean]!) { arguments { booleanListArgField(booleanListArg: $nonNullBooleanList) } }");
    invalid("5.8.5 nullable list into non-null list",
            "query listToNonNullList($booleanList: [Boolean]) { arguments { nonNullBooleanListField(nonNullBooleanListArg: $booleanList) } }",
            {"FieldsOnCorrectTypeRule"},
            "Cannot query field \"nonNullBooleanListField\" on type \"Arguments\". Did you mean \"nonNullBooleanArgField\" or \"booleanListArgField\"?", "1:64");
    valid("5.8.5 location has a default",
          "query booleanArgQueryWithDefault($booleanArg: Boolean) { arguments { optionalNonNullBooleanArgField(optionalBooleanArg: $booleanArg) } }");
    valid("5.8.5 variable has a default",
          "query booleanArgQueryWithDefault($booleanArg: Boolean = true) { arguments { nonNullBooleanArgField(nonNullBooleanArg: $booleanArg) } }");
}

// Spec §5.1, §5.2 and the type names of §5.5.1.2 / §5.8.2.
void TestValidator::documentRules_data()
{
    addColumns();
    invalid("ExecutableDefinitionsRule: schema, type and directive definitions",
            "schema { query: Query } type Cow { name: String } directive @moo on FIELD { dog { name } }",
            {"ExecutableDefinitionsRule", "ExecutableDefinitionsRule", "ExecutableDefinitionsRule"},
            "The schema definition is not executable.", "1:1");
    invalid("ExecutableDefinitionsRule: extensions",
            "{ dog { name } } extend schema @onSchemaElement extend type Dog { color: String }",
            {"ExecutableDefinitionsRule", "ExecutableDefinitionsRule"},
            "The schema definition is not executable.", "1:18");
    invalid("UniqueOperationNamesRule: three with one name",
            "query A { dog { name } } query A { cat { name } } subscription A { newMessage { body } }",
            {"UniqueOperationNamesRule", "UniqueOperationNamesRule"},
            "There can be only one operation named \"A\".", "1:7");
    invalid("LoneAnonymousOperationRule: two anonymous operations", "{ dog { name } } { cat { name } }",
            {"LoneAnonymousOperationRule", "LoneAnonymousOperationRule"},
            "This anonymous operation must be the only defined operation.", "1:1");
    invalid("LoneAnonymousOperationRule: anonymous mutation beside a query",
            "query Q { dog { name } } mutation { addDog(name: \"Rex\") { name } }",
            {"LoneAnonymousOperationRule"}, "This anonymous operation must be the only defined operation.", "1:26");
    valid("SingleFieldSubscriptionsRule: one field twice",
          "subscription { newMessage { body } newMessage { sender } }");
    valid("SingleFieldSubscriptionsRule: skipped second field",
          "subscription { newMessage { body } importantEmails @skip(if: true) }");
    // Spec §5.2.3.1 collects the fields with no variable values: a condition on a variable is not
    // provided, so it does not leave the field out. (graphql-js throws: the variable has no value.)
    invalid("SingleFieldSubscriptionsRule: variable condition counts the field",
            "subscription S($yes: Boolean!) { newMessage { body } importantEmails @include(if: $yes) }",
            {"SingleFieldSubscriptionsRule"}, "Subscription \"S\" must select only one top level field.", "1:54");
    invalid("SingleFieldSubscriptionsRule: fragment on another type is left out",
            "subscription { newMessage { body } ... on Query { dog { name } } }",
            {"PossibleFragmentSpreadsRule"},
            "Fragment cannot be spread here as objects of type \"Subscription\" can never be of type \"Query\".", "1:36");
    invalid("SingleFieldSubscriptionsRule: fields from inline fragments",
            "subscription { ... on Subscription { newMessage { body } } ... { importantEmails } }",
            {"SingleFieldSubscriptionsRule"}, "Anonymous Subscription must select only one top level field.", "1:66");
    invalid("SingleFieldSubscriptionsRule: __typename beside a field",
            "subscription S { newMessage { body } __typename }",
            {"SingleFieldSubscriptionsRule", "SingleFieldSubscriptionsRule"},
            "Subscription \"S\" must select only one top level field.", "1:38");
    valid("SingleFieldSubscriptionsRule: fragment spread twice",
          "subscription { ...F ...F } fragment F on Subscription { newMessage { body } }");
    invalid("KnownTypeNamesRule: known types",
            "query ($a: String, $b: [ComplexInput!]!, $c: FurColor) { dog { ... on Pet { name } } }",
            {"NoUnusedVariablesRule", "NoUnusedVariablesRule", "NoUnusedVariablesRule"},
            "Variable \"$a\" is never used.", "1:8");
    invalid("KnownTypeNamesRule: unknown types with suggestions",
            "query ($a: JumbledUpLetters, $b: [Strin!]) { dog { ... on Badger { name } } }",
            {"KnownTypeNamesRule", "KnownTypeNamesRule", "KnownTypeNamesRule", "NoUnusedVariablesRule", "NoUnusedVariablesRule"},
            "Unknown type \"JumbledUpLetters\".", "1:12");
    invalid("KnownTypeNamesRule: a type defined in the document",
            "type Cow { name: String } query ($c: Cow) { dog { name } }",
            {"ExecutableDefinitionsRule", "NoUnusedVariablesRule"}, "The \"Cow\" definition is not executable.", "1:1");
    invalid("KnownTypeNamesRule: unknown fragment type", "{ dog { ...F } } fragment F on Peettt { name }",
            {"KnownTypeNamesRule"}, "Unknown type \"Peettt\". Did you mean \"Pet\"?", "1:32");
}

// Spec §5.3.1, §5.3.3, and graphql-js's MaxIntrospectionDepthRule (part of its specifiedRules).
void TestValidator::fieldRules_data()
{
    addColumns();
    valid("ScalarLeafsRule: leaves and composites", "{ dog { name owner { name } } catOrDog { __typename } }");
    invalid("ScalarLeafsRule: enum with a selection", "{ cat { furColor { name } } }",
            {"ScalarLeafsRule"},
            "Field \"furColor\" must not have a selection since type \"FurColor\" has no subfields.", "1:18");
    invalid("ScalarLeafsRule: list of objects without a selection", "{ human { pets } }",
            {"ScalarLeafsRule"},
            "Field \"pets\" of type \"[Pet!]\" must have a selection of subfields. Did you mean \"pets { ... }\"?", "1:11");
    invalid("ScalarLeafsRule: __typename with a selection", "{ __typename { name } }",
            {"ScalarLeafsRule"},
            "Field \"__typename\" must not have a selection since type \"String!\" has no subfields.", "1:14");
    invalid("ScalarLeafsRule: unknown field is not checked", "{ dog { unknown { name } } }",
            {"FieldsOnCorrectTypeRule"}, "Cannot query field \"unknown\" on type \"Dog\".", "1:9");
    valid("FieldsOnCorrectTypeRule: meta-fields",
          "{ __typename __schema { queryType { name } } __type(name: \"Dog\") { name } dog { __typename } }");
    invalid("FieldsOnCorrectTypeRule: __schema below the root", "{ dog { __schema { types { name } } } }",
            {"FieldsOnCorrectTypeRule"}, "Cannot query field \"__schema\" on type \"Dog\".", "1:9");
    invalid("FieldsOnCorrectTypeRule: typo suggests a field", "{ dog { barkVolum } }",
            {"FieldsOnCorrectTypeRule"},
            "Cannot query field \"barkVolum\" on type \"Dog\". Did you mean \"barkVolume\"?", "1:9");
    invalid("FieldsOnCorrectTypeRule: field of implementors on an interface", "{ pet { meowVolume } }",
            {"FieldsOnCorrectTypeRule"},
            "Cannot query field \"meowVolume\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\"?", "1:9");
    invalid("FieldsOnCorrectTypeRule: union suggests its members", "{ catOrDog { nickname } }",
            {"FieldsOnCorrectTypeRule"},
            "Cannot query field \"nickname\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"?", "1:14");
    invalid("FieldsOnCorrectTypeRule: interfaces first, by usage", "{ dogOrHuman { name } }",
            {"FieldsOnCorrectTypeRule"},
            "Cannot query field \"name\" on type \"DogOrHuman\". Did you mean to use an inline fragment on \"Being\", \"Canine\", \"Human\", \"Pet\", or \"Dog\"?", "1:16");
    invalid("FieldsOnCorrectTypeRule: mutation root", "mutation { addDog(name: \"Rex\") { name } removeDog }",
            {"FieldsOnCorrectTypeRule"}, "Cannot query field \"removeDog\" on type \"Mutation\".", "1:41");
    valid("MaxIntrospectionDepthRule: two lists deep",
          "{ __type(name: \"Dog\") { fields { type { interfaces { name } possibleTypes { name } } } } }");
    invalid("MaxIntrospectionDepthRule: three lists deep",
            "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
            {"MaxIntrospectionDepthRule"}, "Maximum introspection depth exceeded", "1:3");
    invalid("MaxIntrospectionDepthRule: through fragments",
            "{ __type(name: \"Dog\") { ...A } }\n"
            "fragment A on __Type { fields { type { ...B } } }\n"
            "fragment B on __Type { interfaces { ...C } }\n"
            "fragment C on __Type { possibleTypes { name } }",
            {"MaxIntrospectionDepthRule"}, "Maximum introspection depth exceeded", "1:3");
}

// Spec §5.5.
void TestValidator::fragmentRules_data()
{
    addColumns();
    valid("FragmentsOnCompositeTypesRule: interface and union",
          "{ pet { ... on Pet { name } } catOrDog { ...F } } fragment F on CatOrDog { ... on Dog { name } }");
    valid("FragmentsOnCompositeTypesRule: inline fragment without a type", "{ dog { ... { name } } }");
    invalid("FragmentsOnCompositeTypesRule: on an enum", "{ dog { ...F } } fragment F on FurColor { name }",
            {"FragmentsOnCompositeTypesRule"},
            "Fragment \"F\" cannot condition on non composite type \"FurColor\".", "1:32");
    invalid("FragmentsOnCompositeTypesRule: on an input object", "{ dog { ... on ComplexInput { name } } }",
            {"FragmentsOnCompositeTypesRule"},
            "Fragment cannot condition on non composite type \"ComplexInput\".", "1:16");
    invalid("UniqueFragmentNamesRule: three with one name",
            "{ dog { ...F } } fragment F on Dog { name } fragment F on Dog { nickname } fragment F on Dog { barkVolume }",
            {"UniqueFragmentNamesRule", "UniqueFragmentNamesRule"},
            "There can be only one fragment named \"F\".", "1:27");
    invalid("KnownFragmentNamesRule: unknown spreads",
            "{ dog { ...Known ...Unknown1 mother { ...Unknown2 } } } fragment Known on Dog { name }",
            {"KnownFragmentNamesRule", "KnownFragmentNamesRule"}, "Unknown fragment \"Unknown1\".", "1:21");
    valid("NoUnusedFragmentsRule: used through other fragments",
          "query Q { dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }");
    invalid("NoUnusedFragmentsRule: unused chain",
            "query Q { dog { name } } fragment A on Dog { ...B } fragment B on Dog { name }",
            {"NoUnusedFragmentsRule", "NoUnusedFragmentsRule"}, "Fragment \"A\" is never used.", "1:26");
    valid("PossibleFragmentSpreadsRule: union in interface scope",
          "{ pet { ...F } } fragment F on CatOrDog { __typename }");
    invalid("PossibleFragmentSpreadsRule: disjoint unions",
            "{ catOrDog { ...F } } fragment F on HumanOrAlien { __typename }",
            {"PossibleFragmentSpreadsRule"},
            "Fragment \"F\" cannot be spread here as objects of type \"CatOrDog\" can never be of type \"HumanOrAlien\".", "1:14");
    invalid("PossibleFragmentSpreadsRule: interface in interface scope",
            "{ being { ... on Canine { name } } mammal { ... on Being { name } } }",
            {"PossibleFragmentSpreadsRule", "PossibleFragmentSpreadsRule"},
            "Fragment cannot be spread here as objects of type \"Being\" can never be of type \"Canine\".", "1:11");
    invalid("NoFragmentCyclesRule: spread of itself", "{ dog { ...F } } fragment F on Dog { ...F }",
            {"NoFragmentCyclesRule"}, "Cannot spread fragment \"F\" within itself.", "1:38");
    invalid("NoFragmentCyclesRule: cycle of three",
            "{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { ...C } fragment C on Dog { ...A }",
            {"NoFragmentCyclesRule"}, "Cannot spread fragment \"A\" within itself via \"B\", \"C\".", "1:38");
    invalid("NoFragmentCyclesRule: two cycles through one fragment",
            "{ dog { ...A } } fragment A on Dog { ...B ...C } fragment B on Dog { ...A } fragment C on Dog { ...A }",
            {"NoFragmentCyclesRule", "NoFragmentCyclesRule"},
            "Cannot spread fragment \"A\" within itself via \"B\".", "1:38");
    invalid("NoFragmentCyclesRule: nested spreads",
            "{ dog { ...A } } fragment A on Dog { mother { ...B } } fragment B on Dog { father { ...A } }",
            {"NoFragmentCyclesRule"}, "Cannot spread fragment \"A\" within itself via \"B\".", "1:47");
    invalid("NoFragmentCyclesRule: spreads of an unknown fragment",
            "{ dog { ...A } } fragment A on Dog { ...Missing ...B } fragment B on Dog { name }",
            {"KnownFragmentNamesRule"}, "Unknown fragment \"Missing\".", "1:41");
}

// Spec §5.8.
void TestValidator::variableRules_data()
{
    addColumns();
    valid("VariablesAreInputTypesRule: input types",
          "query ($a: Int, $b: [String!]!, $c: ComplexInput, $d: FurColor!) { complicatedArgs { intArgField(intArg: $a) stringListArgField(stringListArg: $b) complexArgField(complexArg: $c) enumArgField(enumArg: $d) } }");
    invalid("VariablesAreInputTypesRule: output types", "query ($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { __typename }",
            {"VariablesAreInputTypesRule", "VariablesAreInputTypesRule", "VariablesAreInputTypesRule", "NoUnusedVariablesRule", "NoUnusedVariablesRule", "NoUnusedVariablesRule"},
            "Variable \"$a\" cannot be non-input type \"Dog\".", "1:12");
    invalid("UniqueVariableNamesRule: two names repeated",
            "query ($a: Int, $b: Int, $a: String, $b: Int, $a: Int) { __typename }",
            {"UniqueVariableNamesRule", "UniqueVariableNamesRule", "NoUnusedVariablesRule", "NoUnusedVariablesRule", "NoUnusedVariablesRule", "NoUnusedVariablesRule", "NoUnusedVariablesRule"},
            "There can be only one variable named \"$a\".", "1:9");
    invalid("NoUndefinedVariablesRule: in a directive and a list",
            "query Q { dog @include(if: $cond) { name } complicatedArgs { stringListArgField(stringListArg: [$item]) } }",
            {"NoUndefinedVariablesRule", "NoUndefinedVariablesRule"},
            "Variable \"$cond\" is not defined by operation \"Q\".", "1:28");
    invalid("NoUndefinedVariablesRule: anonymous operation", "{ dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }",
            {"NoUndefinedVariablesRule"}, "Variable \"$atOtherHomes\" is not defined.", "1:38");
    invalid("NoUndefinedVariablesRule: each use reported",
            "query Q { a: dog { isHouseTrained(atOtherHomes: $v) } b: dog { isHouseTrained(atOtherHomes: $v) } }",
            {"NoUndefinedVariablesRule", "NoUndefinedVariablesRule"},
            "Variable \"$v\" is not defined by operation \"Q\".", "1:49");
    valid("NoUnusedVariablesRule: used in operation directives",
          "query Q($v: Boolean!) @onQuery { dog @skip(if: $v) { name } }");
    invalid("NoUnusedVariablesRule: anonymous operation",
            "query ($a: Int, $b: Int) { complicatedArgs { intArgField(intArg: $b) } }",
            {"NoUnusedVariablesRule"}, "Variable \"$a\" is never used.", "1:8");
    invalid("NoUnusedVariablesRule: used in a variable default only",
            "query ($a: Int, $b: Int = 1) @onQuery { __typename }",
            {"NoUnusedVariablesRule", "NoUnusedVariablesRule"}, "Variable \"$a\" is never used.", "1:8");
    valid("VariablesInAllowedPositionRule: non-null into nullable",
          "query ($a: Int!, $b: [String!]!) { complicatedArgs { intArgField(intArg: $a) stringListArgField(stringListArg: $b) } }");
    invalid("VariablesInAllowedPositionRule: item of a list",
            "query ($s: String) { complicatedArgs { stringListNonNullArgField(stringListNonNullArg: [$s]) } }",
            {"VariablesInAllowedPositionRule"},
            "Variable \"$s\" of type \"String\" used in position expecting type \"String!\".", "1:8");
    invalid("VariablesInAllowedPositionRule: single value for a list",
            "query ($s: String) { complicatedArgs { stringListArgField(stringListArg: $s) } }",
            {"VariablesInAllowedPositionRule"},
            "Variable \"$s\" of type \"String\" used in position expecting type \"[String]\".", "1:8");
    valid("VariablesInAllowedPositionRule: input field with a default",
          "query ($b: Boolean) { complicatedArgs { complexArgField(complexArg: {requiredField: true, nonNullField: $b}) } }");
    invalid("VariablesInAllowedPositionRule: required input field",
            "query ($b: Boolean) { complicatedArgs { complexArgField(complexArg: {requiredField: $b}) } }",
            {"VariablesInAllowedPositionRule"},
            "Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", "1:8");
    invalid("VariablesInAllowedPositionRule: null default does not count",
            "query ($b: Boolean = null) { arguments { nonNullBooleanArgField(nonNullBooleanArg: $b) } }",
            {"VariablesInAllowedPositionRule"},
            "Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", "1:8");
    invalid("VariablesInAllowedPositionRule: directive argument",
            "query ($b: Boolean) { dog @include(if: $b) { name } }",
            {"VariablesInAllowedPositionRule"},
            "Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", "1:8");
    invalid("VariablesInAllowedPositionRule: through a fragment",
            "query Q($i: Int) { arguments { ...F } } fragment F on Arguments { booleanArgField(booleanArg: $i) }",
            {"VariablesInAllowedPositionRule"},
            "Variable \"$i\" of type \"Int\" used in position expecting type \"Boolean\".", "1:9");
    invalid("VariablesInAllowedPositionRule: enum into String",
            "query ($c: FurColor) { complicatedArgs { stringArgField(stringArg: $c) } }",
            {"VariablesInAllowedPositionRule"},
            "Variable \"$c\" of type \"FurColor\" used in position expecting type \"String\".", "1:8");
}

// Spec §5.7.
void TestValidator::directiveRules_data()
{
    addColumns();
    valid("KnownDirectivesRule: every executable location",
          "query Q($v: Int @onVariableDefinition) @onQuery { complicatedArgs @onField { intArgField(intArg: $v) } ...F @onFragmentSpread ... @onInlineFragment { __typename } } fragment F on Query @onFragmentDefinition { __typename } mutation M @onMutation { __typename } subscription S @onSubscription { newMessage { body } }");
    invalid("KnownDirectivesRule: unknown directive", "{ dog @unknown { name } }",
            {"KnownDirectivesRule"}, "Unknown directive \"@unknown\".", "1:7");
    invalid("KnownDirectivesRule: misplaced directives",
            "query Q @onMutation { dog @onQuery { ...F @onInlineFragment } } fragment F on Dog @onField { name }",
            {"KnownDirectivesRule", "KnownDirectivesRule", "KnownDirectivesRule", "KnownDirectivesRule"},
            "Directive \"@onMutation\" may not be used on QUERY.", "1:9");
    invalid("KnownDirectivesRule: on a variable definition",
            "query ($a: Int @onField) { complicatedArgs { intArgField(intArg: $a) } }",
            {"KnownDirectivesRule"}, "Directive \"@onField\" may not be used on VARIABLE_DEFINITION.", "1:16");
    invalid("KnownDirectivesRule: schema element directive", "{ dog @onSchemaElement { name } }",
            {"KnownDirectivesRule"}, "Directive \"@onSchemaElement\" may not be used on FIELD.", "1:7");
    invalid("UniqueDirectivesPerLocationRule: repeated skip",
            "{ dog { name @skip(if: true) @include(if: true) @skip(if: false) @skip(if: true) } }",
            {"UniqueDirectivesPerLocationRule", "UniqueDirectivesPerLocationRule"},
            "The directive \"@skip\" can only be used once at this location.", "1:14");
    valid("UniqueDirectivesPerLocationRule: repeatable directive", "{ dog { name @repeatable @repeatable } }");
    invalid("UniqueDirectivesPerLocationRule: unknown directives", "{ dog { name @unknown @unknown } }",
            {"KnownDirectivesRule", "KnownDirectivesRule"}, "Unknown directive \"@unknown\".", "1:14");
    invalid("UniqueDirectivesPerLocationRule: fragment definition",
            "{ dog { ...F } } fragment F on Dog @onFragmentDefinition @onFragmentDefinition { name }",
            {"UniqueDirectivesPerLocationRule"},
            "The directive \"@onFragmentDefinition\" can only be used once at this location.", "1:36");
}

// Spec §5.4.
void TestValidator::argumentRules_data()
{
    addColumns();
    invalid("KnownArgumentNamesRule: typo suggests an argument", "{ dog { doesKnowCommand(dogcommand: SIT) } }",
            {"KnownArgumentNamesRule", "ProvidedRequiredArgumentsRule"},
            "Unknown argument \"dogcommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", "1:25");
    invalid("KnownArgumentNamesRule: unknown field arguments", "{ dog { name(surname: true, unknown: 1) } }",
            {"KnownArgumentNamesRule"}, "Unknown argument \"unknown\" on field \"Dog.name\".", "1:29");
    invalid("KnownArgumentNamesRule: meta-field", "{ __typename(name: \"x\") }",
            {"KnownArgumentNamesRule"}, "Unknown argument \"name\" on field \"Query.__typename\".", "1:14");
    invalid("KnownArgumentNamesRule: on an unknown field", "{ unknownField(a: 1) }",
            {"FieldsOnCorrectTypeRule"}, "Cannot query field \"unknownField\" on type \"Query\".", "1:3");
    invalid("KnownArgumentNamesRule: directive arguments", "{ dog { name @withArgs(limit: 1, limt: 2) } }",
            {"KnownArgumentNamesRule"},
            "Unknown argument \"limt\" on directive \"@withArgs\". Did you mean \"limit\"?", "1:34");
    invalid("KnownArgumentNamesRule: arguments of an unknown directive", "{ dog { name @unknown(anything: 1) } }",
            {"KnownDirectivesRule"}, "Unknown directive \"@unknown\".", "1:14");
    invalid("UniqueArgumentNamesRule: field and directive",
            "{ dog { isHouseTrained(atOtherHomes: true, atOtherHomes: false) @skip(if: true, if: false) } }",
            {"UniqueArgumentNamesRule", "UniqueArgumentNamesRule"},
            "There can be only one argument named \"atOtherHomes\".", "1:24");
    invalid("UniqueArgumentNamesRule: three times", "{ dog { name(surname: true, surname: true, surname: true) } }",
            {"UniqueArgumentNamesRule"}, "There can be only one argument named \"surname\".", "1:14");
    valid("ProvidedRequiredArgumentsRule: all required arguments",
          "{ complicatedArgs { multipleReqs(req1: 1, req2: 2) multipleOptAndReq(req2: 1, req1: 2) nonNullFieldWithDefault } }");
    invalid("ProvidedRequiredArgumentsRule: two missing", "{ complicatedArgs { multipleReqs } }",
            {"ProvidedRequiredArgumentsRule", "ProvidedRequiredArgumentsRule"},
            "Field \"multipleReqs\" argument \"req1\" of type \"Int!\" is required, but it was not provided.", "1:21");
    invalid("ProvidedRequiredArgumentsRule: directive argument missing", "{ dog @include { name @withArgs } }",
            {"ProvidedRequiredArgumentsRule", "ProvidedRequiredArgumentsRule"},
            "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", "1:7");
    invalid("ProvidedRequiredArgumentsRule: reported after nested errors",
            "{ arguments { multipleRequirements(x: 1) } dog { doesKnowCommand { unknown } } }",
            {"ProvidedRequiredArgumentsRule", "ScalarLeafsRule", "ProvidedRequiredArgumentsRule"},
            "Field \"multipleRequirements\" argument \"y\" of type \"Int!\" is required, but it was not provided.", "1:15");
}

// Spec §5.6.
void TestValidator::valueRules_data()
{
    addColumns();
    valid("ValuesOfCorrectTypeRule: good literals",
          "{ complicatedArgs { intArgField(intArg: -3) floatArgField(floatArg: 1) idArgField(idArg: 4) a: idArgField(idArg: \"x\") enumArgField(enumArg: BROWN) stringListArgField(stringListArg: \"single\") complexArgField(complexArg: {requiredField: false, stringListField: [\"a\", null]}) } }");
    invalid("ValuesOfCorrectTypeRule: String into Int", "{ complicatedArgs { intArgField(intArg: \"3\") } }",
            {"ValuesOfCorrectTypeRule"}, "Int cannot represent non-integer value: \"3\"", "1:41");
    invalid("ValuesOfCorrectTypeRule: Int too big", "{ complicatedArgs { intArgField(intArg: 2147483648) } }",
            {"ValuesOfCorrectTypeRule"}, "Int cannot represent non 32-bit signed integer value: 2147483648", "1:41");
    invalid("ValuesOfCorrectTypeRule: Boolean into Float", "{ complicatedArgs { floatArgField(floatArg: true) } }",
            {"ValuesOfCorrectTypeRule"}, "Float cannot represent non numeric value: true", "1:45");
    invalid("ValuesOfCorrectTypeRule: Float into ID", "{ complicatedArgs { idArgField(idArg: 1.0) } }",
            {"ValuesOfCorrectTypeRule"}, "ID cannot represent a non-string and non-integer value: 1.0", "1:39");
    invalid("ValuesOfCorrectTypeRule: String into enum", "{ complicatedArgs { enumArgField(enumArg: \"BROWN\") } }",
            {"ValuesOfCorrectTypeRule"},
            "Enum \"FurColor\" cannot represent non-enum value: \"BROWN\". Did you mean the enum value \"BROWN\"?", "1:43");
    invalid("ValuesOfCorrectTypeRule: enum value in lower case", "{ complicatedArgs { enumArgField(enumArg: brown) } }",
            {"ValuesOfCorrectTypeRule"},
            "Value \"brown\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BROWN\"?", "1:43");
    invalid("ValuesOfCorrectTypeRule: null into non-null",
            "{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }",
            {"ValuesOfCorrectTypeRule"}, "Expected value of type \"Int!\", found null.", "1:55");
    invalid("ValuesOfCorrectTypeRule: items of a list",
            "{ complicatedArgs { stringListNonNullArgField(stringListNonNullArg: [\"one\", 2, null]) } }",
            {"ValuesOfCorrectTypeRule", "ValuesOfCorrectTypeRule"},
            "String cannot represent a non string value: 2", "1:77");
    invalid("ValuesOfCorrectTypeRule: list into a scalar", "{ complicatedArgs { intArgField(intArg: [1, 2]) } }",
            {"ValuesOfCorrectTypeRule"}, "Int cannot represent non-integer value: [1, 2]", "1:41");
    invalid("ValuesOfCorrectTypeRule: object into a scalar", "{ complicatedArgs { intArgField(intArg: {value: 1}) } }",
            {"ValuesOfCorrectTypeRule"}, "Int cannot represent non-integer value: {value: 1}", "1:41");
    invalid("ValuesOfCorrectTypeRule: scalar into an input object",
            "{ complicatedArgs { complexArgField(complexArg: \"x\") } }",
            {"ValuesOfCorrectTypeRule"}, "Expected value of type \"ComplexInput\", found \"x\".", "1:49");
    invalid("ValuesOfCorrectTypeRule: required input field missing",
            "{ complicatedArgs { complexArgField(complexArg: {intField: 4}) } }",
            {"ValuesOfCorrectTypeRule"},
            "Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", "1:49");
    invalid("ValuesOfCorrectTypeRule: unknown input field",
            "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, unknownField: \"value\"}) } }",
            {"ValuesOfCorrectTypeRule"}, "Field \"unknownField\" is not defined by type \"ComplexInput\".", "1:71");
    invalid("ValuesOfCorrectTypeRule: custom scalar", "{ invalidArg(arg: 123) anyArg(arg: {a: [1, \"b\"]}) }",
            {"ValuesOfCorrectTypeRule"},
            "Expected value of type \"Invalid\", found 123; Invalid scalar is always invalid.", "1:19");
    invalid("ValuesOfCorrectTypeRule: variable default values",
            "query ($a: Int = \"one\", $b: ComplexInput = {requiredField: 1}) { complicatedArgs { intArgField(intArg: $a) complexArgField(complexArg: $b) } }",
            {"ValuesOfCorrectTypeRule", "ValuesOfCorrectTypeRule"},
            "Int cannot represent non-integer value: \"one\"", "1:18");
    invalid("ValuesOfCorrectTypeRule: directive argument", "{ dog @include(if: \"yes\") { name } }",
            {"ValuesOfCorrectTypeRule"}, "Boolean cannot represent a non boolean value: \"yes\"", "1:20");
    invalid("ValuesOfCorrectTypeRule: argument of an unknown directive", "{ dog { name @unknown(surname: \"x\") } }",
            {"KnownDirectivesRule", "ValuesOfCorrectTypeRule"}, "Unknown directive \"@unknown\".", "1:14");
    invalid("UniqueInputFieldNamesRule: nested objects",
            "{ findDog(searchBy: {name: \"a\", owner: \"b\"}) { name } complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1, intField: 2}) } }",
            {"UniqueInputFieldNamesRule"}, "There can be only one input field named \"intField\".", "1:123");
    invalid("UniqueInputFieldNamesRule: inside an unknown argument",
            "{ dog { name @unknown(a: {x: 1, y: {x: 1, x: 2}, x: 3}) } }",
            {"KnownDirectivesRule", "UniqueInputFieldNamesRule", "UniqueInputFieldNamesRule"},
            "Unknown directive \"@unknown\".", "1:14");
}

// Spec §5.3.2 Field Selection Merging.
void TestValidator::overlappingFields_data()
{
    addColumns();
    valid("same field under one name", "{ dog { name name n: name n: name } }");
    invalid("differing fields under one name", "{ dog { x: name x: nickname } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9");
    invalid("differing arguments", "{ dog { name(surname: true) name(surname: false) } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"name\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", "1:9");
    invalid("one with arguments, one without", "{ dog { name name(surname: true) } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"name\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", "1:9");
    valid("object fields sorted before comparing",
          "{ findDog(searchBy: {name: \"a\", owner: \"b\"}) { name } findDog(searchBy: {owner: \"b\", name: \"a\"}) { name } }");
    invalid("string and block string differ",
            "{ findDog(searchBy: {name: \"a\"}) { name } findDog(searchBy: {name: \"\"\"a\"\"\"}) { name } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"findDog\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", "1:3");
    invalid("conflicting return types", "{ dog { x: barkVolume x: barks } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"x\" conflict because \"barkVolume\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9");
    invalid("list and non-list", "{ human { x: pets { name } x: relatives { name } } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"x\" conflict because \"pets\" and \"relatives\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:11");
    invalid("conflicting subfields", "{ dog { mother { x: name } mother { x: nickname } } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9");
    invalid("several conflicting subfields",
            "{ dog { mother { x: name y: barkVolume } mother { x: nickname y: barks } } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields and subfields \"y\" conflict because \"barkVolume\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9");
    invalid("differing fields on disjoint objects", "{ pet { ... on Dog { x: name } ... on Cat { x: nickname } } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"x\" conflict because they return conflicting types \"String!\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", "1:22");
    invalid("differing types on disjoint objects",
            "{ pet { ... on Dog { x: barkVolume } ... on Cat { x: nickname } } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"x\" conflict because they return conflicting types \"Int\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", "1:22");
    invalid("interfaces may overlap",
            "{ being { ... on Canine { x: name } ... on Sentient { x: name(surname: true) } } }",
            {"OverlappingFieldsCanBeMergedRule", "PossibleFragmentSpreadsRule", "KnownArgumentNamesRule"},
            "Fields \"x\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", "1:27");
    invalid("field and fragment", "{ dog { x: name ...F } } fragment F on Dog { x: nickname }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9");
    invalid("two fragments", "{ dog { ...A ...B } } fragment A on Dog { x: name } fragment B on Dog { x: barkVolume }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"x\" conflict because \"name\" and \"barkVolume\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:43");
    invalid("nested fragments", "{ dog { x: name ...A } } fragment A on Dog { ...B } fragment B on Dog { x: nickname }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9");
    invalid("fragments under two fields",
            "{ dog { mother { ...A } } dog { mother { ...B } } } fragment A on Dog { x: name } fragment B on Dog { x: nickname }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"dog\" conflict because subfields \"mother\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:3");
    valid("same fragment twice", "{ dog { ...A ...A } dog { ...A } } fragment A on Dog { x: name }");
    invalid("cyclic fragments end",
            "{ dog { ...A } } fragment A on Dog { x: name ...B } fragment B on Dog { x: nickname ...A }",
            {"NoFragmentCyclesRule", "OverlappingFieldsCanBeMergedRule", "OverlappingFieldsCanBeMergedRule"},
            "Cannot spread fragment \"A\" within itself via \"B\".", "1:46");
    invalid("inline fragments at the root", "{ a: dog { name } ... { a: cat { name } } }",
            {"OverlappingFieldsCanBeMergedRule"},
            "Fields \"a\" conflict because \"dog\" and \"cat\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:3");
    invalid("unknown fields with one name", "{ dog { x: unknown1 x: unknown2 } }",
            {"OverlappingFieldsCanBeMergedRule", "FieldsOnCorrectTypeRule", "FieldsOnCorrectTypeRule"},
            "Fields \"x\" conflict because \"unknown1\" and \"unknown2\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:9");
}

// Errors of several rules come in graphql-js's order: document order, and rule order at one node.
void TestValidator::errorOrder_data()
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
void TestValidator::typeSystemDefinitions_data()
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

void TestValidator::typeSystemDefinitions()
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
void TestValidator::limits_data()
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

void TestValidator::limits()
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

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"

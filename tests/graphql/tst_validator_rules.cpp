// SPDX-License-Identifier: MIT
// The validator rule by rule, by the spec's sections (§5.1 to §5.8): documents, fields, fragments,
// variables, directives, arguments, values and field merging; each row a document with the rules
// of all its errors in the order they are reported, and the message and line:column of the first
// error. The expected results are graphql-js 16.15's unless a comment says otherwise.
#include "validatorfixture.h"

#include <QTest>

using namespace Subscriptor::Tests;

class TestValidatorRules final : public QObject, private ValidatorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { loadSchema(); }

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
};

// Spec §5.1, §5.2 and the type names of §5.5.1.2 / §5.8.2.
void TestValidatorRules::documentRules_data()
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
void TestValidatorRules::fieldRules_data()
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
void TestValidatorRules::fragmentRules_data()
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
void TestValidatorRules::variableRules_data()
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
void TestValidatorRules::directiveRules_data()
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
void TestValidatorRules::argumentRules_data()
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
void TestValidatorRules::valueRules_data()
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
void TestValidatorRules::overlappingFields_data()
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

QTEST_GUILESS_MAIN(TestValidatorRules)
#include "tst_validator_rules.moc"

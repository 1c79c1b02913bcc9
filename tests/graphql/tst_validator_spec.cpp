// SPDX-License-Identifier: MIT
// The validator on every example of spec §5 (October 2021), written against its example schema:
// each document with the rules of all its errors in the order they are reported, and the message
// and line:column of the first error, as graphql-js 16.15 reports them.
#include "validatorfixture.h"

#include <QTest>

using namespace Subscriptor::Tests;

class TestValidatorSpec final : public QObject, private ValidatorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { loadSchema(); }

    void specExamples_data();
    void specExamples() { checkRow(); }
};

// Every example of spec §5 (October 2021) written against its example schema, in a compact layout.
// A few use fields the test schema does not have (mutateDog, findDog(complex:), booleanList, field):
// those are reported too, as graphql-js reports them.
void TestValidatorSpec::specExamples_data()
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

QTEST_GUILESS_MAIN(TestValidatorSpec)
#include "tst_validator_spec.moc"

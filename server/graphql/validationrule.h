// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace Subscriptor::GraphQL {

/// The rules of spec §5 for executable documents, in the order of graphql-js's `specifiedRules`
/// (which ends with its one "recommended" rule, MaxIntrospectionDepthRule): at one node,
/// graphql-js reports the errors of its rules in this order.
enum class ValidationRule : quint8 {
    ExecutableDefinitions,
    UniqueOperationNames,
    LoneAnonymousOperation,
    SingleFieldSubscriptions,
    KnownTypeNames,
    FragmentsOnCompositeTypes,
    VariablesAreInputTypes,
    ScalarLeafs,
    FieldsOnCorrectType,
    UniqueFragmentNames,
    KnownFragmentNames,
    NoUnusedFragments,
    PossibleFragmentSpreads,
    NoFragmentCycles,
    UniqueVariableNames,
    NoUndefinedVariables,
    NoUnusedVariables,
    KnownDirectives,
    UniqueDirectivesPerLocation,
    KnownArgumentNames,
    UniqueArgumentNames,
    ValuesOfCorrectType,
    ProvidedRequiredArguments,
    VariablesInAllowedPosition,
    OverlappingFieldsCanBeMerged,
    UniqueInputFieldNames,
    MaxIntrospectionDepth,
};

/// The graphql-js name of a rule: `ScalarLeafsRule`.
constexpr const char *validationRuleName(ValidationRule rule)
{
    constexpr const char *Names[] = {
        "ExecutableDefinitionsRule", "UniqueOperationNamesRule", "LoneAnonymousOperationRule",
        "SingleFieldSubscriptionsRule", "KnownTypeNamesRule", "FragmentsOnCompositeTypesRule",
        "VariablesAreInputTypesRule", "ScalarLeafsRule", "FieldsOnCorrectTypeRule", "UniqueFragmentNamesRule",
        "KnownFragmentNamesRule", "NoUnusedFragmentsRule", "PossibleFragmentSpreadsRule", "NoFragmentCyclesRule",
        "UniqueVariableNamesRule", "NoUndefinedVariablesRule", "NoUnusedVariablesRule", "KnownDirectivesRule",
        "UniqueDirectivesPerLocationRule", "KnownArgumentNamesRule", "UniqueArgumentNamesRule",
        "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule", "VariablesInAllowedPositionRule",
        "OverlappingFieldsCanBeMergedRule", "UniqueInputFieldNamesRule", "MaxIntrospectionDepthRule",
    };
    return Names[int(rule)];
}

} // namespace Subscriptor::GraphQL

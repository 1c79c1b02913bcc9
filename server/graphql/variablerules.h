// SPDX-License-Identifier: MIT
#pragma once

namespace Subscriptor::GraphQL {

class ValidationContext;

/// The rules about variables (spec §5.8): UniqueVariableNamesRule, VariablesAreInputTypesRule,
/// NoUndefinedVariablesRule, NoUnusedVariablesRule, VariablesInAllowedPositionRule.
class VariableRules final
{
public:
    explicit VariableRules(ValidationContext &context) : m_context(context) { }

    void check();

private:
    void variablesAreInputTypes();
    void uniqueVariableNames();
    void noUndefinedVariables();
    void noUnusedVariables();
    void variablesInAllowedPosition();

    ValidationContext &m_context;
};

} // namespace Subscriptor::GraphQL

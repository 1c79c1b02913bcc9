// SPDX-License-Identifier: MIT
#pragma once

namespace Subscriptor::GraphQL {

class ValidationContext;

/// The rules about fragments (spec §5.5): UniqueFragmentNamesRule, FragmentsOnCompositeTypesRule,
/// NoUnusedFragmentsRule, KnownFragmentNamesRule, NoFragmentCyclesRule, PossibleFragmentSpreadsRule.
class FragmentRules final
{
public:
    explicit FragmentRules(ValidationContext &context) : m_context(context) { }

    void check();

private:
    void fragmentsOnCompositeTypes();
    void uniqueFragmentNames();
    void knownFragmentNames();
    void noUnusedFragments();
    void possibleFragmentSpreads();
    void noFragmentCycles();

    ValidationContext &m_context;
};

} // namespace Subscriptor::GraphQL

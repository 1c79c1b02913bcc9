// SPDX-License-Identifier: MIT
#pragma once

namespace Subscriptor::GraphQL {

class ValidationContext;

/// The rules about definitions as a whole (spec §5.1, §5.2, §5.5.1.2 for variable and fragment
/// type names): ExecutableDefinitionsRule, UniqueOperationNamesRule, LoneAnonymousOperationRule,
/// SingleFieldSubscriptionsRule, KnownTypeNamesRule.
class DocumentRules final
{
public:
    explicit DocumentRules(ValidationContext &context) : m_context(context) { }

    void check();

private:
    void executableDefinitions();
    void uniqueOperationNames();
    void loneAnonymousOperation();
    void singleFieldSubscriptions();
    void knownTypeNames();

    ValidationContext &m_context;
};

} // namespace Subscriptor::GraphQL

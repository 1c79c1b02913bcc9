// SPDX-License-Identifier: MIT
#include "validationcontext.h"

#include "documentwalker.h"

#include <algorithm>

namespace Subscriptor::GraphQL {

namespace {

// graphql-js's texts for the errors that end validation early; no rule reports them.
constexpr QLatin1StringView TooManyErrorsMessage(
    "Too many validation errors, error limit reached. Validation aborted.");
constexpr QLatin1StringView AbortedMessage("Validation aborted.");

} // namespace

ValidationContext::ValidationContext(const Schema &schema, const Ast::Document &document)
    : m_schema(schema), m_document(document), m_fragments(schema, document, m_facts)
{
    DocumentWalker(schema, document, m_facts).walk();
    if (const std::optional<FragmentGraph::Exhaustion> exhaustion = m_fragments.run())
        abort(exhaustion->rule, exhaustion->stamp);
}

void ValidationContext::report(ValidationRule rule, Stamp stamp, QList<Ast::Location> locations, MessageBuilder message)
{
    m_errors.push_back({stamp, rule, std::move(locations), std::move(message)});
}

void ValidationContext::report(ValidationRule rule, Stamp stamp, QList<Ast::Location> locations, const QString &message)
{
    report(rule, stamp, std::move(locations), [message] { return message; });
}

void ValidationContext::abort(ValidationRule rule, Stamp stamp)
{
    const std::pair<Stamp, ValidationRule> at{stamp, rule};
    if (!m_abort || at < *m_abort)
        m_abort = at;
}

ErrorList ValidationContext::takeErrors()
{
    // Rules report at their own pace; graphql-js reports in walk order, and at one event in rule order.
    std::stable_sort(m_errors.begin(), m_errors.end(), [](const PendingError &a, const PendingError &b) {
        return std::pair(a.stamp, a.rule) < std::pair(b.stamp, b.rule);
    });
    ErrorList errors;
    for (PendingError &pending : m_errors) {
        // The rule that ran out of budget reports nothing at that event, later events never run.
        if (m_abort && std::pair(pending.stamp, pending.rule) >= *m_abort)
            break;
        if (errors.size() == MaxErrors) {
            errors.append(Error(TooManyErrorsMessage));
            m_errors.clear();
            return errors;
        }
        errors.append(Error(pending.message(), std::move(pending.locations), validationRuleName(pending.rule)));
    }
    if (m_abort)
        errors.append(Error(AbortedMessage));
    m_errors.clear();
    return errors;
}

} // namespace Subscriptor::GraphQL

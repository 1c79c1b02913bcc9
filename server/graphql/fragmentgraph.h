// SPDX-License-Identifier: MIT
#pragma once

#include "documentfacts.h"
#include "validationrule.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

namespace Subscriptor::GraphQL {

class Schema;

/**
 * The fragments of a document and the spreads between them, and the work that follows spreads
 * from one definition into another: the fragments an operation uses, its variable usages through
 * them, the root fields of a subscription. That work can grow with the product of operations and
 * fragments, so graphql-js charges it to one budget and stops validating when it runs out; this
 * class charges the same costs, in the same order, and every walk is iterative (a chain of
 * fragments is as long as the document allows).
 */
class FragmentGraph final
{
public:
    /// The root fields a subscription selects, by response key in first-seen order (spec §5.2.3.1).
    struct FieldGroup
    {
        QByteArray responseKey;
        QList<const Ast::Selection *> fields;
    };

    /// Where the budget ran out: the event and the rule that was working.
    struct Exhaustion
    {
        Stamp stamp = 0;
        ValidationRule rule = ValidationRule::ExecutableDefinitions;
    };

    FragmentGraph(const Schema &schema, const Ast::Document &document, const DocumentFacts &facts);
    Q_DISABLE_COPY_MOVE(FragmentGraph)

    /// Follows the spreads of every operation, in the order graphql-js's rules do; what was
    /// computed before the budget ran out stays available.
    std::optional<Exhaustion> run();

    /// The fragment a spread names: the last definition of that name, as graphql-js's getFragment.
    const Ast::FragmentDefinition *fragment(QByteArrayView name) const;
    /// The spreads of a fragment definition (nested ones included, not following other fragments),
    /// in graphql-js's getFragmentSpreads order.
    const std::vector<const Ast::Selection *> &spreads(const Ast::FragmentDefinition &fragment) const;

    /// Null when the operation is not a subscription or the budget ran out before it.
    const std::vector<FieldGroup> *subscriptionFields(qsizetype operation) const;
    /// The variable usages of an operation and of every fragment it uses; null when the budget ran
    /// out before it.
    const std::vector<VariableUsage> *recursiveUsages(qsizetype operation) const;
    /// The names of the fragments the operations use; null when the budget ran out before it.
    const QSet<QByteArray> *usedFragmentNames() const;

private:
    /// graphql-js's getRecursivelyReferencedFragmentsForOperations: an index into m_closures.
    std::optional<qsizetype> referencedFragments(const QList<QByteArray> &names);
    bool collectSubscriptionFields(const Ast::OperationDefinition &operation, std::vector<FieldGroup> &groups);
    bool collectRecursiveUsages(qsizetype operation);
    bool spend(qsizetype cost);

    const Schema &m_schema;
    const Ast::Document &m_document;
    const DocumentFacts &m_facts;
    QHash<QByteArray, qsizetype> m_fragmentIndex;
    std::vector<std::vector<const Ast::Selection *>> m_fragmentSpreads; ///< by fragment index
    std::vector<QList<QByteArray>> m_operationSpreadNames;              ///< by operation index

    qsizetype m_remainingWork;
    bool m_chargedFragmentMap = false;
    QHash<QByteArray, qsizetype> m_closureBySpreadNames;
    std::vector<std::vector<qsizetype>> m_closures;            ///< fragment indices
    QHash<qsizetype, qsizetype> m_closureUsageCounts;          ///< closure → usages through it
    std::vector<std::optional<std::vector<FieldGroup>>> m_subscriptionFields;
    std::vector<std::optional<std::vector<VariableUsage>>> m_recursiveUsages;
    std::optional<QSet<QByteArray>> m_usedFragmentNames;
};

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "fragmentgraph.h"

#include "schema.h"

#include <algorithm>

namespace Subscriptor::GraphQL {

namespace {

/// graphql-js's budget for following fragment spreads across definitions (ValidationContext
/// `_remainingFragmentWork`); past it, validation stops with "Validation aborted.".
constexpr qsizetype MaxFragmentWork = 50'000;

/// Every spread in a selection set, without following fragments. graphql-js keeps the nested
/// selection sets on a stack, so a set's own spreads come first, then its nested sets, last first.
std::vector<const Ast::Selection *> spreadsIn(const std::vector<Ast::Selection> &selectionSet)
{
    std::vector<const Ast::Selection *> spreads;
    std::vector<const std::vector<Ast::Selection> *> setsToVisit{&selectionSet};
    while (!setsToVisit.empty()) {
        const std::vector<Ast::Selection> *set = setsToVisit.back();
        setsToVisit.pop_back();
        for (const Ast::Selection &selection : *set) {
            if (selection.kind == Ast::Selection::Kind::FragmentSpread)
                spreads.push_back(&selection);
            else if (selection.hasSelectionSet())
                setsToVisit.push_back(&selection.selectionSet);
        }
    }
    return spreads;
}

/// Names in first-seen order, each once (a JavaScript Set).
class OrderedNames final
{
public:
    void append(const QByteArray &name)
    {
        if (!m_seen.contains(name)) {
            m_seen.insert(name);
            m_names.append(name);
        }
    }
    const QList<QByteArray> &names() const { return m_names; }

private:
    QSet<QByteArray> m_seen;
    QList<QByteArray> m_names;
};

/// The literal value of the `if` argument of @skip or @include, when it is a Boolean literal.
std::optional<bool> conditionLiteral(const Ast::Directive &directive)
{
    // With repeated arguments the last one counts, as in graphql-js's getArgumentValues.
    const auto condition = std::find_if(directive.arguments.crbegin(), directive.arguments.crend(),
                                        [](const Ast::Argument &argument) { return argument.name.value == "if"; });
    if (condition == directive.arguments.crend() || condition->value.kind != Ast::ValueNode::Kind::Boolean)
        return std::nullopt;
    return condition->value.boolean;
}

/// Spec §5.2.3.1 collects the root fields with no variable values: @skip(if: true) and
/// @include(if: false) leave a selection out; a variable condition is not provided, so it does not.
bool isIncluded(const Ast::Selection &selection)
{
    const auto first = [&](QByteArrayView name) -> const Ast::Directive * {
        for (const Ast::Directive &directive : selection.directives) {
            if (directive.name.value == name)
                return &directive;
        }
        return nullptr;
    };
    if (const Ast::Directive *skip = first("skip"); skip && conditionLiteral(*skip) == true)
        return false;
    if (const Ast::Directive *include = first("include"); include && conditionLiteral(*include) == false)
        return false;
    return true;
}

/// What graphql-js charges for collecting one selection set of a subscription.
qsizetype collectionCost(const std::vector<Ast::Selection> &selectionSet)
{
    qsizetype cost = qsizetype(selectionSet.size());
    for (const Ast::Selection &selection : selectionSet) {
        cost += qsizetype(selection.directives.size());
        for (const Ast::Directive &directive : selection.directives) {
            if (directive.name.value == "skip" || directive.name.value == "include")
                cost += qsizetype(directive.arguments.size());
        }
    }
    return cost;
}

} // namespace

FragmentGraph::FragmentGraph(const Schema &schema, const Ast::Document &document, const DocumentFacts &facts)
    : m_schema(schema), m_document(document), m_facts(facts), m_remainingWork(MaxFragmentWork)
{
    for (qsizetype i = 0; i < qsizetype(document.fragments.size()); ++i) {
        m_fragmentIndex.insert(document.fragments[i].name.value, i); // the last definition wins
        m_fragmentSpreads.push_back(spreadsIn(document.fragments[i].selectionSet));
    }
    for (const Ast::OperationDefinition &operation : document.operations) {
        OrderedNames names;
        for (const Ast::Selection *spread : spreadsIn(operation.selectionSet))
            names.append(spread->name.value);
        m_operationSpreadNames.push_back(names.names());
    }
    m_subscriptionFields.resize(document.operations.size());
    m_recursiveUsages.resize(document.operations.size());
}

const Ast::FragmentDefinition *FragmentGraph::fragment(QByteArrayView name) const
{
    const auto it = m_fragmentIndex.constFind(QByteArray::fromRawData(name.data(), name.size()));
    return it == m_fragmentIndex.constEnd() ? nullptr : &m_document.fragments[*it];
}

const std::vector<const Ast::Selection *> &FragmentGraph::spreads(const Ast::FragmentDefinition &fragment) const
{
    return m_fragmentSpreads[&fragment - m_document.fragments.data()];
}

const std::vector<FragmentGraph::FieldGroup> *FragmentGraph::subscriptionFields(qsizetype operation) const
{
    const auto &fields = m_subscriptionFields[operation];
    return fields ? &*fields : nullptr;
}

const std::vector<VariableUsage> *FragmentGraph::recursiveUsages(qsizetype operation) const
{
    const auto &usages = m_recursiveUsages[operation];
    return usages ? &*usages : nullptr;
}

const QSet<QByteArray> *FragmentGraph::usedFragmentNames() const
{
    return m_usedFragmentNames ? &*m_usedFragmentNames : nullptr;
}

std::optional<FragmentGraph::Exhaustion> FragmentGraph::run()
{
    // graphql-js's order: SingleFieldSubscriptionsRule when it enters each subscription,
    // NoUndefinedVariablesRule when it leaves each operation, NoUnusedFragmentsRule at the end.
    for (qsizetype i = 0; i < qsizetype(m_document.operations.size()); ++i) {
        const Ast::OperationDefinition &operation = m_document.operations[i];
        if (operation.operation == Ast::OperationType::Subscription && m_schema.subscriptionType()) {
            std::vector<FieldGroup> groups;
            if (!collectSubscriptionFields(operation, groups))
                return Exhaustion{m_facts.operations[i].enter, ValidationRule::SingleFieldSubscriptions};
            m_subscriptionFields[i] = std::move(groups);
        }
        if (!collectRecursiveUsages(i))
            return Exhaustion{m_facts.operations[i].leave, ValidationRule::NoUndefinedVariables};
    }
    OrderedNames names;
    for (const QList<QByteArray> &operationNames : m_operationSpreadNames) {
        for (const QByteArray &name : operationNames)
            names.append(name);
    }
    const std::optional<qsizetype> closure = referencedFragments(names.names());
    if (!closure)
        return Exhaustion{m_facts.documentLeave, ValidationRule::NoUnusedFragments};
    QSet<QByteArray> used;
    for (qsizetype fragmentIndex : m_closures[*closure])
        used.insert(m_document.fragments[fragmentIndex].name.value);
    m_usedFragmentNames = std::move(used);
    return std::nullopt;
}

bool FragmentGraph::spend(qsizetype cost)
{
    m_remainingWork -= cost;
    return m_remainingWork >= 0;
}

std::optional<qsizetype> FragmentGraph::referencedFragments(const QList<QByteArray> &names)
{
    // The same set of spread names always reaches the same fragments: compute it once.
    QList<QByteArray> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    const QByteArray key = sorted.join(',');
    if (const auto it = m_closureBySpreadNames.constFind(key); it != m_closureBySpreadNames.constEnd())
        return *it;

    if (!spend(names.size()))
        return std::nullopt;
    OrderedNames collected;
    for (const QByteArray &name : names)
        collected.append(name);
    std::vector<qsizetype> fragments;
    // The list grows while it is read: a breadth-first walk.
    for (qsizetype i = 0; i < collected.names().size(); ++i) {
        const auto it = m_fragmentIndex.constFind(collected.names()[i]);
        if (it == m_fragmentIndex.constEnd())
            continue;
        fragments.push_back(*it);
        const std::vector<const Ast::Selection *> &spreads = m_fragmentSpreads[*it];
        if (!spend(qsizetype(spreads.size())))
            return std::nullopt;
        for (const Ast::Selection *spread : spreads)
            collected.append(spread->name.value);
    }
    m_closures.push_back(std::move(fragments));
    const qsizetype index = qsizetype(m_closures.size()) - 1;
    m_closureBySpreadNames.insert(key, index);
    return index;
}

bool FragmentGraph::collectRecursiveUsages(qsizetype operation)
{
    const std::optional<qsizetype> closure = referencedFragments(m_operationSpreadNames[operation]);
    if (!closure)
        return false;
    const std::vector<qsizetype> &fragments = m_closures[*closure];
    auto count = m_closureUsageCounts.constFind(*closure);
    if (count == m_closureUsageCounts.constEnd()) {
        if (!spend(qsizetype(fragments.size())))
            return false;
        qsizetype usages = 0;
        for (qsizetype fragmentIndex : fragments) {
            const qsizetype local = qsizetype(m_facts.fragments[fragmentIndex].usages.size());
            if (!spend(local))
                return false;
            usages += local;
        }
        count = m_closureUsageCounts.insert(*closure, usages);
    }
    if (!spend(*count))
        return false;
    std::vector<VariableUsage> usages = m_facts.operations[operation].usages;
    for (qsizetype fragmentIndex : fragments) {
        const std::vector<VariableUsage> &local = m_facts.fragments[fragmentIndex].usages;
        usages.insert(usages.end(), local.begin(), local.end());
    }
    m_recursiveUsages[operation] = std::move(usages);
    return true;
}

bool FragmentGraph::collectSubscriptionFields(const Ast::OperationDefinition &operation,
                                              std::vector<FieldGroup> &groups)
{
    // graphql-js builds its own map of fragments once, charging every definition.
    if (!m_chargedFragmentMap) {
        m_chargedFragmentMap = true;
        if (!spend(qsizetype(m_document.definitions.size())))
            return false;
    }
    const Type *subscriptionType = m_schema.subscriptionType();
    const auto conditionMatches = [&](const Ast::Name &typeCondition) {
        if (typeCondition.isEmpty())
            return true;
        const Type *type = m_schema.type(typeCondition.value);
        return type == subscriptionType
            || (type && type->isAbstract() && m_schema.isPossibleType(type, subscriptionType));
    };

    // Spec CollectFields, depth first with a stack of (selection set, next selection).
    QHash<QByteArray, qsizetype> groupIndex;
    QSet<QByteArray> visitedFragments;
    std::vector<std::pair<const std::vector<Ast::Selection> *, size_t>> stack;
    const auto enter = [&](const std::vector<Ast::Selection> &selectionSet) {
        stack.emplace_back(&selectionSet, 0);
        return spend(collectionCost(selectionSet));
    };
    if (!enter(operation.selectionSet))
        return false;
    while (!stack.empty()) {
        auto &[selectionSet, next] = stack.back();
        if (next == selectionSet->size()) {
            stack.pop_back();
            continue;
        }
        const Ast::Selection &selection = (*selectionSet)[next++];
        switch (selection.kind) {
        case Ast::Selection::Kind::Field: {
            if (!isIncluded(selection))
                break;
            const QByteArray &key = selection.responseKey();
            const auto it = groupIndex.constFind(key);
            if (it != groupIndex.constEnd()) {
                groups[*it].fields.append(&selection);
            } else {
                groupIndex.insert(key, qsizetype(groups.size()));
                groups.push_back({key, {&selection}});
            }
            break;
        }
        case Ast::Selection::Kind::InlineFragment:
            if (isIncluded(selection) && conditionMatches(selection.typeCondition) && !enter(selection.selectionSet))
                return false;
            break;
        case Ast::Selection::Kind::FragmentSpread: {
            if (visitedFragments.contains(selection.name.value) || !isIncluded(selection))
                break;
            visitedFragments.insert(selection.name.value);
            const Ast::FragmentDefinition *spread = fragment(selection.name.value);
            if (spread && conditionMatches(spread->typeCondition) && !enter(spread->selectionSet))
                return false;
            break;
        }
        }
    }
    return true;
}

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "fragmentrules.h"

#include "schema.h"
#include "validationcontext.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace Subscriptor::GraphQL {

namespace {

QString quoted(QByteArrayView text)
{
    return u'"' + QString::fromUtf8(text) + u'"';
}

const Type *compositeOrNull(const Type *type)
{
    return type && type->isComposite() ? type : nullptr;
}

} // namespace

void FragmentRules::check()
{
    fragmentsOnCompositeTypes();
    uniqueFragmentNames();
    knownFragmentNames();
    noUnusedFragments();
    possibleFragmentSpreads();
    noFragmentCycles();
}

// Spec §5.5.1.3 Fragments On Composite Types.
void FragmentRules::fragmentsOnCompositeTypes()
{
    const Schema &schema = m_context.schema();
    for (const FragmentUseFact &fact : m_context.facts().fragmentUses) {
        const Ast::Name &condition = fact.node->typeCondition;
        if (fact.node->kind != Ast::Selection::Kind::InlineFragment || condition.isEmpty())
            continue;
        const Type *type = schema.type(condition.value);
        if (type && !type->isComposite()) {
            m_context.report(ValidationRule::FragmentsOnCompositeTypes, fact.enter, {condition.location},
                             QLatin1String("Fragment cannot condition on non composite type ") + quoted(condition.value)
                                 + u'.');
        }
    }
    const std::vector<Ast::FragmentDefinition> &fragments = m_context.document().fragments;
    for (qsizetype i = 0; i < qsizetype(fragments.size()); ++i) {
        const Ast::Name &condition = fragments[i].typeCondition;
        const Type *type = schema.type(condition.value);
        if (type && !type->isComposite()) {
            m_context.report(ValidationRule::FragmentsOnCompositeTypes, m_context.facts().fragments[i].enter,
                             {condition.location},
                             QLatin1String("Fragment ") + quoted(fragments[i].name.value)
                                 + QLatin1String(" cannot condition on non composite type ") + quoted(condition.value)
                                 + u'.');
        }
    }
}

// Spec §5.5.1.1 Fragment Name Uniqueness.
void FragmentRules::uniqueFragmentNames()
{
    const std::vector<Ast::FragmentDefinition> &fragments = m_context.document().fragments;
    QHash<QByteArray, const Ast::Name *> known;
    for (qsizetype i = 0; i < qsizetype(fragments.size()); ++i) {
        const Ast::Name &name = fragments[i].name;
        if (const Ast::Name *first = known.value(name.value)) {
            m_context.report(ValidationRule::UniqueFragmentNames, m_context.facts().fragments[i].enter,
                             {first->location, name.location},
                             QLatin1String("There can be only one fragment named ") + quoted(name.value) + u'.');
        } else {
            known.insert(name.value, &name);
        }
    }
}

// Spec §5.5.2.1 Fragment Spread Target Defined.
void FragmentRules::knownFragmentNames()
{
    for (const FragmentUseFact &fact : m_context.facts().fragmentUses) {
        const Ast::Selection &spread = *fact.node;
        if (spread.kind == Ast::Selection::Kind::FragmentSpread && !m_context.fragments().fragment(spread.name.value)) {
            m_context.report(ValidationRule::KnownFragmentNames, fact.enter, {spread.name.location},
                             QLatin1String("Unknown fragment ") + quoted(spread.name.value) + u'.');
        }
    }
}

// Spec §5.5.1.4 Fragments Must Be Used.
void FragmentRules::noUnusedFragments()
{
    const QSet<QByteArray> *used = m_context.fragments().usedFragmentNames();
    if (!used)
        return; // the budget ran out before the end of the document
    for (const Ast::FragmentDefinition &fragment : m_context.document().fragments) {
        if (!used->contains(fragment.name.value)) {
            m_context.report(ValidationRule::NoUnusedFragments, m_context.facts().documentLeave, {fragment.location},
                             QLatin1String("Fragment ") + quoted(fragment.name.value)
                                 + QLatin1String(" is never used."));
        }
    }
}

// Spec §5.5.2.3 Fragment Spread Is Possible.
void FragmentRules::possibleFragmentSpreads()
{
    const Schema &schema = m_context.schema();
    for (const FragmentUseFact &fact : m_context.facts().fragmentUses) {
        const Ast::Selection &node = *fact.node;
        const bool isSpread = node.kind == Ast::Selection::Kind::FragmentSpread;
        const Type *type = fact.type;
        if (isSpread) {
            const Ast::FragmentDefinition *fragment = m_context.fragments().fragment(node.name.value);
            type = fragment ? schema.type(fragment->typeCondition.value) : nullptr;
        }
        type = compositeOrNull(type);
        if (!type || !fact.parentType || schema.typesOverlap(type, fact.parentType))
            continue;
        const QString subject
            = isSpread ? QLatin1String("Fragment ") + quoted(node.name.value) : QStringLiteral("Fragment");
        m_context.report(ValidationRule::PossibleFragmentSpreads, fact.enter, {node.location},
                         subject + QLatin1String(" cannot be spread here as objects of type ")
                             + quoted(fact.parentType->name()) + QLatin1String(" can never be of type ")
                             + quoted(type->name()) + u'.');
    }
}

// Spec §5.5.2.2 Fragment Spreads Must Not Form Cycles. A depth-first walk from each fragment, with
// an explicit stack: a chain of fragments can be as long as the document.
void FragmentRules::noFragmentCycles()
{
    struct Frame
    {
        const Ast::FragmentDefinition *fragment;
        const std::vector<const Ast::Selection *> *spreads;
        size_t next;
    };
    const FragmentGraph &graph = m_context.fragments();
    QSet<QByteArray> visited;
    std::vector<const Ast::Selection *> spreadPath;
    QHash<QByteArray, qsizetype> pathIndexByName; // where each fragment on the walk starts in spreadPath
    std::vector<Frame> stack;
    // Starts walking a fragment; false when there is nothing (more) to walk from it.
    const auto enter = [&](const Ast::FragmentDefinition &fragment) {
        if (visited.contains(fragment.name.value))
            return false;
        visited.insert(fragment.name.value);
        const std::vector<const Ast::Selection *> &spreads = graph.spreads(fragment);
        if (spreads.empty())
            return false;
        pathIndexByName.insert(fragment.name.value, qsizetype(spreadPath.size()));
        stack.push_back({&fragment, &spreads, 0});
        return true;
    };

    const std::vector<Ast::FragmentDefinition> &fragments = m_context.document().fragments;
    for (qsizetype i = 0; i < qsizetype(fragments.size()); ++i) {
        const Stamp stamp = m_context.facts().fragments[i].enter;
        enter(fragments[i]);
        while (!stack.empty()) {
            Frame &frame = stack.back();
            if (frame.next == frame.spreads->size()) {
                pathIndexByName.remove(frame.fragment->name.value);
                stack.pop_back();
                if (!stack.empty())
                    spreadPath.pop_back(); // the spread that led to the finished fragment
                continue;
            }
            const Ast::Selection *spread = (*frame.spreads)[frame.next++];
            spreadPath.push_back(spread);
            const auto cycleStart = pathIndexByName.constFind(spread->name.value);
            if (cycleStart == pathIndexByName.constEnd()) {
                const Ast::FragmentDefinition *target = graph.fragment(spread->name.value);
                if (!target || !enter(*target))
                    spreadPath.pop_back();
                continue;
            }
            QList<Ast::Location> locations;
            QStringList via;
            for (auto it = spreadPath.cbegin() + *cycleStart; it != spreadPath.cend(); ++it) {
                locations.append((*it)->location);
                if (it + 1 != spreadPath.cend())
                    via.append(quoted((*it)->name.value));
            }
            const QString path = via.isEmpty() ? QStringLiteral(".")
                                               : QLatin1String(" via ") + via.join(QLatin1String(", ")) + u'.';
            m_context.report(ValidationRule::NoFragmentCycles, stamp, locations,
                             QLatin1String("Cannot spread fragment ") + quoted(spread->name.value)
                                 + QLatin1String(" within itself") + path);
            spreadPath.pop_back();
        }
    }
}

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "fieldrules.h"

#include "schema.h"
#include "suggestions.h"
#include "validationcontext.h"

#include <QHash>

#include <algorithm>

namespace Subscriptor::GraphQL {

namespace {

/// graphql-js's MAX_LISTS_DEPTH: introspection lists (fields, interfaces, …) nested in a
/// __schema or __type field; each level multiplies the size of the response.
constexpr int MaxIntrospectionListsDepth = 3;

bool isIntrospectionList(QByteArrayView fieldName)
{
    return fieldName == "fields" || fieldName == "interfaces" || fieldName == "possibleTypes"
        || fieldName == "inputFields";
}

QString quoted(QByteArrayView text)
{
    return u'"' + QString::fromUtf8(text) + u'"';
}

// graphql-js naturalCompare, which orders suggested types: runs of digits compare as numbers.
int naturalCompare(QByteArrayView a, QByteArrayView b)
{
    const auto isDigit = [](QByteArrayView text, qsizetype i) {
        return i < text.size() && text[i] >= '0' && text[i] <= '9';
    };
    // A run of digits as a number (a JavaScript number: a double); a leading zero ends the run.
    const auto number = [&](QByteArrayView text, qsizetype &i) {
        double value = 0;
        do {
            value = value * 10 + (text[i++] - '0');
        } while (isDigit(text, i) && value > 0);
        return value;
    };
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a, i) && isDigit(b, j)) {
            const double x = number(a, i);
            const double y = number(b, j);
            if (x != y)
                return x < y ? -1 : 1;
        } else {
            if (a[i] != b[j])
                return a[i] < b[j] ? -1 : 1;
            ++i;
            ++j;
        }
    }
    return int(a.size() - b.size());
}

/**
 * Sorts as V8's Array.prototype.sort does an array of fewer than 64 items (TimSort: the leading
 * natural run, then binary insertion). graphql-js's order of suggested types is not a strict weak
 * order (an interface goes before the types that implement it, names decide otherwise), so its
 * result depends on the algorithm. `compare` returns a negative, zero or positive number.
 */
template<typename Compare>
void sortLikeJavaScript(QList<const Type *> &items, Compare compare)
{
    const qsizetype size = items.size();
    if (size < 2)
        return;
    // The leading run, ascending or strictly descending (then reversed).
    const bool descending = compare(items[1], items[0]) < 0;
    qsizetype run = 2;
    for (; run < size; ++run) {
        const int order = compare(items[run], items[run - 1]);
        if (descending ? order >= 0 : order < 0)
            break;
    }
    if (descending)
        std::reverse(items.begin(), items.begin() + run);
    for (qsizetype start = run; start < size; ++start) {
        const Type *pivot = items[start];
        qsizetype left = 0;
        qsizetype right = start;
        while (left < right) {
            const qsizetype middle = left + (right - left) / 2;
            if (compare(pivot, items[middle]) < 0)
                right = middle;
            else
                left = middle + 1;
        }
        items.move(start, left);
    }
}

QList<QByteArray> fieldNames(const Type *type)
{
    QList<QByteArray> names;
    for (const Field &field : type->fields())
        names.append(field.name);
    return names;
}

/// The types of an abstract type's values that have the field: where an inline fragment helps.
QList<QByteArray> suggestedTypeNames(const Schema &schema, const Type *type, const QByteArray &fieldName)
{
    if (!type->isAbstract())
        return {};
    QList<const Type *> suggested;
    QHash<const Type *, int> usageCount;
    for (const Type *possibleType : schema.possibleTypes(type)) {
        if (!possibleType->field(fieldName))
            continue;
        suggested.append(possibleType);
        usageCount[possibleType] = 1;
        for (const Type *interface : possibleType->interfaces()) {
            if (!interface->field(fieldName))
                continue;
            if (!usageCount.contains(interface))
                suggested.append(interface);
            ++usageCount[interface];
        }
    }
    // Most used first, then an interface before the types that implement it, then by name.
    sortLikeJavaScript(suggested, [&](const Type *a, const Type *b) {
        if (usageCount[a] != usageCount[b])
            return usageCount[b] - usageCount[a];
        if (a->kind() == TypeKind::Interface && schema.isSubType(b, a))
            return -1;
        if (b->kind() == TypeKind::Interface && schema.isSubType(a, b))
            return 1;
        return naturalCompare(a->name(), b->name());
    });
    QList<QByteArray> names;
    for (const Type *suggestedType : suggested)
        names.append(suggestedType->name());
    return names;
}

} // namespace

void FieldRules::check()
{
    scalarLeafs();
    fieldsOnCorrectType();
    maxIntrospectionDepth();
}

// Spec §5.3.3 Leaf Field Selections.
void FieldRules::scalarLeafs()
{
    for (const FieldFact &fact : m_context.facts().fields) {
        if (!fact.definition)
            continue;
        const Ast::Selection &field = *fact.node;
        const QString name = quoted(field.name.value);
        const QString type = quoted(fact.definition->type->toString());
        if (fact.definition->type->namedType()->isLeaf()) {
            if (field.hasSelectionSet()) {
                m_context.report(ValidationRule::ScalarLeafs, fact.enter, {field.selectionSetLocation},
                                 QLatin1String("Field ") + name
                                     + QLatin1String(" must not have a selection since type ") + type
                                     + QLatin1String(" has no subfields."));
            }
        } else if (!field.hasSelectionSet()) {
            m_context.report(ValidationRule::ScalarLeafs, fact.enter, {field.location},
                             QLatin1String("Field ") + name + QLatin1String(" of type ") + type
                                 + QLatin1String(" must have a selection of subfields. Did you mean \"")
                                 + QString::fromUtf8(field.name.value) + QLatin1String(" { ... }\"?"));
        }
    }
}

// Spec §5.3.1 Field Selections.
void FieldRules::fieldsOnCorrectType()
{
    for (const FieldFact &fact : m_context.facts().fields) {
        if (!fact.parentType || fact.definition)
            continue;
        const Type *type = fact.parentType;
        const QByteArray fieldName = fact.node->name.value;
        const Schema &schema = m_context.schema();
        const auto message = [&schema, type, fieldName]() -> QString {
            // Rather a fragment on a type that has the field than a near name (graphql-js's choice).
            QString suggestion = didYouMean(suggestedTypeNames(schema, type, fieldName),
                                            QStringLiteral("to use an inline fragment on"));
            if (suggestion.isEmpty()) // then a near name (a union has no fields of its own)
                suggestion = didYouMean(suggestionList(fieldName, fieldNames(type)));
            return QLatin1String("Cannot query field ") + quoted(fieldName) + QLatin1String(" on type ")
                + quoted(type->name()) + u'.' + suggestion;
        };
        m_context.report(ValidationRule::FieldsOnCorrectType, fact.enter, {fact.node->location}, message);
    }
}

// graphql-js MaxIntrospectionDepthRule. Depth first through fields, inline fragments and spread
// fragments, with an explicit stack (a chain of fragments can be as long as the document). A
// fragment is entered again only at a deeper list depth than before; the fragments known to go too
// deep, or not, are remembered across the document.
void FieldRules::maxIntrospectionDepth()
{
    struct Frame
    {
        const std::vector<Ast::Selection> *selections;
        size_t next;
        int depth;
        const QByteArray *fragmentName; ///< set when the frame is a spread fragment
    };
    QHash<QByteArray, int> checkedFragments;  // the deepest entry depth a fragment was found fine from
    QHash<QByteArray, int> exceededFragments; // the shallowest one it was found too deep from
    Stamp reportedUntil = -1;                 // graphql-js does not look inside a reported field
    const auto exceeds = [&](const Ast::Selection &root) {
        QHash<QByteArray, int> visited; // fragments entered while checking this root, by entry depth
        std::vector<Frame> stack{{&root.selectionSet, 0, 0, nullptr}};
        while (!stack.empty()) {
            Frame &frame = stack.back();
            if (frame.next == frame.selections->size()) {
                if (frame.fragmentName)
                    checkedFragments.insert(*frame.fragmentName, frame.depth);
                stack.pop_back();
                continue;
            }
            const Ast::Selection &selection = (*frame.selections)[frame.next++];
            const int depth = frame.depth;
            bool tooDeep = false;
            if (selection.kind == Ast::Selection::Kind::FragmentSpread) {
                const QByteArray &name = selection.name.value;
                const auto exceeded = exceededFragments.constFind(name);
                if (exceeded != exceededFragments.constEnd() && *exceeded <= depth) {
                    tooDeep = true;
                } else {
                    const auto seen = visited.constFind(name);
                    const auto checked = checkedFragments.constFind(name);
                    const bool revisit = (seen != visited.constEnd() && *seen >= depth)
                        || (checked != checkedFragments.constEnd() && *checked >= depth);
                    const Ast::FragmentDefinition *fragment = m_context.fragments().fragment(name);
                    if (!revisit && fragment) {
                        visited.insert(name, depth);
                        stack.push_back({&fragment->selectionSet, 0, depth, &fragment->name.value});
                    }
                }
            } else {
                const bool isList = selection.isField() && isIntrospectionList(selection.name.value);
                const int childDepth = isList ? depth + 1 : depth;
                if (childDepth >= MaxIntrospectionListsDepth)
                    tooDeep = true;
                else if (selection.hasSelectionSet())
                    stack.push_back({&selection.selectionSet, 0, childDepth, nullptr});
            }
            if (tooDeep) {
                // Every fragment on the way goes too deep from where it was entered.
                for (const Frame &open : stack) {
                    if (open.fragmentName)
                        exceededFragments.insert(*open.fragmentName, open.depth);
                }
                return true;
            }
        }
        return false;
    };
    for (const FieldFact &fact : m_context.facts().fields) {
        const QByteArray &name = fact.node->name.value;
        if (fact.enter < reportedUntil || (name != "__schema" && name != "__type") || !exceeds(*fact.node))
            continue;
        m_context.report(ValidationRule::MaxIntrospectionDepth, fact.enter, {fact.node->location},
                         QStringLiteral("Maximum introspection depth exceeded"));
        reportedUntil = fact.leave;
    }
}

} // namespace Subscriptor::GraphQL

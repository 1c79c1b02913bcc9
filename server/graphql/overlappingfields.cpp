// SPDX-License-Identifier: MIT
#include "overlappingfields.h"

#include "json.h"
#include "schema.h"
#include "validationcontext.h"

#include <algorithm>

namespace Subscriptor::GraphQL {

namespace {

/// graphql-js's MAX_COMPLEXITY_BUDGET: field and fragment comparisons a document may cost.
constexpr qsizetype MaxComplexityBudget = 500'000;
/// Longest reason or name in a message, and most locations per side (graphql-js's bounds).
constexpr qsizetype MaxConflictDetailLength = 1'000;
constexpr qsizetype MaxConflictNodes = 20;
/// Fields compared inside fields compared: one level per level of the response, about 1.3 KiB of
/// stack each. Through fragments a response can nest deeper than the parser's limit (64); past
/// twice that, validation stops rather than risk the stack. (graphql-js itself fails with a stack
/// overflow at about 650 levels, long before its budget runs out.)
constexpr int MaxComparisonDepth = 128;

/// Thrown when the budget runs out or comparisons nest too deep; caught by check().
struct Exhausted
{
};

QString abbreviated(const QString &text)
{
    return text.size() > MaxConflictDetailLength ? text.left(MaxConflictDetailLength) + QLatin1String("...") : text;
}

QString quotedName(QByteArrayView name)
{
    return u'"' + abbreviated(QString::fromUtf8(name)) + u'"';
}

bool isObjectType(const Type *type)
{
    return type && type->kind() == TypeKind::Object;
}

using Selections = QList<const Ast::Selection *>;

/// The locations of one side of a merged conflict: the enclosing field, then the deepest fields.
Selections conflictNodes(const Ast::Selection *node, const std::vector<Selections> &sides)
{
    Selections nodes{node};
    for (const Selections &side : sides) {
        const qsizetype remaining = MaxConflictNodes - nodes.size();
        nodes.append(side.mid(std::max<qsizetype>(0, side.size() - remaining)));
        if (nodes.size() == MaxConflictNodes)
            break;
    }
    return nodes;
}

} // namespace

OverlappingFields::OverlappingFields(ValidationContext &context)
    : m_context(context), m_fieldSets(context.schema(), context.fragments()), m_remainingBudget(MaxComplexityBudget)
{
}

void OverlappingFields::check()
{
    for (const SelectionSetFact &fact : m_context.facts().selectionSets) {
        // A lone field is compared when its own selection set is (a lone inline fragment is not
        // visited as a set of its own, so it is looked at here).
        const std::vector<Ast::Selection> &selections = *fact.selections;
        const bool loneInlineFragment
            = selections.size() == 1 && selections.front().kind == Ast::Selection::Kind::InlineFragment;
        if (selections.size() <= 1 && !loneInlineFragment)
            continue;
        Conflicts conflicts;
        try {
            conflicts = conflictsWithin(fact.parentType, selections);
        } catch (const Exhausted &) {
            m_context.abort(ValidationRule::OverlappingFieldsCanBeMerged, fact.enter);
            return;
        }
        for (const Conflict &conflict : conflicts) {
            QList<Ast::Location> locations;
            for (const Ast::Selection *field : conflict.fields1 + conflict.fields2)
                locations.append(field->location);
            m_context.report(ValidationRule::OverlappingFieldsCanBeMerged, fact.enter, locations,
                             QLatin1String("Fields ") + quotedName(conflict.responseName)
                                 + QLatin1String(" conflict because ") + conflict.reason
                                 + QLatin1String(". Use different aliases on the fields to fetch both if this was "
                                                 "intentional."));
        }
    }
}

void OverlappingFields::spend(qsizetype cost)
{
    m_remainingBudget -= cost;
    if (m_remainingBudget < 0)
        throw Exhausted();
}

// ---- Comparing sets of fields

OverlappingFields::Conflicts OverlappingFields::conflictsWithin(const Type *parentType,
                                                                const std::vector<Ast::Selection> &selectionSet)
{
    Conflicts conflicts;
    FieldSet &set = m_fieldSets.of(parentType, selectionSet);
    // The only place where the fields of one set are compared with each other: a set met again
    // through a fragment or a field is compared only with other sets.
    collectConflictsWithin(conflicts, set);
    const QList<QByteArray> names = set.fragmentNames;
    if (names.isEmpty() || (set.groups.empty() && names.size() == 1))
        return conflicts;
    for (qsizetype i = 0; i < names.size(); ++i) {
        collectConflictsBetweenFieldsAndFragment(conflicts, false, set, names[i]);
        for (qsizetype j = i + 1; j < names.size(); ++j)
            collectConflictsBetweenFragments(conflicts, false, names[i], names[j]);
    }
    return conflicts;
}

OverlappingFields::Conflicts OverlappingFields::conflictsBetweenSubSelectionSets(
    bool exclusive, const Type *parentType1, const std::vector<Ast::Selection> &selectionSet1,
    const Type *parentType2, const std::vector<Ast::Selection> &selectionSet2)
{
    Conflicts conflicts;
    FieldSet &set1 = m_fieldSets.of(parentType1, selectionSet1);
    FieldSet &set2 = m_fieldSets.of(parentType2, selectionSet2);
    collectConflictsBetween(conflicts, exclusive, set1, set2);
    const QList<QByteArray> names1 = set1.fragmentNames;
    const QList<QByteArray> names2 = set2.fragmentNames;
    for (const QByteArray &name : names2)
        collectConflictsBetweenFieldsAndFragment(conflicts, exclusive, set1, name);
    for (const QByteArray &name : names1)
        collectConflictsBetweenFieldsAndFragment(conflicts, exclusive, set2, name);
    for (const QByteArray &name1 : names1) {
        for (const QByteArray &name2 : names2)
            collectConflictsBetweenFragments(conflicts, exclusive, name1, name2);
    }
    return conflicts;
}

void OverlappingFields::collectConflictsWithin(Conflicts &conflicts, const FieldSet &set)
{
    for (const SelectedFieldGroup &group : set.groups) {
        const std::vector<SelectedField> &fields = group.fields;
        for (size_t i = 0; i < fields.size(); ++i) {
            for (size_t j = i + 1; j < fields.size(); ++j) {
                if (std::optional<Conflict> conflict = findConflict(false, group.responseName, fields[i], fields[j]))
                    conflicts.push_back(std::move(*conflict));
            }
        }
    }
}

void OverlappingFields::collectConflictsBetween(Conflicts &conflicts, bool exclusive, FieldSet &set1,
                                                const FieldSet &set2)
{
    if (set1.groups.empty() || set2.groups.empty())
        return;
    // A copy: comparing subfields may compare this set again and add to its memos.
    const std::vector<std::pair<qsizetype, qsizetype>> shared = overlaps(set1, set2);
    for (const auto &[index1, index2] : shared) {
        const SelectedFieldGroup &group1 = set1.groups[index1];
        for (const SelectedField &field1 : group1.fields) {
            for (const SelectedField &field2 : set2.groups[index2].fields) {
                if (std::optional<Conflict> conflict = findConflict(exclusive, group1.responseName, field1, field2))
                    conflicts.push_back(std::move(*conflict));
            }
        }
    }
}

const std::vector<std::pair<qsizetype, qsizetype>> &OverlappingFields::overlaps(FieldSet &set1, const FieldSet &set2)
{
    const auto cached = set1.overlaps.constFind(&set2);
    if (cached != set1.overlaps.constEnd())
        return *cached;
    std::vector<std::pair<qsizetype, qsizetype>> shared;
    for (qsizetype i = 0; i < qsizetype(set1.groups.size()); ++i) {
        spend(1);
        const auto other = set2.groupIndex.constFind(set1.groups[i].responseName);
        if (other != set2.groupIndex.constEnd())
            shared.emplace_back(i, *other);
    }
    return *set1.overlaps.insert(&set2, std::move(shared));
}

// The fields of a set against those of a fragment and of the fragments it spreads, depth first.
void OverlappingFields::collectConflictsBetweenFieldsAndFragment(Conflicts &conflicts, bool exclusive, FieldSet &set,
                                                                 const QByteArray &fragmentName)
{
    std::vector<QByteArray> stack{fragmentName};
    while (!stack.empty()) {
        const QByteArray name = stack.back();
        stack.pop_back();
        spend(1);
        if (set.groups.empty())
            return;
        // A comparison that was not mutually exclusive covers both kinds.
        const auto compared = set.comparedFragments.constFind(name);
        if (compared != set.comparedFragments.constEnd() && (!*compared || exclusive))
            continue;
        set.comparedFragments.insert(name, exclusive);
        FieldSet *fragmentSet = m_fieldSets.ofFragment(name);
        if (!fragmentSet || fragmentSet == &set)
            continue;
        collectConflictsBetween(conflicts, exclusive, set, *fragmentSet);
        for (auto it = fragmentSet->fragmentNames.crbegin(); it != fragmentSet->fragmentNames.crend(); ++it)
            stack.push_back(*it);
    }
}

// Two fragments, then the first against the fragments the second spreads, then the second against
// those the first spreads; each pair of fragments once (per kind of exclusivity).
void OverlappingFields::collectConflictsBetweenFragments(Conflicts &conflicts, bool exclusive,
                                                         const QByteArray &fragmentName1,
                                                         const QByteArray &fragmentName2)
{
    const auto isCompared = [this, exclusive](const QByteArray &a, const QByteArray &b) {
        for (const auto &key : {std::pair(a, b), std::pair(b, a)}) {
            const auto it = m_comparedFragmentPairs.constFind(key);
            if (it != m_comparedFragmentPairs.constEnd() && (exclusive || !*it))
                return true;
        }
        return false;
    };
    std::vector<std::pair<QByteArray, QByteArray>> stack{{fragmentName1, fragmentName2}};
    while (!stack.empty()) {
        const auto [name1, name2] = stack.back();
        stack.pop_back();
        spend(2);
        if (name1 == name2 || isCompared(name1, name2))
            continue;
        m_comparedFragmentPairs.insert({name1, name2}, exclusive);
        FieldSet *set1 = m_fieldSets.ofFragment(name1);
        FieldSet *set2 = m_fieldSets.ofFragment(name2);
        if (!set1 || !set2)
            continue;
        collectConflictsBetween(conflicts, exclusive, *set1, *set2);
        for (auto it = set1->fragmentNames.crbegin(); it != set1->fragmentNames.crend(); ++it)
            stack.emplace_back(*it, name2);
        for (auto it = set2->fragmentNames.crbegin(); it != set2->fragmentNames.crend(); ++it)
            stack.emplace_back(name1, *it);
    }
}

// ---- Comparing two fields

std::optional<OverlappingFields::Conflict> OverlappingFields::findConflict(bool parentsAreExclusive,
                                                                           const QByteArray &responseName,
                                                                           const SelectedField &field1,
                                                                           const SelectedField &field2)
{
    // Fields of two different object types are never both in a response: they may differ in
    // name and arguments (not in type, which would make the response ambiguous).
    const bool exclusive = parentsAreExclusive
        || (field1.parentType != field2.parentType && isObjectType(field1.parentType)
            && isObjectType(field2.parentType));
    spend(2);
    const Type *type1 = field1.definition ? field1.definition->type : nullptr;
    const Type *type2 = field2.definition ? field2.definition->type : nullptr;
    const bool sameName = field1.node->name.value == field2.node->name.value;
    if (field1.isSimpleLeaf && field2.isSimpleLeaf && type1 == type2 && sameName)
        return std::nullopt;

    if (!exclusive) {
        const QString reason = fieldsReason(field1, field2);
        if (!reason.isEmpty())
            return Conflict{responseName, reason, {field1.node}, {field2.node}};
    }
    if (type1 && type2 && typesConflict(type1, type2)) {
        return Conflict{responseName,
                        QLatin1String("they return conflicting types \"") + QString::fromUtf8(type1->toString())
                            + QLatin1String("\" and \"") + QString::fromUtf8(type2->toString()) + u'"',
                        {field1.node},
                        {field2.node}};
    }
    if (!field1.node->hasSelectionSet() || !field2.node->hasSelectionSet())
        return std::nullopt;

    if (++m_depth > MaxComparisonDepth)
        throw Exhausted();
    const Conflicts subConflicts = conflictsBetweenSubSelectionSets(
        exclusive, type1 ? type1->namedType() : nullptr, field1.node->selectionSet,
        type2 ? type2->namedType() : nullptr, field2.node->selectionSet);
    --m_depth;
    if (subConflicts.empty())
        return std::nullopt;

    return mergedConflict(responseName, field1.node, field2.node, subConflicts);
}

/// The conflicts of two fields' subfields as one conflict of the fields. Kept out of the
/// recursion's frames: comparisons nest once per level of the response.
Q_NEVER_INLINE OverlappingFields::Conflict OverlappingFields::mergedConflict(const QByteArray &responseName,
                                                                            const Ast::Selection *node1,
                                                                            const Ast::Selection *node2,
                                                                            const Conflicts &subConflicts)
{
    QString reason;
    std::vector<Selections> sides1;
    std::vector<Selections> sides2;
    for (const Conflict &conflict : subConflicts) {
        if (!reason.isEmpty())
            reason += QLatin1String(" and ");
        reason += QLatin1String("subfields ") + quotedName(conflict.responseName) + QLatin1String(" conflict because ")
            + conflict.reason;
        sides1.push_back(conflict.fields1);
        sides2.push_back(conflict.fields2);
        if (reason.size() > MaxConflictDetailLength)
            break;
    }
    return Conflict{responseName, abbreviated(reason), conflictNodes(node1, sides1), conflictNodes(node2, sides2)};
}

// Two fields that may both be in a response must be the same field with the same arguments.
QString OverlappingFields::fieldsReason(const SelectedField &field1, const SelectedField &field2)
{
    const std::pair key(&field1, &field2);
    const auto cached = m_reasons.constFind(key);
    if (cached != m_reasons.constEnd())
        return *cached;
    const QByteArray &name1 = field1.node->name.value;
    const QByteArray &name2 = field2.node->name.value;
    QString reason;
    if (name1 != name2)
        reason = quotedName(name1) + QLatin1String(" and ") + quotedName(name2)
            + QLatin1String(" are different fields");
    else if (!sameArguments(field1.node->arguments, field2.node->arguments))
        reason = QStringLiteral("they have differing arguments");
    m_reasons.insert(key, reason);
    return reason;
}

bool OverlappingFields::sameArguments(const std::vector<Ast::Argument> &arguments1,
                                      const std::vector<Ast::Argument> &arguments2)
{
    if (arguments1.size() != arguments2.size())
        return false;
    for (const Ast::Argument &argument1 : arguments1) {
        spend(1);
        // With a repeated argument, the last one counts.
        const auto argument2
            = std::find_if(arguments2.crbegin(), arguments2.crend(),
                           [&](const Ast::Argument &argument) { return argument.name.value == argument1.name.value; });
        if (argument2 == arguments2.crend() || stringified(argument1.value) != stringified(argument2->value))
            return false;
    }
    return true;
}

// A value as text that is equal for equal values: object fields sorted by name, strings told
// apart from block strings and enum values (graphql-js compares JSON of the syntax tree).
QByteArray OverlappingFields::stringified(const Ast::ValueNode &value)
{
    const auto cached = m_stringified.constFind(&value);
    if (cached != m_stringified.constEnd())
        return *cached;
    QByteArray text;
    switch (value.kind) {
    case Ast::ValueNode::Kind::Variable: text = '$' + value.text; break;
    case Ast::ValueNode::Kind::Int: text = "i:" + value.text; break;
    case Ast::ValueNode::Kind::Float: text = "f:" + value.text; break;
    case Ast::ValueNode::Kind::Enum: text = "e:" + value.text; break;
    case Ast::ValueNode::Kind::Boolean: text = value.boolean ? "true" : "false"; break;
    case Ast::ValueNode::Kind::Null: text = "null"; break;
    case Ast::ValueNode::Kind::String:
        text = value.block ? "b:" : "s:";
        Json::appendString(value.string, text);
        break;
    case Ast::ValueNode::Kind::List:
        text = "[";
        for (const Ast::ValueNode &item : value.list)
            text += stringified(item) + ',';
        text += ']';
        break;
    case Ast::ValueNode::Kind::Object: {
        std::vector<const Ast::ObjectField *> fields;
        for (const Ast::ObjectField &field : value.fields)
            fields.push_back(&field);
        std::stable_sort(fields.begin(), fields.end(), [](const Ast::ObjectField *a, const Ast::ObjectField *b) {
            return a->name.value < b->name.value;
        });
        text = "{";
        for (const Ast::ObjectField *field : fields)
            text += field->name.value + ':' + stringified(field->value) + ',';
        text += '}';
        break;
    }
    }
    m_stringified.insert(&value, text);
    return text;
}

// Types conflict when no value can have both: list and non-null wrappers must match, and leaf
// types must be the same. Composite types are compared through their fields.
bool OverlappingFields::typesConflict(const Type *type1, const Type *type2)
{
    if (type1 == type2)
        return false;
    spend(1);
    if (type1->isList() || type2->isList())
        return type1->isList() && type2->isList() ? typesConflict(type1->ofType(), type2->ofType()) : true;
    if (type1->isNonNull() || type2->isNonNull())
        return type1->isNonNull() && type2->isNonNull() ? typesConflict(type1->ofType(), type2->ofType()) : true;
    return type1->isLeaf() || type2->isLeaf();
}

} // namespace Subscriptor::GraphQL

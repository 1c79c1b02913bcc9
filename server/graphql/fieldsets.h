// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace Subscriptor::GraphQL {

class FragmentGraph;
class Schema;
class Type;
struct Field;

/// A field as field merging sees it (spec §5.3.2): where it is selected and what it is.
struct SelectedField
{
    const Type *parentType;   ///< the type it is selected on (as a fragment names it), or null
    const Ast::Selection *node;
    const Field *definition;  ///< null for unknown fields and meta-fields
    bool isSimpleLeaf;        ///< no arguments, no selection set
};

struct SelectedFieldGroup
{
    QByteArray responseName;
    std::vector<SelectedField> fields;
};

/// The fields of a selection set by response name, and the fragments it spreads (graphql-js's
/// CollectFieldsResult), with the memos of the comparisons it takes part in. The fields never
/// change once collected, so pointers to them stay valid.
struct FieldSet
{
    std::vector<SelectedFieldGroup> groups;
    QHash<QByteArray, qsizetype> groupIndex;
    QList<QByteArray> fragmentNames;
    /// Fragments already compared with this set: whether that comparison was mutually exclusive.
    QHash<QByteArray, bool> comparedFragments;
    /// For each set compared with this one: the (this group, other group) pairs that share a name.
    QHash<const FieldSet *, std::vector<std::pair<qsizetype, qsizetype>>> overlaps;
};

/**
 * The field sets of a document for field merging, each collected once per selection set and type:
 * inline fragments are flattened into their set, spread fragments only named.
 */
class FieldSets final
{
public:
    FieldSets(const Schema &schema, const FragmentGraph &fragments);
    Q_DISABLE_COPY_MOVE(FieldSets)

    FieldSet &of(const Type *parentType, const std::vector<Ast::Selection> &selectionSet);
    /// The field set of the fragment a spread names; null when there is no such fragment.
    FieldSet *ofFragment(const QByteArray &name);

private:
    void collect(FieldSet &set, const Type *parentType, const std::vector<Ast::Selection> &selectionSet,
                 QSet<QByteArray> &fragmentNames);

    const Schema &m_schema;
    const FragmentGraph &m_fragments;
    std::map<std::pair<const Type *, const std::vector<Ast::Selection> *>, std::unique_ptr<FieldSet>> m_sets;
};

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "fieldsets.h"

#include "fragmentgraph.h"
#include "schema.h"

namespace Subscriptor::GraphQL {

FieldSets::FieldSets(const Schema &schema, const FragmentGraph &fragments) : m_schema(schema), m_fragments(fragments)
{
}

FieldSet &FieldSets::of(const Type *parentType, const std::vector<Ast::Selection> &selectionSet)
{
    std::unique_ptr<FieldSet> &set = m_sets[{parentType, &selectionSet}];
    if (!set) {
        set = std::make_unique<FieldSet>();
        QSet<QByteArray> fragmentNames;
        collect(*set, parentType, selectionSet, fragmentNames);
    }
    return *set;
}

FieldSet *FieldSets::ofFragment(const QByteArray &name)
{
    const Ast::FragmentDefinition *fragment = m_fragments.fragment(name);
    return fragment ? &of(m_schema.type(fragment->typeCondition.value), fragment->selectionSet) : nullptr;
}

// Recursion follows inline fragments in the syntax tree only, so the parser's limit bounds it.
void FieldSets::collect(FieldSet &set, const Type *parentType, const std::vector<Ast::Selection> &selectionSet,
                        QSet<QByteArray> &fragmentNames)
{
    // Only the type's own fields: meta-fields such as __typename have no definition here.
    const bool hasFields
        = parentType && (parentType->kind() == TypeKind::Object || parentType->kind() == TypeKind::Interface);
    for (const Ast::Selection &selection : selectionSet) {
        switch (selection.kind) {
        case Ast::Selection::Kind::Field: {
            const Field *definition = hasFields ? parentType->field(selection.name.value) : nullptr;
            const SelectedField field{parentType, &selection, definition,
                                      selection.arguments.empty() && !selection.hasSelectionSet()};
            const QByteArray &key = selection.responseKey();
            const auto it = set.groupIndex.constFind(key);
            if (it != set.groupIndex.constEnd()) {
                set.groups[*it].fields.push_back(field);
            } else {
                set.groupIndex.insert(key, qsizetype(set.groups.size()));
                set.groups.push_back({key, {field}});
            }
            break;
        }
        case Ast::Selection::Kind::FragmentSpread:
            if (!fragmentNames.contains(selection.name.value)) {
                fragmentNames.insert(selection.name.value);
                set.fragmentNames.append(selection.name.value);
            }
            break;
        case Ast::Selection::Kind::InlineFragment: {
            const Type *type
                = selection.typeCondition.isEmpty() ? parentType : m_schema.type(selection.typeCondition.value);
            collect(set, type, selection.selectionSet, fragmentNames);
            break;
        }
        }
    }
}

} // namespace Subscriptor::GraphQL

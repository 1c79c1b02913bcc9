// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"
#include "fieldsets.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace Subscriptor::GraphQL {

class Type;
class ValidationContext;

/**
 * OverlappingFieldsCanBeMergedRule (spec §5.3.2 Field Selection Merging), with graphql-js's
 * algorithm: the fields of each selection set are collected once (inline fragments flattened,
 * spread fragments named); fields are compared within a set, then between a set and the fragments
 * it spreads and between fragments, each pair of fragments once. The work is charged to
 * graphql-js's budget and validation stops when it runs out; fragment chains are followed with
 * explicit stacks, and nested comparisons are bounded, so no document can exhaust the stack.
 */
class OverlappingFields final
{
public:
    explicit OverlappingFields(ValidationContext &context);
    Q_DISABLE_COPY_MOVE(OverlappingFields)

    void check();

private:
    struct Conflict
    {
        QByteArray responseName;
        QString reason;
        QList<const Ast::Selection *> fields1;
        QList<const Ast::Selection *> fields2;
    };
    using Conflicts = std::vector<Conflict>;

    Conflicts conflictsWithin(const Type *parentType, const std::vector<Ast::Selection> &selectionSet);
    Conflicts conflictsBetweenSubSelectionSets(bool exclusive, const Type *parentType1,
                                               const std::vector<Ast::Selection> &selectionSet1,
                                               const Type *parentType2,
                                               const std::vector<Ast::Selection> &selectionSet2);
    void collectConflictsWithin(Conflicts &conflicts, const FieldSet &set);
    void collectConflictsBetween(Conflicts &conflicts, bool exclusive, FieldSet &set1, const FieldSet &set2);
    void collectConflictsBetweenFieldsAndFragment(Conflicts &conflicts, bool exclusive, FieldSet &set,
                                                  const QByteArray &fragmentName);
    void collectConflictsBetweenFragments(Conflicts &conflicts, bool exclusive, const QByteArray &fragmentName1,
                                          const QByteArray &fragmentName2);
    std::optional<Conflict> findConflict(bool parentsAreExclusive, const QByteArray &responseName,
                                         const SelectedField &field1, const SelectedField &field2);
    static Conflict mergedConflict(const QByteArray &responseName, const Ast::Selection *node1,
                                   const Ast::Selection *node2, const Conflicts &subConflicts);
    QString fieldsReason(const SelectedField &field1, const SelectedField &field2);
    bool sameArguments(const std::vector<Ast::Argument> &arguments1, const std::vector<Ast::Argument> &arguments2);
    QByteArray stringified(const Ast::ValueNode &value);
    bool typesConflict(const Type *type1, const Type *type2);

    const std::vector<std::pair<qsizetype, qsizetype>> &overlaps(FieldSet &set1, const FieldSet &set2);
    void spend(qsizetype cost);

    ValidationContext &m_context;
    FieldSets m_fieldSets;
    qsizetype m_remainingBudget;
    int m_depth = 0;
    /// graphql-js's PairSet: fragment pairs compared, and whether only as mutually exclusive.
    QHash<std::pair<QByteArray, QByteArray>, bool> m_comparedFragmentPairs;
    /// Why two fields cannot be merged, by pair compared; empty when they can.
    QHash<std::pair<const SelectedField *, const SelectedField *>, QString> m_reasons;
    QHash<const Ast::ValueNode *, QByteArray> m_stringified;
};

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "variablerules.h"

#include "schema.h"
#include "validationcontext.h"

#include <QHash>
#include <QSet>

namespace Subscriptor::GraphQL {

namespace {

QString quotedVariable(QByteArrayView name)
{
    return QLatin1String("\"$") + QString::fromUtf8(name) + u'"';
}

QString quoted(QByteArrayView text)
{
    return u'"' + QString::fromUtf8(text) + u'"';
}

/// " in operation "Name"" style suffixes: graphql-js names the operation when it has a name.
QString operationSuffix(const Ast::OperationDefinition &operation, QLatin1StringView preposition)
{
    return operation.name.isEmpty() ? QString() : preposition + quoted(operation.name.value);
}

} // namespace

void VariableRules::check()
{
    variablesAreInputTypes();
    uniqueVariableNames();
    noUndefinedVariables();
    noUnusedVariables();
    variablesInAllowedPosition();
}

// Spec §5.8.2 Variables Are Input Types.
void VariableRules::variablesAreInputTypes()
{
    for (const VariableDefinitionFact &fact : m_context.facts().variableDefinitions) {
        if (fact.type && !fact.type->isInputType()) {
            m_context.report(ValidationRule::VariablesAreInputTypes, fact.enter, {fact.node->type.location},
                             QLatin1String("Variable ") + quotedVariable(fact.node->variable.value)
                                 + QLatin1String(" cannot be non-input type ")
                                 + quoted(fact.node->type.toString()) + u'.');
        }
    }
}

// Spec §5.8.1 Variable Uniqueness.
void VariableRules::uniqueVariableNames()
{
    const std::vector<Ast::OperationDefinition> &operations = m_context.document().operations;
    for (qsizetype i = 0; i < qsizetype(operations.size()); ++i) {
        QList<QByteArray> names; // in first-seen order
        QHash<QByteArray, QList<Ast::Location>> locations;
        for (const Ast::VariableDefinition &variable : operations[i].variables) {
            auto it = locations.find(variable.variable.value);
            if (it == locations.end()) {
                names.append(variable.variable.value);
                it = locations.insert(variable.variable.value, {});
            }
            it->append(variable.variable.location);
        }
        for (const QByteArray &name : names) {
            if (locations[name].size() > 1) {
                m_context.report(ValidationRule::UniqueVariableNames, m_context.facts().operations[i].enter,
                                 locations[name],
                                 QLatin1String("There can be only one variable named ") + quotedVariable(name) + u'.');
            }
        }
    }
}

// Spec §5.8.3 All Variable Uses Defined.
void VariableRules::noUndefinedVariables()
{
    const std::vector<Ast::OperationDefinition> &operations = m_context.document().operations;
    for (qsizetype i = 0; i < qsizetype(operations.size()); ++i) {
        const std::vector<VariableUsage> *usages = m_context.fragments().recursiveUsages(i);
        if (!usages)
            continue;
        const Ast::OperationDefinition &operation = operations[i];
        QSet<QByteArray> defined;
        for (const Ast::VariableDefinition &variable : operation.variables)
            defined.insert(variable.variable.value);
        for (const VariableUsage &usage : *usages) {
            if (defined.contains(usage.node->text))
                continue;
            m_context.report(ValidationRule::NoUndefinedVariables, m_context.facts().operations[i].leave,
                             {usage.node->location, operation.location},
                             QLatin1String("Variable ") + quotedVariable(usage.node->text)
                                 + QLatin1String(" is not defined")
                                 + operationSuffix(operation, QLatin1StringView(" by operation ")) + u'.');
        }
    }
}

// Spec §5.8.4 All Variables Used.
void VariableRules::noUnusedVariables()
{
    const std::vector<Ast::OperationDefinition> &operations = m_context.document().operations;
    for (qsizetype i = 0; i < qsizetype(operations.size()); ++i) {
        const std::vector<VariableUsage> *usages = m_context.fragments().recursiveUsages(i);
        if (!usages)
            continue;
        QSet<QByteArray> used;
        for (const VariableUsage &usage : *usages)
            used.insert(usage.node->text);
        const Ast::OperationDefinition &operation = operations[i];
        for (const Ast::VariableDefinition &variable : operation.variables) {
            if (used.contains(variable.variable.value))
                continue;
            m_context.report(ValidationRule::NoUnusedVariables, m_context.facts().operations[i].leave,
                             {variable.location},
                             QLatin1String("Variable ") + quotedVariable(variable.variable.value)
                                 + QLatin1String(" is never used")
                                 + operationSuffix(operation, QLatin1StringView(" in operation ")) + u'.');
        }
    }
}

// Spec §5.8.5 All Variable Usages Are Allowed.
void VariableRules::variablesInAllowedPosition()
{
    const Schema &schema = m_context.schema();
    const std::vector<Ast::OperationDefinition> &operations = m_context.document().operations;
    for (qsizetype i = 0; i < qsizetype(operations.size()); ++i) {
        const std::vector<VariableUsage> *usages = m_context.fragments().recursiveUsages(i);
        if (!usages)
            continue;
        QHash<QByteArray, const Ast::VariableDefinition *> definitions; // the last one of a name counts
        for (const Ast::VariableDefinition &variable : operations[i].variables)
            definitions.insert(variable.variable.value, &variable);
        for (const VariableUsage &usage : *usages) {
            const Ast::VariableDefinition *definition = definitions.value(usage.node->text);
            const Type *variableType = definition ? schema.typeFromAst(definition->type) : nullptr;
            if (!variableType || !usage.type)
                continue;
            const Type *locationType = usage.type;
            // A nullable variable fits a non-null place when a non-null default value stands in for
            // it: its own, or the place's (spec §5.8.5 IsVariableUsageAllowed).
            if (locationType->isNonNull() && !variableType->isNonNull()) {
                const bool hasNonNullDefault = definition->hasDefaultValue
                    && definition->defaultValue.kind != Ast::ValueNode::Kind::Null;
                if (hasNonNullDefault || usage.hasLocationDefault)
                    locationType = locationType->ofType();
            }
            if (schema.isSubType(variableType, locationType))
                continue;
            m_context.report(ValidationRule::VariablesInAllowedPosition, m_context.facts().operations[i].leave,
                             {definition->location, usage.node->location},
                             QLatin1String("Variable ") + quotedVariable(usage.node->text) + QLatin1String(" of type ")
                                 + quoted(variableType->toString()) + QLatin1String(" used in position expecting type ")
                                 + quoted(usage.type->toString()) + u'.');
        }
    }
}

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "documentrules.h"

#include "schema.h"
#include "suggestions.h"
#include "validationcontext.h"

#include <QHash>
#include <QList>

namespace Subscriptor::GraphQL {

namespace {

QString quoted(QByteArrayView name)
{
    return u'"' + QString::fromUtf8(name) + u'"';
}

/// graphql-js's standardTypeNames: the built-in scalars, then the introspection types.
const QList<QByteArray> StandardTypeNames = {
    "String", "Int", "Float", "Boolean", "ID", "__Schema", "__Directive", "__DirectiveLocation", "__Type",
    "__Field", "__InputValue", "__EnumValue", "__TypeKind",
};

bool isTypeDefinitionKeyword(QByteArrayView keyword)
{
    return keyword == "scalar" || keyword == "type" || keyword == "interface" || keyword == "union"
        || keyword == "enum" || keyword == "input";
}

QString subscriptionName(const Ast::OperationDefinition &operation)
{
    return operation.name.isEmpty() ? QStringLiteral("Anonymous Subscription")
                                    : QLatin1String("Subscription ") + quoted(operation.name.value);
}

} // namespace

void DocumentRules::check()
{
    executableDefinitions();
    uniqueOperationNames();
    loneAnonymousOperation();
    singleFieldSubscriptions();
    knownTypeNames();
}

// Spec §5.1.1 Executable Definitions.
void DocumentRules::executableDefinitions()
{
    for (const Ast::TypeSystemDefinition &definition : m_context.document().typeSystemDefinitions) {
        const QString name = definition.name.isEmpty() ? QStringLiteral("schema") : quoted(definition.name.value);
        m_context.report(ValidationRule::ExecutableDefinitions, 0, {definition.location},
                         QLatin1String("The ") + name + QLatin1String(" definition is not executable."));
    }
}

// Spec §5.2.1.1 Operation Name Uniqueness.
void DocumentRules::uniqueOperationNames()
{
    const DocumentFacts &facts = m_context.facts();
    QHash<QByteArray, const Ast::Name *> known;
    for (qsizetype i = 0; i < qsizetype(m_context.document().operations.size()); ++i) {
        const Ast::Name &name = m_context.document().operations[i].name;
        if (name.isEmpty())
            continue;
        if (const Ast::Name *first = known.value(name.value)) {
            m_context.report(ValidationRule::UniqueOperationNames, facts.operations[i].enter,
                             {first->location, name.location},
                             QLatin1String("There can be only one operation named ") + quoted(name.value) + u'.');
        } else {
            known.insert(name.value, &name);
        }
    }
}

// Spec §5.2.2.1 Lone Anonymous Operation.
void DocumentRules::loneAnonymousOperation()
{
    const std::vector<Ast::OperationDefinition> &operations = m_context.document().operations;
    if (operations.size() < 2)
        return;
    for (qsizetype i = 0; i < qsizetype(operations.size()); ++i) {
        if (operations[i].name.isEmpty()) {
            m_context.report(ValidationRule::LoneAnonymousOperation, m_context.facts().operations[i].enter,
                             {operations[i].location},
                             QStringLiteral("This anonymous operation must be the only defined operation."));
        }
    }
}

// Spec §5.2.3.1 Single Root Field.
void DocumentRules::singleFieldSubscriptions()
{
    const std::vector<Ast::OperationDefinition> &operations = m_context.document().operations;
    for (qsizetype i = 0; i < qsizetype(operations.size()); ++i) {
        const std::vector<FragmentGraph::FieldGroup> *groups = m_context.fragments().subscriptionFields(i);
        if (!groups)
            continue;
        const Stamp stamp = m_context.facts().operations[i].enter;
        const QString subject = subscriptionName(operations[i]);
        if (groups->size() > 1) {
            QList<Ast::Location> extraFields;
            for (auto group = groups->cbegin() + 1; group != groups->cend(); ++group) {
                for (const Ast::Selection *field : group->fields)
                    extraFields.append(field->location);
            }
            m_context.report(ValidationRule::SingleFieldSubscriptions, stamp, extraFields,
                             subject + QLatin1String(" must select only one top level field."));
        }
        for (const FragmentGraph::FieldGroup &group : *groups) {
            if (!group.fields.first()->name.value.startsWith("__"))
                continue;
            QList<Ast::Location> locations;
            for (const Ast::Selection *field : group.fields)
                locations.append(field->location);
            m_context.report(ValidationRule::SingleFieldSubscriptions, stamp, locations,
                             subject + QLatin1String(" must not select an introspection top level field."));
        }
    }
}

// Spec §5.5.1.2 Fragment Spread Type Existence, §5.8.2 Variables Are Input Types (the names), and
// graphql-js's check of the type names inside type-system definitions.
void DocumentRules::knownTypeNames()
{
    // Types defined in the document count as known (they are reported as not executable).
    QList<QByteArray> definedInDocument;
    for (const Ast::TypeSystemDefinition &definition : m_context.document().typeSystemDefinitions) {
        if (isTypeDefinitionKeyword(definition.keyword) && !definedInDocument.contains(definition.name.value))
            definedInDocument.append(definition.name.value);
    }
    const Schema &schema = m_context.schema();
    for (const NamedTypeFact &fact : m_context.facts().namedTypes) {
        const QByteArray &name = fact.name->value;
        if (schema.type(name) || definedInDocument.contains(name))
            continue;
        // In SDL the built-in scalars and introspection types are known whatever the schema has.
        if (fact.inTypeSystem && StandardTypeNames.contains(name))
            continue;
        const bool inTypeSystem = fact.inTypeSystem;
        m_context.report(ValidationRule::KnownTypeNames, fact.enter, {fact.name->location},
                         [&schema, name, definedInDocument, inTypeSystem]() -> QString {
                             QList<QByteArray> options = inTypeSystem ? StandardTypeNames : QList<QByteArray>();
                             for (const Type *type : schema.types())
                                 options.append(type->name());
                             options.append(definedInDocument);
                             return QLatin1String("Unknown type ") + quoted(name) + u'.'
                                 + didYouMean(suggestionList(name, options));
                         });
    }
}

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "documentwalker.h"

#include "schema.h"

namespace Subscriptor::GraphQL {

namespace {

DirectiveLocation operationLocation(Ast::OperationType operation)
{
    switch (operation) {
    case Ast::OperationType::Query: return DirectiveLocation::Query;
    case Ast::OperationType::Mutation: return DirectiveLocation::Mutation;
    case Ast::OperationType::Subscription: return DirectiveLocation::Subscription;
    }
    return DirectiveLocation::Query;
}

// TypeInfo keeps a type for a selection set only when it is composite.
const Type *compositeOrNull(const Type *type)
{
    const Type *named = type ? type->namedType() : nullptr;
    return named && named->isComposite() ? named : nullptr;
}

const Type *outputOrNull(const Type *type)
{
    return type && type->isOutputType() ? type : nullptr;
}

} // namespace

DocumentWalker::DocumentWalker(const Schema &schema, const Ast::Document &document, DocumentFacts &facts)
    : m_schema(schema), m_document(document), m_facts(facts)
{
}

void DocumentWalker::walk()
{
    next(); // entering the document
    m_facts.operations.resize(m_document.operations.size());
    m_facts.fragments.resize(m_document.fragments.size());
    for (const Ast::Definition &definition : m_document.definitions) {
        switch (definition.kind) {
        case Ast::Definition::Kind::Operation:
            walkOperation(m_document.operations[definition.index], m_facts.operations[definition.index]);
            break;
        case Ast::Definition::Kind::Fragment:
            walkFragment(m_document.fragments[definition.index], m_facts.fragments[definition.index]);
            break;
        case Ast::Definition::Kind::TypeSystem:
            // Not executable (ExecutableDefinitionsRule reports it, spec §5.1.1), but graphql-js
            // visits it all the same: its type names and directives are checked too.
            walkTypeSystemDefinition(m_document.typeSystemDefinitions[definition.index]);
            break;
        }
    }
    m_facts.documentLeave = next();
}

void DocumentWalker::walkOperation(const Ast::OperationDefinition &operation, OperationFact &fact)
{
    fact.enter = next();
    if (!operation.directives.empty())
        m_facts.directiveLists.push_back({&operation.directives, fact.enter});
    m_usages = nullptr; // variable definitions hold no usages
    m_field = nullptr;
    for (const Ast::VariableDefinition &variable : operation.variables)
        walkVariableDefinition(variable);
    m_usages = &fact.usages;
    const Type *rootType = m_schema.rootType(operation.operation);
    walkDirectives(operation.directives, operationLocation(operation.operation));
    walkSelectionSet(operation.selectionSet, rootType, true);
    fact.leave = next();
    m_usages = nullptr;
}

void DocumentWalker::walkFragment(const Ast::FragmentDefinition &fragment, FragmentFact &fact)
{
    fact.enter = next();
    if (!fragment.directives.empty())
        m_facts.directiveLists.push_back({&fragment.directives, fact.enter});
    m_usages = &fact.usages;
    m_field = nullptr;
    walkTypeCondition(fragment.typeCondition);
    const Type *type = outputOrNull(m_schema.type(fragment.typeCondition.value));
    walkDirectives(fragment.directives, DirectiveLocation::FragmentDefinition);
    walkSelectionSet(fragment.selectionSet, type, true);
    m_usages = nullptr;
}

void DocumentWalker::walkTypeSystemDefinition(const Ast::TypeSystemDefinition &definition)
{
    m_usages = nullptr; // constant values only
    m_field = nullptr;  // TypeInfo has no field definition there
    std::vector<Stamp> nodeEnter(definition.parts.size(), 0);
    for (size_t i = 0; i < definition.parts.size(); ++i) {
        const Ast::TypeSystemPart &part = definition.parts[i];
        switch (part.kind) {
        case Ast::TypeSystemPart::Kind::Node:
            nodeEnter[i] = next();
            break;
        case Ast::TypeSystemPart::Kind::NamedType:
            m_facts.namedTypes.push_back({&part.name, next(), true});
            break;
        case Ast::TypeSystemPart::Kind::DefaultValue:
            walkValue(part.value, nullptr, false, -1); // TypeInfo has no input type there
            break;
        case Ast::TypeSystemPart::Kind::Directives:
            // The list is checked when its node is entered, each directive where it is. The
            // definition itself is the first part (the parser puts it there).
            m_facts.directiveLists.push_back({&part.directives, nodeEnter[size_t(part.node)],
                                              part.node == 0 ? &definition : nullptr});
            // The parser records only the spec's names of locations.
            walkDirectives(part.directives,
                           directiveLocationNamed(part.directiveLocation).value_or(DirectiveLocation::Schema));
            break;
        }
    }
}

void DocumentWalker::walkVariableDefinition(const Ast::VariableDefinition &definition)
{
    const Type *type = m_schema.typeFromAst(definition.type);
    const Stamp enter = next();
    m_facts.variableDefinitions.push_back({&definition, type, enter});
    if (!definition.directives.empty())
        m_facts.directiveLists.push_back({&definition.directives, enter});
    m_facts.namedTypes.push_back({&definition.type.namedType(), next()});
    if (definition.hasDefaultValue)
        walkValue(definition.defaultValue, type && type->isInputType() ? type : nullptr, false, -1);
    walkDirectives(definition.directives, DirectiveLocation::VariableDefinition);
}

void DocumentWalker::walkTypeCondition(const Ast::Name &name)
{
    m_facts.namedTypes.push_back({&name, next()});
}

void DocumentWalker::walkSelectionSet(const std::vector<Ast::Selection> &selections, const Type *type, bool ownSet)
{
    const Type *parentType = compositeOrNull(type);
    if (ownSet)
        m_facts.selectionSets.push_back({&selections, parentType, next()});
    for (const Ast::Selection &selection : selections) {
        switch (selection.kind) {
        case Ast::Selection::Kind::Field:
            walkField(selection, parentType);
            break;
        case Ast::Selection::Kind::FragmentSpread:
            walkFragmentSpread(selection, parentType);
            break;
        case Ast::Selection::Kind::InlineFragment:
            walkInlineFragment(selection, parentType, type);
            break;
        }
    }
}

void DocumentWalker::walkField(const Ast::Selection &field, const Type *parentType)
{
    const Field *definition = parentType ? m_schema.fieldDefinition(parentType, field.name.value) : nullptr;
    const qsizetype index = qsizetype(m_facts.fields.size());
    const Stamp enter = next();
    m_facts.fields.push_back({&field, parentType, definition, enter, 0});
    if (!field.directives.empty())
        m_facts.directiveLists.push_back({&field.directives, enter});

    const Field *enclosingField = m_field;
    m_field = definition;
    for (const Ast::Argument &argument : field.arguments) {
        m_facts.fieldArguments.push_back({&argument, definition, parentType, next()});
        walkArgument(argument, definition ? definition->argument(argument.name.value) : nullptr);
    }
    walkDirectives(field.directives, DirectiveLocation::Field);
    if (field.hasSelectionSet())
        walkSelectionSet(field.selectionSet, definition ? definition->type : nullptr, true);
    m_field = enclosingField;
    m_facts.fields[index].leave = next();
}

void DocumentWalker::walkFragmentSpread(const Ast::Selection &spread, const Type *parentType)
{
    const Stamp enter = next();
    m_facts.fragmentUses.push_back({&spread, parentType, nullptr, enter});
    if (!spread.directives.empty())
        m_facts.directiveLists.push_back({&spread.directives, enter});
    walkDirectives(spread.directives, DirectiveLocation::FragmentSpread);
}

void DocumentWalker::walkInlineFragment(const Ast::Selection &fragment, const Type *parentType,
                                        const Type *enclosingType)
{
    // Without a type condition, an inline fragment has the type of what encloses it.
    const Type *type = fragment.typeCondition.isEmpty()
        ? (enclosingType ? enclosingType->namedType() : nullptr)
        : m_schema.type(fragment.typeCondition.value);
    type = outputOrNull(type);
    const Stamp enter = next();
    m_facts.fragmentUses.push_back({&fragment, parentType, type, enter});
    if (!fragment.directives.empty())
        m_facts.directiveLists.push_back({&fragment.directives, enter});
    if (!fragment.typeCondition.isEmpty())
        walkTypeCondition(fragment.typeCondition);
    walkDirectives(fragment.directives, DirectiveLocation::InlineFragment);
    walkSelectionSet(fragment.selectionSet, type, false);
}

void DocumentWalker::walkDirectives(const std::vector<Ast::Directive> &directives, DirectiveLocation location)
{
    for (const Ast::Directive &directive : directives) {
        const Directive *definition = m_schema.directive(directive.name.value);
        const qsizetype index = qsizetype(m_facts.directives.size());
        m_facts.directives.push_back({&directive, location, definition, next(), 0});
        for (const Ast::Argument &argument : directive.arguments) {
            // TypeInfo looks the argument up on the enclosing field when the directive is unknown.
            const InputValue *argumentDefinition = definition ? definition->argument(argument.name.value)
                : m_field                                     ? m_field->argument(argument.name.value)
                                                              : nullptr;
            walkArgument(argument, argumentDefinition);
        }
        m_facts.directives[index].leave = next();
    }
}

void DocumentWalker::walkArgument(const Ast::Argument &argument, const InputValue *definition)
{
    walkValue(argument.value, definition ? definition->type : nullptr, definition && definition->hasDefaultValue, -1);
}

void DocumentWalker::walkValue(const Ast::ValueNode &value, const Type *type, bool hasLocationDefault, qsizetype parent)
{
    const qsizetype index = qsizetype(m_facts.values.size());
    m_facts.values.push_back({&value, nullptr, type, nullptr, parent, next()});
    switch (value.kind) {
    case Ast::ValueNode::Kind::Variable:
        if (m_usages)
            m_usages->push_back({&value, type, hasLocationDefault});
        return;
    case Ast::ValueNode::Kind::List: {
        // A single item is accepted where a list is expected (spec §3.11 "Input Coercion"), so an
        // item of a non-list place has the place's own type. List items have no default value.
        const Type *nullable = type ? type->nullableType() : nullptr;
        const Type *itemType = nullable && nullable->isList() ? nullable->ofType() : nullable;
        for (const Ast::ValueNode &item : value.list)
            walkValue(item, itemType, false, index);
        return;
    }
    case Ast::ValueNode::Kind::Object: {
        const Type *objectType = type ? type->namedType() : nullptr;
        if (objectType && objectType->kind() != TypeKind::InputObject)
            objectType = nullptr;
        for (const Ast::ObjectField &field : value.fields) {
            const InputValue *definition = objectType ? objectType->inputField(field.name.value) : nullptr;
            const Type *fieldType = definition ? definition->type : nullptr;
            const qsizetype fieldIndex = qsizetype(m_facts.values.size());
            m_facts.values.push_back({&field.value, &field, fieldType, type, index, next()});
            walkValue(field.value, fieldType, definition && definition->hasDefaultValue, fieldIndex);
        }
        return;
    }
    default:
        return;
    }
}

} // namespace Subscriptor::GraphQL

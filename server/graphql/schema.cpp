// SPDX-License-Identifier: MIT
#include "schema.h"

#include "coercion.h"
#include "introspection.h"
#include "scalars.h"

#include <QSet>

#include <algorithm>

namespace Subscriptor::GraphQL {

namespace {

QString quoted(QByteArrayView name)
{
    return u'"' + QString::fromUtf8(name) + u'"';
}

bool isValidName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

} // namespace

// ---- Schema

Schema::~Schema() = default;

const Type *Schema::rootType(Ast::OperationType operation) const
{
    switch (operation) {
    case Ast::OperationType::Query: return m_queryType;
    case Ast::OperationType::Mutation: return m_mutationType;
    case Ast::OperationType::Subscription: return m_subscriptionType;
    }
    return nullptr;
}

const Type *Schema::type(QByteArrayView name) const
{
    // fromRawData: a lookup key without a copy.
    return m_typesByName.value(QByteArray::fromRawData(name.data(), name.size()));
}

const Directive *Schema::directive(QByteArrayView name) const
{
    for (const Directive &directive : m_directives) {
        if (directive.name == name)
            return &directive;
    }
    return nullptr;
}

bool Schema::isBuiltIn(const Type *type) const
{
    const auto end = m_typeOrder.begin() + m_builtInTypes;
    return std::find(m_typeOrder.begin(), end, type) != end;
}

bool Schema::isBuiltIn(const Directive &directive) const
{
    const qsizetype index = &directive - m_directives.data();
    return index >= 0 && index < m_builtInDirectives;
}

const QList<const Type *> &Schema::possibleTypes(const Type *abstractType) const
{
    static const QList<const Type *> none;
    const auto it = m_possibleTypes.constFind(abstractType);
    return it == m_possibleTypes.constEnd() ? none : *it;
}

bool Schema::isPossibleType(const Type *abstractType, const Type *objectType) const
{
    return possibleTypes(abstractType).contains(objectType);
}

bool Schema::isSubType(const Type *maybeSubType, const Type *superType) const
{
    if (maybeSubType == superType)
        return true;
    if (superType->isNonNull()) {
        return maybeSubType->isNonNull() && isSubType(maybeSubType->ofType(), superType->ofType());
    }
    if (maybeSubType->isNonNull())
        return isSubType(maybeSubType->ofType(), superType);
    if (superType->isList())
        return maybeSubType->isList() && isSubType(maybeSubType->ofType(), superType->ofType());
    if (maybeSubType->isList())
        return false;
    if (!superType->isAbstract())
        return false;
    if (maybeSubType->kind() == TypeKind::Interface || maybeSubType->kind() == TypeKind::Object) {
        if (superType->kind() == TypeKind::Interface && maybeSubType->implements(superType))
            return true;
        return isPossibleType(superType, maybeSubType);
    }
    return false;
}

bool Schema::typesOverlap(const Type *a, const Type *b) const
{
    if (a == b)
        return true;
    if (a->isAbstract()) {
        if (b->isAbstract()) {
            for (const Type *type : possibleTypes(a)) {
                if (isPossibleType(b, type))
                    return true;
            }
            return false;
        }
        return isPossibleType(a, b);
    }
    if (b->isAbstract())
        return isPossibleType(b, a);
    return false;
}

const Type *Schema::listOf(const Type *type) const
{
    if (!type->m_listOf) {
        auto wrapper = std::make_unique<Type>(TypeKind::List, QByteArray());
        wrapper->m_ofType = type;
        type->m_listOf = wrapper.get();
        m_wrappers.push_back(std::move(wrapper));
    }
    return type->m_listOf;
}

const Type *Schema::nonNullOf(const Type *type) const
{
    if (type->isNonNull())
        return type;
    if (!type->m_nonNullOf) {
        auto wrapper = std::make_unique<Type>(TypeKind::NonNull, QByteArray());
        wrapper->m_ofType = type;
        type->m_nonNullOf = wrapper.get();
        m_wrappers.push_back(std::move(wrapper));
    }
    return type->m_nonNullOf;
}

const Type *Schema::typeFromAst(const Ast::TypeNode &node) const
{
    switch (node.kind) {
    case Ast::TypeNode::Kind::Named:
        return type(node.name.value);
    case Ast::TypeNode::Kind::List: {
        const Type *inner = node.ofType ? typeFromAst(*node.ofType) : nullptr;
        return inner ? listOf(inner) : nullptr;
    }
    case Ast::TypeNode::Kind::NonNull: {
        const Type *inner = node.ofType ? typeFromAst(*node.ofType) : nullptr;
        return inner && !inner->isNonNull() ? nonNullOf(inner) : nullptr;
    }
    }
    return nullptr;
}

const Type *Schema::typeFromString(QByteArrayView reference) const
{
    reference = reference.trimmed();
    if (reference.endsWith('!')) {
        const Type *inner = typeFromString(reference.chopped(1));
        return inner && !inner->isNonNull() ? nonNullOf(inner) : nullptr;
    }
    if (reference.startsWith('[') && reference.endsWith(']')) {
        const Type *inner = typeFromString(reference.sliced(1, reference.size() - 2));
        return inner ? listOf(inner) : nullptr;
    }
    return isValidName(reference) ? type(reference) : nullptr;
}

const Field *Schema::fieldDefinition(const Type *parentType, QByteArrayView fieldName) const
{
    if (fieldName.startsWith("__")) {
        if (fieldName == "__typename")
            return m_typeNameMetaField;
        if (parentType == m_queryType) {
            if (fieldName == "__schema")
                return m_schemaMetaField;
            if (fieldName == "__type")
                return m_typeMetaField;
        }
    }
    if (parentType->kind() != TypeKind::Object && parentType->kind() != TypeKind::Interface)
        return nullptr;
    return parentType->field(fieldName);
}

// ---- SchemaBuilder

SchemaBuilder::SchemaBuilder() : m_schema(new Schema)
{
    addBuiltIns();
}

SchemaBuilder::~SchemaBuilder() = default;

void SchemaBuilder::addBuiltIns()
{
    addBuiltInScalars(*this);

    Directive &include = addDirective("include", {DirectiveLocation::Field, DirectiveLocation::FragmentSpread,
                                                  DirectiveLocation::InlineFragment},
        QStringLiteral("Directs the executor to include this field or fragment only when the `if` argument is true."));
    include.addArgument("if", "Boolean!", QStringLiteral("Included when true."));
    Directive &skip = addDirective("skip", {DirectiveLocation::Field, DirectiveLocation::FragmentSpread,
                                            DirectiveLocation::InlineFragment},
        QStringLiteral("Directs the executor to skip this field or fragment when the `if` argument is true."));
    skip.addArgument("if", "Boolean!", QStringLiteral("Skipped when true."));
    Directive &deprecated = addDirective("deprecated", {DirectiveLocation::FieldDefinition,
                                                        DirectiveLocation::ArgumentDefinition,
                                                        DirectiveLocation::InputFieldDefinition,
                                                        DirectiveLocation::EnumValue},
        QStringLiteral("Marks an element of a GraphQL schema as no longer supported."));
    deprecated.addArgument("reason", "String", QStringLiteral(
        "Explains why this element was deprecated, usually also including a suggestion for how to access "
        "supported similar data. Formatted using the Markdown syntax, as specified by "
        "[CommonMark](https://commonmark.org/)."))
        .setDefaultValue(QStringLiteral("No longer supported"));
    Directive &specifiedBy = addDirective("specifiedBy", {DirectiveLocation::Scalar},
        QStringLiteral("Exposes a URL that specifies the behavior of this scalar."));
    specifiedBy.addArgument("url", "String!", QStringLiteral("The URL that specifies the behavior of this scalar."));

    m_schema->m_metaFieldHolder = std::make_unique<Type>(TypeKind::Object, QByteArray());
    addIntrospection(*this, *m_schema->m_metaFieldHolder);
    m_schema->m_builtInTypes = qsizetype(m_schema->m_ownedTypes.size());
    m_schema->m_builtInDirectives = qsizetype(m_schema->m_directives.size());
}

SchemaBuilder &SchemaBuilder::setDescription(QString description)
{
    m_schema->m_description = std::move(description);
    return *this;
}

Type &SchemaBuilder::addType(TypeKind kind, QByteArray name, QString description)
{
    auto type = std::make_unique<Type>(kind, std::move(name), std::move(description));
    Type &ref = *type;
    m_schema->m_ownedTypes.push_back(std::move(type));
    return ref;
}

Type &SchemaBuilder::addObjectType(QByteArray name, QString description)
{
    return addType(TypeKind::Object, std::move(name), std::move(description));
}

Type &SchemaBuilder::addInterfaceType(QByteArray name, QString description)
{
    return addType(TypeKind::Interface, std::move(name), std::move(description));
}

Type &SchemaBuilder::addUnionType(QByteArray name, QString description)
{
    return addType(TypeKind::Union, std::move(name), std::move(description));
}

Type &SchemaBuilder::addEnumType(QByteArray name, QString description)
{
    return addType(TypeKind::Enum, std::move(name), std::move(description));
}

Type &SchemaBuilder::addInputObjectType(QByteArray name, QString description)
{
    return addType(TypeKind::InputObject, std::move(name), std::move(description));
}

Type &SchemaBuilder::addScalarType(QByteArray name, QString description)
{
    return addType(TypeKind::Scalar, std::move(name), std::move(description));
}

Directive &SchemaBuilder::addDirective(QByteArray name, QList<DirectiveLocation> locations, QString description)
{
    Directive directive;
    directive.name = std::move(name);
    directive.locations = std::move(locations);
    directive.description = std::move(description);
    m_schema->m_directives.push_back(std::move(directive));
    return m_schema->m_directives.back();
}

Type *SchemaBuilder::type(QByteArrayView name)
{
    for (const auto &type : m_schema->m_ownedTypes) {
        if (type->name() == name)
            return type.get();
    }
    return nullptr;
}

SchemaBuilder &SchemaBuilder::setQueryType(QByteArray name)
{
    m_queryName = std::move(name);
    return *this;
}

SchemaBuilder &SchemaBuilder::setMutationType(QByteArray name)
{
    m_mutationName = std::move(name);
    return *this;
}

SchemaBuilder &SchemaBuilder::setSubscriptionType(QByteArray name)
{
    m_subscriptionName = std::move(name);
    return *this;
}

SchemaPtr SchemaBuilder::build(QStringList *errorsOut)
{
    QStringList errors;
    std::unique_ptr<Schema> schema = std::move(m_schema);
    m_schema.reset(new Schema);
    addBuiltIns();

    for (const auto &type : schema->m_ownedTypes) {
        if (!isValidName(type->name()))
            errors.append(QLatin1String("Type name ") + quoted(type->name()) + QLatin1String(" is not a valid name."));
        else if (schema->m_typesByName.contains(type->name()))
            errors.append(QLatin1String("There can be only one type named ") + quoted(type->name()) + u'.');
        schema->m_typesByName.insert(type->name(), type.get());
        schema->m_typeOrder.push_back(type.get());
    }
    schema->m_queryType = schema->type(m_queryName);
    schema->m_mutationType = schema->type(m_mutationName);
    schema->m_subscriptionType = schema->type(m_subscriptionName);
    if (!schema->m_queryType || schema->m_queryType->kind() != TypeKind::Object)
        errors.append(QLatin1String("Query root type ") + quoted(m_queryName) + QLatin1String(" must be an object type."));

    if (resolveReferences(*schema, errors))
        checkTypeSystemRules(*schema, errors);

    const Type *holder = schema->m_metaFieldHolder.get();
    schema->m_schemaMetaField = holder->field("__schema");
    schema->m_typeMetaField = holder->field("__type");
    schema->m_typeNameMetaField = holder->field("__typename");

    if (errorsOut)
        *errorsOut = errors;
    if (!errors.isEmpty())
        return nullptr;
    return SchemaPtr(schema.release());
}

bool SchemaBuilder::resolveReferences(Schema &schema, QStringList &errors)
{
    const qsizetype errorsBefore = errors.size();
    auto resolve = [&](const QByteArray &reference, const QString &where) -> const Type * {
        const Type *type = schema.typeFromString(reference);
        if (!type)
            errors.append(where + QLatin1String(" refers to an unknown type ") + quoted(reference) + u'.');
        return type;
    };
    auto resolveInputValues = [&](std::vector<InputValue> &values, const QString &owner) {
        for (InputValue &value : values)
            value.type = resolve(value.typeName, owner + u'(' + QString::fromUtf8(value.name) + u':' + u')');
    };
    auto resolveFields = [&](Type &type) {
        for (Field &field : type.m_fields) {
            const QString where = QString::fromUtf8(type.name() + '.' + field.name);
            field.type = resolve(field.typeName, where);
            resolveInputValues(field.arguments, where);
        }
    };
    for (const auto &type : schema.m_ownedTypes) {
        resolveFields(*type);
        for (InputValue &field : type->m_inputFields)
            field.type = resolve(field.typeName, QString::fromUtf8(type->name() + '.' + field.name));
        for (const QByteArray &name : std::as_const(type->m_interfaceNames)) {
            const Type *interface = schema.type(name);
            if (!interface || interface->kind() != TypeKind::Interface) {
                errors.append(QLatin1String("Type ") + quoted(type->name()) + QLatin1String(" can only implement interfaces, not ")
                              + quoted(name) + u'.');
            } else if (!type->m_interfaces.contains(interface)) {
                type->m_interfaces.append(interface);
            }
        }
        for (const QByteArray &name : std::as_const(type->m_memberNames)) {
            const Type *member = schema.type(name);
            if (!member || member->kind() != TypeKind::Object) {
                errors.append(QLatin1String("Union type ") + quoted(type->name())
                              + QLatin1String(" can only include object types, not ") + quoted(name) + u'.');
            } else if (!type->m_members.contains(member)) {
                type->m_members.append(member);
            }
        }
    }
    resolveFields(*schema.m_metaFieldHolder);
    for (Directive &directive : schema.m_directives)
        resolveInputValues(directive.arguments, u'@' + QString::fromUtf8(directive.name));
    if (errors.size() != errorsBefore)
        return false;

    for (const Type *type : schema.m_typeOrder) {
        if (type->kind() == TypeKind::Union)
            schema.m_possibleTypes[type] = type->members();
        if (type->kind() == TypeKind::Object) {
            for (const Type *interface : type->interfaces())
                schema.m_possibleTypes[interface].append(type);
        }
    }

    // Defaults are stored as graphql-js stores a literal default: coerced, with the defaults of
    // nested input fields filled in, so printing and introspection agree with it.
    auto normalizeDefault = [&](InputValue &value, const QString &where) {
        if (!value.hasDefaultValue)
            return;
        Ast::ValueNode literal;
        Value coerced;
        if (!astFromValue(value.defaultValue, value.type, literal) || !valueFromAst(literal, value.type, Value(), coerced)) {
            errors.append(QLatin1String("The default value of ") + where + QLatin1String(" is not a valid ")
                          + QString::fromUtf8(value.type->toString()) + u'.');
            return;
        }
        value.defaultValue = coerced;
    };
    for (const auto &type : schema.m_ownedTypes) {
        for (Field &field : type->m_fields) {
            for (InputValue &argument : field.arguments)
                normalizeDefault(argument, QString::fromUtf8(type->name() + '.' + field.name + '(' + argument.name + ":)"));
        }
        for (InputValue &field : type->m_inputFields)
            normalizeDefault(field, QString::fromUtf8(type->name() + '.' + field.name));
    }
    return errors.size() == errorsBefore;
}

void SchemaBuilder::checkTypeSystemRules(const Schema &schema, QStringList &errors) const
{
    QSet<QByteArray> directiveNames;
    for (const Directive &directive : schema.m_directives) {
        if (directiveNames.contains(directive.name))
            errors.append(QLatin1String("There can be only one directive named @") + QString::fromUtf8(directive.name) + u'.');
        directiveNames.insert(directive.name);
        for (const InputValue &argument : directive.arguments) {
            if (!argument.type->isInputType())
                errors.append(QLatin1String("The type of @") + QString::fromUtf8(directive.name + '(' + argument.name)
                              + QLatin1String(":) must be an input type."));
        }
    }
    for (const Type *type : schema.m_typeOrder) {
        const QString typeName = quoted(type->name());
        if (!schema.isBuiltIn(type) && type->name().startsWith("__"))
            errors.append(QLatin1String("Name ") + typeName + QLatin1String(" must not begin with \"__\"."));
        switch (type->kind()) {
        case TypeKind::Object:
        case TypeKind::Interface: {
            if (type->fields().empty())
                errors.append(QLatin1String("Type ") + typeName + QLatin1String(" must define one or more fields."));
            QSet<QByteArray> names;
            for (const Field &field : type->fields()) {
                const QString fieldName = QString::fromUtf8(type->name() + '.' + field.name);
                if (!isValidName(field.name) || names.contains(field.name))
                    errors.append(QLatin1String("Field ") + fieldName + QLatin1String(" is invalid or defined twice."));
                names.insert(field.name);
                if (!field.type->isOutputType())
                    errors.append(QLatin1String("The type of ") + fieldName + QLatin1String(" must be an output type."));
                for (const InputValue &argument : field.arguments) {
                    if (!argument.type->isInputType())
                        errors.append(QLatin1String("The type of ") + fieldName + u'(' + QString::fromUtf8(argument.name)
                                      + QLatin1String(":) must be an input type."));
                }
            }
            // Spec §3.6.3 IsValidImplementation: every interface field is there, with a compatible type.
            for (const Type *interface : type->interfaces()) {
                for (const Field &interfaceField : interface->fields()) {
                    const Field *field = type->field(interfaceField.name);
                    if (!field || !schema.isSubType(field->type, interfaceField.type)) {
                        errors.append(QLatin1String("Interface field ") + QString::fromUtf8(interface->name() + '.' + interfaceField.name)
                                      + QLatin1String(" expects type ") + quoted(interfaceField.type->toString())
                                      + QLatin1String(" but ") + typeName + QLatin1String(" does not provide it."));
                    }
                }
            }
            break;
        }
        case TypeKind::Union:
            if (type->members().isEmpty())
                errors.append(QLatin1String("Union type ") + typeName + QLatin1String(" must define one or more member types."));
            break;
        case TypeKind::Enum:
            if (type->enumValues().empty())
                errors.append(QLatin1String("Enum type ") + typeName + QLatin1String(" must define one or more values."));
            for (const EnumValue &value : type->enumValues()) {
                if (!isValidName(value.name) || value.name == "true" || value.name == "false" || value.name == "null")
                    errors.append(QLatin1String("Enum type ") + typeName + QLatin1String(" cannot include value: ")
                                  + QString::fromUtf8(value.name) + u'.');
            }
            break;
        case TypeKind::InputObject:
            if (type->inputFields().empty())
                errors.append(QLatin1String("Input Object type ") + typeName + QLatin1String(" must define one or more fields."));
            for (const InputValue &field : type->inputFields()) {
                if (!field.type->isInputType())
                    errors.append(QLatin1String("The type of ") + QString::fromUtf8(type->name() + '.' + field.name)
                                  + QLatin1String(" must be an input type."));
            }
            break;
        default:
            break;
        }
    }
}

} // namespace Subscriptor::GraphQL

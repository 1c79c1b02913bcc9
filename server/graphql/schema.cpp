// SPDX-License-Identifier: MIT
#include "schema.h"

#include "coercion.h"
#include "introspection.h"
#include "lexer.h"
#include "scalars.h"
#include "suggestions.h"

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
    return Lexer::isName(name);
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
        if (schema->m_typesByName.contains(type->name()))
            errors.append(QLatin1String("There can be only one type named ") + quoted(type->name()) + u'.');
        schema->m_typesByName.insert(type->name(), type.get());
        schema->m_typeOrder.push_back(type.get());
    }
    checkRootTypes(*schema, errors);

    if (resolveReferences(*schema, errors)) {
        checkTypeSystemRules(*schema, errors);
        dropUnreferencedScalars(*schema);
    }

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

// The messages of graphql-js's validateRootTypes.
void SchemaBuilder::checkRootTypes(Schema &schema, QStringList &errors) const
{
    const Type *query = schema.type(m_queryName);
    if (!query)
        errors.append(QStringLiteral("Query root type must be provided."));
    else if (query->kind() != TypeKind::Object)
        errors.append(QLatin1String("Query root type must be Object type, it cannot be ") + QString::fromUtf8(query->name()) + u'.');
    else
        schema.m_queryType = query;
    const std::pair<const QByteArray &, const Type **> optionalRoots[] = {{m_mutationName, &schema.m_mutationType},
                                                                          {m_subscriptionName, &schema.m_subscriptionType}};
    for (const auto &[name, root] : optionalRoots) {
        const Type *type = schema.type(name);
        if (type && type->kind() != TypeKind::Object) {
            errors.append((root == &schema.m_mutationType ? QLatin1String("Mutation") : QLatin1String("Subscription"))
                          + QLatin1String(" root type must be Object type if provided, it cannot be ")
                          + QString::fromUtf8(type->name()) + u'.');
            continue;
        }
        *root = type;
    }
}

bool SchemaBuilder::resolveReferences(Schema &schema, QStringList &errors)
{
    const qsizetype errorsBefore = errors.size();
    QList<QByteArray> typeNames;
    for (const Type *type : schema.m_typeOrder)
        typeNames.append(type->name());
    auto unknown = [&](const QString &where, const QByteArray &reference) {
        QByteArray named = reference;
        named.replace('[', QByteArray()).replace(']', QByteArray()).replace('!', QByteArray());
        errors.append(where + QLatin1String(" refers to an unknown type ") + quoted(reference) + u'.'
                      + didYouMean(suggestionList(named.trimmed(), typeNames)));
    };
    auto resolve = [&](const QByteArray &reference, const QString &where) -> const Type * {
        const Type *type = schema.typeFromString(reference);
        if (!type)
            unknown(where, reference);
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
        const QString typeName = QString::fromUtf8(type->name());
        resolveFields(*type);
        for (InputValue &field : type->m_inputFields)
            field.type = resolve(field.typeName, QString::fromUtf8(type->name() + '.' + field.name));
        // The messages of graphql-js's validateInterfaces and validateUnionMembers.
        for (const QByteArray &name : std::as_const(type->m_interfaceNames)) {
            const Type *interface = schema.type(name);
            if (!interface) {
                unknown(typeName, name);
            } else if (interface->kind() != TypeKind::Interface) {
                errors.append(QLatin1String("Type ") + typeName + QLatin1String(" must only implement Interface types, it cannot implement ")
                              + QString::fromUtf8(name) + u'.');
            } else if (interface == type.get()) {
                errors.append(QLatin1String("Type ") + typeName
                              + QLatin1String(" cannot implement itself because it would create a circular reference."));
            } else if (type->m_interfaces.contains(interface)) {
                errors.append(QLatin1String("Type ") + typeName + QLatin1String(" can only implement ") + QString::fromUtf8(name)
                              + QLatin1String(" once."));
            } else {
                type->m_interfaces.append(interface);
            }
        }
        for (const QByteArray &name : std::as_const(type->m_memberNames)) {
            const Type *member = schema.type(name);
            if (!member) {
                unknown(typeName, name);
            } else if (member->kind() != TypeKind::Object) {
                errors.append(QLatin1String("Union type ") + typeName + QLatin1String(" can only include Object types, it cannot include ")
                              + QString::fromUtf8(name) + u'.');
            } else if (type->m_members.contains(member)) {
                errors.append(QLatin1String("Union type ") + typeName + QLatin1String(" can only include type ") + QString::fromUtf8(name)
                              + QLatin1String(" once."));
            } else {
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
        if (!value.hasDefaultValue || !value.type->isInputType())
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
    for (Directive &directive : schema.m_directives) {
        for (InputValue &argument : directive.arguments)
            normalizeDefault(argument, QString::fromUtf8('@' + directive.name + '(' + argument.name + ":)"));
    }
    return errors.size() == errorsBefore;
}

// Spec §3.5: a built-in scalar that no field, argument or input field refers to is not part of the
// schema. graphql-js leaves it out of `__schema.types`, and `__type(name: "Float")` is then null.
void SchemaBuilder::dropUnreferencedScalars(Schema &schema) const
{
    QSet<const Type *> referenced;
    auto addInputValues = [&](const std::vector<InputValue> &values) {
        for (const InputValue &value : values)
            referenced.insert(value.type->namedType());
    };
    auto addFields = [&](const Type &type) {
        for (const Field &field : type.fields()) {
            referenced.insert(field.type->namedType());
            addInputValues(field.arguments);
        }
        addInputValues(type.inputFields());
    };
    for (const Type *type : schema.m_typeOrder)
        addFields(*type);
    addFields(*schema.m_metaFieldHolder);
    for (const Directive &directive : schema.m_directives)
        addInputValues(directive.arguments);

    QSet<const Type *> unreferenced;
    for (const Type *type : schema.m_typeOrder) {
        if (type->kind() == TypeKind::Scalar && schema.isBuiltIn(type) && !referenced.contains(type))
            unreferenced.insert(type);
    }
    for (const Type *type : std::as_const(unreferenced))
        schema.m_typesByName.remove(type->name());
    std::erase_if(schema.m_typeOrder, [&](const Type *type) { return unreferenced.contains(type); });
    // The built-in types come first in m_typeOrder, so the dropped ones were among them.
    schema.m_builtInTypes -= unreferenced.size();
}

namespace {

// graphql-js assertName, and validateName for names that only introspection may use.
void checkName(QByteArrayView name, bool builtIn, QStringList &errors)
{
    const QString quotedName = quoted(name);
    if (name.isEmpty())
        errors.append(QStringLiteral("Expected name to be a non-empty string."));
    else if (!isValidName(name.first(1)))
        errors.append(QLatin1String("Names must start with [_a-zA-Z] but ") + quotedName + QLatin1String(" does not."));
    else if (!isValidName(name))
        errors.append(QLatin1String("Names must only contain [_a-zA-Z0-9] but ") + quotedName + QLatin1String(" does not."));
    else if (!builtIn && name.startsWith("__"))
        errors.append(QLatin1String("Name ") + quotedName + QLatin1String(" must not begin with \"__\", which is reserved by GraphQL introspection."));
}

bool isRequired(const InputValue &value)
{
    return value.type->isNonNull() && !value.hasDefaultValue;
}

/// Arguments or input fields: names, duplicates (graphql-js's SDL messages), input types and
/// required values that are deprecated. `owner` is `Type.field` or `@directive`; `isArgument`
/// tells arguments (`owner(name:)`) from input fields (`owner.name`).
void checkInputValues(const std::vector<InputValue> &values, const QString &owner, bool isArgument, bool builtIn,
                      QStringList &errors)
{
    QSet<QByteArray> names;
    for (const InputValue &value : values) {
        const QString name = QString::fromUtf8(value.name);
        const QString where = isArgument ? QString(owner + u'(' + name + QLatin1String(":)")) : QString(owner + u'.' + name);
        checkName(value.name, builtIn, errors);
        if (names.contains(value.name)) {
            errors.append((isArgument ? QLatin1String("Argument \"") : QLatin1String("Field \"")) + where
                          + QLatin1String("\" can only be defined once."));
        }
        names.insert(value.name);
        if (!value.type->isInputType()) {
            errors.append(QLatin1String("The type of ") + where + QLatin1String(" must be Input Type but got: ")
                          + QString::fromUtf8(value.type->toString()) + u'.');
        }
        if (value.deprecated && isRequired(value)) {
            errors.append((isArgument ? QLatin1String("Required argument ") : QLatin1String("Required input field ")) + where
                          + QLatin1String(" cannot be deprecated."));
        }
    }
}

// Spec §3.6.3 IsValidImplementation, with graphql-js's validateTypeImplementsInterface and
// validateTypeImplementsAncestors messages.
void checkImplementation(const Schema &schema, const Type &type, const Type &interface, QStringList &errors)
{
    const QString typeName = QString::fromUtf8(type.name());
    const QString interfaceName = QString::fromUtf8(interface.name());
    for (const Type *transitive : interface.interfaces()) {
        if (type.implements(transitive))
            continue;
        if (transitive == &type) {
            errors.append(QLatin1String("Type ") + typeName + QLatin1String(" cannot implement ") + interfaceName
                          + QLatin1String(" because it would create a circular reference."));
        } else {
            errors.append(QLatin1String("Type ") + typeName + QLatin1String(" must implement ") + QString::fromUtf8(transitive->name())
                          + QLatin1String(" because it is implemented by ") + interfaceName + u'.');
        }
    }
    for (const Field &interfaceField : interface.fields()) {
        const QString fieldName = QString::fromUtf8(interfaceField.name);
        const QString interfaceFieldName = interfaceName + u'.' + fieldName;
        const QString typeFieldName = typeName + u'.' + fieldName;
        const Field *field = type.field(interfaceField.name);
        if (!field) {
            errors.append(QLatin1String("Interface field ") + interfaceFieldName + QLatin1String(" expected but ") + typeName
                          + QLatin1String(" does not provide it."));
            continue;
        }
        if (!schema.isSubType(field->type, interfaceField.type)) {
            errors.append(QLatin1String("Interface field ") + interfaceFieldName + QLatin1String(" expects type ")
                          + QString::fromUtf8(interfaceField.type->toString()) + QLatin1String(" but ") + typeFieldName
                          + QLatin1String(" is type ") + QString::fromUtf8(field->type->toString()) + u'.');
        }
        for (const InputValue &interfaceArgument : interfaceField.arguments) {
            const QString argumentName = QString::fromUtf8(interfaceArgument.name);
            const InputValue *argument = field->argument(interfaceArgument.name);
            if (!argument) {
                errors.append(QLatin1String("Interface field argument ") + interfaceFieldName + u'(' + argumentName
                              + QLatin1String(":) expected but ") + typeFieldName + QLatin1String(" does not provide it."));
            } else if (argument->type != interfaceArgument.type) { // wrappers are interned: same type, same pointer
                errors.append(QLatin1String("Interface field argument ") + interfaceFieldName + u'(' + argumentName
                              + QLatin1String(":) expects type ") + QString::fromUtf8(interfaceArgument.type->toString())
                              + QLatin1String(" but ") + typeFieldName + u'(' + argumentName + QLatin1String(":) is type ")
                              + QString::fromUtf8(argument->type->toString()) + u'.');
            }
        }
        for (const InputValue &argument : field->arguments) {
            if (!interfaceField.argument(argument.name) && isRequired(argument)) {
                errors.append(QLatin1String("Object field ") + typeFieldName + QLatin1String(" includes required argument ")
                              + QString::fromUtf8(argument.name) + QLatin1String(" that is missing from the Interface field ")
                              + interfaceFieldName + u'.');
            }
        }
    }
}

// graphql-js createInputObjectCircularRefsValidator: an input object that contains itself through
// non-null fields has no finite value.
void checkInputCycles(const Type &inputObject, QSet<const Type *> &visited, QList<const InputValue *> &path,
                      QHash<const Type *, qsizetype> &pathIndex, QStringList &errors)
{
    if (visited.contains(&inputObject))
        return;
    visited.insert(&inputObject);
    pathIndex.insert(&inputObject, path.size());
    for (const InputValue &field : inputObject.inputFields()) {
        if (!field.type->isNonNull() || field.type->ofType()->kind() != TypeKind::InputObject)
            continue;
        const Type *fieldType = field.type->ofType();
        path.append(&field);
        const auto cycle = pathIndex.constFind(fieldType);
        if (cycle == pathIndex.constEnd()) {
            checkInputCycles(*fieldType, visited, path, pathIndex, errors);
        } else {
            QStringList names;
            for (qsizetype i = *cycle; i < path.size(); ++i)
                names.append(QString::fromUtf8(path[i]->name));
            errors.append(QLatin1String("Cannot reference Input Object ") + quoted(fieldType->name())
                          + QLatin1String(" within itself through a series of non-null fields: \"") + names.join(u'.')
                          + QLatin1String("\"."));
        }
        path.removeLast();
    }
    pathIndex.remove(&inputObject);
}

} // namespace

// The type-system rules of spec §3 with graphql-js's validateSchema messages (SDL messages for
// what only SDL can get wrong there, like a name defined twice).
void SchemaBuilder::checkTypeSystemRules(const Schema &schema, QStringList &errors) const
{
    QSet<QByteArray> directiveNames;
    for (const Directive &directive : schema.m_directives) {
        const QString name = u'@' + QString::fromUtf8(directive.name);
        const bool builtIn = schema.isBuiltIn(directive);
        checkName(directive.name, builtIn, errors);
        if (directiveNames.contains(directive.name))
            errors.append(QLatin1String("There can be only one directive named \"") + name + QLatin1String("\"."));
        directiveNames.insert(directive.name);
        if (directive.locations.isEmpty())
            errors.append(QLatin1String("Directive ") + name + QLatin1String(" must include 1 or more locations."));
        checkInputValues(directive.arguments, name, true, builtIn, errors);
    }
    QSet<const Type *> visitedInputs;
    for (const Type *type : schema.m_typeOrder) {
        const QString typeName = QString::fromUtf8(type->name());
        const bool builtIn = schema.isBuiltIn(type);
        checkName(type->name(), builtIn, errors);
        switch (type->kind()) {
        case TypeKind::Object:
        case TypeKind::Interface: {
            if (type->fields().empty())
                errors.append(QLatin1String("Type ") + typeName + QLatin1String(" must define one or more fields."));
            QSet<QByteArray> names;
            for (const Field &field : type->fields()) {
                const QString fieldName = typeName + u'.' + QString::fromUtf8(field.name);
                checkName(field.name, builtIn, errors);
                if (names.contains(field.name))
                    errors.append(QLatin1String("Field \"") + fieldName + QLatin1String("\" can only be defined once."));
                names.insert(field.name);
                if (!field.type->isOutputType()) {
                    errors.append(QLatin1String("The type of ") + fieldName + QLatin1String(" must be Output Type but got: ")
                                  + QString::fromUtf8(field.type->toString()) + u'.');
                }
                checkInputValues(field.arguments, fieldName, true, builtIn, errors);
            }
            for (const Type *interface : type->interfaces())
                checkImplementation(schema, *type, *interface, errors);
            break;
        }
        case TypeKind::Union:
            if (type->members().isEmpty())
                errors.append(QLatin1String("Union type ") + typeName + QLatin1String(" must define one or more member types."));
            break;
        case TypeKind::Enum: {
            if (type->enumValues().empty())
                errors.append(QLatin1String("Enum type ") + typeName + QLatin1String(" must define one or more values."));
            QSet<QByteArray> names;
            for (const EnumValue &value : type->enumValues()) {
                if (value.name == "true" || value.name == "false" || value.name == "null")
                    errors.append(QLatin1String("Enum values cannot be named: ") + QString::fromUtf8(value.name));
                else
                    checkName(value.name, builtIn, errors);
                if (names.contains(value.name)) {
                    errors.append(QLatin1String("Enum value \"") + typeName + u'.' + QString::fromUtf8(value.name)
                                  + QLatin1String("\" can only be defined once."));
                }
                names.insert(value.name);
            }
            break;
        }
        case TypeKind::InputObject: {
            if (type->inputFields().empty())
                errors.append(QLatin1String("Input Object type ") + typeName + QLatin1String(" must define one or more fields."));
            checkInputValues(type->inputFields(), typeName, false, builtIn, errors);
            QList<const InputValue *> path;
            QHash<const Type *, qsizetype> pathIndex;
            checkInputCycles(*type, visitedInputs, path, pathIndex, errors);
            break;
        }
        default:
            break;
        }
    }
}

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "introspection.h"

#include "astprinter.h"
#include "coercion.h"
#include "schema.h"

namespace Subscriptor::GraphQL {

namespace {

// What an Opaque source of an introspection object points at.
enum Tag : int { SchemaTag = 1, TypeTag, FieldTag, InputValueTag, EnumValueTag, DirectiveTag };

template<typename T>
const T *sourceAs(const ResolveInfo &info)
{
    return static_cast<const T *>(info.source.toOpaque().pointer);
}

Value opaque(const void *pointer, Tag tag)
{
    return pointer ? Value(Opaque{pointer, tag}) : Value();
}

Value text(const QString &string)
{
    return string.isNull() ? Value() : Value(string);
}

Value name(const QByteArray &bytes)
{
    return bytes.isEmpty() ? Value() : Value::fromUtf8(bytes);
}

Value deprecationReason(bool deprecated, const QString &reason)
{
    return deprecated ? Value(reason) : Value();
}

bool includeDeprecated(const ResolveInfo &info)
{
    return info.arguments.value("includeDeprecated").toBool();
}

Value inputValues(const std::vector<InputValue> &values, bool withDeprecated)
{
    Value::List list;
    for (const InputValue &value : values) {
        if (withDeprecated || !value.deprecated)
            list.append(opaque(&value, InputValueTag));
    }
    return list;
}

Value typeList(const QList<const Type *> &types)
{
    Value::List list;
    list.reserve(types.size());
    for (const Type *type : types)
        list.append(opaque(type, TypeTag));
    return list;
}

const char *typeKindName(TypeKind kind)
{
    switch (kind) {
    case TypeKind::Scalar: return "SCALAR";
    case TypeKind::Object: return "OBJECT";
    case TypeKind::Interface: return "INTERFACE";
    case TypeKind::Union: return "UNION";
    case TypeKind::Enum: return "ENUM";
    case TypeKind::InputObject: return "INPUT_OBJECT";
    case TypeKind::List: return "LIST";
    case TypeKind::NonNull: return "NON_NULL";
    }
    return "SCALAR";
}

void addSchemaType(SchemaBuilder &builder)
{
    Type &schema = builder.addObjectType("__Schema", QStringLiteral(
        "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and "
        "directives on the server, as well as the entry points for query, mutation, and subscription operations."));
    schema.addField("description", "String").setResolver([](ResolveInfo &info) { return text(info.schema.description()); });
    schema.addField("types", "[__Type!]!", QStringLiteral("A list of all types supported by this server."))
        .setResolver([](ResolveInfo &info) {
            Value::List list;
            for (const Type *type : info.schema.types())
                list.append(opaque(type, TypeTag));
            return Value(list);
        });
    schema.addField("queryType", "__Type!", QStringLiteral("The type that query operations will be rooted at."))
        .setResolver([](ResolveInfo &info) { return opaque(info.schema.queryType(), TypeTag); });
    schema.addField("mutationType", "__Type", QStringLiteral(
        "If this server supports mutation, the type that mutation operations will be rooted at."))
        .setResolver([](ResolveInfo &info) { return opaque(info.schema.mutationType(), TypeTag); });
    schema.addField("subscriptionType", "__Type", QStringLiteral(
        "If this server support subscription, the type that subscription operations will be rooted at."))
        .setResolver([](ResolveInfo &info) { return opaque(info.schema.subscriptionType(), TypeTag); });
    schema.addField("directives", "[__Directive!]!", QStringLiteral("A list of all directives supported by this server."))
        .setResolver([](ResolveInfo &info) {
            Value::List list;
            for (const Directive &directive : info.schema.directives())
                list.append(opaque(&directive, DirectiveTag));
            return Value(list);
        });
}

void addDirectiveTypes(SchemaBuilder &builder)
{
    Type &directive = builder.addObjectType("__Directive", QStringLiteral(
        "A Directive provides a way to describe alternate runtime execution and type validation behavior in a "
        "GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in "
        "ways field arguments will not suffice, such as conditionally including or skipping a field. Directives "
        "provide this by describing additional information to the executor."));
    directive.addField("name", "String!").setResolver([](ResolveInfo &info) { return name(sourceAs<Directive>(info)->name); });
    directive.addField("description", "String")
        .setResolver([](ResolveInfo &info) { return text(sourceAs<Directive>(info)->description); });
    directive.addField("isRepeatable", "Boolean!")
        .setResolver([](ResolveInfo &info) { return Value(sourceAs<Directive>(info)->repeatable); });
    directive.addField("locations", "[__DirectiveLocation!]!").setResolver([](ResolveInfo &info) {
        Value::List list;
        for (DirectiveLocation location : sourceAs<Directive>(info)->locations)
            list.append(QString::fromLatin1(directiveLocationName(location)));
        return Value(list);
    });
    Field &args = directive.addField("args", "[__InputValue!]!").setResolver([](ResolveInfo &info) {
        return inputValues(sourceAs<Directive>(info)->arguments, includeDeprecated(info));
    });
    args.addArgument("includeDeprecated", "Boolean").setDefaultValue(false);

    Type &location = builder.addEnumType("__DirectiveLocation", QStringLiteral(
        "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one "
        "such possible adjacencies."));
    static constexpr const char *LocationDescriptions[] = {
        "a query operation", "a mutation operation", "a subscription operation", "a field",
        "a fragment definition", "a fragment spread", "an inline fragment", "a variable definition",
        "a schema definition", "a scalar definition", "an object type definition", "a field definition",
        "an argument definition", "an interface definition", "a union definition", "an enum definition",
        "an enum value definition", "an input object type definition", "an input object field definition"};
    for (int i = 0; i <= int(DirectiveLocation::InputFieldDefinition); ++i) {
        location.addEnumValue(directiveLocationName(DirectiveLocation(i)),
                              QLatin1String("Location adjacent to ") + QLatin1String(LocationDescriptions[i]) + u'.');
    }
}

void addTypeType(SchemaBuilder &builder)
{
    Type &type = builder.addObjectType("__Type", QStringLiteral(
        "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as "
        "represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe "
        "information about that type. Scalar types provide no information beyond a name, description and "
        "optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide "
        "the fields they describe. Abstract types, Union and Interface, provide the Object types possible at "
        "runtime. List and NonNull types compose other types."));
    type.addField("kind", "__TypeKind!").setResolver([](ResolveInfo &info) {
        return Value(QString::fromLatin1(typeKindName(sourceAs<Type>(info)->kind())));
    });
    type.addField("name", "String").setResolver([](ResolveInfo &info) { return name(sourceAs<Type>(info)->name()); });
    type.addField("description", "String").setResolver([](ResolveInfo &info) {
        const Type *t = sourceAs<Type>(info);
        return t->isWrapper() ? Value() : text(t->description());
    });
    type.addField("specifiedByURL", "String").setResolver([](ResolveInfo &info) {
        const Type *t = sourceAs<Type>(info);
        return t->kind() == TypeKind::Scalar ? text(t->specifiedByUrl()) : Value();
    });
    type.addField("fields", "[__Field!]")
        .setResolver([](ResolveInfo &info) {
            const Type *t = sourceAs<Type>(info);
            if (t->kind() != TypeKind::Object && t->kind() != TypeKind::Interface)
                return Value();
            const bool withDeprecated = includeDeprecated(info);
            Value::List list;
            for (const Field &field : t->fields()) {
                if (withDeprecated || !field.deprecated)
                    list.append(opaque(&field, FieldTag));
            }
            return Value(list);
        })
        .addArgument("includeDeprecated", "Boolean").setDefaultValue(false);
    type.addField("interfaces", "[__Type!]").setResolver([](ResolveInfo &info) {
        const Type *t = sourceAs<Type>(info);
        if (t->kind() != TypeKind::Object && t->kind() != TypeKind::Interface)
            return Value();
        return typeList(t->interfaces());
    });
    type.addField("possibleTypes", "[__Type!]").setResolver([](ResolveInfo &info) {
        const Type *t = sourceAs<Type>(info);
        return t->isAbstract() ? typeList(info.schema.possibleTypes(t)) : Value();
    });
    type.addField("enumValues", "[__EnumValue!]")
        .setResolver([](ResolveInfo &info) {
            const Type *t = sourceAs<Type>(info);
            if (t->kind() != TypeKind::Enum)
                return Value();
            const bool withDeprecated = includeDeprecated(info);
            Value::List list;
            for (const EnumValue &value : t->enumValues()) {
                if (withDeprecated || !value.deprecated)
                    list.append(opaque(&value, EnumValueTag));
            }
            return Value(list);
        })
        .addArgument("includeDeprecated", "Boolean").setDefaultValue(false);
    type.addField("inputFields", "[__InputValue!]")
        .setResolver([](ResolveInfo &info) {
            const Type *t = sourceAs<Type>(info);
            if (t->kind() != TypeKind::InputObject)
                return Value();
            return inputValues(t->inputFields(), includeDeprecated(info));
        })
        .addArgument("includeDeprecated", "Boolean").setDefaultValue(false);
    type.addField("ofType", "__Type").setResolver([](ResolveInfo &info) { return opaque(sourceAs<Type>(info)->ofType(), TypeTag); });

    Type &kind = builder.addEnumType("__TypeKind", QStringLiteral("An enum describing what kind of type a given `__Type` is."));
    kind.addEnumValue("SCALAR", QStringLiteral("Indicates this type is a scalar."));
    kind.addEnumValue("OBJECT", QStringLiteral("Indicates this type is an object. `fields` and `interfaces` are valid fields."));
    kind.addEnumValue("INTERFACE", QStringLiteral(
        "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."));
    kind.addEnumValue("UNION", QStringLiteral("Indicates this type is a union. `possibleTypes` is a valid field."));
    kind.addEnumValue("ENUM", QStringLiteral("Indicates this type is an enum. `enumValues` is a valid field."));
    kind.addEnumValue("INPUT_OBJECT", QStringLiteral("Indicates this type is an input object. `inputFields` is a valid field."));
    kind.addEnumValue("LIST", QStringLiteral("Indicates this type is a list. `ofType` is a valid field."));
    kind.addEnumValue("NON_NULL", QStringLiteral("Indicates this type is a non-null. `ofType` is a valid field."));
}

void addFieldTypes(SchemaBuilder &builder)
{
    Type &field = builder.addObjectType("__Field", QStringLiteral(
        "Object and Interface types are described by a list of Fields, each of which has a name, potentially a "
        "list of arguments, and a return type."));
    field.addField("name", "String!").setResolver([](ResolveInfo &info) { return name(sourceAs<Field>(info)->name); });
    field.addField("description", "String").setResolver([](ResolveInfo &info) { return text(sourceAs<Field>(info)->description); });
    field.addField("args", "[__InputValue!]!")
        .setResolver([](ResolveInfo &info) { return inputValues(sourceAs<Field>(info)->arguments, includeDeprecated(info)); })
        .addArgument("includeDeprecated", "Boolean").setDefaultValue(false);
    field.addField("type", "__Type!").setResolver([](ResolveInfo &info) { return opaque(sourceAs<Field>(info)->type, TypeTag); });
    field.addField("isDeprecated", "Boolean!").setResolver([](ResolveInfo &info) { return Value(sourceAs<Field>(info)->deprecated); });
    field.addField("deprecationReason", "String").setResolver([](ResolveInfo &info) {
        const Field *f = sourceAs<Field>(info);
        return deprecationReason(f->deprecated, f->deprecationReason);
    });

    Type &inputValue = builder.addObjectType("__InputValue", QStringLiteral(
        "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as "
        "Input Values which describe their type and optionally a default value."));
    inputValue.addField("name", "String!").setResolver([](ResolveInfo &info) { return name(sourceAs<InputValue>(info)->name); });
    inputValue.addField("description", "String")
        .setResolver([](ResolveInfo &info) { return text(sourceAs<InputValue>(info)->description); });
    inputValue.addField("type", "__Type!").setResolver([](ResolveInfo &info) { return opaque(sourceAs<InputValue>(info)->type, TypeTag); });
    inputValue.addField("defaultValue", "String", QStringLiteral(
        "A GraphQL-formatted string representing the default value for this input value."))
        .setResolver([](ResolveInfo &info) {
            const InputValue *value = sourceAs<InputValue>(info);
            Ast::ValueNode literal;
            if (!value->hasDefaultValue || !astFromValue(value->defaultValue, value->type, literal))
                return Value();
            return Value::fromUtf8(AstPrinter::printValue(literal));
        });
    inputValue.addField("isDeprecated", "Boolean!")
        .setResolver([](ResolveInfo &info) { return Value(sourceAs<InputValue>(info)->deprecated); });
    inputValue.addField("deprecationReason", "String").setResolver([](ResolveInfo &info) {
        const InputValue *v = sourceAs<InputValue>(info);
        return deprecationReason(v->deprecated, v->deprecationReason);
    });

    Type &enumValue = builder.addObjectType("__EnumValue", QStringLiteral(
        "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or "
        "numeric value. However an Enum value is returned in a JSON response as a string."));
    enumValue.addField("name", "String!").setResolver([](ResolveInfo &info) { return name(sourceAs<EnumValue>(info)->name); });
    enumValue.addField("description", "String")
        .setResolver([](ResolveInfo &info) { return text(sourceAs<EnumValue>(info)->description); });
    enumValue.addField("isDeprecated", "Boolean!")
        .setResolver([](ResolveInfo &info) { return Value(sourceAs<EnumValue>(info)->deprecated); });
    enumValue.addField("deprecationReason", "String").setResolver([](ResolveInfo &info) {
        const EnumValue *v = sourceAs<EnumValue>(info);
        return deprecationReason(v->deprecated, v->deprecationReason);
    });
}

} // namespace

void addIntrospection(SchemaBuilder &builder, Type &metaFields)
{
    addSchemaType(builder);
    addDirectiveTypes(builder);
    addTypeType(builder);
    addFieldTypes(builder);

    metaFields.addField("__schema", "__Schema!", QStringLiteral("Access the current type schema of this server."))
        .setResolver([](ResolveInfo &info) { return opaque(&info.schema, SchemaTag); });
    metaFields.addField("__type", "__Type", QStringLiteral("Request the type information of a single type."))
        .setResolver([](ResolveInfo &info) {
            return opaque(info.schema.type(info.arguments.value("name").toString().toUtf8()), TypeTag);
        })
        .addArgument("name", "String!");
    metaFields.addField("__typename", "String!", QStringLiteral("The name of the current Object type at runtime."))
        .setResolver([](ResolveInfo &info) { return Value::fromUtf8(info.parentType.name()); });
}

} // namespace Subscriptor::GraphQL

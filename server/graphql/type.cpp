// SPDX-License-Identifier: MIT
#include "type.h"

#include "astprinter.h"
#include "coercion.h"
#include "suggestions.h"

namespace Subscriptor::GraphQL {

InputValue &InputValue::deprecate(QString reason)
{
    deprecated = true;
    deprecationReason = std::move(reason);
    return *this;
}

Field &Field::deprecate(QString reason)
{
    deprecated = true;
    deprecationReason = std::move(reason);
    return *this;
}

InputValue &Field::addArgument(QByteArray name, QByteArray typeName, QString description)
{
    InputValue argument;
    argument.name = std::move(name);
    argument.typeName = std::move(typeName);
    argument.description = std::move(description);
    arguments.push_back(std::move(argument));
    return arguments.back();
}

const InputValue *Field::argument(QByteArrayView argumentName) const
{
    for (const InputValue &argument : arguments) {
        if (argument.name == argumentName)
            return &argument;
    }
    return nullptr;
}

EnumValue &EnumValue::deprecate(QString reason)
{
    deprecated = true;
    deprecationReason = std::move(reason);
    return *this;
}

Type::Type(TypeKind kind, QByteArray name, QString description)
    : m_kind(kind), m_name(std::move(name)), m_description(std::move(description))
{
}

bool Type::isComposite() const
{
    return m_kind == TypeKind::Object || m_kind == TypeKind::Interface || m_kind == TypeKind::Union;
}

bool Type::isInputType() const
{
    const TypeKind kind = namedType()->kind();
    return kind == TypeKind::Scalar || kind == TypeKind::Enum || kind == TypeKind::InputObject;
}

bool Type::isOutputType() const
{
    return namedType()->kind() != TypeKind::InputObject;
}

const Type *Type::namedType() const
{
    const Type *type = this;
    while (type->m_ofType)
        type = type->m_ofType;
    return type;
}

QByteArray Type::toString() const
{
    switch (m_kind) {
    case TypeKind::List:
        return '[' + m_ofType->toString() + ']';
    case TypeKind::NonNull:
        return m_ofType->toString() + '!';
    default:
        return m_name;
    }
}

const Field *Type::field(QByteArrayView fieldName) const
{
    for (const Field &field : m_fields) {
        if (field.name == fieldName)
            return &field;
    }
    return nullptr;
}

const EnumValue *Type::enumValue(QByteArrayView valueName) const
{
    for (const EnumValue &value : m_enumValues) {
        if (value.name == valueName)
            return &value;
    }
    return nullptr;
}

const EnumValue *Type::enumValueFor(const Value &internal) const
{
    for (const EnumValue &value : m_enumValues) {
        if (value.value == internal)
            return &value;
    }
    return nullptr;
}

const InputValue *Type::inputField(QByteArrayView fieldName) const
{
    for (const InputValue &field : m_inputFields) {
        if (field.name == fieldName)
            return &field;
    }
    return nullptr;
}

bool Type::serialize(const Value &internal, Value &out, QString &error) const
{
    if (m_kind == TypeKind::Enum) {
        if (const EnumValue *value = enumValueFor(internal)) {
            out = QString::fromUtf8(value->name);
            return true;
        }
        error = QLatin1String("Enum \"") + QString::fromUtf8(m_name) + QLatin1String("\" cannot represent value: ")
            + inspect(internal);
        return false;
    }
    if (!m_serialize) {
        out = internal;
        return true;
    }
    return m_serialize(internal, out, error);
}

QString Type::didYouMeanEnumValue(const QString &unknown) const
{
    QList<QByteArray> names;
    names.reserve(qsizetype(m_enumValues.size()));
    for (const EnumValue &value : m_enumValues)
        names.append(value.name);
    return didYouMean(suggestionList(unknown.toUtf8(), names), QStringLiteral("the enum value"));
}

bool Type::parseValue(const Value &input, Value &out, QString &error) const
{
    if (m_kind == TypeKind::Enum) {
        const QString typeName = QString::fromUtf8(m_name);
        if (!input.isString()) {
            const QString inspected = inspect(input);
            error = QLatin1String("Enum \"") + typeName + QLatin1String("\" cannot represent non-string value: ")
                + inspected + u'.' + didYouMeanEnumValue(inspected);
            return false;
        }
        const EnumValue *value = enumValue(input.toString().toUtf8());
        if (!value) {
            error = QLatin1String("Value \"") + input.toString() + QLatin1String("\" does not exist in \"") + typeName
                + QLatin1String("\" enum.") + didYouMeanEnumValue(input.toString());
            return false;
        }
        out = value->value;
        return true;
    }
    if (!m_parseValue) {
        out = input;
        return true;
    }
    return m_parseValue(input, out, error);
}

bool Type::parseLiteral(const Ast::ValueNode &literal, const Value &variables, Value &out, QString &error) const
{
    if (m_kind == TypeKind::Enum) {
        const QString typeName = QString::fromUtf8(m_name);
        const QString printed = QString::fromUtf8(AstPrinter::printValue(literal));
        if (literal.kind != Ast::ValueNode::Kind::Enum) {
            error = QLatin1String("Enum \"") + typeName + QLatin1String("\" cannot represent non-enum value: ") + printed
                + u'.' + didYouMeanEnumValue(printed);
            return false;
        }
        const EnumValue *value = enumValue(literal.text);
        if (!value) {
            error = QLatin1String("Value \"") + printed + QLatin1String("\" does not exist in \"") + typeName
                + QLatin1String("\" enum.") + didYouMeanEnumValue(printed);
            return false;
        }
        out = value->value;
        return true;
    }
    if (m_parseLiteral)
        return m_parseLiteral(literal, variables, out, error);
    // A custom scalar without its own literal parser takes the literal as plain JSON.
    return parseValue(valueFromAstUntyped(literal, variables), out, error);
}

Field &Type::addField(QByteArray fieldName, QByteArray typeName, QString description)
{
    Field field;
    field.name = std::move(fieldName);
    field.typeName = std::move(typeName);
    field.description = std::move(description);
    m_fields.push_back(std::move(field));
    return m_fields.back();
}

EnumValue &Type::addEnumValue(QByteArray valueName, QString description)
{
    Value internal = QString::fromUtf8(valueName);
    return addEnumValue(std::move(valueName), std::move(internal), std::move(description));
}

EnumValue &Type::addEnumValue(QByteArray valueName, Value internal, QString description)
{
    EnumValue value;
    value.name = std::move(valueName);
    value.value = std::move(internal);
    value.description = std::move(description);
    m_enumValues.push_back(std::move(value));
    return m_enumValues.back();
}

InputValue &Type::addInputField(QByteArray fieldName, QByteArray typeName, QString description)
{
    InputValue field;
    field.name = std::move(fieldName);
    field.typeName = std::move(typeName);
    field.description = std::move(description);
    m_inputFields.push_back(std::move(field));
    return m_inputFields.back();
}

Type &Type::setCoercion(ScalarCoercion serialize, ScalarCoercion parseValue, LiteralCoercion parseLiteral)
{
    m_serialize = std::move(serialize);
    m_parseValue = std::move(parseValue);
    m_parseLiteral = std::move(parseLiteral);
    return *this;
}

const char *directiveLocationName(DirectiveLocation location)
{
    static constexpr const char *Names[] = {
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
        "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
        "INPUT_FIELD_DEFINITION"};
    return Names[int(location)];
}

bool isExecutableLocation(DirectiveLocation location)
{
    return int(location) <= int(DirectiveLocation::VariableDefinition);
}

InputValue &Directive::addArgument(QByteArray argumentName, QByteArray typeName, QString argumentDescription)
{
    InputValue argument;
    argument.name = std::move(argumentName);
    argument.typeName = std::move(typeName);
    argument.description = std::move(argumentDescription);
    arguments.push_back(std::move(argument));
    return arguments.back();
}

const InputValue *Directive::argument(QByteArrayView argumentName) const
{
    for (const InputValue &argument : arguments) {
        if (argument.name == argumentName)
            return &argument;
    }
    return nullptr;
}

} // namespace Subscriptor::GraphQL

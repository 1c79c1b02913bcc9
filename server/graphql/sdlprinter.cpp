// SPDX-License-Identifier: MIT
#include "sdlprinter.h"

#include "astprinter.h"
#include "coercion.h"
#include "schema.h"

#include <algorithm>

namespace Subscriptor::GraphQL {

namespace {

// graphql-js DEFAULT_DEPRECATION_REASON: `@deprecated` alone means this reason, so it is not printed.
const QString DefaultDeprecationReason = QStringLiteral("No longer supported");

const char *const RootOperationNames[] = {"Query", "Mutation", "Subscription"};

QByteArray join(const QList<QByteArray> &parts, QByteArrayView separator)
{
    QByteArray out;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += separator;
        out += parts[i];
    }
    return out;
}

QByteArray printImplementedInterfaces(const Type &type)
{
    QList<QByteArray> names;
    for (const Type *interface : type.interfaces())
        names.append(interface->name());
    return names.isEmpty() ? QByteArray() : " implements " + join(names, " & ");
}

} // namespace

QByteArray SdlPrinter::print(const Schema &schema)
{
    QList<QByteArray> parts;
    if (QByteArray definition = printSchemaDefinition(schema); !definition.isEmpty())
        parts.append(std::move(definition));
    for (const Directive &directive : schema.directives()) {
        if (!schema.isBuiltIn(directive))
            parts.append(printDirective(directive));
    }
    for (const Type *type : schema.types()) {
        if (!schema.isBuiltIn(type))
            parts.append(printType(*type));
    }
    return join(parts, "\n\n");
}

QByteArray SdlPrinter::printSchemaDefinition(const Schema &schema)
{
    // The `schema` block is implied when the root types have their conventional names; graphql-js
    // prints it anyway when there is a description, which has nowhere else to go.
    const Type *roots[] = {schema.queryType(), schema.mutationType(), schema.subscriptionType()};
    bool conventional = true;
    for (int i = 0; i < 3; ++i)
        conventional = conventional && (!roots[i] || roots[i]->name() == RootOperationNames[i]);
    if (schema.description().isNull() && conventional)
        return {};

    static const char *const Keys[] = {"query", "mutation", "subscription"};
    QList<QByteArray> operations;
    for (int i = 0; i < 3; ++i) {
        if (roots[i])
            operations.append(QByteArray("  ") + Keys[i] + ": " + roots[i]->name());
    }
    return printDescription(schema.description()) + "schema {\n" + join(operations, "\n") + "\n}";
}

QByteArray SdlPrinter::printType(const Type &type)
{
    const QByteArray description = printDescription(type.description());
    switch (type.kind()) {
    case TypeKind::Scalar: {
        QByteArray out = description + "scalar " + type.name();
        if (!type.specifiedByUrl().isNull())
            out += " @specifiedBy(url: " + AstPrinter::printString(type.specifiedByUrl()) + ')';
        return out;
    }
    case TypeKind::Object:
        return description + "type " + type.name() + printImplementedInterfaces(type) + printFields(type);
    case TypeKind::Interface:
        return description + "interface " + type.name() + printImplementedInterfaces(type) + printFields(type);
    case TypeKind::Union: {
        QList<QByteArray> names;
        for (const Type *member : type.members())
            names.append(member->name());
        return description + "union " + type.name() + (names.isEmpty() ? QByteArray() : " = " + join(names, " | "));
    }
    case TypeKind::Enum: {
        QList<QByteArray> values;
        for (const EnumValue &value : type.enumValues()) {
            values.append(printDescription(value.description, "  ", values.isEmpty()) + "  " + value.name
                          + printDeprecated(value.deprecated, value.deprecationReason));
        }
        return description + "enum " + type.name() + printBlock(values);
    }
    case TypeKind::InputObject: {
        QList<QByteArray> fields;
        for (const InputValue &field : type.inputFields())
            fields.append(printDescription(field.description, "  ", fields.isEmpty()) + "  " + printInputValue(field));
        return description + "input " + type.name() + printBlock(fields);
    }
    case TypeKind::List:
    case TypeKind::NonNull:
        break;
    }
    return type.toString(); // wrappers have no definition
}

QByteArray SdlPrinter::printDirective(const Directive &directive)
{
    QList<QByteArray> locations;
    for (DirectiveLocation location : directive.locations)
        locations.append(directiveLocationName(location));
    return printDescription(directive.description) + "directive @" + directive.name
        + printArguments(directive.arguments, {}) + (directive.repeatable ? " repeatable" : "") + " on "
        + join(locations, " | ");
}

QByteArray SdlPrinter::printFields(const Type &type)
{
    QList<QByteArray> fields;
    for (const Field &field : type.fields()) {
        fields.append(printDescription(field.description, "  ", fields.isEmpty()) + "  " + field.name
                      + printArguments(field.arguments, "  ") + ": " + field.type->toString()
                      + printDeprecated(field.deprecated, field.deprecationReason));
    }
    return printBlock(fields);
}

QByteArray SdlPrinter::printArguments(const std::vector<InputValue> &arguments, QByteArrayView indentation)
{
    if (arguments.empty())
        return {};
    // graphql-js keeps the list on one line unless an argument has a (non-empty) description.
    const bool described = std::any_of(arguments.begin(), arguments.end(),
                                       [](const InputValue &argument) { return !argument.description.isEmpty(); });
    QList<QByteArray> printed;
    if (!described) {
        for (const InputValue &argument : arguments)
            printed.append(printInputValue(argument));
        return '(' + join(printed, ", ") + ')';
    }
    const QByteArray argumentIndentation = "  " + indentation.toByteArray();
    for (const InputValue &argument : arguments) {
        printed.append(printDescription(argument.description, argumentIndentation, printed.isEmpty())
                       + argumentIndentation + printInputValue(argument));
    }
    return "(\n" + join(printed, "\n") + '\n' + indentation.toByteArray() + ')';
}

QByteArray SdlPrinter::printInputValue(const InputValue &value)
{
    QByteArray out = value.name + ": " + value.type->toString();
    Ast::ValueNode literal;
    if (value.hasDefaultValue && astFromValue(value.defaultValue, value.type, literal))
        out += " = " + AstPrinter::printValue(literal);
    return out + printDeprecated(value.deprecated, value.deprecationReason);
}

QByteArray SdlPrinter::printDeprecated(bool deprecated, const QString &reason)
{
    if (!deprecated)
        return {};
    if (reason == DefaultDeprecationReason)
        return " @deprecated";
    return " @deprecated(reason: " + AstPrinter::printString(reason) + ')';
}

QByteArray SdlPrinter::printDescription(const QString &description, QByteArrayView indentation, bool firstInBlock)
{
    // A null description is absent; an empty one is printed (`""`), as graphql-js tells them apart.
    if (description.isNull())
        return {};
    QByteArray text = AstPrinter::isPrintableAsBlockString(description) ? AstPrinter::printBlockString(description)
                                                                        : AstPrinter::printString(description);
    const QByteArray indent = indentation.toByteArray();
    text.replace("\n", QByteArray('\n' + indent));
    // Every item of a block but the first is set off by an empty line when it has a description.
    const QByteArray prefix = !indent.isEmpty() && !firstInBlock ? '\n' + indent : indent;
    return prefix + text + '\n';
}

QByteArray SdlPrinter::printBlock(const QList<QByteArray> &items)
{
    return items.isEmpty() ? QByteArray() : " {\n" + join(items, "\n") + "\n}";
}

} // namespace Subscriptor::GraphQL

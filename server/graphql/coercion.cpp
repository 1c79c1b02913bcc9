// SPDX-License-Identifier: MIT
#include "coercion.h"

#include "json.h"
#include "suggestions.h"
#include "type.h"

#include <QRegularExpression>

#include <cmath>

namespace Subscriptor::GraphQL {

namespace {

constexpr int MaxInspectDepth = 2; // containers nested deeper print as [Array] and [Object]
constexpr int MaxInspectListLength = 10;

void appendInspected(const Value &value, QString &out, int depth)
{
    switch (value.kind()) {
    case Value::Kind::String: {
        QByteArray quoted;
        Json::appendString(value.toString(), quoted);
        out += QString::fromUtf8(quoted);
        return;
    }
    case Value::Kind::List: {
        const Value::List &list = value.toList();
        if (list.isEmpty()) {
            out += QLatin1String("[]");
            return;
        }
        if (depth >= MaxInspectDepth) {
            out += QLatin1String("[Array]");
            return;
        }
        out += u'[';
        for (qsizetype i = 0; i < list.size() && i < MaxInspectListLength; ++i) {
            if (i > 0)
                out += QLatin1String(", ");
            appendInspected(list[i], out, depth + 1);
        }
        const qsizetype remaining = list.size() - MaxInspectListLength;
        if (remaining == 1)
            out += QLatin1String(", ... 1 more item");
        else if (remaining > 1)
            out += QStringLiteral(", ... %1 more items").arg(remaining);
        out += u']';
        return;
    }
    case Value::Kind::Object: {
        const Value::Object &object = value.toObject();
        if (object.isEmpty()) {
            out += QLatin1String("{}");
            return;
        }
        if (depth >= MaxInspectDepth) {
            out += QLatin1String("[Object]");
            return;
        }
        out += QLatin1String("{ ");
        bool first = true;
        for (const Member &member : object) {
            if (!first)
                out += QLatin1String(", ");
            first = false;
            out += QString::fromUtf8(member.key) + QLatin1String(": ");
            appendInspected(member.value, out, depth + 1);
        }
        out += QLatin1String(" }");
        return;
    }
    case Value::Kind::Opaque:
        out += QLatin1String("[object]");
        return;
    case Value::Kind::Float:
        out += QString::fromLatin1(Json::formatDouble(value.toDouble()));
        return;
    default:
        out += QString::fromUtf8(Json::serialize(value));
        return;
    }
}

bool isMissingVariable(const Ast::ValueNode &literal, const Value &variables)
{
    return literal.kind == Ast::ValueNode::Kind::Variable && !variables.find(literal.text);
}

bool isIntegerString(QByteArrayView text)
{
    static const QRegularExpression integer(QStringLiteral("^-?(?:0|[1-9][0-9]*)$"));
    return integer.match(QString::fromLatin1(text)).hasMatch();
}

void coerceImpl(const Value &input, const Type *type, Value &out, bool &ok, Value::List &path,
                const InputErrorHandler &onError)
{
    if (type->isNonNull()) {
        if (!input.isNull()) {
            coerceImpl(input, type->ofType(), out, ok, path, onError);
            return;
        }
        ok = false;
        onError(path, input, QLatin1String("Expected non-nullable type \"") + QString::fromUtf8(type->toString())
                                 + QLatin1String("\" not to be null."));
        return;
    }
    if (input.isNull()) {
        out = Value();
        return;
    }
    if (type->isList()) {
        Value::List items;
        if (input.isList()) {
            const Value::List &inputs = input.toList();
            items.reserve(inputs.size());
            for (qsizetype i = 0; i < inputs.size(); ++i) {
                path.append(Value(qint64(i)));
                Value item;
                coerceImpl(inputs[i], type->ofType(), item, ok, path, onError);
                path.removeLast();
                items.append(std::move(item));
            }
        } else {
            // A single value is accepted as a list of one (spec §3.11 "Input Coercion").
            Value item;
            coerceImpl(input, type->ofType(), item, ok, path, onError);
            items.append(std::move(item));
        }
        out = std::move(items);
        return;
    }
    if (type->kind() == TypeKind::InputObject) {
        const QString typeName = QString::fromUtf8(type->name());
        if (!input.isObject()) {
            ok = false;
            onError(path, input, QLatin1String("Expected type \"") + typeName + QLatin1String("\" to be an object."));
            return;
        }
        ObjectBuilder coerced;
        for (const InputValue &field : type->inputFields()) {
            const Value *fieldInput = input.find(field.name);
            if (!fieldInput) {
                if (field.hasDefaultValue) {
                    coerced.append(field.name, field.defaultValue);
                } else if (field.type->isNonNull()) {
                    ok = false;
                    onError(path, input, QLatin1String("Field \"") + QString::fromUtf8(field.name)
                                             + QLatin1String("\" of required type \"")
                                             + QString::fromUtf8(field.type->toString())
                                             + QLatin1String("\" was not provided."));
                }
                continue;
            }
            path.append(Value::fromUtf8(field.name));
            Value fieldValue;
            coerceImpl(*fieldInput, field.type, fieldValue, ok, path, onError);
            path.removeLast();
            coerced.append(field.name, std::move(fieldValue));
        }
        QList<QByteArray> fieldNames;
        for (const InputValue &field : type->inputFields())
            fieldNames.append(field.name);
        for (const Member &member : input.toObject()) {
            if (type->inputField(member.key))
                continue;
            ok = false;
            onError(path, input, QLatin1String("Field \"") + QString::fromUtf8(member.key)
                                     + QLatin1String("\" is not defined by type \"") + typeName + QLatin1String("\".")
                                     + didYouMean(suggestionList(member.key, fieldNames)));
        }
        out = coerced.build();
        return;
    }
    QString error;
    if (!type->parseValue(input, out, error)) {
        ok = false;
        if (error.isEmpty())
            error = QLatin1String("Expected type \"") + QString::fromUtf8(type->name()) + QLatin1String("\".");
        onError(path, input, error);
    }
}

} // namespace

QString inspect(const Value &value)
{
    QString out;
    appendInspected(value, out, 0);
    return out;
}

QString printInputPath(const Value::List &path)
{
    QString out;
    for (const Value &segment : path) {
        if (segment.isInt())
            out += u'[' + QString::number(segment.toInt()) + u']';
        else
            out += u'.' + segment.toString();
    }
    return out;
}

Value valueFromAstUntyped(const Ast::ValueNode &literal, const Value &variables)
{
    using Kind = Ast::ValueNode::Kind;
    switch (literal.kind) {
    case Kind::Null:
        return Value();
    case Kind::Int:
    case Kind::Float:
        // GraphQL numbers are JSON numbers: 64-bit integers stay Int, overflow is Infinity.
        return Json::parse(literal.text);
    case Kind::String:
        return literal.string;
    case Kind::Enum:
        return QString::fromUtf8(literal.text);
    case Kind::Boolean:
        return literal.boolean;
    case Kind::List: {
        Value::List items;
        items.reserve(qsizetype(literal.list.size()));
        for (const Ast::ValueNode &item : literal.list)
            items.append(valueFromAstUntyped(item, variables));
        return items;
    }
    case Kind::Object: {
        ObjectBuilder object(qsizetype(literal.fields.size()));
        for (const Ast::ObjectField &field : literal.fields)
            object.insert(field.name.value, valueFromAstUntyped(field.value, variables));
        return object.build();
    }
    case Kind::Variable:
        return variables.value(literal.text);
    }
    return Value();
}

bool valueFromAst(const Ast::ValueNode &literal, const Type *type, const Value &variables, Value &out)
{
    using Kind = Ast::ValueNode::Kind;
    if (literal.kind == Kind::Variable) {
        const Value *variable = variables.find(literal.text);
        if (!variable)
            return false; // not provided: no value
        if (variable->isNull() && type->isNonNull())
            return false;
        // Variables were coerced to their own (compatible) type already.
        out = *variable;
        return true;
    }
    if (type->isNonNull()) {
        if (literal.kind == Kind::Null)
            return false;
        return valueFromAst(literal, type->ofType(), variables, out);
    }
    if (literal.kind == Kind::Null) {
        out = Value();
        return true;
    }
    if (type->isList()) {
        const Type *itemType = type->ofType();
        if (literal.kind != Kind::List) {
            Value item;
            if (!valueFromAst(literal, itemType, variables, item))
                return false;
            out = Value::List{item};
            return true;
        }
        Value::List items;
        items.reserve(qsizetype(literal.list.size()));
        for (const Ast::ValueNode &itemLiteral : literal.list) {
            if (isMissingVariable(itemLiteral, variables)) {
                // A missing variable inside a list is null, unless the item type forbids it.
                if (itemType->isNonNull())
                    return false;
                items.append(Value());
                continue;
            }
            Value item;
            if (!valueFromAst(itemLiteral, itemType, variables, item))
                return false;
            items.append(std::move(item));
        }
        out = std::move(items);
        return true;
    }
    if (type->kind() == TypeKind::InputObject) {
        if (literal.kind != Kind::Object)
            return false;
        ObjectBuilder object;
        for (const InputValue &field : type->inputFields()) {
            const Ast::ObjectField *fieldLiteral = nullptr;
            for (const Ast::ObjectField &candidate : literal.fields) {
                if (candidate.name.value == field.name)
                    fieldLiteral = &candidate; // the last one, as graphql-js's keyMap
            }
            if (!fieldLiteral || isMissingVariable(fieldLiteral->value, variables)) {
                if (field.hasDefaultValue)
                    object.append(field.name, field.defaultValue);
                else if (field.type->isNonNull())
                    return false;
                continue;
            }
            Value fieldValue;
            if (!valueFromAst(fieldLiteral->value, field.type, variables, fieldValue))
                return false;
            object.append(field.name, std::move(fieldValue));
        }
        out = object.build();
        return true;
    }
    QString error;
    return type->parseLiteral(literal, variables, out, error);
}

bool coerceInputValue(const Value &input, const Type *type, Value &out, const InputErrorHandler &onError)
{
    bool ok = true;
    Value::List path;
    coerceImpl(input, type, out, ok, path, onError);
    return ok;
}

bool astFromValue(const Value &value, const Type *type, Ast::ValueNode &out)
{
    using Kind = Ast::ValueNode::Kind;
    if (type->isNonNull()) {
        if (!astFromValue(value, type->ofType(), out))
            return false;
        return out.kind != Kind::Null;
    }
    out = Ast::ValueNode();
    if (value.isNull()) {
        out.kind = Kind::Null;
        return true;
    }
    if (type->isList()) {
        if (!value.isList())
            return astFromValue(value, type->ofType(), out);
        out.kind = Kind::List;
        for (const Value &item : value.toList()) {
            // A null item of a non-null type is left out (graphql-js); any other bad item fails.
            Ast::ValueNode itemNode;
            if (astFromValue(item, type->ofType(), itemNode))
                out.list.push_back(std::move(itemNode));
            else if (!item.isNull())
                return false;
        }
        return true;
    }
    if (type->kind() == TypeKind::InputObject) {
        if (!value.isObject())
            return false;
        out.kind = Kind::Object;
        for (const InputValue &field : type->inputFields()) {
            const Value *fieldValue = value.find(field.name);
            if (!fieldValue)
                continue;
            Ast::ObjectField fieldNode;
            fieldNode.name.value = field.name;
            if (astFromValue(*fieldValue, field.type, fieldNode.value))
                out.fields.push_back(std::move(fieldNode));
            else if (!fieldValue->isNull())
                return false;
        }
        return true;
    }
    Value serialized;
    QString error;
    if (!type->serialize(value, serialized, error) || serialized.isNull())
        return false;
    switch (serialized.kind()) {
    case Value::Kind::Bool:
        out.kind = Kind::Boolean;
        out.boolean = serialized.toBool();
        return true;
    case Value::Kind::Int:
        out.kind = Kind::Int;
        out.text = QByteArray::number(serialized.toInt());
        return true;
    case Value::Kind::Float: {
        const double d = serialized.toDouble();
        if (!std::isfinite(d))
            return false;
        out.text = Json::formatDouble(d);
        out.kind = isIntegerString(out.text) ? Kind::Int : Kind::Float;
        return true;
    }
    case Value::Kind::String: {
        const QString text = serialized.toString();
        if (type->kind() == TypeKind::Enum) {
            out.kind = Kind::Enum;
            out.text = text.toUtf8();
        } else if (type->name() == "ID" && isIntegerString(text.toUtf8())) {
            out.kind = Kind::Int;
            out.text = text.toUtf8();
        } else {
            out.kind = Kind::String;
            out.string = text;
        }
        return true;
    }
    default:
        return false;
    }
}

} // namespace Subscriptor::GraphQL

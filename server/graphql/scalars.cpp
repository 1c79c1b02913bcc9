// SPDX-License-Identifier: MIT
#include "scalars.h"

#include "astprinter.h"
#include "coercion.h"
#include "json.h"
#include "schema.h"

#include <cmath>
#include <limits>

namespace Subscriptor::GraphQL {

namespace {

using Kind = Ast::ValueNode::Kind;

bool isIntegral(const Value &value)
{
    if (value.isInt())
        return true;
    const double d = value.toDouble();
    return value.isFloat() && std::isfinite(d) && d == std::floor(d);
}

bool fitsInt32(double d)
{
    return d >= std::numeric_limits<qint32>::min() && d <= std::numeric_limits<qint32>::max();
}

QString printed(const Ast::ValueNode &literal)
{
    return QString::fromUtf8(AstPrinter::printValue(literal));
}

// Numbers in strings count for serialization (a text column holding "42" is an Int).
Value numberFromString(const Value &value)
{
    if (!value.isString() || value.toString().isEmpty())
        return value;
    bool ok = false;
    const double d = value.toString().trimmed().toDouble(&ok);
    return ok ? Value(d) : value;
}

bool serializeInt(const Value &in, Value &out, QString &error)
{
    Value number = in.isBool() ? Value(in.toBool() ? 1 : 0) : numberFromString(in);
    if (!number.isNumber() || !isIntegral(number)) {
        error = QLatin1String("Int cannot represent non-integer value: ") + inspect(in);
        return false;
    }
    if (!fitsInt32(number.toDouble())) {
        error = QLatin1String("Int cannot represent non 32-bit signed integer value: ") + inspect(in);
        return false;
    }
    out = number.toInt();
    return true;
}

bool parseIntValue(const Value &in, Value &out, QString &error)
{
    if (!in.isNumber() || !isIntegral(in)) {
        error = QLatin1String("Int cannot represent non-integer value: ") + inspect(in);
        return false;
    }
    if (!fitsInt32(in.toDouble())) {
        error = QLatin1String("Int cannot represent non 32-bit signed integer value: ") + inspect(in);
        return false;
    }
    out = in.toInt();
    return true;
}

bool parseIntLiteral(const Ast::ValueNode &literal, const Value &, Value &out, QString &error)
{
    if (literal.kind != Kind::Int) {
        error = QLatin1String("Int cannot represent non-integer value: ") + printed(literal);
        return false;
    }
    bool ok = false;
    const qint64 i = literal.text.toLongLong(&ok);
    if (!ok || !fitsInt32(double(i))) {
        error = QLatin1String("Int cannot represent non 32-bit signed integer value: ") + QString::fromUtf8(literal.text);
        return false;
    }
    out = i;
    return true;
}

bool serializeFloat(const Value &in, Value &out, QString &error)
{
    Value number = in.isBool() ? Value(in.toBool() ? 1 : 0) : numberFromString(in);
    if (!number.isNumber() || !std::isfinite(number.toDouble())) {
        error = QLatin1String("Float cannot represent non numeric value: ") + inspect(in);
        return false;
    }
    out = number;
    return true;
}

bool parseFloatValue(const Value &in, Value &out, QString &error)
{
    if (!in.isNumber() || !std::isfinite(in.toDouble())) {
        error = QLatin1String("Float cannot represent non numeric value: ") + inspect(in);
        return false;
    }
    out = in;
    return true;
}

bool parseFloatLiteral(const Ast::ValueNode &literal, const Value &, Value &out, QString &error)
{
    if (literal.kind != Kind::Int && literal.kind != Kind::Float) {
        error = QLatin1String("Float cannot represent non numeric value: ") + printed(literal);
        return false;
    }
    out = Json::parse(literal.text).toDouble(); // 1e400 is Infinity, as parseFloat gives
    return true;
}

bool serializeString(const Value &in, Value &out, QString &error)
{
    switch (in.kind()) {
    case Value::Kind::String:
        out = in;
        return true;
    case Value::Kind::Bool:
        out = in.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    case Value::Kind::Int:
        out = QString::number(in.toInt());
        return true;
    case Value::Kind::Float:
        if (std::isfinite(in.toDouble())) {
            out = QString::fromLatin1(Json::formatDouble(in.toDouble()));
            return true;
        }
        break;
    default:
        break;
    }
    error = QLatin1String("String cannot represent value: ") + inspect(in);
    return false;
}

bool parseStringValue(const Value &in, Value &out, QString &error)
{
    if (!in.isString()) {
        error = QLatin1String("String cannot represent a non string value: ") + inspect(in);
        return false;
    }
    out = in;
    return true;
}

bool parseStringLiteral(const Ast::ValueNode &literal, const Value &, Value &out, QString &error)
{
    if (literal.kind != Kind::String) {
        error = QLatin1String("String cannot represent a non string value: ") + printed(literal);
        return false;
    }
    out = literal.string;
    return true;
}

bool serializeBoolean(const Value &in, Value &out, QString &error)
{
    if (in.isBool()) {
        out = in;
        return true;
    }
    if (in.isNumber() && std::isfinite(in.toDouble())) {
        out = in.toDouble() != 0;
        return true;
    }
    error = QLatin1String("Boolean cannot represent a non boolean value: ") + inspect(in);
    return false;
}

bool parseBooleanValue(const Value &in, Value &out, QString &error)
{
    if (!in.isBool()) {
        error = QLatin1String("Boolean cannot represent a non boolean value: ") + inspect(in);
        return false;
    }
    out = in;
    return true;
}

bool parseBooleanLiteral(const Ast::ValueNode &literal, const Value &, Value &out, QString &error)
{
    if (literal.kind != Kind::Boolean) {
        error = QLatin1String("Boolean cannot represent a non boolean value: ") + printed(literal);
        return false;
    }
    out = literal.boolean;
    return true;
}

// IDs are strings on the wire (spec §3.5.5); integers are accepted and become strings.
bool coerceId(const Value &in, Value &out, QString &error)
{
    if (in.isString()) {
        out = in;
        return true;
    }
    if (in.isNumber() && isIntegral(in)) {
        out = in.isInt() ? QString::number(in.toInt()) : QString::fromLatin1(Json::formatDouble(in.toDouble()));
        return true;
    }
    error = QLatin1String("ID cannot represent value: ") + inspect(in);
    return false;
}

bool parseIdLiteral(const Ast::ValueNode &literal, const Value &, Value &out, QString &error)
{
    if (literal.kind == Kind::String) {
        out = literal.string;
        return true;
    }
    if (literal.kind == Kind::Int) {
        out = QString::fromUtf8(literal.text);
        return true;
    }
    error = QLatin1String("ID cannot represent a non-string and non-integer value: ") + printed(literal);
    return false;
}

} // namespace

void addBuiltInScalars(SchemaBuilder &builder)
{
    builder.addScalarType("Int", QStringLiteral(
        "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values "
        "between -(2^31) and 2^31 - 1."))
        .setCoercion(serializeInt, parseIntValue, parseIntLiteral);
    builder.addScalarType("Float", QStringLiteral(
        "The `Float` scalar type represents signed double-precision fractional values as specified by "
        "[IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point)."))
        .setCoercion(serializeFloat, parseFloatValue, parseFloatLiteral);
    builder.addScalarType("String", QStringLiteral(
        "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String "
        "type is most often used by GraphQL to represent free-form human-readable text."))
        .setCoercion(serializeString, parseStringValue, parseStringLiteral);
    builder.addScalarType("Boolean", QStringLiteral("The `Boolean` scalar type represents `true` or `false`."))
        .setCoercion(serializeBoolean, parseBooleanValue, parseBooleanLiteral);
    builder.addScalarType("ID", QStringLiteral(
        "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a "
        "cache. The ID type appears in a JSON response as a String; however, it is not intended to be "
        "human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) "
        "input value will be accepted as an ID."))
        .setCoercion(coerceId, coerceId, parseIdLiteral);
}

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "rowcodec.h"

#include "json.h"

#include <QDateTime>

#include <cmath>

namespace Subscriptor::Model {

using GraphQL::Value;

namespace {

Value fromText(const QString &text, ColumnType type)
{
    switch (type) {
    case ColumnType::Json: {
        GraphQL::Json::ParseError error;
        Value parsed = GraphQL::Json::parse(text.toUtf8(), &error);
        return error.isError() ? Value(text) : parsed;
    }
    case ColumnType::Boolean:
        if (text == QLatin1String("true") || text == QLatin1String("1"))
            return true;
        if (text == QLatin1String("false") || text == QLatin1String("0"))
            return false;
        return text;
    default:
        return text;
    }
}

bool isIsoDateTime(const QString &text)
{
    // QDate's ISO parser reads the first ten characters and ignores what follows them.
    return QDateTime::fromString(text, Qt::ISODateWithMs).isValid()
        || (text.size() == 10 && QDate::fromString(text, Qt::ISODate).isValid())
        || QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss")).isValid();
}

} // namespace

Value RowCodec::fromSql(const QVariant &value, ColumnType type)
{
    if (value.isNull())
        return Value();
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        if (type == ColumnType::Boolean)
            return value.toLongLong() != 0;
        if (type == ColumnType::Float)
            return value.toDouble();
        return qint64(value.toLongLong());
    case QMetaType::Double:
        if (type == ColumnType::Integer && value.toDouble() == std::floor(value.toDouble()) && std::fabs(value.toDouble()) < 9e15)
            return qint64(value.toDouble());
        return value.toDouble();
    case QMetaType::QByteArray:
        return QString::fromLatin1(value.toByteArray().toBase64());
    default:
        return fromText(value.toString(), type);
    }
}

Value RowCodec::fromChangelog(const Value &value, ColumnType type)
{
    switch (value.kind()) {
    case Value::Kind::Int:
        if (type == ColumnType::Boolean)
            return value.toInt() != 0;
        if (type == ColumnType::Float)
            return value.toDouble();
        return value;
    case Value::Kind::String:
        // The changelog trigger writes blobs as hex (JSON cannot hold bytes).
        if (type == ColumnType::Blob)
            return QString::fromLatin1(QByteArray::fromHex(value.toString().toLatin1()).toBase64());
        return fromText(value.toString(), type);
    default:
        return value;
    }
}

bool RowCodec::toSql(const Value &value, const ColumnDefinition &column, QVariant &out, QString &error)
{
    if (value.isNull()) {
        out = QVariant();
        return true;
    }
    const bool integral = value.isInt() || (value.isFloat() && value.toDouble() == std::floor(value.toDouble())
                                            && std::fabs(value.toDouble()) < 9e15);
    if (column.primaryKey && column.type == ColumnType::Integer && value.isString()) {
        bool ok = false;
        const qlonglong id = value.toString().toLongLong(&ok);
        if (!ok) {
            error = QStringLiteral("Enter a whole number.");
            return false;
        }
        out = id;
        return true;
    }
    switch (column.type) {
    case ColumnType::Integer:
        if (!integral) {
            error = QStringLiteral("Enter a whole number.");
            return false;
        }
        out = qlonglong(value.toInt());
        return true;
    case ColumnType::Float:
        if (!value.isNumber() || !std::isfinite(value.toDouble())) {
            error = QStringLiteral("Enter a number.");
            return false;
        }
        out = value.toDouble();
        return true;
    case ColumnType::Boolean:
        if (!value.isBool()) {
            error = QStringLiteral("Must be true or false.");
            return false;
        }
        out = value.toBool() ? 1 : 0;
        return true;
    case ColumnType::Text:
        if (!value.isString()) {
            error = QStringLiteral("Enter text.");
            return false;
        }
        // SQLite stores UTF-8, which cannot hold a lone surrogate; it would even merge a lone high
        // surrogate with the character after it.
        if (!value.toString().isValidUtf16()) {
            error = QStringLiteral("Enter valid text: it holds a lone UTF-16 surrogate.");
            return false;
        }
        out = RowCodec::sqlText(value.toString());
        return true;
    case ColumnType::DateTime:
        if (!value.isString() || !isIsoDateTime(value.toString())) {
            error = QStringLiteral("Enter a valid ISO-8601 date and time, such as 2024-05-01T12:30:00Z.");
            return false;
        }
        out = value.toString();
        return true;
    case ColumnType::Json:
        out = QString::fromUtf8(GraphQL::Json::serialize(value));
        return true;
    case ColumnType::Blob: {
        if (!value.isString()) {
            error = QStringLiteral("Enter base64 data.");
            return false;
        }
        const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            error = QStringLiteral("Enter base64 data.");
            return false;
        }
        out = *decoded;
        return true;
    }
    }
    return false;
}

QString RowCodec::sqlText(QString text)
{
    // Qt's SQL drivers bind a null QString as NULL; an empty string is no NULL.
    if (text.isNull())
        return QStringLiteral("");
    return text;
}

QString RowCodec::idString(const Value &value)
{
    if (value.isInt())
        return QString::number(value.toInt());
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(GraphQL::Json::serialize(value));
}

} // namespace Subscriptor::Model

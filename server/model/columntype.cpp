// SPDX-License-Identifier: MIT
#include "columntype.h"

#include <QString>

namespace Subscriptor::Model {

ColumnType columnTypeFromDeclared(QStringView declaredType)
{
    const QString type = declaredType.toString().toUpper();
    // Names first: SQLite would give BOOLEAN and DATETIME numeric affinity, but they mean more.
    if (type.startsWith(QLatin1String("BOOL")))
        return ColumnType::Boolean;
    if (type.contains(QLatin1String("DATE")) || type.contains(QLatin1String("TIME")))
        return ColumnType::DateTime;
    if (type.startsWith(QLatin1String("JSON")))
        return ColumnType::Json;
    // SQLite's affinity rules, in their order.
    if (type.contains(QLatin1String("INT")))
        return ColumnType::Integer;
    if (type.contains(QLatin1String("CHAR")) || type.contains(QLatin1String("CLOB")) || type.contains(QLatin1String("TEXT")))
        return ColumnType::Text;
    if (type.contains(QLatin1String("BLOB")) || type.contains(QLatin1String("BYTEA")))
        return ColumnType::Blob;
    if (type.contains(QLatin1String("REAL")) || type.contains(QLatin1String("FLOA")) || type.contains(QLatin1String("DOUB"))
        || type.contains(QLatin1String("NUMERIC")) || type.contains(QLatin1String("DECIMAL")))
        return ColumnType::Float;
    if (type.isEmpty())
        return ColumnType::Text; // no declared type: anything goes, shown as text
    return ColumnType::Float; // NUMERIC affinity
}

QByteArray graphQLTypeName(ColumnType type, bool isPrimaryKey)
{
    if (isPrimaryKey)
        return QByteArrayLiteral("ID");
    switch (type) {
    case ColumnType::Integer: return QByteArrayLiteral("Int");
    case ColumnType::Float: return QByteArrayLiteral("Float");
    case ColumnType::Boolean: return QByteArrayLiteral("Boolean");
    case ColumnType::Text: return QByteArrayLiteral("String");
    case ColumnType::DateTime: return QByteArrayLiteral("DateTime");
    case ColumnType::Json: return QByteArrayLiteral("JSON");
    case ColumnType::Blob: return QByteArrayLiteral("String");
    }
    return QByteArrayLiteral("String");
}

const char *columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Integer: return "integer";
    case ColumnType::Float: return "float";
    case ColumnType::Boolean: return "boolean";
    case ColumnType::Text: return "text";
    case ColumnType::DateTime: return "datetime";
    case ColumnType::Json: return "json";
    case ColumnType::Blob: return "blob";
    }
    return "text";
}

} // namespace Subscriptor::Model

// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QStringView>

namespace Subscriptor::Model {

/// What a column holds, as far as the API cares. SQLite's declared types are free text; the
/// mapping follows SQLite's affinity rules (datatype3.html §3.1) with a few names of its own.
enum class ColumnType : quint8 {
    Integer,  ///< GraphQL Int (ID for a primary key)
    Float,    ///< GraphQL Float
    Boolean,  ///< GraphQL Boolean; stored as 0/1
    Text,     ///< GraphQL String
    DateTime, ///< scalar DateTime: an ISO-8601 string
    Json,     ///< scalar JSON: any JSON value, stored as text
    Blob,     ///< GraphQL String holding the bytes in base64
};

/// The column type for a declared SQL type (`VARCHAR(30)`, `BOOLEAN`, `timestamp with time zone`).
ColumnType columnTypeFromDeclared(QStringView declaredType);

/// The GraphQL type name for a column of this type (without `!`).
QByteArray graphQLTypeName(ColumnType type, bool isPrimaryKey);

/// A name for messages and the models file: `integer`, `float`, `boolean`, `text`, `datetime`, `json`, `blob`.
const char *columnTypeName(ColumnType type);

} // namespace Subscriptor::Model

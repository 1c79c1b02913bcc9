// SPDX-License-Identifier: MIT
#pragma once

#include "modeldefinition.h"
#include "value.h"

#include <QVariant>

namespace Subscriptor::Model {

/// A row as the API sees it: an object keyed by column name, values typed by column (JSON-typed,
/// as the seed's serializer gave them: `"id": 5`, `"is_superuser": false`).
using Row = GraphQL::Value;

/**
 * Converts column values between the database and the API. SQLite stores whatever a writer gave
 * it, whatever the declared type, so reading never fails: a value that does not fit its column's
 * type is returned as it is stored.
 */
class RowCodec final
{
public:
    static GraphQL::Value fromSql(const QVariant &value, ColumnType type);
    /// A value from a changelog row image (SQLite's json_object of the stored values).
    static GraphQL::Value fromChangelog(const GraphQL::Value &value, ColumnType type);
    /// An API value for a column; false with a message for the user when it does not fit.
    static bool toSql(const GraphQL::Value &value, const ColumnDefinition &column, QVariant &out, QString &error);
    /// Text to bind: never a null QString, which Qt's SQL drivers would bind as NULL.
    static QString sqlText(QString text);
    /// A primary key value as the API spells it: IDs are strings (spec §3.5.5).
    static QString idString(const GraphQL::Value &value);
};

} // namespace Subscriptor::Model

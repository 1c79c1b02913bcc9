// SPDX-License-Identifier: MIT
#pragma once

#include "columntype.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace Subscriptor::Model {

struct ColumnDefinition
{
    QString name;          ///< the SQL column name, also the key in notification `data`
    QByteArray fieldName;  ///< the GraphQL field name: camelCase of the column name
    QString declaredType;  ///< as the database declares it
    ColumnType type = ColumnType::Text;
    bool primaryKey = false;
    bool notNull = false;
    bool hasDefault = false; ///< a DEFAULT clause or an auto-incremented key: may be omitted on create
    bool unique = false;
    bool readOnly = false;   ///< not writable through the API
    QString description;
};

/**
 * A table exposed as a model (the seed's serializer): its names in the API and in notifications,
 * and the columns the API shows. `columns` holds the exposed columns in table order; `allColumns`
 * every column, for the changelog.
 */
struct ModelDefinition
{
    QString table;
    QString label;        ///< `auth.user`: `model` in notifications
    QString stream;       ///< `users`: `stream` in notifications
    QByteArray typeName;  ///< `User`
    QByteArray fieldBase; ///< `user`: user, allUsers, userCreate, userSubscription, userChanges
    QString description;
    QList<ColumnDefinition> columns;
    QList<ColumnDefinition> allColumns;

    const ColumnDefinition &primaryKey() const;
    const ColumnDefinition *column(QStringView name) const;          ///< an exposed column
    const ColumnDefinition *columnByField(QByteArrayView fieldName) const;
};

using ModelPtr = std::shared_ptr<const ModelDefinition>;

} // namespace Subscriptor::Model

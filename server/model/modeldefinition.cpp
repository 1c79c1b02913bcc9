// SPDX-License-Identifier: MIT
#include "modeldefinition.h"

namespace Subscriptor::Model {

const ColumnDefinition &ModelDefinition::primaryKey() const
{
    for (const ColumnDefinition &column : columns) {
        if (column.primaryKey)
            return column;
    }
    // The catalog refuses tables without one and always exposes it.
    Q_UNREACHABLE();
}

const ColumnDefinition *ModelDefinition::column(QStringView name) const
{
    for (const ColumnDefinition &column : columns) {
        if (column.name == name)
            return &column;
    }
    return nullptr;
}

const ColumnDefinition *ModelDefinition::columnByField(QByteArrayView fieldName) const
{
    for (const ColumnDefinition &column : columns) {
        if (column.fieldName == fieldName)
            return &column;
    }
    return nullptr;
}

} // namespace Subscriptor::Model

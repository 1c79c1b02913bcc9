// SPDX-License-Identifier: MIT
#pragma once

#include "modelstore.h"

#include <QVariant>

namespace Subscriptor::Ui {

/**
 * Cell values of the Models panel between the API's typed values (GraphQL::Value, as the store
 * reads and writes them) and what views and editors hold (QVariant), and the values of new rows.
 */
class RowValues final
{
public:
    /// Longest cell text drawn; the tooltip and the editor have the whole value.
    static constexpr int MaxDisplayChars = 300;

    /// A cell's text: numbers as JSON writes them, JSON compact, line breaks as spaces.
    static QString displayText(const GraphQL::Value &value);
    /// What an editor starts with: a number for number columns, indented JSON for JSON ones.
    static QVariant editValue(const GraphQL::Value &value, Model::ColumnType type);
    /// What an editor gave, as the column's type wants it; false with a message for the cell.
    /// The store checks the rest (NOT NULL, UNIQUE, dates), as it does for the mutations.
    static bool fromEditor(const QVariant &input, const Model::ColumnDefinition &column, GraphQL::Value &value,
                           QString &error);
    /// Values for a new row: every column the store requires (NOT NULL, no default) gets a
    /// placeholder to be edited in place (`new_username`), the others their defaults.
    static Model::Row newRow(const Model::ModelDefinition &model);
    /// A copy of `row` to create as a new row: without the key and read-only columns.
    static Model::Row copyOf(const Model::ModelDefinition &model, const Model::Row &row);
};

} // namespace Subscriptor::Ui

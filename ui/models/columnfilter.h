// SPDX-License-Identifier: MIT
#pragma once

#include "modelstore.h"

#include <QList>
#include <QString>

namespace Subscriptor::Ui {

/**
 * The little language of the Models panel's filter line, one per column, in the spirit of DB
 * Browser for SQLite: `text` (contains), `=x`, `>x`, `>=x`, `<x`, `<=x`, `a~b`, `a,b,c`, `NULL`,
 * `!NULL`. A line becomes ModelStore filters, so the database does the filtering, with bound values.
 */
class ColumnFilter final
{
public:
    /// Appends the filters of `text` for `column`; false with a message for the user when the line
    /// does not fit the column's type. An empty line adds nothing.
    static bool parse(const Model::ColumnDefinition &column, const QString &text, QList<Model::Filter> &filters,
                      QString &error);
    /// The syntax, for the filter line's tooltip.
    static QString help(const Model::ColumnDefinition &column);
};

} // namespace Subscriptor::Ui

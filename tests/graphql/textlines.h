// SPDX-License-Identifier: MIT
// Expected texts of the GraphQL tests' data rows, written as lists of C strings.
#pragma once

#include <QStringList>

#include <initializer_list>

namespace Subscriptor::Tests {

/// The items, UTF-8, as a QStringList.
inline QStringList lines(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

} // namespace Subscriptor::Tests

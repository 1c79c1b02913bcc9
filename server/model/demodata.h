// SPDX-License-Identifier: MIT
#pragma once


#include <QString>

namespace Subscriptor::Model {

class Database;

/// The demo models of the original package's README: `auth_user` (user 5 is meaghan90) and
/// `auth_group`, with a few rows. Their names follow from the derivation rule alone.
class DemoData final
{
public:
    /// Whether the database has no table of its own yet (only internal ones).
    static bool isEmpty(const Database &database);
    /// Creates the demo tables and rows in one transaction; false with a reason.
    static bool create(const Database &database, QString *error = nullptr);
};

} // namespace Subscriptor::Model

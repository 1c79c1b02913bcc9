// SPDX-License-Identifier: MIT
#pragma once

#include "catalog.h"

#include <QString>

namespace Subscriptor::Model {

class Database;

/**
 * The outbox table `subscriptor_changes` and the triggers that fill it (DESIGN.md, Storage and
 * change capture). The triggers write one changelog row per changed row inside the writer's own
 * transaction, whoever the writer is, so a rolled-back change leaves no trace and every committed
 * one is there in commit order.
 */
class Changelog final
{
public:
    static constexpr QLatin1StringView Table{"subscriptor_changes"};
    static constexpr qint64 DefaultMaxRows = 100'000;
    static constexpr int DefaultMaxAgeSeconds = 24 * 60 * 60;

    /// Creates the table and (re)creates the triggers of every model; false with a reason.
    static bool install(const Database &database, const Catalog &catalog, QString *error = nullptr);
    /// Drops every trigger (the benchmark measures writes without capture).
    static bool uninstall(const Database &database, QString *error = nullptr);
    /// The retention policy: keeps at most `maxRows` rows and nothing older than `maxAgeSeconds`
    /// (0 = no limit), but always the newest row, which the next sequence number follows. Returns
    /// the number of rows removed, -1 on error.
    static qint64 trim(const Database &database, qint64 maxRows, int maxAgeSeconds);
    /// The newest sequence number (0 when empty).
    static qint64 lastSeq(const Database &database);
};

} // namespace Subscriptor::Model

// SPDX-License-Identifier: MIT
#pragma once

#include "catalog.h"
#include "schema.h"

#include <QStringList>

#include <functional>

namespace Subscriptor::Model {
class ModelStore;
}

namespace Subscriptor::Api {

/// A subscribe or unsubscribe request of the original package's `<model>Subscription` field
/// (reference/seed-protocol.md §2.3).
struct SeedSubscriptionRequest
{
    Model::ModelPtr model;
    QString channelId;
    QString action;    ///< create, update, delete or all_actions
    QString operation; ///< subscribe or unsubscribe
    QString id;        ///< empty: any row
    QStringList fields; ///< column names; empty list given = `data: []`
    bool hasFields = false; ///< whether `data` was given at all
};

/// Carries out a seed subscription request; returns an error message, or empty on success.
using SeedSubscriptionHandler = std::function<QString(const SeedSubscriptionRequest &request)>;

/**
 * Generates the GraphQL API of a catalog (DESIGN.md, Names that clients depend on): for each model
 * a type, `user(id)`, `allUsers(…)`, `userCreate`, `userUpdate`, `userDelete`, the original's
 * `userSubscription` with its types and enums, and the standard stream `userChanges`. Resolvers
 * read and write through the ModelStore, which must outlive the schema.
 */
class ApiSchema final
{
public:
    struct Options
    {
        SeedSubscriptionHandler seedSubscription; ///< unset: requests answer ok=false
    };

    static GraphQL::SchemaPtr build(const Model::Catalog &catalog, Model::ModelStore &store, const Options &options,
                                    QStringList *errors = nullptr);
};

} // namespace Subscriptor::Api

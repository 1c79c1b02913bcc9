// SPDX-License-Identifier: MIT
#include "apischema.h"

#include "modelmutations.h"
#include "modelqueries.h"
#include "modelsubscriptions.h"
#include "modeltypes.h"

namespace Subscriptor::Api {

using namespace GraphQL;

SchemaPtr ApiSchema::build(const Model::Catalog &catalog, Model::ModelStore &store, const Options &options,
                           QStringList *errors)
{
    SchemaBuilder builder;
    builder.setDescription(QStringLiteral("GraphQL subscriptions for the rows of SQL tables."));
    Type &query = builder.addObjectType("Query", QStringLiteral("Reads of every model."));
    if (catalog.models().isEmpty()) {
        // A schema needs a query field; a database without tables still answers introspection.
        query.addField("modelCount", "Int!", QStringLiteral("How many models the database has: none yet."))
            .setResolver([](ResolveInfo &) { return Value(0); });
        return builder.build(errors);
    }
    Type &mutation = builder.addObjectType("Mutation", QStringLiteral("Writes of every model; each write notifies subscribers."));
    Type &subscription = builder.addObjectType("Subscription", QStringLiteral("Notifications of the changes of every model."));
    ModelTypes::addShared(builder);
    for (const Model::ModelPtr &model : catalog.models()) {
        ModelTypes::addModel(builder, *model);
        ModelQueries::add(builder, query, model, store);
        ModelMutations::add(mutation, model, store);
        ModelSubscriptions::add(subscription, model, options.seedSubscription);
    }
    return builder.build(errors);
}

} // namespace Subscriptor::Api

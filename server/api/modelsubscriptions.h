// SPDX-License-Identifier: MIT
#pragma once

#include "apischema.h"

namespace Subscriptor::GraphQL {
class Type;
}

namespace Subscriptor::Api {

/**
 * The subscription fields of a model: the original's `userSubscription(channelId, action,
 * operation, id, data)`, which subscribes a seed WebSocket channel when executed (over HTTP or
 * the socket), and the standard stream `userChanges(actions, id)`, whose source stream the server
 * provides; executing it maps one change event (the root value) to the response.
 */
class ModelSubscriptions final
{
public:
    static void add(GraphQL::Type &subscription, const Model::ModelPtr &model, const SeedSubscriptionHandler &handler);
};

} // namespace Subscriptor::Api

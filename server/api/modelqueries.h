// SPDX-License-Identifier: MIT
#pragma once

#include "modeldefinition.h"

namespace Subscriptor::GraphQL {
class SchemaBuilder;
class Type;
}
namespace Subscriptor::Model {
class ModelStore;
}

namespace Subscriptor::Api {

/// `user(id: ID!): User` and `allUsers(where, orderBy, limit, offset): UserListType!`, with the
/// list type, whose `results` and `totalCount` each run only when selected.
class ModelQueries final
{
public:
    static void add(GraphQL::SchemaBuilder &builder, GraphQL::Type &query, const Model::ModelPtr &model,
                    Model::ModelStore &store);
};

} // namespace Subscriptor::Api

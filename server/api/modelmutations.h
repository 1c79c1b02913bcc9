// SPDX-License-Identifier: MIT
#pragma once

#include "modeldefinition.h"

namespace Subscriptor::GraphQL {
class Type;
}
namespace Subscriptor::Model {
class ModelStore;
}

namespace Subscriptor::Api {

/// `userCreate(newUser: UserInput!)`, `userUpdate(newUser: UserInput!)` and `userDelete(id: ID!)`,
/// each returning `UserMutationResult { ok errors { field messages } user }`.
class ModelMutations final
{
public:
    static void add(GraphQL::Type &mutation, const Model::ModelPtr &model, Model::ModelStore &store);
};

} // namespace Subscriptor::Api

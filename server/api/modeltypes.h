// SPDX-License-Identifier: MIT
#pragma once

#include "modeldefinition.h"

namespace Subscriptor::GraphQL {
class SchemaBuilder;
}

namespace Subscriptor::Api {

/**
 * The output and input types of the generated API: per model its object type, input,
 * filter and order types, mutation result, field enum and the two subscription payload types; and
 * the types every model shares (the seed's enums, ErrorType, the filters, DateTime and JSON).
 */
class ModelTypes final
{
public:
    static void addShared(GraphQL::SchemaBuilder &builder);
    static void addModel(GraphQL::SchemaBuilder &builder, const Model::ModelDefinition &model);
};

} // namespace Subscriptor::Api

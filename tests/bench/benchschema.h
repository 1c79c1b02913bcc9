// SPDX-License-Identifier: MIT
#pragma once

#include "schema.h"

namespace Subscriptor::Bench {

class BenchStore;

/**
 * The benchmark's schema: users, groups and posts with lists, nested objects, an interface, an
 * enum, arguments with defaults and an input object, over the rows of `store` (which must outlive
 * the schema). `graphql_reference.mjs` builds the same schema in graphql-js: the two must print
 * the same introspection result, which the benchmark checks on every run.
 */
GraphQL::SchemaPtr benchSchema(BenchStore &store);

} // namespace Subscriptor::Bench

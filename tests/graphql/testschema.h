// SPDX-License-Identifier: MIT
#pragma once

#include "schema.h"

namespace Subscriptor::Tests {

/**
 * The schema of the GraphQL specification's validation section (§5: Dog, Cat, Pet, Sentient,
 * Human, Alien, the unions and FindDogInput, the Arguments type, Message subscriptions), joined
 * with the extra types graphql-js's validation tests use (ComplicatedArgs, ComplexInput, the
 * Being/Mammal/Canine interfaces, …). Resolvers return fixed demo values.
 */
GraphQL::SchemaPtr validationTestSchema();

} // namespace Subscriptor::Tests

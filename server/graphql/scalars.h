// SPDX-License-Identifier: MIT
#pragma once

namespace Subscriptor::GraphQL {

class SchemaBuilder;

/// Adds the five built-in scalars of spec §3.5 (Int, Float, String, Boolean, ID), with the
/// result and input coercion rules and messages of graphql-js.
void addBuiltInScalars(SchemaBuilder &builder);

} // namespace Subscriptor::GraphQL

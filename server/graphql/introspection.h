// SPDX-License-Identifier: MIT
#pragma once

namespace Subscriptor::GraphQL {

class SchemaBuilder;
class Type;

/// Adds the introspection types of spec §4.5 (__Schema, __Type, __Field, __InputValue,
/// __EnumValue, __Directive, __TypeKind, __DirectiveLocation) to a schema being built, and the
/// meta-fields `__schema`, `__type` and `__typename` (§4.2) to `metaFields`.
void addIntrospection(SchemaBuilder &builder, Type &metaFields);

} // namespace Subscriptor::GraphQL

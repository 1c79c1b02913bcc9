// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"
#include "error.h"
#include "value.h"

#include <vector>

namespace Subscriptor::GraphQL {

class Schema;
struct InputValue;

/// The values of an operation's variables (spec §6.1.2 CoerceVariableValues): the client's JSON
/// input coerced to the declared types, defaults applied. Returns false with the errors.
bool coerceVariableValues(const Schema &schema, const std::vector<Ast::VariableDefinition> &definitions,
                          const Value &inputs, Value &coerced, ErrorList &errors);

/// The values of a field's or directive's arguments (spec §6.4.1 CoerceArgumentValues), as an
/// object. Returns false with `error` set (located at `node`) when an argument is missing or invalid.
bool coerceArgumentValues(const std::vector<InputValue> &definitions, const std::vector<Ast::Argument> &arguments,
                          const Value &variables, const Ast::Location &node, Value &coerced, Error &error);

} // namespace Subscriptor::GraphQL

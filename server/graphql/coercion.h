// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"
#include "value.h"

#include <QString>

#include <functional>

namespace Subscriptor::GraphQL {

class Type;

/// How a value is quoted in error messages (graphql-js `inspect`): strings in double quotes,
/// lists and objects as JSON-like text.
QString inspect(const Value &value);

/// A literal as a plain value, with variables replaced (graphql-js valueFromASTUntyped).
Value valueFromAstUntyped(const Ast::ValueNode &literal, const Value &variables);

/**
 * Coerces a literal to an input type (spec §5.6, graphql-js valueFromAST). `variables` holds the
 * operation's coerced variable values; a variable that is not a member counts as not provided.
 * Returns false when the literal is not a valid value of the type.
 */
bool valueFromAst(const Ast::ValueNode &literal, const Type *type, const Value &variables, Value &out);

/// Reports one problem found by coerceInputValue: where (keys and indices), the bad value, why.
using InputErrorHandler = std::function<void(const Value::List &path, const Value &invalid, const QString &message)>;

/// Coerces a JSON input value (a variable's value) to an input type (spec §3.5, §3.10 "Input
/// Coercion", graphql-js coerceInputValue). Returns false after reporting every problem.
bool coerceInputValue(const Value &input, const Type *type, Value &out, const InputErrorHandler &onError);

/// An internal value as a literal of the type (graphql-js astFromValue); false when it has none.
bool astFromValue(const Value &value, const Type *type, Ast::ValueNode &out);

/// `.field[0].other`, as graphql-js prints a path inside an input value.
QString printInputPath(const Value::List &path);

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
// What the input coercion tests share: the schema the expected values were computed with in
// graphql-js, its types by reference, and literals parsed as the value of an argument.
#pragma once

#include "ast.h"
#include "schema.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace Subscriptor::Tests {

/// The coercion tests' schema (see coerciontestsupport.cpp for its SDL), built once.
const GraphQL::Schema &schema();
/// A type of schema() by reference (`Int`, `[ID!]`, …); a typo stops the test.
const GraphQL::Type *type(QByteArrayView reference);
/// A literal, parsed as the value of an argument.
std::shared_ptr<const GraphQL::Ast::Document> parseLiteral(const QByteArray &literal, const GraphQL::Ast::ValueNode **node);

} // namespace Subscriptor::Tests

// SPDX-License-Identifier: MIT
// What the validator tests share: the validation test schema, and the data tables whose rows give
// a document with the rules of all its errors and the first error's message and location.
#pragma once

#include "ast.h"
#include "schema.h"

#include <QString>

#include <initializer_list>

namespace Subscriptor::Tests {

// Each row: a document, the rules of all its errors in the order they are reported, and the message
// and line:column of the first error. The expected results are graphql-js 16.15's unless a comment
// says otherwise.
void addColumns();
void valid(const char *name, const char *document);
void invalid(const char *name, const char *document, std::initializer_list<const char *> rules, const char *message,
             const char *location);

/// A location as `line:column`.
QString locationText(const GraphQL::Ast::Location &location);

/// The validation test schema, loaded by a test case's initTestCase(), and the check of an
/// addColumns() row against it.
class ValidatorFixture
{
protected:
    ValidatorFixture() = default;
    ~ValidatorFixture() = default;
    Q_DISABLE_COPY_MOVE(ValidatorFixture)

    void loadSchema();
    void checkRow();

    GraphQL::SchemaPtr m_schema;
};

} // namespace Subscriptor::Tests

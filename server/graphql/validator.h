// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"
#include "error.h"

namespace Subscriptor::GraphQL {

class Schema;

/**
 * Checks an executable document against a schema: every rule of spec §5 (October 2021) that
 * applies to executable documents. Each error names its rule in `Error::rule` by the name
 * graphql-js gives it (`ScalarLeafsRule`, `OverlappingFieldsCanBeMergedRule`, …), so results can
 * be compared with the reference implementation's.
 */
class Validator final
{
public:
    /// The errors in the document; empty when it is valid.
    static ErrorList validate(const Schema &schema, const Ast::Document &document);
};

} // namespace Subscriptor::GraphQL

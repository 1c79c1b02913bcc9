// SPDX-License-Identifier: MIT
// What the parser tests share: locations and parse errors as text, `@line:column`.
#pragma once

#include "ast.h"
#include "parser.h"

#include <QString>

namespace Subscriptor::Tests {

inline QString at(const GraphQL::Ast::Location &location)
{
    return QStringLiteral("@%1:%2").arg(location.line).arg(location.column);
}

inline QString describeError(const GraphQL::ParseResult &result)
{
    if (!result.error)
        return QStringLiteral("no error");
    const GraphQL::Error &error = *result.error;
    return error.message + u' ' + (error.locations.isEmpty() ? QStringLiteral("(no location)") : at(error.locations.first()));
}

} // namespace Subscriptor::Tests

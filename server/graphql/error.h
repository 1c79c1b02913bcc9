// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"
#include "value.h"

#include <QList>
#include <QString>

namespace Subscriptor::GraphQL {

/// A GraphQL error as the response format describes it (spec §7.1.2).
struct Error
{
    QString message;
    QList<Ast::Location> locations;
    Value path;       ///< a list of response keys and indices, or null
    Value extensions; ///< an object, or null
    QByteArray rule;  ///< for validation errors: the rule, by its graphql-js name (ScalarLeafsRule)

    Error() = default;
    Error(QString message, QList<Ast::Location> locations = {}, QByteArray rule = {})
        : message(std::move(message)), locations(std::move(locations)), rule(std::move(rule))
    {
    }

    /// `{"message", "locations", "path", "extensions"}`, each key only when it has a value.
    Value toValue() const;
    bool operator==(const Error &other) const = default;
};

using ErrorList = QList<Error>;

/// The errors as a JSON list value.
Value errorsToValue(const ErrorList &errors);

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "error.h"

namespace Subscriptor::GraphQL {

Value Error::toValue() const
{
    ObjectBuilder object(4);
    object.append(QByteArrayLiteral("message"), message);
    if (!locations.isEmpty()) {
        Value::List list;
        list.reserve(locations.size());
        for (const Ast::Location &location : locations) {
            list.append(ObjectBuilder(2)
                            .append(QByteArrayLiteral("line"), location.line)
                            .append(QByteArrayLiteral("column"), location.column)
                            .build());
        }
        object.append(QByteArrayLiteral("locations"), std::move(list));
    }
    if (!path.isNull())
        object.append(QByteArrayLiteral("path"), path);
    if (!extensions.isNull())
        object.append(QByteArrayLiteral("extensions"), extensions);
    return object.build();
}

Value errorsToValue(const ErrorList &errors)
{
    Value::List list;
    list.reserve(errors.size());
    for (const Error &error : errors)
        list.append(error.toValue());
    return list;
}

} // namespace Subscriptor::GraphQL

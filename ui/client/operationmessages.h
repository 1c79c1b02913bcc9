// SPDX-License-Identifier: MIT
#pragma once

#include "value.h"

#include <QString>

namespace Subscriptor::Client {

/// The JSON the clients send: `{"query", "variables", "operationName", "extensions"}` payloads
/// and `{"id", "type", "payload"}` messages of graphql-transport-ws and legacy graphql-ws.
class OperationMessages final
{
public:
    static GraphQL::Value payload(const QString &query, const GraphQL::Value &variables, const QString &operationName,
                                  const GraphQL::Value &extensions);
    static QString message(const char *type, const QString &id = {}, const GraphQL::Value &payload = {});
};

} // namespace Subscriptor::Client

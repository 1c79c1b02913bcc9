// SPDX-License-Identifier: MIT
#include "operationmessages.h"

#include "json.h"

namespace Subscriptor::Client {

using namespace GraphQL;

Value OperationMessages::payload(const QString &query, const Value &variables, const QString &operationName,
                                 const Value &extensions)
{
    ObjectBuilder payload(4);
    payload.append("query", query);
    if (!variables.isNull())
        payload.append("variables", variables);
    if (!operationName.isEmpty())
        payload.append("operationName", operationName);
    if (!extensions.isNull())
        payload.append("extensions", extensions);
    return payload.build();
}

QString OperationMessages::message(const char *type, const QString &id, const Value &payload)
{
    ObjectBuilder object(3);
    if (!id.isEmpty())
        object.append("id", id);
    object.append("type", QString::fromLatin1(type));
    if (!payload.isNull())
        object.append("payload", payload);
    return QString::fromUtf8(Json::serialize(object.build()));
}

} // namespace Subscriptor::Client

// SPDX-License-Identifier: MIT
#include "legacywsclient.h"

#include "json.h"
#include "operationmessages.h"

namespace Subscriptor::Client {

using namespace GraphQL;

LegacyWsClient::LegacyWsClient(QObject *parent) : ClientConnection(Protocol::LegacyWs, parent) { }

void LegacyWsClient::opened()
{
    sendText(OperationMessages::message("connection_init", {}, Value(Value::Object())));
}

QString LegacyWsClient::send(const QString &query, const Value &variables, const QString &operationName,
                             const Value &extensions)
{
    if (state() != State::Ready)
        return {};
    const QString id = nextOperationId();
    sendText(OperationMessages::message("start", id, OperationMessages::payload(query, variables, operationName, extensions)));
    return id;
}

void LegacyWsClient::stop(const QString &operationId)
{
    if (state() == State::Ready)
        sendText(OperationMessages::message("stop", operationId));
}

void LegacyWsClient::textReceived(const QString &text)
{
    const Value frame = Json::parse(text.toUtf8());
    const QString type = frame.value("type").toString();
    const QString id = frame.value("id").toString();
    if (type == QLatin1String("connection_ack"))
        setState(State::Ready);
    else if (type == QLatin1String("data"))
        Q_EMIT result(id, frame.value("payload"));
    else if (type == QLatin1String("error"))
        Q_EMIT operationError(id, Value(Value::List{frame.value("payload")}));
    else if (type == QLatin1String("complete"))
        Q_EMIT completed(id);
}

} // namespace Subscriptor::Client

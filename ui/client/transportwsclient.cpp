// SPDX-License-Identifier: MIT
#include "transportwsclient.h"

#include "json.h"
#include "operationmessages.h"

namespace Subscriptor::Client {

using namespace GraphQL;

TransportWsClient::TransportWsClient(QObject *parent) : ClientConnection(Protocol::TransportWs, parent) { }

void TransportWsClient::opened()
{
    sendText(OperationMessages::message("connection_init", {}, Value(Value::Object())));
}

QString TransportWsClient::send(const QString &query, const Value &variables, const QString &operationName,
                                const Value &extensions)
{
    if (state() != State::Ready)
        return {};
    const QString id = nextOperationId();
    sendText(OperationMessages::message("subscribe", id, OperationMessages::payload(query, variables, operationName, extensions)));
    return id;
}

void TransportWsClient::stop(const QString &operationId)
{
    if (state() == State::Ready)
        sendText(OperationMessages::message("complete", operationId));
}

void TransportWsClient::textReceived(const QString &text)
{
    const Value frame = Json::parse(text.toUtf8());
    const QString type = frame.value("type").toString();
    const QString id = frame.value("id").toString();
    if (type == QLatin1String("connection_ack"))
        setState(State::Ready);
    else if (type == QLatin1String("ping"))
        sendText(OperationMessages::message("pong", {}, frame.value("payload")));
    else if (type == QLatin1String("next"))
        Q_EMIT result(id, frame.value("payload"));
    else if (type == QLatin1String("error"))
        Q_EMIT operationError(id, frame.value("payload"));
    else if (type == QLatin1String("complete"))
        Q_EMIT completed(id);
}

} // namespace Subscriptor::Client

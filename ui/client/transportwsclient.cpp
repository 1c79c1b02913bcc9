// SPDX-License-Identifier: MIT
#include "transportwsclient.h"

#include "json.h"

namespace Subscriptor::Client {

using namespace GraphQL;

namespace {

QString encode(const Value &value)
{
    return QString::fromUtf8(Json::serialize(value));
}

Value operationPayload(const QString &query, const Value &variables, const QString &operationName, const Value &extensions)
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

QString message(const char *type, const QString &id = {}, const Value &payload = {})
{
    ObjectBuilder object(3);
    if (!id.isEmpty())
        object.append("id", id);
    object.append("type", QString::fromLatin1(type));
    if (!payload.isNull())
        object.append("payload", payload);
    return encode(object.build());
}

} // namespace

TransportWsClient::TransportWsClient(QObject *parent) : ClientConnection(Protocol::TransportWs, parent) { }

void TransportWsClient::opened()
{
    sendText(message("connection_init", {}, Value(Value::Object())));
}

QString TransportWsClient::send(const QString &query, const Value &variables, const QString &operationName,
                                const Value &extensions)
{
    if (state() != State::Ready)
        return {};
    const QString id = nextOperationId();
    sendText(message("subscribe", id, operationPayload(query, variables, operationName, extensions)));
    return id;
}

void TransportWsClient::stop(const QString &operationId)
{
    if (state() == State::Ready)
        sendText(message("complete", operationId));
}

void TransportWsClient::textReceived(const QString &text)
{
    const Value frame = Json::parse(text.toUtf8());
    const QString type = frame.value("type").toString();
    const QString id = frame.value("id").toString();
    if (type == QLatin1String("connection_ack"))
        setState(State::Ready);
    else if (type == QLatin1String("ping"))
        sendText(message("pong", {}, frame.value("payload")));
    else if (type == QLatin1String("next"))
        Q_EMIT result(id, frame.value("payload"));
    else if (type == QLatin1String("error"))
        Q_EMIT operationError(id, frame.value("payload"));
    else if (type == QLatin1String("complete"))
        Q_EMIT completed(id);
}

LegacyWsClient::LegacyWsClient(QObject *parent) : ClientConnection(Protocol::LegacyWs, parent) { }

void LegacyWsClient::opened()
{
    sendText(message("connection_init", {}, Value(Value::Object())));
}

QString LegacyWsClient::send(const QString &query, const Value &variables, const QString &operationName,
                             const Value &extensions)
{
    if (state() != State::Ready)
        return {};
    const QString id = nextOperationId();
    sendText(message("start", id, operationPayload(query, variables, operationName, extensions)));
    return id;
}

void LegacyWsClient::stop(const QString &operationId)
{
    if (state() == State::Ready)
        sendText(message("stop", operationId));
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

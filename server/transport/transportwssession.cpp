// SPDX-License-Identifier: MIT
#include "transportwssession.h"

#include "json.h"

#include <QLoggingCategory>

namespace Subscriptor::Transport {

Q_LOGGING_CATEGORY(lcTransportWs, "subscriptor.graphql-transport-ws")

using namespace GraphQL;

namespace {

bool isObjectOrNull(const Value *value)
{
    return !value || value->isNull() || value->isObject();
}

bool isNonEmptyString(const Value *value)
{
    return value && value->isString() && !value->toString().isEmpty();
}

} // namespace

TransportWsSession::TransportWsSession(QWebSocket *socket, quint64 id, const Limits &limits, int initTimeoutMs,
                                       Backend &backend, PubSub::SubscriptionRegistry &registry, QObject *parent)
    : GraphQLWsSession(socket, id, limits, backend, registry, parent), m_initTimeoutMs(initTimeoutMs)
{
    m_connected.start();
}

void TransportWsSession::sweep(qint64 nowMs)
{
    GraphQLWsSession::sweep(nowMs);
    if (!m_initReceived && !isClosing() && m_initTimeoutMs > 0 && m_connected.elapsed() > m_initTimeoutMs)
        close(TransportWsCloseCode::ConnectionInitialisationTimeout, QStringLiteral("Connection initialisation timeout"));
}

void TransportWsSession::invalid(const QString &reason)
{
    qCInfo(lcTransportWs) << "connection" << id() << "sent an invalid message:" << reason;
    close(TransportWsCloseCode::BadRequest, reason);
}

void TransportWsSession::textReceived(const QString &text)
{
    Json::ParseError parseError;
    const Value frame = Json::parse(text.toUtf8(), &parseError);
    const Value *type = frame.find("type");
    if (parseError.isError() || !frame.isObject() || !type || !type->isString()) {
        invalid(QStringLiteral("Invalid message received"));
        return;
    }
    const QString kind = type->toString();
    const Value *payload = frame.find("payload");
    const Value *id = frame.find("id");

    if (kind == QLatin1String("connection_init")) {
        if (!isObjectOrNull(payload))
            return invalid(QStringLiteral("Invalid message received"));
        if (m_initReceived)
            return close(TransportWsCloseCode::TooManyInitialisationRequests, QStringLiteral("Too many initialisation requests"));
        m_initReceived = true;
        m_acknowledged = true; // before the ack goes out: a fast `subscribe` must find it set
        sendText(message(QLatin1StringView("connection_ack")));
    } else if (kind == QLatin1String("ping")) {
        if (!isObjectOrNull(payload))
            return invalid(QStringLiteral("Invalid message received"));
        sendText(message(QLatin1StringView("pong"), {}, payload ? *payload : Value(), payload && !payload->isNull()));
    } else if (kind == QLatin1String("pong")) {
        if (!isObjectOrNull(payload))
            return invalid(QStringLiteral("Invalid message received"));
    } else if (kind == QLatin1String("subscribe")) {
        if (!isNonEmptyString(id) || !payload || !payload->isObject() || !payload->value("query").isString()
            || !isObjectOrNull(payload->find("variables")) || !isObjectOrNull(payload->find("extensions"))
            || !(payload->value("operationName").isNull() || payload->value("operationName").isString())) {
            return invalid(QStringLiteral("Invalid message received"));
        }
        if (!m_acknowledged)
            return close(TransportWsCloseCode::Unauthorized, QStringLiteral("Unauthorized"));
        const QString operationId = id->toString();
        if (isActive(operationId))
            return close(TransportWsCloseCode::SubscriberAlreadyExists,
                         QStringLiteral("Subscriber for %1 already exists").arg(operationId));
        startOperation(operationId, *payload);
    } else if (kind == QLatin1String("complete")) {
        if (!isNonEmptyString(id))
            return invalid(QStringLiteral("Invalid message received"));
        stopOperation(id->toString()); // an unknown or finished id is ignored (§1.2)
    } else {
        // Server-to-client types (next, error, connection_ack) and unknown ones (§1.2: 4400).
        invalid(QStringLiteral("Unexpected message type \"%1\"").arg(kind.left(40)));
    }
}

void TransportWsSession::sendErrors(const QString &id, const ErrorList &errors)
{
    sendText(message(QLatin1StringView("error"), id, errorsToValue(errors), true));
}

void TransportWsSession::sendComplete(const QString &id)
{
    sendText(message(QLatin1StringView("complete"), id));
}

} // namespace Subscriptor::Transport

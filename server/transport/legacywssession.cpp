// SPDX-License-Identifier: MIT
#include "legacywssession.h"

#include "json.h"

namespace Subscriptor::Transport {

using namespace GraphQL;

namespace {

// The first protocol version's message types; the reference server ignores them (§2).
bool isObsoleteType(const QString &type)
{
    static const QStringList obsolete = {
        QStringLiteral("init"), QStringLiteral("init_success"), QStringLiteral("init_fail"), QStringLiteral("keepalive"),
        QStringLiteral("subscription_start"), QStringLiteral("subscription_data"), QStringLiteral("subscription_success"),
        QStringLiteral("subscription_fail"), QStringLiteral("subscription_end")};
    return obsolete.contains(type);
}

QString idText(const Value *id)
{
    if (!id)
        return {};
    return id->isString() ? id->toString() : QString::fromUtf8(Json::serialize(*id));
}

} // namespace

LegacyWsSession::LegacyWsSession(QWebSocket *socket, quint64 id, const Limits &limits, int keepAliveMs, Backend &backend,
                                 PubSub::SubscriptionRegistry &registry, QObject *parent)
    : GraphQLWsSession(socket, id, limits, backend, registry, parent), m_keepAliveMs(keepAliveMs)
{
}

void LegacyWsSession::sendKeepAlive()
{
    sendText(message(QLatin1StringView("ka")));
    m_sinceKeepAlive.start();
}

void LegacyWsSession::sweep(qint64 nowMs)
{
    GraphQLWsSession::sweep(nowMs);
    if (m_acknowledged && !isClosing() && m_keepAliveMs > 0 && m_sinceKeepAlive.elapsed() >= m_keepAliveMs)
        sendKeepAlive();
}

void LegacyWsSession::textReceived(const QString &text)
{
    Json::ParseError parseError;
    const Value frame = Json::parse(text.toUtf8(), &parseError);
    if (parseError.isError() || !frame.isObject()) {
        // Answered, not closed, as the reference server does.
        sendText(message(QLatin1StringView("connection_error"), {},
                               ObjectBuilder(1).append("message", QStringLiteral("Message must be a JSON object.")).build(), true));
        return;
    }
    const QString type = frame.value("type").toString();
    const Value *id = frame.find("id");
    const Value payload = frame.value("payload");

    if (type == QLatin1String("connection_init")) {
        m_acknowledged = true;
        sendText(message(QLatin1StringView("connection_ack")));
        if (m_keepAliveMs > 0)
            sendKeepAlive(); // right after the ack (§2)
    } else if (type == QLatin1String("start")) {
        const QString operationId = idText(id);
        if (operationId.isEmpty() || !payload.isObject()) {
            sendErrors(operationId, {Error(QStringLiteral("A start message needs an id and a payload object."))});
            return;
        }
        stopOperation(operationId); // a repeated id replaces the operation (§2)
        startOperation(operationId, payload);
    } else if (type == QLatin1String("stop")) {
        const QString operationId = idText(id);
        if (stopOperation(operationId))
            sendComplete(operationId);
    } else if (type == QLatin1String("connection_terminate")) {
        close(1000, QStringLiteral("Terminated by the client"));
    } else if (!isObsoleteType(type)) {
        sendErrors(idText(id), {Error(QStringLiteral("Invalid message type!"))});
    }
}

void LegacyWsSession::sendErrors(const QString &id, const ErrorList &errors)
{
    // The legacy protocol's error payload is one error object, not a list.
    sendText(message(QLatin1StringView("error"), id.isEmpty() ? QString() : id,
                     errors.isEmpty() ? Value() : errors.first().toValue(), true));
}

void LegacyWsSession::sendComplete(const QString &id)
{
    sendText(message(QLatin1StringView("complete"), id));
}

} // namespace Subscriptor::Transport

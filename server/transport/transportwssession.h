// SPDX-License-Identifier: MIT
#pragma once

#include "graphqlwssession.h"

#include <QElapsedTimer>

namespace Subscriptor::Transport {

/// The close codes of graphql-transport-ws (reference/graphql-servers.md §1.3).
namespace TransportWsCloseCode {
inline constexpr quint16 BadRequest = 4400;
inline constexpr quint16 Unauthorized = 4401;
inline constexpr quint16 Forbidden = 4403;
inline constexpr quint16 SubprotocolNotAcceptable = 4406;
inline constexpr quint16 ConnectionInitialisationTimeout = 4408;
inline constexpr quint16 SubscriberAlreadyExists = 4409;
inline constexpr quint16 TooManyInitialisationRequests = 4429;
inline constexpr quint16 InternalServerError = 4500;
}

/**
 * The `graphql-transport-ws` protocol (enisdenjo/graphql-ws PROTOCOL.md; reference/graphql-servers.md
 * §1): `connection_init` within a timeout, `subscribe`/`next`/`error`/`complete`, `ping`/`pong`,
 * and its close codes. The connection is marked acknowledged before `connection_ack` goes out
 * (graphql-ws #501).
 */
class TransportWsSession final : public GraphQLWsSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransportWsSession)

public:
    static constexpr QLatin1StringView Subprotocol{"graphql-transport-ws"};

    TransportWsSession(QWebSocket *socket, quint64 id, const Limits &limits, int initTimeoutMs, Backend &backend,
                       PubSub::SubscriptionRegistry &registry, QObject *parent = nullptr);

    QString protocolName() const override { return QString(Subprotocol); }
    void sweep(qint64 nowMs) override;

protected:
    void textReceived(const QString &message) override;
    QLatin1StringView resultType() const override { return QLatin1StringView("next"); }
    void sendErrors(const QString &id, const GraphQL::ErrorList &errors) override;
    void sendComplete(const QString &id) override;

private:
    void invalid(const QString &reason);

    const int m_initTimeoutMs;
    QElapsedTimer m_connected;
    bool m_initReceived = false;
    bool m_acknowledged = false;
};

} // namespace Subscriptor::Transport

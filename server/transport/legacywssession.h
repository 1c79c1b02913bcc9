// SPDX-License-Identifier: MIT
#pragma once

#include "graphqlwssession.h"

#include <QElapsedTimer>

namespace Subscriptor::Transport {

/**
 * The legacy `graphql-ws` protocol of subscriptions-transport-ws (its PROTOCOL.md;
 * reference/graphql-servers.md §2): `connection_init`/`connection_ack`, `ka` keep-alives right
 * after the ack and then at an interval, `start`/`data`/`error`/`complete`/`stop`,
 * `connection_terminate`. A repeated `start` id replaces the operation; bad input is answered
 * without closing the socket, as the reference server does.
 */
class LegacyWsSession final : public GraphQLWsSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LegacyWsSession)

public:
    static constexpr QLatin1StringView Subprotocol{"graphql-ws"};

    LegacyWsSession(QWebSocket *socket, quint64 id, const Limits &limits, int keepAliveMs, Backend &backend,
                    PubSub::SubscriptionRegistry &registry, QObject *parent = nullptr);

    QString protocolName() const override { return QString(Subprotocol); }
    void sweep(qint64 nowMs) override;

protected:
    void textReceived(const QString &message) override;
    QLatin1StringView resultType() const override { return QLatin1StringView("data"); }
    void sendErrors(const QString &id, const GraphQL::ErrorList &errors) override;
    void sendComplete(const QString &id) override;

private:
    void sendKeepAlive();

    const int m_keepAliveMs;
    QElapsedTimer m_sinceKeepAlive;
    bool m_acknowledged = false;
};

} // namespace Subscriptor::Transport

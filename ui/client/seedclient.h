// SPDX-License-Identifier: MIT
#pragma once

#include "clientconnection.h"

namespace Subscriptor::Client {

/**
 * A client of the original package's protocol: ready once the server sends its channel id;
 * GraphQL goes over the socket's `graphql` stream (Subscriptor's extension), so subscribing with
 * `<model>Subscription(channelId: …)` needs no HTTP client. Notifications and acks arrive as the
 * original sent them.
 */
class SeedClient final : public ClientConnection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeedClient)

public:
    explicit SeedClient(QObject *parent = nullptr);

    QString channelId() const { return m_channelId; }
    QString send(const QString &query, const GraphQL::Value &variables = {}, const QString &operationName = {},
                 const GraphQL::Value &extensions = {}) override;
    /// Seed subscriptions live on the server; end them with an UNSUBSCRIBE operation.
    void stop(const QString &) override { }

Q_SIGNALS:
    void channelAssigned(const QString &channelId);
    /// `{"stream", "payload": {"action", "data", "model"}}`
    void notification(const QString &stream, const Subscriptor::GraphQL::Value &payload);
    /// `{"stream", "operation", "action", "ok", "error"}`
    void acknowledged(const Subscriptor::GraphQL::Value &ack);

protected:
    void opened() override { }
    void textReceived(const QString &text) override;
    void reset() override { m_channelId.clear(); }

private:
    QString m_channelId;
};

} // namespace Subscriptor::Client

// SPDX-License-Identifier: MIT
#pragma once

#include "apischema.h"
#include "subscription.h"
#include "websocketsession.h"

#include <QHash>

#include <memory>

namespace Subscriptor {
class Backend;
}
namespace Subscriptor::PubSub {
class SubscriptionRegistry;
}

namespace Subscriptor::Transport {

/**
 * The original package's demultiplexed-stream protocol (a WebSocket with no subprotocol,
 * reference/seed-protocol.md): a channel id on connect; subscriptions made by the
 * `<model>Subscription` GraphQL field (over HTTP, or over this socket on the `graphql` stream);
 * notifications as `{"stream", "payload": {"action", "data", "model"}}`. Unlike the original, each
 * subscription keeps its own field selection, a change reaches a connection once however many
 * of its subscriptions match it, and subscriptions end with the socket.
 */
class SeedSession final : public WebSocketSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeedSession)

public:
    SeedSession(QWebSocket *socket, quint64 id, const Limits &limits, Backend &backend,
                PubSub::SubscriptionRegistry &registry, QObject *parent = nullptr);
    ~SeedSession() override;

    QString protocolName() const override { return QStringLiteral("seed"); }
    int subscriptionCount() const override { return int(m_subscriptions.size()); }
    QList<SubscriptionStatus> subscriptionStatus() const override;
    const QString &channelId() const { return m_channelId; }
    /// Carries out a subscribe or unsubscribe and sends the ack; returns an error, or empty.
    QString handle(const Api::SeedSubscriptionRequest &request);
    /// `<10 letters>!<10 letters>` from the system's cryptographic random source (§2.2).
    static QString newChannelId();

protected:
    void textReceived(const QString &message) override;
    void binaryReceived(const QByteArray &message) override;
    void endSubscriptions() override;

private:
    class SeedSubscription;
    /// Called for each of its subscriptions that matches a change (`matched`, perhaps others
    /// too): sends the change once.
    void deliver(const SeedSubscription &matched, const Model::ChangeEvent &event, PubSub::EventEncodings &encodings);
    struct Key
    {
        QString table;
        int action;
        QString rowId;
        bool operator==(const Key &other) const = default;
    };
    friend size_t qHash(const Key &key, size_t seed) { return qHashMulti(seed, key.table, key.action, key.rowId); }

    void runGraphQL(const GraphQL::Value &payload);

    Backend &m_backend;
    PubSub::SubscriptionRegistry &m_registry;
    QString m_channelId;
    QHash<Key, std::shared_ptr<SeedSubscription>> m_subscriptions;
    qint64 m_lastDeliveredSeq = -1;
};

} // namespace Subscriptor::Transport

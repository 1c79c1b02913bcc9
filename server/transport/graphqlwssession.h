// SPDX-License-Identifier: MIT
#pragma once

#include "executor.h"
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
 * What graphql-transport-ws and legacy graphql-ws share: operations by client id, each a query or
 * mutation answered once, or a subscription to a change stream (`<model>Changes`) that sends one
 * result per matching change. Identical selections on the same change are executed and encoded
 * once (the registry's EventEncodings); each result carries the change's `seq` in `extensions`.
 * A subscription may resume after a seq: the changes since then are replayed from the changelog
 * first, in order, then live ones follow with no gap.
 */
class GraphQLWsSession : public WebSocketSession
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphQLWsSession)

public:
    /// Most changes replayed for one resuming subscription; a longer gap is refused.
    static constexpr int MaxReplayedChanges = 10'000;

    GraphQLWsSession(QWebSocket *socket, quint64 id, const Limits &limits, Backend &backend,
                     PubSub::SubscriptionRegistry &registry, QObject *parent = nullptr);
    ~GraphQLWsSession() override;

    int subscriptionCount() const override { return int(m_streams.size()); }
    QList<SubscriptionStatus> subscriptionStatus() const override;

protected:
    /// Runs the operation of a subscribe/start message. Its results, errors and completion go out
    /// through the protocol's messages below.
    void startOperation(const QString &id, const GraphQL::Value &payload);
    /// Ends a stream operation; false when there was none with this id.
    bool stopOperation(const QString &id);
    bool isActive(const QString &id) const { return m_streams.contains(id); }

    /// The `type` of a result message: `next` (graphql-transport-ws) or `data` (legacy).
    virtual QLatin1StringView resultType() const = 0;
    virtual void sendErrors(const QString &id, const GraphQL::ErrorList &errors) = 0;
    virtual void sendComplete(const QString &id) = 0;
    /// `{"id": …, "type": …, "payload": …}` with an already encoded payload.
    void sendResult(const QString &id, const QByteArray &payload);
    static QString message(QLatin1StringView type, const QString &id = {}, const GraphQL::Value &payload = {},
                           bool withPayload = false);
    void endSubscriptions() override;

private:
    class Stream;
    bool replay(Stream &stream, qint64 afterSeq, QString &error);

    Backend &m_backend;
    PubSub::SubscriptionRegistry &m_registry;
    QHash<QString, std::shared_ptr<Stream>> m_streams;
};

} // namespace Subscriptor::Transport

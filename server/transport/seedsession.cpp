// SPDX-License-Identifier: MIT
#include "seedsession.h"

#include "backend.h"
#include "eventencodings.h"
#include "json.h"
#include "naming.h"
#include "seedframes.h"
#include "subscriptionregistry.h"

#include <QRandomGenerator>

namespace Subscriptor::Transport {

using namespace GraphQL;

namespace {

constexpr int ChannelIdHalfLength = 10;
constexpr QLatin1StringView GraphQLStream{"graphql"};

const QStringList &actionNames()
{
    static const QStringList names = {QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("delete")};
    return names;
}

} // namespace

/// One (model, action, row) subscription of a seed connection, with its own field selection.
class SeedSession::SeedSubscription final : public PubSub::Subscription
{
public:
    SeedSubscription(SeedSession &session, Model::ModelPtr model, int action, QString rowId, QStringList columns)
        : Subscription(std::move(model), PubSub::ActionMask(1u << action), std::move(rowId)), m_session(session),
          columns(std::move(columns)), encodingKey(encodingKeyOf(this->columns))
    {
    }

    /// What tells one seed notification of a change from another: the columns it carries.
    static QByteArray encodingKeyOf(const QStringList &columns) { return "seed\x1f" + columns.join(u'\x1f').toUtf8(); }

    void deliver(const Model::ChangeEvent &event, PubSub::EventEncodings &encodings) override
    {
        countDelivery();
        m_session.deliver(*this, event, encodings);
    }

    SeedSession &m_session;
    QStringList columns;
    QByteArray encodingKey; // of `columns`, made once
};

QString SeedSession::newChannelId()
{
    static constexpr char Letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    QString id;
    for (int i = 0; i < 2 * ChannelIdHalfLength; ++i) {
        if (i == ChannelIdHalfLength)
            id += u'!';
        id += QLatin1Char(Letters[QRandomGenerator::system()->bounded(52)]);
    }
    return id;
}

SeedSession::SeedSession(QWebSocket *socket, quint64 id, const Limits &limits, Backend &backend,
                         PubSub::SubscriptionRegistry &registry, QObject *parent)
    : WebSocketSession(socket, id, limits, parent), m_backend(backend), m_registry(registry), m_channelId(newChannelId())
{
    sendText(SeedFrames::connect(m_channelId));
}

SeedSession::~SeedSession()
{
    endSubscriptions();
}

QString SeedSession::handle(const Api::SeedSubscriptionRequest &request)
{
    if (isClosing())
        return QStringLiteral("The WebSocket channel %1 is closing.").arg(m_channelId);
    const bool subscribe = request.operation == QLatin1String("subscribe");
    // Changes carry an integer key as the database writes it ("5"): "05" or " 5" must name that row.
    QString rowId = request.id;
    if (!request.id.isEmpty() && request.model->primaryKey().type == Model::ColumnType::Integer) {
        bool ok = false;
        const qint64 value = request.id.toLongLong(&ok);
        if (!ok)
            return QStringLiteral("id must be an integer for %1, not \"%2\".").arg(request.model->stream, request.id);
        rowId = QString::number(value);
    }
    QStringList columns;
    for (const Model::ColumnDefinition &column : request.model->columns) {
        if (!request.hasFields || request.fields.contains(column.name))
            columns.append(column.name);
    }
    const QStringList actions = request.action == QLatin1String("all_actions") ? actionNames() : QStringList{request.action};
    // A seed subscription is per action, so ALL_ACTIONS counts three against the limit.
    if (subscribe) {
        int added = 0;
        for (const QString &action : actions)
            added += m_subscriptions.contains(Key{request.model->table, int(actionNames().indexOf(action)), rowId}) ? 0 : 1;
        if (subscriptionCount() + added > limits().maxSubscriptions)
            return QStringLiteral("This connection has reached its limit of %1 subscriptions.").arg(limits().maxSubscriptions);
    }
    for (const QString &action : actions) {
        const int index = int(actionNames().indexOf(action));
        const Key key{request.model->table, index, rowId};
        if (auto existing = m_subscriptions.take(key))
            m_registry.remove(existing.get());
        if (!subscribe)
            continue; // unsubscribing what was never subscribed is fine, as in the original (§6.5)
        auto subscription = std::make_shared<SeedSubscription>(*this, request.model, index, rowId, columns);
        m_registry.add(subscription.get());
        m_subscriptions.insert(key, std::move(subscription));
    }
    sendText(SeedFrames::ack(request.model->stream, request.operation, request.action));
    return {};
}

QList<SubscriptionStatus> SeedSession::subscriptionStatus() const
{
    QList<SubscriptionStatus> result;
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it) {
        const SeedSubscription &subscription = *it.value();
        const QString action = actionNames().value(it.key().action);
        QStringList fieldEnums;
        for (const QString &column : subscription.columns)
            fieldEnums.append(QString::fromUtf8(Model::Naming::upperSnakeCase(column)));
        SubscriptionStatus status;
        status.connection = id();
        status.protocol = protocolName();
        status.model = subscription.model()->label;
        status.actions = action;
        status.rowId = subscription.rowId();
        status.fields = subscription.columns.join(QLatin1String(", "));
        status.delivered = subscription.deliveredCount();
        status.graphql = QStringLiteral("subscription {\n  %1Subscription(channelId: \"%2\", action: %3, operation: SUBSCRIBE%4, "
                                        "data: [%5]) {\n    ok\n    error\n  }\n}")
                             .arg(QString::fromUtf8(subscription.model()->fieldBase), m_channelId, action.toUpper(),
                                  status.rowId.isEmpty() ? QString() : QStringLiteral(", id: \"%1\"").arg(status.rowId),
                                  fieldEnums.join(QLatin1String(", ")));
        result.append(status);
    }
    return result;
}

void SeedSession::deliver(const SeedSubscription &matched, const Model::ChangeEvent &event, PubSub::EventEncodings &encodings)
{
    // Overlapping subscriptions (UPDATE of any row and UPDATE of row 5) deliver a change once,
    // with the union of their field selections.
    if (event.seq == m_lastDeliveredSeq)
        return;
    m_lastDeliveredSeq = event.seq;
    const auto send = [&](const QByteArray &key, const QStringList &columns) {
        sendShared(encodings, key, [&] { return SeedFrames::notification(event, columns).toUtf8(); });
    };
    // The usual case, one subscription (the one the change matched): the union is its own
    // columns, taken from its model in their order, so nothing needs computing per delivery.
    if (m_subscriptions.size() == 1) {
        send(matched.encodingKey, matched.columns);
        return;
    }
    QStringList columns;
    for (const Model::ColumnDefinition &column : event.model->columns) {
        for (const auto &subscription : std::as_const(m_subscriptions)) {
            if (subscription->matches(event) && subscription->columns.contains(column.name)) {
                columns.append(column.name);
                break;
            }
        }
    }
    send(SeedSubscription::encodingKeyOf(columns), columns);
}

void SeedSession::endSubscriptions()
{
    for (const auto &subscription : std::as_const(m_subscriptions))
        m_registry.remove(subscription.get());
    // Keep the objects until the session goes: a change being dispatched may still hold them.
}

void SeedSession::textReceived(const QString &message)
{
    Json::ParseError error;
    const Value frame = Json::parse(message.toUtf8(), &error);
    const Value stream = frame.value("stream");
    const Value payload = frame.value("payload");
    const Value requestId = payload.value("request_id");
    if (error.isError() || !frame.isObject()) {
        sendText(SeedFrames::errorReply(Value(), {QStringLiteral("Invalid multiplexed frame received (not a JSON object)")}, Value(), Value()));
        return;
    }
    if (!stream.isString() || !frame.find("payload")) {
        sendText(SeedFrames::errorReply(stream, {QStringLiteral("Invalid multiplexed frame received (no channel/payload key)")},
                                        Value(), Value()));
        return;
    }
    if (!payload.isObject()) {
        sendText(SeedFrames::errorReply(stream, {QStringLiteral("Multiplexed frame payload is not a dict")}, Value(), Value()));
        return;
    }
    if (stream.toString() == GraphQLStream) {
        runGraphQL(payload);
        return;
    }
    if (!m_backend.catalog() || !m_backend.catalog()->modelByStream(stream.toString())) {
        sendText(SeedFrames::errorReply(stream, {QStringLiteral("Invalid multiplexed frame received (stream not mapped)")},
                                        payload.value("action"), requestId));
        return;
    }
    // As channels-api answered: model streams take no actions over the socket (§2.5); subscribe
    // with the <model>Subscription GraphQL field instead.
    sendText(SeedFrames::errorReply(stream, {QStringLiteral("Invalid Action")}, payload.value("action"), requestId));
}

void SeedSession::binaryReceived(const QByteArray &)
{
    sendText(SeedFrames::errorReply(Value(), {QStringLiteral("No text section for incoming WebSocket frame!")}, Value(), Value()));
}

void SeedSession::runGraphQL(const Value &payload)
{
    const Value requestId = payload.value("request_id");
    Api::GraphQLRequest request;
    QString error;
    if (!Api::GraphQLRequest::fromJson(payload, request, error)) {
        sendText(SeedFrames::errorReply(Value(QString(GraphQLStream)), {error}, Value(), requestId));
        return;
    }
    const ExecutionResult result = m_backend.graphql().execute(request);
    sendText(SeedFrames::graphqlReply(result.toValue(), requestId));
}

} // namespace Subscriptor::Transport

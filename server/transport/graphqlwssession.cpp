// SPDX-License-Identifier: MIT
#include "graphqlwssession.h"

#include "backend.h"
#include "changestream.h"
#include "eventencodings.h"
#include "subscription.h"
#include "subscriptionregistry.h"

namespace Subscriptor::Transport {

using namespace GraphQL;

/// A subscription operation on a change stream: one result per matching change.
class GraphQLWsSession::Stream final : public PubSub::Subscription
{
public:
    Stream(GraphQLWsSession &session, QString id, PreparedOperation operation, Model::ModelPtr model,
           const Api::ChangeStream::Filter &filter)
        : Subscription(std::move(model), filter.actions, filter.rowId), m_session(session), id(std::move(id)),
          operation(std::move(operation)), m_cohort("graphql\x1f" + this->operation.selectionKey())
    {
    }

    void deliver(const Model::ChangeEvent &event, PubSub::EventEncodings &encodings) override
    {
        countDelivery();
        m_session.sendResult(id, encodings.encoding(m_cohort, [&] { return encode(event); }));
    }

    /// The change through this operation's selection set (spec §6.2.3.2), with its seq.
    QByteArray encode(const Model::ChangeEvent &event) const
    {
        ExecutionResult result = Executor::execute(operation, Api::ChangeStream::eventValue(event));
        result.extensions = ObjectBuilder(1).append("seq", QString::number(event.seq)).build();
        return result.toJson();
    }

    /// The root field's selection, compactly: `action seq data { id firstName }`.
    QByteArray selection() const
    {
        for (const Ast::Selection &root : operation.operation->selectionSet) {
            if (root.isField() && root.responseKey() == operation.rootResponseKey)
                return compact(root.selectionSet);
        }
        return {};
    }

    static QByteArray compact(const std::vector<Ast::Selection> &selections)
    {
        QByteArrayList parts;
        for (const Ast::Selection &selection : selections) {
            QByteArray part = selection.isField() ? selection.responseKey()
                : selection.kind == Ast::Selection::Kind::FragmentSpread ? "..." + selection.name.value
                                                                          : QByteArray("...");
            if (!selection.selectionSet.empty())
                part += " { " + compact(selection.selectionSet) + " }";
            parts.append(part);
        }
        return parts.join(' ');
    }

    GraphQLWsSession &m_session;
    const QString id;
    const PreparedOperation operation;

private:
    const QByteArray m_cohort;
};

GraphQLWsSession::GraphQLWsSession(QWebSocket *socket, quint64 id, const Limits &limits, Backend &backend,
                                   PubSub::SubscriptionRegistry &registry, QObject *parent)
    : WebSocketSession(socket, id, limits, parent), m_backend(backend), m_registry(registry)
{
}

GraphQLWsSession::~GraphQLWsSession()
{
    endSubscriptions();
}

QList<SubscriptionStatus> GraphQLWsSession::subscriptionStatus() const
{
    static const char *const ActionNames[] = {"create", "update", "delete"};
    QList<SubscriptionStatus> result;
    for (const auto &stream : m_streams) {
        QStringList actions;
        for (int action = 0; action < 3; ++action) {
            if (stream->actions() & (1u << action))
                actions.append(QLatin1String(ActionNames[action]));
        }
        SubscriptionStatus status;
        status.connection = id();
        status.protocol = protocolName();
        status.operationId = stream->id;
        status.model = stream->model()->label;
        status.actions = actions.join(QLatin1String(", "));
        status.rowId = stream->rowId();
        status.fields = QString::fromUtf8(stream->selection());
        status.delivered = stream->deliveredCount();
        status.graphql = QString::fromUtf8(stream->operation.document->source);
        result.append(status);
    }
    return result;
}

QString GraphQLWsSession::message(QLatin1StringView type, const QString &id, const Value &payload, bool withPayload)
{
    ObjectBuilder object(3);
    if (!id.isNull())
        object.append("id", id);
    object.append("type", QString(type));
    if (withPayload)
        object.append("payload", payload);
    return QString::fromUtf8(Json::serialize(object.build()));
}

void GraphQLWsSession::sendResult(const QString &id, const QByteArray &payload)
{
    // The envelope is per operation; the payload is shared by every subscriber of the change.
    const QLatin1StringView type = resultType();
    QByteArray message;
    message.reserve(payload.size() + 2 * id.size() + 48);
    message.append("{\"id\":");
    Json::appendString(id, message);
    message.append(",\"type\":\"").append(type.data(), type.size()).append("\",\"payload\":").append(payload).append('}');
    queueFrame(textFrame(message));
}

void GraphQLWsSession::startOperation(const QString &id, const Value &payload)
{
    Api::GraphQLRequest request;
    QString error;
    if (!Api::GraphQLRequest::fromJson(payload, request, error)) {
        sendErrors(id, {Error(error)});
        return;
    }
    PrepareResult prepared = m_backend.graphql().prepare(request);
    if (!prepared.operation) {
        sendErrors(id, prepared.errors);
        return;
    }
    PreparedOperation &operation = *prepared.operation;
    const Model::ModelPtr model = operation.type() == Ast::OperationType::Subscription && m_backend.catalog()
        ? Api::ChangeStream::modelFor(*m_backend.catalog(), operation.rootField->name)
        : nullptr;
    if (!model) {
        // Queries, mutations and the original's <model>Subscription field: one result, then complete.
        sendResult(id, Executor::execute(operation).toJson());
        sendComplete(id);
        return;
    }
    if (subscriptionCount() >= limits().maxSubscriptions) {
        sendErrors(id, {Error(QStringLiteral("This connection has reached its limit of %1 subscriptions.")
                                  .arg(limits().maxSubscriptions))});
        return;
    }
    auto stream = std::make_shared<Stream>(*this, id, operation, model, Api::ChangeStream::filter(operation.rootArguments));
    const Value resumeAfter = payload.value("extensions").value("resumeAfter");
    if (!resumeAfter.isNull()) {
        bool ok = false;
        const qint64 afterSeq = resumeAfter.isString() ? resumeAfter.toString().toLongLong(&ok) : resumeAfter.toInt();
        ok = ok || resumeAfter.isInt();
        if (!ok || !replay(*stream, afterSeq, error)) {
            sendErrors(id, {Error(ok ? error : QStringLiteral("extensions.resumeAfter must be a seq: a 64-bit integer as a string."))});
            return;
        }
        if (isClosing())
            return; // the replay passed the queue's bound: the connection is closing (slow consumer)
    }
    m_registry.add(stream.get());
    m_streams.insert(id, std::move(stream));
}

bool GraphQLWsSession::replay(Stream &stream, qint64 afterSeq, QString &error)
{
    // Synchronous with the live feed (one thread): every change up to the feed's last published
    // seq is read here, every later one will be dispatched live, so nothing is missed or doubled.
    Model::ChangeFeed &feed = m_backend.feed();
    const qint64 liveFrom = feed.lastSeq();
    if (afterSeq > liveFrom) {
        // No client saw a seq this server never published: the log was reset or is another
        // server's. Replaying nothing would drop every change up to that seq silently.
        error = QStringLiteral("Cannot resume after seq %1: this server's changelog ends at seq %2. Read the current "
                               "state and subscribe again.").arg(afterSeq).arg(liveFrom);
        return false;
    }
    if (afterSeq == liveFrom)
        return true;
    if (liveFrom - afterSeq > MaxReplayedChanges) {
        error = QStringLiteral("Cannot resume after seq %1: more than %2 changes since. Read the current state and "
                               "subscribe again.").arg(afterSeq).arg(MaxReplayedChanges);
        return false;
    }
    qint64 next = afterSeq;
    while (next < liveFrom) {
        const Model::ChangeFeed::Page page = feed.read(next, Model::ChangeFeed::BatchSize);
        if (!page.error.isEmpty()) {
            error = page.error;
            return false;
        }
        // Sequence numbers have no gaps but the ones retention makes at the start of the log.
        if (next == afterSeq && (page.rows == 0 || page.firstSeq != afterSeq + 1)) {
            error = QStringLiteral("Cannot resume after seq %1: the changelog no longer holds the changes after it. "
                                   "Read the current state and subscribe again.").arg(afterSeq);
            return false;
        }
        for (const Model::ChangeEvent &event : page.events) {
            if (event.seq > liveFrom || isClosing())
                return true;
            if (stream.matches(event)) {
                PubSub::EventEncodings encodings(event);
                stream.deliver(event, encodings);
            }
        }
        if (page.rows == 0)
            break;
        next = page.lastSeq;
    }
    return true;
}

bool GraphQLWsSession::stopOperation(const QString &id)
{
    const std::shared_ptr<Stream> stream = m_streams.take(id);
    if (!stream)
        return false;
    m_registry.remove(stream.get());
    return true;
}

void GraphQLWsSession::endSubscriptions()
{
    for (const auto &stream : std::as_const(m_streams))
        m_registry.remove(stream.get());
    // The objects stay until the session goes: a change being dispatched may still hold them.
}

} // namespace Subscriptor::Transport

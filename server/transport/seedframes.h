// SPDX-License-Identifier: MIT
#pragma once

#include "changeevent.h"
#include "value.h"

#include <QString>
#include <QStringList>

namespace Subscriptor::Transport {

/**
 * The text frames of the original package's protocol (reference/seed-protocol.md §2), written as
 * Python's json.dumps wrote them (", " and ": " separators, non-ASCII as \uXXXX) so old clients
 * see the same bytes, keys in the original's order.
 */
class SeedFrames final
{
public:
    /// `{"channel_id": "…", "connect": "success"}`, sent once on connect (§2.1).
    static QString connect(const QString &channelId);
    /// `{"stream", "operation", "action", "ok", "error"}`: the subscribe/unsubscribe ack (§2.3).
    static QString ack(const QString &stream, const QString &operation, const QString &action);
    /// `{"stream", "payload": {"action", "data", "model"}}`: a notification (§2.4); `data` holds
    /// the given columns, in the model's column order.
    static QString notification(const Model::ChangeEvent &event, const QStringList &columns);
    /// The channels-api reply envelope (§2.5): `{"stream", "payload": {"errors", "data", "action",
    /// "response_status", "request_id"}}`.
    static QString errorReply(const GraphQL::Value &stream, const QStringList &errors, const GraphQL::Value &action,
                              const GraphQL::Value &requestId, int status = 400);
    /// Our extension: a GraphQL result on the `graphql` stream, with the request's `request_id`.
    static QString graphqlReply(const GraphQL::Value &result, const GraphQL::Value &requestId);
};

} // namespace Subscriptor::Transport

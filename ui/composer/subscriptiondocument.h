// SPDX-License-Identifier: MIT
#pragma once

#include "clientconnection.h"
#include "modeldefinition.h"

#include <QStringList>

#include <optional>

namespace Subscriptor::Model {
class Catalog;
}

namespace Subscriptor::Ui {

/// What the composer's form asks for.
struct SubscriptionRequest
{
    Model::ModelPtr model;
    QString action = QStringLiteral("ALL_ACTIONS"); ///< CREATE, UPDATE, DELETE or ALL_ACTIONS
    QString operation = QStringLiteral("SUBSCRIBE"); ///< SUBSCRIBE or UNSUBSCRIBE (the original protocol)
    QString rowId;       ///< empty: any row
    QStringList columns; ///< the fields to receive; empty: all
};

/// Writes the GraphQL of a subscription for a protocol: the original's `userSubscription(channelId:
/// …)` for the seed protocol, the standard `userChanges(actions:, id:)` stream otherwise.
class SubscriptionDocument final
{
public:
    static QString build(const SubscriptionRequest &request, Client::Protocol protocol, const QString &channelId = {});
    /// The request of an original-protocol `<model>Subscription(…)` document, when it is one.
    static std::optional<SubscriptionRequest> parseSeed(const QString &document, const Model::Catalog &catalog);
};

} // namespace Subscriptor::Ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Subscriptor {

struct ConnectionStatus
{
    quint64 id = 0;
    QString protocol; ///< seed, graphql-transport-ws, graphql-ws
    QString peer;     ///< address:port
    int subscriptions = 0;
    quint64 framesSent = 0;
    qint64 queuedBytes = 0;
};

struct SubscriptionStatus
{
    quint64 connection = 0;
    QString protocol;
    QString operationId; ///< the client's id (graphql-transport-ws, graphql-ws); empty for the seed protocol
    QString model;       ///< the model's label
    QString actions;     ///< create, update, delete, or a list of them
    QString rowId;       ///< empty: any row
    QString fields;      ///< the selected fields
    quint64 delivered = 0;
    QString graphql;     ///< the operation, or the seed request as GraphQL
};

/// What the server's panel shows, taken in the server thread a few times a second.
struct ServerStatus
{
    QList<ConnectionStatus> connections;
    QList<SubscriptionStatus> subscriptions;
    quint64 changes = 0;     ///< changes dispatched since the start
    quint64 deliveries = 0;  ///< notifications sent since the start
    double changesPerSecond = 0;
    double deliveriesPerSecond = 0;
    double p99LatencyMs = 0; ///< commit to dispatch, over the last few seconds
};

} // namespace Subscriptor

Q_DECLARE_METATYPE(Subscriptor::ServerStatus)

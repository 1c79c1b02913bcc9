// SPDX-License-Identifier: MIT
#pragma once

#include "subscriptiondocument.h"
#include "value.h"

#include <QObject>

class QStandardItemModel;

namespace Subscriptor::Ui {

class Workbench;

/**
 * The subscriptions the workbench's connections have running: standard-protocol operations until
 * they complete, and the original protocol's subscriptions until they are unsubscribed. Each has
 * a Stop, and a count and the last of its results.
 */
class OperationTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationTracker)

public:
    enum Column { ConnectionColumn, OperationColumn, SummaryColumn, ResultsColumn, ColumnCount };

    explicit OperationTracker(Workbench &workbench, QObject *parent = nullptr);
    ~OperationTracker() override;

    QStandardItemModel *model() const { return m_model; }
    /// A standard-protocol subscription was sent.
    void started(int connection, const QString &operationId, const QString &summary);
    /// An original-protocol subscription was confirmed by the server.
    void seedSubscribed(int connection, const SubscriptionRequest &request);
    /// An original-protocol unsubscribe was confirmed by the server.
    void seedUnsubscribed(int connection, const SubscriptionRequest &request);
    /// Stops the operation shown in `row`.
    void stop(int row);
    GraphQL::Value lastResult(int row) const;
    int count() const;

Q_SIGNALS:
    void changed();

private:
    struct Entry
    {
        int connection = 0;
        QString operationId;          ///< standard protocols
        QString summary;              ///< standard protocols: the root field and its arguments
        SubscriptionRequest request;  ///< the original protocol
        bool seed = false;
        int results = 0;
        GraphQL::Value lastResult;
    };
    void watch(int connection);
    void remove(int connection, const QString &operationId);
    void rebuild();

    Workbench &m_workbench;
    QStandardItemModel *m_model;
    QList<Entry> m_entries;
    QList<int> m_watched;
};

} // namespace Subscriptor::Ui

// SPDX-License-Identifier: MIT
#pragma once

#include "changeevent.h"

#include <QHash>
#include <QObject>

#include <vector>

namespace Subscriptor::PubSub {

class Subscription;

/**
 * Finds the subscriptions of each change without scanning them all (DESIGN.md, Fan-out): an index
 * by (table, action) that splits subscriptions to one row from subscriptions to any row. Changes
 * are dispatched in commit order; within one change, each distinct frame is built once.
 */
class SubscriptionRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubscriptionRegistry)

public:
    explicit SubscriptionRegistry(QObject *parent = nullptr);
    ~SubscriptionRegistry() override;

    void add(Subscription *subscription);
    void remove(Subscription *subscription);
    qsizetype count() const { return m_count; }

    struct Stats
    {
        quint64 changes = 0;    ///< changes dispatched
        quint64 deliveries = 0; ///< subscription deliveries
        quint64 encodings = 0;  ///< distinct frames built
    };
    const Stats &stats() const { return m_stats; }

public Q_SLOTS:
    void publish(const Subscriptor::Model::ChangeEvents &events);

Q_SIGNALS:
    void published(qsizetype changes, qsizetype deliveries);

private:
    struct Bucket
    {
        std::vector<Subscription *> anyRow;
        QHash<QString, std::vector<Subscription *>> byRow;
    };
    static int actionIndex(int bit);
    std::vector<Subscription *> &listFor(Subscription *subscription, int action);

    QHash<QString, Bucket> m_buckets[3]; // per action: table → bucket
    qsizetype m_count = 0;
    Stats m_stats;
};

} // namespace Subscriptor::PubSub

// SPDX-License-Identifier: MIT
#include "subscriptionregistry.h"

#include "eventencodings.h"
#include "subscription.h"

namespace Subscriptor::PubSub {

SubscriptionRegistry::SubscriptionRegistry(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<Model::ChangeEvents>();
}

SubscriptionRegistry::~SubscriptionRegistry() = default;

std::vector<Subscription *> &SubscriptionRegistry::listFor(Subscription *subscription, int action)
{
    Bucket &bucket = m_buckets[action][subscription->model()->table];
    return subscription->rowId().isEmpty() ? bucket.anyRow : bucket.byRow[subscription->rowId()];
}

void SubscriptionRegistry::add(Subscription *subscription)
{
    for (int action = 0; action < 3; ++action) {
        if (!(subscription->actions() & (1 << action)))
            continue;
        std::vector<Subscription *> &list = listFor(subscription, action);
        subscription->m_slots[action] = qsizetype(list.size());
        list.push_back(subscription);
    }
    ++m_count;
}

void SubscriptionRegistry::remove(Subscription *subscription)
{
    bool removed = false;
    for (int action = 0; action < 3; ++action) {
        const qsizetype slot = subscription->m_slots[action];
        if (slot < 0)
            continue;
        // Swap with the last and pop: O(1), however many subscribers a model has.
        std::vector<Subscription *> &list = listFor(subscription, action);
        Subscription *last = list.back();
        list[slot] = last;
        last->m_slots[action] = slot;
        list.pop_back();
        subscription->m_slots[action] = -1;
        removed = true;
        if (!subscription->rowId().isEmpty() && list.empty())
            m_buckets[action][subscription->model()->table].byRow.remove(subscription->rowId());
    }
    if (removed)
        --m_count;
}

void SubscriptionRegistry::publish(const Model::ChangeEvents &events)
{
    qsizetype deliveries = 0;
    for (const Model::ChangeEvent &event : events) {
        const int action = int(event.action);
        const auto bucket = m_buckets[action].constFind(event.model->table);
        ++m_stats.changes;
        if (bucket == m_buckets[action].constEnd())
            continue;
        EventEncodings encodings(event);
        // Copies: a delivery may end a subscription (a slow consumer is closed), which edits the lists.
        std::vector<Subscription *> targets = bucket->anyRow;
        if (const auto row = bucket->byRow.constFind(event.rowId); row != bucket->byRow.constEnd())
            targets.insert(targets.end(), row->cbegin(), row->cend());
        for (Subscription *subscription : targets) {
            if (subscription->m_slots[action] < 0)
                continue; // removed by an earlier delivery of this change
            subscription->deliver(event, encodings);
        }
        deliveries += qsizetype(targets.size());
        m_stats.encodings += quint64(encodings.buildCount());
    }
    m_stats.deliveries += quint64(deliveries);
    Q_EMIT published(events.size(), deliveries);
}

} // namespace Subscriptor::PubSub

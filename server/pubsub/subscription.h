// SPDX-License-Identifier: MIT
#pragma once

#include "changeevent.h"

#include <QString>

#include <array>

namespace Subscriptor::PubSub {

class EventEncodings;

/// Which of create, update and delete a subscription wants.
using ActionMask = quint8;
inline constexpr ActionMask AllActions = 0b111;
inline ActionMask actionBit(Model::ChangeAction action) { return ActionMask(1u << quint8(action)); }

/**
 * One subscription of one connection: a model, a set of actions, optionally one row. Sessions own
 * their subscriptions; the SubscriptionRegistry indexes them and calls deliver() for each
 * matching change, in commit order.
 */
class Subscription
{
public:
    Subscription(Model::ModelPtr model, ActionMask actions, QString rowId);
    virtual ~Subscription();
    Q_DISABLE_COPY_MOVE(Subscription)

    const Model::ModelPtr &model() const { return m_model; }
    ActionMask actions() const { return m_actions; }
    const QString &rowId() const { return m_rowId; } ///< empty: any row
    bool matches(const Model::ChangeEvent &event) const;
    quint64 deliveredCount() const { return m_delivered; }

    /// Sends the change to the subscriber. Encodings shared by every subscription of the change
    /// come from `encodings`, so each distinct frame is built once.
    virtual void deliver(const Model::ChangeEvent &event, EventEncodings &encodings) = 0;

protected:
    void countDelivery() { ++m_delivered; }

private:
    friend class SubscriptionRegistry;

    Model::ModelPtr m_model;
    ActionMask m_actions;
    QString m_rowId;
    quint64 m_delivered = 0;
    std::array<qsizetype, 3> m_slots{-1, -1, -1}; // its place in the registry's list per action
};

} // namespace Subscriptor::PubSub

// SPDX-License-Identifier: MIT
#include "subscription.h"

namespace Subscriptor::PubSub {

Subscription::Subscription(Model::ModelPtr model, ActionMask actions, QString rowId)
    : m_model(std::move(model)), m_actions(actions), m_rowId(std::move(rowId))
{
}

Subscription::~Subscription() = default;

bool Subscription::matches(const Model::ChangeEvent &event) const
{
    return event.model && event.model->table == m_model->table && (m_actions & actionBit(event.action))
        && (m_rowId.isEmpty() || m_rowId == event.rowId);
}

} // namespace Subscriptor::PubSub

// SPDX-License-Identifier: MIT
#pragma once

#include "changeevent.h"
#include "value.h"

#include <QByteArray>
#include <QHash>

#include <functional>

namespace Subscriptor::PubSub {

/**
 * What the deliveries of one change share (DESIGN.md, Fan-out): each distinct frame or payload,
 * keyed by what makes it distinct (a protocol and field selection, a GraphQL selection and its
 * variables), built once and then handed as the same bytes to every subscriber. Lives for the
 * dispatch of one change.
 */
class EventEncodings final
{
public:
    explicit EventEncodings(const Model::ChangeEvent &event) : m_event(event) { }
    Q_DISABLE_COPY_MOVE(EventEncodings)

    const Model::ChangeEvent &event() const { return m_event; }
    /// The encoding for `key`, built by `build` the first time it is asked for. The reference
    /// holds until the next call.
    const QByteArray &encoding(const QByteArray &key, const std::function<QByteArray()> &build);
    int buildCount() const { return m_builds; }

private:
    const Model::ChangeEvent &m_event;
    QHash<QByteArray, QByteArray> m_encodings;
    QHash<QByteArray, QByteArray>::iterator m_last = m_encodings.end();
    int m_builds = 0;
};

} // namespace Subscriptor::PubSub

// SPDX-License-Identifier: MIT
#pragma once

#include "changeevent.h"
#include "value.h"

#include <QHash>
#include <QString>

#include <functional>

namespace Subscriptor::PubSub {

/**
 * What the deliveries of one change share (DESIGN.md, Fan-out): each distinct frame or payload,
 * keyed by what makes it distinct (a protocol and field selection, a GraphQL selection and its
 * variables), built once and then handed as the same string to every subscriber. Lives for the
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
    const QString &encoding(const QByteArray &key, const std::function<QString()> &build);
    int buildCount() const { return m_builds; }

private:
    const Model::ChangeEvent &m_event;
    QHash<QByteArray, QString> m_encodings;
    int m_builds = 0;
};

} // namespace Subscriptor::PubSub

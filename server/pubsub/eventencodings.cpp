// SPDX-License-Identifier: MIT
#include "eventencodings.h"

namespace Subscriptor::PubSub {

const QByteArray &EventEncodings::encoding(const QByteArray &key, const std::function<QByteArray()> &build)
{
    // Deliveries come cohort after cohort: most ask for the encoding the one before asked for.
    if (m_last != m_encodings.end() && m_last.key() == key)
        return m_last.value();
    auto it = m_encodings.find(key);
    if (it == m_encodings.end()) {
        ++m_builds;
        it = m_encodings.insert(key, build());
    }
    m_last = it;
    return it.value();
}

} // namespace Subscriptor::PubSub

// SPDX-License-Identifier: MIT
#include "eventencodings.h"

namespace Subscriptor::PubSub {

const QString &EventEncodings::encoding(const QByteArray &key, const std::function<QString()> &build)
{
    auto it = m_encodings.find(key);
    if (it == m_encodings.end()) {
        ++m_builds;
        it = m_encodings.insert(key, build());
    }
    return it.value();
}

} // namespace Subscriptor::PubSub

// SPDX-License-Identifier: MIT
#include "transportwssessionfixture.h"

namespace Subscriptor::TestSupport {

QStringList texts(const QList<QJsonObject> &frames)
{
    QStringList result;
    for (const QJsonObject &frame : frames)
        result.append(compact(frame));
    return result;
}

void TransportWsSessionFixture::setUp()
{
    m_server = std::make_unique<TestServer>();
    m_writer = std::make_unique<Writer>(*m_server);
}

void TransportWsSessionFixture::tearDown()
{
    m_writer.reset();
    m_server.reset();
}

bool TransportWsSessionFixture::start(int initTimeoutMs)
{
    m_server->config().limits.connectionInitTimeoutMs = initTimeoutMs;
    return m_server->start();
}

} // namespace Subscriptor::TestSupport

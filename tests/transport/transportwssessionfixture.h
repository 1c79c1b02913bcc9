// SPDX-License-Identifier: MIT
// What the TransportWsSession tests share: for each test function a Server in this process on a
// real SQLite file, which the test starts with the connection-init timeout it needs, and the
// writes that make changes over GraphQL over HTTP.
#pragma once

#include "graphqlwstestclient.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Subscriptor::TestSupport {

/// Frames as compact text, to compare lists of them.
QStringList texts(const QList<QJsonObject> &frames);

class TransportWsSessionFixture
{
protected:
    /// Long enough never to fire in a test that does not wait for it.
    static constexpr int NoInitTimeoutMs = 600'000;

    TransportWsSessionFixture() = default;
    ~TransportWsSessionFixture() = default;
    Q_DISABLE_COPY_MOVE(TransportWsSessionFixture)

    /// A server, not started yet, for a test case's init(); tearDown() for its cleanup().
    void setUp();
    void tearDown();

    bool start(int initTimeoutMs = NoInitTimeoutMs);
    QUrl url() const { return m_server->webSocketUrl(); }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<Writer> m_writer;
};

} // namespace Subscriptor::TestSupport

// SPDX-License-Identifier: MIT
#pragma once

#include "backend.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace Subscriptor {

/// Every limit the server enforces, with its default (DESIGN.md, code conventions 7). Hitting one
/// gives the protocol's own error and a log line, never a crash.
struct ServerLimits
{
    static constexpr int DefaultMaxConnections = 20'000;
    static constexpr int DefaultMaxPendingHandshakes = 1'024; ///< Qt's default is 30
    static constexpr int DefaultHandshakeTimeoutMs = 10'000;
    static constexpr int DefaultMaxHeadBytes = 16 * 1024;
    static constexpr int DefaultMaxBodyBytes = 1024 * 1024;
    static constexpr int DefaultMaxFrameBytes = 1024 * 1024;
    static constexpr int DefaultMaxMessageBytes = 1024 * 1024;
    static constexpr int DefaultMaxSubscriptionsPerConnection = 200;
    static constexpr qint64 DefaultMaxQueuedBytes = 8 * 1024 * 1024;
    static constexpr int DefaultMaxQueuedMessages = 20'000;
    static constexpr int DefaultHttpIdleTimeoutMs = 30'000;
    static constexpr int DefaultConnectionInitTimeoutMs = 3'000; ///< graphql-transport-ws (graphql-ws's default)
    static constexpr int DefaultKeepAliveMs = 12'000;            ///< WebSocket pings; legacy `ka` messages

    int maxConnections = DefaultMaxConnections;
    int maxPendingHandshakes = DefaultMaxPendingHandshakes;
    int handshakeTimeoutMs = DefaultHandshakeTimeoutMs;
    int maxHeadBytes = DefaultMaxHeadBytes;
    int maxBodyBytes = DefaultMaxBodyBytes;
    int maxFrameBytes = DefaultMaxFrameBytes;
    int maxMessageBytes = DefaultMaxMessageBytes;
    int maxSubscriptionsPerConnection = DefaultMaxSubscriptionsPerConnection;
    qint64 maxQueuedBytes = DefaultMaxQueuedBytes;     ///< per connection; past it: the slow-consumer policy
    int maxQueuedMessages = DefaultMaxQueuedMessages; ///< per connection
    int httpIdleTimeoutMs = DefaultHttpIdleTimeoutMs;
    int connectionInitTimeoutMs = DefaultConnectionInitTimeoutMs; ///< 0: no timeout
    /// How often an idle WebSocket is pinged (a peer that does not answer within as long is dropped)
    /// and how often legacy graphql-ws clients get `ka`. 0: never.
    int keepAliveMs = DefaultKeepAliveMs;
};

struct ServerConfig
{
    static constexpr quint16 DefaultPort = 8000;

    BackendOptions backend;
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = DefaultPort; ///< 0 picks a free port
    QString path = QStringLiteral("/graphql");
    QStringList corsOrigins = {QStringLiteral("*")}; ///< allowed Origin values for HTTP; `*` for any
    ServerLimits limits;
};

} // namespace Subscriptor

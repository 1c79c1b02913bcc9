// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Subscriptor::Transport {

/// An HTTP/1.1 request (RFC 9112) as far as GraphQL over HTTP and the WebSocket upgrade need it.
struct HttpRequest
{
    static constexpr int MaxHeaders = 100;

    QByteArray method;
    QByteArray target;  ///< as sent: /graphql?query=…
    QByteArray path;    ///< the target without its query
    QByteArray query;   ///< after `?`, still percent-encoded
    QByteArray version; ///< HTTP/1.1
    QList<QPair<QByteArray, QByteArray>> headers; ///< names in lower case
    QByteArray body;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    bool keepAlive() const;
    bool isWebSocketUpgrade() const;
    /// The Sec-WebSocket-Protocol tokens the client offers, in its order.
    QList<QByteArray> webSocketProtocols() const;

    enum class ParseStatus { Complete, Incomplete, Invalid };
    /// Parses a request head (request line and headers) from the start of `data`. On Complete,
    /// `headLength` is the length of the head including the blank line.
    static ParseStatus parseHead(QByteArrayView data, HttpRequest &request, qsizetype &headLength, QByteArray &error);
};

} // namespace Subscriptor::Transport

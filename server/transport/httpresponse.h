// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace Subscriptor::Transport {

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    HttpResponse &setHeader(QByteArray name, QByteArray value);
    /// A response whose body is a JSON text.
    static HttpResponse json(int status, QByteArray body, QByteArray contentType = "application/json; charset=utf-8");
    /// A plain-text error with a one-line explanation.
    static HttpResponse error(int status, const QByteArray &message);
    /// The bytes on the wire: status line, headers (with Content-Length), body.
    QByteArray serialize(bool keepAlive) const;
    static QByteArray reasonPhrase(int status);
};

} // namespace Subscriptor::Transport

// SPDX-License-Identifier: MIT
#include "httprequest.h"

namespace Subscriptor::Transport {

namespace {

bool isToken(QByteArrayView text)
{
    // RFC 9110 §5.6.2 tchar
    static constexpr QByteArrayView Specials = "!#$%&'*+-.^_`|~";
    if (text.isEmpty())
        return false;
    for (char c : text) {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && !Specials.contains(c))
            return false;
    }
    return true;
}

QList<QByteArray> commaList(const QByteArray &value)
{
    QList<QByteArray> items;
    for (const QByteArray &item : value.split(',')) {
        const QByteArray trimmed = item.trimmed();
        if (!trimmed.isEmpty())
            items.append(trimmed);
    }
    return items;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first == name)
            return true;
    }
    return false;
}

bool HttpRequest::keepAlive() const
{
    const QList<QByteArray> connection = commaList(header("connection").toLower());
    if (version == "HTTP/1.0")
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return method == "GET" && header("upgrade").toLower() == "websocket"
        && commaList(header("connection").toLower()).contains("upgrade");
}

QList<QByteArray> HttpRequest::webSocketProtocols() const
{
    QList<QByteArray> protocols;
    for (const auto &[key, value] : headers) {
        if (key == "sec-websocket-protocol")
            protocols += commaList(value);
    }
    return protocols;
}

HttpRequest::ParseStatus HttpRequest::parseHead(QByteArrayView data, HttpRequest &request, qsizetype &headLength,
                                                QByteArray &error)
{
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return ParseStatus::Incomplete;
    headLength = end + 4;
    const QList<QByteArray> lines = data.first(end).toByteArray().split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || !requestLine[2].startsWith("HTTP/1.")
        || requestLine[1].isEmpty()) {
        error = "malformed request line";
        return ParseStatus::Invalid;
    }
    request.method = requestLine[0];
    request.target = requestLine[1];
    request.version = requestLine[2];
    const qsizetype question = request.target.indexOf('?');
    request.path = question < 0 ? request.target : request.target.left(question);
    request.query = question < 0 ? QByteArray() : request.target.mid(question + 1);
    if (lines.size() - 1 > MaxHeaders) {
        error = "too many header fields";
        return ParseStatus::Invalid;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        const qsizetype colon = line.indexOf(':');
        // RFC 9112 §5.1: no white space between the name and the colon; obsolete line folding is refused.
        if (colon <= 0 || !isToken(line.left(colon))) {
            error = "malformed header field";
            return ParseStatus::Invalid;
        }
        request.headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
    }
    if (request.hasHeader("transfer-encoding") && request.hasHeader("content-length")) {
        error = "both Transfer-Encoding and Content-Length"; // request smuggling (RFC 9112 §6.1)
        return ParseStatus::Invalid;
    }
    return ParseStatus::Complete;
}

} // namespace Subscriptor::Transport

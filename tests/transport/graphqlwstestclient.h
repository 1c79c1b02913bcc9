// SPDX-License-Identifier: MIT
// What the graphql-transport-ws and legacy graphql-ws conformance tests share: a client of either
// protocol on a raw QWebSocket (the subprotocol offered through QWebSocketHandshakeOptions) that
// parses every frame, and the writes that make changes over GraphQL over HTTP.
//
// "Nothing more arrives" is never a wait: it is proven by a fence. For the client's own messages,
// a ping (graphql-transport-ws) or a query (legacy) whose answer must be the next frame; for
// changes, a subscription to group 1 and a write of that group: changes reach a connection in
// commit order, so every notification of an earlier write arrives before the fence's.
#pragma once

#include "transporttestsupport.h"

#include <QJsonArray>

namespace Subscriptor::TestSupport {

using namespace Qt::StringLiterals;

inline const QString TransportWs = u"graphql-transport-ws"_s;
inline const QString LegacyWs = u"graphql-ws"_s;
inline const QString FenceId = u"fence"_s;

inline QString compact(const QJsonObject &object)
{
    // QJsonObject keeps its keys sorted: equal objects give equal text, whatever the key order.
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline QJsonObject json(const QString &text)
{
    return parseObject(text);
}

/// The `payload` of a result frame exactly as the server wrote it (`…,"payload":<payload>}`).
inline QString rawPayload(const QString &frame)
{
    static const QString key = u"\"payload\":"_s;
    const qsizetype at = frame.indexOf(key);
    return at < 0 ? QString() : frame.mid(at + key.size()).chopped(1);
}

/// A client of graphql-transport-ws or of the legacy graphql-ws, frame by frame.
class GraphQLWsClient final
{
public:
    explicit GraphQLWsClient(QString protocol = TransportWs) : m_protocol(std::move(protocol)) {}
    Q_DISABLE_COPY_MOVE(GraphQLWsClient)

    bool isLegacy() const { return m_protocol == LegacyWs; }
    QLatin1StringView resultType() const { return QLatin1StringView(isLegacy() ? "data" : "next"); }
    WsClient &ws() { return m_ws; }

    bool open(const QUrl &url) { return m_ws.open(url, {m_protocol}); }
    /// Opens, sends connection_init and takes the connection_ack (and the legacy first `ka`).
    bool connectTo(const QUrl &url, bool legacyKeepAlive = true)
    {
        if (!open(url))
            return false;
        send(u"{\"type\":\"connection_init\"}"_s);
        if (next().value(u"type"_s).toString() != u"connection_ack"_s)
            return false;
        return !isLegacy() || !legacyKeepAlive || next().value(u"type"_s).toString() == u"ka"_s;
    }

    void send(const QString &text) { m_ws.send(text); }
    void send(const QJsonObject &message) { m_ws.send(compact(message)); }

    /// `subscribe` (graphql-transport-ws) or `start` (legacy) of an operation.
    void subscribe(const QString &id, const QString &query, const QJsonObject &variables = {},
                   const QJsonObject &extensions = {}, const QString &operationName = {})
    {
        QJsonObject payload{{u"query"_s, query}};
        if (!variables.isEmpty())
            payload.insert(u"variables"_s, variables);
        if (!extensions.isEmpty())
            payload.insert(u"extensions"_s, extensions);
        if (!operationName.isEmpty())
            payload.insert(u"operationName"_s, operationName);
        send(QJsonObject{{u"id"_s, id}, {u"type"_s, isLegacy() ? u"start"_s : u"subscribe"_s}, {u"payload"_s, payload}});
    }
    /// `complete` (graphql-transport-ws) or `stop` (legacy) from the client.
    void stop(const QString &id)
    {
        send(QJsonObject{{u"id"_s, id}, {u"type"_s, isLegacy() ? u"stop"_s : u"complete"_s}});
    }

    /// The next frame's text, empty when none came within the bound.
    QString nextText() { return m_ws.next(); }
    /// The next frame, `{"missing": …}` when none came within the bound.
    QJsonObject next()
    {
        const QString text = m_ws.next();
        return text.isEmpty() ? QJsonObject{{u"missing"_s, u"no frame arrived"_s}} : json(text);
    }

    /// The result frame of an operation: `{"id", "type": next|data, "payload"}`.
    QJsonObject result(const QString &id, const QJsonObject &payload) const
    {
        return {{u"id"_s, id}, {u"type"_s, QString(resultType())}, {u"payload"_s, payload}};
    }
    static QJsonObject complete(const QString &id) { return {{u"id"_s, id}, {u"type"_s, u"complete"_s}}; }

    /// Proves that the server answered every message sent before and sent nothing else: a ping
    /// (graphql-transport-ws) or a one-result query (legacy) whose answer must be the next frame.
    bool nothingElse()
    {
        const QString id = u"quiet-"_s + QString::number(++m_fences);
        QStringList expected;
        if (isLegacy()) {
            subscribe(id, u"{ __typename }"_s);
            expected = {compact(result(id, json(u"{\"data\":{\"__typename\":\"Query\"}}"_s))), compact(complete(id))};
        } else {
            const QJsonObject payload{{u"fence"_s, id}};
            send(QJsonObject{{u"type"_s, u"ping"_s}, {u"payload"_s, payload}});
            expected = {compact(QJsonObject{{u"type"_s, u"pong"_s}, {u"payload"_s, payload}})};
        }
        for (const QString &frame : std::as_const(expected)) {
            const QString got = compact(next());
            if (got != frame) {
                qWarning("expected %s but got %s", qPrintable(frame), qPrintable(got));
                return false;
            }
        }
        return true;
    }

    /// Subscribes the change fence (group 1).
    void subscribeFence() { subscribe(FenceId, u"subscription { groupChanges(id: 1) { data { name } } }"_s); }
    /// Every frame before the fence's notification (the fence must have been written).
    QList<QJsonObject> untilFence()
    {
        QList<QJsonObject> frames;
        for (;;) {
            const QJsonObject frame = next();
            if (frame.contains(u"missing"_s)) {
                frames.append(QJsonObject{{u"missing"_s, u"the fence notification never came"_s}});
                return frames;
            }
            if (frame.value(u"id"_s).toString() == FenceId && frame.value(u"type"_s).toString() == resultType())
                return frames;
            frames.append(frame);
        }
    }

    bool waitForClose() { return m_ws.waitForDisconnected(); }
    int closeCode() const { return m_ws.closeCode(); }
    QString closeReason() const { return m_ws.closeReason(); }

private:
    WsClient m_ws;
    const QString m_protocol;
    int m_fences = 0;
};

/// Writes over GraphQL over HTTP, as any other client of the server would.
class Writer final
{
public:
    explicit Writer(TestServer &server) : m_server(server) {}
    Q_DISABLE_COPY_MOVE(Writer)

    /// Runs a mutation document; true when its one field answered `ok: true`.
    bool mutate(const QString &document)
    {
        const HttpReply reply = m_http.graphql(m_server.httpUrl(), document);
        const QJsonObject body = reply.json();
        const QJsonObject data = body.value(u"data"_s).toObject();
        const bool ok = reply.status == 200 && !body.contains(u"errors"_s) && data.size() == 1
            && data.begin()->toObject().value(u"ok"_s).toBool();
        if (!ok)
            qWarning("mutation failed: %d %s", reply.status, reply.body.constData());
        return ok;
    }
    bool updateUser(int id, const QString &field, const QString &value)
    {
        return mutate(u"mutation { userUpdate(newUser: {id: %1, %2: \"%3\"}) { ok } }"_s.arg(id).arg(field, value));
    }
    /// Changes group 1: the change every fenced client waits for.
    bool writeFence() { return mutate(u"mutation { groupUpdate(newGroup: {id: 1, name: \"fence %1\"}) { ok } }"_s.arg(++m_fences)); }

private:
    TestServer &m_server;
    HttpClient m_http;
    int m_fences = 0;
};

} // namespace Subscriptor::TestSupport

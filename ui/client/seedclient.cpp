// SPDX-License-Identifier: MIT
#include "seedclient.h"

#include "json.h"
#include "operationmessages.h"

namespace Subscriptor::Client {

using namespace GraphQL;

SeedClient::SeedClient(QObject *parent) : ClientConnection(Protocol::Seed, parent) { }

QString SeedClient::send(const QString &query, const Value &variables, const QString &operationName, const Value &)
{
    if (state() != State::Ready)
        return {};
    const QString id = nextOperationId();
    ObjectBuilder payload;
    const Value operation = OperationMessages::payload(query, variables, operationName, Value());
    for (const Member &member : operation.toObject())
        payload.append(member.key, member.value);
    payload.append("request_id", id);
    sendText(QString::fromUtf8(Json::serialize(
        ObjectBuilder(2).append("stream", QStringLiteral("graphql")).append("payload", payload.build()).build())));
    return id;
}

void SeedClient::textReceived(const QString &text)
{
    const Value frame = Json::parse(text.toUtf8());
    if (const Value *channel = frame.find("channel_id")) {
        m_channelId = channel->toString();
        setState(State::Ready);
        Q_EMIT channelAssigned(m_channelId);
        return;
    }
    const QString stream = frame.value("stream").toString();
    const Value payload = frame.value("payload");
    if (frame.find("operation") && frame.find("ok")) {
        Q_EMIT acknowledged(frame);
        return;
    }
    if (stream == QLatin1String("graphql")) {
        const QString id = payload.value("request_id").toString();
        ObjectBuilder reply;
        for (const Member &member : payload.toObject()) {
            if (member.key != "request_id")
                reply.append(member.key, member.value);
        }
        Q_EMIT result(id, reply.build());
        Q_EMIT completed(id);
        return;
    }
    if (payload.find("action") && payload.find("model"))
        Q_EMIT notification(stream, payload);
}

} // namespace Subscriptor::Client

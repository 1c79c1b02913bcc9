// SPDX-License-Identifier: MIT
#include "seedframes.h"

#include "json.h"

namespace Subscriptor::Transport {

using namespace GraphQL;

namespace {

QString python(const Value &value)
{
    return QString::fromLatin1(Json::serialize(value, Json::Style::Python));
}

} // namespace

QString SeedFrames::connect(const QString &channelId)
{
    return python(ObjectBuilder(2).append("channel_id", channelId).append("connect", QStringLiteral("success")).build());
}

QString SeedFrames::ack(const QString &stream, const QString &operation, const QString &action)
{
    return python(ObjectBuilder(5)
                      .append("stream", stream)
                      .append("operation", operation)
                      .append("action", action)
                      .append("ok", true)
                      .append("error", Value())
                      .build());
}

QString SeedFrames::notification(const Model::ChangeEvent &event, const QStringList &columns)
{
    const Model::Row &row = event.row();
    ObjectBuilder data(columns.size());
    for (const Model::ColumnDefinition &column : event.model->columns) {
        if (!columns.contains(column.name))
            continue;
        const QByteArray key = column.name.toUtf8();
        data.append(key, row.value(key));
    }
    const Value payload = ObjectBuilder(3)
                              .append("action", QString(Model::changeActionName(event.action)))
                              .append("data", data.build())
                              .append("model", event.model->label)
                              .build();
    return python(ObjectBuilder(2).append("stream", event.model->stream).append("payload", payload).build());
}

QString SeedFrames::errorReply(const Value &stream, const QStringList &errors, const Value &action,
                               const Value &requestId, int status)
{
    Value::List messages;
    for (const QString &error : errors)
        messages.append(error);
    const Value payload = ObjectBuilder(5)
                              .append("errors", std::move(messages))
                              .append("data", Value())
                              .append("action", action)
                              .append("response_status", status)
                              .append("request_id", requestId)
                              .build();
    return python(ObjectBuilder(2).append("stream", stream).append("payload", payload).build());
}

QString SeedFrames::graphqlReply(const Value &result, const Value &requestId)
{
    ObjectBuilder payload;
    for (const Member &member : result.toObject())
        payload.append(member.key, member.value);
    payload.append("request_id", requestId);
    return python(ObjectBuilder(2).append("stream", QStringLiteral("graphql")).append("payload", payload.build()).build());
}

} // namespace Subscriptor::Transport

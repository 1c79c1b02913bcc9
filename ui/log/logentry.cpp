// SPDX-License-Identifier: MIT
#include "logentry.h"

#include "json.h"

namespace Subscriptor::Ui {

using namespace GraphQL;

namespace {

QString idText(const Value &value)
{
    if (value.isInt())
        return QString::number(value.toInt());
    return value.toString();
}

void parseSeed(LogEntry &entry, const Value &frame)
{
    const Value payload = frame.value("payload");
    entry.stream = frame.value("stream").toString();
    if (frame.find("channel_id")) {
        entry.type = QStringLiteral("connect");
    } else if (frame.find("operation") && frame.find("ok")) {
        entry.type = QStringLiteral("ack");
        entry.action = QString();
    } else if (entry.stream == QLatin1String("graphql")) {
        entry.type = entry.direction == LogEntry::Direction::Sent ? QStringLiteral("request") : QStringLiteral("reply");
    } else if (payload.find("errors")) {
        entry.type = QStringLiteral("error");
    } else if (payload.find("model")) {
        entry.type = QStringLiteral("notification");
        entry.action = payload.value("action").toString();
        entry.model = payload.value("model").toString();
        entry.rowId = idText(payload.value("data").value("id"));
    } else {
        entry.type = QStringLiteral("frame");
    }
}

void parseGraphQLWs(LogEntry &entry, const Value &frame, const std::function<QString(const QString &)> &streamOfField)
{
    entry.type = frame.value("type").toString();
    if (entry.type != QLatin1String("next") && entry.type != QLatin1String("data"))
        return;
    const Value payload = frame.value("payload");
    const QString seq = payload.value("extensions").value("seq").toString();
    if (!seq.isEmpty())
        entry.seq = seq.toLongLong();
    // A change stream's result: {"data": {"userChanges": {"action": "UPDATE", "data": {"id": …}}}}
    const Value::Object &fields = payload.value("data").toObject();
    if (fields.size() != 1)
        return;
    const Value &event = fields.first().value;
    const QString stream = streamOfField ? streamOfField(QString::fromUtf8(fields.first().key)) : QString();
    if (stream.isEmpty() || !event.isObject())
        return;
    entry.stream = stream;
    entry.action = event.value("action").toString().toLower();
    entry.model = event.value("model").toString();
    entry.rowId = idText(event.value("id"));
    if (entry.rowId.isEmpty())
        entry.rowId = idText(event.value("data").value("id"));
}

} // namespace

void LogEntryParser::parse(LogEntry &entry, const std::function<QString(const QString &)> &streamOfField)
{
    Json::ParseError error;
    const Value frame = Json::parse(entry.text.toUtf8(), &error);
    if (error.isError() || !frame.isObject()) {
        entry.type = QStringLiteral("invalid");
        return;
    }
    if (entry.protocol == Client::Protocol::Seed)
        parseSeed(entry, frame);
    else
        parseGraphQLWs(entry, frame, streamOfField);
}

} // namespace Subscriptor::Ui

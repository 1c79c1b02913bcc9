// SPDX-License-Identifier: MIT
#include "jsonformatter.h"

#include "json.h"

namespace Subscriptor::Ui {

namespace {

using GraphQL::Value;

constexpr int IndentWidth = 2;

void appendPretty(const Value &value, QByteArray &out, int depth)
{
    const QByteArray indent((depth + 1) * IndentWidth, ' ');
    const QByteArray closing(depth * IndentWidth, ' ');
    if (value.isList() && !value.toList().isEmpty()) {
        out += "[\n";
        const Value::List &items = value.toList();
        for (qsizetype i = 0; i < items.size(); ++i) {
            out += indent;
            appendPretty(items[i], out, depth + 1);
            out += i + 1 < items.size() ? ",\n" : "\n";
        }
        out += closing + ']';
    } else if (value.isObject() && !value.toObject().isEmpty()) {
        out += "{\n";
        const Value::Object &members = value.toObject();
        for (qsizetype i = 0; i < members.size(); ++i) {
            out += indent;
            GraphQL::Json::appendString(QString::fromUtf8(members[i].key), out);
            out += ": ";
            appendPretty(members[i].value, out, depth + 1);
            out += i + 1 < members.size() ? ",\n" : "\n";
        }
        out += closing + '}';
    } else {
        GraphQL::Json::serialize(value, out);
    }
}

} // namespace

QString prettyJson(const QString &json)
{
    GraphQL::Json::ParseError error;
    const Value value = GraphQL::Json::parse(json.toUtf8(), &error);
    if (error.isError())
        return json;
    QByteArray out;
    appendPretty(value, out, 0);
    return QString::fromUtf8(out);
}

} // namespace Subscriptor::Ui

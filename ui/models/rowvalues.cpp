// SPDX-License-Identifier: MIT
#include "rowvalues.h"

#include "json.h"
#include "jsonformatter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace Subscriptor::Ui {

namespace {

using GraphQL::Value;
using Model::ColumnType;

QString tr(const char *text)
{
    return QCoreApplication::translate("Subscriptor::Ui::RowValues", text);
}

QString jsonText(const Value &value)
{
    return QString::fromUtf8(GraphQL::Json::serialize(value));
}

} // namespace

QString RowValues::displayText(const Value &value)
{
    switch (value.kind()) {
    case Value::Kind::Null: return QStringLiteral("NULL");
    case Value::Kind::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Value::Kind::Int: return QString::number(value.toInt());
    case Value::Kind::Float: return QString::fromLatin1(GraphQL::Json::formatDouble(value.toDouble()));
    case Value::Kind::String: {
        QString text = value.toString().left(MaxDisplayChars);
        // One line per row: a line break would cut the cell's text off in the middle.
        text.replace(u'\n', u' ').replace(u'\r', u' ');
        return text;
    }
    default: return jsonText(value).left(MaxDisplayChars);
    }
}

QVariant RowValues::editValue(const Value &value, ColumnType type)
{
    if (type == ColumnType::Json)
        return value.isNull() ? QString() : prettyJson(jsonText(value));
    switch (value.kind()) {
    case Value::Kind::Null: return QVariant();
    case Value::Kind::Bool: return value.toBool();
    case Value::Kind::Int: return qlonglong(value.toInt());
    case Value::Kind::Float: return value.toDouble();
    case Value::Kind::String: return value.toString();
    default: return jsonText(value);
    }
}

bool RowValues::fromEditor(const QVariant &input, const Model::ColumnDefinition &column, Value &value, QString &error)
{
    const QString text = input.toString().trimmed();
    // An emptied editor means NULL where NULL is allowed and "" means nothing else.
    if (input.isNull() || (text.isEmpty() && column.type != ColumnType::Text)) {
        if (!column.notNull) {
            value = Value();
            return true;
        }
    }
    bool ok = false;
    switch (column.type) {
    case ColumnType::Integer:
        value = qint64(input.typeId() == QMetaType::QString ? text.toLongLong(&ok) : input.toLongLong(&ok));
        if (!ok)
            error = tr("Enter a whole number.");
        return ok;
    case ColumnType::Float: {
        double number = input.typeId() == QMetaType::QString ? QLocale::c().toDouble(text, &ok) : input.toDouble(&ok);
        if (!ok && input.typeId() == QMetaType::QString)
            number = QLocale().toDouble(text, &ok); // the user's own decimal separator
        value = number;
        if (!ok)
            error = tr("Enter a number.");
        return ok;
    }
    case ColumnType::Boolean:
        if (input.typeId() == QMetaType::Bool) {
            value = input.toBool();
            return true;
        }
        if (text == QLatin1String("true") || text == QLatin1String("1")) {
            value = true;
            return true;
        }
        if (text == QLatin1String("false") || text == QLatin1String("0")) {
            value = false;
            return true;
        }
        error = tr("Must be true or false.");
        return false;
    case ColumnType::Json: {
        GraphQL::Json::ParseError parseError;
        value = GraphQL::Json::parse(text.toUtf8(), &parseError);
        if (parseError.isError())
            error = tr("Enter valid JSON: %1 (at byte %2).").arg(parseError.message).arg(parseError.offset);
        return !parseError.isError();
    }
    case ColumnType::Text:
    case ColumnType::DateTime:
    case ColumnType::Blob:
        // Text as typed, spaces included; dates and base64 are checked by the store.
        value = column.type == ColumnType::Text ? input.toString() : text;
        return true;
    }
    return false;
}

Model::Row RowValues::newRow(const Model::ModelDefinition &model)
{
    GraphQL::ObjectBuilder row;
    for (const Model::ColumnDefinition &column : model.columns) {
        if (!column.notNull || column.hasDefault || column.primaryKey || column.readOnly)
            continue;
        Value value;
        switch (column.type) {
        case ColumnType::Integer: value = qint64(0); break;
        case ColumnType::Float: value = 0.0; break;
        case ColumnType::Boolean: value = false; break;
        case ColumnType::Text: value = QString(QStringLiteral("new_") + column.name); break;
        case ColumnType::DateTime: value = QDateTime::currentDateTimeUtc().toString(Qt::ISODate); break;
        case ColumnType::Json: value = Value(Value::Object()); break;
        case ColumnType::Blob: value = QString(); break;
        }
        row.append(column.name.toUtf8(), std::move(value));
    }
    return row.build();
}

Model::Row RowValues::copyOf(const Model::ModelDefinition &model, const Model::Row &row)
{
    GraphQL::ObjectBuilder copy;
    for (const Model::ColumnDefinition &column : model.columns) {
        if (column.primaryKey || column.readOnly)
            continue;
        if (const Value *value = row.find(column.name.toUtf8()))
            copy.append(column.name.toUtf8(), *value);
    }
    return copy.build();
}

} // namespace Subscriptor::Ui

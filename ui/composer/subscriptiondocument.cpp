// SPDX-License-Identifier: MIT
#include "subscriptiondocument.h"

#include "catalog.h"
#include "naming.h"
#include "parser.h"

namespace Subscriptor::Ui {

namespace {

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QLatin1String("\\\\")).replace(u'"', QLatin1String("\\\""));
    return u'"' + escaped + u'"';
}

QStringList chosenColumns(const SubscriptionRequest &request)
{
    QStringList columns;
    for (const Model::ColumnDefinition &column : request.model->columns) {
        if (request.columns.isEmpty() || request.columns.contains(column.name))
            columns.append(column.name);
    }
    return columns;
}

} // namespace

QString SubscriptionDocument::build(const SubscriptionRequest &request, Client::Protocol protocol, const QString &channelId)
{
    if (!request.model)
        return {};
    const QString base = QString::fromUtf8(request.model->fieldBase);
    const QStringList columns = chosenColumns(request);
    QStringList arguments;
    if (protocol == Client::Protocol::Seed) {
        arguments.append(QLatin1String("channelId: ") + quoted(channelId));
        arguments.append(QLatin1String("action: ") + request.action);
        arguments.append(QLatin1String("operation: ") + request.operation);
        if (!request.rowId.isEmpty())
            arguments.append(QLatin1String("id: ") + quoted(request.rowId));
        if (!request.columns.isEmpty()) {
            QStringList enums;
            for (const QString &column : columns)
                enums.append(QString::fromUtf8(Model::Naming::upperSnakeCase(column)));
            arguments.append(QLatin1String("data: [") + enums.join(QLatin1String(", ")) + u']');
        }
        return QStringLiteral("subscription {\n  %1Subscription(%2) {\n    ok\n    error\n    stream\n    operation\n    action\n  }\n}\n")
            .arg(base, arguments.join(QLatin1String(", ")));
    }
    if (request.action != QLatin1String("ALL_ACTIONS"))
        arguments.append(QLatin1String("actions: [") + request.action + u']');
    if (!request.rowId.isEmpty())
        arguments.append(QLatin1String("id: ") + quoted(request.rowId));
    QString fields;
    for (const QString &column : columns) {
        if (const Model::ColumnDefinition *definition = request.model->column(column))
            fields += QLatin1String("      ") + QString::fromUtf8(definition->fieldName) + u'\n';
    }
    return QStringLiteral("subscription {\n  %1Changes%2 {\n    action\n    seq\n    id\n    data {\n%3    }\n  }\n}\n")
        .arg(base, arguments.isEmpty() ? QString() : u'(' + arguments.join(QLatin1String(", ")) + u')', fields);
}

std::optional<SubscriptionRequest> SubscriptionDocument::parseSeed(const QString &document, const Model::Catalog &catalog)
{
    const GraphQL::ParseResult parsed = GraphQL::Parser::parse(document.toUtf8());
    if (!parsed.document || parsed.document->operations.size() != 1)
        return std::nullopt;
    const GraphQL::Ast::OperationDefinition &operation = parsed.document->operations.front();
    if (operation.operation != GraphQL::Ast::OperationType::Subscription || operation.selectionSet.size() != 1)
        return std::nullopt;
    const GraphQL::Ast::Selection &field = operation.selectionSet.front();
    for (const Model::ModelPtr &model : catalog.models()) {
        if (field.name.value != model->fieldBase + "Subscription")
            continue;
        SubscriptionRequest request;
        request.model = model;
        for (const GraphQL::Ast::Argument &argument : field.arguments) {
            const GraphQL::Ast::ValueNode &value = argument.value;
            const QString text = value.kind == GraphQL::Ast::ValueNode::Kind::String ? value.string : QString::fromUtf8(value.text);
            if (argument.name.value == "action")
                request.action = text;
            else if (argument.name.value == "operation")
                request.operation = text;
            else if (argument.name.value == "id")
                request.rowId = text;
            else if (argument.name.value == "data") {
                for (const GraphQL::Ast::ValueNode &item : value.list) {
                    for (const Model::ColumnDefinition &column : model->columns) {
                        if (Model::Naming::upperSnakeCase(column.name) == item.text)
                            request.columns.append(column.name);
                    }
                }
            }
        }
        return request;
    }
    return std::nullopt;
}

} // namespace Subscriptor::Ui

// SPDX-License-Identifier: MIT
#include "changestream.h"

#include "apinames.h"

namespace Subscriptor::Api {

using namespace GraphQL;

Model::ModelPtr ChangeStream::modelFor(const Model::Catalog &catalog, QByteArrayView fieldName)
{
    for (const Model::ModelPtr &model : catalog.models()) {
        if (ApiNames::changes(*model) == fieldName)
            return model;
    }
    return nullptr;
}

ChangeStream::Filter ChangeStream::filter(const Value &arguments)
{
    Filter filter;
    const Value *actions = arguments.find("actions");
    if (actions && actions->isList()) {
        filter.actions = 0;
        for (const Value &action : actions->toList()) {
            const QString name = action.toString();
            if (name == QLatin1String("all_actions"))
                filter.actions = 0b111;
            else if (name == QLatin1String("create"))
                filter.actions |= 1u << quint8(Model::ChangeAction::Create);
            else if (name == QLatin1String("update"))
                filter.actions |= 1u << quint8(Model::ChangeAction::Update);
            else if (name == QLatin1String("delete"))
                filter.actions |= 1u << quint8(Model::ChangeAction::Delete);
        }
    }
    filter.rowId = arguments.value("id").toString();
    return filter;
}

Value ChangeStream::eventValue(const Model::ChangeEvent &event)
{
    // Rows hold every column; the model's object type shows the exposed ones.
    return ObjectBuilder(8)
        .append("action", QString(Model::changeActionName(event.action)))
        .append("stream", event.model->stream)
        .append("model", event.model->label)
        .append("seq", QString::number(event.seq))
        .append("id", event.rowId)
        .append("changedAt", event.changedAt.toString(Qt::ISODateWithMs))
        .append("data", event.row())
        .append("previous", event.action == Model::ChangeAction::Create ? Value() : event.oldRow)
        .build();
}

} // namespace Subscriptor::Api

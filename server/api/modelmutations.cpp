// SPDX-License-Identifier: MIT
#include "modelmutations.h"

#include "apinames.h"
#include "modelstore.h"
#include "schema.h"

namespace Subscriptor::Api {

using namespace GraphQL;
using Model::ModelDefinition;
using Model::ModelPtr;
using Model::WriteResult;

namespace {

// The input is keyed by field name (firstName); the store by column name (first_name).
Value rowFromInput(const ModelDefinition &model, const Value &input)
{
    ObjectBuilder row(input.toObject().size());
    for (const Member &field : input.toObject()) {
        const Model::ColumnDefinition *column = model.columnByField(field.key);
        row.append(column ? column->name.toUtf8() : field.key, field.value);
    }
    return row.build();
}

Value resultValue(const ModelDefinition &model, const WriteResult &result)
{
    Value::List errors;
    for (const Model::FieldError &error : result.errors) {
        const Model::ColumnDefinition *column = model.column(error.column);
        Value::List messages;
        for (const QString &message : error.messages)
            messages.append(message);
        errors.append(ObjectBuilder(2)
                          .append("field", column ? Value::fromUtf8(column->fieldName) : Value(error.column))
                          .append("messages", std::move(messages))
                          .build());
    }
    return ObjectBuilder(3)
        .append("ok", result.ok)
        .append("errors", result.ok ? Value() : Value(std::move(errors)))
        .append(model.fieldBase, result.ok ? result.row : Value())
        .build();
}

} // namespace

void ModelMutations::add(Type &mutation, const ModelPtr &model, Model::ModelStore &store)
{
    Model::ModelStore *storePtr = &store;
    const QString typeName = QString::fromUtf8(model->typeName);
    const QByteArray argument = ApiNames::newArgument(*model);
    const QByteArray result = ApiNames::mutationResult(*model) + '!';

    mutation.addField(ApiNames::create(*model), result, QStringLiteral("Creates a %1.").arg(typeName))
        .setResolver([model, storePtr, argument](ResolveInfo &info) {
            return resultValue(*model, storePtr->create(*model, rowFromInput(*model, info.arguments.value(argument))));
        })
        .addArgument(argument, ApiNames::input(*model) + '!');

    mutation.addField(ApiNames::update(*model), result,
                      QStringLiteral("Changes the given fields of the %1 whose `%2` is given; the others keep their values.")
                          .arg(typeName, QString::fromUtf8(model->primaryKey().fieldName)))
        .setResolver([model, storePtr, argument](ResolveInfo &info) {
            return resultValue(*model, storePtr->update(*model, rowFromInput(*model, info.arguments.value(argument))));
        })
        .addArgument(argument, ApiNames::input(*model) + '!');

    mutation.addField(ApiNames::remove(*model), result, QStringLiteral("Deletes the %1 with this id.").arg(typeName))
        .setResolver([model, storePtr](ResolveInfo &info) {
            return resultValue(*model, storePtr->remove(*model, info.arguments.value("id")));
        })
        .addArgument("id", "ID!");
}

} // namespace Subscriptor::Api

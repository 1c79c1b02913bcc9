// SPDX-License-Identifier: MIT
#include "modeltypes.h"

#include "apinames.h"
#include "coercion.h"
#include "naming.h"
#include "schema.h"

#include <QDateTime>

namespace Subscriptor::Api {

using namespace GraphQL;
using Model::ColumnDefinition;
using Model::ColumnType;
using Model::ModelDefinition;

namespace {

bool isIsoDateTime(const QString &text)
{
    // QDate's ISO parser reads the first ten characters and ignores what follows them.
    return QDateTime::fromString(text, Qt::ISODateWithMs).isValid() || (text.size() == 10 && QDate::fromString(text, Qt::ISODate).isValid());
}

void addDateTime(SchemaBuilder &builder)
{
    auto parse = [](const Value &in, Value &out, QString &error) {
        if (!in.isString() || !isIsoDateTime(in.toString())) {
            error = QLatin1String("DateTime cannot represent a non ISO-8601 value: ") + inspect(in);
            return false;
        }
        out = in;
        return true;
    };
    builder.addScalarType("DateTime", QStringLiteral("A date and time as an ISO-8601 string, such as 2024-05-01T12:30:00Z."))
        .setSpecifiedByUrl(QStringLiteral("https://scalars.graphql.org/andimarek/date-time"))
        .setCoercion([](const Value &in, Value &out, QString &) { out = in.isString() ? in : Value(inspect(in)); return true; },
                     parse,
                     [parse](const Ast::ValueNode &literal, const Value &, Value &out, QString &error) {
                         if (literal.kind != Ast::ValueNode::Kind::String) {
                             error = QStringLiteral("DateTime must be a string.");
                             return false;
                         }
                         return parse(Value(literal.string), out, error);
                     });
}

void addFilter(SchemaBuilder &builder, const QByteArray &name, const QByteArray &scalar, bool ordered, bool text)
{
    Type &filter = builder.addInputObjectType(name, QStringLiteral("Conditions on a %1 field; all given must hold.")
                                                        .arg(QString::fromUtf8(scalar)));
    filter.addInputField("exact", scalar, QStringLiteral("Equal to this value (null: is null)."));
    if (text) {
        filter.addInputField("contains", scalar, QStringLiteral("Contains this text, case-sensitively."));
        filter.addInputField("icontains", scalar, QStringLiteral("Contains this text, ignoring the case of ASCII letters."));
    }
    if (ordered) {
        filter.addInputField("in", '[' + scalar + "!]", QStringLiteral("Equal to one of these values."));
        filter.addInputField("lt", scalar, QStringLiteral("Less than this value."));
        filter.addInputField("lte", scalar, QStringLiteral("Less than or equal to this value."));
        filter.addInputField("gt", scalar, QStringLiteral("Greater than this value."));
        filter.addInputField("gte", scalar, QStringLiteral("Greater than or equal to this value."));
    }
    filter.addInputField("isNull", "Boolean", QStringLiteral("Whether the field is null."));
}

QByteArray filterTypeFor(const ColumnDefinition &column)
{
    if (column.primaryKey)
        return QByteArrayLiteral("IDFilter");
    switch (column.type) {
    case ColumnType::Integer: return QByteArrayLiteral("IntFilter");
    case ColumnType::Float: return QByteArrayLiteral("FloatFilter");
    case ColumnType::Boolean: return QByteArrayLiteral("BooleanFilter");
    case ColumnType::Text: return QByteArrayLiteral("StringFilter");
    case ColumnType::DateTime: return QByteArrayLiteral("DateTimeFilter");
    case ColumnType::Json:
    case ColumnType::Blob: return QByteArray(); // no useful comparisons
    }
    return QByteArray();
}

QByteArray outputType(const ColumnDefinition &column)
{
    const QByteArray type = Model::graphQLTypeName(column.type, column.primaryKey);
    return column.notNull || column.primaryKey ? type + '!' : type;
}

void addObjectType(SchemaBuilder &builder, const ModelDefinition &model)
{
    Type &type = builder.addObjectType(ApiNames::type(model), model.description);
    for (const ColumnDefinition &column : model.columns) {
        const QByteArray key = column.name.toUtf8();
        // Rows are keyed by column name (first_name); the API's fields are camelCase (firstName).
        type.addField(column.fieldName, outputType(column), column.description)
            .setResolver([key](ResolveInfo &info) { return info.source.value(key); });
    }
}

void addInputTypes(SchemaBuilder &builder, const ModelDefinition &model)
{
    // Every input field is optional: an update changes only what it is given, and a create is
    // checked for its required columns by the ModelStore, with a field error per missing one.
    Type &input = builder.addInputObjectType(ApiNames::input(model),
        QStringLiteral("The fields of a %1 to create or update; an update needs `%2`.")
            .arg(QString::fromUtf8(model.typeName), QString::fromUtf8(model.primaryKey().fieldName)));
    for (const ColumnDefinition &column : model.columns) {
        if (!column.readOnly || column.primaryKey)
            input.addInputField(column.fieldName, Model::graphQLTypeName(column.type, column.primaryKey), column.description);
    }

    Type &filter = builder.addInputObjectType(ApiNames::filter(model), QStringLiteral("Conditions on %1 rows; all given must hold.")
                                                                          .arg(QString::fromUtf8(model.typeName)));
    Type &order = builder.addEnumType(ApiNames::orderBy(model), QStringLiteral("An order for %1 rows.")
                                                                    .arg(QString::fromUtf8(model.typeName)));
    for (const ColumnDefinition &column : model.columns) {
        const QByteArray filterType = filterTypeFor(column);
        if (filterType.isEmpty())
            continue;
        filter.addInputField(column.fieldName, filterType);
        const QByteArray name = Model::Naming::upperSnakeCase(column.name);
        // The internal value says how to sort: [column, descending]. (Appended one by one: GCC 12
        // at -O3 takes the initializer list's copies for uninitialized, and -Werror stops the build.)
        for (const bool descending : {false, true}) {
            Value::List sort;
            sort.append(Value(column.name));
            sort.append(Value(descending));
            order.addEnumValue(name + (descending ? "_DESC" : "_ASC"), Value(std::move(sort)),
                               (descending ? QStringLiteral("By %1, largest first.") : QStringLiteral("By %1, smallest first.")).arg(column.name));
        }
    }

    Type &result = builder.addObjectType(ApiNames::mutationResult(model), QStringLiteral("What a %1 mutation did.")
                                                                              .arg(QString::fromUtf8(model.typeName)));
    result.addField("ok", "Boolean!", QStringLiteral("Whether the change was made. When false, nothing was written."));
    result.addField("errors", '[' + QByteArray(ApiNames::ErrorType) + "!]",
                    QStringLiteral("Why the change was refused, per input field."));
    result.addField(model.fieldBase, ApiNames::type(model),
                    QStringLiteral("The row after a create or update; the row as it was before a delete."));
}

void addSubscriptionTypes(SchemaBuilder &builder, const ModelDefinition &model)
{
    const QString typeName = QString::fromUtf8(model.typeName);
    // The seed's names and descriptions, to the letter (reference/seed-protocol.md §4, §5).
    Type &fields = builder.addEnumType(ApiNames::fieldsEnum(model),
                                       QStringLiteral("Desired %1 fields in subscription's  notification.").arg(typeName));
    for (const ColumnDefinition &column : model.columns)
        fields.addEnumValue(Model::Naming::upperSnakeCase(column.name), Value(column.name), column.description);

    Type &payload = builder.addObjectType(ApiNames::seedSubscription(model), QStringLiteral("Subscription Type for %1 model").arg(typeName));
    payload.addField("ok", "Boolean", QStringLiteral("Boolean field that return subscription request result."));
    payload.addField("error", "String", QStringLiteral("Subscribe or unsubscribe operation request error ."));
    payload.addField("stream", "String", QStringLiteral("Stream name."));
    payload.addField("operation", ApiNames::OperationEnum, QStringLiteral("Subscription operation."));
    payload.addField("action", ApiNames::ActionEnum, QStringLiteral("Subscription action."));

    Type &event = builder.addObjectType(ApiNames::changeEvent(model), QStringLiteral("One committed change of a %1 row.").arg(typeName));
    event.addField("action", QByteArray(ApiNames::ActionEnum) + '!', QStringLiteral("CREATE, UPDATE or DELETE."));
    event.addField("stream", "String!", QStringLiteral("The model's stream name (%1).").arg(model.stream));
    event.addField("model", "String!", QStringLiteral("The model's label (%1).").arg(model.label));
    event.addField("seq", "String!", QStringLiteral(
        "The change's place in the changelog, in commit order: a 64-bit integer as a string. Resume after it."));
    event.addField("id", "ID!", QStringLiteral("The primary key of the changed row."));
    event.addField("changedAt", "String!", QStringLiteral("When the change was made, ISO-8601 in UTC."));
    event.addField("data", ApiNames::type(model), QStringLiteral("The row after the change; for a delete, the row as it was."));
    event.addField("previous", ApiNames::type(model), QStringLiteral("The row before an update or delete; null for a create."));
}

} // namespace

void ModelTypes::addShared(SchemaBuilder &builder)
{
    Type &action = builder.addEnumType(ApiNames::ActionEnum);
    action.addEnumValue("CREATE", Value(QStringLiteral("create")), QStringLiteral("A row was created."));
    action.addEnumValue("UPDATE", Value(QStringLiteral("update")), QStringLiteral("A row was updated."));
    action.addEnumValue("DELETE", Value(QStringLiteral("delete")), QStringLiteral("A row was deleted."));
    action.addEnumValue("ALL_ACTIONS", Value(QStringLiteral("all_actions")), QStringLiteral("Creates, updates and deletes."));
    Type &operation = builder.addEnumType(ApiNames::OperationEnum);
    operation.addEnumValue("SUBSCRIBE", Value(QStringLiteral("subscribe")), QStringLiteral("Start receiving notifications."));
    operation.addEnumValue("UNSUBSCRIBE", Value(QStringLiteral("unsubscribe")), QStringLiteral("Stop receiving notifications."));

    Type &error = builder.addObjectType(ApiNames::ErrorType, QStringLiteral("Why a field's value was refused."));
    error.addField("field", "String!", QStringLiteral("The input field, or __all__ for the row as a whole."));
    error.addField("messages", "[String!]!");

    addDateTime(builder);
    builder.addScalarType("JSON", QStringLiteral("Any JSON value."))
        .setSpecifiedByUrl(QStringLiteral("https://www.rfc-editor.org/rfc/rfc8259"));
    addFilter(builder, "IDFilter", "ID", true, false);
    addFilter(builder, "IntFilter", "Int", true, false);
    addFilter(builder, "FloatFilter", "Float", true, false);
    addFilter(builder, "StringFilter", "String", true, true);
    addFilter(builder, "BooleanFilter", "Boolean", false, false);
    addFilter(builder, "DateTimeFilter", "DateTime", true, false);
}

void ModelTypes::addModel(SchemaBuilder &builder, const ModelDefinition &model)
{
    addObjectType(builder, model);
    addInputTypes(builder, model);
    addSubscriptionTypes(builder, model);
}

} // namespace Subscriptor::Api

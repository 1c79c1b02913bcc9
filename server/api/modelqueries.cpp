// SPDX-License-Identifier: MIT
#include "modelqueries.h"

#include "apinames.h"
#include "modelstore.h"
#include "schema.h"

namespace Subscriptor::Api {

using namespace GraphQL;
using Model::Filter;
using Model::ListQuery;
using Model::ModelPtr;

namespace {

const std::pair<const char *, Filter::Op> FilterOps[] = {
    {"exact", Filter::Op::Exact}, {"contains", Filter::Op::Contains}, {"icontains", Filter::Op::IContains},
    {"in", Filter::Op::In}, {"lt", Filter::Op::Lt}, {"lte", Filter::Op::Lte}, {"gt", Filter::Op::Gt},
    {"gte", Filter::Op::Gte}, {"isNull", Filter::Op::IsNull},
};

QList<Filter> filtersFrom(const Model::ModelDefinition &model, const Value &where)
{
    QList<Filter> filters;
    for (const Member &field : where.toObject()) {
        const Model::ColumnDefinition *column = model.columnByField(field.key);
        if (!column)
            continue; // validation rejects unknown input fields
        for (const auto &[name, op] : FilterOps) {
            if (const Value *value = field.value.find(name))
                filters.append(Filter{column->name, op, *value});
        }
    }
    return filters;
}

// The list field resolves to its query; `results` and `totalCount` run only if selected.
Value listQuery(const Value &arguments)
{
    return ObjectBuilder(4)
        .append("where", arguments.value("where"))
        .append("orderBy", arguments.value("orderBy"))
        .append("limit", arguments.value("limit"))
        .append("offset", arguments.value("offset"))
        .build();
}

} // namespace

void ModelQueries::add(SchemaBuilder &builder, Type &query, const ModelPtr &model, Model::ModelStore &store)
{
    Model::ModelStore *storePtr = &store;
    const QString typeName = QString::fromUtf8(model->typeName);

    query.addField(ApiNames::single(*model), ApiNames::type(*model), QStringLiteral("The %1 with this id, or null.").arg(typeName))
        .setResolver([model, storePtr](ResolveInfo &info) -> Value {
            QString error;
            std::optional<Model::Row> row = storePtr->get(*model, info.arguments.value("id"), &error);
            if (!row && !error.isEmpty())
                return info.fail(error);
            return row ? *row : Value();
        })
        .addArgument("id", "ID!");

    Field &all = query.addField(ApiNames::all(*model), ApiNames::listType(*model) + '!',
                                QStringLiteral("%1 rows that match `where`, in `orderBy` order, `limit` from `offset`.").arg(typeName));
    all.setResolver([](ResolveInfo &info) -> Value {
        const qint64 limit = info.arguments.value("limit").toInt();
        if (limit < 0 || limit > ListQuery::MaxLimit)
            return info.fail(QStringLiteral("limit must be between 0 and %1.").arg(ListQuery::MaxLimit));
        if (info.arguments.value("offset").toInt() < 0)
            return info.fail(QStringLiteral("offset must not be negative."));
        return listQuery(info.arguments);
    });
    all.addArgument("where", ApiNames::filter(*model));
    all.addArgument("orderBy", '[' + ApiNames::orderBy(*model) + "!]");
    all.addArgument("limit", "Int", QStringLiteral("At most %1.").arg(ListQuery::MaxLimit)).setDefaultValue(ListQuery::DefaultLimit);
    all.addArgument("offset", "Int").setDefaultValue(0);

    Type &list = builder.addObjectType(ApiNames::listType(*model),
                                       QStringLiteral("A page of %1 rows and the number of all that match.").arg(typeName));
    list.addField("results", '[' + ApiNames::type(*model) + "!]!", QStringLiteral("The rows of this page."))
        .setResolver([model, storePtr](ResolveInfo &info) -> Value {
            ListQuery request;
            request.filters = filtersFrom(*model, info.source.value("where"));
            for (const Value &order : info.source.value("orderBy").toList()) {
                const Value::List &pair = order.toList();
                request.orderBy.append(Model::Order{pair.value(0).toString(), pair.value(1).toBool()});
            }
            request.limit = int(info.source.value("limit").toInt());
            request.offset = int(info.source.value("offset").toInt());
            QString error;
            const QList<Model::Row> rows = storePtr->list(*model, request, &error);
            if (!error.isEmpty())
                return info.fail(error);
            return Value(Value::List(rows.cbegin(), rows.cend()));
        });
    list.addField("totalCount", "Int!", QStringLiteral("How many rows match, on every page."))
        .setResolver([model, storePtr](ResolveInfo &info) -> Value {
            QString error;
            const qint64 total = storePtr->count(*model, filtersFrom(*model, info.source.value("where")), &error);
            if (total < 0)
                return info.fail(error);
            return total;
        });
}

} // namespace Subscriptor::Api

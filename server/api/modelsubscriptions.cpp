// SPDX-License-Identifier: MIT
#include "modelsubscriptions.h"

#include "apinames.h"
#include "schema.h"

namespace Subscriptor::Api {

using namespace GraphQL;
using Model::ModelPtr;

void ModelSubscriptions::add(Type &subscription, const ModelPtr &model, const SeedSubscriptionHandler &handler)
{
    const QString typeName = QString::fromUtf8(model->typeName);

    // Descriptions as the original forced them (reference/seed-protocol.md §5).
    Field &seed = subscription.addField(ApiNames::subscription(*model), ApiNames::seedSubscription(*model),
                                        QStringLiteral("Subscription for %1 model").arg(typeName));
    seed.setResolver([model, handler](ResolveInfo &info) -> Value {
        SeedSubscriptionRequest request;
        request.model = model;
        request.channelId = info.arguments.value("channelId").toString();
        request.action = info.arguments.value("action").toString();
        request.operation = info.arguments.value("operation").toString();
        request.id = info.arguments.value("id").toString();
        if (const Value *data = info.arguments.find("data"); data && !data->isNull()) {
            request.hasFields = true;
            for (const Value &field : data->toList())
                request.fields.append(field.toString());
        }
        const QString error = handler ? handler(request) : QStringLiteral("This server has no WebSocket channels to subscribe.");
        return ObjectBuilder(5)
            .append("ok", error.isEmpty())
            .append("error", error.isEmpty() ? Value() : Value(error))
            .append("stream", model->stream)
            .append("operation", request.operation)
            .append("action", request.action)
            .build();
    });
    seed.addArgument("channelId", "String!", QStringLiteral("Websocket's channel connection identification"));
    seed.addArgument("action", ApiNames::ActionEnum + QByteArray("!"),
                     QStringLiteral("Subscribe or unsubscribe action : (create, update or delete)"));
    seed.addArgument("operation", ApiNames::OperationEnum + QByteArray("!"), QStringLiteral("Operation to do"));
    seed.addArgument("id", "ID", QStringLiteral("ID field value that has the object to which you wish to subscribe"));
    seed.addArgument("data", '[' + ApiNames::fieldsEnum(*model) + ']');

    Field &changes = subscription.addField(ApiNames::changes(*model), ApiNames::changeEvent(*model) + '!',
        QStringLiteral("Every committed change of %1 rows: of the given actions (all when omitted), of one row when `id` "
                       "is given.").arg(typeName));
    // The event the server publishes is the root value; this field passes it on as it is.
    // Executed without one (over HTTP), there is no stream to give.
    changes.setResolver([model](ResolveInfo &info) -> Value {
        if (info.source.isNull()) {
            return info.fail(QStringLiteral("%1 is a stream of changes: subscribe to it over a WebSocket with "
                                            "graphql-transport-ws or graphql-ws.")
                                 .arg(QString::fromUtf8(ApiNames::changes(*model))));
        }
        return info.source;
    });
    changes.addArgument("actions", '[' + QByteArray(ApiNames::ActionEnum) + "!]");
    changes.addArgument("id", "ID");
}

} // namespace Subscriptor::Api

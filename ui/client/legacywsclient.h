// SPDX-License-Identifier: MIT
#pragma once

#include "clientconnection.h"

namespace Subscriptor::Client {

/// A legacy graphql-ws (subscriptions-transport-ws) client: `connection_init`, then
/// `start`/`data`/`error`/`complete`/`stop`; `ka` keep-alives are taken in.
class LegacyWsClient final : public ClientConnection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LegacyWsClient)

public:
    explicit LegacyWsClient(QObject *parent = nullptr);

    QString send(const QString &query, const GraphQL::Value &variables = {}, const QString &operationName = {},
                 const GraphQL::Value &extensions = {}) override;
    void stop(const QString &operationId) override;

protected:
    void opened() override;
    void textReceived(const QString &text) override;
};

} // namespace Subscriptor::Client

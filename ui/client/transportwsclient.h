// SPDX-License-Identifier: MIT
#pragma once

#include "clientconnection.h"

namespace Subscriptor::Client {

/// A graphql-transport-ws client: `connection_init`, then `subscribe`/`next`/`error`/`complete`;
/// it answers the server's `ping`.
class TransportWsClient final : public ClientConnection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransportWsClient)

public:
    explicit TransportWsClient(QObject *parent = nullptr);

    QString send(const QString &query, const GraphQL::Value &variables = {}, const QString &operationName = {},
                 const GraphQL::Value &extensions = {}) override;
    void stop(const QString &operationId) override;

protected:
    void opened() override;
    void textReceived(const QString &text) override;
};

} // namespace Subscriptor::Client

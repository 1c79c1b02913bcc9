// SPDX-License-Identifier: MIT
#pragma once

#include "httprequest.h"
#include "httpresponse.h"

#include <QStringList>

namespace Subscriptor::Api {
class GraphQLService;
}

namespace Subscriptor::Transport {

/**
 * GraphQL over HTTP (the graphql-over-http conventions): `POST` with a JSON body and `GET` with
 * query parameters on the GraphQL path, JSON results, the usual status codes and CORS. Runs
 * queries, mutations and the original's subscribe/unsubscribe operations.
 */
class GraphQLHttpHandler final
{
public:
    GraphQLHttpHandler(Api::GraphQLService &service, QByteArray path, QStringList corsOrigins);

    HttpResponse handle(const HttpRequest &request) const;

private:
    HttpResponse handleGraphQL(const HttpRequest &request) const;
    void addCors(const HttpRequest &request, HttpResponse &response) const;

    Api::GraphQLService &m_service;
    QByteArray m_path;
    QStringList m_corsOrigins;
};

} // namespace Subscriptor::Transport

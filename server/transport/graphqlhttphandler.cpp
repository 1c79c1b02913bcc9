// SPDX-License-Identifier: MIT
#include "graphqlhttphandler.h"

#include "graphqlservice.h"
#include "json.h"

#include <QUrlQuery>

namespace Subscriptor::Transport {

using namespace GraphQL;

namespace {

constexpr QByteArrayView GraphQLResponseType = "application/graphql-response+json";

HttpResponse requestError(int status, const QString &message, const QByteArray &contentType)
{
    const Value body = ObjectBuilder(1).append("errors", errorsToValue({Error(message)})).build();
    return HttpResponse::json(status, Json::serialize(body), contentType);
}

QByteArray responseType(const HttpRequest &request)
{
    // graphql-over-http §6.4: the new media type when the client accepts it, else application/json.
    return request.header("accept").contains(GraphQLResponseType) ? QByteArray("application/graphql-response+json; charset=utf-8")
                                                                  : QByteArray("application/json; charset=utf-8");
}

const char *const LandingPage = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Subscriptor</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto">
<h1>Subscriptor</h1>
<p>This is a GraphQL endpoint. Send queries and mutations with <code>POST</code> (JSON body
<code>{"query": "…", "variables": {…}}</code>) or <code>GET ?query=…</code>, and subscribe over a WebSocket
on this same path with <code>graphql-transport-ws</code>, legacy <code>graphql-ws</code>, or no subprotocol
for the protocol of graphene-django-subscriptions.</p>
</body></html>
)";

} // namespace

GraphQLHttpHandler::GraphQLHttpHandler(Api::GraphQLService &service, QByteArray path, QStringList corsOrigins)
    : m_service(service), m_path(std::move(path)), m_corsOrigins(std::move(corsOrigins))
{
}

void GraphQLHttpHandler::addCors(const HttpRequest &request, HttpResponse &response) const
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty())
        return;
    if (m_corsOrigins.contains(QStringLiteral("*"))) {
        response.setHeader("Access-Control-Allow-Origin", "*");
    } else if (m_corsOrigins.contains(QString::fromUtf8(origin))) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Vary", "Origin");
    }
}

HttpResponse GraphQLHttpHandler::handle(const HttpRequest &request) const
{
    if (request.path != m_path)
        return HttpResponse::error(404, "Not found. The GraphQL endpoint is " + m_path + '.');
    HttpResponse response;
    if (request.method == "OPTIONS") {
        // CORS preflight (Fetch standard §3.2.2).
        response.status = 204;
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization");
        response.setHeader("Access-Control-Max-Age", "86400");
    } else if (request.method == "GET" || request.method == "POST") {
        response = handleGraphQL(request);
    } else {
        response = HttpResponse::error(405, "Use GET or POST.");
        response.setHeader("Allow", "GET, POST, OPTIONS");
    }
    addCors(request, response);
    return response;
}

HttpResponse GraphQLHttpHandler::handleGraphQL(const HttpRequest &request) const
{
    const QByteArray contentType = responseType(request);
    Api::GraphQLRequest graphql;
    QString error;
    if (request.method == "GET") {
        // graphql-over-http §6.4.1: the parameters are application/x-www-form-urlencoded, where a
        // space may come as `+` (URLSearchParams writes it so) and a plus sign as %2B.
        const QUrlQuery query(QString::fromUtf8(request.query).replace(u'+', QLatin1String("%20")));
        if (!query.hasQueryItem(QStringLiteral("query"))) {
            if (request.header("accept").contains("text/html"))
                return HttpResponse::json(200, LandingPage, "text/html; charset=utf-8");
            return requestError(400, QStringLiteral("Missing the \"query\" parameter."), contentType);
        }
        ObjectBuilder json;
        json.append("query", query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded));
        if (query.hasQueryItem(QStringLiteral("variables"))) {
            Json::ParseError parseError;
            json.append("variables", Json::parse(query.queryItemValue(QStringLiteral("variables"), QUrl::FullyDecoded).toUtf8(), &parseError));
            if (parseError.isError())
                return requestError(400, QStringLiteral("\"variables\" is not valid JSON: ") + parseError.message, contentType);
        }
        if (query.hasQueryItem(QStringLiteral("operationName")))
            json.append("operationName", query.queryItemValue(QStringLiteral("operationName"), QUrl::FullyDecoded));
        if (!Api::GraphQLRequest::fromJson(json.build(), graphql, error))
            return requestError(400, error, contentType);
    } else {
        const QByteArray mediaType = request.header("content-type").split(';').first().trimmed().toLower();
        if (mediaType == "application/graphql") {
            graphql.query = request.body;
        } else if (mediaType == "application/json" || mediaType.isEmpty()) {
            Json::ParseError parseError;
            const Value body = Json::parse(request.body, &parseError);
            if (parseError.isError())
                return requestError(400, QStringLiteral("The body is not valid JSON: %1 (at byte %2).").arg(parseError.message).arg(parseError.offset), contentType);
            if (!Api::GraphQLRequest::fromJson(body, graphql, error))
                return requestError(400, error, contentType);
        } else {
            return requestError(415, QStringLiteral("Send the request as application/json."), contentType);
        }
    }

    PrepareResult prepared = m_service.prepare(graphql);
    if (!prepared.operation)
        return HttpResponse::json(400, ExecutionResult::fromErrors(prepared.errors).toJson(), contentType);
    // graphql-over-http §6.1: GET must not change anything.
    if (request.method == "GET" && prepared.operation->type() != Ast::OperationType::Query) {
        HttpResponse response = requestError(405, QStringLiteral("Only queries may be sent with GET; use POST."), contentType);
        response.setHeader("Allow", "POST");
        return response;
    }
    return HttpResponse::json(200, Executor::execute(*prepared.operation).toJson(), contentType);
}

} // namespace Subscriptor::Transport

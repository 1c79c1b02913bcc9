// SPDX-License-Identifier: MIT
#pragma once

#include "executor.h"

#include <QCache>

#include <any>

namespace Subscriptor::Api {

/// One GraphQL request, as every transport receives it (GraphQL over HTTP, the WebSocket protocols).
struct GraphQLRequest
{
    QByteArray query;
    GraphQL::Value variables;
    QByteArray operationName;

    /// Reads `{"query", "variables", "operationName"}`; false with a message when malformed.
    static bool fromJson(const GraphQL::Value &json, GraphQLRequest &request, QString &error);
};

/**
 * Parses, validates and runs requests against the current schema. Parsed and validated documents
 * are kept in an LRU cache keyed by their text, so the same operation sent again (a mutation with
 * new variables, a subscription by many clients) is parsed and validated once.
 */
class GraphQLService final
{
public:
    static constexpr int DefaultCacheSize = 512;

    explicit GraphQLService(GraphQL::SchemaPtr schema = {}, int cacheSize = DefaultCacheSize);
    Q_DISABLE_COPY_MOVE(GraphQLService)

    /// Replaces the schema (after a catalog reload) and forgets every cached document.
    void setSchema(GraphQL::SchemaPtr schema);
    const GraphQL::SchemaPtr &schema() const { return m_schema; }

    struct Document
    {
        GraphQL::DocumentPtr document; ///< null when there are errors
        GraphQL::ErrorList errors;     ///< syntax or validation errors
    };
    Document document(const QByteArray &query);
    /// The document, then the operation with its variables (spec §6.1); errors as the response.
    GraphQL::PrepareResult prepare(const GraphQLRequest &request);
    GraphQL::ExecutionResult execute(const GraphQLRequest &request, const std::any &context = {});

private:
    GraphQL::SchemaPtr m_schema;
    QCache<QByteArray, Document> m_cache;
};

} // namespace Subscriptor::Api

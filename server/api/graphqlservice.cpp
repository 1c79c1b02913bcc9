// SPDX-License-Identifier: MIT
#include "graphqlservice.h"

#include "parser.h"
#include "validator.h"

namespace Subscriptor::Api {

using namespace GraphQL;

bool GraphQLRequest::fromJson(const Value &json, GraphQLRequest &request, QString &error)
{
    if (!json.isObject()) {
        error = QStringLiteral("The request must be a JSON object with a \"query\".");
        return false;
    }
    const Value *query = json.find("query");
    if (!query || !query->isString()) {
        error = QStringLiteral("The request must have a \"query\" string.");
        return false;
    }
    const Value variables = json.value("variables");
    if (!variables.isNull() && !variables.isObject()) {
        error = QStringLiteral("\"variables\" must be an object or null.");
        return false;
    }
    const Value operationName = json.value("operationName");
    if (!operationName.isNull() && !operationName.isString()) {
        error = QStringLiteral("\"operationName\" must be a string or null.");
        return false;
    }
    request.query = query->toString().toUtf8();
    request.variables = variables;
    request.operationName = operationName.toString().toUtf8();
    return true;
}

GraphQLService::GraphQLService(SchemaPtr schema, int cacheSize) : m_schema(std::move(schema)), m_cache(cacheSize) { }

void GraphQLService::setSchema(SchemaPtr schema)
{
    m_schema = std::move(schema);
    m_cache.clear();
}

GraphQLService::Document GraphQLService::document(const QByteArray &query)
{
    if (const Document *cached = m_cache.object(query))
        return *cached;
    auto entry = std::make_unique<Document>();
    ParseResult parsed = Parser::parse(query);
    if (parsed.error) {
        entry->errors.append(*parsed.error);
    } else {
        entry->errors = Validator::validate(*m_schema, *parsed.document);
        if (entry->errors.isEmpty())
            entry->document = std::move(parsed.document);
    }
    Document result = *entry;
    m_cache.insert(query, entry.release());
    return result;
}

PrepareResult GraphQLService::prepare(const GraphQLRequest &request)
{
    Document parsed = document(request.query);
    if (!parsed.document) {
        PrepareResult result;
        result.errors = std::move(parsed.errors);
        return result;
    }
    return Executor::prepare(ExecutionRequest{m_schema, parsed.document, request.operationName, request.variables});
}

ExecutionResult GraphQLService::execute(const GraphQLRequest &request, const std::any &context)
{
    PrepareResult prepared = prepare(request);
    if (!prepared.operation)
        return ExecutionResult::fromErrors(std::move(prepared.errors));
    return Executor::execute(*prepared.operation, Value(), context);
}

} // namespace Subscriptor::Api

// SPDX-License-Identifier: MIT
#pragma once

#include "error.h"
#include "json.h"
#include "parser.h"
#include "schema.h"

#include <any>
#include <optional>

namespace Subscriptor::GraphQL {

/// The response of spec §7.1: `data` (absent when execution did not start), then `errors`.
struct ExecutionResult
{
    bool hasData = false;
    Value data;
    ErrorList errors;
    Value extensions; ///< an object, or null

    static ExecutionResult fromErrors(ErrorList errors);
    /// `{"data": …, "errors": […], "extensions": …}` with data first, as the spec recommends.
    Value toValue() const;
    QByteArray toJson(Json::Style style = Json::Style::Compact) const { return Json::serialize(toValue(), style); }
};

struct ExecutionRequest
{
    SchemaPtr schema;
    DocumentPtr document;        ///< parsed and validated
    QByteArray operationName;    ///< empty: the document's only operation
    Value variables;             ///< the client's raw variable values, an object or null
};

/**
 * An operation chosen from its document with its variables coerced (spec §6.1), ready to run once
 * (a query or mutation) or once per source event (a subscription). For a subscription it also knows
 * the root field and its arguments, which say what the source stream is (spec §6.2.3.1).
 */
struct PreparedOperation
{
    SchemaPtr schema;
    DocumentPtr document;
    const Ast::OperationDefinition *operation = nullptr;
    Value variables; ///< coerced
    // Subscriptions only:
    const Field *rootField = nullptr;
    QByteArray rootResponseKey;
    Value rootArguments; ///< coerced

    Ast::OperationType type() const { return operation->operation; }
    /// Equal for two prepared operations that produce byte-identical results for every event:
    /// the same operation text and the same coerced variables. Subscribers with equal keys share
    /// one execution and one encoded frame per event.
    QByteArray selectionKey() const;
};

struct PrepareResult
{
    std::optional<PreparedOperation> operation;
    ErrorList errors; ///< request errors: no operation, bad variables, bad root arguments
};

/// Runs operations over a schema (spec §6). Synchronous: resolvers return values.
class Executor final
{
public:
    static PrepareResult prepare(const ExecutionRequest &request);
    /// Executes a prepared operation with `rootValue` as the root source. For a subscription this
    /// is MapSourceToResponseEvent: `rootValue` is the event, and the root field's resolver gets
    /// it as its source.
    static ExecutionResult execute(const PreparedOperation &operation, const Value &rootValue = {},
                                   const std::any &context = {});
    /// prepare() then execute(), for queries and mutations.
    static ExecutionResult execute(const ExecutionRequest &request, const Value &rootValue = {},
                                   const std::any &context = {});
};

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#pragma once

#include "documentfacts.h"
#include "error.h"
#include "fragmentgraph.h"
#include "validationrule.h"

#include <functional>
#include <optional>

namespace Subscriptor::GraphQL {

class Schema;

/**
 * What the validation rules share: the schema and document, the facts of one typed walk of the
 * document, the fragment graph, and the errors. Rules run one after the other over the facts and
 * report each error with the stamp of the event at which graphql-js reports it; takeErrors() puts
 * them back in graphql-js's order and applies its limits (at most MaxErrors errors, and a stop
 * when a work budget runs out).
 */
class ValidationContext final
{
public:
    /// graphql-js's default `maxErrors`: past it, validation stops.
    static constexpr qsizetype MaxErrors = 100;

    /// Builds the message of an error. Called only for errors that are returned, so a document
    /// with thousands of mistakes costs no suggestion lists past the first MaxErrors.
    using MessageBuilder = std::function<QString()>;

    ValidationContext(const Schema &schema, const Ast::Document &document);
    Q_DISABLE_COPY_MOVE(ValidationContext)

    const Schema &schema() const { return m_schema; }
    const Ast::Document &document() const { return m_document; }
    const DocumentFacts &facts() const { return m_facts; }
    const FragmentGraph &fragments() const { return m_fragments; }

    void report(ValidationRule rule, Stamp stamp, QList<Ast::Location> locations, MessageBuilder message);
    void report(ValidationRule rule, Stamp stamp, QList<Ast::Location> locations, const QString &message);
    /// A rule ran out of a work budget at this event: graphql-js stops validating there.
    void abort(ValidationRule rule, Stamp stamp);

    /// The errors in graphql-js's order, limited as graphql-js limits them.
    ErrorList takeErrors();

private:
    struct PendingError
    {
        Stamp stamp;
        ValidationRule rule;
        QList<Ast::Location> locations;
        MessageBuilder message;
    };

    const Schema &m_schema;
    const Ast::Document &m_document;
    DocumentFacts m_facts;
    FragmentGraph m_fragments;
    std::vector<PendingError> m_errors;
    std::optional<std::pair<Stamp, ValidationRule>> m_abort;
};

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QSet>

namespace Subscriptor::GraphQL {

class ValidationContext;

/// The rules about arguments (spec §5.4): KnownArgumentNamesRule, UniqueArgumentNamesRule and
/// ProvidedRequiredArgumentsRule, for fields and directives.
class ArgumentRules final
{
public:
    explicit ArgumentRules(ValidationContext &context);

    void check();

private:
    void knownArgumentNames();
    void uniqueArgumentNames();
    void providedRequiredArguments();

    ValidationContext &m_context;
    /// Directives defined by the document: their arguments are not known (see DirectiveRules).
    QSet<QByteArray> m_directivesDefinedInDocument;
};

} // namespace Subscriptor::GraphQL

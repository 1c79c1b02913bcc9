// SPDX-License-Identifier: MIT
#pragma once

#include "type.h"

#include <QByteArray>
#include <QHash>
#include <QList>

namespace Subscriptor::GraphQL {

class ValidationContext;

/// The rules about directives (spec §5.7): KnownDirectivesRule and UniqueDirectivesPerLocationRule.
class DirectiveRules final
{
public:
    explicit DirectiveRules(ValidationContext &context);

    void check();

private:
    void knownDirectives();
    void uniqueDirectivesPerLocation();

    /// A directive defined by the document itself, as graphql-js knows it: with the locations it
    /// declares, in place of the schema's directive of that name (the last definition wins).
    struct DefinedDirective
    {
        QList<DirectiveLocation> locations;
        bool repeatable = false;
    };

    ValidationContext &m_context;
    QHash<QByteArray, DefinedDirective> m_definedInDocument;
};

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#include "directiverules.h"

#include "schema.h"
#include "validationcontext.h"

#include <QHash>

namespace Subscriptor::GraphQL {

namespace {

QString quotedDirective(QByteArrayView name)
{
    return QLatin1String("\"@") + QString::fromUtf8(name) + u'"';
}

} // namespace

DirectiveRules::DirectiveRules(ValidationContext &context) : m_context(context)
{
    for (const Ast::TypeSystemDefinition &definition : context.document().typeSystemDefinitions) {
        if (definition.keyword != "directive")
            continue;
        DefinedDirective defined{{}, definition.repeatable};
        for (const QByteArray &name : definition.directiveLocations) {
            if (const std::optional<DirectiveLocation> location = directiveLocationNamed(name))
                defined.locations.append(*location);
        }
        m_definedInDocument.insert(definition.name.value, defined);
    }
}

void DirectiveRules::check()
{
    knownDirectives();
    uniqueDirectivesPerLocation();
}

// Spec §5.7.1 Directives Are Defined, §5.7.2 Directives Are In Valid Locations.
void DirectiveRules::knownDirectives()
{
    for (const DirectiveFact &fact : m_context.facts().directives) {
        const QByteArray &name = fact.node->name.value;
        const auto defined = m_definedInDocument.constFind(name);
        const QList<DirectiveLocation> *locations = defined != m_definedInDocument.cend() ? &defined->locations
            : fact.definition                                                           ? &fact.definition->locations
                                                                                          : nullptr;
        if (!locations) {
            m_context.report(ValidationRule::KnownDirectives, fact.enter, {fact.node->location},
                             QLatin1String("Unknown directive ") + quotedDirective(name) + u'.');
        } else if (!locations->contains(fact.location)) {
            m_context.report(ValidationRule::KnownDirectives, fact.enter, {fact.node->location},
                             QLatin1String("Directive ") + quotedDirective(name) + QLatin1String(" may not be used on ")
                                 + QLatin1String(directiveLocationName(fact.location)) + u'.');
        }
    }
}

// Spec §5.7.3 Directives Are Unique Per Location. Like graphql-js, the directives of the schema
// definition and its extensions are one location, and so are those of the definitions and
// extensions of one type name.
void DirectiveRules::uniqueDirectivesPerLocation()
{
    using Seen = QHash<QByteArray, const Ast::Directive *>;
    const Schema &schema = m_context.schema();
    QHash<QByteArray, Seen> seenByDefinition; // by type name; the schema's have an empty name
    for (const DirectiveListFact &fact : m_context.facts().directiveLists) {
        Seen ownSeen;
        Seen &seen = fact.typeSystemDefinition ? seenByDefinition[fact.typeSystemDefinition->name.value] : ownSeen;
        for (const Ast::Directive &directive : *fact.directives) {
            const auto defined = m_definedInDocument.constFind(directive.name.value);
            const Directive *definition = schema.directive(directive.name.value);
            const bool unique = defined != m_definedInDocument.cend() ? !defined->repeatable
                                                                      : definition && !definition->repeatable;
            if (!unique)
                continue;
            if (const Ast::Directive *first = seen.value(directive.name.value)) {
                m_context.report(ValidationRule::UniqueDirectivesPerLocation, fact.enter,
                                 {first->location, directive.location},
                                 QLatin1String("The directive ") + quotedDirective(directive.name.value)
                                     + QLatin1String(" can only be used once at this location."));
            } else {
                seen.insert(directive.name.value, &directive);
            }
        }
    }
}

} // namespace Subscriptor::GraphQL

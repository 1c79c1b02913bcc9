// SPDX-License-Identifier: MIT
#include "argumentrules.h"

#include "schema.h"
#include "suggestions.h"
#include "validationcontext.h"

#include <QHash>

#include <algorithm>

namespace Subscriptor::GraphQL {

namespace {

QString quoted(QByteArrayView text)
{
    return u'"' + QString::fromUtf8(text) + u'"';
}

QList<QByteArray> argumentNames(const std::vector<InputValue> &arguments)
{
    QList<QByteArray> names;
    for (const InputValue &argument : arguments)
        names.append(argument.name);
    return names;
}

bool isRequired(const InputValue &argument)
{
    return argument.type->isNonNull() && !argument.hasDefaultValue;
}

} // namespace

ArgumentRules::ArgumentRules(ValidationContext &context) : m_context(context)
{
    for (const Ast::TypeSystemDefinition &definition : context.document().typeSystemDefinitions) {
        if (definition.keyword == "directive")
            m_directivesDefinedInDocument.insert(definition.name.value);
    }
}

void ArgumentRules::check()
{
    knownArgumentNames();
    uniqueArgumentNames();
    providedRequiredArguments();
}

// Spec §5.4.1 Argument Names.
void ArgumentRules::knownArgumentNames()
{
    for (const ArgumentFact &fact : m_context.facts().fieldArguments) {
        const QByteArray &name = fact.node->name.value;
        if (!fact.field || !fact.parentType || fact.field->argument(name))
            continue;
        const Field *field = fact.field;
        const Type *parentType = fact.parentType;
        const auto message = [=]() -> QString {
            QString text = QLatin1String("Unknown argument ") + quoted(name) + QLatin1String(" on field \"")
                + QString::fromUtf8(parentType->name()) + u'.' + QString::fromUtf8(field->name) + QLatin1String("\".");
            text += didYouMean(suggestionList(name, argumentNames(field->arguments)));
            return text;
        };
        m_context.report(ValidationRule::KnownArgumentNames, fact.enter, {fact.node->name.location}, message);
    }
    for (const DirectiveFact &fact : m_context.facts().directives) {
        const Directive *directive = fact.definition;
        if (!directive || m_directivesDefinedInDocument.contains(directive->name))
            continue;
        for (const Ast::Argument &argument : fact.node->arguments) {
            const QByteArray &name = argument.name.value;
            if (directive->argument(name))
                continue;
            const auto message = [=]() -> QString {
                QString text = QLatin1String("Unknown argument ") + quoted(name) + QLatin1String(" on directive \"@")
                    + QString::fromUtf8(directive->name) + QLatin1String("\".");
                text += didYouMean(suggestionList(name, argumentNames(directive->arguments)));
                return text;
            };
            m_context.report(ValidationRule::KnownArgumentNames, fact.enter, {argument.name.location}, message);
        }
    }
}

// Spec §5.4.2 Argument Uniqueness.
void ArgumentRules::uniqueArgumentNames()
{
    const auto check = [this](const std::vector<Ast::Argument> &arguments, Stamp stamp) {
        QList<QByteArray> names; // in first-seen order
        QHash<QByteArray, QList<Ast::Location>> locations;
        for (const Ast::Argument &argument : arguments) {
            auto it = locations.find(argument.name.value);
            if (it == locations.end()) {
                names.append(argument.name.value);
                it = locations.insert(argument.name.value, {});
            }
            it->append(argument.name.location);
        }
        for (const QByteArray &name : names) {
            if (locations[name].size() > 1) {
                m_context.report(ValidationRule::UniqueArgumentNames, stamp, locations[name],
                                 QLatin1String("There can be only one argument named ") + quoted(name) + u'.');
            }
        }
    };
    for (const FieldFact &fact : m_context.facts().fields)
        check(fact.node->arguments, fact.enter);
    for (const DirectiveFact &fact : m_context.facts().directives)
        check(fact.node->arguments, fact.enter);
}

// Spec §5.4.2.1 Required Arguments.
void ArgumentRules::providedRequiredArguments()
{
    const auto isProvided = [](const std::vector<Ast::Argument> &arguments, const QByteArray &name) {
        return std::any_of(arguments.cbegin(), arguments.cend(),
                           [&](const Ast::Argument &argument) { return argument.name.value == name; });
    };
    for (const FieldFact &fact : m_context.facts().fields) {
        if (!fact.definition)
            continue;
        for (const InputValue &argument : fact.definition->arguments) {
            if (!isRequired(argument) || isProvided(fact.node->arguments, argument.name))
                continue;
            m_context.report(ValidationRule::ProvidedRequiredArguments, fact.leave, {fact.node->location},
                             QLatin1String("Field ") + quoted(fact.definition->name) + QLatin1String(" argument ")
                                 + quoted(argument.name) + QLatin1String(" of type ")
                                 + quoted(argument.type->toString())
                                 + QLatin1String(" is required, but it was not provided."));
        }
    }
    for (const DirectiveFact &fact : m_context.facts().directives) {
        if (!fact.definition || m_directivesDefinedInDocument.contains(fact.definition->name))
            continue;
        for (const InputValue &argument : fact.definition->arguments) {
            if (!isRequired(argument) || isProvided(fact.node->arguments, argument.name))
                continue;
            m_context.report(ValidationRule::ProvidedRequiredArguments, fact.leave, {fact.node->location},
                             QLatin1String("Directive \"@") + QString::fromUtf8(fact.definition->name)
                                 + QLatin1String("\" argument ") + quoted(argument.name) + QLatin1String(" of type ")
                                 + quoted(argument.type->toString())
                                 + QLatin1String(" is required, but it was not provided."));
        }
    }
}

} // namespace Subscriptor::GraphQL

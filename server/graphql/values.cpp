// SPDX-License-Identifier: MIT
#include "values.h"

#include "astprinter.h"
#include "coercion.h"
#include "schema.h"

namespace Subscriptor::GraphQL {

namespace {

// Past this many problems in the variables, coercion stops (as graphql-js does).
constexpr int MaxVariableErrors = 50;

} // namespace

bool coerceVariableValues(const Schema &schema, const std::vector<Ast::VariableDefinition> &definitions,
                          const Value &inputs, Value &coerced, ErrorList &errors)
{
    const qsizetype errorsBefore = errors.size();
    ObjectBuilder values(qsizetype(definitions.size()));
    auto tooMany = [&] {
        if (errors.size() - errorsBefore < MaxVariableErrors)
            return false;
        errors.append(Error(QStringLiteral("Too many errors processing variables, error limit reached. Execution aborted.")));
        return true;
    };
    for (const Ast::VariableDefinition &definition : definitions) {
        const QString name = QString::fromUtf8(definition.variable.value);
        const Type *type = schema.typeFromAst(definition.type);
        const QString typeText = QString::fromUtf8(definition.type.toString());
        if (!type || !type->isInputType()) {
            errors.append(Error(QLatin1String("Variable \"$") + name + QLatin1String("\" expected value of type \"") + typeText
                                    + QLatin1String("\" which cannot be used as an input type."),
                                {definition.type.location}));
            if (tooMany())
                return false;
            continue;
        }
        const Value *input = inputs.find(definition.variable.value);
        if (!input) {
            if (definition.hasDefaultValue) {
                Value value;
                if (valueFromAst(definition.defaultValue, type, Value(), value))
                    values.append(definition.variable.value, std::move(value));
            } else if (type->isNonNull()) {
                errors.append(Error(QLatin1String("Variable \"$") + name + QLatin1String("\" of required type \"") + typeText
                                        + QLatin1String("\" was not provided."),
                                    {definition.location}));
            }
            if (tooMany())
                return false;
            continue;
        }
        if (input->isNull() && type->isNonNull()) {
            errors.append(Error(QLatin1String("Variable \"$") + name + QLatin1String("\" of non-null type \"") + typeText
                                    + QLatin1String("\" must not be null."),
                                {definition.location}));
            if (tooMany())
                return false;
            continue;
        }
        Value value;
        bool limitReached = false;
        const bool ok = coerceInputValue(*input, type, value, [&](const Value::List &path, const Value &invalid, const QString &message) {
            if (limitReached)
                return;
            QString prefix = QLatin1String("Variable \"$") + name + QLatin1String("\" got invalid value ") + inspect(invalid);
            if (!path.isEmpty())
                prefix += QLatin1String(" at \"") + name + printInputPath(path) + u'"';
            errors.append(Error(prefix + QLatin1String("; ") + message, {definition.location}));
            limitReached = tooMany();
        });
        if (limitReached)
            return false;
        if (ok)
            values.append(definition.variable.value, std::move(value));
    }
    coerced = values.build();
    return errors.size() == errorsBefore;
}

bool coerceArgumentValues(const std::vector<InputValue> &definitions, const std::vector<Ast::Argument> &arguments,
                          const Value &variables, const Ast::Location &node, Value &coerced, Error &error)
{
    ObjectBuilder values(qsizetype(definitions.size()));
    for (const InputValue &definition : definitions) {
        const QString name = QString::fromUtf8(definition.name);
        const QString typeText = QString::fromUtf8(definition.type->toString());
        const Ast::Argument *argument = nullptr;
        for (const Ast::Argument &candidate : arguments) {
            if (candidate.name.value == definition.name) {
                argument = &candidate;
                break;
            }
        }
        bool provided = argument != nullptr;
        if (argument && argument->value.kind == Ast::ValueNode::Kind::Variable)
            provided = variables.find(argument->value.text) != nullptr;
        if (!provided) {
            if (definition.hasDefaultValue) {
                values.append(definition.name, definition.defaultValue);
            } else if (definition.type->isNonNull()) {
                error = Error(QLatin1String("Argument \"") + name + QLatin1String("\" of required type \"") + typeText
                                  + QLatin1String("\" was not provided."),
                              {argument ? argument->value.location : node});
                return false;
            }
            continue;
        }
        if (argument->value.kind == Ast::ValueNode::Kind::Variable) {
            const Value &value = *variables.find(argument->value.text);
            if (value.isNull() && definition.type->isNonNull()) {
                error = Error(QLatin1String("Argument \"") + name + QLatin1String("\" of non-null type \"") + typeText
                                  + QLatin1String("\" must not be null."),
                              {argument->value.location});
                return false;
            }
            values.append(definition.name, value);
            continue;
        }
        Value value;
        if (!valueFromAst(argument->value, definition.type, variables, value)) {
            error = Error(QLatin1String("Argument \"") + name + QLatin1String("\" has invalid value ")
                              + QString::fromUtf8(AstPrinter::printValue(argument->value)) + u'.',
                          {argument->value.location});
            return false;
        }
        values.append(definition.name, std::move(value));
    }
    coerced = values.build();
    return true;
}

} // namespace Subscriptor::GraphQL

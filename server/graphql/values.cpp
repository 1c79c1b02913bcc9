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
    // Adds an error; false when the limit was reached instead (graphql-js: the error past the
    // limit is replaced by "Too many errors", and coercion stops).
    auto report = [&](Error error) {
        if (errors.size() - errorsBefore >= MaxVariableErrors) {
            errors.append(Error(QStringLiteral("Too many errors processing variables, error limit reached. Execution aborted.")));
            return false;
        }
        errors.append(std::move(error));
        return true;
    };
    for (const Ast::VariableDefinition &definition : definitions) {
        // Only error messages need these; every request with variables comes through here.
        const auto name = [&] { return QString::fromUtf8(definition.variable.value); };
        const auto typeText = [&] { return QString::fromUtf8(definition.type.toString()); };
        const Type *type = schema.typeFromAst(definition.type);
        if (!type || !type->isInputType()) {
            if (!report(Error(QLatin1String("Variable \"$") + name() + QLatin1String("\" expected value of type \"") + typeText()
                                  + QLatin1String("\" which cannot be used as an input type."),
                              {definition.type.location}))) {
                return false;
            }
            continue;
        }
        const Value *input = inputs.find(definition.variable.value);
        if (!input) {
            if (definition.hasDefaultValue) {
                Value value;
                if (valueFromAst(definition.defaultValue, type, Value(), value))
                    values.append(definition.variable.value, std::move(value));
            } else if (type->isNonNull()) {
                if (!report(Error(QLatin1String("Variable \"$") + name() + QLatin1String("\" of required type \"") + typeText()
                                      + QLatin1String("\" was not provided."),
                                  {definition.location}))) {
                    return false;
                }
            }
            continue;
        }
        if (input->isNull() && type->isNonNull()) {
            if (!report(Error(QLatin1String("Variable \"$") + name() + QLatin1String("\" of non-null type \"") + typeText()
                                  + QLatin1String("\" must not be null."),
                              {definition.location}))) {
                return false;
            }
            continue;
        }
        Value value;
        bool limitReached = false;
        const bool ok = coerceInputValue(*input, type, value, [&](const Value::List &path, const Value &invalid, const QString &message) {
            if (limitReached)
                return;
            QString prefix = QLatin1String("Variable \"$") + name() + QLatin1String("\" got invalid value ") + inspect(invalid);
            if (!path.isEmpty())
                prefix += QLatin1String(" at \"") + name() + printInputPath(path) + u'"';
            limitReached = !report(Error(prefix + QLatin1String("; ") + message, {definition.location}));
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
        // Only error messages need these; every field with arguments comes through here.
        const auto name = [&] { return QString::fromUtf8(definition.name); };
        const auto typeText = [&] { return QString::fromUtf8(definition.type->toString()); };
        const Ast::Argument *argument = nullptr;
        for (const Ast::Argument &candidate : arguments) {
            if (candidate.name.value == definition.name)
                argument = &candidate; // the last one, as graphql-js's keyMap
        }
        const bool isVariable = argument && argument->value.kind == Ast::ValueNode::Kind::Variable;
        const Value *variable = isVariable ? variables.find(argument->value.text) : nullptr;
        if (!argument || (isVariable && !variable)) {
            if (definition.hasDefaultValue) {
                values.append(definition.name, definition.defaultValue);
            } else if (definition.type->isNonNull()) {
                QString message = QLatin1String("Argument \"") + name() + QLatin1String("\" of required type \"") + typeText();
                if (argument) {
                    message += QLatin1String("\" was provided the variable \"$") + QString::fromUtf8(argument->value.text)
                        + QLatin1String("\" which was not provided a runtime value.");
                } else {
                    message += QLatin1String("\" was not provided.");
                }
                error = Error(message, {argument ? argument->value.location : node});
                return false;
            }
            continue;
        }
        const bool isNull = variable ? variable->isNull() : argument->value.kind == Ast::ValueNode::Kind::Null;
        if (isNull && definition.type->isNonNull()) {
            error = Error(QLatin1String("Argument \"") + name() + QLatin1String("\" of non-null type \"") + typeText()
                              + QLatin1String("\" must not be null."),
                          {argument->value.location});
            return false;
        }
        if (variable) {
            values.append(definition.name, *variable);
            continue;
        }
        Value value;
        if (!valueFromAst(argument->value, definition.type, variables, value)) {
            error = Error(QLatin1String("Argument \"") + name() + QLatin1String("\" has invalid value ")
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

// SPDX-License-Identifier: MIT
#include "valuerules.h"

#include "astprinter.h"
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

QString expectedValueMessage(const Type *locationType, const QString &printedValue)
{
    return QLatin1String("Expected value of type ") + quoted(locationType->toString()) + QLatin1String(", found ")
        + printedValue;
}

} // namespace

void ValueRules::check()
{
    valuesOfCorrectType();
    uniqueInputFieldNames();
}

// Spec §5.6.1 Values of Correct Type, §5.6.2 Input Object Field Names, §5.6.4 Input Object
// Required Fields.
void ValueRules::valuesOfCorrectType()
{
    const std::vector<ValueFact> &values = m_context.facts().values;
    // A list or object that is checked as a whole is not looked into (graphql-js stops there).
    std::vector<bool> skipped(values.size(), false);
    for (size_t i = 0; i < values.size(); ++i) {
        const ValueFact &fact = values[i];
        if (fact.parent >= 0 && skipped[size_t(fact.parent)]) {
            skipped[i] = true;
            continue;
        }
        if (fact.field) {
            const Type *objectType = fact.objectType ? fact.objectType->namedType() : nullptr;
            if (fact.type || !objectType || objectType->kind() != TypeKind::InputObject)
                continue;
            const QByteArray name = fact.field->name.value;
            const auto message = [=]() -> QString {
                QList<QByteArray> fieldNames;
                for (const InputValue &field : objectType->inputFields())
                    fieldNames.append(field.name);
                QString text = QLatin1String("Field ") + quoted(name) + QLatin1String(" is not defined by type ")
                    + quoted(objectType->name()) + u'.';
                text += didYouMean(suggestionList(name, fieldNames));
                return text;
            };
            m_context.report(ValidationRule::ValuesOfCorrectType, fact.enter, {fact.field->name.location}, message);
            continue;
        }
        const Ast::ValueNode &value = *fact.node;
        switch (value.kind) {
        case Ast::ValueNode::Kind::Variable:
            break;
        case Ast::ValueNode::Kind::List: {
            // Where no list is expected, the list is checked as one value of the expected type.
            const Type *nullable = fact.type ? fact.type->nullableType() : nullptr;
            if (!nullable || !nullable->isList()) {
                checkLeafValue(value, nullable, fact.enter);
                skipped[i] = true;
            }
            break;
        }
        case Ast::ValueNode::Kind::Object: {
            const Type *objectType = fact.type ? fact.type->namedType() : nullptr;
            if (!objectType || objectType->kind() != TypeKind::InputObject) {
                checkLeafValue(value, fact.type, fact.enter);
                skipped[i] = true;
                break;
            }
            for (const InputValue &field : objectType->inputFields()) {
                const bool provided = std::any_of(value.fields.cbegin(), value.fields.cend(),
                                                  [&](const Ast::ObjectField &given) { return given.name.value == field.name; });
                if (provided || !field.type->isNonNull() || field.hasDefaultValue)
                    continue;
                m_context.report(ValidationRule::ValuesOfCorrectType, fact.enter, {value.location},
                                 QLatin1String("Field \"") + QString::fromUtf8(objectType->name()) + u'.'
                                     + QString::fromUtf8(field.name) + QLatin1String("\" of required type ")
                                     + quoted(field.type->toString()) + QLatin1String(" was not provided."));
            }
            break;
        }
        case Ast::ValueNode::Kind::Null:
            if (fact.type && fact.type->isNonNull()) {
                m_context.report(ValidationRule::ValuesOfCorrectType, fact.enter, {value.location},
                                 expectedValueMessage(fact.type, QStringLiteral("null")) + u'.');
            }
            break;
        default:
            checkLeafValue(value, fact.type, fact.enter);
            break;
        }
    }
}

void ValueRules::checkLeafValue(const Ast::ValueNode &value, const Type *locationType, Stamp stamp)
{
    if (!locationType)
        return;
    const Type *type = locationType->namedType();
    if (type->kind() == TypeKind::Enum) {
        if (value.kind != Ast::ValueNode::Kind::Enum || !type->enumValue(value.text)) {
            m_context.report(ValidationRule::ValuesOfCorrectType, stamp, {value.location},
                             [&value, type] { return enumValueError(value, type); });
        }
        return;
    }
    const QString printed = QString::fromUtf8(AstPrinter::printValue(value));
    if (!type->isLeaf()) {
        m_context.report(ValidationRule::ValuesOfCorrectType, stamp, {value.location},
                         expectedValueMessage(locationType, printed) + u'.');
        return;
    }
    Value parsed;
    QString error;
    if (type->parseLiteral(value, Value(), parsed, error))
        return;
    // The built-in scalars word their own errors (GraphQLErrors in graphql-js); the error of a
    // custom scalar completes the generic message.
    if (!m_context.schema().isBuiltIn(type)) {
        error = expectedValueMessage(locationType, printed)
            + (error.isEmpty() ? QStringLiteral(".") : QLatin1String("; ") + error);
    }
    m_context.report(ValidationRule::ValuesOfCorrectType, stamp, {value.location}, error);
}

QString ValueRules::enumValueError(const Ast::ValueNode &value, const Type *enumType)
{
    const QByteArray printed = AstPrinter::printValue(value);
    QList<QByteArray> names;
    for (const EnumValue &enumValue : enumType->enumValues())
        names.append(enumValue.name);
    const QString suggestion = didYouMean(suggestionList(printed, names), QStringLiteral("the enum value"));
    const QString typeName = quoted(enumType->name());
    if (value.kind != Ast::ValueNode::Kind::Enum) {
        return QLatin1String("Enum ") + typeName + QLatin1String(" cannot represent non-enum value: ")
            + QString::fromUtf8(printed) + u'.' + suggestion;
    }
    return QLatin1String("Value ") + quoted(printed) + QLatin1String(" does not exist in ") + typeName
        + QLatin1String(" enum.") + suggestion;
}

// Spec §5.6.3 Input Object Field Uniqueness.
void ValueRules::uniqueInputFieldNames()
{
    // The fields seen so far in each object literal, by the object's fact.
    QHash<qsizetype, QHash<QByteArray, const Ast::Name *>> seen;
    for (const ValueFact &fact : m_context.facts().values) {
        if (!fact.field)
            continue;
        const Ast::Name &name = fact.field->name;
        QHash<QByteArray, const Ast::Name *> &known = seen[fact.parent];
        if (const Ast::Name *first = known.value(name.value)) {
            m_context.report(ValidationRule::UniqueInputFieldNames, fact.enter, {first->location, name.location},
                             QLatin1String("There can be only one input field named ") + quoted(name.value) + u'.');
        } else {
            known.insert(name.value, &name);
        }
    }
}

} // namespace Subscriptor::GraphQL

// SPDX-License-Identifier: MIT
#pragma once

#include "documentfacts.h"

#include <QString>

namespace Subscriptor::GraphQL {

class ValidationContext;

/// The rules about literal values (spec §5.6): ValuesOfCorrectTypeRule and
/// UniqueInputFieldNamesRule.
class ValueRules final
{
public:
    explicit ValueRules(ValidationContext &context) : m_context(context) { }

    void check();

private:
    void valuesOfCorrectType();
    void uniqueInputFieldNames();
    /// Checks a value where a leaf type is expected, as graphql-js's isValidValueNode does: the
    /// type's own literal parser decides, and words its error.
    void checkLeafValue(const Ast::ValueNode &value, const Type *locationType, Stamp stamp);
    /// The error of a value that is not one of an enum type's values, as graphql-js words it.
    static QString enumValueError(const Ast::ValueNode &value, const Type *enumType);

    ValidationContext &m_context;
};

} // namespace Subscriptor::GraphQL

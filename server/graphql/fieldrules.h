// SPDX-License-Identifier: MIT
#pragma once

namespace Subscriptor::GraphQL {

class ValidationContext;

/// The rules about fields (spec §5.3.1, §5.3.3): FieldsOnCorrectTypeRule and ScalarLeafsRule, and
/// graphql-js's MaxIntrospectionDepthRule, which bounds how deep an introspection query nests lists.
class FieldRules final
{
public:
    explicit FieldRules(ValidationContext &context) : m_context(context) { }

    void check();

private:
    void scalarLeafs();
    void fieldsOnCorrectType();
    void maxIntrospectionDepth();

    ValidationContext &m_context;
};

} // namespace Subscriptor::GraphQL

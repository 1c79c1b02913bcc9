// SPDX-License-Identifier: MIT
#pragma once

#include "documentfacts.h"

namespace Subscriptor::GraphQL {

class Schema;

/**
 * Walks a document once, depth first in the order graphql-js visits it, keeping track of the
 * types around each node as graphql-js's TypeInfo does, and records what the validation rules
 * need in DocumentFacts. Recursion follows the syntax tree only (never a fragment spread), so it is
 * bounded by the parser's nesting limit.
 */
class DocumentWalker final
{
public:
    DocumentWalker(const Schema &schema, const Ast::Document &document, DocumentFacts &facts);
    Q_DISABLE_COPY_MOVE(DocumentWalker)

    void walk();

private:
    void walkOperation(const Ast::OperationDefinition &operation, OperationFact &fact);
    void walkFragment(const Ast::FragmentDefinition &fragment, FragmentFact &fact);
    void walkTypeSystemDefinition(const Ast::TypeSystemDefinition &definition);
    void walkVariableDefinition(const Ast::VariableDefinition &definition);
    void walkTypeCondition(const Ast::Name &name);
    void walkSelectionSet(const std::vector<Ast::Selection> &selections, const Type *type, bool ownSet);
    void walkField(const Ast::Selection &field, const Type *parentType);
    void walkFragmentSpread(const Ast::Selection &spread, const Type *parentType);
    void walkInlineFragment(const Ast::Selection &fragment, const Type *parentType, const Type *enclosingType);
    void walkDirectives(const std::vector<Ast::Directive> &directives, DirectiveLocation location);
    void walkArgument(const Ast::Argument &argument, const InputValue *definition);
    void walkValue(const Ast::ValueNode &value, const Type *type, bool hasLocationDefault, qsizetype parent);
    Stamp next() { return m_stamp++; }

    const Schema &m_schema;
    const Ast::Document &m_document;
    DocumentFacts &m_facts;
    Stamp m_stamp = 0;
    /// Where variable usages go: the definition being walked; null inside variable definitions.
    std::vector<VariableUsage> *m_usages = nullptr;
    /// The field whose arguments, directives or selection set the walk is in (TypeInfo's field
    /// definition); the arguments of an unknown directive are looked up on it, as graphql-js does.
    const Field *m_field = nullptr;
};

} // namespace Subscriptor::GraphQL

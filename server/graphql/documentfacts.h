// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"
#include "type.h"

#include <optional>
#include <vector>

namespace Subscriptor::GraphQL {

/**
 * The position of an event in the depth-first walk of a document: entering a node, or leaving one
 * that a rule looks at on the way out. graphql-js runs every rule in that one walk and, at each
 * node, in the order of `specifiedRules`; sorting errors by (stamp, rule) gives its order back.
 */
using Stamp = int;

/// A directive location by its name in the spec (`OBJECT`), as the parser records it in SDL.
inline std::optional<DirectiveLocation> directiveLocationNamed(QByteArrayView name)
{
    for (int i = 0; i <= int(DirectiveLocation::InputFieldDefinition); ++i) {
        if (name == directiveLocationName(DirectiveLocation(i)))
            return DirectiveLocation(i);
    }
    return std::nullopt;
}

/// A variable met in a value (spec §5.8.3, §5.8.4, §5.8.5), with what the place it is in expects.
struct VariableUsage
{
    const Ast::ValueNode *node = nullptr;
    const Type *type = nullptr;      ///< the input type of the place, null when unknown
    bool hasLocationDefault = false; ///< the argument or input field there has a default value
};

struct OperationFact
{
    Stamp enter = 0;
    Stamp leave = 0;
    std::vector<VariableUsage> usages; ///< in the operation itself, not through fragments
};

struct FragmentFact
{
    Stamp enter = 0;
    std::vector<VariableUsage> usages;
};

struct VariableDefinitionFact
{
    const Ast::VariableDefinition *node = nullptr;
    const Type *type = nullptr; ///< null when the type is unknown
    Stamp enter = 0;
};

/// A type name of a variable definition or a type condition, or one inside a type-system definition.
struct NamedTypeFact
{
    const Ast::Name *name = nullptr;
    Stamp enter = 0;
    bool inTypeSystem = false; ///< inside a type-system definition (graphql-js: "isSDL")
};

struct FieldFact
{
    const Ast::Selection *node = nullptr;
    const Type *parentType = nullptr;       ///< the composite type it is selected on, null when unknown
    const Field *definition = nullptr;      ///< null when the parent type has no such field
    Stamp enter = 0;
    Stamp leave = 0;
};

/// A selection set of an operation, a fragment definition or a field. The selection set of an
/// inline fragment belongs to the enclosing one (field merging flattens it into its parent).
struct SelectionSetFact
{
    const std::vector<Ast::Selection> *selections = nullptr;
    const Type *parentType = nullptr; ///< composite, or null when unknown
    Stamp enter = 0;
};

/// A fragment spread or an inline fragment.
struct FragmentUseFact
{
    const Ast::Selection *node = nullptr;
    const Type *parentType = nullptr; ///< the composite type of the enclosing selection set
    const Type *type = nullptr;       ///< inline fragments: the type condition (or the parent's type)
    Stamp enter = 0;
};

struct DirectiveFact
{
    const Ast::Directive *node = nullptr;
    DirectiveLocation location = DirectiveLocation::Query;
    const Directive *definition = nullptr; ///< null when unknown
    Stamp enter = 0;
    Stamp leave = 0;
};

/// The directives of one node, met when the walk enters that node.
struct DirectiveListFact
{
    const std::vector<Ast::Directive> *directives = nullptr;
    Stamp enter = 0;
    /// Set when they are the directives of a type-system definition or extension itself.
    const Ast::TypeSystemDefinition *typeSystemDefinition = nullptr;
};

/// An argument of a field (directive arguments are checked with their directive).
struct ArgumentFact
{
    const Ast::Argument *node = nullptr;
    const Field *field = nullptr;     ///< null when the field is unknown
    const Type *parentType = nullptr;
    Stamp enter = 0;
};

/// A value literal, or a field of an object literal: arguments, default values, nested values.
struct ValueFact
{
    const Ast::ValueNode *node = nullptr;     ///< the value (for an object field: the field's value)
    const Ast::ObjectField *field = nullptr;  ///< set for an object field, which is an event of its own
    const Type *type = nullptr;               ///< the input type expected there, null when unknown
    const Type *objectType = nullptr;         ///< object fields: the type expected of the object
    qsizetype parent = -1;                    ///< the enclosing list, object or object field fact
    Stamp enter = 0;
};

/**
 * What one walk of a document with the schema's types finds (graphql-js TypeInfo): each kind of
 * node the rules look at, in document order, with the types around it. Operations and fragments
 * are indexed as in the Document.
 */
struct DocumentFacts
{
    Stamp documentLeave = 0; ///< entering the document is stamp 0
    std::vector<OperationFact> operations;
    std::vector<FragmentFact> fragments;
    std::vector<VariableDefinitionFact> variableDefinitions;
    std::vector<NamedTypeFact> namedTypes;
    std::vector<FieldFact> fields;
    std::vector<SelectionSetFact> selectionSets;
    std::vector<FragmentUseFact> fragmentUses;
    std::vector<DirectiveFact> directives;
    std::vector<DirectiveListFact> directiveLists;
    std::vector<ArgumentFact> fieldArguments;
    std::vector<ValueFact> values;
};

} // namespace Subscriptor::GraphQL

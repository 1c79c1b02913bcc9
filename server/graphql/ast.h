// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

/// The syntax tree of an executable GraphQL document (spec §2). Nodes are plain structs owned by
/// their parent; a Document owns everything and never changes after parsing, so validation and
/// execution may keep pointers to its nodes for as long as they hold the Document.
namespace Subscriptor::GraphQL::Ast {

/// 1-based line and column of a node's first character (spec §2.1 "Source Text").
struct Location
{
    int line = 0;
    int column = 0;
    bool isValid() const { return line > 0; }
    bool operator==(const Location &other) const = default;
};

struct Name
{
    QByteArray value;
    Location location;
    bool isEmpty() const { return value.isEmpty(); }
};

struct ObjectField;

/// A literal or variable in the document (spec §2.9).
struct ValueNode
{
    enum class Kind : quint8 { Variable, Int, Float, String, Boolean, Null, Enum, List, Object };
    Kind kind = Kind::Null;
    Location location;
    QByteArray text;                 ///< variable name, enum name, or the digits of an Int/Float
    QString string;                  ///< decoded String value
    bool boolean = false;
    bool block = false;              ///< a block string ("""…""")
    std::vector<ValueNode> list;     ///< List items
    std::vector<ObjectField> fields; ///< Object fields in document order
};

struct ObjectField
{
    Name name;
    ValueNode value;
};

struct Argument
{
    Name name;
    ValueNode value;
};

struct Directive
{
    Name name;
    std::vector<Argument> arguments;
    Location location;
};

/// A type reference (spec §2.11): named, [list] or non-null!.
struct TypeNode
{
    enum class Kind : quint8 { Named, List, NonNull };
    Kind kind = Kind::Named;
    Name name;                        ///< Named
    std::unique_ptr<TypeNode> ofType; ///< List and NonNull
    Location location;

    TypeNode() = default;
    TypeNode(const TypeNode &other);
    TypeNode &operator=(const TypeNode &other);
    TypeNode(TypeNode &&) = default;
    TypeNode &operator=(TypeNode &&) = default;

    /// The named type at the bottom of the wrappers.
    const Name &namedType() const;
    /// Printed as in the document: `[Int!]!`.
    QByteArray toString() const;
};

/// One item of a selection set (spec §2.4): a field, a fragment spread or an inline fragment.
struct Selection
{
    enum class Kind : quint8 { Field, FragmentSpread, InlineFragment };
    Kind kind = Kind::Field;
    Location location;
    Name alias;                          ///< Field (empty when none)
    Name name;                           ///< Field name, or the spread fragment's name
    Name typeCondition;                  ///< InlineFragment (empty when none)
    std::vector<Argument> arguments;     ///< Field
    std::vector<Directive> directives;
    std::vector<Selection> selectionSet; ///< Field and InlineFragment
    Location selectionSetLocation;       ///< where `{` is, invalid when there is no selection set

    bool isField() const { return kind == Kind::Field; }
    bool hasSelectionSet() const { return selectionSetLocation.isValid(); }
    /// The key of a field in the response: its alias, else its name (spec §2.7).
    const QByteArray &responseKey() const { return alias.isEmpty() ? name.value : alias.value; }
};

struct VariableDefinition
{
    Name variable;                ///< without the `$`
    TypeNode type;
    bool hasDefaultValue = false;
    ValueNode defaultValue;
    std::vector<Directive> directives;
    Location location;
};

enum class OperationType : quint8 { Query, Mutation, Subscription };

struct OperationDefinition
{
    OperationType operation = OperationType::Query;
    Name name;                    ///< empty for an anonymous operation
    std::vector<VariableDefinition> variables;
    std::vector<Directive> directives;
    std::vector<Selection> selectionSet;
    Location location;
};

struct FragmentDefinition
{
    Name name;
    Name typeCondition;
    std::vector<Directive> directives;
    std::vector<Selection> selectionSet;
    Location location;
};

/// What validation looks at inside a type-system definition: graphql-js's validate() visits these
/// nodes too (KnownTypeNamesRule, KnownDirectivesRule, …). Parts are in document order, which is the
/// order graphql-js visits them in.
struct TypeSystemPart
{
    enum class Kind : quint8 {
        Node,         ///< a node that can carry directives begins: the definition, a field,
                      ///< argument, input field or enum value
        NamedType,    ///< a type named in it: a field, argument or input field type, an implemented
                      ///< interface, a union member, a root operation type
        DefaultValue, ///< the default value of an argument or input field
        Directives,   ///< the directives applied to the Node part `node`, where they are in the text
    };
    Kind kind = Kind::Node;
    Name name;                         ///< NamedType
    ValueNode value;                   ///< DefaultValue
    qsizetype node = -1;               ///< Directives
    QByteArray directiveLocation;      ///< Directives: the spec's name of their location, `OBJECT`
    std::vector<Directive> directives; ///< Directives, never empty
};

/// A type-system definition or extension found in an executable document. It is parsed so that the
/// validator can name it ("The "Foo" definition is not executable", spec §5.1.1) and check what
/// graphql-js checks inside it; it is never executed.
struct TypeSystemDefinition
{
    QByteArray keyword; ///< `type`, `schema`, `extend type`, `directive`, …
    Name name;          ///< empty for `schema` and `extend schema`
    Location location;
    std::vector<TypeSystemPart> parts;
    QList<QByteArray> directiveLocations; ///< `directive`: the locations it declares, `FIELD`
    bool repeatable = false;              ///< `directive`: declared `repeatable`
};

struct Definition
{
    enum class Kind : quint8 { Operation, Fragment, TypeSystem };
    Kind kind;
    qsizetype index; ///< into the Document's list of that kind
};

struct Document
{
    QByteArray source;
    std::vector<Definition> definitions; ///< every definition in document order
    std::vector<OperationDefinition> operations;
    std::vector<FragmentDefinition> fragments;
    std::vector<TypeSystemDefinition> typeSystemDefinitions;

    const FragmentDefinition *fragment(QByteArrayView name) const;
};

const char *operationTypeName(OperationType type);

} // namespace Subscriptor::GraphQL::Ast

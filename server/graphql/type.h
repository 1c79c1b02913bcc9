// SPDX-License-Identifier: MIT
#pragma once

#include "ast.h"
#include "value.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <any>
#include <functional>
#include <memory>
#include <vector>

namespace Subscriptor::GraphQL {

class Schema;
class Type;
struct Field;

enum class TypeKind : quint8 { Scalar, Object, Interface, Union, Enum, InputObject, List, NonNull };

/// What a resolver is given (graphql-js's `source, args, context, info`).
class ResolveInfo final
{
public:
    ResolveInfo(const Value &source, const Value &arguments, const Field &field, const Type &parentType,
                const Schema &schema, const Value &variables, const std::any *context)
        : source(source), arguments(arguments), field(field), parentType(parentType), schema(schema),
          variables(variables), context(context)
    {
    }

    const Value &source;
    const Value &arguments; ///< the field's coerced arguments, an object
    const Field &field;
    const Type &parentType;
    const Schema &schema;
    const Value &variables;
    const std::any *context = nullptr;

    /// The request's context object, when it holds a T.
    template<typename T>
    const T *contextAs() const
    {
        return context ? std::any_cast<T>(context) : nullptr;
    }
    /// Reports a field error (spec §6.4.4); the field becomes null. Returns null for `return info.fail(…)`.
    Value fail(QString message)
    {
        m_error = std::move(message);
        m_failed = true;
        return Value();
    }
    bool failed() const { return m_failed; }
    const QString &errorMessage() const { return m_error; }

private:
    QString m_error;
    bool m_failed = false;
};

using Resolver = std::function<Value(ResolveInfo &)>;
/// For interfaces and unions: the name of the object type of a value. Empty means "use the value's
/// `__typename` member".
using TypeResolver = std::function<QByteArray(const Value &value, const Schema &schema)>;
/// Scalar coercion: returns false and sets `error` (a whole sentence) when the value is not valid.
using ScalarCoercion = std::function<bool(const Value &in, Value &out, QString &error)>;
using LiteralCoercion = std::function<bool(const Ast::ValueNode &literal, const Value &variables, Value &out, QString &error)>;

/// An argument of a field or directive, or a field of an input object (spec §3.6.1, §3.10).
struct InputValue
{
    QByteArray name;
    QString description;
    QByteArray typeName;        ///< as written when built: `[String!]`
    const Type *type = nullptr; ///< resolved when the schema is built
    bool hasDefaultValue = false;
    Value defaultValue;         ///< an internal (coerced) value
    bool deprecated = false;
    QString deprecationReason;

    InputValue &setDescription(QString text) { description = std::move(text); return *this; }
    InputValue &setDefaultValue(Value value) { hasDefaultValue = true; defaultValue = std::move(value); return *this; }
    InputValue &deprecate(QString reason = QStringLiteral("No longer supported"));
};

struct Field
{
    QByteArray name;
    QString description;
    QByteArray typeName;
    const Type *type = nullptr;
    std::vector<InputValue> arguments;
    Resolver resolve; ///< empty: the default resolver reads the source object's member `name`
    bool deprecated = false;
    QString deprecationReason;

    Field &setDescription(QString text) { description = std::move(text); return *this; }
    Field &setResolver(Resolver resolver) { resolve = std::move(resolver); return *this; }
    Field &deprecate(QString reason = QStringLiteral("No longer supported"));
    /// Adds an argument; the reference stays valid until the next argument is added.
    InputValue &addArgument(QByteArray name, QByteArray typeName, QString description = {});
    const InputValue *argument(QByteArrayView name) const;
};

struct EnumValue
{
    QByteArray name;
    QString description;
    Value value; ///< the internal value; the name (as a string) unless set
    bool deprecated = false;
    QString deprecationReason;

    EnumValue &setDescription(QString text) { description = std::move(text); return *this; }
    EnumValue &deprecate(QString reason = QStringLiteral("No longer supported"));
};

/**
 * A GraphQL type (spec §3.4): one of the six named kinds, or a List/NonNull wrapper. A Schema owns
 * its types; they never change once it is built. Members that do not apply to a kind are empty.
 */
class Type final
{
public:
    Type(TypeKind kind, QByteArray name, QString description = {});
    Q_DISABLE_COPY_MOVE(Type)

    TypeKind kind() const { return m_kind; }
    const QByteArray &name() const { return m_name; }
    const QString &description() const { return m_description; }
    const Type *ofType() const { return m_ofType; }

    bool isNonNull() const { return m_kind == TypeKind::NonNull; }
    bool isList() const { return m_kind == TypeKind::List; }
    bool isWrapper() const { return isNonNull() || isList(); }
    bool isLeaf() const { return m_kind == TypeKind::Scalar || m_kind == TypeKind::Enum; }
    bool isComposite() const;
    bool isAbstract() const { return m_kind == TypeKind::Interface || m_kind == TypeKind::Union; }
    bool isInputType() const;
    bool isOutputType() const;
    const Type *namedType() const;
    const Type *nullableType() const { return isNonNull() ? m_ofType : this; }
    /// As written in a document: `[User!]!`.
    QByteArray toString() const;

    // Object and Interface
    const std::vector<Field> &fields() const { return m_fields; }
    const Field *field(QByteArrayView name) const;
    const QList<const Type *> &interfaces() const { return m_interfaces; }
    bool implements(const Type *interface) const { return m_interfaces.contains(interface); }
    // Union
    const QList<const Type *> &members() const { return m_members; }
    // Interface and Union
    const TypeResolver &typeResolver() const { return m_typeResolver; }
    // Enum
    const std::vector<EnumValue> &enumValues() const { return m_enumValues; }
    const EnumValue *enumValue(QByteArrayView name) const;
    const EnumValue *enumValueFor(const Value &internal) const;
    // InputObject
    const std::vector<InputValue> &inputFields() const { return m_inputFields; }
    const InputValue *inputField(QByteArrayView name) const;
    // Scalar
    const QString &specifiedByUrl() const { return m_specifiedByUrl; }
    /// internal value → result value (spec §3.5 "Result Coercion")
    bool serialize(const Value &internal, Value &out, QString &error) const;
    /// JSON input (variables) → internal value
    bool parseValue(const Value &input, Value &out, QString &error) const;
    /// literal in a document → internal value
    bool parseLiteral(const Ast::ValueNode &literal, const Value &variables, Value &out, QString &error) const;

    // ---- Building (before the schema is built; see SchemaBuilder) ----
    Type &setDescription(QString text) { m_description = std::move(text); return *this; }
    /// Adds a field; the reference stays valid until the next field is added.
    Field &addField(QByteArray name, QByteArray typeName, QString description = {});
    Type &addInterface(QByteArray interfaceName) { m_interfaceNames.append(std::move(interfaceName)); return *this; }
    Type &addMember(QByteArray objectName) { m_memberNames.append(std::move(objectName)); return *this; }
    Type &setTypeResolver(TypeResolver resolver) { m_typeResolver = std::move(resolver); return *this; }
    EnumValue &addEnumValue(QByteArray name, QString description = {});
    EnumValue &addEnumValue(QByteArray name, Value internal, QString description);
    InputValue &addInputField(QByteArray name, QByteArray typeName, QString description = {});
    Type &setSpecifiedByUrl(QString url) { m_specifiedByUrl = std::move(url); return *this; }
    Type &setCoercion(ScalarCoercion serialize, ScalarCoercion parseValue, LiteralCoercion parseLiteral = {});

private:
    friend class Schema;
    friend class SchemaBuilder;

    /// graphql-js didYouMeanEnumValue: ` Did you mean the enum value "A"?`, or empty.
    QString didYouMeanEnumValue(const QString &unknown) const;

    TypeKind m_kind;
    QByteArray m_name;
    QString m_description;
    const Type *m_ofType = nullptr;
    mutable const Type *m_listOf = nullptr; // interned wrappers, set by the schema
    mutable const Type *m_nonNullOf = nullptr;

    std::vector<Field> m_fields;
    QList<QByteArray> m_interfaceNames;
    QList<const Type *> m_interfaces;
    QList<QByteArray> m_memberNames;
    QList<const Type *> m_members;
    TypeResolver m_typeResolver;
    std::vector<EnumValue> m_enumValues;
    std::vector<InputValue> m_inputFields;
    QString m_specifiedByUrl;
    ScalarCoercion m_serialize;
    ScalarCoercion m_parseValue;
    LiteralCoercion m_parseLiteral;
};

/// Where a directive may appear (spec §3.13).
enum class DirectiveLocation : quint8 {
    Query, Mutation, Subscription, Field, FragmentDefinition, FragmentSpread, InlineFragment,
    VariableDefinition, Schema, Scalar, Object, FieldDefinition, ArgumentDefinition, Interface, Union,
    Enum, EnumValue, InputObject, InputFieldDefinition,
};
const char *directiveLocationName(DirectiveLocation location);
bool isExecutableLocation(DirectiveLocation location);

struct Directive
{
    QByteArray name;
    QString description;
    QList<DirectiveLocation> locations;
    std::vector<InputValue> arguments;
    bool repeatable = false;

    InputValue &addArgument(QByteArray name, QByteArray typeName, QString description = {});
    const InputValue *argument(QByteArrayView name) const;
};

} // namespace Subscriptor::GraphQL

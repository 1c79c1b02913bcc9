// SPDX-License-Identifier: MIT
#pragma once

#include "type.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <vector>

namespace Subscriptor::GraphQL {

class Schema;
using SchemaPtr = std::shared_ptr<const Schema>;

/**
 * An immutable, built GraphQL schema (spec §3). Safe to share between threads: nothing in it
 * changes after SchemaBuilder::build(), resolvers included.
 */
class Schema final
{
public:
    Q_DISABLE_COPY_MOVE(Schema)
    ~Schema();

    const QString &description() const { return m_description; }
    const Type *queryType() const { return m_queryType; }
    const Type *mutationType() const { return m_mutationType; }
    const Type *subscriptionType() const { return m_subscriptionType; }
    const Type *rootType(Ast::OperationType operation) const;

    /// A named type, or nullptr.
    const Type *type(QByteArrayView name) const;
    /// Every named type, in the order they were defined; the built-in scalars and the introspection
    /// types included.
    const std::vector<const Type *> &types() const { return m_typeOrder; }
    const std::vector<Directive> &directives() const { return m_directives; }
    const Directive *directive(QByteArrayView name) const;
    /// The built-in scalars, directives and introspection types (not printed in SDL).
    bool isBuiltIn(const Type *type) const;
    bool isBuiltIn(const Directive &directive) const;

    /// The object types a value of an interface or union type can have.
    const QList<const Type *> &possibleTypes(const Type *abstractType) const;
    bool isPossibleType(const Type *abstractType, const Type *objectType) const;
    /// Spec §3.6.2 IsValidImplementationFieldType / graphql-js isTypeSubTypeOf.
    bool isSubType(const Type *maybeSubType, const Type *superType) const;
    /// graphql-js doTypesOverlap: whether two composite types can have a value in common.
    bool typesOverlap(const Type *a, const Type *b) const;

    /// The wrappers of a type, made once and owned by the schema.
    const Type *listOf(const Type *type) const;
    const Type *nonNullOf(const Type *type) const;
    /// A type from a reference as written in a document (`[String!]`), or nullptr.
    const Type *typeFromAst(const Ast::TypeNode &node) const;
    const Type *typeFromString(QByteArrayView reference) const;

    /// The meta-fields of spec §4.2 (`__schema`, `__type`, `__typename`).
    const Field *schemaMetaField() const { return m_schemaMetaField; }
    const Field *typeMetaField() const { return m_typeMetaField; }
    const Field *typeNameMetaField() const { return m_typeNameMetaField; }
    /// A field of a composite type, counting the meta-fields where the spec allows them.
    const Field *fieldDefinition(const Type *parentType, QByteArrayView fieldName) const;

private:
    friend class SchemaBuilder;
    Schema() = default;

    QString m_description;
    std::vector<std::unique_ptr<Type>> m_ownedTypes;
    mutable std::vector<std::unique_ptr<Type>> m_wrappers;
    std::vector<const Type *> m_typeOrder;
    QHash<QByteArray, const Type *> m_typesByName;
    QHash<const Type *, QList<const Type *>> m_possibleTypes;
    std::vector<Directive> m_directives;
    const Type *m_queryType = nullptr;
    const Type *m_mutationType = nullptr;
    const Type *m_subscriptionType = nullptr;
    const Field *m_schemaMetaField = nullptr;
    const Field *m_typeMetaField = nullptr;
    const Field *m_typeNameMetaField = nullptr;
    std::unique_ptr<Type> m_metaFieldHolder;
    qsizetype m_builtInTypes = 0;
    qsizetype m_builtInDirectives = 0;
};

/**
 * Builds a Schema from C++. Types refer to one another by name ("[User!]!"), so they can be added
 * in any order; build() resolves the names and checks the type-system rules of spec §3.
 *
 *     SchemaBuilder builder;
 *     builder.addObjectType("Query").addField("hello", "String!").setResolver(...);
 *     SchemaPtr schema = builder.build(&errors);
 */
class SchemaBuilder final
{
public:
    SchemaBuilder();
    ~SchemaBuilder();
    Q_DISABLE_COPY_MOVE(SchemaBuilder)

    SchemaBuilder &setDescription(QString description);
    Type &addObjectType(QByteArray name, QString description = {});
    Type &addInterfaceType(QByteArray name, QString description = {});
    Type &addUnionType(QByteArray name, QString description = {});
    Type &addEnumType(QByteArray name, QString description = {});
    Type &addInputObjectType(QByteArray name, QString description = {});
    Type &addScalarType(QByteArray name, QString description = {});
    Directive &addDirective(QByteArray name, QList<DirectiveLocation> locations, QString description = {});
    /// A type added earlier (to add fields to it later), or nullptr.
    Type *type(QByteArrayView name);

    /// The root types; by default the types named Query, Mutation and Subscription.
    SchemaBuilder &setQueryType(QByteArray name);
    SchemaBuilder &setMutationType(QByteArray name);
    SchemaBuilder &setSubscriptionType(QByteArray name);

    /// The schema, or null with the reasons in `errors`. The builder is empty afterwards.
    SchemaPtr build(QStringList *errors = nullptr);

private:
    Type &addType(TypeKind kind, QByteArray name, QString description);
    void addBuiltIns();
    void checkRootTypes(Schema &schema, QStringList &errors) const;
    bool resolveReferences(Schema &schema, QStringList &errors);
    void checkTypeSystemRules(const Schema &schema, QStringList &errors) const;
    void dropUnreferencedScalars(Schema &schema) const;

    std::unique_ptr<Schema> m_schema;
    QByteArray m_queryName = QByteArrayLiteral("Query");
    QByteArray m_mutationName = QByteArrayLiteral("Mutation");
    QByteArray m_subscriptionName = QByteArrayLiteral("Subscription");
};

} // namespace Subscriptor::GraphQL

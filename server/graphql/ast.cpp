// SPDX-License-Identifier: MIT
#include "ast.h"

namespace Subscriptor::GraphQL::Ast {

TypeNode::TypeNode(const TypeNode &other)
    : kind(other.kind), name(other.name),
      ofType(other.ofType ? std::make_unique<TypeNode>(*other.ofType) : nullptr), location(other.location)
{
}

TypeNode &TypeNode::operator=(const TypeNode &other)
{
    if (this != &other) {
        kind = other.kind;
        name = other.name;
        ofType = other.ofType ? std::make_unique<TypeNode>(*other.ofType) : nullptr;
        location = other.location;
    }
    return *this;
}

const Name &TypeNode::namedType() const
{
    const TypeNode *node = this;
    while (node->kind != Kind::Named && node->ofType)
        node = node->ofType.get();
    return node->name;
}

QByteArray TypeNode::toString() const
{
    switch (kind) {
    case Kind::Named:
        return name.value;
    case Kind::List:
        return '[' + (ofType ? ofType->toString() : QByteArray()) + ']';
    case Kind::NonNull:
        return (ofType ? ofType->toString() : QByteArray()) + '!';
    }
    return {};
}

const FragmentDefinition *Document::fragment(QByteArrayView name) const
{
    for (const FragmentDefinition &fragment : fragments) {
        if (fragment.name.value == name)
            return &fragment;
    }
    return nullptr;
}

const char *operationTypeName(OperationType type)
{
    switch (type) {
    case OperationType::Query: return "query";
    case OperationType::Mutation: return "mutation";
    case OperationType::Subscription: return "subscription";
    }
    return "query";
}

} // namespace Subscriptor::GraphQL::Ast

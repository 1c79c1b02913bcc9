// SPDX-License-Identifier: MIT
#include "executor.h"

#include "coercion.h"
#include "values.h"

#include <QVarLengthArray>

#include <unordered_map>
#include <vector>

namespace Subscriptor::GraphQL {

namespace {

using Selection = Ast::Selection;
// A response key's field nodes: nearly always one, kept inline (no allocation per field).
using FieldNodes = QVarLengthArray<const Selection *, 1>;

/// The grouped field set of spec §6.3.2: response keys in order, each with its field nodes.
struct GroupedFields
{
    QList<QByteArray> keys;
    QList<FieldNodes> nodes;
    /// Each key's field in the object type the set was collected for (null: not a field of it).
    /// Looked up once per set, not once per object of a list.
    std::vector<const Field *> definitions;

    void resolveDefinitions(const Schema &schema, const Type *objectType)
    {
        definitions.clear();
        definitions.reserve(size_t(keys.size()));
        for (const FieldNodes &fieldNodes : std::as_const(nodes))
            definitions.push_back(schema.fieldDefinition(objectType, fieldNodes.first()->name.value));
    }

    void add(const QByteArray &key, const Selection *node)
    {
        for (qsizetype i = keys.size() - 1; i >= 0; --i) {
            if (keys[i] == key) {
                nodes[i].append(node);
                return;
            }
        }
        keys.append(key);
        nodes.append(FieldNodes{node});
    }
};

QList<Ast::Location> locationsOf(const FieldNodes &nodes)
{
    QList<Ast::Location> locations;
    locations.reserve(nodes.size());
    for (const Selection *node : nodes)
        locations.append(node->location);
    return locations;
}

/// The state of one execution (spec §6.3): what every resolver step shares.
class Execution final
{
public:
    Execution(const PreparedOperation &operation, const std::any &context)
        : m_schema(*operation.schema), m_document(*operation.document), m_variables(operation.variables),
          m_context(context)
    {
    }

    ExecutionResult run(const Value &rootValue, const Ast::OperationDefinition &operation)
    {
        ExecutionResult result;
        const Type *rootType = m_schema.rootType(operation.operation);
        const GroupedFields &fields = collectFields(rootType, operation.selectionSet);
        Value data;
        // Queries may run their fields in any order; mutations must run them serially (spec
        // §6.2.2). Execution here is synchronous, so both are in document order.
        if (!executeFields(rootType, rootValue, fields, data))
            data = Value();
        result.hasData = true;
        result.data = std::move(data);
        result.errors = std::move(m_errors);
        return result;
    }

    const GroupedFields &collectFields(const Type *objectType, const std::vector<Selection> &selectionSet)
    {
        // Lists of objects collect the same selection set for every item: do it once. The map's
        // nodes never move, so the references handed out stay valid.
        const CacheKey key{objectType, &selectionSet};
        auto it = m_collected.find(key);
        if (it != m_collected.end())
            return it->second;
        GroupedFields fields;
        // Room for the usual case, a selection set of plain fields: the lists grow once, not per field.
        fields.keys.reserve(qsizetype(selectionSet.size()));
        fields.nodes.reserve(qsizetype(selectionSet.size()));
        QList<QByteArray> visitedFragments;
        collectInto(objectType, selectionSet, fields, visitedFragments);
        fields.resolveDefinitions(m_schema, objectType);
        return m_collected.emplace(key, std::move(fields)).first->second;
    }

    bool includes(const std::vector<Ast::Directive> &directives)
    {
        for (const Ast::Directive &directive : directives) {
            const bool isSkip = directive.name.value == "skip";
            if (!isSkip && directive.name.value != "include")
                continue;
            const Directive *definition = m_schema.directive(directive.name.value);
            Value arguments;
            Error error;
            if (!definition || !coerceArgumentValues(definition->arguments, directive.arguments, m_variables,
                                                     directive.location, arguments, error)) {
                continue;
            }
            const bool condition = arguments.value("if").toBool();
            if (isSkip == condition)
                return false;
        }
        return true;
    }

    const ErrorList &errors() const { return m_errors; }

private:
    struct CacheKey
    {
        const Type *type;
        const void *selections;
        bool operator==(const CacheKey &other) const = default;
    };
    struct CacheKeyHash
    {
        size_t operator()(const CacheKey &key) const { return qHashMulti(0, key.type, key.selections); }
    };

    void collectInto(const Type *objectType, const std::vector<Selection> &selectionSet, GroupedFields &fields,
                     QList<QByteArray> &visitedFragments)
    {
        for (const Selection &selection : selectionSet) {
            if (!includes(selection.directives))
                continue;
            switch (selection.kind) {
            case Selection::Kind::Field:
                fields.add(selection.responseKey(), &selection);
                break;
            case Selection::Kind::InlineFragment:
                if (fragmentApplies(objectType, selection.typeCondition.value))
                    collectInto(objectType, selection.selectionSet, fields, visitedFragments);
                break;
            case Selection::Kind::FragmentSpread: {
                if (visitedFragments.contains(selection.name.value))
                    break;
                visitedFragments.append(selection.name.value);
                const Ast::FragmentDefinition *fragment = m_document.fragment(selection.name.value);
                if (fragment && fragmentApplies(objectType, fragment->typeCondition.value))
                    collectInto(objectType, fragment->selectionSet, fields, visitedFragments);
                break;
            }
            }
        }
    }

    bool fragmentApplies(const Type *objectType, const QByteArray &typeCondition) const
    {
        if (typeCondition.isEmpty())
            return true;
        const Type *conditionType = m_schema.type(typeCondition);
        if (conditionType == objectType)
            return true;
        return conditionType && conditionType->isAbstract() && m_schema.isPossibleType(conditionType, objectType);
    }

    void addError(QString message, const FieldNodes &nodes)
    {
        Error error(std::move(message), locationsOf(nodes));
        error.path = pathValue();
        m_errors.append(std::move(error));
    }

    Value pathValue() const
    {
        Value::List path;
        path.reserve(qsizetype(m_path.size()));
        for (const PathSegment &segment : m_path)
            path.append(segment.key ? Value::fromUtf8(*segment.key) : Value(segment.index));
        return path;
    }

    // Spec §6.3.1 ExecuteSelectionSet. False: a non-null field failed, so this object is null.
    bool executeFields(const Type *objectType, const Value &source, const GroupedFields &fields, Value &out)
    {
        ObjectBuilder object(fields.keys.size());
        for (qsizetype i = 0; i < fields.keys.size(); ++i) {
            const FieldNodes &nodes = fields.nodes[i];
            const Field *definition = fields.definitions[size_t(i)];
            if (!definition)
                continue; // only in documents that were not validated
            m_path.push_back({&fields.keys[i], 0});
            Value value;
            const bool ok = executeField(objectType, *definition, source, nodes, value);
            m_path.pop_back();
            if (!ok)
                return false;
            object.append(fields.keys[i], std::move(value));
        }
        out = object.build();
        return true;
    }

    // Spec §6.4 ExecuteField. False: the field is non-null and has no value.
    bool executeField(const Type *parentType, const Field &definition, const Value &source, const FieldNodes &nodes,
                      Value &out)
    {
        const Selection &node = *nodes.first();
        // Most fields take no arguments: they share one empty object (no copy, no reference count).
        static const Value NoArguments = Value(Value::Object());
        Value coercedArguments;
        if (!definition.arguments.empty()) {
            Error error;
            if (!coerceArgumentValues(definition.arguments, node.arguments, m_variables, node.location, coercedArguments,
                                      error)) {
                // Located where the bad value is, as graphql-js's locatedError keeps the error's own node.
                error.path = pathValue();
                m_errors.append(std::move(error));
                out = Value();
                return !definition.type->isNonNull();
            }
        }
        const Value &arguments = definition.arguments.empty() ? NoArguments : coercedArguments;
        if (!definition.resolve) {
            // The default resolver: the source's member, read in place rather than copied.
            static const Value Null;
            const Value *member = source.find(definition.name);
            return complete(definition.type, parentType, definition, nodes, member ? *member : Null, out);
        }
        ResolveInfo info{source, arguments, definition, *parentType, m_schema, m_variables, &m_context};
        const Value resolved = definition.resolve(info);
        if (info.failed()) {
            addError(info.errorMessage(), nodes);
            out = Value();
            return !definition.type->isNonNull();
        }
        return complete(definition.type, parentType, definition, nodes, resolved, out);
    }

    // Spec §6.4.3 CompleteValue for a position of `type`. False: the position is non-null and has
    // no value; the error is recorded, and the enclosing position becomes null in turn.
    bool complete(const Type *type, const Type *parentType, const Field &field, const FieldNodes &nodes,
                  const Value &result, Value &out)
    {
        if (!type->isNonNull()) {
            completeNullable(type, parentType, field, nodes, result, out);
            return true;
        }
        const bool errored = completeNullable(type->ofType(), parentType, field, nodes, result, out);
        if (!out.isNull())
            return true;
        if (!errored) {
            addError(QLatin1String("Cannot return null for non-nullable field ") + QString::fromUtf8(parentType->name())
                         + u'.' + QString::fromUtf8(field.name) + u'.',
                     nodes);
        }
        return false;
    }

    // Returns true when an error was recorded (and `out` is null).
    bool completeNullable(const Type *type, const Type *parentType, const Field &field, const FieldNodes &nodes,
                          const Value &result, Value &out)
    {
        if (result.isNull()) {
            out = Value();
            return false;
        }
        if (type->isList()) {
            if (!result.isList()) {
                addError(QLatin1String("Expected Iterable, but did not find one for field \"") + QString::fromUtf8(parentType->name())
                             + u'.' + QString::fromUtf8(field.name) + QLatin1String("\"."),
                         nodes);
                out = Value();
                return true;
            }
            const Value::List &items = result.toList();
            Value::List completed;
            completed.reserve(items.size());
            for (qsizetype i = 0; i < items.size(); ++i) {
                m_path.push_back({nullptr, qint64(i)});
                Value item;
                const bool ok = complete(type->ofType(), parentType, field, nodes, items[i], item);
                m_path.pop_back();
                if (!ok) {
                    out = Value();
                    return true;
                }
                completed.append(std::move(item));
            }
            out = std::move(completed);
            return false;
        }
        if (type->isLeaf()) {
            QString error;
            if (!type->serialize(result, out, error)) {
                addError(error, nodes);
                out = Value();
                return true;
            }
            return false;
        }
        const Type *objectType = type;
        if (type->isAbstract()) {
            objectType = resolveAbstractType(type, parentType, field, nodes, result);
            if (!objectType) {
                out = Value();
                return true;
            }
        }
        // Spec §6.4.3 CompleteValue, object case: merge the field nodes' selection sets.
        const GroupedFields *subfields = nullptr;
        GroupedFields merged;
        if (nodes.size() == 1) {
            subfields = &collectFields(objectType, nodes.first()->selectionSet);
        } else {
            for (const Selection *node : nodes) {
                const GroupedFields &part = collectFields(objectType, node->selectionSet);
                for (qsizetype i = 0; i < part.keys.size(); ++i) {
                    for (const Selection *fieldNode : part.nodes[i])
                        merged.add(part.keys[i], fieldNode);
                }
            }
            merged.resolveDefinitions(m_schema, objectType);
            subfields = &merged;
        }
        if (!executeFields(objectType, result, *subfields, out)) {
            out = Value();
            return true;
        }
        return false;
    }

    const Type *resolveAbstractType(const Type *abstractType, const Type *parentType, const Field &field,
                                    const FieldNodes &nodes, const Value &result)
    {
        QByteArray typeName;
        if (abstractType->typeResolver())
            typeName = abstractType->typeResolver()(result, m_schema);
        if (typeName.isEmpty())
            typeName = result.value("__typename").toString().toUtf8();
        const QString abstractName = QString::fromUtf8(abstractType->name());
        if (typeName.isEmpty()) {
            addError(QLatin1String("Abstract type \"") + abstractName
                         + QLatin1String("\" must resolve to an Object type at runtime for field \"")
                         + QString::fromUtf8(parentType->name()) + u'.' + QString::fromUtf8(field.name)
                         + QLatin1String("\". Either the \"") + abstractName
                         + QLatin1String("\" type should provide a \"resolveType\" function or each possible type should "
                                         "provide an \"isTypeOf\" function."),
                     nodes);
            return nullptr;
        }
        const Type *objectType = m_schema.type(typeName);
        if (!objectType) {
            addError(QLatin1String("Abstract type \"") + abstractName + QLatin1String("\" was resolved to a type \"")
                         + QString::fromUtf8(typeName) + QLatin1String("\" that does not exist inside the schema."),
                     nodes);
            return nullptr;
        }
        if (objectType->kind() != TypeKind::Object) {
            addError(QLatin1String("Abstract type \"") + abstractName + QLatin1String("\" was resolved to a non-object type \"")
                         + QString::fromUtf8(typeName) + QLatin1String("\"."),
                     nodes);
            return nullptr;
        }
        if (!m_schema.isPossibleType(abstractType, objectType)) {
            addError(QLatin1String("Runtime Object type \"") + QString::fromUtf8(typeName)
                         + QLatin1String("\" is not a possible type for \"") + abstractName + QLatin1String("\"."),
                     nodes);
            return nullptr;
        }
        return objectType;
    }

    const Schema &m_schema;
    const Ast::Document &m_document;
    const Value &m_variables;
    const std::any &m_context;
    ErrorList m_errors;
    // The response path of the field being executed (spec §7.1.2): keys and list indices, made into
    // a value only for an error. Every field passes through here and few fail.
    struct PathSegment
    {
        const QByteArray *key; ///< null for a list index
        qint64 index;
    };
    std::vector<PathSegment> m_path;
    std::unordered_map<CacheKey, GroupedFields, CacheKeyHash> m_collected;
};

const Ast::OperationDefinition *findOperation(const Ast::Document &document, const QByteArray &name, ErrorList &errors)
{
    const Ast::OperationDefinition *found = nullptr;
    for (const Ast::OperationDefinition &operation : document.operations) {
        if (name.isEmpty()) {
            if (found) {
                errors.append(Error(QStringLiteral("Must provide operation name if query contains multiple operations.")));
                return nullptr;
            }
            found = &operation;
        } else if (operation.name.value == name) {
            found = &operation;
        }
    }
    if (!found) {
        errors.append(Error(name.isEmpty() ? QStringLiteral("Must provide an operation.")
                                           : QLatin1String("Unknown operation named \"") + QString::fromUtf8(name)
                                                 + QLatin1String("\".")));
    }
    return found;
}

QString missingRootTypeMessage(Ast::OperationType type)
{
    return QLatin1String("Schema is not configured to execute ") + QLatin1String(Ast::operationTypeName(type))
        + QLatin1String(" operation.");
}

} // namespace

ExecutionResult ExecutionResult::fromErrors(ErrorList errors)
{
    ExecutionResult result;
    result.errors = std::move(errors);
    return result;
}

Value ExecutionResult::toValue() const
{
    ObjectBuilder object(3);
    if (hasData)
        object.append(QByteArrayLiteral("data"), data);
    if (!errors.isEmpty())
        object.append(QByteArrayLiteral("errors"), errorsToValue(errors));
    if (!extensions.isNull())
        object.append(QByteArrayLiteral("extensions"), extensions);
    return object.build();
}

QByteArray PreparedOperation::selectionKey() const
{
    QByteArray key = document->source;
    key += '\0' + operation->name.value + '\0';
    Json::serialize(variables, key);
    return key;
}

PrepareResult Executor::prepare(const ExecutionRequest &request)
{
    PrepareResult result;
    const Ast::OperationDefinition *operation = findOperation(*request.document, request.operationName, result.errors);
    if (!operation)
        return result;
    const Schema &schema = *request.schema;
    const Type *rootType = schema.rootType(operation->operation);
    if (!rootType) {
        result.errors.append(Error(missingRootTypeMessage(operation->operation), {operation->location}));
        return result;
    }
    PreparedOperation prepared;
    prepared.schema = request.schema;
    prepared.document = request.document;
    prepared.operation = operation;
    if (!request.variables.isNull() && !request.variables.isObject()) {
        result.errors.append(Error(QStringLiteral("Variables must be provided as an Object where each property is a "
                                                  "variable value. Perhaps look to see if an unparsed JSON string was "
                                                  "provided.")));
        return result;
    }
    if (!coerceVariableValues(schema, operation->variables, request.variables, prepared.variables, result.errors))
        return result;

    if (operation->operation == Ast::OperationType::Subscription) {
        // Spec §6.2.3.1 CreateSourceEventStream: the single root field and its arguments.
        Execution execution(prepared, {});
        const GroupedFields &fields = execution.collectFields(rootType, operation->selectionSet);
        if (fields.keys.isEmpty()) {
            result.errors.append(Error(QStringLiteral("Subscription operation selects no field."), {operation->location}));
            return result;
        }
        const Selection &node = *fields.nodes.first().first();
        const Field *field = schema.fieldDefinition(rootType, node.name.value);
        if (!field) {
            result.errors.append(Error(QLatin1String("The subscription field \"") + QString::fromUtf8(node.name.value)
                                           + QLatin1String("\" is not defined."),
                                       {node.location}));
            return result;
        }
        Error error;
        if (!coerceArgumentValues(field->arguments, node.arguments, prepared.variables, node.location,
                                  prepared.rootArguments, error)) {
            error.path = Value::List{Value::fromUtf8(fields.keys.first())};
            result.errors.append(error);
            return result;
        }
        prepared.rootField = field;
        prepared.rootResponseKey = fields.keys.first();
    }
    result.operation = std::move(prepared);
    return result;
}

ExecutionResult Executor::execute(const PreparedOperation &operation, const Value &rootValue, const std::any &context)
{
    Execution execution(operation, context);
    return execution.run(rootValue, *operation.operation);
}

ExecutionResult Executor::execute(const ExecutionRequest &request, const Value &rootValue, const std::any &context)
{
    PrepareResult prepared = prepare(request);
    if (!prepared.operation)
        return ExecutionResult::fromErrors(std::move(prepared.errors));
    return execute(*prepared.operation, rootValue, context);
}

} // namespace Subscriptor::GraphQL

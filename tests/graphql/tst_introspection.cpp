// SPDX-License-Identifier: MIT
// Introspection against graphql-js 16: the full getIntrospectionQuery result for a schema with
// descriptions, deprecations, defaults, specifiedBy and a repeatable directive, `__type` and
// `__typename`. The expected values were produced with graphql-js for data/introspection-schema.graphql,
// the SDL of the schema built below, by data/introspection-generate.js (which also wrote the query,
// data/introspection-query.graphql). graphql-js 16.15's features of spec drafts later than October
// 2021 (@oneOf, __Type.isOneOf, directive deprecation, the DIRECTIVE_DEFINITION location) are left out.
#include "executor.h"

#include <QFile>
#include <QMap>
#include <QTest>

#include <set>

using namespace Subscriptor::GraphQL;

namespace {

SchemaPtr buildSchema()
{
    using L = DirectiveLocation;
    SchemaBuilder builder;
    builder.setDescription(QStringLiteral("The schema of the introspection test."));
    Directive &cached = builder.addDirective("cached", {L::Field, L::FragmentSpread, L::Query}, QStringLiteral("Caches a field."));
    cached.repeatable = true;
    cached.addArgument("ttl", "Int", QStringLiteral("Seconds.")).setDefaultValue(60);
    cached.addArgument("scope", "Role");
    builder.addDirective("internal", {L::FieldDefinition, L::Object});

    builder.addScalarType("DateTime", QStringLiteral("A moment, as an ISO 8601 string."))
        .setSpecifiedByUrl(QStringLiteral("https://www.rfc-editor.org/rfc/rfc3339"));
    builder.addInterfaceType("Node", QStringLiteral("Something with an id.")).addField("id", "ID!", QStringLiteral("The identifier."));
    Type &entity = builder.addInterfaceType("Entity");
    entity.addInterface("Node");
    entity.addField("id", "ID!");
    entity.addField("createdAt", "DateTime");

    Type &user = builder.addObjectType("User", QStringLiteral("A person."));
    user.addInterface("Node").addInterface("Entity");
    user.addField("id", "ID!");
    user.addField("createdAt", "DateTime");
    Field &name = user.addField("name", "String", QStringLiteral("The user's name."));
    name.addArgument("upper", "Boolean", QStringLiteral("Upper-case it.")).setDefaultValue(false);
    name.addArgument("style", "Style").setDefaultValue(QStringLiteral("PLAIN")).deprecate(QStringLiteral("Use upper."));
    user.addField("email", "String").deprecate(QStringLiteral("Privacy."));
    user.addField("legacy", "Int").deprecate();
    user.addField("role", "Role!");
    Field &friends = user.addField("friends", "[User!]!");
    friends.addArgument("first", "Int").setDefaultValue(10);
    friends.addArgument("after", "String");
    friends.addArgument("filter", "UserFilter")
        .setDefaultValue(ObjectBuilder()
                             .append("roles", Value::List{QStringLiteral("ADMIN")})
                             .append("search", QStringLiteral("a\"b"))
                             .build());

    Type &group = builder.addObjectType("Group");
    group.addInterface("Node");
    group.addField("id", "ID!");
    group.addField("members", "[User]");
    builder.addUnionType("SearchResult", QStringLiteral("Anything that can be searched.")).addMember("User").addMember("Group");

    Type &role = builder.addEnumType("Role", QStringLiteral("What a user may do."));
    role.addEnumValue("ADMIN", QStringLiteral("Everything."));
    role.addEnumValue("EDITOR").deprecate(QStringLiteral("Merged into ADMIN."));
    role.addEnumValue("VIEWER");
    Type &style = builder.addEnumType("Style");
    style.addEnumValue("PLAIN");
    style.addEnumValue("FANCY");

    Type &filter = builder.addInputObjectType("UserFilter", QStringLiteral("How to find users."));
    filter.addInputField("roles", "[Role!]").setDefaultValue(Value::List{QStringLiteral("VIEWER")});
    filter.addInputField("search", "String");
    filter.addInputField("active", "Boolean", QStringLiteral("Only active users.")).setDefaultValue(true);
    filter.addInputField("since", "DateTime").deprecate(QStringLiteral("Unused."));
    filter.addInputField("limits", "[[Int!]]");
    filter.addInputField("nested", "UserFilter");

    Type &query = builder.addObjectType("Query");
    query.addField("me", "User");
    query.addField("node", "Node").addArgument("id", "ID!");
    Field &search = query.addField("search", "[SearchResult!]!");
    search.addArgument("text", "String!");
    search.addArgument("kinds", "[String!]").setDefaultValue(Value::List{QStringLiteral("user"), QStringLiteral("group")});
    Field &rename = builder.addObjectType("Mutation").addField("rename", "User");
    rename.addArgument("id", "ID!");
    rename.addArgument("name", "String!");
    builder.addObjectType("Subscription").addField("userChanged", "User").addArgument("id", "ID");

    QStringList errors;
    SchemaPtr schema = builder.build(&errors);
    if (!schema)
        qFatal("%s", qPrintable(errors.join(u'\n')));
    return schema;
}

QByteArray readData(const char *name)
{
    QFile file(QLatin1String(TEST_DATA_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

ExecutionResult run(const QByteArray &query, const QByteArray &variables = "{}", const QByteArray &root = "{}")
{
    ParseResult parsed = Parser::parse(query);
    if (!parsed.document)
        qFatal("%s", qPrintable(parsed.error->message));
    static const SchemaPtr schema = buildSchema();
    return Executor::execute(ExecutionRequest{schema, parsed.document, {}, Json::parse(variables)}, Json::parse(root));
}

/// The members of a list of named objects, by name.
QMap<QString, Value> byName(const Value &list)
{
    QMap<QString, Value> map;
    for (const Value &item : list.toList())
        map.insert(item.value("name").toString(), item);
    return map;
}

/// The first place where two values differ, as `path: actual != expected`; empty when equal.
QString difference(const Value &actual, const Value &expected, const QString &path)
{
    if (actual.kind() == expected.kind() && actual.isObject()) {
        const Value::Object &a = actual.toObject();
        const Value::Object &e = expected.toObject();
        if (a.size() != e.size())
            return path + QStringLiteral(": %1 members, expected %2").arg(a.size()).arg(e.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a[i].key != e[i].key)
                return path + QLatin1String(": key ") + QString::fromUtf8(a[i].key) + QLatin1String(" != ") + QString::fromUtf8(e[i].key);
            const QString inner = difference(a[i].value, e[i].value, path + u'.' + QString::fromUtf8(a[i].key));
            if (!inner.isEmpty())
                return inner;
        }
    } else if (actual.kind() == expected.kind() && actual.isList()) {
        const Value::List &a = actual.toList();
        const Value::List &e = expected.toList();
        if (a.size() != e.size())
            return path + QStringLiteral(": %1 items, expected %2").arg(a.size()).arg(e.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString inner = difference(a[i], e[i], path + u'[' + QString::number(i) + u']');
            if (!inner.isEmpty())
                return inner;
        }
    }
    if (actual == expected)
        return {};
    return path + QLatin1String(": ") + QString::fromUtf8(Json::serialize(actual)) + QLatin1String("\n   expected: ")
        + QString::fromUtf8(Json::serialize(expected));
}

} // namespace

class TestIntrospection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullIntrospectionQuery();
    void queries_data();
    void queries();
    void typeOrder();
};

void TestIntrospection::fullIntrospectionQuery()
{
    const ExecutionResult result = run(readData("introspection-query.graphql"));
    QVERIFY2(result.errors.isEmpty(), Json::serialize(errorsToValue(result.errors)).constData());
    const Value actual = result.data.value("__schema");
    const Value expected = Json::parse(readData("introspection-result.json")).value("data").value("__schema");
    QVERIFY(expected.isObject());

    // Everything but the order of `types` and `directives` (graphql-js orders them by discovery).
    QList<QByteArray> keys;
    for (const Member &member : actual.toObject())
        keys.append(member.key);
    QList<QByteArray> expectedKeys;
    for (const Member &member : expected.toObject())
        expectedKeys.append(member.key);
    QCOMPARE(keys, expectedKeys);
    for (const QByteArray &key : std::as_const(keys)) {
        if (key == "types" || key == "directives")
            continue;
        QCOMPARE(Json::serialize(actual.value(key)), Json::serialize(expected.value(key)));
    }
    for (const char *list : {"types", "directives"}) {
        const QMap<QString, Value> actualItems = byName(actual.value(list));
        const QMap<QString, Value> expectedItems = byName(expected.value(list));
        QCOMPARE(actualItems.keys(), expectedItems.keys());
        for (auto it = expectedItems.cbegin(); it != expectedItems.cend(); ++it) {
            const QString where = QString::fromLatin1(list) + u'(' + it.key() + u')';
            const QString different = difference(actualItems.value(it.key()), it.value(), where);
            QVERIFY2(different.isEmpty(), qPrintable(different));
        }
    }
}

void TestIntrospection::queries_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QByteArray>("root");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("object type") << QByteArray("{ __type(name: \"User\") { kind name description specifiedByURL fields { name } interfaces { name } possibleTypes { name } enumValues { name } inputFields { name } ofType { name } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"kind\":\"OBJECT\",\"name\":\"User\",\"description\":\"A person.\",\"specifiedByURL\":null,\"fields\":[{\"name\":\"id\"},{\"name\":\"createdAt\"},{\"name\":\"name\"},{\"name\":\"role\"},{\"name\":\"friends\"}],\"interfaces\":[{\"name\":\"Node\"},{\"name\":\"Entity\"}],\"possibleTypes\":null,\"enumValues\":null,\"inputFields\":null,\"ofType\":null}}}");
    QTest::newRow("deprecated fields") << QByteArray("{ __type(name: \"User\") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"fields\":[{\"name\":\"id\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"createdAt\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"name\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"email\",\"isDeprecated\":true,\"deprecationReason\":\"Privacy.\"},{\"name\":\"legacy\",\"isDeprecated\":true,\"deprecationReason\":\"No longer supported\"},{\"name\":\"role\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"friends\",\"isDeprecated\":false,\"deprecationReason\":null}]}}}");
    QTest::newRow("field arguments and defaults") << QByteArray("{ __type(name: \"User\") { fields { name args { name description defaultValue type { kind name ofType { kind name } } } } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"fields\":[{\"name\":\"id\",\"args\":[]},{\"name\":\"createdAt\",\"args\":[]},{\"name\":\"name\",\"args\":[{\"name\":\"upper\",\"description\":\"Upper-case it.\",\"defaultValue\":\"false\",\"type\":{\"kind\":\"SCALAR\",\"name\":\"Boolean\",\"ofType\":null}}]},{\"name\":\"role\",\"args\":[]},{\"name\":\"friends\",\"args\":[{\"name\":\"first\",\"description\":null,\"defaultValue\":\"10\",\"type\":{\"kind\":\"SCALAR\",\"name\":\"Int\",\"ofType\":null}},{\"name\":\"after\",\"description\":null,\"defaultValue\":null,\"type\":{\"kind\":\"SCALAR\",\"name\":\"String\",\"ofType\":null}},{\"name\":\"filter\",\"description\":null,\"defaultValue\":\"{roles: [ADMIN], search: \\\"a\\\\\\\"b\\\", active: true}\",\"type\":{\"kind\":\"INPUT_OBJECT\",\"name\":\"UserFilter\",\"ofType\":null}}]}]}}}");
    QTest::newRow("deprecated arguments") << QByteArray("{ __type(name: \"User\") { fields { name args(includeDeprecated: true) { name isDeprecated deprecationReason } } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"fields\":[{\"name\":\"id\",\"args\":[]},{\"name\":\"createdAt\",\"args\":[]},{\"name\":\"name\",\"args\":[{\"name\":\"upper\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"style\",\"isDeprecated\":true,\"deprecationReason\":\"Use upper.\"}]},{\"name\":\"role\",\"args\":[]},{\"name\":\"friends\",\"args\":[{\"name\":\"first\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"after\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"filter\",\"isDeprecated\":false,\"deprecationReason\":null}]}]}}}");
    QTest::newRow("wrapped types") << QByteArray("{ __type(name: \"User\") { fields(includeDeprecated: false) { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"fields\":[{\"name\":\"id\",\"type\":{\"kind\":\"NON_NULL\",\"name\":null,\"ofType\":{\"kind\":\"SCALAR\",\"name\":\"ID\",\"ofType\":null}}},{\"name\":\"createdAt\",\"type\":{\"kind\":\"SCALAR\",\"name\":\"DateTime\",\"ofType\":null}},{\"name\":\"name\",\"type\":{\"kind\":\"SCALAR\",\"name\":\"String\",\"ofType\":null}},{\"name\":\"role\",\"type\":{\"kind\":\"NON_NULL\",\"name\":null,\"ofType\":{\"kind\":\"ENUM\",\"name\":\"Role\",\"ofType\":null}}},{\"name\":\"friends\",\"type\":{\"kind\":\"NON_NULL\",\"name\":null,\"ofType\":{\"kind\":\"LIST\",\"name\":null,\"ofType\":{\"kind\":\"NON_NULL\",\"name\":null,\"ofType\":{\"kind\":\"OBJECT\",\"name\":\"User\"}}}}}]}}}");
    QTest::newRow("interface") << QByteArray("{ __type(name: \"Node\") { kind name description fields { name description } interfaces { name } possibleTypes { name } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"kind\":\"INTERFACE\",\"name\":\"Node\",\"description\":\"Something with an id.\",\"fields\":[{\"name\":\"id\",\"description\":\"The identifier.\"}],\"interfaces\":[],\"possibleTypes\":[{\"name\":\"User\"},{\"name\":\"Group\"}]}}}");
    QTest::newRow("interface implementing interface") << QByteArray("{ __type(name: \"Entity\") { interfaces { name } possibleTypes { name } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"interfaces\":[{\"name\":\"Node\"}],\"possibleTypes\":[{\"name\":\"User\"}]}}}");
    QTest::newRow("union") << QByteArray("{ __type(name: \"SearchResult\") { kind description possibleTypes { name kind } fields { name } interfaces { name } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"kind\":\"UNION\",\"description\":\"Anything that can be searched.\",\"possibleTypes\":[{\"name\":\"User\",\"kind\":\"OBJECT\"},{\"name\":\"Group\",\"kind\":\"OBJECT\"}],\"fields\":null,\"interfaces\":null}}}");
    QTest::newRow("enum") << QByteArray("{ __type(name: \"Role\") { kind description enumValues { name description isDeprecated deprecationReason } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"kind\":\"ENUM\",\"description\":\"What a user may do.\",\"enumValues\":[{\"name\":\"ADMIN\",\"description\":\"Everything.\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"VIEWER\",\"description\":null,\"isDeprecated\":false,\"deprecationReason\":null}]}}}");
    QTest::newRow("enum with deprecated values") << QByteArray("{ __type(name: \"Role\") { enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"enumValues\":[{\"name\":\"ADMIN\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"EDITOR\",\"isDeprecated\":true,\"deprecationReason\":\"Merged into ADMIN.\"},{\"name\":\"VIEWER\",\"isDeprecated\":false,\"deprecationReason\":null}]}}}");
    QTest::newRow("input object") << QByteArray("{ __type(name: \"UserFilter\") { kind description inputFields { name description defaultValue type { kind name } } fields { name } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"kind\":\"INPUT_OBJECT\",\"description\":\"How to find users.\",\"inputFields\":[{\"name\":\"roles\",\"description\":null,\"defaultValue\":\"[VIEWER]\",\"type\":{\"kind\":\"LIST\",\"name\":null}},{\"name\":\"search\",\"description\":null,\"defaultValue\":null,\"type\":{\"kind\":\"SCALAR\",\"name\":\"String\"}},{\"name\":\"active\",\"description\":\"Only active users.\",\"defaultValue\":\"true\",\"type\":{\"kind\":\"SCALAR\",\"name\":\"Boolean\"}},{\"name\":\"limits\",\"description\":null,\"defaultValue\":null,\"type\":{\"kind\":\"LIST\",\"name\":null}},{\"name\":\"nested\",\"description\":null,\"defaultValue\":null,\"type\":{\"kind\":\"INPUT_OBJECT\",\"name\":\"UserFilter\"}}],\"fields\":null}}}");
    QTest::newRow("input object with deprecated fields") << QByteArray("{ __type(name: \"UserFilter\") { inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"inputFields\":[{\"name\":\"roles\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"search\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"active\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"since\",\"isDeprecated\":true,\"deprecationReason\":\"Unused.\"},{\"name\":\"limits\",\"isDeprecated\":false,\"deprecationReason\":null},{\"name\":\"nested\",\"isDeprecated\":false,\"deprecationReason\":null}]}}}");
    QTest::newRow("custom scalar") << QByteArray("{ __type(name: \"DateTime\") { kind name description specifiedByURL } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"kind\":\"SCALAR\",\"name\":\"DateTime\",\"description\":\"A moment, as an ISO 8601 string.\",\"specifiedByURL\":\"https://www.rfc-editor.org/rfc/rfc3339\"}}}");
    QTest::newRow("built-in scalar") << QByteArray("{ __type(name: \"String\") { kind name description specifiedByURL fields { name } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"kind\":\"SCALAR\",\"name\":\"String\",\"description\":\"The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.\",\"specifiedByURL\":null,\"fields\":null}}}");
    QTest::newRow("referenced built-in scalars") << QByteArray("{ a: __type(name: \"Int\") { name } b: __type(name: \"ID\") { name } c: __type(name: \"Boolean\") { name } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"a\":{\"name\":\"Int\"},\"b\":{\"name\":\"ID\"},\"c\":{\"name\":\"Boolean\"}}}");
    QTest::newRow("unreferenced built-in scalar") << QByteArray("{ __type(name: \"Float\") { name } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":null}}");
    QTest::newRow("unknown type") << QByteArray("{ __type(name: \"Nope\") { name } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":null}}");
    QTest::newRow("introspection type") << QByteArray("{ __type(name: \"__EnumValue\") { kind name description fields { name description type { name kind ofType { name } } } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"kind\":\"OBJECT\",\"name\":\"__EnumValue\",\"description\":\"One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.\",\"fields\":[{\"name\":\"name\",\"description\":null,\"type\":{\"name\":null,\"kind\":\"NON_NULL\",\"ofType\":{\"name\":\"String\"}}},{\"name\":\"description\",\"description\":null,\"type\":{\"name\":\"String\",\"kind\":\"SCALAR\",\"ofType\":null}},{\"name\":\"isDeprecated\",\"description\":null,\"type\":{\"name\":null,\"kind\":\"NON_NULL\",\"ofType\":{\"name\":\"Boolean\"}}},{\"name\":\"deprecationReason\",\"description\":null,\"type\":{\"name\":\"String\",\"kind\":\"SCALAR\",\"ofType\":null}}]}}}");
    QTest::newRow("type kinds") << QByteArray("{ __type(name: \"__TypeKind\") { enumValues { name description } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"enumValues\":[{\"name\":\"SCALAR\",\"description\":\"Indicates this type is a scalar.\"},{\"name\":\"OBJECT\",\"description\":\"Indicates this type is an object. `fields` and `interfaces` are valid fields.\"},{\"name\":\"INTERFACE\",\"description\":\"Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields.\"},{\"name\":\"UNION\",\"description\":\"Indicates this type is a union. `possibleTypes` is a valid field.\"},{\"name\":\"ENUM\",\"description\":\"Indicates this type is an enum. `enumValues` is a valid field.\"},{\"name\":\"INPUT_OBJECT\",\"description\":\"Indicates this type is an input object. `inputFields` is a valid field.\"},{\"name\":\"LIST\",\"description\":\"Indicates this type is a list. `ofType` is a valid field.\"},{\"name\":\"NON_NULL\",\"description\":\"Indicates this type is a non-null. `ofType` is a valid field.\"}]}}}");
    QTest::newRow("directive locations") << QByteArray("{ __type(name: \"__DirectiveLocation\") { description enumValues { name description } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"description\":\"A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.\",\"enumValues\":[{\"name\":\"QUERY\",\"description\":\"Location adjacent to a query operation.\"},{\"name\":\"MUTATION\",\"description\":\"Location adjacent to a mutation operation.\"},{\"name\":\"SUBSCRIPTION\",\"description\":\"Location adjacent to a subscription operation.\"},{\"name\":\"FIELD\",\"description\":\"Location adjacent to a field.\"},{\"name\":\"FRAGMENT_DEFINITION\",\"description\":\"Location adjacent to a fragment definition.\"},{\"name\":\"FRAGMENT_SPREAD\",\"description\":\"Location adjacent to a fragment spread.\"},{\"name\":\"INLINE_FRAGMENT\",\"description\":\"Location adjacent to an inline fragment.\"},{\"name\":\"VARIABLE_DEFINITION\",\"description\":\"Location adjacent to a variable definition.\"},{\"name\":\"SCHEMA\",\"description\":\"Location adjacent to a schema definition.\"},{\"name\":\"SCALAR\",\"description\":\"Location adjacent to a scalar definition.\"},{\"name\":\"OBJECT\",\"description\":\"Location adjacent to an object type definition.\"},{\"name\":\"FIELD_DEFINITION\",\"description\":\"Location adjacent to a field definition.\"},{\"name\":\"ARGUMENT_DEFINITION\",\"description\":\"Location adjacent to an argument definition.\"},{\"name\":\"INTERFACE\",\"description\":\"Location adjacent to an interface definition.\"},{\"name\":\"UNION\",\"description\":\"Location adjacent to a union definition.\"},{\"name\":\"ENUM\",\"description\":\"Location adjacent to an enum definition.\"},{\"name\":\"ENUM_VALUE\",\"description\":\"Location adjacent to an enum value definition.\"},{\"name\":\"INPUT_OBJECT\",\"description\":\"Location adjacent to an input object type definition.\"},{\"name\":\"INPUT_FIELD_DEFINITION\",\"description\":\"Location adjacent to an input object field definition.\"}]}}}");
    QTest::newRow("type name from a variable") << QByteArray("query ($name: String!) { __type(name: $name) { name } }") << QByteArray("{\"name\": \"Group\"}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"name\":\"Group\"}}}");
    QTest::newRow("root types") << QByteArray("{ __schema { description queryType { name kind } mutationType { name } subscriptionType { name } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__schema\":{\"description\":\"The schema of the introspection test.\",\"queryType\":{\"name\":\"Query\",\"kind\":\"OBJECT\"},\"mutationType\":{\"name\":\"Mutation\"},\"subscriptionType\":{\"name\":\"Subscription\"}}}}");
    QTest::newRow("query field defaults") << QByteArray("{ __type(name: \"Query\") { fields { name args { name defaultValue } } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__type\":{\"fields\":[{\"name\":\"me\",\"args\":[]},{\"name\":\"node\",\"args\":[{\"name\":\"id\",\"defaultValue\":null}]},{\"name\":\"search\",\"args\":[{\"name\":\"text\",\"defaultValue\":null},{\"name\":\"kinds\",\"defaultValue\":\"[\\\"user\\\", \\\"group\\\"]\"}]}]}}}");
    QTest::newRow("typename everywhere") << QByteArray("{ __typename me { __typename } __type(name: \"Role\") { __typename fields { __typename } enumValues { __typename name } } __schema { __typename queryType { __typename } } }") << QByteArray("{}")
        << QByteArray("{\"me\": {\"id\": 1}}")
        << QByteArray("{\"data\":{\"__typename\":\"Query\",\"me\":{\"__typename\":\"User\"},\"__type\":{\"__typename\":\"__Type\",\"fields\":null,\"enumValues\":[{\"__typename\":\"__EnumValue\",\"name\":\"ADMIN\"},{\"__typename\":\"__EnumValue\",\"name\":\"VIEWER\"}]},\"__schema\":{\"__typename\":\"__Schema\",\"queryType\":{\"__typename\":\"__Type\"}}}}");
    QTest::newRow("typename on mutation root") << QByteArray("mutation { __typename }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"__typename\":\"Mutation\"}}");
    QTest::newRow("aliases in introspection") << QByteArray("{ t: __type(name: \"Style\") { n: name v: enumValues { n: name } } }") << QByteArray("{}")
        << QByteArray("{}")
        << QByteArray("{\"data\":{\"t\":{\"n\":\"Style\",\"v\":[{\"n\":\"PLAIN\"},{\"n\":\"FANCY\"}]}}}");
}

void TestIntrospection::queries()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, variables);
    QFETCH(QByteArray, root);
    QFETCH(QByteArray, expected);
    const QByteArray actual = run(query, variables, root).toJson();
    const QString different = difference(Json::parse(actual), Json::parse(expected), QStringLiteral("result"));
    QVERIFY2(different.isEmpty(), qPrintable(different));
    QCOMPARE(actual, expected);
}

void TestIntrospection::typeOrder()
{
    // Types are listed as they were defined, built-ins first; fields, arguments, enum values,
    // interfaces and union members keep the order they were added in.
    const ExecutionResult result = run("{ __schema { types { name } } }");
    QStringList names;
    for (const Value &type : result.data.value("__schema").value("types").toList())
        names.append(type.value("name").toString());
    QCOMPARE(names.first(), QStringLiteral("Int")); // Float is not referenced, so not in the schema
    QVERIFY(names.indexOf(QStringLiteral("User")) < names.indexOf(QStringLiteral("Group")));
    QVERIFY(names.indexOf(QStringLiteral("Query")) < names.indexOf(QStringLiteral("Subscription")));
    QVERIFY(!names.contains(QStringLiteral("Float")));
    QCOMPARE(names.size(), std::set<QString>(names.cbegin(), names.cend()).size());
}

QTEST_APPLESS_MAIN(TestIntrospection)

#include "tst_introspection.moc"

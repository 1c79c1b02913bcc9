// SPDX-License-Identifier: MIT
// The executor against graphql-js 16's execute(): results, errors with message, locations and
// path, null propagation, abstract types, fragments, directives, variables, arguments, mutations,
// subscriptions prepared once and executed per event, and request errors. The schema is built here
// as the SDL below; expected results come from graphql-js with the same SDL, resolvers and root value.
#include "executor.h"

#include <QTest>

#include <memory>

using namespace Subscriptor::GraphQL;

namespace {

/*
 *   interface Node { id: ID! }
 *   interface Named { name: String }
 *   type User implements Node & Named {
 *     id: ID!  name: String  email: String!  age: Int  tags: [String!]  scores: [Int!]!  friends: [User]
 *     best: User  secret: String  secretRequired: String!
 *   }
 *   type Group implements Node { id: ID!  title: String  members: [User!]! }
 *   union Entity = User | Group
 *   input Point { x: Int!  y: Int = 0 }
 *   enum Role { ADMIN GUEST }
 *   type Query {
 *     hello: String  count: Int  ratio: Float  flag: Boolean  role: Role  roles: [Role]  user: User  users: [User]
 *     requiredUser: User!  strictUsers: [User!]!  node: Node  nodes: [Node]  named: Named  entity: Entity
 *     entities: [Entity!]
 *     echo(i: Int, s: String = "default", list: [Int], point: Point, role: Role = GUEST, id: ID): String
 *     fail: String  failRequired: String!  nested: Query!
 *   }
 *   type Mutation { incr(by: Int = 1): Int!  failing: Int  last: Int }
 *   type UserEvent { action: String!  seq: String!  user: User }
 *   type Subscription { userChanged(id: ID!, roles: [Role] = [ADMIN]): UserEvent  tick: Int }
 *
 * Resolvers: echo returns its arguments as JSON; fail, failRequired, secret and secretRequired
 * fail; nested returns its source; incr adds to a counter that last reads; failing fails. Every
 * other field reads the member of its source with its name.
 */
SchemaPtr buildSchema()
{
    SchemaBuilder builder;
    builder.addInterfaceType("Node").addField("id", "ID!");
    builder.addInterfaceType("Named").addField("name", "String");

    Type &user = builder.addObjectType("User");
    user.addInterface("Node").addInterface("Named");
    const char *const userFields[][2] = {{"id", "ID!"},       {"name", "String"},   {"email", "String!"},
                                         {"age", "Int"},      {"tags", "[String!]"}, {"scores", "[Int!]!"},
                                         {"friends", "[User]"}, {"best", "User"}};
    for (const auto &field : userFields)
        user.addField(field[0], field[1]);
    user.addField("secret", "String").setResolver([](ResolveInfo &info) { return info.fail(QStringLiteral("Secret!")); });
    user.addField("secretRequired", "String!").setResolver([](ResolveInfo &info) {
        return info.fail(QStringLiteral("Secret!"));
    });

    Type &group = builder.addObjectType("Group");
    group.addInterface("Node");
    group.addField("id", "ID!");
    group.addField("title", "String");
    group.addField("members", "[User!]!");
    builder.addUnionType("Entity").addMember("User").addMember("Group");
    Type &point = builder.addInputObjectType("Point");
    point.addInputField("x", "Int!");
    point.addInputField("y", "Int").setDefaultValue(0);
    builder.addEnumType("Role").addEnumValue("ADMIN");
    builder.type("Role")->addEnumValue("GUEST");

    Type &query = builder.addObjectType("Query");
    const char *const queryFields[][2] = {
        {"hello", "String"}, {"count", "Int"},        {"ratio", "Float"},          {"flag", "Boolean"},
        {"role", "Role"},    {"roles", "[Role]"},     {"user", "User"},            {"users", "[User]"},
        {"requiredUser", "User!"}, {"strictUsers", "[User!]!"}, {"node", "Node"}, {"nodes", "[Node]"},
        {"named", "Named"},  {"entity", "Entity"},    {"entities", "[Entity!]"}};
    for (const auto &field : queryFields)
        query.addField(field[0], field[1]);
    Field &echo = query.addField("echo", "String").setResolver([](ResolveInfo &info) {
        return Value::fromUtf8(Json::serialize(info.arguments));
    });
    echo.addArgument("i", "Int");
    echo.addArgument("s", "String").setDefaultValue(QStringLiteral("default"));
    echo.addArgument("list", "[Int]");
    echo.addArgument("point", "Point");
    echo.addArgument("role", "Role").setDefaultValue(QStringLiteral("GUEST"));
    echo.addArgument("id", "ID");
    query.addField("fail", "String").setResolver([](ResolveInfo &info) { return info.fail(QStringLiteral("Boom!")); });
    query.addField("failRequired", "String!").setResolver([](ResolveInfo &info) { return info.fail(QStringLiteral("Boom!")); });
    query.addField("nested", "Query!").setResolver([](ResolveInfo &info) { return info.source; });

    auto counter = std::make_shared<qint64>(0);
    Type &mutation = builder.addObjectType("Mutation");
    mutation.addField("incr", "Int!")
        .setResolver([counter](ResolveInfo &info) { return Value(*counter += info.arguments.value("by").toInt()); })
        .addArgument("by", "Int")
        .setDefaultValue(1);
    mutation.addField("failing", "Int").setResolver([](ResolveInfo &info) { return info.fail(QStringLiteral("No way!")); });
    mutation.addField("last", "Int").setResolver([counter](ResolveInfo &) { return Value(*counter); });

    Type &event = builder.addObjectType("UserEvent");
    event.addField("action", "String!");
    event.addField("seq", "String!");
    event.addField("user", "User");
    Type &subscription = builder.addObjectType("Subscription");
    Field &userChanged = subscription.addField("userChanged", "UserEvent");
    userChanged.addArgument("id", "ID!");
    userChanged.addArgument("roles", "[Role]").setDefaultValue(Value::List{QStringLiteral("ADMIN")});
    subscription.addField("tick", "Int");

    QStringList errors;
    SchemaPtr schema = builder.build(&errors);
    if (!schema)
        qFatal("%s", qPrintable(errors.join(u'\n')));
    return schema;
}

/// A schema with nothing but a query root.
SchemaPtr queryOnlySchema()
{
    SchemaBuilder builder;
    builder.addObjectType("Query").addField("hello", "String");
    return builder.build();
}

const QByteArray RootValue = R"({"hello":"world","count":3,"ratio":0.5,"flag":true,"role":"ADMIN","roles":["GUEST","ADMIN"],)"
    R"("user":{"id":1,"name":"Ada","email":"ada@example.com","age":36,"tags":["math"],"scores":[1,2],)"
    R"("friends":[{"id":2,"name":"Bob","email":"bob@example.com","scores":[]},null,{"id":3,"name":"Cy","scores":[3]}],)"
    R"("best":{"id":2,"name":"Bob","email":"bob@example.com","scores":[]}},)"
    R"("users":[{"id":1,"name":"Ada","email":"ada@example.com","scores":[]},{"id":2,"name":"Bob","scores":[]},null],)"
    R"("requiredUser":{"id":1,"name":"Ada","scores":[]},"strictUsers":[{"id":1,"email":"a@x","scores":[]},{"id":2,"scores":[]}],)"
    R"("node":{"__typename":"User","id":7,"name":"Nod","email":"n@x","scores":[]},)"
    R"("nodes":[{"__typename":"User","id":1,"name":"Ada"},{"__typename":"Group","id":"g1","title":"Admins","members":[]},null],)"
    R"("named":{"__typename":"User","id":1,"name":"Ada"},)"
    R"("entity":{"__typename":"Group","id":"g2","title":"Devs","members":[{"id":1,"name":"Ada","email":"ada@example.com","scores":[]}]},)"
    R"("entities":[{"__typename":"Group","id":"g1","title":"Admins","members":[]},{"__typename":"User","id":5,"name":"Eve"}]})";

DocumentPtr parse(const QByteArray &source)
{
    ParseResult result = Parser::parse(source);
    if (!result.document)
        qFatal("%s", qPrintable(result.error->message));
    return result.document;
}

ExecutionRequest request(SchemaPtr schema, const QByteArray &source, const QByteArray &variables = "{}",
                         const QByteArray &operationName = {})
{
    return ExecutionRequest{std::move(schema), parse(source), operationName, Json::parse(variables)};
}

QString describe(const ErrorList &errors)
{
    return QString::fromUtf8(Json::serialize(errorsToValue(errors)));
}

} // namespace

class TestExecutor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void execute_data();
    void execute();
    void requestErrors_data();
    void requestErrors();
    void preparedSubscription();
    void subscriptionEvents();
    void subscriptionPrepareErrors_data();
    void subscriptionPrepareErrors();
    void selectionKey_data();
    void selectionKey();
    void typeResolver_data();
    void typeResolver();
    void resolveInfo();
    void resultLayout();
    void longList();
};

void TestExecutor::execute_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QByteArray>("operationName");
    QTest::addColumn<QByteArray>("root"); // empty: RootValue
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("scalars") << QByteArray("{ hello count ratio flag role roles }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"hello\":\"world\",\"count\":3,\"ratio\":0.5,\"flag\":true,\"role\":\"ADMIN\",\"roles\":[\"GUEST\",\"ADMIN\"]}}");
    QTest::newRow("aliases") << QByteArray("{ a: hello b: hello c: count }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"a\":\"world\",\"b\":\"world\",\"c\":3}}");
    QTest::newRow("typename on query") << QByteArray("{ __typename t: __typename }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"__typename\":\"Query\",\"t\":\"Query\"}}");
    QTest::newRow("nested objects") << QByteArray("{ user { id name best { name best { name } } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"id\":\"1\",\"name\":\"Ada\",\"best\":{\"name\":\"Bob\",\"best\":null}}}}");
    QTest::newRow("lists of objects") << QByteArray("{ users { id name } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"users\":[{\"id\":\"1\",\"name\":\"Ada\"},{\"id\":\"2\",\"name\":\"Bob\"},null]}}");
    QTest::newRow("list items that are null") << QByteArray("{ user { friends { name } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"friends\":[{\"name\":\"Bob\"},null,{\"name\":\"Cy\"}]}}}");
    QTest::newRow("missing fields are null") << QByteArray("{ user { best { age tags } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"best\":{\"age\":null,\"tags\":null}}}}");
    QTest::newRow("id serializes as string") << QByteArray("{ user { id } nodes { id } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"id\":\"1\"},\"nodes\":[{\"id\":\"1\"},{\"id\":\"g1\"},null]}}");
    QTest::newRow("selection order is document order") << QByteArray("{ count hello user { name id } flag }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"count\":3,\"hello\":\"world\",\"user\":{\"name\":\"Ada\",\"id\":\"1\"},\"flag\":true}}");
    QTest::newRow("same field twice merges") << QByteArray("{ user { name } user { id } user { name best { id } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"name\":\"Ada\",\"id\":\"1\",\"best\":{\"id\":\"2\"}}}}");
    QTest::newRow("aliased fields stay apart") << QByteArray("{ a: user { name } b: user { id } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"a\":{\"name\":\"Ada\"},\"b\":{\"id\":\"1\"}}}");
    QTest::newRow("nested query root") << QByteArray("{ nested { nested { hello } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"nested\":{\"nested\":{\"hello\":\"world\"}}}}");
    QTest::newRow("argument defaults") << QByteArray("{ echo }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"echo\":\"{\\\"s\\\":\\\"default\\\",\\\"role\\\":\\\"GUEST\\\"}\"}}");
    QTest::newRow("literal arguments") << QByteArray("{ echo(i: 1, s: \"x\", list: 2, point: {x: 1}, role: ADMIN, id: 7) }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"echo\":\"{\\\"i\\\":1,\\\"s\\\":\\\"x\\\",\\\"list\\\":[2],\\\"point\\\":{\\\"x\\\":1,\\\"y\\\":0},\\\"role\\\":\\\"ADMIN\\\",\\\"id\\\":\\\"7\\\"}\"}}");
    QTest::newRow("explicit null argument") << QByteArray("{ echo(s: null, role: null) }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"echo\":\"{\\\"s\\\":null,\\\"role\\\":null}\"}}");
    QTest::newRow("variables") << QByteArray("query Q($i: Int, $p: Point, $l: [Int]) { echo(i: $i, point: $p, list: $l) }") << QByteArray("{\"i\": 4, \"p\": {\"x\": 2, \"y\": 3}, \"l\": 5}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"echo\":\"{\\\"i\\\":4,\\\"s\\\":\\\"default\\\",\\\"list\\\":[5],\\\"point\\\":{\\\"x\\\":2,\\\"y\\\":3},\\\"role\\\":\\\"GUEST\\\"}\"}}");
    QTest::newRow("missing variable uses argument default") << QByteArray("query ($s: String) { echo(s: $s) }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"echo\":\"{\\\"s\\\":\\\"default\\\",\\\"role\\\":\\\"GUEST\\\"}\"}}");
    QTest::newRow("variable default") << QByteArray("query ($s: String = \"from variable\") { echo(s: $s) }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"echo\":\"{\\\"s\\\":\\\"from variable\\\",\\\"role\\\":\\\"GUEST\\\"}\"}}");
    QTest::newRow("variables inside values") << QByteArray("query ($x: Int!) { echo(point: {x: $x}, list: [1, $x]) }") << QByteArray("{\"x\": 9}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"echo\":\"{\\\"s\\\":\\\"default\\\",\\\"list\\\":[1,9],\\\"point\\\":{\\\"x\\\":9,\\\"y\\\":0},\\\"role\\\":\\\"GUEST\\\"}\"}}");
    QTest::newRow("invalid variable is a request error") << QByteArray("query ($i: Int) { echo(i: $i) }") << QByteArray("{\"i\": \"four\"}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"errors\":[{\"message\":\"Variable \\\"$i\\\" got invalid value \\\"four\\\"; Int cannot represent non-integer value: \\\"four\\\"\",\"locations\":[{\"line\":1,\"column\":8}]}]}");
    QTest::newRow("missing required variable") << QByteArray("query ($i: Int!, $j: Int!) { echo(i: $i) }") << QByteArray("{\"i\": 1}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"errors\":[{\"message\":\"Variable \\\"$j\\\" of required type \\\"Int!\\\" was not provided.\",\"locations\":[{\"line\":1,\"column\":18}]}]}");
    QTest::newRow("named fragment") << QByteArray("{ user { ...U } } fragment U on User { id name }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"id\":\"1\",\"name\":\"Ada\"}}}");
    QTest::newRow("nested fragments") << QByteArray("{ user { ...A } } fragment A on User { name ...B } fragment B on User { best { ...A } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"name\":\"Ada\",\"best\":{\"name\":\"Bob\",\"best\":null}}}}");
    QTest::newRow("inline fragment without type") << QByteArray("{ user { ... { name } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"name\":\"Ada\"}}}");
    QTest::newRow("fragments on an interface") << QByteArray("{ node { id ... on User { name } ... on Group { title } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"node\":{\"id\":\"7\",\"name\":\"Nod\"}}}");
    QTest::newRow("fragments on a list of interfaces") << QByteArray("{ nodes { __typename id ... on User { name } ... on Group { title } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"nodes\":[{\"__typename\":\"User\",\"id\":\"1\",\"name\":\"Ada\"},{\"__typename\":\"Group\",\"id\":\"g1\",\"title\":\"Admins\"},null]}}");
    QTest::newRow("interface fragment spread") << QByteArray("{ entity { ... on Node { id } ... on Named { name } ... on Group { title members { name } } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"entity\":{\"id\":\"g2\",\"title\":\"Devs\",\"members\":[{\"name\":\"Ada\"}]}}}");
    QTest::newRow("union fragments") << QByteArray("{ entities { __typename ... on User { name } ... on Group { title } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"entities\":[{\"__typename\":\"Group\",\"title\":\"Admins\"},{\"__typename\":\"User\",\"name\":\"Eve\"}]}}");
    QTest::newRow("named fragment on a union") << QByteArray("{ entities { ...E } } fragment E on Entity { __typename ... on Group { id } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"entities\":[{\"__typename\":\"Group\",\"id\":\"g1\"},{\"__typename\":\"User\"}]}}");
    QTest::newRow("typename on an interface") << QByteArray("{ named { __typename name } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"named\":{\"__typename\":\"User\",\"name\":\"Ada\"}}}");
    QTest::newRow("fragment merges with the field") << QByteArray("{ user { best { name } ...F } } fragment F on User { best { id } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"best\":{\"name\":\"Bob\",\"id\":\"2\"}}}}");
    QTest::newRow("fragment spread twice") << QByteArray("{ user { ...F ...F } } fragment F on User { name }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"name\":\"Ada\"}}}");
    QTest::newRow("skip and include literals") << QByteArray("{ a: hello @skip(if: true) b: hello @skip(if: false) c: hello @include(if: true) d: hello @include(if: false) }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"b\":\"world\",\"c\":\"world\"}}");
    QTest::newRow("skip and include together") << QByteArray("{ a: hello @skip(if: false) @include(if: true) b: hello @skip(if: true) @include(if: true) c: hello @skip(if: false) @include(if: false) }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"a\":\"world\"}}");
    QTest::newRow("directives with variables") << QByteArray("query ($yes: Boolean!, $no: Boolean!) { a: hello @include(if: $yes) b: hello @include(if: $no) c: count @skip(if: $yes) }") << QByteArray("{\"yes\": true, \"no\": false}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"a\":\"world\"}}");
    QTest::newRow("directives on fragments") << QByteArray("query ($t: Boolean = true) { user { ...F @skip(if: $t) ... on User @include(if: $t) { id } ... @skip(if: false) { name } } } fragment F on User { email }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"id\":\"1\",\"name\":\"Ada\"}}}");
    QTest::newRow("skipped field selected again") << QByteArray("{ user { name @skip(if: true) name } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"name\":\"Ada\"}}}");
    QTest::newRow("resolver error") << QByteArray("{ hello fail }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"hello\":\"world\",\"fail\":null},\"errors\":[{\"message\":\"Boom!\",\"locations\":[{\"line\":1,\"column\":9}],\"path\":[\"fail\"]}]}");
    QTest::newRow("resolver error on non-null propagates to parent") << QByteArray("{ hello failRequired }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":null,\"errors\":[{\"message\":\"Boom!\",\"locations\":[{\"line\":1,\"column\":9}],\"path\":[\"failRequired\"]}]}");
    QTest::newRow("resolver error deep") << QByteArray("{ user { name secret best { secret } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"name\":\"Ada\",\"secret\":null,\"best\":{\"secret\":null}}},\"errors\":[{\"message\":\"Secret!\",\"locations\":[{\"line\":1,\"column\":15}],\"path\":[\"user\",\"secret\"]},{\"message\":\"Secret!\",\"locations\":[{\"line\":1,\"column\":29}],\"path\":[\"user\",\"best\",\"secret\"]}]}");
    QTest::newRow("resolver error deep non-null") << QByteArray("{ user { name best { name secretRequired } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"name\":\"Ada\",\"best\":null}},\"errors\":[{\"message\":\"Secret!\",\"locations\":[{\"line\":1,\"column\":27}],\"path\":[\"user\",\"best\",\"secretRequired\"]}]}");
    QTest::newRow("null for non-null field") << QByteArray("{ requiredUser { id email } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":null,\"errors\":[{\"message\":\"Cannot return null for non-nullable field User.email.\",\"locations\":[{\"line\":1,\"column\":21}],\"path\":[\"requiredUser\",\"email\"]}]}");
    QTest::newRow("null for non-null field in nullable parent") << QByteArray("{ user { best { name } } users { name email } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"best\":{\"name\":\"Bob\"}},\"users\":[{\"name\":\"Ada\",\"email\":\"ada@example.com\"},null,null]},\"errors\":[{\"message\":\"Cannot return null for non-nullable field User.email.\",\"locations\":[{\"line\":1,\"column\":39}],\"path\":[\"users\",1,\"email\"]}]}");
    QTest::newRow("null in non-null list of non-null") << QByteArray("{ strictUsers { id email } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":null,\"errors\":[{\"message\":\"Cannot return null for non-nullable field User.email.\",\"locations\":[{\"line\":1,\"column\":20}],\"path\":[\"strictUsers\",1,\"email\"]}]}");
    QTest::newRow("non-null propagation through nested roots") << QByteArray("{ hello nested { nested { failRequired } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":null,\"errors\":[{\"message\":\"Boom!\",\"locations\":[{\"line\":1,\"column\":27}],\"path\":[\"nested\",\"nested\",\"failRequired\"]}]}");
    QTest::newRow("non-null list item error") << QByteArray("{ user { friends { name email } } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"user\":{\"friends\":[{\"name\":\"Bob\",\"email\":\"bob@example.com\"},null,null]}},\"errors\":[{\"message\":\"Cannot return null for non-nullable field User.email.\",\"locations\":[{\"line\":1,\"column\":25}],\"path\":[\"user\",\"friends\",2,\"email\"]}]}");
    QTest::newRow("errors keep document order") << QByteArray("{ a: fail b: user { secret } c: fail }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"a\":null,\"b\":{\"secret\":null},\"c\":null},\"errors\":[{\"message\":\"Boom!\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"a\"]},{\"message\":\"Secret!\",\"locations\":[{\"line\":1,\"column\":21}],\"path\":[\"b\",\"secret\"]},{\"message\":\"Boom!\",\"locations\":[{\"line\":1,\"column\":30}],\"path\":[\"c\"]}]}");
    QTest::newRow("error in aliased field") << QByteArray("{ renamed: fail }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"renamed\":null},\"errors\":[{\"message\":\"Boom!\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"renamed\"]}]}");
    QTest::newRow("error locations are every node") << QByteArray("{ fail ... { fail } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"fail\":null},\"errors\":[{\"message\":\"Boom!\",\"locations\":[{\"line\":1,\"column\":3},{\"line\":1,\"column\":14}],\"path\":[\"fail\"]}]}");
    QTest::newRow("abstract type without typename") << QByteArray("{ node { id } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"node\": {\"id\": 1}}")
        << QByteArray("{\"data\":{\"node\":null},\"errors\":[{\"message\":\"Abstract type \\\"Node\\\" must resolve to an Object type at runtime for field \\\"Query.node\\\". Either the \\\"Node\\\" type should provide a \\\"resolveType\\\" function or each possible type should provide an \\\"isTypeOf\\\" function.\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"node\"]}]}");
    QTest::newRow("abstract type unknown") << QByteArray("{ node { id } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"node\": {\"__typename\": \"Robot\", \"id\": 1}}")
        << QByteArray("{\"data\":{\"node\":null},\"errors\":[{\"message\":\"Abstract type \\\"Node\\\" was resolved to a type \\\"Robot\\\" that does not exist inside the schema.\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"node\"]}]}");
    QTest::newRow("abstract type not possible") << QByteArray("{ named { name } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"named\": {\"__typename\": \"Group\", \"id\": 1}}")
        << QByteArray("{\"data\":{\"named\":null},\"errors\":[{\"message\":\"Runtime Object type \\\"Group\\\" is not a possible type for \\\"Named\\\".\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"named\"]}]}");
    QTest::newRow("abstract type input object name") << QByteArray("{ entity { __typename } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"entity\": {\"__typename\": \"Point\"}}")
        << QByteArray("{\"data\":{\"entity\":null},\"errors\":[{\"message\":\"Abstract type \\\"Entity\\\" was resolved to a non-object type \\\"Point\\\".\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"entity\"]}]}");
    QTest::newRow("leaf serialization errors") << QByteArray("{ count ratio flag role }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"count\": \"many\", \"ratio\": \"half\", \"flag\": \"yes\", \"role\": \"OWNER\"}")
        << QByteArray("{\"data\":{\"count\":null,\"ratio\":null,\"flag\":null,\"role\":null},\"errors\":[{\"message\":\"Int cannot represent non-integer value: \\\"many\\\"\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"count\"]},{\"message\":\"Float cannot represent non numeric value: \\\"half\\\"\",\"locations\":[{\"line\":1,\"column\":9}],\"path\":[\"ratio\"]},{\"message\":\"Boolean cannot represent a non boolean value: \\\"yes\\\"\",\"locations\":[{\"line\":1,\"column\":15}],\"path\":[\"flag\"]},{\"message\":\"Enum \\\"Role\\\" cannot represent value: \\\"OWNER\\\"\",\"locations\":[{\"line\":1,\"column\":20}],\"path\":[\"role\"]}]}");
    QTest::newRow("int out of range") << QByteArray("{ count }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"count\": 4294967296}")
        << QByteArray("{\"data\":{\"count\":null},\"errors\":[{\"message\":\"Int cannot represent non 32-bit signed integer value: 4294967296\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"count\"]}]}");
    QTest::newRow("int from numeric string") << QByteArray("{ count ratio }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"count\": \"42\", \"ratio\": \"2.5\"}")
        << QByteArray("{\"data\":{\"count\":42,\"ratio\":2.5}}");
    QTest::newRow("list expected") << QByteArray("{ roles users { id } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"roles\": \"ADMIN\", \"users\": {\"id\": 1}}")
        << QByteArray("{\"data\":{\"roles\":null,\"users\":null},\"errors\":[{\"message\":\"Expected Iterable, but did not find one for field \\\"Query.roles\\\".\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"roles\"]},{\"message\":\"Expected Iterable, but did not find one for field \\\"Query.users\\\".\",\"locations\":[{\"line\":1,\"column\":9}],\"path\":[\"users\"]}]}");
    QTest::newRow("enum list with bad item") << QByteArray("{ roles }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"roles\": [\"ADMIN\", \"ROOT\", \"GUEST\"]}")
        << QByteArray("{\"data\":{\"roles\":[\"ADMIN\",null,\"GUEST\"]},\"errors\":[{\"message\":\"Enum \\\"Role\\\" cannot represent value: \\\"ROOT\\\"\",\"locations\":[{\"line\":1,\"column\":3}],\"path\":[\"roles\",1]}]}");
    QTest::newRow("object from scalar source") << QByteArray("{ user { id name } }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"user\": \"not an object\"}")
        << QByteArray("{\"data\":{\"user\":null},\"errors\":[{\"message\":\"Cannot return null for non-nullable field User.id.\",\"locations\":[{\"line\":1,\"column\":10}],\"path\":[\"user\",\"id\"]}]}");
    QTest::newRow("argument error is a field error") << QByteArray("{ echo(point: {x: \"a\"}) hello }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"echo\":null,\"hello\":\"world\"},\"errors\":[{\"message\":\"Argument \\\"point\\\" has invalid value {x: \\\"a\\\"}.\",\"locations\":[{\"line\":1,\"column\":15}],\"path\":[\"echo\"]}]}");
    QTest::newRow("operation by name") << QByteArray("query A { hello } query B { count }") << QByteArray("{}") << QByteArray("B")
        << QByteArray("")
        << QByteArray("{\"data\":{\"count\":3}}");
    QTest::newRow("mutations run in order") << QByteArray("mutation { a: incr b: incr(by: 5) c: incr d: last }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"a\":1,\"b\":6,\"c\":7,\"d\":7}}");
    QTest::newRow("mutation error does not stop the others") << QByteArray("mutation { a: incr failing b: incr }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"data\":{\"a\":1,\"failing\":null,\"b\":2},\"errors\":[{\"message\":\"No way!\",\"locations\":[{\"line\":1,\"column\":20}],\"path\":[\"failing\"]}]}");
    QTest::newRow("subscription executes like a query for one event") << QByteArray("subscription { tick }") << QByteArray("{}") << QByteArray("")
        << QByteArray("{\"tick\": 5}")
        << QByteArray("{\"data\":{\"tick\":5}}");
    QTest::newRow("subscription with payload") << QByteArray("subscription S($id: ID!) { userChanged(id: $id) { action seq user { name } } }") << QByteArray("{\"id\": 1}") << QByteArray("")
        << QByteArray("{\"userChanged\": {\"action\": \"update\", \"seq\": \"42\", \"user\": {\"name\": \"Ada\"}}}")
        << QByteArray("{\"data\":{\"userChanged\":{\"action\":\"update\",\"seq\":\"42\",\"user\":{\"name\":\"Ada\"}}}}");
    QTest::newRow("no operation") << QByteArray("fragment F on Query { hello }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"errors\":[{\"message\":\"Must provide an operation.\"}]}");
    QTest::newRow("several operations without a name") << QByteArray("query A { hello } query B { count }") << QByteArray("{}") << QByteArray("")
        << QByteArray("")
        << QByteArray("{\"errors\":[{\"message\":\"Must provide operation name if query contains multiple operations.\"}]}");
    QTest::newRow("unknown operation name") << QByteArray("query A { hello }") << QByteArray("{}") << QByteArray("B")
        << QByteArray("")
        << QByteArray("{\"errors\":[{\"message\":\"Unknown operation named \\\"B\\\".\"}]}");
}

void TestExecutor::execute()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, variables);
    QFETCH(QByteArray, operationName);
    QFETCH(QByteArray, root);
    QFETCH(QByteArray, expected);

    const ExecutionResult result = Executor::execute(request(buildSchema(), query, variables, operationName),
                                                     Json::parse(root.isEmpty() ? RootValue : root));
    QCOMPARE(result.toJson(), expected);
}

void TestExecutor::requestErrors_data()
{
    QTest::addColumn<bool>("queryOnly");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QByteArray>("expected");

    // Errors before execution starts: no "data" at all (spec §7.1.1).
    QTest::newRow("mutation without a mutation type")
        << true << QByteArray("{ hello }\nmutation M { hello }") << QByteArray("{}")
        << QByteArray(R"({"errors":[{"message":"Must provide operation name if query contains multiple operations."}]})");
    QTest::newRow("mutation type missing") << true << QByteArray("\n  mutation M { hello }") << QByteArray("{}")
        << QByteArray(R"({"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":2,"column":3}]}]})");
    QTest::newRow("subscription type missing") << true << QByteArray("subscription { hello }") << QByteArray("{}")
        << QByteArray(R"({"errors":[{"message":"Schema is not configured to execute subscription operation.","locations":[{"line":1,"column":1}]}]})");
    QTest::newRow("variables as a list") << false << QByteArray("{ hello }") << QByteArray("[1]")
        << QByteArray(R"({"errors":[{"message":"Variables must be provided as an Object where each property is a variable value. Perhaps look to see if an unparsed JSON string was provided."}]})");
    QTest::newRow("variables as a string") << false << QByteArray("{ hello }") << QByteArray(R"("{\"a\": 1}")")
        << QByteArray(R"({"errors":[{"message":"Variables must be provided as an Object where each property is a variable value. Perhaps look to see if an unparsed JSON string was provided."}]})");
    QTest::newRow("null variables are none") << false << QByteArray("query ($a: Int = 1) { echo(i: $a) }") << QByteArray("null")
        << QByteArray(R"({"data":{"echo":"{\"i\":1,\"s\":\"default\",\"role\":\"GUEST\"}"}})");
    QTest::newRow("variable errors") << false << QByteArray("query ($a: Int!, $b: [Role!]) { hello }")
        << QByteArray(R"({"b": ["ADMIN", "x"]})")
        << QByteArray(R"({"errors":[{"message":"Variable \"$a\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":8}]},)"
                      R"({"message":"Variable \"$b\" got invalid value \"x\" at \"b[1]\"; Value \"x\" does not exist in \"Role\" enum.","locations":[{"line":1,"column":18}]}]})");
}

void TestExecutor::requestErrors()
{
    QFETCH(bool, queryOnly);
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, variables);
    QFETCH(QByteArray, expected);

    const ExecutionResult result = Executor::execute(request(queryOnly ? queryOnlySchema() : buildSchema(), query, variables),
                                                     Json::parse(RootValue));
    QCOMPARE(result.toJson(), expected);
    QCOMPARE(result.hasData, expected.startsWith("{\"data\""));
}

void TestExecutor::preparedSubscription()
{
    const SchemaPtr schema = buildSchema();
    const PrepareResult prepared = Executor::prepare(
        request(schema, "fragment F on Subscription { changes: userChanged(id: $id) { action } }\n"
                        "subscription Watch($id: ID!) { ...F }",
                "{\"id\": 42}"));
    QVERIFY2(prepared.operation, qPrintable(describe(prepared.errors)));
    QVERIFY(prepared.errors.isEmpty());
    const PreparedOperation &operation = *prepared.operation;
    QCOMPARE(operation.type(), Ast::OperationType::Subscription);
    QCOMPARE(operation.operation->name.value, QByteArray("Watch"));
    QVERIFY(operation.rootField);
    QCOMPARE(operation.rootField->name, QByteArray("userChanged"));
    QCOMPARE(operation.rootField, schema->subscriptionType()->field("userChanged"));
    QCOMPARE(operation.rootResponseKey, QByteArray("changes"));
    // Coerced: the ID is a string, the default list of roles is filled in (spec §6.2.3.1).
    QCOMPARE(Json::serialize(operation.rootArguments), QByteArray(R"({"id":"42","roles":["ADMIN"]})"));
    QCOMPARE(Json::serialize(operation.variables), QByteArray(R"({"id":"42"})"));

    // Queries and mutations have no root field.
    const PrepareResult query = Executor::prepare(request(schema, "{ hello }"));
    QVERIFY(query.operation);
    QCOMPARE(query.operation->type(), Ast::OperationType::Query);
    QVERIFY(!query.operation->rootField);
    QVERIFY(query.operation->rootResponseKey.isEmpty());
}

void TestExecutor::subscriptionEvents()
{
    // One prepared operation, executed once per source event (MapSourceToResponseEvent).
    const PrepareResult prepared = Executor::prepare(
        request(buildSchema(), "subscription ($id: ID!) { userChanged(id: $id) { action seq user { name email } } }",
                "{\"id\": 1}"));
    QVERIFY2(prepared.operation, qPrintable(describe(prepared.errors)));
    const PreparedOperation &operation = *prepared.operation;

    const QByteArray events[][2] = {
        {R"({"userChanged":{"action":"create","seq":"1","user":{"name":"Ada","email":"a@x"}}})",
         R"({"data":{"userChanged":{"action":"create","seq":"1","user":{"name":"Ada","email":"a@x"}}}})"},
        {R"({"userChanged":{"action":"update","seq":"2","user":{"name":"Ada"}}})",
         R"({"data":{"userChanged":{"action":"update","seq":"2","user":null}},"errors":[{"message":"Cannot return null for non-nullable field User.email.","locations":[{"line":1,"column":73}],"path":["userChanged","user","email"]}]})"},
        {R"({"userChanged":{"action":"delete","seq":"3","user":null}})",
         R"({"data":{"userChanged":{"action":"delete","seq":"3","user":null}}})"},
        {R"({"userChanged":{"seq":"4"}})",
         R"({"data":{"userChanged":null},"errors":[{"message":"Cannot return null for non-nullable field UserEvent.action.","locations":[{"line":1,"column":50}],"path":["userChanged","action"]}]})"},
        {R"({})", R"({"data":{"userChanged":null}})"},
    };
    for (const auto &event : events)
        QCOMPARE(Executor::execute(operation, Json::parse(event[0])).toJson(), event[1]);
}

void TestExecutor::subscriptionPrepareErrors_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QByteArray>("errors");

    QTest::newRow("missing root argument") << QByteArray("subscription {\n  userChanged { action }\n}") << QByteArray("{}")
        << QByteArray(R"([{"message":"Argument \"id\" of required type \"ID!\" was not provided.","locations":[{"line":2,"column":3}],"path":["userChanged"]}])");
    QTest::newRow("invalid root argument") << QByteArray("subscription { e: userChanged(id: 1, roles: [ROOT]) { action } }")
        << QByteArray("{}")
        << QByteArray(R"([{"message":"Argument \"roles\" has invalid value [ROOT].","locations":[{"line":1,"column":45}],"path":["e"]}])");
    QTest::newRow("missing variable") << QByteArray("subscription ($id: ID!) { userChanged(id: $id) { action } }")
        << QByteArray("{}")
        << QByteArray(R"([{"message":"Variable \"$id\" of required type \"ID!\" was not provided.","locations":[{"line":1,"column":15}]}])");
    QTest::newRow("null variable for the root argument") << QByteArray("subscription ($id: ID) { userChanged(id: $id) { action } }")
        << QByteArray("{\"id\": null}")
        << QByteArray(R"([{"message":"Argument \"id\" of non-null type \"ID!\" must not be null.","locations":[{"line":1,"column":42}],"path":["userChanged"]}])");
    QTest::newRow("unknown root field") << QByteArray("subscription { nothing }") << QByteArray("{}")
        << QByteArray(R"([{"message":"The subscription field \"nothing\" is not defined.","locations":[{"line":1,"column":16}]}])");
    QTest::newRow("every root field skipped") << QByteArray("subscription { tick @skip(if: true) }") << QByteArray("{}")
        << QByteArray(R"([{"message":"Subscription operation selects no field.","locations":[{"line":1,"column":1}]}])");
}

void TestExecutor::subscriptionPrepareErrors()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, variables);
    QFETCH(QByteArray, errors);

    const PrepareResult prepared = Executor::prepare(request(buildSchema(), query, variables));
    QVERIFY(!prepared.operation);
    QCOMPARE(Json::serialize(errorsToValue(prepared.errors)), errors);
}

void TestExecutor::selectionKey_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("firstVariables");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QByteArray>("secondVariables");
    QTest::addColumn<bool>("equal");

    const QByteArray watch = "subscription W($id: ID!) { userChanged(id: $id) { action } }";
    QTest::newRow("same text and variables") << watch << QByteArray("{\"id\": 1}") << watch << QByteArray("{\"id\": 1}") << true;
    QTest::newRow("variables equal once coerced") << watch << QByteArray("{\"id\": 1}") << watch << QByteArray("{\"id\": \"1\"}")
                                                  << true;
    QTest::newRow("unused input is ignored") << watch << QByteArray("{\"id\": 1}") << watch
                                             << QByteArray("{\"id\": 1, \"other\": true}") << true;
    QTest::newRow("different variables") << watch << QByteArray("{\"id\": 1}") << watch << QByteArray("{\"id\": 2}") << false;
    QTest::newRow("different selection") << watch << QByteArray("{\"id\": 1}")
                                         << QByteArray("subscription W($id: ID!) { userChanged(id: $id) { seq } }")
                                         << QByteArray("{\"id\": 1}") << false;
    QTest::newRow("different operation name") << watch << QByteArray("{\"id\": 1}")
                                              << QByteArray("subscription X($id: ID!) { userChanged(id: $id) { action } }")
                                              << QByteArray("{\"id\": 1}") << false;
}

void TestExecutor::selectionKey()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, firstVariables);
    QFETCH(QByteArray, second);
    QFETCH(QByteArray, secondVariables);
    QFETCH(bool, equal);

    const SchemaPtr schema = buildSchema();
    const PrepareResult a = Executor::prepare(request(schema, first, firstVariables));
    const PrepareResult b = Executor::prepare(request(schema, second, secondVariables));
    QVERIFY(a.operation && b.operation);
    QCOMPARE(a.operation->selectionKey() == b.operation->selectionKey(), equal);
    // Equal keys must mean equal results for every event.
    const Value event = Json::parse(R"({"userChanged":{"action":"update","seq":"9"}})");
    if (equal)
        QCOMPARE(Executor::execute(*a.operation, event).toJson(), Executor::execute(*b.operation, event).toJson());
}

void TestExecutor::typeResolver_data()
{
    QTest::addColumn<QByteArray>("resolved"); // what the TypeResolver returns
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("resolver decides") << QByteArray("Cat") << QByteArray(R"({"data":{"pet":{"__typename":"Cat","name":"Tom"}}})");
    QTest::newRow("empty falls back to __typename")
        << QByteArray() << QByteArray(R"({"data":{"pet":{"__typename":"Dog","name":"Tom"}}})");
    QTest::newRow("unknown type") << QByteArray("Cow")
        << QByteArray(R"({"data":{"pet":null},"errors":[{"message":"Abstract type \"Pet\" was resolved to a type \"Cow\" that does not exist inside the schema.","locations":[{"line":1,"column":3}],"path":["pet"]}]})");
    QTest::newRow("not a possible type") << QByteArray("Query")
        << QByteArray(R"({"data":{"pet":null},"errors":[{"message":"Runtime Object type \"Query\" is not a possible type for \"Pet\".","locations":[{"line":1,"column":3}],"path":["pet"]}]})");
}

void TestExecutor::typeResolver()
{
    QFETCH(QByteArray, resolved);
    QFETCH(QByteArray, expected);

    SchemaBuilder builder;
    builder.addInterfaceType("Pet").addField("name", "String").setDescription(QString());
    builder.type("Pet")->setTypeResolver([resolved](const Value &value, const Schema &schema) {
        Q_UNUSED(schema);
        return value.value("name").toString() == u"Tom" ? resolved : QByteArray();
    });
    builder.addObjectType("Cat").addInterface("Pet").addField("name", "String");
    builder.addObjectType("Dog").addInterface("Pet").addField("name", "String");
    builder.addObjectType("Query").addField("pet", "Pet");
    const SchemaPtr schema = builder.build();
    QVERIFY(schema);
    const ExecutionResult result = Executor::execute(request(schema, "{ pet { __typename name } }"),
                                                     Json::parse(R"({"pet":{"__typename":"Dog","name":"Tom"}})"));
    QCOMPARE(result.toJson(), expected);
}

void TestExecutor::resolveInfo()
{
    // What a resolver is given: source, coerced arguments, its field and parent type, the
    // schema, the coerced variables and the request's context.
    struct Seen
    {
        QByteArray field, parent, arguments, variables, source;
        int context = 0;
    };
    auto seen = std::make_shared<Seen>();
    SchemaBuilder builder;
    builder.addObjectType("Item").addField("probe", "Int").setResolver([seen](ResolveInfo &info) {
        seen->field = info.field.name;
        seen->parent = info.parentType.name();
        seen->arguments = Json::serialize(info.arguments);
        seen->variables = Json::serialize(info.variables);
        seen->source = Json::serialize(info.source);
        const int *context = info.contextAs<int>();
        seen->context = context ? *context : -1;
        return Value(7);
    }).addArgument("n", "[Int]");
    builder.addObjectType("Query").addField("item", "Item");
    const SchemaPtr schema = builder.build();
    QVERIFY(schema);

    const ExecutionResult result = Executor::execute(
        request(schema, "query ($v: Int = 3) { item { p: probe(n: $v) } }", "{}"), Json::parse(R"({"item":{"k":1}})"),
        std::any(42));
    QCOMPARE(result.toJson(), QByteArray(R"({"data":{"item":{"p":7}}})"));
    QCOMPARE(seen->field, QByteArray("probe"));
    QCOMPARE(seen->parent, QByteArray("Item"));
    QCOMPARE(seen->arguments, QByteArray(R"({"n":3})"));
    QCOMPARE(seen->variables, QByteArray(R"({"v":3})"));
    QCOMPARE(seen->source, QByteArray(R"({"k":1})"));
    QCOMPARE(seen->context, 42);

    Executor::execute(request(schema, "{ item { probe } }"), Json::parse(R"({"item":{}})"), std::any(QStringLiteral("x")));
    QCOMPARE(seen->context, -1); // a context of another type
    QCOMPARE(seen->arguments, QByteArray("{}"));
}

void TestExecutor::resultLayout()
{
    ExecutionResult result;
    QCOMPARE(result.toJson(), QByteArray("{}"));
    result.hasData = true;
    QCOMPARE(result.toJson(), QByteArray(R"({"data":null})"));
    result.errors.append(Error(QStringLiteral("é"), {Ast::Location{2, 3}}));
    result.extensions = ObjectBuilder().append("cost", 1).build();
    QCOMPARE(result.toJson(), QByteArray(R"({"data":null,"errors":[{"message":"é","locations":[{"line":2,"column":3}]}],"extensions":{"cost":1}})"));
    QCOMPARE(result.toJson(Json::Style::Python),
             QByteArray(R"({"data": null, "errors": [{"message": "\u00e9", "locations": [{"line": 2, "column": 3}]}], "extensions": {"cost": 1}})"));
    const ExecutionResult failed = ExecutionResult::fromErrors({Error(QStringLiteral("x"))});
    QVERIFY(!failed.hasData);
    QCOMPARE(failed.toJson(), QByteArray(R"({"errors":[{"message":"x"}]})"));
}

void TestExecutor::longList()
{
    // Many list items share one collected selection set; every item still gets its own values.
    Value::List users;
    for (int i = 0; i < 10'000; ++i)
        users.append(ObjectBuilder().append("id", i).append("name", QString::number(i)).append("scores", Value::List()).build());
    const ExecutionResult result = Executor::execute(request(buildSchema(), "{ users { id ... on User { name } } }"),
                                                     ObjectBuilder().append("users", users).build());
    QVERIFY(result.errors.isEmpty());
    const Value::List &items = result.data.value("users").toList();
    QCOMPARE(items.size(), 10'000);
    QCOMPARE(Json::serialize(items[9'999]), QByteArray(R"({"id":"9999","name":"9999"})"));
}

QTEST_APPLESS_MAIN(TestExecutor)

#include "tst_executor.moc"

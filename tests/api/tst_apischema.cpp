// SPDX-License-Identifier: MIT
// The generated GraphQL API, through GraphQLService on a demo database file opened by the Backend
// as shipped: the names clients depend on (DESIGN.md, and the seed's schema in
// reference/seed-protocol.md §5), CRUD with every refusal reported as `ok: false` with camelCase
// field errors and nothing written, hostile strings in variables, literals and filters, list
// arguments, and a reload that picks up new columns and tables with their change capture.
#include "backend.h"
#include "modeltestsupport.h"
#include "sdlprinter.h"

#include <QTest>

using namespace Subscriptor;
using GraphQL::Value;
using TestSupport::json;

namespace {

constexpr int EventTimeoutMs = 5000;

const QByteArray UserFields = "id username firstName lastName email isSuperuser";
const QByteArray Meaghan = R"({"id": "5", "username": "meaghan90", "firstName": "Meaghan", "lastName": "Ackerman",
                               "email": "meaghan@gmail.com", "isSuperuser": false})";

const QByteArray CreateUser = "mutation($u: UserInput!) { userCreate(newUser: $u) { ok errors { field messages } user { "
                              + UserFields + " } } }";
const QByteArray UpdateUser = "mutation($u: UserInput!) { userUpdate(newUser: $u) { ok errors { field messages } user { "
                              + UserFields + " } } }";
const QByteArray DeleteUser = "mutation($id: ID!) { userDelete(id: $id) { ok errors { field messages } user { "
                              + UserFields + " } } }";

// A type reference as SDL writes it: [String!]!
QString typeRef(const Value &type)
{
    const QString kind = type.value("kind").toString();
    if (kind == QLatin1String("NON_NULL"))
        return typeRef(type.value("ofType")) + u'!';
    if (kind == QLatin1String("LIST"))
        return u'[' + typeRef(type.value("ofType")) + u']';
    return type.value("name").toString();
}

// A named type's SDL-visible shape in one line each member: `field(arg: T): T`, `field: T`, `VALUE`.
QStringList members(const Value &type)
{
    QStringList result;
    for (const Value &field : type.value("fields").toList()) {
        QStringList arguments;
        for (const Value &argument : field.value("args").toList())
            arguments.append(argument.value("name").toString() + QLatin1String(": ") + typeRef(argument.value("type")));
        result.append(field.value("name").toString() + (arguments.isEmpty() ? QString() : u'(' + arguments.join(QLatin1String(", ")) + u')')
                      + QLatin1String(": ") + typeRef(field.value("type")));
    }
    for (const Value &field : type.value("inputFields").toList())
        result.append(field.value("name").toString() + QLatin1String(": ") + typeRef(field.value("type")));
    for (const Value &value : type.value("enumValues").toList())
        result.append(value.value("name").toString());
    return result;
}

} // namespace

class TestApiSchema final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rootTypes();
    void sdlNames_data();
    void sdlNames();
    void sdlPrints();
    void queries_data();
    void queries();
    void create();
    void updateKeepsTheRest();
    void remove();
    void refusedMutations_data();
    void refusedMutations();
    void invalidInput_data();
    void invalidInput();
    void hostileVariables_data();
    void hostileVariables();
    void hostileLiterals_data();
    void hostileLiterals();
    void lists_data();
    void lists();
    void listErrors_data();
    void listErrors();
    void seedSubscription();
    void reloadPicksUpColumnsAndTables();
    void reloadPublishesWhatWasCapturedBefore();
    void tableNamedLikeAnApiType();

private:
    GraphQL::ExecutionResult run(const QByteArray &query, const QByteArray &variables = "{}");
    Value data(const QByteArray &query, const QByteArray &variables = "{}");
    QList<QVariantList> users() const { return TestSupport::tableRows(m_backend->database(), QStringLiteral("auth_user")); }
    qint64 changes() const { return TestSupport::changelogRows(m_backend->database()); }
    bool openBackend(const QString &path, QString *error);

    QTemporaryDir m_dir;
    std::unique_ptr<Backend> m_backend;
    Model::ChangeEvents m_events;
    QList<Api::SeedSubscriptionRequest> m_seedRequests;
};

bool TestApiSchema::openBackend(const QString &path, QString *error)
{
    m_backend = std::make_unique<Backend>();
    BackendOptions options;
    options.database = path;
    options.createDemo = true;
    options.seedSubscription = [this](const Api::SeedSubscriptionRequest &request) {
        m_seedRequests.append(request);
        return request.channelId == QLatin1String("refused") ? QStringLiteral("No such channel.") : QString();
    };
    if (!m_backend->open(options, error))
        return false;
    connect(&m_backend->feed(), &Model::ChangeFeed::changes, this, [this](const Model::ChangeEvents &events) { m_events += events; });
    return true;
}

void TestApiSchema::init()
{
    static int counter = 0;
    QString error;
    QVERIFY2(openBackend(m_dir.filePath(QStringLiteral("demo-%1.sqlite3").arg(++counter)), &error), qPrintable(error));
    m_events.clear();
    m_seedRequests.clear();
}

void TestApiSchema::cleanup()
{
    m_backend.reset();
}

GraphQL::ExecutionResult TestApiSchema::run(const QByteArray &query, const QByteArray &variables)
{
    Api::GraphQLRequest request;
    request.query = query;
    request.variables = json(variables);
    return m_backend->graphql().execute(request);
}

Value TestApiSchema::data(const QByteArray &query, const QByteArray &variables)
{
    const GraphQL::ExecutionResult result = run(query, variables);
    if (!result.errors.isEmpty())
        qWarning("unexpected errors: %s", GraphQL::Json::serialize(GraphQL::errorsToValue(result.errors)).constData());
    return result.data;
}

void TestApiSchema::rootTypes()
{
    QCOMPARE(data("{ __schema { queryType { name } mutationType { name } subscriptionType { name } } }"),
             json(R"({"__schema": {"queryType": {"name": "Query"}, "mutationType": {"name": "Mutation"},
                                   "subscriptionType": {"name": "Subscription"}}})"));
}

void TestApiSchema::sdlNames_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("exact"); // false: these members, in this order, among others

    const auto split = [](const char *text) { return QString::fromUtf8(text).split(QLatin1String("; ")); };
    QTest::newRow("Query") << QByteArray("Query")
        << split("user(id: ID!): User; allUsers(where: UserFilter, orderBy: [UserOrderBy!], limit: Int, offset: Int): UserListType!; "
                 "group(id: ID!): Group; allGroups(where: GroupFilter, orderBy: [GroupOrderBy!], limit: Int, offset: Int): GroupListType!")
        << true;
    QTest::newRow("Mutation") << QByteArray("Mutation")
        << split("userCreate(newUser: UserInput!): UserMutationResult!; userUpdate(newUser: UserInput!): UserMutationResult!; "
                 "userDelete(id: ID!): UserMutationResult!; groupCreate(newGroup: GroupInput!): GroupMutationResult!; "
                 "groupUpdate(newGroup: GroupInput!): GroupMutationResult!; groupDelete(id: ID!): GroupMutationResult!")
        << true;
    QTest::newRow("Subscription") << QByteArray("Subscription")
        << split("userSubscription(channelId: String!, action: ActionSubscriptionEnum!, operation: OperationSubscriptionEnum!, id: ID, "
                 "data: [UserFields]): UserSubscription; userChanges(actions: [ActionSubscriptionEnum!], id: ID): UserChangeEvent!; "
                 "groupSubscription(channelId: String!, action: ActionSubscriptionEnum!, operation: OperationSubscriptionEnum!, id: ID, "
                 "data: [GroupFields]): GroupSubscription; groupChanges(actions: [ActionSubscriptionEnum!], id: ID): GroupChangeEvent!")
        << true;
    QTest::newRow("User") << QByteArray("User")
        << split("id: ID!; username: String!; firstName: String!; lastName: String!; email: String!; isSuperuser: Boolean!") << true;
    QTest::newRow("Group") << QByteArray("Group") << split("id: ID!; name: String!") << true;
    QTest::newRow("UserListType") << QByteArray("UserListType") << split("results: [User!]!; totalCount: Int!") << true;
    QTest::newRow("UserInput") << QByteArray("UserInput")
        << split("id: ID; username: String; firstName: String; lastName: String; email: String; isSuperuser: Boolean") << true;
    QTest::newRow("UserMutationResult") << QByteArray("UserMutationResult") << split("ok: Boolean!; errors: [ErrorType!]; user: User") << true;
    QTest::newRow("GroupMutationResult") << QByteArray("GroupMutationResult") << split("ok: Boolean!; errors: [ErrorType!]; group: Group") << true;
    QTest::newRow("ErrorType") << QByteArray("ErrorType") << split("field: String!; messages: [String!]!") << true;
    QTest::newRow("UserFilter") << QByteArray("UserFilter")
        << split("id: IDFilter; username: StringFilter; firstName: StringFilter; lastName: StringFilter; email: StringFilter; "
                 "isSuperuser: BooleanFilter") << true;
    QTest::newRow("StringFilter") << QByteArray("StringFilter")
        << split("exact: String; contains: String; icontains: String; in: [String!]; lt: String; lte: String; gt: String; gte: String; "
                 "isNull: Boolean") << true;
    QTest::newRow("UserOrderBy") << QByteArray("UserOrderBy")
        << split("ID_ASC; ID_DESC; USERNAME_ASC; USERNAME_DESC; FIRST_NAME_ASC; FIRST_NAME_DESC; LAST_NAME_ASC; LAST_NAME_DESC; "
                 "EMAIL_ASC; EMAIL_DESC; IS_SUPERUSER_ASC; IS_SUPERUSER_DESC") << true;
    // The seed's own names (reference/seed-protocol.md §5).
    QTest::newRow("UserSubscription") << QByteArray("UserSubscription")
        << split("ok: Boolean; error: String; stream: String; operation: OperationSubscriptionEnum; action: ActionSubscriptionEnum") << true;
    QTest::newRow("ActionSubscriptionEnum") << QByteArray("ActionSubscriptionEnum") << split("CREATE; UPDATE; DELETE; ALL_ACTIONS") << true;
    QTest::newRow("OperationSubscriptionEnum") << QByteArray("OperationSubscriptionEnum") << split("SUBSCRIBE; UNSUBSCRIBE") << true;
    QTest::newRow("UserFields") << QByteArray("UserFields") << split("ID; USERNAME; FIRST_NAME; LAST_NAME; EMAIL; IS_SUPERUSER") << true;
    QTest::newRow("GroupFields") << QByteArray("GroupFields") << split("ID; NAME") << true;
    // The standard change stream: at least these (DESIGN.md).
    QTest::newRow("UserChangeEvent") << QByteArray("UserChangeEvent")
        << split("action: ActionSubscriptionEnum!; stream: String!; model: String!; seq: String!; data: User") << false;
}

void TestApiSchema::sdlNames()
{
    QFETCH(QByteArray, type);
    QFETCH(QStringList, expected);
    QFETCH(bool, exact);
    const Value result = data(R"(query($name: String!) { __type(name: $name) { name
            fields { name args { name type { ...T } } type { ...T } }
            inputFields { name type { ...T } }
            enumValues { name } } }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } })",
                              GraphQL::Json::serialize(TestSupport::object("name", Value::fromUtf8(type))));
    QCOMPARE(result.value("__type").value("name").toString().toUtf8(), type);
    const QStringList actual = members(result.value("__type"));
    if (exact) {
        QCOMPARE(actual, expected);
        return;
    }
    qsizetype from = 0;
    for (const QString &member : std::as_const(expected)) {
        const qsizetype at = actual.indexOf(member, from);
        QVERIFY2(at >= 0, qPrintable(member + QLatin1String(" in ") + actual.join(QLatin1String("; "))));
        from = at + 1;
    }
}

void TestApiSchema::sdlPrints()
{
    const QByteArray sdl = GraphQL::SdlPrinter::print(*m_backend->graphql().schema());
    for (const char *line : {"type Query {", "  user(id: ID!): User", "  userDelete(id: ID!): UserMutationResult!", "enum ActionSubscriptionEnum {",
                             "  ALL_ACTIONS", "enum UserFields {", "  IS_SUPERUSER", "type UserSubscription {", "  stream: String",
                             "input UserInput {", "  isSuperuser: Boolean"}) {
        QVERIFY2(sdl.split('\n').contains(QByteArray(line)), line);
    }
}

void TestApiSchema::queries_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("user 5") << QByteArray("{ user(id: \"5\") { " + UserFields + " } }") << QByteArray(R"({"user": )" + Meaghan + "}");
    QTest::newRow("id as an integer literal") << QByteArray("{ user(id: 5) { id username } }")
                                              << QByteArray(R"({"user": {"id": "5", "username": "meaghan90"}})");
    QTest::newRow("unknown id") << QByteArray("{ user(id: \"999\") { id } }") << QByteArray(R"({"user": null})");
    QTest::newRow("group") << QByteArray("{ group(id: \"1\") { id name } }") << QByteArray(R"({"group": {"id": "1", "name": "editors"}})");
    QTest::newRow("aliases and typename") << QByteArray("{ a: user(id: \"1\") { __typename superuser: isSuperuser } b: user(id: \"2\") { isSuperuser } }")
        << QByteArray(R"({"a": {"__typename": "User", "superuser": true}, "b": {"isSuperuser": false}})");
}

void TestApiSchema::queries()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, expected);
    QCOMPARE(data(query), json(expected));
}

void TestApiSchema::create()
{
    const qint64 before = changes();
    const Value result = data(CreateUser, R"({"u": {"username": "newbie", "firstName": "New", "isSuperuser": true}})");
    QCOMPARE(result, json(R"({"userCreate": {"ok": true, "errors": null, "user": {"id": "7", "username": "newbie", "firstName": "New",
                                "lastName": "", "email": "", "isSuperuser": true}}})"));
    QCOMPARE(users().size(), 7);
    QCOMPARE(users().last(), (QVariantList{7, QStringLiteral("newbie"), QStringLiteral("New"), QString(), QString(), 1}));
    QCOMPARE(changes(), before + 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 1, EventTimeoutMs);
    QCOMPARE(m_events[0].newRow.value("username"), Value(QStringLiteral("newbie")));
}

void TestApiSchema::updateKeepsTheRest()
{
    const Value result = data("mutation { userUpdate(newUser: {id: \"5\", firstName: \"Meg\"}) { ok errors { field messages } user { "
                              + UserFields + " } } }");
    QCOMPARE(result, json(R"({"userUpdate": {"ok": true, "errors": null, "user": )" + QByteArray(Meaghan).replace("\"Meaghan\"", "\"Meg\"")
                          + "}}"));
    QCOMPARE(users()[4], (QVariantList{5, QStringLiteral("meaghan90"), QStringLiteral("Meg"), QStringLiteral("Ackerman"),
                                       QStringLiteral("meaghan@gmail.com"), 0}));
    QCOMPARE(data("{ user(id: \"5\") { " + UserFields + " } }"),
             json(R"({"user": )" + QByteArray(Meaghan).replace("\"Meaghan\"", "\"Meg\"") + "}"));
}

void TestApiSchema::remove()
{
    const Value result = data(DeleteUser, R"({"id": "6"})");
    QCOMPARE(result, json(R"({"userDelete": {"ok": true, "errors": null, "user": {"id": "6", "username": "john", "firstName": "Dacia",
                                "lastName": "Doe", "email": "", "isSuperuser": false}}})"));
    QCOMPARE(users().size(), 5);
    QCOMPARE(data("{ user(id: \"6\") { id } }"), json(R"({"user": null})"));
}

void TestApiSchema::refusedMutations_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QByteArray>("errors");

    QTest::newRow("create: required field missing") << CreateUser << QByteArray(R"({"u": {"firstName": "X"}})")
        << QByteArray(R"([{"field": "username", "messages": ["This field is required."]}])");
    QTest::newRow("create: nothing given") << CreateUser << QByteArray(R"({"u": {}})")
        << QByteArray(R"([{"field": "username", "messages": ["This field is required."]}])");
    QTest::newRow("create: duplicate username") << CreateUser << QByteArray(R"({"u": {"username": "meaghan90"}})")
        << QByteArray(R"([{"field": "username", "messages": ["User with this username already exists."]}])");
    QTest::newRow("create: null for NOT NULL, camelCase field") << CreateUser << QByteArray(R"({"u": {"username": "x", "firstName": null}})")
        << QByteArray(R"([{"field": "firstName", "messages": ["This field may not be null."]}])");
    QTest::newRow("create: null boolean") << CreateUser << QByteArray(R"({"u": {"username": "x", "isSuperuser": null}})")
        << QByteArray(R"([{"field": "isSuperuser", "messages": ["This field may not be null."]}])");
    QTest::newRow("create: duplicate id") << CreateUser << QByteArray(R"({"u": {"id": "1", "username": "x"}})")
        << QByteArray(R"([{"field": "id", "messages": ["User with this id already exists."]}])");
    QTest::newRow("create: id not a number") << CreateUser << QByteArray(R"({"u": {"id": "x1", "username": "x"}})")
        << QByteArray(R"([{"field": "id", "messages": ["Enter a whole number."]}])");
    QTest::newRow("create: every problem") << CreateUser << QByteArray(R"({"u": {"lastName": null, "email": null}})")
        << QByteArray(R"([{"field": "lastName", "messages": ["This field may not be null."]},
                          {"field": "email", "messages": ["This field may not be null."]},
                          {"field": "username", "messages": ["This field is required."]}])");
    QTest::newRow("create: lone surrogate") << CreateUser << QByteArray(R"({"u": {"username": "a\ud800b"}})")
        << QByteArray(R"([{"field": "username", "messages": ["Enter valid text: it holds a lone UTF-16 surrogate."]}])");
    QTest::newRow("update: no id") << UpdateUser << QByteArray(R"({"u": {"firstName": "x"}})")
        << QByteArray(R"([{"field": "id", "messages": ["This field is required."]}])");
    QTest::newRow("update: unknown id") << UpdateUser << QByteArray(R"({"u": {"id": "999", "firstName": "x"}})")
        << QByteArray(R"([{"field": "id", "messages": ["No User with id 999."]}])");
    QTest::newRow("update: id not a number") << UpdateUser << QByteArray(R"({"u": {"id": "5 OR 1=1", "firstName": "x"}})")
        << QByteArray(R"([{"field": "id", "messages": ["Enter a whole number."]}])");
    QTest::newRow("update: username of another user") << UpdateUser << QByteArray(R"({"u": {"id": "5", "username": "admin"}})")
        << QByteArray(R"([{"field": "username", "messages": ["User with this username already exists."]}])");
    QTest::newRow("update: null for NOT NULL") << UpdateUser << QByteArray(R"({"u": {"id": "5", "lastName": null}})")
        << QByteArray(R"([{"field": "lastName", "messages": ["This field may not be null."]}])");
    QTest::newRow("delete: unknown id") << DeleteUser << QByteArray(R"({"id": "999"})")
        << QByteArray(R"([{"field": "id", "messages": ["No User with id 999."]}])");
    QTest::newRow("delete: id not a number") << DeleteUser << QByteArray(R"({"id": "'; DROP TABLE auth_user; --"})")
        << QByteArray(R"([{"field": "id", "messages": ["Enter a whole number."]}])");
}

void TestApiSchema::refusedMutations()
{
    QFETCH(QByteArray, document);
    QFETCH(QByteArray, variables);
    QFETCH(QByteArray, errors);
    const QList<QVariantList> before = users();
    const qint64 changesBefore = changes();
    const GraphQL::ExecutionResult result = run(document, variables);
    QCOMPARE(GraphQL::errorsToValue(result.errors), json("[]"));
    const Value payload = result.data.toObject().value(0).value;
    QCOMPARE(payload.value("ok"), Value(false));
    QCOMPARE(payload.value("errors"), json(errors));
    QCOMPARE(payload.value("user"), Value());
    QCOMPARE(users(), before);
    QCOMPARE(changes(), changesBefore);
}

void TestApiSchema::invalidInput_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QByteArray>("variables");
    QTest::addColumn<QString>("message"); // a part of the first error's message

    // Refused by GraphQL itself before any resolver runs: a request error, no data.
    QTest::newRow("boolean given a string") << CreateUser << QByteArray(R"({"u": {"username": "x", "isSuperuser": "yes"}})")
                                            << QStringLiteral("isSuperuser");
    QTest::newRow("string given a number") << CreateUser << QByteArray(R"({"u": {"username": 5}})") << QStringLiteral("username");
    QTest::newRow("unknown input field") << CreateUser << QByteArray(R"({"u": {"username": "x", "nickname": "y"}})")
                                         << QStringLiteral("nickname");
    QTest::newRow("snake_case input field") << CreateUser << QByteArray(R"({"u": {"username": "x", "first_name": "y"}})")
                                            << QStringLiteral("first_name");
    QTest::newRow("input missing") << CreateUser << QByteArray(R"({})") << QStringLiteral("$u");
    QTest::newRow("input is null") << CreateUser << QByteArray(R"({"u": null})") << QStringLiteral("$u");
    QTest::newRow("literal of the wrong type") << QByteArray("mutation { userCreate(newUser: {username: 5}) { ok } }") << QByteArray("{}")
                                               << QStringLiteral("String");
    QTest::newRow("unknown mutation") << QByteArray("mutation { userMake(newUser: {username: \"x\"}) { ok } }") << QByteArray("{}")
                                      << QStringLiteral("userMake");
}

void TestApiSchema::invalidInput()
{
    QFETCH(QByteArray, document);
    QFETCH(QByteArray, variables);
    QFETCH(QString, message);
    const QList<QVariantList> before = users();
    const GraphQL::ExecutionResult result = run(document, variables);
    QVERIFY(!result.errors.isEmpty());
    QVERIFY2(result.errors[0].message.contains(message), qPrintable(result.errors[0].message));
    QVERIFY(!result.hasData);
    QCOMPARE(users(), before);
}

void TestApiSchema::hostileVariables_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, text] : TestSupport::hostileStrings())
        QTest::newRow(name) << text;
}

void TestApiSchema::hostileVariables()
{
    QFETCH(QString, text);
    const qint64 groups = TestSupport::scalar(m_backend->database(), QStringLiteral("SELECT count(*) FROM auth_group")).toLongLong();

    // Every string input of a create.
    const auto variables = [](QByteArray name, const Value &value) {
        return GraphQL::Json::serialize(TestSupport::object(std::move(name), value));
    };
    const Value input = GraphQL::ObjectBuilder().append("username", text).append("firstName", text).append("lastName", text)
                            .append("email", text).build();
    Value result = data(CreateUser, variables("u", input));
    const Value user = result.value("userCreate").value("user");
    QCOMPARE(result.value("userCreate").value("ok"), Value(true));
    for (const char *field : {"username", "firstName", "lastName", "email"})
        QCOMPARE(user.value(field).toString(), text);

    // Read back by id, and found by every filter.
    const Value read = data("query($id: ID!) { user(id: $id) { username } }", variables("id", user.value("id")));
    QCOMPARE(read.value("user").value("username").toString(), text);
    const auto matches = [&](const QByteArray &where) {
        const Value list = data("query($s: String!) { allUsers(where: " + where + ") { totalCount results { id username } } }",
                                variables("s", text))
                               .value("allUsers");
        return list.value("totalCount").toInt();
    };
    QCOMPARE(matches("{username: {exact: $s}}"), 1);
    QCOMPARE(matches("{username: {in: [$s, \"admin\"]}}"), 2);
    QCOMPARE(matches("{username: {contains: $s}}"), text.isEmpty() ? 7 : 1);
    QCOMPARE(matches("{firstName: {icontains: $s}, lastName: {gte: $s, lte: $s}}"), 1);
    QCOMPARE(matches("{email: {lt: $s}}") + matches("{email: {gte: $s}}"), 7);

    // An update of another row with the same text.
    result = data(UpdateUser, variables("u", GraphQL::ObjectBuilder().append("id", QStringLiteral("5")).append("firstName", text).build()));
    QCOMPARE(result.value("userUpdate").value("user").value("firstName").toString(), text);
    QCOMPARE(result.value("userUpdate").value("user").value("lastName").toString(), QStringLiteral("Ackerman"));

    // Nothing else changed.
    QCOMPARE(users().size(), 7);
    QCOMPARE(TestSupport::scalar(m_backend->database(), QStringLiteral("SELECT count(*) FROM auth_group")).toLongLong(), groups);
    QCOMPARE(users()[0], (QVariantList{1, QStringLiteral("admin"), QStringLiteral("Ada"), QStringLiteral("Lovelace"),
                                       QStringLiteral("ada@example.com"), 1}));
}

void TestApiSchema::hostileLiterals_data()
{
    hostileVariables_data();
}

void TestApiSchema::hostileLiterals()
{
    // The same text written into the document as a string literal (JSON's escapes are GraphQL's).
    QFETCH(QString, text);
    const QByteArray literal = GraphQL::Json::serialize(Value(text));
    const QList<QVariantList> before = users();
    const GraphQL::ExecutionResult result = run("mutation { userCreate(newUser: {username: " + literal + ", email: " + literal
                                                + "}) { ok user { username email } } }");
    if (literal.size() > 256 * 1024) {
        // Past the lexer's bound on a document's size (variables have none): refused, nothing written.
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors[0].message.contains(QLatin1String("larger than")), qPrintable(result.errors[0].message));
        QCOMPARE(users(), before);
        return;
    }
    QCOMPARE(GraphQL::errorsToValue(result.errors), json("[]"));
    QCOMPARE(result.data.value("userCreate").value("user").value("username").toString(), text);
    QCOMPARE(result.data.value("userCreate").value("user").value("email").toString(), text);
    QCOMPARE(data("{ allUsers(where: {username: {exact: " + literal + "}}) { totalCount } }").value("allUsers"),
             json(R"({"totalCount": 1})"));
}

void TestApiSchema::lists_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<int>("totalCount");
    QTest::addColumn<QStringList>("usernames");

    const auto names = [](const char *text) { return QString::fromUtf8(text).split(u' ', Qt::SkipEmptyParts); };
    QTest::newRow("everything, by id") << QByteArray() << 6 << names("admin grace linus margaret meaghan90 john");
    QTest::newRow("boolean exact") << QByteArray("where: {isSuperuser: {exact: true}}") << 1 << names("admin");
    QTest::newRow("id in") << QByteArray("where: {id: {in: [\"5\", \"1\"]}}") << 2 << names("admin meaghan90");
    QTest::newRow("id range") << QByteArray("where: {id: {gte: \"3\", lt: \"5\"}}") << 2 << names("linus margaret");
    QTest::newRow("icontains") << QByteArray("where: {lastName: {icontains: \"ACK\"}}") << 1 << names("meaghan90");
    QTest::newRow("contains") << QByteArray("where: {email: {contains: \"@example.com\"}}") << 4 << names("admin grace linus margaret");
    QTest::newRow("exact empty") << QByteArray("where: {email: {exact: \"\"}}") << 1 << names("john");
    QTest::newRow("isNull false") << QByteArray("where: {email: {isNull: false}}") << 6 << names("admin grace linus margaret meaghan90 john");
    QTest::newRow("percent is literal") << QByteArray("where: {email: {icontains: \"%\"}}") << 0 << names("");
    QTest::newRow("underscore is literal") << QByteArray("where: {username: {contains: \"_\"}}") << 0 << names("");
    QTest::newRow("two fields") << QByteArray("where: {isSuperuser: {exact: false}, firstName: {gt: \"H\"}}") << 3
                                << names("linus margaret meaghan90");
    QTest::newRow("order descending, limit") << QByteArray("orderBy: [USERNAME_DESC], limit: 2") << 6 << names("meaghan90 margaret");
    QTest::newRow("two orders") << QByteArray("orderBy: [IS_SUPERUSER_DESC, FIRST_NAME_ASC]") << 6
                                << names("admin john grace linus margaret meaghan90");
    QTest::newRow("single order without a list") << QByteArray("orderBy: EMAIL_ASC, limit: 1") << 6 << names("john");
    QTest::newRow("limit and offset") << QByteArray("limit: 2, offset: 4") << 6 << names("meaghan90 john");
    QTest::newRow("limit 0") << QByteArray("limit: 0") << 6 << names("");
    QTest::newRow("limit 1000") << QByteArray("limit: 1000") << 6 << names("admin grace linus margaret meaghan90 john");
    QTest::newRow("offset past the end") << QByteArray("offset: 100") << 6 << names("");
}

void TestApiSchema::lists()
{
    QFETCH(QByteArray, arguments);
    QFETCH(int, totalCount);
    QFETCH(QStringList, usernames);
    const QByteArray call = arguments.isEmpty() ? QByteArray() : '(' + arguments + ')';
    const Value list = data("{ allUsers" + call + " { totalCount results { username } } }").value("allUsers");
    QCOMPARE(list.value("totalCount").toInt(), totalCount);
    QStringList found;
    for (const Value &user : list.value("results").toList())
        found.append(user.value("username").toString());
    QCOMPARE(found, usernames);
}

void TestApiSchema::listErrors_data()
{
    QTest::addColumn<QByteArray>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("negative limit") << QByteArray("limit: -1") << QStringLiteral("limit must be between 0 and 1000.");
    QTest::newRow("limit past the maximum") << QByteArray("limit: 1001") << QStringLiteral("limit must be between 0 and 1000.");
    QTest::newRow("negative offset") << QByteArray("offset: -1") << QStringLiteral("offset must not be negative.");
    QTest::newRow("id that is no number") << QByteArray("where: {id: {exact: \"abc\"}}") << QStringLiteral("filter on id: Enter a whole number.");
    QTest::newRow("null where null means nothing") << QByteArray("where: {username: {contains: null}}")
                                                   << QStringLiteral("filter on username: only exact may be null");
    QTest::newRow("unknown order") << QByteArray("orderBy: [NICKNAME_ASC]") << QStringLiteral("NICKNAME_ASC");
    QTest::newRow("unknown filter field") << QByteArray("where: {nickname: {exact: \"x\"}}") << QStringLiteral("nickname");
    QTest::newRow("contains on a boolean") << QByteArray("where: {isSuperuser: {contains: true}}") << QStringLiteral("contains");
    QTest::newRow("limit of the wrong type") << QByteArray("limit: \"10\"") << QStringLiteral("Int");
}

void TestApiSchema::listErrors()
{
    QFETCH(QByteArray, arguments);
    QFETCH(QString, message);
    const GraphQL::ExecutionResult result = run("{ allUsers(" + arguments + ") { totalCount results { id } } }");
    QVERIFY(!result.errors.isEmpty());
    QVERIFY2(result.errors[0].message.contains(message), qPrintable(result.errors[0].message));
    // allUsers is non-null: a failed list leaves no data.
    QVERIFY(result.data.value("allUsers").isNull());
}

void TestApiSchema::seedSubscription()
{
    const QByteArray document = "subscription($c: String!) { userSubscription(channelId: $c, action: UPDATE, operation: SUBSCRIBE, "
                                "id: \"5\", data: [USERNAME, FIRST_NAME]) { ok error stream operation action } }";
    QCOMPARE(data(document, R"({"c": "channel-1"})"),
             json(R"({"userSubscription": {"ok": true, "error": null, "stream": "users", "operation": "SUBSCRIBE", "action": "UPDATE"}})"));
    QCOMPARE(m_seedRequests.size(), 1);
    const Api::SeedSubscriptionRequest &request = m_seedRequests[0];
    QCOMPARE(request.model->table, QStringLiteral("auth_user"));
    QCOMPARE(request.channelId, QStringLiteral("channel-1"));
    QCOMPARE(request.action, QStringLiteral("update"));
    QCOMPARE(request.operation, QStringLiteral("subscribe"));
    QCOMPARE(request.id, QStringLiteral("5"));
    QVERIFY(request.hasFields);
    QCOMPARE(request.fields, (QStringList{QStringLiteral("username"), QStringLiteral("first_name")}));

    QCOMPARE(data("subscription { groupSubscription(channelId: \"refused\", action: ALL_ACTIONS, operation: UNSUBSCRIBE) { ok error stream "
                  "operation action } }"),
             json(R"({"groupSubscription": {"ok": false, "error": "No such channel.", "stream": "groups", "operation": "UNSUBSCRIBE",
                                            "action": "ALL_ACTIONS"}})"));
    QCOMPARE(m_seedRequests.size(), 2);
    QVERIFY(!m_seedRequests[1].hasFields);
    QVERIFY(m_seedRequests[1].id.isEmpty());
    QVERIFY(!run("subscription { userSubscription(channelId: \"c\", action: FOO, operation: SUBSCRIBE) { ok } }").errors.isEmpty());
    QCOMPARE(m_seedRequests.size(), 2);
}

void TestApiSchema::reloadPicksUpColumnsAndTables()
{
    const QByteArray nickname = "{ user(id: \"5\") { username nickname } }";
    QVERIFY(!run(nickname).errors.isEmpty());

    // Another program changes the schema.
    {
        Model::Database other(m_backend->database().location());
        QVERIFY(other.open());
        QSqlQuery query(other.connection());
        QVERIFY(query.exec(QStringLiteral("ALTER TABLE auth_user ADD COLUMN nickname TEXT")));
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE blog_post (id INTEGER PRIMARY KEY, title TEXT NOT NULL, published BOOLEAN NOT NULL DEFAULT 0)")));
        other.closeConnection();
    }
    QString error;
    QVERIFY2(m_backend->reload(&error), qPrintable(error));

    // The same document, once refused, now runs: the document cache was cleared.
    QCOMPARE(data(nickname), json(R"({"user": {"username": "meaghan90", "nickname": null}})"));
    const Value created = data("mutation { postCreate(newPost: {title: \"Hello\"}) { ok errors { field messages } post { id title published } } }");
    QCOMPARE(created, json(R"({"postCreate": {"ok": true, "errors": null, "post": {"id": "1", "title": "Hello", "published": false}}})"));
    QCOMPARE(data("{ allPosts { totalCount results { title } } }"), json(R"({"allPosts": {"totalCount": 1, "results": [{"title": "Hello"}]}})"));
    QCOMPARE(data("{ __type(name: \"PostFields\") { enumValues { name } } }"),
             json(R"({"__type": {"enumValues": [{"name": "ID"}, {"name": "TITLE"}, {"name": "PUBLISHED"}]}})"));

    // The new table has triggers, and the old one's capture the new column.
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 1, EventTimeoutMs);
    QCOMPARE(m_events[0].model->label, QStringLiteral("blog.post"));
    QCOMPARE(m_events[0].model->stream, QStringLiteral("posts"));
    QCOMPARE(m_events[0].newRow, json(R"({"id": 1, "title": "Hello", "published": false})"));
    QCOMPARE(data("mutation { userUpdate(newUser: {id: \"5\", nickname: \"Meg\"}) { ok } }"), json(R"({"userUpdate": {"ok": true}})"));
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 2, EventTimeoutMs);
    QCOMPARE(m_events[1].newRow.value("nickname"), Value(QStringLiteral("Meg")));
    QCOMPARE(m_events[1].oldRow.value("nickname"), Value());
    // Writes by other programs to the new table are captured too.
    {
        Model::Database other(m_backend->database().location());
        QVERIFY(other.open());
        QSqlQuery query(other.connection());
        QVERIFY(query.exec(QStringLiteral("UPDATE blog_post SET published = 1")));
        other.closeConnection();
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_events.size(), 3, EventTimeoutMs);
    QCOMPARE(m_events[2].newRow.value("published"), Value(true));
    QCOMPARE(m_events[2].seq, m_events[1].seq + 1);
}

void TestApiSchema::reloadPublishesWhatWasCapturedBefore()
{
    // Another program deletes a group, then drops the table. Changes captured while the table was
    // a model are still published as that model's, under the catalog they were made with.
    {
        Model::Database other(m_backend->database().location());
        QVERIFY(other.open());
        QSqlQuery query(other.connection());
        QVERIFY(query.exec(QStringLiteral("DELETE FROM auth_group WHERE id = 2")));
        QVERIFY(query.exec(QStringLiteral("DROP TABLE auth_group")));
        other.closeConnection();
    }
    QString error;
    QVERIFY2(m_backend->reload(&error), qPrintable(error));
    QCOMPARE(m_events.size(), 1);
    QCOMPARE(m_events[0].action, Model::ChangeAction::Delete);
    QCOMPARE(m_events[0].model->label, QStringLiteral("auth.group"));
    QCOMPARE(m_events[0].oldRow, json(R"({"id": 2, "name": "reviewers"})"));
    // The model is gone from the API.
    QVERIFY(!run("{ allGroups { totalCount } }").errors.isEmpty());
    QCOMPARE(data("{ allUsers { totalCount } }"), json(R"({"allUsers": {"totalCount": 6}})"));
}

void TestApiSchema::tableNamedLikeAnApiType()
{
    // A table whose derived type is one the API defines itself cannot be served; the backend says
    // so, rather than crashing or serving half a schema.
    TestSupport::TempDatabase db;
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE query (id INTEGER PRIMARY KEY, text TEXT)")));
    const QString path = db.path();
    QString error;
    m_backend.reset();
    QVERIFY(!openBackend(path, &error));
    QVERIFY2(error.contains(QLatin1String("Query")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestApiSchema)
#include "tst_apischema.moc"

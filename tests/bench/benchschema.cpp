// SPDX-License-Identifier: MIT
#include "benchschema.h"

#include "benchstore.h"

#include <QStringList>

namespace Subscriptor::Bench {

using namespace GraphQL;

namespace {

QString stringArgument(const ResolveInfo &info, QByteArrayView name)
{
    return info.arguments.value(name).toString();
}

QString sourceId(const ResolveInfo &info)
{
    return info.source.value("id").toString();
}

// The object type of a Node, from its id's prefix (graphql-js: Node.resolveType).
QByteArray nodeTypeName(const Value &node, const Schema &)
{
    const QString id = node.value("id").toString();
    if (id.startsWith(u'u'))
        return QByteArrayLiteral("User");
    if (id.startsWith(u'g'))
        return QByteArrayLiteral("Group");
    return QByteArrayLiteral("Post");
}

void addTypes(SchemaBuilder &builder, BenchStore &store)
{
    builder.addInterfaceType("Node", QStringLiteral("Something with a global id."))
        .setTypeResolver(nodeTypeName)
        .addField("id", "ID!");

    Type &role = builder.addEnumType("Role", QStringLiteral("What a user may do."));
    role.addEnumValue("ADMIN", QStringLiteral("Manages everything."));
    role.addEnumValue("EDITOR", QStringLiteral("Writes and edits posts."));
    role.addEnumValue("VIEWER", QStringLiteral("Reads posts."));
    role.addEnumValue("GUEST").deprecate(QStringLiteral("Use VIEWER."));

    Type &user = builder.addObjectType("User", QStringLiteral("A person with an account."));
    user.addInterface("Node");
    user.addField("id", "ID!");
    user.addField("username", "String!", QStringLiteral("Unique; what the user logs in with."));
    user.addField("name", "String!");
    user.addField("email", "String");
    user.addField("role", "Role!");
    user.addField("score", "Float!");
    user.addField("active", "Boolean!");
    user.addField("bio", "String");
    user.addField("createdAt", "String!", QStringLiteral("When the account was made (ISO 8601)."));
    user.addField("fullName", "String")
        .deprecate(QStringLiteral("Use `name`."))
        .setResolver([](ResolveInfo &info) { return info.source.value("name"); });
    user.addField("groups", "[Group!]!").setResolver([&store](ResolveInfo &info) { return store.groupsOf(info.source); });
    user.addField("posts", "[Post!]!", QStringLiteral("The user's posts, oldest first."))
        .setResolver([&store](ResolveInfo &info) {
            return store.postsOf(sourceId(info), info.arguments.value("first").toInt());
        })
        .addArgument("first", "Int").setDefaultValue(5);
    user.addField("postCount", "Int!").setResolver([&store](ResolveInfo &info) {
        return Value(store.postCount(sourceId(info)));
    });

    Type &group = builder.addObjectType("Group");
    group.addInterface("Node");
    group.addField("id", "ID!");
    group.addField("name", "String!");
    group.addField("description", "String");
    group.addField("memberCount", "Int!").setResolver([&store](ResolveInfo &info) {
        return Value(store.memberCount(sourceId(info)));
    });
    group.addField("members", "[User!]!")
        .setResolver([&store](ResolveInfo &info) {
            return store.members(sourceId(info), info.arguments.value("first").toInt());
        })
        .addArgument("first", "Int", QStringLiteral("How many members to list.")).setDefaultValue(20);

    Type &post = builder.addObjectType("Post");
    post.addInterface("Node");
    post.addField("id", "ID!");
    post.addField("title", "String!");
    post.addField("body", "String!");
    post.addField("likes", "Int!");
    post.addField("tags", "[String!]!");
    post.addField("published", "Boolean!");
    post.addField("rating", "Float");
    post.addField("author", "User!").setResolver([&store](ResolveInfo &info) {
        return store.user(info.source.value("authorId").toString());
    });
}

void addQuery(SchemaBuilder &builder, BenchStore &store)
{
    Type &query = builder.addObjectType("Query");
    query.addField("user", "User")
        .setResolver([&store](ResolveInfo &info) { return store.user(stringArgument(info, "id")); })
        .addArgument("id", "ID!");
    query.addField("users", "[User!]!")
        .setResolver([&store](ResolveInfo &info) { return store.users(info.arguments.value("first").toInt()); })
        .addArgument("first", "Int").setDefaultValue(20);
    query.addField("group", "Group")
        .setResolver([&store](ResolveInfo &info) { return store.group(stringArgument(info, "id")); })
        .addArgument("id", "ID!");
    query.addField("groups", "[Group!]!").setResolver([&store](ResolveInfo &) { return store.groups(); });
    query.addField("post", "Post")
        .setResolver([&store](ResolveInfo &info) { return store.post(stringArgument(info, "id")); })
        .addArgument("id", "ID!");
    query.addField("node", "Node", QStringLiteral("Fetches any object by its global id."))
        .setResolver([&store](ResolveInfo &info) {
            const QString id = stringArgument(info, "id");
            if (id.startsWith(u'u'))
                return store.user(id);
            if (id.startsWith(u'g'))
                return store.group(id);
            return store.post(id);
        })
        .addArgument("id", "ID!");
}

Value fieldError(const char *field, QString message)
{
    return ObjectBuilder(2).append("field", QString::fromLatin1(field)).append("message", std::move(message)).build();
}

Value payload(bool ok, Value::List errors, Value user)
{
    return ObjectBuilder(3).append("ok", ok).append("errors", std::move(errors)).append("user", std::move(user)).build();
}

// updateProfile: checks the input, then replaces the user's row. The same input gives the same
// row and the same response every time, so the benchmark can repeat it.
Value updateProfile(BenchStore &store, ResolveInfo &info)
{
    const QString id = stringArgument(info, "id");
    const Value user = store.user(id);
    if (user.isNull())
        return payload(false, {fieldError("id", QStringLiteral("No user has this id."))}, Value());
    const Value input = info.arguments.value("input");
    const Value *email = input.find("email");
    if (email && !email->isNull() && !email->toString().contains(u'@'))
        return payload(false, {fieldError("email", QStringLiteral("An email address needs an @."))}, user);
    ObjectBuilder updated(user.toObject().size());
    for (const Member &member : user.toObject()) {
        const Value *given = input.find(member.key);
        // Only bio may be cleared; a null for a non-null column leaves it as it is.
        const bool replace = given && (!given->isNull() || member.key == "bio");
        updated.append(member.key, replace ? *given : member.value);
    }
    Value row = updated.build();
    store.replaceUser(id, row);
    return payload(true, {}, row);
}

void addMutation(SchemaBuilder &builder, BenchStore &store)
{
    Type &input = builder.addInputObjectType("ProfileInput", QStringLiteral("The fields of a profile to change."));
    input.addInputField("name", "String");
    input.addInputField("email", "String");
    input.addInputField("bio", "String", QStringLiteral("null clears it."));
    input.addInputField("role", "Role");

    Type &error = builder.addObjectType("FieldError");
    error.addField("field", "String!");
    error.addField("message", "String!");

    Type &payloadType = builder.addObjectType("UpdateProfilePayload");
    payloadType.addField("ok", "Boolean!");
    payloadType.addField("errors", "[FieldError!]!");
    payloadType.addField("user", "User");

    Field &update = builder.addObjectType("Mutation").addField("updateProfile", "UpdateProfilePayload!");
    update.setResolver([&store](ResolveInfo &info) { return updateProfile(store, info); });
    update.addArgument("id", "ID!");
    update.addArgument("input", "ProfileInput!");
}

} // namespace

SchemaPtr benchSchema(BenchStore &store)
{
    SchemaBuilder builder;
    addTypes(builder, store);
    addQuery(builder, store);
    addMutation(builder, store);
    QStringList errors;
    SchemaPtr schema = builder.build(&errors);
    if (!schema)
        qFatal("benchSchema: %s", qPrintable(errors.join(u'\n')));
    return schema;
}

} // namespace Subscriptor::Bench

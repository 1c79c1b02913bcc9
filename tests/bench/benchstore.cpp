// SPDX-License-Identifier: MIT
#include "benchstore.h"

namespace Subscriptor::Bench {

using GraphQL::ObjectBuilder;
using GraphQL::Value;

namespace {

// Sizes of a small deployment: the medium document lists 20 of a group's ~40 members.
constexpr int UserCount = 200;
constexpr int GroupCount = 10;
constexpr int PostCount = 1000;
constexpr int TagsPerPost = 2;

const char *const Roles[] = {"ADMIN", "EDITOR", "VIEWER"};

QString number(int i)
{
    return QString::number(i);
}

QString label(const char *prefix, int i)
{
    return QLatin1String(prefix) + number(i);
}

QString twoDigits(int i)
{
    return number(i).rightJustified(2, u'0');
}

Value slice(const Value::List &list, qint64 first)
{
    if (first < 0 || first >= list.size())
        return list;
    return Value::List(list.begin(), list.begin() + first);
}

} // namespace

BenchStore::BenchStore()
{
    for (int i = 1; i <= GroupCount; ++i)
        addGroup(i);
    for (int i = 1; i <= UserCount; ++i)
        addUser(i);
    for (int i = 1; i <= PostCount; ++i)
        addPost(i);
}

void BenchStore::addGroup(int i)
{
    const QString id = label("g", i);
    m_groupIds.append(id);
    m_groups.insert(id, ObjectBuilder(3)
                            .append("id", id)
                            .append("name", label("Group ", i))
                            .append("description", QString(label("People who care about topic ", i) + u'.'))
                            .build());
}

void BenchStore::addUser(int i)
{
    const QString id = label("u", i);
    // Some names and bios outside ASCII, so that both engines' string encoding is compared too.
    QString name = label("User ", i);
    if (i % 10 == 0)
        name = QStringLiteral("Zoë Ünal ") + number(i);
    if (i % 25 == 0)
        name += QStringLiteral(" 🚀");
    QStringList groupIds{label("g", i % GroupCount + 1)};
    const QString second = label("g", i * 3 % GroupCount + 1);
    if (!groupIds.contains(second))
        groupIds.append(second);
    Value::List groupIdValues;
    for (const QString &groupId : std::as_const(groupIds)) {
        groupIdValues.append(groupId);
        m_membersByGroup[groupId].append(id);
    }
    m_userIds.append(id);
    m_users.insert(id, ObjectBuilder(11)
                           .append("id", id)
                           .append("username", label("user", i))
                           .append("name", name)
                           .append("email", QString(label("user", i) + QLatin1String("@example.com")))
                           .append("role", QString::fromLatin1(Roles[i % 3]))
                           .append("score", i * 0.75)
                           .append("active", i % 4 != 0)
                           .append("bio", i % 5 == 0 ? Value() : Value(label("Writes about topic ", i % 7)))
                           .append("createdAt", QString(QLatin1String("2024-") + twoDigits(i % 12 + 1) + u'-'
                                                            + twoDigits(i % 28 + 1) + QLatin1String("T10:00:00Z")))
                           .append("groupIds", groupIdValues)
                           .build());
}

void BenchStore::addPost(int i)
{
    const QString id = label("p", i);
    const QString authorId = label("u", i % UserCount + 1);
    QString body = QLatin1String("Post number ") + number(i) + QLatin1String(" talks about many things at length.");
    if (i % 9 == 0)
        body += QStringLiteral(" He said \"hi\"\nand left.\t(tab)");
    Value::List tags;
    for (int t = 0; t < TagsPerPost; ++t)
        tags.append(label("tag", i % (7 + 4 * t)));
    const Value post = ObjectBuilder(9)
                           .append("id", id)
                           .append("authorId", authorId)
                           .append("title", label("Post ", i))
                           .append("body", body)
                           .append("likes", (i * 13) % 500)
                           .append("tags", tags)
                           .append("published", i % 6 != 0)
                           .append("rating", (i % 50) / 10.0)
                           .build();
    m_postIds.append(id);
    m_posts.insert(id, post);
    m_postsByAuthor[authorId].append(post);
}

Value BenchStore::toValue() const
{
    auto rows = [](const QStringList &ids, const QHash<QString, Value> &table) {
        Value::List list;
        list.reserve(ids.size());
        for (const QString &id : ids)
            list.append(table.value(id));
        return Value(list);
    };
    return ObjectBuilder(3)
        .append("users", rows(m_userIds, m_users))
        .append("groups", rows(m_groupIds, m_groups))
        .append("posts", rows(m_postIds, m_posts))
        .build();
}

Value BenchStore::users(qint64 first) const
{
    Value::List list;
    for (const QString &id : m_userIds) {
        if (first >= 0 && list.size() >= first)
            break;
        list.append(m_users.value(id));
    }
    return list;
}

Value BenchStore::groups() const
{
    Value::List list;
    list.reserve(m_groupIds.size());
    for (const QString &id : m_groupIds)
        list.append(m_groups.value(id));
    return list;
}

Value BenchStore::members(const QString &groupId, qint64 first) const
{
    const QStringList ids = m_membersByGroup.value(groupId);
    Value::List list;
    for (const QString &id : ids) {
        if (first >= 0 && list.size() >= first)
            break;
        list.append(m_users.value(id));
    }
    return list;
}

Value BenchStore::groupsOf(const Value &user) const
{
    Value::List list;
    for (const Value &groupId : user.value("groupIds").toList())
        list.append(m_groups.value(groupId.toString()));
    return list;
}

Value BenchStore::postsOf(const QString &userId, qint64 first) const
{
    return slice(m_postsByAuthor.value(userId), first);
}

} // namespace Subscriptor::Bench

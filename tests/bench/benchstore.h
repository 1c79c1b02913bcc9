// SPDX-License-Identifier: MIT
#pragma once

#include "value.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Subscriptor::Bench {

/**
 * The in-memory data the benchmark's resolvers read: users, groups and posts, generated the same
 * way on every run. graphql-js gets the same rows as JSON (toJson()), so both engines answer from
 * identical data and their responses can be compared byte for byte.
 */
class BenchStore final
{
public:
    BenchStore();
    Q_DISABLE_COPY_MOVE(BenchStore)

    /// `{"users": […], "groups": […], "posts": […]}`: every row, as the resolvers see it.
    GraphQL::Value toValue() const;

    GraphQL::Value user(const QString &id) const { return m_users.value(id); }
    GraphQL::Value group(const QString &id) const { return m_groups.value(id); }
    GraphQL::Value post(const QString &id) const { return m_posts.value(id); }
    /// At most `first` users (all when negative), in id order.
    GraphQL::Value users(qint64 first) const;
    GraphQL::Value groups() const;
    /// The members of a group, at most `first` of them, in id order.
    GraphQL::Value members(const QString &groupId, qint64 first) const;
    qint64 memberCount(const QString &groupId) const { return m_membersByGroup.value(groupId).size(); }
    /// The groups of a user, in the order of the user's `groupIds`.
    GraphQL::Value groupsOf(const GraphQL::Value &user) const;
    /// The posts of a user, at most `first` of them, oldest first.
    GraphQL::Value postsOf(const QString &userId, qint64 first) const;
    qint64 postCount(const QString &userId) const { return m_postsByAuthor.value(userId).size(); }

    /// Replaces the user's row with `row` (an object with the same id).
    void replaceUser(const QString &id, GraphQL::Value row) { m_users.insert(id, std::move(row)); }

private:
    void addUser(int index);
    void addGroup(int index);
    void addPost(int index);

    QStringList m_userIds;  // in id order
    QStringList m_groupIds; // in id order
    QStringList m_postIds;  // in id order
    QHash<QString, GraphQL::Value> m_users;
    QHash<QString, GraphQL::Value> m_groups;
    QHash<QString, GraphQL::Value> m_posts;
    QHash<QString, QStringList> m_membersByGroup;
    QHash<QString, GraphQL::Value::List> m_postsByAuthor;
};

} // namespace Subscriptor::Bench

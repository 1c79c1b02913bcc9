// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

/// The documented rule that derives a model's names from its table (README, "Models"):
/// `auth_user` → label `auth.user`, stream `users`, type `User`, fields `user`, `allUsers`, …
namespace Subscriptor::Model::Naming {

/// `first_name` → `firstName`; characters a GraphQL name cannot hold become `_`.
QByteArray camelCase(QStringView name);
/// `post_comment` → `PostComment`.
QByteArray pascalCase(QStringView name);
/// `first_name` → `FIRST_NAME` (the seed's field enum values).
QByteArray upperSnakeCase(QStringView name);
/// `auth_user` → `auth.user`: the text before the first `_` is the app; a table without `_` is its own label.
QString label(const QString &table);
/// The model part of a table name: `auth_user` → `user`, `posts` → `posts`.
QString modelPart(const QString &table);
QString plural(const QString &word);
QString singular(const QString &word);

} // namespace Subscriptor::Model::Naming

// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Subscriptor::Model {

/// What the models file says of one table; anything left out is derived (README, "Models").
struct ModelConfig
{
    QString source; ///< the file it came from, for messages
    QString table;
    QString label;
    QString stream;
    QByteArray typeName;
    QString description;
    std::optional<QStringList> fields; ///< the exposed columns; all when absent
    QStringList readOnly;
    QHash<QString, QString> descriptions; ///< per column
};

/**
 * Reads the optional JSON models file (`--models FILE`):
 *
 *     {"models": {"auth_user": {"label": "auth.user", "stream": "users", "type": "User",
 *                               "description": "…", "fields": ["id", "username"],
 *                               "readOnly": ["id"], "descriptions": {"username": "…"}}}}
 *
 * Every problem is reported as `FILE: models.TABLE.KEY: what is wrong`.
 */
class ModelsFile final
{
public:
    static bool load(const QString &path, QList<ModelConfig> &models, QStringList &errors);
    static bool parse(QByteArrayView json, const QString &sourceName, QList<ModelConfig> &models, QStringList &errors);
};

} // namespace Subscriptor::Model

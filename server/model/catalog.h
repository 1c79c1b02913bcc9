// SPDX-License-Identifier: MIT
#pragma once

#include "modeldefinition.h"
#include "modelsfile.h"

#include <QList>
#include <QStringList>

#include <memory>

namespace Subscriptor::Model {

class Database;
class Catalog;
using CatalogPtr = std::shared_ptr<const Catalog>;

/**
 * The models: the database's tables, named by the models file or by the derivation rule. A catalog
 * never changes once loaded; a reload makes a new one. Internal tables (`sqlite_*`,
 * `subscriptor_*`) are never models.
 */
class Catalog final
{
public:
    /// Reads the tables of `database` (this thread's connection). Tables without a usable primary
    /// key are left out with a warning, or are errors when the models file names them. Null on error.
    static CatalogPtr load(const Database &database, const QList<ModelConfig> &config, QStringList *warnings,
                           QStringList *errors);

    const QList<ModelPtr> &models() const { return m_models; }
    ModelPtr model(QStringView table) const;
    ModelPtr modelByLabel(QStringView label) const;
    ModelPtr modelByStream(QStringView stream) const;

    static bool isInternalTable(const QString &table);

private:
    QList<ModelPtr> m_models;
};

} // namespace Subscriptor::Model

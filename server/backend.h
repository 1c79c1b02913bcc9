// SPDX-License-Identifier: MIT
#pragma once

#include "apischema.h"
#include "catalog.h"
#include "changefeed.h"
#include "changelog.h"
#include "checkpointer.h"
#include "database.h"
#include "graphqlservice.h"
#include "modelstore.h"

#include <QObject>

#include <memory>

namespace Subscriptor {

struct BackendOptions
{
    QString database;          ///< a SQLite file path or a PostgreSQL URL
    QString modelsFile;        ///< optional JSON models file
    bool createDemo = true;    ///< give a database without tables the demo models
    qint64 retentionRows = Model::Changelog::DefaultMaxRows;
    int retentionSeconds = Model::Changelog::DefaultMaxAgeSeconds;
    int pollIntervalMs = Model::ChangeFeed::DefaultPollIntervalMs;
    Api::SeedSubscriptionHandler seedSubscription;
};

/**
 * The database side of the server, wired together: the database, its catalog, change capture
 * (triggers and the change feed), the ModelStore every write goes through, the generated GraphQL
 * API, and the checkpointer. Lives in the server's thread; everything it owns is used from that
 * thread only, but for the checkpointer's own thread and connection.
 */
class Backend final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Backend)

public:
    explicit Backend(QObject *parent = nullptr);
    ~Backend() override;

    /// Opens the database (demo data when new and wanted), reads the catalog, installs change
    /// capture, builds the API and starts the feed. False with a one-line reason.
    bool open(const BackendOptions &options, QString *error);
    /// Reads the catalog again: new tables and columns get triggers and appear in the API.
    bool reload(QString *error);

    const Model::Database &database() const { return *m_database; }
    Model::ModelStore &store() { return *m_store; }
    Model::ChangeFeed &feed() { return *m_feed; }
    Api::GraphQLService &graphql() { return m_graphql; }
    const Model::CatalogPtr &catalog() const { return m_catalog; }
    const QStringList &warnings() const { return m_warnings; }

Q_SIGNALS:
    void catalogChanged(const Subscriptor::Model::CatalogPtr &catalog);

private:
    bool loadCatalog(QString *error);

    BackendOptions m_options;
    std::unique_ptr<Model::Database> m_database;
    std::unique_ptr<Model::ModelStore> m_store;
    std::unique_ptr<Model::ChangeFeed> m_feed;
    std::unique_ptr<Model::Checkpointer> m_checkpointer;
    Model::CatalogPtr m_catalog;
    Api::GraphQLService m_graphql;
    QStringList m_warnings;
};

} // namespace Subscriptor

// SPDX-License-Identifier: MIT
#include "backend.h"

#include "changelog.h"
#include "demodata.h"
#include "modelsfile.h"

#include <QLoggingCategory>

namespace Subscriptor {

Q_LOGGING_CATEGORY(lcBackend, "subscriptor.backend")

Backend::Backend(QObject *parent) : QObject(parent) { }

Backend::~Backend()
{
    if (m_feed)
        m_feed->stop();
    m_feed.reset();
    m_checkpointer.reset();
    m_store.reset();
    if (m_database)
        m_database->closeConnection();
}

bool Backend::open(const BackendOptions &options, QString *error)
{
    m_options = options;
    // An open() after another: the checkpointer's thread and the feed's statement use the database replaced here.
    m_checkpointer.reset();
    if (m_feed)
        m_feed->stop();
    m_database = std::make_unique<Model::Database>(options.database);
    if (!m_database->open(error))
        return false;
    if (options.createDemo && m_database->isSqlite() && Model::DemoData::isEmpty(*m_database)) {
        if (!Model::DemoData::create(*m_database, error))
            return false;
        qCInfo(lcBackend).noquote() << "created the demo models in" << options.database;
    }
    m_store = std::make_unique<Model::ModelStore>(*m_database);
    m_feed = std::make_unique<Model::ChangeFeed>(*m_database);
    m_feed->setPollInterval(options.pollIntervalMs);
    m_feed->setRetention(options.retentionRows, options.retentionSeconds);
    // The server's own commits are read at once; other writers within a poll interval.
    connect(m_store.get(), &Model::ModelStore::committed, m_feed.get(), &Model::ChangeFeed::wake);
    if (m_database->isSqlite()) {
        m_checkpointer = std::make_unique<Model::Checkpointer>(*m_database);
        m_checkpointer->start();
        connect(m_store.get(), &Model::ModelStore::committed, this, [this] { m_checkpointer->committed(); });
    }
    if (!loadCatalog(error))
        return false;
    m_feed->start();
    return true;
}

bool Backend::reload(QString *error)
{
    // Publish what was captured under the old catalog first: a table dropped since is no model of
    // the new one, and its last changes would be skipped.
    m_feed->poll();
    return loadCatalog(error);
}

bool Backend::loadCatalog(QString *error)
{
    QList<Model::ModelConfig> config;
    QStringList errors;
    if (!m_options.modelsFile.isEmpty() && !Model::ModelsFile::load(m_options.modelsFile, config, errors)) {
        if (error)
            *error = errors.join(QLatin1String("; "));
        return false;
    }
    m_warnings.clear();
    Model::CatalogPtr catalog = Model::Catalog::load(*m_database, config, &m_warnings, &errors);
    if (!catalog) {
        if (error)
            *error = errors.join(QLatin1String("; "));
        return false;
    }
    for (const QString &warning : std::as_const(m_warnings))
        qCWarning(lcBackend).noquote() << warning;
    QString reason;
    if (!Model::Changelog::install(*m_database, *catalog, &reason)) {
        if (error)
            *error = QLatin1String("cannot install change capture: ") + reason;
        return false;
    }
    Api::ApiSchema::Options apiOptions;
    apiOptions.seedSubscription = m_options.seedSubscription;
    GraphQL::SchemaPtr schema = Api::ApiSchema::build(*catalog, *m_store, apiOptions, &errors);
    if (!schema) {
        if (error)
            *error = QLatin1String("cannot build the GraphQL schema: ") + errors.join(QLatin1String("; "));
        return false;
    }
    m_catalog = std::move(catalog);
    m_feed->setCatalog(m_catalog);
    m_graphql.setSchema(std::move(schema));
    Q_EMIT catalogChanged(m_catalog);
    return true;
}

} // namespace Subscriptor

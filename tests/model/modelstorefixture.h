// SPDX-License-Identifier: MIT
// What the ModelStore tests share: for each test function, a fresh SQLite file with change capture
// installed that holds a shop, shop_item (every column type; NOT NULL, UNIQUE and CHECK constraints;
// a column hidden from the API and a read-only one) with four items and shop_tag (a TEXT primary
// key) with one tag; and what proves that a refused write left no trace.
#pragma once

#include "catalog.h"
#include "modelstore.h"
#include "modeltestsupport.h"
#include "value.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <memory>

// Data tables hold values.
Q_DECLARE_METATYPE(Subscriptor::GraphQL::Value)

namespace Subscriptor::TestSupport {

class ModelStoreFixture
{
protected:
    // What the changelog and the table hold, to prove a refused write left no trace.
    struct Snapshot
    {
        QList<QVariantList> items;
        QList<QVariantList> tags;
        qint64 changes = 0;
        bool operator==(const Snapshot &other) const = default;
    };

    static inline const QString Items = QStringLiteral("shop_item");
    static inline const QString Tags = QStringLiteral("shop_tag");

    ModelStoreFixture() = default;
    ~ModelStoreFixture() = default;
    Q_DISABLE_COPY_MOVE(ModelStoreFixture)

    /// The fresh database and its store, for a test case's init(); tearDown() for its cleanup().
    void setUp();
    void tearDown();

    Snapshot snapshot() const;
    GraphQL::Value changelogImage(qint64 seq, const char *column) const;

    std::unique_ptr<TempDatabase> m_db;
    Model::CatalogPtr m_catalog;
    Model::ModelPtr m_items;
    Model::ModelPtr m_tags;
    std::unique_ptr<Model::ModelStore> m_store;
};

} // namespace Subscriptor::TestSupport

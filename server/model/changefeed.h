// SPDX-License-Identifier: MIT
#pragma once

#include "catalog.h"
#include "changeevent.h"

#include <QObject>
#include <QSqlQuery>
#include <QTimer>

#include <optional>

namespace Subscriptor::Model {

class Database;

/**
 * Tails the changelog and publishes its rows as ChangeEvents, in sequence order (DESIGN.md, The
 * data path). It reads at once when woken by the server's own commits (wake()), and notices the
 * commits of other programs by polling SQLite's `PRAGMA data_version`, which changes whenever
 * another connection commits. It also applies the changelog's retention policy.
 */
class ChangeFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeFeed)

public:
    static constexpr int DefaultPollIntervalMs = 20;
    static constexpr int BatchSize = 1000;
    static constexpr int RetentionIntervalMs = 60'000;

    explicit ChangeFeed(const Database &database, QObject *parent = nullptr);
    ~ChangeFeed() override;

    void setCatalog(CatalogPtr catalog);
    /// Starts after `afterSeq`; -1 means after the newest change now in the log.
    void start(qint64 afterSeq = -1);
    void stop();
    bool isRunning() const { return m_pollTimer.isActive(); }
    void setPollInterval(int milliseconds);
    void setRetention(qint64 maxRows, int maxAgeSeconds);
    qint64 lastSeq() const { return m_lastSeq; }

    /// One read of the changelog.
    struct Page
    {
        ChangeEvents events;
        qint64 firstSeq = 0; ///< the first row read (0 when none)
        qint64 lastSeq = 0;  ///< the last row read, counting rows of tables that are no longer models
        int rows = 0;
        QString error;
    };
    /// Changes after `afterSeq`, at most `limit` rows, for a client resuming from there.
    Page read(qint64 afterSeq, int limit) const;

public Q_SLOTS:
    /// Reads what was committed, soon: wakes coalesce until control returns to the event loop.
    void wake();
    /// Reads everything committed after the last published event, now.
    void poll();

Q_SIGNALS:
    void changes(const Subscriptor::Model::ChangeEvents &events);

private:
    bool dataVersionChanged();
    void applyRetention();
    QSqlQuery &pageQuery() const;

    const Database &m_database;
    CatalogPtr m_catalog;
    QTimer m_pollTimer;
    QTimer m_retentionTimer;
    qint64 m_lastSeq = 0;
    qint64 m_dataVersion = -1;
    qint64 m_maxRows;
    int m_maxAgeSeconds;
    bool m_wakePending = false;
    // read()'s statement, prepared once per thread that reads: preparing it took longer than
    // reading a page of one change.
    mutable std::optional<QSqlQuery> m_pageQuery;
    mutable const QThread *m_pageQueryThread = nullptr;
};

} // namespace Subscriptor::Model

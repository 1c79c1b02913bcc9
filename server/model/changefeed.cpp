// SPDX-License-Identifier: MIT
#include "changefeed.h"

#include "changelog.h"
#include "database.h"
#include "json.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace Subscriptor::Model {

Q_LOGGING_CATEGORY(lcFeed, "subscriptor.feed")

namespace {

using GraphQL::Value;

Row decodeRow(const QString &json, const ModelDefinition &model)
{
    if (json.isEmpty())
        return Row();
    const Value image = GraphQL::Json::parse(json.toUtf8());
    GraphQL::ObjectBuilder row(model.allColumns.size());
    for (const ColumnDefinition &column : model.allColumns)
        row.append(column.name.toUtf8(), RowCodec::fromChangelog(image.value(column.name.toUtf8()), column.type));
    return row.build();
}

ChangeAction actionFromName(const QString &name)
{
    if (name == QLatin1String("create"))
        return ChangeAction::Create;
    if (name == QLatin1String("delete"))
        return ChangeAction::Delete;
    return ChangeAction::Update;
}

} // namespace

QLatin1StringView changeActionName(ChangeAction action)
{
    switch (action) {
    case ChangeAction::Create: return QLatin1StringView("create");
    case ChangeAction::Update: return QLatin1StringView("update");
    case ChangeAction::Delete: return QLatin1StringView("delete");
    }
    return QLatin1StringView("update");
}

ChangeFeed::ChangeFeed(const Database &database, QObject *parent)
    : QObject(parent), m_database(database), m_maxRows(Changelog::DefaultMaxRows),
      m_maxAgeSeconds(Changelog::DefaultMaxAgeSeconds)
{
    qRegisterMetaType<ChangeEvents>();
    m_pollTimer.setInterval(DefaultPollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        if (dataVersionChanged())
            poll();
    });
    m_retentionTimer.setInterval(RetentionIntervalMs);
    connect(&m_retentionTimer, &QTimer::timeout, this, &ChangeFeed::applyRetention);
}

ChangeFeed::~ChangeFeed() = default;

void ChangeFeed::setCatalog(CatalogPtr catalog)
{
    m_catalog = std::move(catalog);
}

void ChangeFeed::start(qint64 afterSeq)
{
    m_lastSeq = afterSeq >= 0 ? afterSeq : Changelog::lastSeq(m_database);
    dataVersionChanged();
    m_pollTimer.start();
    m_retentionTimer.start();
    applyRetention();
}

void ChangeFeed::stop()
{
    m_pollTimer.stop();
    m_retentionTimer.stop();
    m_pageQuery.reset(); // the database may close after a stop
}

void ChangeFeed::setPollInterval(int milliseconds)
{
    m_pollTimer.setInterval(milliseconds);
}

void ChangeFeed::setRetention(qint64 maxRows, int maxAgeSeconds)
{
    m_maxRows = maxRows;
    m_maxAgeSeconds = maxAgeSeconds;
}

bool ChangeFeed::dataVersionChanged()
{
    if (!m_database.isSqlite())
        return true;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return false;
    const qint64 version = query.value(0).toLongLong();
    const bool changed = version != m_dataVersion;
    m_dataVersion = version;
    return changed;
}

void ChangeFeed::wake()
{
    if (m_wakePending)
        return;
    m_wakePending = true;
    QMetaObject::invokeMethod(this, [this] {
        m_wakePending = false;
        poll();
    }, Qt::QueuedConnection);
}

void ChangeFeed::poll()
{
    if (!m_catalog)
        return;
    for (;;) {
        const Page page = read(m_lastSeq, BatchSize);
        if (!page.error.isEmpty()) {
            qCWarning(lcFeed).noquote() << "cannot read the changelog:" << page.error;
            return;
        }
        if (page.rows > 0)
            m_lastSeq = page.lastSeq;
        if (!page.events.isEmpty())
            Q_EMIT changes(page.events);
        if (page.rows < BatchSize)
            return;
    }
}

ChangeFeed::Page ChangeFeed::read(qint64 afterSeq, int limit) const
{
    Page page;
    page.lastSeq = afterSeq;
    if (!m_catalog)
        return page;
    QSqlQuery &query = pageQuery();
    query.bindValue(0, afterSeq);
    query.bindValue(1, limit);
    if (!query.exec()) {
        page.error = query.lastError().text();
        return page;
    }
    while (query.next()) {
        ChangeEvent event;
        event.seq = query.value(0).toLongLong();
        if (page.rows++ == 0)
            page.firstSeq = event.seq;
        page.lastSeq = event.seq;
        event.model = m_catalog->model(query.value(1).toString());
        if (!event.model)
            continue; // a table that is no longer a model
        event.action = actionFromName(query.value(2).toString());
        event.rowId = query.value(3).toString();
        event.newRow = decodeRow(query.value(4).toString(), *event.model);
        event.oldRow = decodeRow(query.value(5).toString(), *event.model);
        event.changedAt = QDateTime::fromMSecsSinceEpoch(query.value(6).toLongLong(), Qt::UTC);
        page.events.append(std::move(event));
    }
    query.finish(); // ends the statement's read of the database, or checkpoints would wait for it
    return page;
}

QSqlQuery &ChangeFeed::pageQuery() const
{
    if (m_pageQuery && m_pageQueryThread == QThread::currentThread())
        return *m_pageQuery;
    m_pageQuery.emplace(m_database.connection());
    m_pageQueryThread = QThread::currentThread();
    m_pageQuery->setForwardOnly(true);
    m_pageQuery->prepare(QLatin1String("SELECT seq, table_name, action, row_id, new_row, old_row, changed_at FROM ")
                         + Changelog::Table + QLatin1String(" WHERE seq > ? ORDER BY seq LIMIT ?"));
    return *m_pageQuery;
}

void ChangeFeed::applyRetention()
{
    const qint64 removed = Changelog::trim(m_database, m_maxRows, m_maxAgeSeconds);
    if (removed > 0)
        qCDebug(lcFeed) << "retention removed" << removed << "changelog rows";
}

} // namespace Subscriptor::Model

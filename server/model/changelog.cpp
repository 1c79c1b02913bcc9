// SPDX-License-Identifier: MIT
#include "changelog.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Subscriptor::Model {

namespace {

constexpr QLatin1StringView TriggerPrefix{"subscriptor_"};

// The time now in milliseconds since 1970 (UTC). julianday() keeps whole milliseconds; this costs a
// tenth of what strftime() does, which was an eighth of what capture adds to a write.
constexpr QLatin1StringView NowMilliseconds{"CAST((julianday('now') - 2440587.5) * 86400000 + 0.5 AS INTEGER)"};

// changed_at of an earlier build: ISO-8601 text in UTC.
constexpr QLatin1StringView IsoToMilliseconds{"CAST((julianday(changed_at) - 2440587.5) * 86400000 + 0.5 AS INTEGER)"};

QString sqlString(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', QLatin1String("''"));
    return u'\'' + escaped + u'\'';
}

// json_object() of a row image. JSON cannot hold bytes, so a blob (which SQLite lets any column
// hold) is written as hex; without this a writer storing a blob would have its write refused.
// `value >= x''` is true for blobs alone: every blob sorts at or after the empty blob, every
// other value before it, NULL compares to nothing, and affinity never converts a blob. One
// comparison costs a fraction of typeof() and a string compare, and there is one per column in
// every captured write.
QString rowImage(const ModelDefinition &model, const QString &prefix)
{
    QStringList parts;
    for (const ColumnDefinition &column : model.allColumns) {
        const QString value = prefix + u'.' + Database::quote(column.name);
        parts.append(sqlString(column.name) + QLatin1String(", CASE WHEN ") + value + QLatin1String(" >= x'' THEN hex(") + value
                     + QLatin1String(") ELSE ") + value + QLatin1String(" END"));
    }
    return QLatin1String("json_object(") + parts.join(QLatin1String(", ")) + u')';
}

QString triggerSql(const ModelDefinition &model, const char *event, const char *action)
{
    const QString key = Database::quote(model.primaryKey().name);
    const bool isInsert = qstrcmp(event, "INSERT") == 0;
    const bool isDelete = qstrcmp(event, "DELETE") == 0;
    const QString rowId = (isDelete ? QLatin1String("OLD.") : QLatin1String("NEW.")) + key;
    return QLatin1String("CREATE TRIGGER ") + Database::quote(TriggerPrefix + model.table + u'_' + QLatin1String(action))
        + QLatin1String(" AFTER ") + QLatin1String(event) + QLatin1String(" ON ") + Database::quote(model.table)
        + QLatin1String(" BEGIN INSERT INTO ") + Changelog::Table
        + QLatin1String(" (table_name, action, row_id, new_row, old_row, changed_at) VALUES (") + sqlString(model.table)
        + QLatin1String(", '") + QLatin1String(action) + QLatin1String("', ") + rowId + QLatin1String(", ")
        + (isDelete ? QStringLiteral("NULL") : rowImage(model, QStringLiteral("NEW"))) + QLatin1String(", ")
        + (isInsert ? QStringLiteral("NULL") : rowImage(model, QStringLiteral("OLD")))
        + QLatin1String(", ") + NowMilliseconds + QLatin1String("); END");
}

bool run(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text() + QLatin1String(" in: ") + sql.left(200);
    return false;
}

// Neither AUTOINCREMENT (a sqlite_sequence row rewritten with every change) nor a CHECK on the
// action: together they were 40% of what capture adds to a write (bench_mutations). A plain
// INTEGER PRIMARY KEY is max(seq) + 1, so sequence numbers never go back as long as the newest row
// stays, which trim() sees to.
QString createTableSql(QLatin1StringView name)
{
    return QLatin1String("CREATE TABLE ") + name + QLatin1String(
        " (seq INTEGER PRIMARY KEY,"
        " table_name TEXT NOT NULL,"
        " action TEXT NOT NULL,"
        " row_id TEXT,"
        " new_row TEXT,"
        " old_row TEXT,"
        " changed_at INTEGER NOT NULL)"); // milliseconds since 1970, UTC
}

QString changedAtType(QSqlQuery &query)
{
    query.exec(QLatin1String("SELECT type FROM pragma_table_info('") + Changelog::Table + QLatin1String("') WHERE name = 'changed_at'"));
    return query.next() ? query.value(0).toString().toUpper() : QString();
}

// Creates the changelog, or brings one an earlier build made (ISO-8601 text times, perhaps
// AUTOINCREMENT) to this form, keeping its rows and so its sequence.
bool createTable(QSqlQuery &query, QString *error)
{
    const QString type = changedAtType(query);
    if (type == QLatin1String("INTEGER"))
        return true;
    if (type.isEmpty())
        return run(query, createTableSql(Changelog::Table), error);
    const QLatin1StringView previous{"subscriptor_changes_previous"};
    return run(query, QLatin1String("ALTER TABLE ") + Changelog::Table + QLatin1String(" RENAME TO ") + previous, error)
        && run(query, createTableSql(Changelog::Table), error)
        && run(query, QLatin1String("INSERT INTO ") + Changelog::Table + QLatin1String(
                   " SELECT seq, table_name, action, row_id, new_row, old_row, ") + IsoToMilliseconds
                   + QLatin1String(" FROM ") + previous, error)
        && run(query, QLatin1String("DROP TABLE ") + previous, error);
}

} // namespace

bool Changelog::install(const Database &database, const Catalog &catalog, QString *error)
{
    if (!database.isSqlite()) {
        if (error)
            *error = QStringLiteral("change capture on PostgreSQL is not supported by this build yet");
        return false;
    }
    QSqlQuery query(database.connection());
    if (!run(query, QStringLiteral("BEGIN IMMEDIATE"), error))
        return false;
    bool ok = uninstall(database, error) && createTable(query, error);
    for (const ModelPtr &model : catalog.models()) {
        ok = ok && run(query, triggerSql(*model, "INSERT", "create"), error)
            && run(query, triggerSql(*model, "UPDATE", "update"), error)
            && run(query, triggerSql(*model, "DELETE", "delete"), error);
    }
    if (!ok) {
        query.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return run(query, QStringLiteral("COMMIT"), error);
}

bool Changelog::uninstall(const Database &database, QString *error)
{
    QSqlQuery query(database.connection());
    QStringList triggers;
    if (!run(query, QLatin1String("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'subscriptor\\_%' ESCAPE '\\'"),
             error))
        return false;
    while (query.next())
        triggers.append(query.value(0).toString());
    for (const QString &trigger : std::as_const(triggers)) {
        if (!run(query, QLatin1String("DROP TRIGGER IF EXISTS ") + Database::quote(trigger), error))
            return false;
    }
    return true;
}

qint64 Changelog::trim(const Database &database, qint64 maxRows, int maxAgeSeconds)
{
    QSqlQuery query(database.connection());
    qint64 removed = 0;
    if (maxRows > 0) { // keeps the newest row too
        query.prepare(QLatin1String("DELETE FROM ") + Table + QLatin1String(" WHERE seq <= (SELECT max(seq) FROM ") + Table
                      + QLatin1String(") - ?"));
        query.addBindValue(maxRows);
        if (!query.exec())
            return -1;
        removed += query.numRowsAffected();
    }
    if (maxAgeSeconds > 0) {
        // The newest row stays, however old: it holds the sequence number the next one follows.
        query.prepare(QLatin1String("DELETE FROM ") + Table
                      + QLatin1String(" WHERE changed_at < ") + NowMilliseconds + QLatin1String(" - ? AND seq < (SELECT max(seq) FROM ")
                      + Table + u')');
        query.addBindValue(qint64(maxAgeSeconds) * 1000);
        if (!query.exec())
            return -1;
        removed += query.numRowsAffected();
    }
    return removed;
}

qint64 Changelog::lastSeq(const Database &database)
{
    QSqlQuery query(database.connection());
    return query.exec(QLatin1String("SELECT max(seq) FROM ") + Table) && query.next() ? query.value(0).toLongLong() : 0;
}

} // namespace Subscriptor::Model

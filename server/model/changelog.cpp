// SPDX-License-Identifier: MIT
#include "changelog.h"

#include "database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Subscriptor::Model {

namespace {

constexpr QLatin1StringView TriggerPrefix{"subscriptor_"};

QString sqlString(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', QLatin1String("''"));
    return u'\'' + escaped + u'\'';
}

// json_object() of a row image. JSON cannot hold bytes, so a blob (which SQLite lets any column
// hold) is written as hex; without this a writer storing a blob would have its write refused.
QString rowImage(const ModelDefinition &model, const QString &prefix)
{
    QStringList parts;
    for (const ColumnDefinition &column : model.allColumns) {
        const QString value = prefix + u'.' + Database::quote(column.name);
        parts.append(sqlString(column.name) + QLatin1String(", CASE typeof(") + value + QLatin1String(") WHEN 'blob' THEN hex(")
                     + value + QLatin1String(") ELSE ") + value + QLatin1String(" END"));
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
        + QLatin1String(", strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END");
}

bool run(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text() + QLatin1String(" in: ") + sql.left(200);
    return false;
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
    // Neither AUTOINCREMENT (a sqlite_sequence row rewritten with every change) nor a CHECK on the
    // action: together they were 40% of what capture adds to a write (bench_mutations). A plain
    // INTEGER PRIMARY KEY is max(seq) + 1, so sequence numbers never go back as long as the newest
    // row stays, which trim() sees to.
    const QString table = QLatin1String("CREATE TABLE IF NOT EXISTS ") + Table + QLatin1String(
        " (seq INTEGER PRIMARY KEY,"
        " table_name TEXT NOT NULL,"
        " action TEXT NOT NULL,"
        " row_id TEXT,"
        " new_row TEXT,"
        " old_row TEXT,"
        " changed_at TEXT NOT NULL)");
    bool ok = run(query, table, error) && uninstall(database, error);
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
                      + QLatin1String(" WHERE changed_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?) AND seq < (SELECT max(seq) FROM ")
                      + Table + u')');
        query.addBindValue(QStringLiteral("-%1 seconds").arg(maxAgeSeconds));
        if (!query.exec())
            return -1;
        removed += query.numRowsAffected();
    }
    return removed;
}

qint64 Changelog::lastSeq(const Database &database)
{
    QSqlQuery query(database.connection());
    qint64 last = 0;
    if (query.exec(QLatin1String("SELECT max(seq) FROM ") + Table) && query.next())
        last = query.value(0).toLongLong();
    // A changelog made AUTOINCREMENT by an earlier build remembers its last seq there, even when
    // retention removed every row.
    query.prepare(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = ?"));
    query.addBindValue(QString(Table));
    if (query.exec() && query.next())
        last = qMax(last, query.value(0).toLongLong());
    return last;
}

} // namespace Subscriptor::Model

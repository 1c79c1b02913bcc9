// SPDX-License-Identifier: MIT
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Subscriptor::Model {

/**
 * Where the data lives: a SQLite file (the default) or a PostgreSQL URL. Each thread that touches
 * the database gets its own named connection (DESIGN.md, Threads); a thread that is done with the
 * database calls closeConnection() before it ends.
 */
class Database final
{
public:
    enum class Kind : quint8 { Sqlite, Postgres };

    static constexpr int DefaultBusyTimeoutMs = 5000;
    /// A connection's own automatic checkpoint runs when the write-ahead log has this many pages
    /// (SQLite's default is 1000). The Checkpointer does the regular work off the writer's thread;
    /// this bounds the log when writes never pause: about 40 MB at 4 KiB pages, plus what is
    /// written while a checkpoint of the Checkpointer's runs (the writer's own is skipped then).
    static constexpr int WalBackstopPages = 10'000;

    /// A file path (SQLite) or `postgresql://user:password@host:port/name`.
    explicit Database(QString location);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    Kind kind() const { return m_kind; }
    const QString &location() const { return m_location; }
    bool isSqlite() const { return m_kind == Kind::Sqlite; }

    /// This thread's connection, opened on first use; check isOpen() or use open().
    QSqlDatabase connection() const;
    /// Opens this thread's connection; false with a one-line reason.
    bool open(QString *error = nullptr) const;
    void closeConnection() const;

    /// Quotes an identifier for SQL (`"auth_user"`); identifiers only ever come from the catalog.
    static QString quote(const QString &identifier);

private:
    QString connectionName() const;
    bool configure(QSqlDatabase &db, QString *error) const;

    QString m_location;
    Kind m_kind;
    quint64 m_id;
};

} // namespace Subscriptor::Model

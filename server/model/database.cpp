// SPDX-License-Identifier: MIT
#include "database.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

namespace Subscriptor::Model {

namespace {

QAtomicInteger<quint64> nextDatabaseId;

bool isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgres://")) || location.startsWith(QLatin1String("postgresql://"));
}

} // namespace

Database::Database(QString location)
    : m_location(std::move(location)), m_kind(isPostgresUrl(m_location) ? Kind::Postgres : Kind::Sqlite),
      m_id(nextDatabaseId.fetchAndAddRelaxed(1))
{
}

Database::~Database()
{
    closeConnection();
}

QString Database::connectionName() const
{
    return QStringLiteral("subscriptor-%1-%2").arg(m_id).arg(quintptr(QThread::currentThread()), 0, 16);
}

QSqlDatabase Database::connection() const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    open();
    return QSqlDatabase::database(name, false);
}

bool Database::open(QString *error) const
{
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return true;
        QSqlDatabase::removeDatabase(name);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(isSqlite() ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
    if (isSqlite()) {
        db.setDatabaseName(m_location);
    } else {
        const QUrl url(m_location);
        db.setHostName(url.host());
        if (url.port() > 0)
            db.setPort(url.port());
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    }
    if (!db.open()) {
        const QString reason = QStringLiteral("cannot open the database %1: %2").arg(m_location, db.lastError().text());
        if (error)
            *error = reason;
        return false;
    }
    return configure(db, error);
}

bool Database::configure(QSqlDatabase &db, QString *error) const
{
    if (!isSqlite())
        return true;
    // DESIGN.md, Storage: WAL, synchronous=NORMAL, a busy timeout, foreign keys on; checkpoints
    // mostly on the Checkpointer's thread.
    const QStringList pragmas = {
        QStringLiteral("PRAGMA busy_timeout = %1").arg(DefaultBusyTimeoutMs),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(WalBackstopPages),
    };
    QSqlQuery query(db);
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma)) {
            const QString reason = QStringLiteral("cannot set up the database %1 (%2): %3")
                                       .arg(m_location, pragma, query.lastError().text());
            if (error)
                *error = reason;
            return false;
        }
    }
    // A file that is not a database fails only at the first real read.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        const QString reason = QStringLiteral("%1 is not a usable SQLite database: %2")
                                   .arg(m_location, query.lastError().text());
        if (error)
            *error = reason;
        return false;
    }
    return true;
}

void Database::closeConnection() const
{
    const QString name = connectionName();
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString Database::quote(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(u'"', QLatin1String("\"\""));
    return u'"' + escaped + u'"';
}

} // namespace Subscriptor::Model

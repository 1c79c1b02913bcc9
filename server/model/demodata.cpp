// SPDX-License-Identifier: MIT
#include "demodata.h"

#include "catalog.h"
#include "database.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace Subscriptor::Model {

namespace {

QByteArray resource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing resource %s", qPrintable(path));
    return file.readAll();
}

// The SQL files hold one statement per `;` at a line's end; comment lines are skipped.
QStringList statements(const QByteArray &sql)
{
    QStringList result;
    QString current;
    for (const QString &line : QString::fromUtf8(sql).split(u'\n')) {
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        current += line + u'\n';
        if (line.trimmed().endsWith(u';')) {
            result.append(current.trimmed());
            current.clear();
        }
    }
    return result;
}

} // namespace

bool DemoData::isEmpty(const Database &database)
{
    for (const QString &table : database.connection().tables()) {
        if (!Catalog::isInternalTable(table))
            return false;
    }
    return true;
}

bool DemoData::create(const Database &database, QString *error)
{
    QSqlQuery query(database.connection());
    const QStringList all = statements(resource(QStringLiteral(":/demo/schema.sql")))
        + statements(resource(QStringLiteral(":/demo/rows.sql")));
    query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    for (const QString &statement : all) {
        if (!query.exec(statement)) {
            if (error)
                *error = QStringLiteral("cannot create the demo data: %1").arg(query.lastError().text());
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    return query.exec(QStringLiteral("COMMIT"));
}

} // namespace Subscriptor::Model

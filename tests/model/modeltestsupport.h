// SPDX-License-Identifier: MIT
// What the model and API tests share: a fresh SQLite file in a temporary directory, raw reads of
// what a table and the changelog hold (to prove that a refused write wrote nothing), and values
// written as JSON text so that data tables stay readable.
#pragma once

#include "database.h"
#include "json.h"
#include "modelstore.h"
#include "value.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace Subscriptor::GraphQL {
// QCOMPARE prints values as JSON.
inline char *toString(const Value &value)
{
    return qstrdup(Json::serialize(value).constData());
}
} // namespace Subscriptor::GraphQL

namespace Subscriptor::TestSupport {

/// A database file of its own in a temporary directory, with this thread's connection open.
class TempDatabase final
{
public:
    TempDatabase() : m_path(m_dir.filePath(QStringLiteral("test.sqlite3"))), m_database(std::make_unique<Model::Database>(m_path))
    {
        QString error;
        if (!m_database->open(&error))
            qFatal("cannot open the test database: %s", qPrintable(error));
    }
    Q_DISABLE_COPY_MOVE(TempDatabase)

    const QString &path() const { return m_path; }
    const Model::Database &database() const { return *m_database; }

    /// Runs one statement on this thread's connection; fails the test with the reason otherwise.
    bool exec(const QString &sql) const
    {
        QSqlQuery query(m_database->connection());
        if (query.exec(sql))
            return true;
        qWarning("SQL failed: %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return false;
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Model::Database> m_database;
};

/// The first column of the first row of a query (a count, a max), or an invalid QVariant.
inline QVariant scalar(const Model::Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return QVariant();
    return query.value(0);
}

/// Every row of a table as stored, in rowid order, values with their storage class: what a
/// refused write must leave untouched.
inline QList<QVariantList> tableRows(const Model::Database &database, const QString &table)
{
    QList<QVariantList> rows;
    QSqlQuery query(database.connection());
    if (!query.exec(QLatin1String("SELECT * FROM ") + Model::Database::quote(table) + QLatin1String(" ORDER BY rowid")))
        return {{QVariant(query.lastError().text())}};
    while (query.next()) {
        QVariantList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(query.value(i));
        rows.append(row);
    }
    return rows;
}

inline qint64 changelogRows(const Model::Database &database)
{
    return scalar(database, QStringLiteral("SELECT count(*) FROM subscriptor_changes")).toLongLong();
}

/// A value written as JSON text; fails loudly on a typo in a test table.
inline GraphQL::Value json(const QByteArray &text)
{
    GraphQL::Json::ParseError error;
    GraphQL::Value value = GraphQL::Json::parse(text, &error);
    if (error.isError())
        qFatal("bad JSON in a test: %s at byte %lld", qPrintable(error.message), qlonglong(error.offset));
    return value;
}

/// Field errors as a value, `[{"column": …, "messages": […]}]`, to compare with json().
inline GraphQL::Value errorsValue(const QList<Model::FieldError> &errors)
{
    GraphQL::Value::List list;
    for (const Model::FieldError &error : errors) {
        GraphQL::Value::List messages;
        for (const QString &message : error.messages)
            messages.append(message);
        list.append(GraphQL::ObjectBuilder().append("column", error.column).append("messages", std::move(messages)).build());
    }
    return GraphQL::Value(std::move(list));
}

/// An object with one member.
inline GraphQL::Value object(QByteArray key, GraphQL::Value value)
{
    return GraphQL::ObjectBuilder(1).append(std::move(key), std::move(value)).build();
}

/// Strings that have broken SQL layers before: each must be stored and returned as it is.
inline QList<std::pair<const char *, QString>> hostileStrings()
{
    QString nul = QStringLiteral("a");
    nul += QChar(u'\0');
    nul += QStringLiteral("b");
    nul += QChar(u'\0');
    QString controls;
    for (char16_t c = 1; c < 0x20; ++c)
        controls += QChar(c);
    controls += QChar(u'\x7f');
    return {
        {"sql injection, quote and comment", QStringLiteral("x'); DROP TABLE auth_user; --")},
        {"sql injection, tautology", QStringLiteral("' OR '1'='1")},
        {"sql injection, double quotes", QStringLiteral("\" OR \"\"=\"")},
        {"sql injection, stacked statements", QStringLiteral("1; DELETE FROM subscriptor_changes; SELECT 1")},
        {"quotes of every kind", QStringLiteral("'\"`\u2018\u2019\u201c\u201d''\"\"")},
        {"backslashes", QStringLiteral("C:\\path\\to\\file\\\\ \\' \\\" \\n \\0 \\%")},
        {"like wildcards", QStringLiteral("100%_done [a-z]* ?")},
        {"nul characters", nul},
        {"control characters", controls},
        {"line breaks", QStringLiteral("line one\r\nline two\rline three\n")},
        {"emoji and other non-BMP characters", QStringLiteral("😀 𝄞 𠜎 👩‍👩‍👧")},
        {"right-to-left and zero-width", QStringLiteral("\u202egnirts\u202c\u200b\u200d\ufeff")},
        {"json and graphql syntax", QStringLiteral("{\"a\": [1, {\"b\": null}]} query { __schema { types { name } } }")},
        {"sqlite functions", QStringLiteral("json_object('a', 1) || hex(randomblob(4))")},
        {"empty", QString()},
        {"one megabyte", QString(1024 * 1024, QChar(u'x')) + QStringLiteral("end")},
    };
}

/// Text with UTF-16 code units that are no characters: SQLite stores UTF-8, which cannot hold them.
inline QList<std::pair<const char *, QString>> loneSurrogates()
{
    return {
        {"lone high surrogate before a letter", QStringLiteral("a") + QChar(u'\xd800') + QStringLiteral("b")},
        {"lone low surrogate", QChar(u'\xdc00') + QStringLiteral("x")},
        {"high surrogate at the end", QStringLiteral("a") + QChar(u'\xd83d')},
        {"reversed pair", QStringLiteral("x") + QChar(u'\xde00') + QChar(u'\xd83d') + QStringLiteral("y")},
    };
}

} // namespace Subscriptor::TestSupport

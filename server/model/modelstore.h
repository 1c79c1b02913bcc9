// SPDX-License-Identifier: MIT
#pragma once

#include "modeldefinition.h"
#include "rowcodec.h"

#include <QHash>
#include <QObject>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace Subscriptor::Model {

class Database;

/// Django's name for errors that belong to no one field.
inline constexpr QLatin1StringView NonFieldErrors("__all__");

struct FieldError
{
    QString column; ///< a column name, or NonFieldErrors
    QStringList messages;
    bool operator==(const FieldError &other) const = default;
};

struct WriteResult
{
    bool ok = false;
    QList<FieldError> errors;
    Row row; ///< the row after a create or update; the row as it was before a delete
    bool wrote = false; ///< false when nothing changed (an update that sets no column)
};

struct Filter
{
    enum class Op : quint8 { Exact, Contains, IContains, In, Lt, Lte, Gt, Gte, IsNull };
    QString column;
    Op op = Op::Exact;
    GraphQL::Value value;
};

struct Order
{
    QString column;
    bool descending = false;
};

struct ListQuery
{
    static constexpr int DefaultLimit = 100;
    static constexpr int MaxLimit = 1000;
    static constexpr int MaxInValues = 1000;

    QList<Filter> filters;
    QList<Order> orderBy;
    int limit = DefaultLimit;
    int offset = 0;
};

/**
 * Every read and write of model rows goes through here (GraphQL mutations, the workbench's
 * editor), with the same checks: required columns, NOT NULL, UNIQUE, types, unknown ids. A write
 * is one transaction; when it fails nothing is written. SQL values are always bound.
 */
class ModelStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelStore)

public:
    explicit ModelStore(const Database &database, QObject *parent = nullptr);
    ~ModelStore() override;

    std::optional<Row> get(const ModelDefinition &model, const GraphQL::Value &id, QString *error = nullptr);
    QList<Row> list(const ModelDefinition &model, const ListQuery &query, QString *error = nullptr);
    qint64 count(const ModelDefinition &model, const QList<Filter> &filters, QString *error = nullptr);

    /// `values` is keyed by column name.
    WriteResult create(const ModelDefinition &model, const Row &values);
    /// `values` holds the primary key and the columns to change; the others keep their values.
    WriteResult update(const ModelDefinition &model, const Row &values);
    WriteResult remove(const ModelDefinition &model, const GraphQL::Value &id);

Q_SIGNALS:
    /// A write was committed: the change feed reads the changelog at once.
    void committed();

private:
    QSqlQuery &statement(const QString &sql);
    bool checkValues(const ModelDefinition &model, const Row &values, bool creating, QList<QPair<const ColumnDefinition *, QVariant>> &bound,
                     QList<FieldError> &errors);
    bool checkUnique(const ModelDefinition &model, const QList<QPair<const ColumnDefinition *, QVariant>> &bound,
                     const QVariant &ownId, QList<FieldError> &errors);
    bool whereClause(const ModelDefinition &model, const QList<Filter> &filters, QString &sql, QVariantList &values,
                     QString *error);
    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();
    bool transactionControl(const QString &sql, QString *error);
    WriteResult failed(QList<FieldError> errors);
    WriteResult databaseError(const ModelDefinition &model, const QSqlQuery &query);
    Row readRow(const ModelDefinition &model, const QSqlQuery &query) const;
    QString selectList(const ModelDefinition &model) const;

    const Database &m_database;
    QHash<QString, QSqlQuery> m_statements;
};

} // namespace Subscriptor::Model

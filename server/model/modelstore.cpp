// SPDX-License-Identifier: MIT
#include "modelstore.h"

#include "database.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>

namespace Subscriptor::Model {

Q_LOGGING_CATEGORY(lcStore, "subscriptor.store")

namespace {

using GraphQL::Member;
using GraphQL::Value;
using Bound = QList<QPair<const ColumnDefinition *, QVariant>>;

// Prepared statements kept per connection; past this many the cache starts again.
constexpr int MaxCachedStatements = 128;

QString typeLabel(const ModelDefinition &model)
{
    return QString::fromUtf8(model.typeName);
}

void addError(QList<FieldError> &errors, const QString &column, const QString &message)
{
    for (FieldError &error : errors) {
        if (error.column == column) {
            error.messages.append(message);
            return;
        }
    }
    errors.append(FieldError{column, {message}});
}

} // namespace

ModelStore::ModelStore(const Database &database, QObject *parent) : QObject(parent), m_database(database) { }

ModelStore::~ModelStore() = default;

QSqlQuery &ModelStore::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end())
        return it.value();
    if (m_statements.size() >= MaxCachedStatements)
        m_statements.clear();
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        qCWarning(lcStore).noquote() << "cannot prepare" << sql << query.lastError().text();
    return m_statements.insert(sql, query).value();
}

QString ModelStore::selectList(const ModelDefinition &model) const
{
    QStringList columns;
    for (const ColumnDefinition &column : model.columns)
        columns.append(Database::quote(column.name));
    return columns.join(QLatin1String(", "));
}

Row ModelStore::readRow(const ModelDefinition &model, const QSqlQuery &query) const
{
    GraphQL::ObjectBuilder row(model.columns.size());
    for (int i = 0; i < model.columns.size(); ++i) {
        const ColumnDefinition &column = model.columns[i];
        row.append(column.name.toUtf8(), RowCodec::fromSql(query.value(i), column.type));
    }
    return row.build();
}

std::optional<Row> ModelStore::get(const ModelDefinition &model, const Value &id, QString *error)
{
    const ColumnDefinition &key = model.primaryKey();
    QVariant boundId;
    QString message;
    if (!RowCodec::toSql(id, key, boundId, message)) {
        if (error)
            *error = message;
        return std::nullopt;
    }
    QSqlQuery &query = statement(QLatin1String("SELECT ") + selectList(model) + QLatin1String(" FROM ")
                                 + Database::quote(model.table) + QLatin1String(" WHERE ") + Database::quote(key.name)
                                 + QLatin1String(" = ?"));
    query.bindValue(0, boundId);
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    std::optional<Row> row;
    if (query.next())
        row = readRow(model, query);
    query.finish();
    return row;
}

bool ModelStore::whereClause(const ModelDefinition &model, const QList<Filter> &filters, QString &sql,
                             QVariantList &values, QString *error)
{
    QStringList conditions;
    for (const Filter &filter : filters) {
        const ColumnDefinition *column = model.column(filter.column);
        if (!column) {
            if (error)
                *error = QStringLiteral("%1 has no field %2").arg(typeLabel(model), filter.column);
            return false;
        }
        const QString name = Database::quote(column->name);
        // Only `exact` gives null a meaning (is null); elsewhere it would quietly match nothing.
        if (filter.value.isNull() && filter.op != Filter::Op::Exact) {
            if (error)
                *error = QStringLiteral("filter on %1: only exact may be null").arg(column->name);
            return false;
        }
        auto bind = [&](const Value &value) {
            QVariant bound;
            QString message;
            if (!RowCodec::toSql(value, *column, bound, message)) {
                if (error)
                    *error = QStringLiteral("filter on %1: %2").arg(column->name, message);
                return false;
            }
            values.append(bound);
            return true;
        };
        switch (filter.op) {
        case Filter::Op::Exact:
            if (filter.value.isNull()) {
                conditions.append(name + QLatin1String(" IS NULL"));
                break;
            }
            if (!bind(filter.value))
                return false;
            conditions.append(name + QLatin1String(" = ?"));
            break;
        case Filter::Op::Contains:
        case Filter::Op::IContains: {
            const QString text = filter.value.toString();
            if (!filter.value.isString() || !text.isValidUtf16()) {
                if (error)
                    *error = QStringLiteral("filter on %1: Enter valid text.").arg(column->name);
                return false;
            }
            values.append(RowCodec::sqlText(text));
            // instr(), not LIKE: LIKE has wildcards to escape and ends its pattern at a NUL.
            // lower() folds ASCII letters only, as LIKE does.
            if (filter.op == Filter::Op::Contains)
                conditions.append(QLatin1String("instr(") + name + QLatin1String(", ?) > 0"));
            else
                conditions.append(QLatin1String("instr(lower(") + name + QLatin1String("), lower(?)) > 0"));
            break;
        }
        case Filter::Op::In: {
            const Value::List &items = filter.value.toList();
            if (items.size() > ListQuery::MaxInValues) {
                if (error)
                    *error = QStringLiteral("filter on %1: at most %2 values in \"in\"").arg(column->name).arg(ListQuery::MaxInValues);
                return false;
            }
            if (items.isEmpty()) {
                conditions.append(QStringLiteral("0"));
                break;
            }
            for (const Value &item : items) {
                if (!bind(item))
                    return false;
            }
            QStringList marks(items.size(), QStringLiteral("?"));
            conditions.append(name + QLatin1String(" IN (") + marks.join(u',') + u')');
            break;
        }
        case Filter::Op::Lt:
        case Filter::Op::Lte:
        case Filter::Op::Gt:
        case Filter::Op::Gte: {
            static const char *const operators[] = {" < ?", " <= ?", " > ?", " >= ?"};
            if (!bind(filter.value))
                return false;
            conditions.append(name + QLatin1String(operators[int(filter.op) - int(Filter::Op::Lt)]));
            break;
        }
        case Filter::Op::IsNull:
            conditions.append(name + (filter.value.toBool() ? QLatin1String(" IS NULL") : QLatin1String(" IS NOT NULL")));
            break;
        }
    }
    if (!conditions.isEmpty())
        sql += QLatin1String(" WHERE ") + conditions.join(QLatin1String(" AND "));
    return true;
}

QList<Row> ModelStore::list(const ModelDefinition &model, const ListQuery &request, QString *error)
{
    QString sql = QLatin1String("SELECT ") + selectList(model) + QLatin1String(" FROM ") + Database::quote(model.table);
    QVariantList values;
    if (!whereClause(model, request.filters, sql, values, error))
        return {};
    QStringList order;
    for (const Order &item : request.orderBy) {
        if (!model.column(item.column)) {
            if (error)
                *error = QStringLiteral("%1 has no field %2").arg(typeLabel(model), item.column);
            return {};
        }
        order.append(Database::quote(item.column) + (item.descending ? QLatin1String(" DESC") : QLatin1String(" ASC")));
    }
    order.append(Database::quote(model.primaryKey().name)); // a stable order for paging
    sql += QLatin1String(" ORDER BY ") + order.join(QLatin1String(", ")) + QLatin1String(" LIMIT ? OFFSET ?");
    values.append(qBound(0, request.limit, ListQuery::MaxLimit));
    values.append(qMax(0, request.offset));

    QSqlQuery &query = statement(sql);
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values[i]);
    QList<Row> rows;
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return rows;
    }
    while (query.next())
        rows.append(readRow(model, query));
    query.finish();
    return rows;
}

qint64 ModelStore::count(const ModelDefinition &model, const QList<Filter> &filters, QString *error)
{
    QString sql = QLatin1String("SELECT count(*) FROM ") + Database::quote(model.table);
    QVariantList values;
    if (!whereClause(model, filters, sql, values, error))
        return -1;
    QSqlQuery &query = statement(sql);
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values[i]);
    if (!query.exec() || !query.next()) {
        if (error)
            *error = query.lastError().text();
        return -1;
    }
    const qint64 total = query.value(0).toLongLong();
    query.finish();
    return total;
}

bool ModelStore::checkValues(const ModelDefinition &model, const Row &values, bool creating, Bound &bound,
                             QList<FieldError> &errors)
{
    if (!values.isObject()) {
        addError(errors, NonFieldErrors, QStringLiteral("Expected an object of field values."));
        return false;
    }
    for (const Member &member : values.toObject()) {
        const QString name = QString::fromUtf8(member.key);
        const ColumnDefinition *column = model.column(name);
        if (!column) {
            addError(errors, name, QStringLiteral("%1 has no field %2.").arg(typeLabel(model), name));
            continue;
        }
        if (column->primaryKey && !creating)
            continue; // the key says which row; it is not changed
        if (column->readOnly) {
            addError(errors, name, QStringLiteral("This field is read-only."));
            continue;
        }
        if (member.value.isNull() && column->notNull) {
            addError(errors, name, QStringLiteral("This field may not be null."));
            continue;
        }
        QVariant sqlValue;
        QString message;
        if (!RowCodec::toSql(member.value, *column, sqlValue, message)) {
            addError(errors, name, message);
            continue;
        }
        bound.append({column, sqlValue});
    }
    if (creating) {
        for (const ColumnDefinition &column : model.columns) {
            if (column.notNull && !column.hasDefault && !values.find(column.name.toUtf8()))
                addError(errors, column.name, QStringLiteral("This field is required."));
        }
    }
    return errors.isEmpty();
}

bool ModelStore::checkUnique(const ModelDefinition &model, const Bound &bound, const QVariant &ownId,
                             QList<FieldError> &errors)
{
    const ColumnDefinition &key = model.primaryKey();
    for (const auto &[column, value] : bound) {
        if (!column->unique || value.isNull())
            continue;
        QString sql = QLatin1String("SELECT 1 FROM ") + Database::quote(model.table) + QLatin1String(" WHERE ")
            + Database::quote(column->name) + QLatin1String(" = ?");
        if (ownId.isValid())
            sql += QLatin1String(" AND ") + Database::quote(key.name) + QLatin1String(" <> ?");
        QSqlQuery &query = statement(sql + QLatin1String(" LIMIT 1"));
        query.bindValue(0, value);
        if (ownId.isValid())
            query.bindValue(1, ownId);
        if (query.exec() && query.next()) {
            addError(errors, column->name, QStringLiteral("%1 with this %2 already exists.").arg(typeLabel(model), column->name));
        }
        query.finish();
    }
    return errors.isEmpty();
}

bool ModelStore::begin(QString *error)
{
    // SQLite: take the write lock at once, so a read-then-write transaction cannot fail to
    // upgrade when another connection wrote in between (SQLITE_BUSY_SNAPSHOT). Prepared once,
    // like every statement here: parsing BEGIN and COMMIT again cost more than running them.
    return transactionControl(m_database.isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"), error);
}

bool ModelStore::commit(QString *error)
{
    if (transactionControl(QStringLiteral("COMMIT"), error))
        return true;
    rollback();
    return false;
}

void ModelStore::rollback()
{
    transactionControl(QStringLiteral("ROLLBACK"), nullptr);
}

bool ModelStore::transactionControl(const QString &sql, QString *error)
{
    QSqlQuery &query = statement(sql);
    const bool ok = query.exec();
    if (!ok && error)
        *error = query.lastError().text();
    query.finish();
    return ok;
}

WriteResult ModelStore::failed(QList<FieldError> errors)
{
    WriteResult result;
    result.errors = std::move(errors);
    return result;
}

WriteResult ModelStore::databaseError(const ModelDefinition &model, const QSqlQuery &query)
{
    // Constraints the checks above cannot see (CHECK, FOREIGN KEY, composite UNIQUE) end here.
    const QString text = query.lastError().databaseText();
    qCInfo(lcStore).noquote() << "write to" << model.table << "refused:" << text;
    static const QRegularExpression constraint(QStringLiteral("(UNIQUE|NOT NULL) constraint failed: [^.]+\\.(\\w+)"));
    const QRegularExpressionMatch match = constraint.match(text);
    if (match.hasMatch() && model.column(match.captured(2))) {
        const QString column = match.captured(2);
        return failed({FieldError{column, {match.captured(1) == QLatin1String("UNIQUE")
                                               ? QStringLiteral("%1 with this %2 already exists.").arg(typeLabel(model), column)
                                               : QStringLiteral("This field may not be null.")}}});
    }
    return failed({FieldError{QString(NonFieldErrors), {text.isEmpty() ? query.lastError().text() : text}}});
}

WriteResult ModelStore::create(const ModelDefinition &model, const Row &values)
{
    QList<FieldError> errors;
    Bound bound;
    if (!checkValues(model, values, true, bound, errors))
        return failed(errors);
    QString error;
    if (!begin(&error))
        return failed({FieldError{QString(NonFieldErrors), {error}}});
    if (!checkUnique(model, bound, QVariant(), errors)) {
        rollback();
        return failed(errors);
    }
    QStringList columns;
    for (const auto &item : std::as_const(bound))
        columns.append(Database::quote(item.first->name));
    QString sql = QLatin1String("INSERT INTO ") + Database::quote(model.table);
    if (columns.isEmpty())
        sql += QLatin1String(" DEFAULT VALUES");
    else
        sql += QLatin1String(" (") + columns.join(QLatin1String(", ")) + QLatin1String(") VALUES (")
            + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1String(", ")) + u')';
    sql += QLatin1String(" RETURNING ") + selectList(model);
    QSqlQuery &query = statement(sql);
    for (int i = 0; i < bound.size(); ++i)
        query.bindValue(i, bound[i].second);
    if (!query.exec() || !query.next()) {
        WriteResult result = databaseError(model, query);
        query.finish();
        rollback();
        return result;
    }
    WriteResult result;
    result.row = readRow(model, query);
    query.finish();
    if (!commit(&error))
        return failed({FieldError{QString(NonFieldErrors), {error}}});
    result.ok = true;
    result.wrote = true;
    Q_EMIT committed();
    return result;
}

WriteResult ModelStore::update(const ModelDefinition &model, const Row &values)
{
    const ColumnDefinition &key = model.primaryKey();
    const Value *id = values.find(key.name.toUtf8());
    if (!id || id->isNull())
        return failed({FieldError{key.name, {QStringLiteral("This field is required.")}}});
    QVariant boundId;
    QString message;
    if (!RowCodec::toSql(*id, key, boundId, message))
        return failed({FieldError{key.name, {message}}});
    QList<FieldError> errors;
    Bound bound;
    if (!checkValues(model, values, false, bound, errors))
        return failed(errors);
    QString error;
    if (!begin(&error))
        return failed({FieldError{QString(NonFieldErrors), {error}}});
    if (!checkUnique(model, bound, boundId, errors)) {
        rollback();
        return failed(errors);
    }
    QString sql;
    if (bound.isEmpty()) {
        sql = QLatin1String("SELECT ") + selectList(model) + QLatin1String(" FROM ") + Database::quote(model.table)
            + QLatin1String(" WHERE ") + Database::quote(key.name) + QLatin1String(" = ?");
    } else {
        QStringList assignments;
        for (const auto &item : std::as_const(bound))
            assignments.append(Database::quote(item.first->name) + QLatin1String(" = ?"));
        sql = QLatin1String("UPDATE ") + Database::quote(model.table) + QLatin1String(" SET ")
            + assignments.join(QLatin1String(", ")) + QLatin1String(" WHERE ") + Database::quote(key.name)
            + QLatin1String(" = ? RETURNING ") + selectList(model);
    }
    QSqlQuery &query = statement(sql);
    int index = 0;
    for (const auto &item : std::as_const(bound))
        query.bindValue(index++, item.second);
    query.bindValue(index, boundId);
    if (!query.exec()) {
        WriteResult result = databaseError(model, query);
        query.finish();
        rollback();
        return result;
    }
    if (!query.next()) {
        query.finish();
        rollback();
        return failed({FieldError{key.name, {QStringLiteral("No %1 with id %2.").arg(typeLabel(model), RowCodec::idString(*id))}}});
    }
    WriteResult result;
    result.row = readRow(model, query);
    query.finish();
    if (!commit(&error))
        return failed({FieldError{QString(NonFieldErrors), {error}}});
    result.ok = true;
    result.wrote = !bound.isEmpty();
    if (result.wrote)
        Q_EMIT committed();
    return result;
}

WriteResult ModelStore::remove(const ModelDefinition &model, const Value &id)
{
    const ColumnDefinition &key = model.primaryKey();
    QVariant boundId;
    QString message;
    if (id.isNull() || !RowCodec::toSql(id, key, boundId, message))
        return failed({FieldError{key.name, {message.isEmpty() ? QStringLiteral("This field is required.") : message}}});
    QString error;
    if (!begin(&error))
        return failed({FieldError{QString(NonFieldErrors), {error}}});
    QSqlQuery &query = statement(QLatin1String("DELETE FROM ") + Database::quote(model.table) + QLatin1String(" WHERE ")
                                 + Database::quote(key.name) + QLatin1String(" = ? RETURNING ") + selectList(model));
    query.bindValue(0, boundId);
    if (!query.exec()) {
        WriteResult result = databaseError(model, query);
        query.finish();
        rollback();
        return result;
    }
    if (!query.next()) {
        query.finish();
        rollback();
        return failed({FieldError{key.name, {QStringLiteral("No %1 with id %2.").arg(typeLabel(model), RowCodec::idString(id))}}});
    }
    WriteResult result;
    result.row = readRow(model, query);
    query.finish();
    if (!commit(&error))
        return failed({FieldError{QString(NonFieldErrors), {error}}});
    result.ok = true;
    result.wrote = true;
    Q_EMIT committed();
    return result;
}

} // namespace Subscriptor::Model

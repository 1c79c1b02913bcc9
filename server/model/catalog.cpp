// SPDX-License-Identifier: MIT
#include "catalog.h"

#include "database.h"
#include "naming.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Subscriptor::Model {

namespace {

// What the database says of a table, before the models file and the naming rule apply.
struct TableInfo
{
    QString name;
    QList<ColumnDefinition> columns;
};

QStringList sqliteTables(QSqlDatabase db)
{
    // Virtual tables (FTS5, R*Tree) and the shadow tables that hold their data are no models:
    // the shadow tables of two FTS tables (docs_data, notes_data) would even clash by name.
    // PRAGMA table_list is SQLite 3.37; an older SQLite at least leaves out the virtual tables.
    QSet<QString> internal;
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA main.table_list"))) {
        // Columns: schema, name, type, ncol, wr, strict.
        while (query.next()) {
            const QString type = query.value(2).toString();
            if (type == QLatin1String("virtual") || type == QLatin1String("shadow"))
                internal.insert(query.value(1).toString());
        }
    }
    QStringList tables;
    query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL %' ORDER BY rowid"));
    while (query.next()) {
        if (!internal.contains(query.value(0).toString()))
            tables.append(query.value(0).toString());
    }
    return tables;
}

// The single columns a unique index covers; `keyIndex` tells whether the primary key has an index
// of its own, which an INTEGER PRIMARY KEY that is the rowid never has (WITHOUT ROWID, DESC).
QSet<QString> sqliteUniqueColumns(QSqlDatabase db, const QString &table, bool *keyIndex)
{
    QSet<QString> unique;
    QSqlQuery indexes(db);
    indexes.exec(QLatin1String("PRAGMA index_list(") + Database::quote(table) + u')');
    *keyIndex = false;
    while (indexes.next()) {
        // Columns: seq, name, unique, origin, partial. A partial index does not make a column unique.
        if (indexes.value(3).toString() == QLatin1String("pk"))
            *keyIndex = true;
        if (!indexes.value(2).toBool() || indexes.value(4).toBool())
            continue;
        QSqlQuery columns(db);
        columns.exec(QLatin1String("PRAGMA index_info(") + Database::quote(indexes.value(1).toString()) + u')');
        QStringList names;
        while (columns.next())
            names.append(columns.value(2).toString());
        if (names.size() == 1)
            unique.insert(names.first());
    }
    return unique;
}

TableInfo sqliteTable(QSqlDatabase db, const QString &table)
{
    TableInfo info{table, {}};
    bool keyIndex = false;
    const QSet<QString> unique = sqliteUniqueColumns(db, table, &keyIndex);
    QSqlQuery query(db);
    query.exec(QLatin1String("PRAGMA table_info(") + Database::quote(table) + u')');
    int keyColumns = 0;
    while (query.next()) {
        // Columns: cid, name, type, notnull, dflt_value, pk.
        ColumnDefinition column;
        column.name = query.value(1).toString();
        column.fieldName = Naming::camelCase(column.name);
        column.declaredType = query.value(2).toString();
        column.type = columnTypeFromDeclared(column.declaredType);
        column.notNull = query.value(3).toBool();
        column.hasDefault = !query.value(4).isNull();
        column.primaryKey = query.value(5).toInt() > 0;
        keyColumns += column.primaryKey ? 1 : 0;
        column.unique = column.primaryKey || unique.contains(column.name);
        info.columns.append(column);
    }
    for (ColumnDefinition &column : info.columns) {
        if (!column.primaryKey)
            continue;
        if (keyColumns > 1) {
            column.primaryKey = false; // a composite key is no key for us
            continue;
        }
        if (column.declaredType.compare(QLatin1String("INTEGER"), Qt::CaseInsensitive) == 0 && !keyIndex)
            column.hasDefault = true; // an INTEGER PRIMARY KEY is the rowid: SQLite assigns it
        // SQLite lets any other key of a rowid table be NULL (a legacy quirk); a row without a
        // key could never be read, changed or deleted through the API.
        column.notNull = true;
    }
    return info;
}

QString usableKeyProblem(const TableInfo &table)
{
    int keys = 0;
    for (const ColumnDefinition &column : table.columns) {
        if (!column.primaryKey)
            continue;
        ++keys;
        if (column.type != ColumnType::Integer && column.type != ColumnType::Text)
            return QStringLiteral("its primary key \"%1\" is %2, not integer or text").arg(column.name, QLatin1String(columnTypeName(column.type)));
    }
    if (keys == 0)
        return QStringLiteral("it has no single-column primary key");
    return {};
}

ModelPtr makeModel(const TableInfo &table, const ModelConfig *config, QStringList &errors)
{
    auto model = std::make_shared<ModelDefinition>();
    model->table = table.name;
    const QString part = Naming::modelPart(table.name);
    model->label = config && !config->label.isEmpty() ? config->label : Naming::label(table.name);
    model->stream = config && !config->stream.isEmpty() ? config->stream : Naming::plural(part);
    model->typeName = config && !config->typeName.isEmpty() ? config->typeName : Naming::pascalCase(Naming::singular(part));
    model->fieldBase = model->typeName.left(1).toLower() + model->typeName.mid(1);
    model->description = config ? config->description : QString();
    model->allColumns = table.columns;

    // Every column the models file names must exist: a typo would silently hide or expose data.
    auto checkColumns = [&](const QStringList &names, const char *key) {
        for (const QString &name : names) {
            const bool known = std::any_of(table.columns.cbegin(), table.columns.cend(),
                                           [&](const ColumnDefinition &c) { return c.name == name; });
            if (!known) {
                errors.append(QStringLiteral("%1: models.%2.%3: \"%4\" is not a column of table %2")
                                  .arg(config->source, table.name, QLatin1String(key), name));
            }
        }
    };
    if (config) {
        checkColumns(config->fields.value_or(QStringList()), "fields");
        checkColumns(config->readOnly, "readOnly");
        checkColumns(config->descriptions.keys(), "descriptions");
    }
    for (ColumnDefinition column : table.columns) {
        // The primary key is always shown: subscriptions and mutations need it.
        if (!column.primaryKey && config && config->fields && !config->fields->contains(column.name))
            continue;
        if (config) {
            column.readOnly = config->readOnly.contains(column.name);
            column.description = config->descriptions.value(column.name);
        }
        model->columns.append(column);
    }
    // first_name and firstName would be two fields of one name, aB and ab two values of one name
    // in the field and order enums (FIRST_NAME, AB_ASC): the schema could not be built.
    QHash<QByteArray, QString> columnByField;
    QHash<QByteArray, QString> columnByEnumValue;
    for (const ColumnDefinition &column : std::as_const(model->columns)) {
        const QByteArray enumValue = Naming::upperSnakeCase(column.name);
        for (const auto &[name, seen] : {std::pair(column.fieldName, &columnByField), std::pair(enumValue, &columnByEnumValue)}) {
            if (seen->contains(name)) {
                errors.append(QStringLiteral("table %1: columns %2 and %3 both have the GraphQL name %4; leave one out with "
                                             "\"fields\" in the models file")
                                  .arg(table.name, seen->value(name), column.name, QString::fromUtf8(name)));
            }
            seen->insert(name, column.name);
        }
    }
    return model;
}

} // namespace

bool Catalog::isInternalTable(const QString &table)
{
    return table.startsWith(QLatin1String("sqlite_")) || table.startsWith(QLatin1String("subscriptor_"));
}

CatalogPtr Catalog::load(const Database &database, const QList<ModelConfig> &config, QStringList *warnings,
                         QStringList *errorsOut)
{
    QStringList errors;
    QSqlDatabase db = database.connection();
    QHash<QString, const ModelConfig *> configByTable;
    for (const ModelConfig &entry : config)
        configByTable.insert(entry.table, &entry);

    QList<TableInfo> tables;
    if (database.isSqlite()) {
        for (const QString &name : sqliteTables(db)) {
            if (!isInternalTable(name))
                tables.append(sqliteTable(db, name));
        }
    } else {
        errors.append(QStringLiteral("PostgreSQL catalogs are not supported by this build yet"));
    }

    auto catalog = std::shared_ptr<Catalog>(new Catalog);
    QHash<QByteArray, QString> tableByType;
    QHash<QString, QString> tableByStream;
    QHash<QString, QString> tableByLabel;
    QSet<QString> seen;
    for (const TableInfo &table : std::as_const(tables)) {
        seen.insert(table.name);
        const ModelConfig *entry = configByTable.value(table.name);
        const QString problem = usableKeyProblem(table);
        if (!problem.isEmpty()) {
            const QString message = QStringLiteral("table %1 is not exposed: %2").arg(table.name, problem);
            if (entry)
                errors.append(QStringLiteral("%1: models.%2: %3").arg(entry->source, table.name, message));
            else if (warnings)
                warnings->append(message);
            continue;
        }
        ModelPtr model = makeModel(table, entry, errors);
        if (const QString other = tableByType.value(model->typeName); !other.isEmpty()) {
            errors.append(QStringLiteral("tables %1 and %2 both have the GraphQL type %3; give one a \"type\" in the models file")
                              .arg(other, table.name, QString::fromUtf8(model->typeName)));
        }
        if (const QString other = tableByStream.value(model->stream); !other.isEmpty()) {
            errors.append(QStringLiteral("tables %1 and %2 both have the stream %3; give one a \"stream\" in the models file")
                              .arg(other, table.name, model->stream));
        }
        if (const QString other = tableByLabel.value(model->label); !other.isEmpty()) {
            errors.append(QStringLiteral("tables %1 and %2 both have the label %3; give one a \"label\" in the models file")
                              .arg(other, table.name, model->label));
        }
        tableByType.insert(model->typeName, table.name);
        tableByStream.insert(model->stream, table.name);
        tableByLabel.insert(model->label, table.name);
        catalog->m_models.append(std::move(model));
    }
    for (const ModelConfig &entry : config) {
        if (!seen.contains(entry.table))
            errors.append(QStringLiteral("%1: models.%2: there is no table %2 in the database").arg(entry.source, entry.table));
    }
    if (errorsOut)
        *errorsOut += errors;
    return errors.isEmpty() ? catalog : nullptr;
}

ModelPtr Catalog::model(QStringView table) const
{
    for (const ModelPtr &model : m_models) {
        if (model->table == table)
            return model;
    }
    return nullptr;
}

ModelPtr Catalog::modelByLabel(QStringView label) const
{
    for (const ModelPtr &model : m_models) {
        if (model->label == label)
            return model;
    }
    return nullptr;
}

ModelPtr Catalog::modelByStream(QStringView stream) const
{
    for (const ModelPtr &model : m_models) {
        if (model->stream == stream)
            return model;
    }
    return nullptr;
}

} // namespace Subscriptor::Model

// SPDX-License-Identifier: MIT
#include "rowwriter.h"

#include "rowcommands.h"
#include "server.h"
#include "servercore.h"

#include <QSet>
#include <QUndoStack>

namespace Subscriptor::Ui {

namespace {

using GraphQL::Value;
using Model::Row;
using Model::WriteResult;

WriteResult noModel(const QString &label)
{
    WriteResult result;
    result.errors.append(Model::FieldError{QString(Model::NonFieldErrors), {QStringLiteral("The server has no model %1.").arg(label)}});
    return result;
}

/// A row to create again (undo of a delete): read-only columns cannot be given, so they take
/// their defaults.
Row writable(const Model::ModelDefinition &model, const Row &row)
{
    GraphQL::ObjectBuilder values;
    for (const GraphQL::Member &member : row.toObject()) {
        const Model::ColumnDefinition *column = model.column(QString::fromUtf8(member.key));
        if (column && !column->readOnly)
            values.append(member.key, member.value);
    }
    return values.build();
}

/// Creates a row; while a UNIQUE text value is taken, tries it again with `_2`, `_3`, … (the
/// placeholder of Add and the copy of Duplicate would otherwise always clash). Server thread.
WriteResult createUnique(Model::ModelStore &store, const Model::ModelDefinition &model, const Row &values)
{
    QSet<QByteArray> clashing;
    WriteResult result;
    for (int attempt = 1; attempt <= RowWriter::MaxUniqueAttempts; ++attempt) {
        GraphQL::ObjectBuilder row;
        for (const GraphQL::Member &member : values.toObject()) {
            row.append(member.key, clashing.contains(member.key)
                                       ? Value(member.value.toString() + u'_' + QString::number(attempt))
                                       : member.value);
        }
        result = store.create(model, row.build());
        if (result.ok)
            return result;
        for (const Model::FieldError &error : std::as_const(result.errors)) {
            const Model::ColumnDefinition *column = model.column(error.column);
            if (!column || !column->unique || !values.value(error.column.toUtf8()).isString())
                return result; // not a clash a suffix can solve
            clashing.insert(error.column.toUtf8());
        }
    }
    return result;
}

QString idString(const Model::ModelPtr &model, const Row &row)
{
    return Model::RowCodec::idString(row.value(model->primaryKey().name.toUtf8()));
}

} // namespace

Model::ModelPtr RowWriter::coreModel(ServerCore &core, const QString &label)
{
    const Model::CatalogPtr &catalog = core.backend().catalog();
    return catalog ? catalog->modelByLabel(label) : nullptr;
}

RowWriter::RowWriter(Server &server, QObject *parent) : QObject(parent), m_server(server), m_undoStack(new QUndoStack(this)) { }

RowWriter::~RowWriter() = default;

void RowWriter::write(const Model::ModelPtr &model, const Row &before, const Row &after)
{
    const quint64 serial = ++m_lastSerial;
    m_server.call(this, [label = model->label, before, after](ServerCore &core) {
        const Model::ModelPtr current = coreModel(core, label);
        if (!current)
            return noModel(label);
        Model::ModelStore &store = core.backend().store();
        if (before.isNull())
            return store.create(*current, writable(*current, after));
        if (after.isNull())
            return store.remove(*current, before.value(current->primaryKey().name.toUtf8()));
        return store.update(*current, after);
    }, [this, model, before, after, serial](const WriteResult &result) {
        Q_EMIT written(model, after.isNull() ? before : after, after.isNull(), result, serial);
        if (result.ok && before.isNull())
            Q_EMIT created(model, {idString(model, result.row)});
    });
}

void RowWriter::edit(const Model::ModelPtr &model, const Row &before, const Row &after, const QString &text)
{
    const quint64 serial = ++m_lastSerial;
    m_server.call(this, [label = model->label, after](ServerCore &core) {
        const Model::ModelPtr current = coreModel(core, label);
        return current ? core.backend().store().update(*current, after) : noModel(label);
    }, [this, model, before, after, text, serial](const WriteResult &result) {
        Q_EMIT written(model, after, false, result, serial);
        if (result.ok && result.wrote)
            m_undoStack->push(new RowCommand(*this, model, before, after, text));
    });
}

void RowWriter::create(const Model::ModelPtr &model, const QList<Row> &rows, const QString &text)
{
    const quint64 serial = ++m_lastSerial;
    m_server.call(this, [label = model->label, rows](ServerCore &core) {
        QList<WriteResult> results;
        const Model::ModelPtr current = coreModel(core, label);
        for (const Row &row : rows)
            results.append(current ? createUnique(core.backend().store(), *current, row) : noModel(label));
        return results;
    }, [this, model, text, serial](const QList<WriteResult> &results) {
        QList<Row> made;
        QStringList ids;
        for (const WriteResult &result : results) {
            Q_EMIT written(model, result.ok ? result.row : Row(), false, result, serial);
            if (result.ok) {
                made.append(result.row);
                ids.append(idString(model, result.row));
            }
        }
        if (made.isEmpty())
            return;
        // One row: the command itself; several: one step with a command per row.
        auto *step = made.size() == 1 ? new RowCommand(*this, model, Row(), made.first(), text) : new QUndoCommand(text);
        for (qsizetype i = 0; made.size() > 1 && i < made.size(); ++i)
            new RowCommand(*this, model, Row(), made[i], text, step);
        m_undoStack->push(step);
        Q_EMIT created(model, ids);
    });
}

void RowWriter::remove(const Model::ModelPtr &model, const QList<Value> &ids)
{
    if (ids.isEmpty())
        return;
    const quint64 serial = ++m_lastSerial;
    m_server.call(this, [label = model->label, ids](ServerCore &core) {
        QList<WriteResult> results;
        const Model::ModelPtr current = coreModel(core, label);
        for (const Value &id : ids)
            results.append(current ? core.backend().store().remove(*current, id) : noModel(label));
        return results;
    }, [this, model, ids, serial](const QList<WriteResult> &results) {
        const QString type = QString::fromUtf8(model->typeName);
        QList<Row> rows;
        QStringList removedIds;
        for (qsizetype i = 0; i < results.size(); ++i) {
            const Row key = GraphQL::ObjectBuilder(1).append(model->primaryKey().name.toUtf8(), ids[i]).build();
            Q_EMIT written(model, results[i].ok ? results[i].row : key, true, results[i], serial);
            if (results[i].ok) {
                rows.append(results[i].row);
                removedIds.append(idString(model, results[i].row));
            }
        }
        if (rows.isEmpty())
            return;
        const QString text = rows.size() == 1 ? tr("Delete %1 %2").arg(type, removedIds.first())
                                              : tr("Delete %1 %2 rows").arg(rows.size()).arg(type);
        auto *step = rows.size() == 1 ? new RowCommand(*this, model, rows.first(), Row(), text) : new QUndoCommand(text);
        for (qsizetype i = 0; rows.size() > 1 && i < rows.size(); ++i)
            new RowCommand(*this, model, rows[i], Row(), text, step);
        m_undoStack->push(step);
        Q_EMIT removed(model, removedIds);
    });
}

} // namespace Subscriptor::Ui

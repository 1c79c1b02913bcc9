// SPDX-License-Identifier: MIT
#pragma once

#include "modelstore.h"

#include <QObject>

class QUndoStack;

namespace Subscriptor {
class Server;
class ServerCore;
}

namespace Subscriptor::Ui {

/**
 * The Models panel's writes: each one a ModelStore write in the server thread (Server::call), so
 * that it has the same checks as the mutations and notifies the subscribers. A write that
 * succeeds becomes an undo command; undo and redo are writes of their own, and notify too.
 * A write is asynchronous: its command is pushed once the store said yes, never before, so
 * that a refused edit leaves no step to undo.
 */
class RowWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowWriter)

public:
    /// Tries for a free value of a UNIQUE text column when a new row takes one: `name_2`, `name_3`, …
    static constexpr int MaxUniqueAttempts = 50;

    explicit RowWriter(Server &server, QObject *parent = nullptr);
    ~RowWriter() override;

    QUndoStack &undoStack() { return *m_undoStack; }
    /// The serial of the last write asked for (each write has the next one; 0: none yet). The
    /// answers come in the order of the serials.
    quint64 lastSerial() const { return m_lastSerial; }

    /// In the server thread: the model of `label` in the core's own catalog, the one its store
    /// agrees with (a reload may have changed it since the GUI's copy); null without a database.
    static Model::ModelPtr coreModel(ServerCore &core, const QString &label);

    /// Writes one change of a row from `before` to `after`: a create (`before` null), a delete
    /// (`after` null) or an update (both hold the key). What undo and redo do.
    void write(const Model::ModelPtr &model, const Model::Row &before, const Model::Row &after);
    /// An update that becomes an undo step named `text` once written.
    void edit(const Model::ModelPtr &model, const Model::Row &before, const Model::Row &after, const QString &text);
    /// New rows (one undo step); a value of a UNIQUE text column that is taken gets a suffix.
    void create(const Model::ModelPtr &model, const QList<Model::Row> &rows, const QString &text);
    /// Deletes rows by key (one undo step that creates them again, with the same keys).
    void remove(const Model::ModelPtr &model, const QList<GraphQL::Value> &ids);

Q_SIGNALS:
    /// Every write's answer: `values` are the ones written (for a delete, the row or its key);
    /// `serial` is the write's (lastSerial() when it was asked for).
    void written(const Subscriptor::Model::ModelPtr &model, const Subscriptor::Model::Row &values, bool deleted,
                 const Subscriptor::Model::WriteResult &result, quint64 serial);
    void created(const Subscriptor::Model::ModelPtr &model, const QStringList &rowIds);
    void removed(const Subscriptor::Model::ModelPtr &model, const QStringList &rowIds);

private:
    Server &m_server;
    QUndoStack *m_undoStack;
    quint64 m_lastSerial = 0;
};

} // namespace Subscriptor::Ui

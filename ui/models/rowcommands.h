// SPDX-License-Identifier: MIT
#pragma once

#include "modelstore.h"

#include <QUndoCommand>

namespace Subscriptor::Ui {

class RowWriter;

/**
 * One undoable change of one row, as the Models panel made it: edit cells (`before` and `after`
 * hold the key and the cells), add or duplicate a row (`before` null: undo deletes it, redo
 * creates it again with the same key) or delete one (`after` null: undo creates it again). Every
 * undo and redo is a ModelStore write, so subscribers hear of it like of any other change.
 *
 * The command is pushed after its write succeeded, so the first redo() (QUndoStack::push calls it)
 * does nothing.
 */
class RowCommand final : public QUndoCommand
{
public:
    RowCommand(RowWriter &writer, Model::ModelPtr model, Model::Row before, Model::Row after, const QString &text,
               QUndoCommand *parent = nullptr);
    Q_DISABLE_COPY_MOVE(RowCommand)
    ~RowCommand() override;

    void undo() override;
    void redo() override;

    const Model::Row &before() const { return m_before; }
    const Model::Row &after() const { return m_after; }

private:
    RowWriter &m_writer;
    Model::ModelPtr m_model;
    Model::Row m_before;
    Model::Row m_after;
    bool m_written = true; ///< the write is done: the first redo() is the push
};

} // namespace Subscriptor::Ui

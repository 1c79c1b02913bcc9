// SPDX-License-Identifier: MIT
#include "rowcommands.h"

#include "rowwriter.h"

namespace Subscriptor::Ui {

RowCommand::RowCommand(RowWriter &writer, Model::ModelPtr model, Model::Row before, Model::Row after, const QString &text,
                       QUndoCommand *parent)
    : QUndoCommand(text, parent), m_writer(writer), m_model(std::move(model)), m_before(std::move(before)),
      m_after(std::move(after))
{
}

RowCommand::~RowCommand() = default;

void RowCommand::undo()
{
    m_writer.write(m_model, m_after, m_before);
}

void RowCommand::redo()
{
    if (m_written) {
        m_written = false;
        return;
    }
    m_writer.write(m_model, m_before, m_after);
}

} // namespace Subscriptor::Ui

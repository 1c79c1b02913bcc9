// SPDX-License-Identifier: MIT
#pragma once

#include "modeldefinition.h"
#include "rowcodec.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>

namespace Subscriptor::Model {

enum class ChangeAction : quint8 { Create, Update, Delete };

/// `create`, `update`, `delete`: the seed's action names.
QLatin1StringView changeActionName(ChangeAction action);

/// One committed change of one row, read from the changelog (DESIGN.md, The data path).
struct ChangeEvent
{
    qint64 seq = 0;        ///< the changelog's sequence number: commit order, gap-free
    ModelPtr model;
    ChangeAction action = ChangeAction::Create;
    QString rowId;         ///< the primary key as text
    Row newRow;            ///< every column after the change; null for a delete
    Row oldRow;            ///< every column before the change; null for a create
    QDateTime changedAt;   ///< when the writer made the change (UTC, milliseconds)

    /// The row a notification shows: the new one, or for a delete the row as it was.
    const Row &row() const { return action == ChangeAction::Delete ? oldRow : newRow; }
};

using ChangeEvents = QList<ChangeEvent>;

} // namespace Subscriptor::Model

Q_DECLARE_METATYPE(Subscriptor::Model::ChangeEvents)

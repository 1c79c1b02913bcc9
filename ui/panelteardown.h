// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

namespace Subscriptor::Ui {

/// For a panel's destructor: ~QWidget hides and deletes the children after the panel's own members
/// are gone, and they still signal on the way (scroll bars and selections change as the views go,
/// headers lay out again, an undo stack clears itself): none of that may reach the half-destroyed
/// panel, so every child's connections to it are cut first.
inline void disconnectChildren(QObject *panel)
{
    const QList<QObject *> children = panel->findChildren<QObject *>();
    for (QObject *child : children)
        QObject::disconnect(child, nullptr, panel, nullptr);
}

} // namespace Subscriptor::Ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCheckBox;
class QListWidget;

namespace Subscriptor::Ui {

class Workbench;

/// The workbench's client connections: each with its protocol and a state badge; new (of a
/// protocol), connect, disconnect, remove, and reconnect with backoff.
class ConnectionList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionList)

public:
    explicit ConnectionList(Workbench &workbench, QWidget *parent = nullptr);
    ~ConnectionList() override;

    /// The selected connection's number, 0 when none.
    int current() const;
    void setCurrent(int number);
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void currentChanged(int number);

private:
    void rebuild();
    void refreshStates();

    Workbench &m_workbench;
    QListWidget *m_list;
    QCheckBox *m_reconnect;
};

} // namespace Subscriptor::Ui

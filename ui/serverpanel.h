// SPDX-License-Identifier: MIT
#pragma once

#include "serverstatus.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStandardItemModel;
class QTableView;

namespace Subscriptor::Ui {

class Workbench;

/**
 * The embedded server: its database, address, port and path; start and stop; live counters
 * (connections, subscriptions, changes/s, notifications/s, p99 latency); the table of connections
 * (close one with a chosen code) and the table of subscriptions (its GraphQL on selection).
 */
class ServerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPanel)

public:
    static constexpr int StatusIntervalMs = 500;

    explicit ServerPanel(Workbench &workbench, QWidget *parent = nullptr);
    ~ServerPanel() override;

    QStandardItemModel *connectionsModel() const { return m_connections; }
    QStandardItemModel *subscriptionsModel() const { return m_subscriptions; }
    /// Closes the selected connection with this code and reason.
    void closeSelectedConnection(int code, const QString &reason);

Q_SIGNALS:
    void openDatabaseRequested();
    void newDemoDatabaseRequested();

private:
    void showStatus(const ServerStatus &status);
    void updateState();
    void start();
    void askCloseConnection();

    Workbench &m_workbench;
    QLabel *m_database;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_path;
    QPushButton *m_start;
    QPushButton *m_stop;
    QLineEdit *m_url;
    QLabel *m_counters;
    QStandardItemModel *m_connections;
    QStandardItemModel *m_subscriptions;
    QTableView *m_connectionsView;
    QTableView *m_subscriptionsView;
    QPlainTextEdit *m_graphql;
};

} // namespace Subscriptor::Ui

// SPDX-License-Identifier: MIT
#include "serverpanel.h"

#include "panelteardown.h"
#include "workbench.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Subscriptor::Ui {

namespace {

QTableView *makeTable(QStandardItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    return view;
}

// Replaces a table's rows, keeping the selected row (by the value of column 0) selected.
void fill(QStandardItemModel *model, QTableView *view, const QList<QStringList> &rows)
{
    const QString selected = view->currentIndex().isValid() ? model->index(view->currentIndex().row(), 0).data().toString() : QString();
    model->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < rows[row].size(); ++column)
            model->setData(model->index(row, column), rows[row][column]);
    }
    for (int row = 0; row < rows.size() && !selected.isEmpty(); ++row) {
        if (rows[row].value(0) == selected) {
            view->selectRow(row);
            break;
        }
    }
}

} // namespace

ServerPanel::ServerPanel(Workbench &workbench, QWidget *parent)
    : QWidget(parent), m_workbench(workbench), m_database(new QLabel(this)), m_host(new QLineEdit(this)),
      m_port(new QSpinBox(this)), m_path(new QLineEdit(this)), m_start(new QPushButton(tr("Start"), this)),
      m_stop(new QPushButton(tr("Stop"), this)), m_url(new QLineEdit(this)), m_counters(new QLabel(this)),
      m_connections(new QStandardItemModel(0, 6, this)), m_subscriptions(new QStandardItemModel(0, 8, this)),
      m_connectionsView(makeTable(m_connections, QStringLiteral("connectionsTable"), this)),
      m_subscriptionsView(makeTable(m_subscriptions, QStringLiteral("subscriptionsTable"), this)),
      m_graphql(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("serverPanel"));
    m_connections->setHorizontalHeaderLabels({tr("Id"), tr("Protocol"), tr("Peer"), tr("Subscriptions"), tr("Frames sent"),
                                              tr("Queued bytes")});
    m_subscriptions->setHorizontalHeaderLabels({tr("Connection"), tr("Protocol"), tr("Operation"), tr("Model"), tr("Action"),
                                                tr("Row"), tr("Fields"), tr("Delivered")});
    m_database->setObjectName(QStringLiteral("serverDatabase"));
    m_database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long path must not widen the dock, and with it the whole window: cut, whole in the tooltip.
    m_database->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_host->setObjectName(QStringLiteral("serverHost"));
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_path->setObjectName(QStringLiteral("serverPath"));
    m_start->setObjectName(QStringLiteral("serverStart"));
    m_stop->setObjectName(QStringLiteral("serverStop"));
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setReadOnly(true);
    m_counters->setObjectName(QStringLiteral("serverCounters"));
    // Wraps: on one line, the first status would widen the dock, and with it the whole window.
    m_counters->setWordWrap(true);
    m_graphql->setObjectName(QStringLiteral("subscriptionGraphQL"));
    m_graphql->setReadOnly(true);
    m_graphql->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_graphql->setPlaceholderText(tr("Select a subscription to see its GraphQL"));

    auto *open = new QPushButton(tr("Open…"), this);
    auto *demo = new QPushButton(tr("New demo…"), this);
    auto *postgres = new QLineEdit(this);
    postgres->setPlaceholderText(tr("postgresql://user@host/db — not supported by this build yet"));
    postgres->setEnabled(false);
    auto *databaseRow = new QHBoxLayout;
    databaseRow->addWidget(m_database, 1);
    databaseRow->addWidget(open);
    databaseRow->addWidget(demo);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Database"), databaseRow);
    form->addRow(tr("PostgreSQL"), postgres);
    form->addRow(tr("Address"), m_host);
    form->addRow(tr("Port"), m_port);
    form->addRow(tr("Path"), m_path);
    form->addRow(QString(), buttons);
    form->addRow(tr("URL"), m_url);
    form->addRow(tr("Now"), m_counters);

    auto *closeButton = new QPushButton(tr("Close connection…"), this);
    closeButton->setObjectName(QStringLiteral("closeConnection"));
    auto *connectionsBox = new QWidget(this);
    auto *connectionsLayout = new QVBoxLayout(connectionsBox);
    connectionsLayout->setContentsMargins(0, 0, 0, 0);
    connectionsLayout->addWidget(m_connectionsView);
    connectionsLayout->addWidget(closeButton, 0, Qt::AlignRight);
    auto *tables = new QSplitter(Qt::Vertical, this);
    tables->addWidget(connectionsBox);
    tables->addWidget(m_subscriptionsView);
    tables->addWidget(m_graphql);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addWidget(tables, 1);

    connect(open, &QPushButton::clicked, this, &ServerPanel::openDatabaseRequested);
    connect(demo, &QPushButton::clicked, this, &ServerPanel::newDemoDatabaseRequested);
    connect(m_start, &QPushButton::clicked, this, &ServerPanel::start);
    connect(m_stop, &QPushButton::clicked, &workbench, &Workbench::stopServer);
    connect(closeButton, &QPushButton::clicked, this, &ServerPanel::askCloseConnection);
    connect(&workbench.server(), &Server::statusUpdated, this, &ServerPanel::showStatus);
    connect(&workbench, &Workbench::serverStateChanged, this, &ServerPanel::updateState);
    connect(m_subscriptionsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) {
        m_graphql->setPlainText(index.isValid() ? m_subscriptions->item(index.row(), 0)->data(Qt::UserRole).toString() : QString());
    });
    updateState();
}

ServerPanel::~ServerPanel()
{
    disconnectChildren(this);
}

void ServerPanel::updateState()
{
    const ServerConfig &config = m_workbench.config();
    const bool running = m_workbench.server().isRunning();
    // The file's name; its whole path in the tooltip (the status bar names it too).
    const QFileInfo database(config.backend.database);
    m_database->setText(database.fileName());
    m_database->setToolTip(database.absoluteFilePath());
    m_host->setText(config.host.toString());
    m_port->setValue(config.port);
    m_path->setText(config.path);
    m_start->setText(running ? tr("Restart") : tr("Start"));
    m_stop->setEnabled(running);
    m_url->setText(running ? m_workbench.server().url().toString() : tr("stopped"));
    // The server stops taking its status when it stops: ask again for each run.
    if (running)
        m_workbench.server().setStatusInterval(StatusIntervalMs);
    if (!running) {
        m_connections->setRowCount(0);
        m_subscriptions->setRowCount(0);
    }
}

void ServerPanel::start()
{
    ServerConfig config = m_workbench.config();
    config.host = QHostAddress(m_host->text().trimmed());
    if (config.host.isNull())
        config.host = QHostAddress::LocalHost;
    config.port = quint16(m_port->value());
    config.path = m_path->text().trimmed().startsWith(u'/') ? m_path->text().trimmed() : u'/' + m_path->text().trimmed();
    m_workbench.startServer(config);
}

void ServerPanel::showStatus(const ServerStatus &status)
{
    m_counters->setText(tr("%1 connections · %2 subscriptions · %3 changes/s · %4 notifications/s · p99 %5 ms")
                            .arg(status.connections.size()).arg(status.subscriptions.size())
                            .arg(status.changesPerSecond, 0, 'f', 0).arg(status.deliveriesPerSecond, 0, 'f', 0)
                            .arg(status.p99LatencyMs, 0, 'f', 1));
    QList<QStringList> connections;
    for (const ConnectionStatus &connection : status.connections) {
        connections.append({QString::number(connection.id), connection.protocol, connection.peer,
                            QString::number(connection.subscriptions), QString::number(connection.framesSent),
                            QString::number(connection.queuedBytes)});
    }
    fill(m_connections, m_connectionsView, connections);
    QList<QStringList> subscriptions;
    for (const SubscriptionStatus &subscription : status.subscriptions) {
        subscriptions.append({QString::number(subscription.connection), subscription.protocol, subscription.operationId,
                              subscription.model, subscription.actions, subscription.rowId, subscription.fields,
                              QString::number(subscription.delivered)});
    }
    fill(m_subscriptions, m_subscriptionsView, subscriptions);
    for (int row = 0; row < status.subscriptions.size(); ++row)
        m_subscriptions->item(row, 0)->setData(status.subscriptions[row].graphql, Qt::UserRole);
}

void ServerPanel::closeSelectedConnection(int code, const QString &reason)
{
    const QModelIndex current = m_connectionsView->currentIndex();
    if (!current.isValid())
        return;
    m_workbench.server().closeConnection(m_connections->index(current.row(), 0).data().toULongLong(), quint16(code), reason);
}

void ServerPanel::askCloseConnection()
{
    if (!m_connectionsView->currentIndex().isValid())
        return;
    bool ok = false;
    const int code = QInputDialog::getInt(this, tr("Close Connection"),
                                          tr("Close code (1000 normal, 1001 going away, 4000–4999 application):"), 1000,
                                          1000, 4999, 1, &ok);
    if (ok)
        closeSelectedConnection(code, tr("Closed from the workbench"));
}

} // namespace Subscriptor::Ui

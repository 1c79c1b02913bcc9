// SPDX-License-Identifier: MIT
#include "connectionlist.h"

#include "workbench.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Subscriptor::Ui {

namespace {

QString stateText(Client::ClientConnection::State state)
{
    switch (state) {
    case Client::ClientConnection::State::Disconnected: return QStringLiteral("disconnected");
    case Client::ClientConnection::State::Connecting: return QStringLiteral("connecting");
    case Client::ClientConnection::State::Ready: return QStringLiteral("ready");
    case Client::ClientConnection::State::Reconnecting: return QStringLiteral("reconnecting");
    }
    return {};
}

QColor stateColor(Client::ClientConnection::State state)
{
    switch (state) {
    case Client::ClientConnection::State::Ready: return QColor(0x2e, 0x7d, 0x32);
    case Client::ClientConnection::State::Connecting:
    case Client::ClientConnection::State::Reconnecting: return QColor(0xef, 0x6c, 0x00);
    case Client::ClientConnection::State::Disconnected: return QColor(0x9e, 0x9e, 0x9e);
    }
    return {};
}

} // namespace

ConnectionList::ConnectionList(Workbench &workbench, QWidget *parent)
    : QWidget(parent), m_workbench(workbench), m_list(new QListWidget(this)),
      m_reconnect(new QCheckBox(tr("Reconnect with backoff"), this))
{
    setObjectName(QStringLiteral("connectionList"));
    m_list->setObjectName(QStringLiteral("connections"));
    m_reconnect->setObjectName(QStringLiteral("connectionReconnect"));
    m_reconnect->setChecked(true);

    auto *add = new QToolButton(this);
    add->setObjectName(QStringLiteral("connectionAdd"));
    add->setText(tr("New"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(add);
    for (Client::Protocol protocol : {Client::Protocol::TransportWs, Client::Protocol::LegacyWs, Client::Protocol::Seed}) {
        menu->addAction(Client::protocolName(protocol), this, [this, protocol] {
            setCurrent(m_workbench.addConnection(protocol).number);
        });
    }
    add->setMenu(menu);
    auto *connectButton = new QPushButton(tr("Connect"), this);
    connectButton->setObjectName(QStringLiteral("connectionConnect"));
    auto *disconnectButton = new QPushButton(tr("Disconnect"), this);
    disconnectButton->setObjectName(QStringLiteral("connectionDisconnect"));
    auto *remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("connectionRemove"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(connectButton);
    buttons->addWidget(disconnectButton);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_reconnect);

    connect(connectButton, &QPushButton::clicked, this, [this] {
        if (Client::ClientConnection *client = m_workbench.connection(current()); client && m_workbench.server().isRunning())
            client->open(m_workbench.server().url());
    });
    connect(disconnectButton, &QPushButton::clicked, this, [this] {
        if (Client::ClientConnection *client = m_workbench.connection(current()))
            client->close();
    });
    connect(remove, &QPushButton::clicked, this, [this] { m_workbench.removeConnection(current()); });
    connect(m_reconnect, &QCheckBox::toggled, this, [this](bool on) {
        if (Client::ClientConnection *client = m_workbench.connection(current()))
            client->setAutoReconnect(on);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (Client::ClientConnection *client = m_workbench.connection(current()))
            m_reconnect->setChecked(client->autoReconnect());
        Q_EMIT currentChanged(current());
    });
    connect(&workbench, &Workbench::connectionsChanged, this, &ConnectionList::rebuild);
    rebuild();
}

ConnectionList::~ConnectionList() = default;

int ConnectionList::current() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toInt() : 0;
}

void ConnectionList::setCurrent(int number)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toInt() == number) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void ConnectionList::rebuild()
{
    const int selected = current();
    {
        QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const WorkbenchConnection &connection : m_workbench.connections()) {
            auto *item = new QListWidgetItem(m_list);
            item->setData(Qt::UserRole, connection.number);
            connect(connection.client, &Client::ClientConnection::stateChanged, this, &ConnectionList::refreshStates,
                    Qt::UniqueConnection);
        }
    }
    refreshStates();
    setCurrent(selected);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void ConnectionList::refreshStates()
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const int number = item->data(Qt::UserRole).toInt();
        for (const WorkbenchConnection &connection : m_workbench.connections()) {
            if (connection.number != number)
                continue;
            const auto state = connection.client->state();
            item->setText(QStringLiteral("● %1 — %2").arg(connection.name, stateText(state)));
            item->setForeground(stateColor(state));
            item->setToolTip(Client::protocolName(connection.client->protocol()));
        }
    }
}

} // namespace Subscriptor::Ui

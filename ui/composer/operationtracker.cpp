// SPDX-License-Identifier: MIT
#include "operationtracker.h"

#include "seedclient.h"
#include "workbench.h"

#include <QStandardItemModel>

namespace Subscriptor::Ui {

OperationTracker::OperationTracker(Workbench &workbench, QObject *parent)
    : QObject(parent), m_workbench(workbench), m_model(new QStandardItemModel(0, ColumnCount, this))
{
    m_model->setHorizontalHeaderLabels({tr("Connection"), tr("Operation"), tr("Subscription"), tr("Results")});
    connect(&workbench, &Workbench::connectionsChanged, this, [this] {
        // Forget the operations of removed connections.
        for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
            if (!m_workbench.connection(m_entries[i].connection))
                m_entries.removeAt(i);
        }
        rebuild();
    });
}

OperationTracker::~OperationTracker() = default;

void OperationTracker::watch(int number)
{
    if (m_watched.contains(number))
        return;
    Client::ClientConnection *client = m_workbench.connection(number);
    if (!client)
        return;
    m_watched.append(number);
    connect(client, &Client::ClientConnection::result, this, [this, number](const QString &id, const GraphQL::Value &payload) {
        for (Entry &entry : m_entries) {
            if (!entry.seed && entry.connection == number && entry.operationId == id) {
                ++entry.results;
                entry.lastResult = payload;
                rebuild();
            }
        }
    });
    connect(client, &Client::ClientConnection::completed, this, [this, number](const QString &id) { remove(number, id); });
    connect(client, &Client::ClientConnection::operationError, this, [this, number](const QString &id) { remove(number, id); });
    connect(client, &Client::ClientConnection::stateChanged, this, [this, number](Client::ClientConnection::State state) {
        // A closed connection ends its subscriptions on the server: show that.
        if (state != Client::ClientConnection::State::Ready) {
            for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
                if (m_entries[i].connection == number)
                    m_entries.removeAt(i);
            }
            rebuild();
        }
    });
    if (auto *seed = qobject_cast<Client::SeedClient *>(client)) {
        connect(seed, &Client::SeedClient::notification, this, [this, number](const QString &stream, const GraphQL::Value &payload) {
            const QString action = payload.value("action").toString().toUpper();
            for (Entry &entry : m_entries) {
                if (entry.seed && entry.connection == number && entry.request.model && entry.request.model->stream == stream
                    && (entry.request.action == QLatin1String("ALL_ACTIONS") || entry.request.action == action)) {
                    ++entry.results;
                    entry.lastResult = payload;
                }
            }
            rebuild();
        });
    }
}

void OperationTracker::started(int connection, const QString &operationId, const QString &summary)
{
    watch(connection);
    Entry entry;
    entry.connection = connection;
    entry.operationId = operationId;
    entry.summary = summary;
    m_entries.append(entry);
    rebuild();
}

void OperationTracker::seedSubscribed(int connection, const SubscriptionRequest &request)
{
    watch(connection);
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.seed && entry.connection == connection && entry.request.model == request.model
            && entry.request.action == request.action && entry.request.rowId == request.rowId)
            return; // subscribing twice is one subscription, as on the server
    }
    Entry entry;
    entry.connection = connection;
    entry.seed = true;
    entry.request = request;
    m_entries.append(entry);
    rebuild();
}

void OperationTracker::seedUnsubscribed(int connection, const SubscriptionRequest &request)
{
    // As on the server, ALL_ACTIONS unsubscribes each action.
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        const Entry &entry = m_entries[i];
        if (entry.seed && entry.connection == connection && entry.request.model == request.model
            && entry.request.rowId == request.rowId
            && (request.action == QLatin1String("ALL_ACTIONS") || entry.request.action == request.action))
            m_entries.removeAt(i);
    }
    rebuild();
}

void OperationTracker::stop(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const Entry entry = m_entries.takeAt(row);
    if (Client::ClientConnection *client = m_workbench.connection(entry.connection)) {
        if (!entry.seed) {
            client->stop(entry.operationId);
        } else if (auto *seed = qobject_cast<Client::SeedClient *>(client)) {
            SubscriptionRequest request = entry.request;
            request.operation = QStringLiteral("UNSUBSCRIBE");
            seed->send(SubscriptionDocument::build(request, Client::Protocol::Seed, seed->channelId()));
        }
    }
    rebuild();
}

void OperationTracker::remove(int connection, const QString &operationId)
{
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (!m_entries[i].seed && m_entries[i].connection == connection && m_entries[i].operationId == operationId)
            m_entries.removeAt(i);
    }
    rebuild();
}

GraphQL::Value OperationTracker::lastResult(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries[row].lastResult : GraphQL::Value();
}

int OperationTracker::count() const
{
    return int(m_entries.size());
}

void OperationTracker::rebuild()
{
    m_model->setRowCount(int(m_entries.size()));
    for (int row = 0; row < m_entries.size(); ++row) {
        const Entry &entry = m_entries[row];
        QString name;
        for (const WorkbenchConnection &connection : m_workbench.connections()) {
            if (connection.number == entry.connection)
                name = connection.name;
        }
        const QString summary = entry.seed
            ? QStringLiteral("%1 %2%3").arg(entry.request.model ? entry.request.model->stream : QString(), entry.request.action,
                                             entry.request.rowId.isEmpty() ? QString() : QLatin1String(" id ") + entry.request.rowId)
            : entry.summary;
        m_model->setData(m_model->index(row, ConnectionColumn), name);
        m_model->setData(m_model->index(row, OperationColumn), entry.seed ? QStringLiteral("seed") : entry.operationId);
        m_model->setData(m_model->index(row, SummaryColumn), summary);
        m_model->setData(m_model->index(row, ResultsColumn), entry.results);
    }
    Q_EMIT changed();
}

} // namespace Subscriptor::Ui

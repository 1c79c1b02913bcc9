// SPDX-License-Identifier: MIT
#include "workbench.h"

#include "notificationlogmodel.h"
#include "seedclient.h"
#include "legacywsclient.h"
#include "transportwsclient.h"

#include <utility>

namespace Subscriptor::Ui {

namespace {

QString rowKey(const QString &stream, const QString &rowId, const QString &action)
{
    return stream + u'\x1f' + rowId + u'\x1f' + action;
}

} // namespace

Workbench::Workbench(QObject *parent)
    : QObject(parent), m_server(std::make_unique<Server>()), m_log(new NotificationLogModel(this))
{
    connect(m_server.get(), &Server::changesPublished, this, &Workbench::rememberCommits);
    connect(m_server.get(), &Server::started, this, [this](const QUrl &url) {
        // Every connection that is not up goes to the new URL now: after a restart on another port
        // (port 0, or a busy one), a connection waiting to reconnect would knock at the old one.
        for (const WorkbenchConnection &connection : std::as_const(m_connections)) {
            if (connection.client->state() != Client::ClientConnection::State::Ready || connection.client->url() != url)
                connection.client->open(url);
        }
        Q_EMIT serverStateChanged();
    });
    connect(m_server.get(), &Server::stopped, this, &Workbench::serverStateChanged);
    connect(m_server.get(), &Server::failed, this, &Workbench::serverStateChanged);
}

Workbench::~Workbench()
{
    // The server goes first, and closes every connection itself: clients aborted first would leave
    // their sessions ending (deferred deletes in the server thread) while its core is torn down.
    m_server.reset();
    // A client's destructor aborts its socket, which reports a state change: whoever listens
    // would walk connections() and meet the clients deleted before it. They go unheard, from a
    // list nobody sees any more.
    const QList<WorkbenchConnection> connections = std::exchange(m_connections, {});
    for (const WorkbenchConnection &connection : connections) {
        connection.client->blockSignals(true);
        delete connection.client;
    }
}

void Workbench::startServer(const ServerConfig &config)
{
    m_config = config;
    if (m_server->isRunning()) {
        // Restart: the new server starts once the old one has closed its connections.
        connect(m_server.get(), &Server::stopped, this, [this] { m_server->start(m_config); },
                Qt::SingleShotConnection);
        m_server->stop();
        return;
    }
    m_server->start(m_config);
}

void Workbench::stopServer()
{
    m_server->stop();
}

void Workbench::openDatabase(const QString &path)
{
    ServerConfig config = m_config;
    config.backend.database = path;
    startServer(config);
}

WorkbenchConnection Workbench::addConnection(Client::Protocol protocol, const QString &name)
{
    WorkbenchConnection connection;
    connection.number = m_nextConnection++;
    connection.name = name.isEmpty() ? QStringLiteral("%1 #%2").arg(Client::protocolName(protocol)).arg(connection.number) : name;
    switch (protocol) {
    case Client::Protocol::Seed: connection.client = new Client::SeedClient(this); break;
    case Client::Protocol::TransportWs: connection.client = new Client::TransportWsClient(this); break;
    case Client::Protocol::LegacyWs: connection.client = new Client::LegacyWsClient(this); break;
    }
    connect(connection.client, &Client::ClientConnection::frameSent, this,
            [this, connection](const QString &text) { record(connection, LogEntry::Direction::Sent, text); });
    connect(connection.client, &Client::ClientConnection::frameReceived, this,
            [this, connection](const QString &text) { record(connection, LogEntry::Direction::Received, text); });
    m_connections.append(connection);
    if (m_server->isRunning())
        connection.client->open(m_server->url());
    Q_EMIT connectionsChanged();
    return connection;
}

void Workbench::removeConnection(int number)
{
    for (qsizetype i = 0; i < m_connections.size(); ++i) {
        if (m_connections[i].number != number)
            continue;
        Client::ClientConnection *client = m_connections.takeAt(i).client;
        client->close();
        client->deleteLater();
        Q_EMIT connectionsChanged();
        return;
    }
}

Client::ClientConnection *Workbench::connection(int number) const
{
    for (const WorkbenchConnection &connection : m_connections) {
        if (connection.number == number)
            return connection.client;
    }
    return nullptr;
}

void Workbench::indexCatalog() const
{
    const Model::CatalogPtr &catalog = m_server->catalog();
    if (catalog == m_indexedCatalog)
        return;
    m_indexedCatalog = catalog;
    m_modelByField.clear();
    m_modelByStream.clear();
    if (!catalog)
        return;
    for (const Model::ModelPtr &model : catalog->models()) {
        m_modelByField.insert(QString::fromUtf8(model->fieldBase) + QLatin1String("Changes"), model);
        m_modelByStream.insert(model->stream, model);
    }
}

QString Workbench::streamOfField(const QString &fieldName) const
{
    indexCatalog();
    const Model::ModelPtr model = m_modelByField.value(fieldName);
    return model ? model->stream : QString();
}

QString Workbench::modelOfStream(const QString &stream) const
{
    indexCatalog();
    const Model::ModelPtr model = m_modelByStream.value(stream);
    return model ? model->label : QString();
}

void Workbench::record(const WorkbenchConnection &connection, LogEntry::Direction direction, const QString &text)
{
    LogEntry entry;
    entry.number = m_nextEntry++;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.direction = direction;
    entry.connection = connection.number;
    entry.connectionName = connection.name;
    entry.protocol = connection.client->protocol();
    entry.text = text;
    LogEntryParser::parse(entry, [this](const QString &field) { return streamOfField(field); });
    // A standard stream's result names its model only when the document selected `model`; the
    // log's model filter needs it on every notification.
    if (entry.model.isEmpty() && !entry.stream.isEmpty() && entry.isNotification())
        entry.model = modelOfStream(entry.stream);
    if (direction == LogEntry::Direction::Received && entry.isNotification())
        entry.latencyMs = latencyOf(entry);
    m_log->append(std::move(entry));
}

void Workbench::rememberCommits(const Model::ChangeEvents &events)
{
    for (const Model::ChangeEvent &event : events) {
        m_commitBySeq.insert(event.seq, event.changedAt);
        m_commitByRow.insert(rowKey(event.model->stream, event.rowId, QString(Model::changeActionName(event.action))),
                             event.changedAt);
        m_commitOrder.push_back(event.seq);
    }
    // Keep a bounded window: the oldest seqs go; the row map is rebuilt when it grows past it.
    while (m_commitOrder.size() > size_t(RememberedCommits)) {
        m_commitBySeq.remove(m_commitOrder.front());
        m_commitOrder.pop_front();
    }
    if (m_commitByRow.size() > 2 * RememberedCommits)
        m_commitByRow.clear();
}

double Workbench::latencyOf(const LogEntry &entry) const
{
    QDateTime committed;
    if (entry.seq >= 0)
        committed = m_commitBySeq.value(entry.seq);
    if (!committed.isValid())
        committed = m_commitByRow.value(rowKey(entry.stream, entry.rowId, entry.action));
    if (!committed.isValid())
        return -1;
    return double(committed.msecsTo(entry.time));
}

} // namespace Subscriptor::Ui

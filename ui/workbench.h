// SPDX-License-Identifier: MIT
#pragma once

#include "clientconnection.h"
#include "logentry.h"
#include "server.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <deque>
#include <memory>

namespace Subscriptor::Ui {

class NotificationLogModel;

/// A client connection the workbench owns, with the name the user sees.
struct WorkbenchConnection
{
    int number = 0;
    QString name;
    Client::ClientConnection *client = nullptr;
};

/**
 * The workbench without its widgets: the embedded server, the client connections the user opens
 * against it, and the notification log they feed. Panels show and drive it; tests drive it the
 * same way. Lives in the GUI thread; it reaches the server only through Server.
 */
class Workbench final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Workbench)

public:
    explicit Workbench(QObject *parent = nullptr);
    ~Workbench() override;

    Server &server() { return *m_server; }
    const ServerConfig &config() const { return m_config; }
    NotificationLogModel &log() { return *m_log; }

    /// Starts (or restarts) the embedded server.
    void startServer(const ServerConfig &config);
    void stopServer();
    /// Opens another SQLite file: the server restarts on it.
    void openDatabase(const QString &path);

    /// A new client connection of this protocol, opened to the server's URL when it runs.
    WorkbenchConnection addConnection(Client::Protocol protocol, const QString &name = {});
    void removeConnection(int number);
    const QList<WorkbenchConnection> &connections() const { return m_connections; }
    Client::ClientConnection *connection(int number) const;

    /// The stream of a change stream field (userChanges → users), from the current catalog.
    QString streamOfField(const QString &fieldName) const;
    /// The label of the model of a stream (users → auth.user), from the current catalog.
    QString modelOfStream(const QString &stream) const;

Q_SIGNALS:
    void connectionsChanged();
    void serverStateChanged();

private:
    void record(const WorkbenchConnection &connection, LogEntry::Direction direction, const QString &text);
    void rememberCommits(const Model::ChangeEvents &events);
    double latencyOf(const LogEntry &entry) const;
    /// Indexes the current catalog's models by change stream field and by stream, once per catalog:
    /// every frame the log takes looks them up.
    void indexCatalog() const;

    std::unique_ptr<Server> m_server;
    ServerConfig m_config;
    NotificationLogModel *m_log;
    QList<WorkbenchConnection> m_connections;
    int m_nextConnection = 1;
    quint64 m_nextEntry = 1;
    // When recent changes were committed, by seq and by (stream, row, action), for the latency column.
    static constexpr int RememberedCommits = 20'000;
    QHash<qint64, QDateTime> m_commitBySeq;
    QHash<QString, QDateTime> m_commitByRow;
    std::deque<qint64> m_commitOrder;
    mutable Model::CatalogPtr m_indexedCatalog;
    mutable QHash<QString, Model::ModelPtr> m_modelByField;
    mutable QHash<QString, Model::ModelPtr> m_modelByStream;
};

} // namespace Subscriptor::Ui

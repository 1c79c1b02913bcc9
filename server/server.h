// SPDX-License-Identifier: MIT
#pragma once

#include "catalog.h"
#include "changeevent.h"
#include "schema.h"
#include "serverconfig.h"
#include "serverstatus.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace Subscriptor {

class ServerCore;

/**
 * The server, as the workbench and the headless program see it: it runs the ServerCore in a
 * thread of its own (DESIGN.md, Threads) and reports through signals. Talk to the core only
 * through this class or queued calls; never touch its objects from another thread.
 */
class Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    explicit Server(QObject *parent = nullptr);
    ~Server() override;

    /// Starts in the server thread; started() or failed() follows.
    void start(const ServerConfig &config);
    /// Closes every connection (1001), then stopped().
    void stop();
    /// Reads the catalog again (SIGHUP); reloaded() or failed() follows.
    void reload();
    bool isRunning() const { return m_running; }
    QUrl url() const { return m_url; }
    /// For in-process tests and the workbench: the core, to be used only from its thread.
    ServerCore *core() const { return m_core; }
    const Model::CatalogPtr &catalog() const { return m_catalog; }
    const GraphQL::SchemaPtr &schema() const { return m_schema; }

    /// Runs `job` on the core in the server thread, then `done` with its result in this object's
    /// thread, unless `context` (an object of this thread) is gone by then.
    template<typename Job, typename Done>
    void call(QObject *context, Job job, Done done);
    /// Takes a ServerStatus every `milliseconds` (0 stops) and reports it with statusUpdated().
    void setStatusInterval(int milliseconds);
    void closeConnection(quint64 id, quint16 code, const QString &reason);

Q_SIGNALS:
    void started(const QUrl &url);
    void failed(const QString &error);
    void reloaded();
    void stopped();
    /// The models or the API changed (start, reload). Both are immutable and safe in any thread.
    void catalogChanged(const Subscriptor::Model::CatalogPtr &catalog, const Subscriptor::GraphQL::SchemaPtr &schema);
    /// Committed changes, as the server dispatched them (batched).
    void changesPublished(const Subscriptor::Model::ChangeEvents &events);
    void statusUpdated(const Subscriptor::ServerStatus &status);

private:
    void connectCore();

    QThread m_thread;
    ServerCore *m_core = nullptr;
    QUrl m_url;
    bool m_running = false;
    Model::CatalogPtr m_catalog;
    GraphQL::SchemaPtr m_schema;
    QTimer m_statusTimer;
};

template<typename Job, typename Done>
void Server::call(QObject *context, Job job, Done done)
{
    Q_ASSERT(context->thread() == thread());
    // `context` is looked at only in its own thread, where it is deleted: the result goes to this
    // object first. The server thread may still post here while ~Server waits for it, never after.
    QPointer<QObject> target(context);
    QMetaObject::invokeMethod(m_core, [this, core = m_core, job = std::move(job), done = std::move(done), target]() mutable {
        auto result = job(*core);
        QMetaObject::invokeMethod(this, [done = std::move(done), result = std::move(result), target]() mutable {
            if (target)
                done(std::move(result));
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

} // namespace Subscriptor

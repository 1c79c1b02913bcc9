// SPDX-License-Identifier: MIT
#include "server.h"

#include "servercore.h"

#ifdef Q_OS_LINUX
#include "epolldispatcher.h"
#endif

namespace Subscriptor {

Server::Server(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ServerStatus>();
    qRegisterMetaType<Model::ChangeEvents>();
    qRegisterMetaType<Model::CatalogPtr>();
    qRegisterMetaType<GraphQL::SchemaPtr>();
    m_thread.setObjectName(QStringLiteral("subscriptor-server"));
#ifdef Q_OS_LINUX
    m_thread.setEventDispatcher(new Transport::EpollDispatcher);
#endif
    m_thread.start();
    // The core is made in its own thread, so that every object it holds (timers, sockets,
    // database connections) belongs to that thread from the start.
    auto *threadContext = new QObject;
    threadContext->moveToThread(&m_thread);
    QMetaObject::invokeMethod(threadContext, [this, threadContext] {
        m_core = new ServerCore;
        threadContext->deleteLater();
    }, Qt::BlockingQueuedConnection);
    connect(m_core, &ServerCore::stopped, this, [this] {
        m_running = false;
        m_statusTimer.stop();
        Q_EMIT stopped();
    }, Qt::QueuedConnection);
    connectCore();
    connect(&m_statusTimer, &QTimer::timeout, this, [this] {
        call(this, [](ServerCore &core) { return core.status(); },
             [this](const ServerStatus &status) { Q_EMIT statusUpdated(status); });
    });
}

void Server::connectCore()
{
    // The core's Backend emits from the server thread; these reach this thread queued.
    Backend *backend = &m_core->backend();
    connect(backend, &Backend::catalogChanged, this, [this, backend](const Model::CatalogPtr &catalog) {
        // The schema pointer is read in the server thread, where it was just set.
        const GraphQL::SchemaPtr schema = backend->graphql().schema();
        QMetaObject::invokeMethod(this, [this, catalog, schema] {
            m_catalog = catalog;
            m_schema = schema;
            Q_EMIT catalogChanged(catalog, schema);
        }, Qt::QueuedConnection);
    }, Qt::DirectConnection);
    connect(m_core, &ServerCore::changesPublished, this, &Server::changesPublished, Qt::QueuedConnection);
}

void Server::setStatusInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        m_statusTimer.stop();
        return;
    }
    m_statusTimer.start(milliseconds);
}

void Server::closeConnection(quint64 id, quint16 code, const QString &reason)
{
    QMetaObject::invokeMethod(m_core, [core = m_core, id, code, reason] { core->closeConnection(id, code, reason); },
                              Qt::QueuedConnection);
}

Server::~Server()
{
    // The core's objects (sockets, database connections) must go in their own thread.
    QMetaObject::invokeMethod(m_core, [core = m_core] { delete core; }, Qt::BlockingQueuedConnection);
    m_core = nullptr;
    m_thread.quit();
    m_thread.wait();
}

void Server::start(const ServerConfig &config)
{
    QMetaObject::invokeMethod(m_core, [this, config] {
        QString error;
        const bool ok = m_core->start(config, &error);
        const QUrl url = m_core->webSocketUrl();
        QMetaObject::invokeMethod(this, [this, ok, error, url] {
            m_running = ok;
            m_url = url;
            if (ok)
                Q_EMIT started(url);
            else
                Q_EMIT failed(error);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

void Server::stop()
{
    QMetaObject::invokeMethod(m_core, &ServerCore::stop, Qt::QueuedConnection);
}

void Server::reload()
{
    QMetaObject::invokeMethod(m_core, [this] {
        QString error;
        const bool ok = m_core->reload(&error);
        QMetaObject::invokeMethod(this, [this, ok, error] {
            if (ok)
                Q_EMIT reloaded();
            else
                Q_EMIT failed(error);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
}

} // namespace Subscriptor

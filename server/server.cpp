// SPDX-License-Identifier: MIT
#include "server.h"

#include "servercore.h"

namespace Subscriptor {

Server::Server(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("subscriptor-server"));
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
        Q_EMIT stopped();
    }, Qt::QueuedConnection);
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

// SPDX-License-Identifier: MIT
#pragma once

#include "serverconfig.h"

#include <QObject>
#include <QThread>
#include <QUrl>

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

Q_SIGNALS:
    void started(const QUrl &url);
    void failed(const QString &error);
    void reloaded();
    void stopped();

private:
    QThread m_thread;
    ServerCore *m_core = nullptr;
    QUrl m_url;
    bool m_running = false;
};

} // namespace Subscriptor

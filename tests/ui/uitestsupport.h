// SPDX-License-Identifier: MIT
// What the workbench's widget tests share: settings and standard paths kept away from the user's
// (a temporary folder, whatever HOME is), a Workbench whose embedded Server runs on a real SQLite
// demo database in a temporary directory and a free port, row edits through the server's
// ModelStore (Server::call, as the Models panel writes), and bounded waits. Nothing here asserts on
// how long something took: every wait is generous, for a loaded machine.
#pragma once

#include "clientconnection.h"
#include "notificationlogmodel.h"
#include "seedclient.h"
#include "server.h"
#include "servercore.h"
#include "subscriptiondocument.h"
#include "subscriptionregistry.h"
#include "workbench.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace Subscriptor::UiTest {

using Ui::LogEntry;
using Ui::Workbench;

/// The bound on every wait for something that must happen.
inline constexpr int Timeout = 30'000;

/// Standard paths in test mode, and QSettings in an INI file under `folder` (not under HOME):
/// the tests never read or write the user's settings. Call before anything uses QSettings.
inline void isolateSettings(const QString &folder, const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SubscriptorTests"));
    QCoreApplication::setApplicationName(applicationName);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder + QLatin1String("/user"));
    QSettings::setPath(QSettings::IniFormat, QSettings::SystemScope, folder + QLatin1String("/system"));
    QSettings().clear();
}

/// A server configuration on a new demo database in `directory`, on a free local port.
inline ServerConfig demoConfig(const QString &directory, const QString &fileName = QStringLiteral("demo.db"))
{
    ServerConfig config;
    config.backend.database = directory + u'/' + fileName;
    config.backend.createDemo = true;
    config.host = QHostAddress::LocalHost;
    config.port = 0;
    return config;
}

/// Waits until the workbench's server runs and its catalog has reached the GUI thread.
inline bool waitForServer(Workbench &workbench)
{
    return QTest::qWaitFor([&workbench] { return workbench.server().isRunning() && workbench.server().catalog(); }, Timeout);
}

/// Starts the workbench's server on `config` and waits for it.
inline bool startServer(Workbench &workbench, const ServerConfig &config)
{
    workbench.startServer(config);
    return waitForServer(workbench);
}

inline bool waitReady(Client::ClientConnection *client)
{
    return client && QTest::qWaitFor([client] { return client->state() == Client::ClientConnection::State::Ready; }, Timeout);
}

/// Runs `job(core)` in the server's thread through Server::call and waits for its result.
template<typename Job>
auto callCore(Server &server, Job job) -> std::optional<decltype(job(std::declval<ServerCore &>()))>
{
    using Result = decltype(job(std::declval<ServerCore &>()));
    auto context = std::make_unique<QObject>();
    auto result = std::make_shared<std::optional<Result>>();
    server.call(context.get(), std::move(job), [result](Result value) { *result = std::move(value); });
    if (!QTest::qWaitFor([&result] { return result->has_value(); }, Timeout))
        return std::nullopt;
    return *result;
}

/// Updates a row through the server's ModelStore (the path the Models panel's edits take): `values`
/// holds the primary key and the columns to change. True when it was written.
inline bool updateRow(Server &server, const QString &label, const GraphQL::Value &values)
{
    const auto result = callCore(server, [label, values](ServerCore &core) {
        const Model::CatalogPtr &catalog = core.backend().catalog();
        const Model::ModelPtr model = catalog ? catalog->modelByLabel(label) : nullptr;
        return model ? core.backend().store().update(*model, values) : Model::WriteResult();
    });
    if (result && !result->ok) {
        for (const Model::FieldError &error : result->errors)
            qWarning("update refused: %s: %s", qPrintable(error.column), qPrintable(error.messages.join(u' ')));
    }
    return result && result->ok && result->wrote;
}

/// Sets user `id`'s first name (a change every user subscription sees).
inline bool renameUser(Server &server, qint64 id, const QString &firstName)
{
    return updateRow(server, QStringLiteral("auth.user"),
                     GraphQL::ObjectBuilder(2).append("id", id).append("first_name", firstName).build());
}

/// Sets group `id`'s name.
inline bool renameGroup(Server &server, qint64 id, const QString &name)
{
    return updateRow(server, QStringLiteral("auth.group"), GraphQL::ObjectBuilder(2).append("id", id).append("name", name).build());
}

/// Subscriptions in the server's registry, read in its thread.
inline qsizetype serverSubscriptionCount(Server &server)
{
    return callCore(server, [](ServerCore &core) { return core.registry().count(); }).value_or(-1);
}

/// Subscribes `client` to every change of the model `label` (the document the composer's form
/// writes for its protocol) and waits until the server has the subscription. The operation's id.
inline QString subscribe(Server &server, Client::ClientConnection *client, const QString &label)
{
    Ui::SubscriptionRequest request;
    request.model = server.catalog() ? server.catalog()->modelByLabel(label) : nullptr;
    if (!request.model || !client)
        return {};
    auto *seed = qobject_cast<Client::SeedClient *>(client);
    const qsizetype before = serverSubscriptionCount(server);
    const QString id = client->send(Ui::SubscriptionDocument::build(request, client->protocol(), seed ? seed->channelId() : QString()));
    if (id.isEmpty() || !QTest::qWaitFor([&] { return serverSubscriptionCount(server) > before; }, Timeout))
        return {};
    return id;
}

/// The log's retained entries (pending ones included, cleared ones too), through an NDJSON-free
/// path: the model's rows after a flush.
inline QList<const LogEntry *> visibleEntries(Ui::NotificationLogModel &log)
{
    log.flush();
    QList<const LogEntry *> entries;
    for (int row = 0; row < log.rowCount(); ++row)
        entries.append(&log.entry(row));
    return entries;
}

/// The visible notifications of one connection, oldest first.
inline QList<const LogEntry *> notificationsOf(Ui::NotificationLogModel &log, int connection)
{
    QList<const LogEntry *> found;
    for (const LogEntry *entry : visibleEntries(log)) {
        if (entry->connection == connection && entry->isNotification() && entry->direction == LogEntry::Direction::Received)
            found.append(entry);
    }
    return found;
}

/// Rows of `model` whose `column` shows `text`.
inline int rowsShowing(const QAbstractItemModel *model, int column, const QString &text)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, column).data().toString() == text)
            ++count;
    }
    return count;
}

} // namespace Subscriptor::UiTest

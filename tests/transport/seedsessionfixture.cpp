// SPDX-License-Identifier: MIT
#include "seedsessionfixture.h"

#include "catalog.h"
#include "database.h"
#include "modelstore.h"

#include <QProcess>

namespace Subscriptor::TestSupport {

QString userFrame(const QString &action, const QString &data)
{
    return QStringLiteral(R"({"stream": "users", "payload": {"action": "%1", "data": %2, "model": "auth.user"}})").arg(action, data);
}

QString groupFrame(const QString &action, const QString &data)
{
    return QStringLiteral(R"({"stream": "groups", "payload": {"action": "%1", "data": %2, "model": "auth.group"}})").arg(action, data);
}

QString ackFrame(const QString &stream, const QString &operation, const QString &action)
{
    return QStringLiteral(R"({"stream": "%1", "operation": "%2", "action": "%3", "ok": true, "error": null})")
        .arg(stream, operation, action);
}

void SeedSessionFixture::setUp()
{
    m_server = std::make_unique<TestServer>();
    m_http = std::make_unique<HttpClient>();
    QVERIFY(m_server->start());
}

void SeedSessionFixture::tearDown()
{
    m_http.reset();
    m_server.reset();
}

HttpReply SeedSessionFixture::seed(const QString &model, const QString &channelId, const QString &action,
                                   const QString &operation, const QString &id, const QString &data)
{
    QString arguments = QStringLiteral("channelId: \"%1\", action: %2, operation: %3").arg(channelId, action, operation);
    if (!id.isEmpty())
        arguments += QStringLiteral(", id: ") + id;
    if (!data.isEmpty())
        arguments += QStringLiteral(", data: ") + data;
    return m_http->graphql(m_server->httpUrl(), QStringLiteral("subscription { %1Subscription(%2) { ok error stream operation action } }")
                                                    .arg(model, arguments));
}

/// A successful subscribe or unsubscribe over HTTP, with its ack on the socket (taken).
bool SeedSessionFixture::subscribe(WsClient &client, const QString &model, const QString &action, const QString &id,
                                   const QString &data, const QString &operation)
{
    const HttpReply reply = seed(model, client.channelId(), action, operation, id, data);
    const QJsonObject result = reply.json().value(QLatin1String("data")).toObject().value(model + QLatin1String("Subscription")).toObject();
    if (reply.status != 200 || !result.value(QLatin1String("ok")).toBool()) {
        qWarning("%s %s refused: %d %s", qPrintable(operation), qPrintable(action), reply.status, reply.body.constData());
        return false;
    }
    const QString ack = client.next();
    const QString stream = model == QLatin1String("user") ? QStringLiteral("users") : QStringLiteral("groups");
    if (ack != ackFrame(stream, operation.toLower(), action.toLower())) {
        qWarning("unexpected ack: %s", qPrintable(ack));
        return false;
    }
    return true;
}

bool SeedSessionFixture::mutate(const QString &document, const QJsonObject &variables)
{
    const HttpReply reply = m_http->graphql(m_server->httpUrl(), document, variables);
    const QJsonObject json = reply.json();
    const QJsonObject data = json.value(QLatin1String("data")).toObject();
    const bool ok = reply.status == 200 && !json.contains(QLatin1String("errors")) && data.size() == 1
        && data.begin()->toObject().value(QLatin1String("ok")).toBool();
    if (!ok)
        qWarning("mutation failed: %d %s", reply.status, reply.body.constData());
    return ok;
}

bool SeedSessionFixture::updateUser(int id, const QJsonObject &fields)
{
    QJsonObject input = fields;
    input.insert(QStringLiteral("id"), QString::number(id));
    return mutate(QStringLiteral("mutation ($u: UserInput!) { userUpdate(newUser: $u) { ok errors { field messages } } }"),
                  {{QStringLiteral("u"), input}});
}

/// Sets a user's first name through one of the writers.
bool SeedSessionFixture::write(Writer writer, int id, const QString &firstName)
{
    switch (writer) {
    case Writer::Mutation:
        return updateUser(id, {{QStringLiteral("firstName"), firstName}});
    case Writer::ServerStore: {
        bool ok = false;
        m_server->inCore([&](ServerCore &core) {
            const Model::ModelPtr model = core.backend().catalog()->modelByStream(u"users");
            const Model::Row values = GraphQL::ObjectBuilder().append("id", qint64(id)).append("first_name", firstName).build();
            const Model::WriteResult result = core.backend().store().update(*model, values);
            ok = result.ok && result.wrote;
        });
        return ok;
    }
    case Writer::SecondStore: {
        // Another ModelStore on the same file, as a second program would have: the server finds
        // its commits by polling, not by being told.
        const Model::Database database(m_server->databasePath());
        QString error;
        if (!database.open(&error)) {
            qWarning("cannot open the database: %s", qPrintable(error));
            return false;
        }
        QStringList warnings;
        QStringList errors;
        const Model::CatalogPtr catalog = Model::Catalog::load(database, {}, &warnings, &errors);
        bool ok = false;
        if (catalog) {
            Model::ModelStore store(database);
            const Model::Row values = GraphQL::ObjectBuilder().append("id", qint64(id)).append("first_name", firstName).build();
            const Model::WriteResult result = store.update(*catalog->modelByStream(u"users"), values);
            ok = result.ok && result.wrote;
        }
        database.closeConnection();
        return ok;
    }
    case Writer::SqliteShell: {
        QString text = firstName;
        text.replace(u'\'', QLatin1String("''"));
        QProcess shell;
        shell.start(QStringLiteral("sqlite3"),
                    {QStringLiteral("-cmd"), QStringLiteral(".timeout 10000"), m_server->databasePath(),
                     QStringLiteral("UPDATE auth_user SET first_name = '%1' WHERE id = %2;").arg(text).arg(id)});
        const bool ok = shell.waitForFinished(Timeout) && shell.exitStatus() == QProcess::NormalExit && shell.exitCode() == 0;
        if (!ok)
            qWarning("sqlite3 failed: %s", shell.readAllStandardError().constData());
        return ok;
    }
    }
    return false;
}

/// Makes `client` follow updates of group 1: the fence.
bool SeedSessionFixture::addFence(WsClient &client)
{
    return subscribe(client, QStringLiteral("group"), QStringLiteral("UPDATE"), QStringLiteral("1"), QStringLiteral("[NAME]"));
}

/// After a quiet wait, changes group 1 and returns what arrives first: "fence" when it is the
/// fence's notification, else the unexpected frame.
QString SeedSessionFixture::fence(WsClient &client)
{
    QTest::qWait(QuietMs);
    const QString name = QStringLiteral("fence %1").arg(++m_fences);
    if (!mutate(QStringLiteral("mutation ($g: GroupInput!) { groupUpdate(newGroup: $g) { ok errors { field messages } } }"),
                {{QStringLiteral("g"), QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}, {QStringLiteral("name"), name}}}}))
        return QStringLiteral("(the fence's mutation failed)");
    const QString frame = client.next();
    if (frame == groupFrame(QStringLiteral("update"), QStringLiteral(R"({"name": "%1"})").arg(name)))
        return QStringLiteral("fence");
    return frame.isEmpty() ? QStringLiteral("(nothing, not even the fence)") : frame;
}

} // namespace Subscriptor::TestSupport

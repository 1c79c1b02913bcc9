// SPDX-License-Identifier: MIT
// What the SeedSession tests share: a Server in this process for each test function, the seed
// protocol's requests over GraphQL over HTTP and the frames it sends (reference/seed-protocol.md),
// and the ways a row changes.
//
// "Nothing more arrives" is proven by a fence: the client also follows group 1, and after a quiet
// wait the test changes that group; changes reach a connection in commit order, so the fence's
// notification must be the next frame.
#pragma once

#include "transporttestsupport.h"

#include <QJsonObject>
#include <QString>

#include <memory>

namespace Subscriptor::TestSupport {

inline const QString Row5 = QStringLiteral(R"({"id": 5, "username": "meaghan90", "first_name": "Meaghan", "last_name": "Ackerman", "email": "meaghan@gmail.com", "is_superuser": false})");
inline const QString Row6 = QStringLiteral(R"({"id": 6, "username": "john", "first_name": "Dacia", "last_name": "Doe", "email": "", "is_superuser": false})");

QString userFrame(const QString &action, const QString &data);
QString groupFrame(const QString &action, const QString &data);
QString ackFrame(const QString &stream, const QString &operation, const QString &action);

class SeedSessionFixture
{
protected:
    /// The ways a row changes (DESIGN.md, The data path: whoever wrote it, it is seen once).
    enum class Writer { Mutation, ServerStore, SecondStore, SqliteShell };

    SeedSessionFixture() = default;
    ~SeedSessionFixture() = default;
    Q_DISABLE_COPY_MOVE(SeedSessionFixture)

    /// A started server, for a test case's init(); tearDown() for its cleanup().
    void setUp();
    void tearDown();

    HttpReply seed(const QString &model, const QString &channelId, const QString &action, const QString &operation,
                   const QString &id = {}, const QString &data = {});
    bool subscribe(WsClient &client, const QString &model, const QString &action, const QString &id = {},
                   const QString &data = {}, const QString &operation = QStringLiteral("SUBSCRIBE"));
    bool mutate(const QString &document, const QJsonObject &variables = {});
    bool updateUser(int id, const QJsonObject &fields);
    bool write(Writer writer, int id, const QString &firstName);
    bool addFence(WsClient &client);
    QString fence(WsClient &client);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    int m_fences = 0;
};

} // namespace Subscriptor::TestSupport

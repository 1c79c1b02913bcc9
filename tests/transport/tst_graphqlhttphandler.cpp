// SPDX-License-Identifier: MIT
// GraphQLHttpHandler: GraphQL over HTTP on the server's one port (DESIGN.md, One port, several
// protocols), through QNetworkAccessManager and, where the bytes matter (keep-alive, HTTP/1.0),
// a plain TCP socket. Methods, media types, status codes, CORS, and the seed's subscribe and
// unsubscribe operations over HTTP.
#include "transporttestsupport.h"

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;

class TestGraphQLHttpHandler final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void requests_data();
    void requests();
    void mutationWritesAndIsSeen();
    void getWithVariables();
    void responseMediaType_data();
    void responseMediaType();
    void cors_data();
    void cors();
    void keepAlive();
    void connectionClose_data();
    void connectionClose();
    void seedOperations();

private:
    QUrl url(const QString &query = {}) const;

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
};

void TestGraphQLHttpHandler::init()
{
    m_server = std::make_unique<TestServer>();
    m_http = std::make_unique<HttpClient>();
    QVERIFY(m_server->start());
}

void TestGraphQLHttpHandler::cleanup()
{
    m_http.reset();
    m_server.reset();
}

QUrl TestGraphQLHttpHandler::url(const QString &query) const
{
    QUrl url = m_server->httpUrl();
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

void TestGraphQLHttpHandler::requests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");  // empty: the GraphQL path
    QTest::addColumn<QString>("query"); // URL query, already encoded
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contains"); // the body holds this

    const QByteArray json = "application/json";
    QTest::newRow("POST a query") << QByteArray("POST") << "" << "" << json << QByteArray(R"({"query": "{ user(id: 5) { username } }"})")
                                  << 200 << QByteArray(R"({"data":{"user":{"username":"meaghan90"}}})");
    QTest::newRow("POST with charset") << QByteArray("POST") << "" << "" << QByteArray("application/json; charset=utf-8")
                                       << QByteArray(R"({"query": "{ group(id: 1) { name } }"})") << 200 << QByteArray("editors");
    QTest::newRow("POST without a content type") << QByteArray("POST") << "" << "" << QByteArray()
                                                 << QByteArray(R"({"query": "{ group(id: 2) { name } }"})") << 200 << QByteArray("reviewers");
    QTest::newRow("POST application/graphql") << QByteArray("POST") << "" << "" << QByteArray("application/graphql")
                                              << QByteArray("{ allUsers { totalCount } }") << 200 << QByteArray(R"("totalCount":6)");
    QTest::newRow("POST variables and operationName") << QByteArray("POST") << "" << "" << json
        << QByteArray(R"({"query": "query A { __typename } query B($id: ID!) { user(id: $id) { email } }", "variables": {"id": "6"}, "operationName": "B"})")
        << 200 << QByteArray(R"({"data":{"user":{"email":""}}})");
    QTest::newRow("POST a row that is not there: null, 200") << QByteArray("POST") << "" << "" << json
                                                            << QByteArray(R"({"query": "{ user(id: 99) { username } }"})") << 200 << QByteArray(R"({"data":{"user":null}})");
    QTest::newRow("POST a form: 415") << QByteArray("POST") << "" << "" << QByteArray("application/x-www-form-urlencoded")
                                      << QByteArray("query=%7B__typename%7D") << 415 << QByteArray("application/json");
    QTest::newRow("POST text that is not JSON: 400") << QByteArray("POST") << "" << "" << json << QByteArray("{query:")
                                                     << 400 << QByteArray("not valid JSON");
    QTest::newRow("POST a JSON array: 400") << QByteArray("POST") << "" << "" << json << QByteArray(R"([{"query": "{ __typename }"}])")
                                            << 400 << QByteArray("errors");
    QTest::newRow("POST without a query: 400") << QByteArray("POST") << "" << "" << json << QByteArray(R"({"variables": {}})")
                                               << 400 << QByteArray("errors");
    QTest::newRow("POST an empty body: 400") << QByteArray("POST") << "" << "" << json << QByteArray() << 400 << QByteArray("errors");
    QTest::newRow("POST a syntax error: 400") << QByteArray("POST") << "" << "" << json << QByteArray(R"({"query": "{ user(id: 5) {"})")
                                              << 400 << QByteArray("Syntax Error");
    QTest::newRow("POST an unknown field: 400") << QByteArray("POST") << "" << "" << json << QByteArray(R"({"query": "{ password }"})")
                                                << 400 << QByteArray("password");
    QTest::newRow("POST an unknown operationName: 400") << QByteArray("POST") << "" << "" << json
                                                        << QByteArray(R"({"query": "query A { __typename }", "operationName": "B"})")
                                                        << 400 << QByteArray("errors");
    QTest::newRow("GET a query") << QByteArray("GET") << "" << "query=%7B%20group(id%3A%201)%20%7B%20name%20%7D%20%7D" << QByteArray()
                                 << QByteArray() << 200 << QByteArray(R"({"data":{"group":{"name":"editors"}}})");
    QTest::newRow("GET form-encoded: spaces as +") << QByteArray("GET") << "" << "query=%7B+group%28id%3A+2%29+%7B+name+%7D+%7D"
                                                   << QByteArray() << QByteArray() << 200 << QByteArray(R"({"data":{"group":{"name":"reviewers"}}})");
    // `user(id:+5)` is a syntax error; were %2B taken for a space, it would be `user(id: 5)`.
    QTest::newRow("GET form-encoded: %2B is a plus sign") << QByteArray("GET") << "" << "query=%7B+user%28id%3A%2B5%29+%7B+username+%7D+%7D"
                                                          << QByteArray() << QByteArray() << 400 << QByteArray("Syntax Error");
    QTest::newRow("GET without a query: 400") << QByteArray("GET") << "" << "" << QByteArray() << QByteArray() << 400
                                              << QByteArray("Missing the \\\"query\\\" parameter");
    QTest::newRow("GET a mutation: 405") << QByteArray("GET") << ""
                                         << "query=mutation%20%7B%20userDelete(id%3A%206)%20%7B%20ok%20%7D%20%7D" << QByteArray()
                                         << QByteArray() << 405 << QByteArray("use POST");
    QTest::newRow("GET variables that are not JSON: 400") << QByteArray("GET") << ""
                                                          << "query=%7B__typename%7D&variables=%7Bnope" << QByteArray() << QByteArray()
                                                          << 400 << QByteArray("variables");
    QTest::newRow("PUT: 405") << QByteArray("PUT") << "" << "" << json << QByteArray(R"({"query": "{ __typename }"})") << 405
                              << QByteArray("Use GET or POST");
    QTest::newRow("DELETE: 405") << QByteArray("DELETE") << "" << "" << QByteArray() << QByteArray() << 405 << QByteArray("Use GET or POST");
    QTest::newRow("another path: 404") << QByteArray("POST") << "/other" << "" << json << QByteArray(R"({"query": "{ __typename }"})")
                                       << 404 << QByteArray("/graphql");
    QTest::newRow("a path that only starts the same: 404") << QByteArray("GET") << "/graphql/x" << "query=%7B__typename%7D"
                                                           << QByteArray() << QByteArray() << 404 << QByteArray("Not found");
}

void TestGraphQLHttpHandler::requests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, contains);

    QUrl target = url(query);
    if (!path.isEmpty())
        target.setPath(path);
    QNetworkRequest request(target);
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    const HttpReply reply = m_http->send(request, method, body);
    QCOMPARE(reply.status, status);
    QVERIFY2(reply.body.contains(contains), reply.body.constData());
    if (status == 405) {
        QVERIFY(reply.hasHeader("Allow"));
        QVERIFY(reply.header("Allow").contains("POST"));
    }
    if (status != 404 && (status == 200 || status == 400 || status == 405 || status == 415) && method != "PUT" && method != "DELETE")
        QVERIFY2(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type").constData());
}

// A mutation over HTTP writes through the ModelStore, and a query sees it.
void TestGraphQLHttpHandler::mutationWritesAndIsSeen()
{
    HttpReply reply = m_http->graphql(url(), QStringLiteral("mutation { userCreate(newUser: {username: \"hopper2\", email: \"g@example.org\"}) "
                                                            "{ ok errors { field messages } user { id username email } } }"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json(), parseObject(QByteArrayLiteral(
        R"({"data": {"userCreate": {"ok": true, "errors": null, "user": {"id": "7", "username": "hopper2", "email": "g@example.org"}}}})")));
    // A refused write: ok false with field errors, still HTTP 200.
    reply = m_http->graphql(url(), QStringLiteral("mutation { userCreate(newUser: {username: \"hopper2\"}) { ok errors { field messages } } }"));
    QCOMPARE(reply.status, 200);
    const QJsonObject result = reply.json().value(QLatin1String("data")).toObject().value(QLatin1String("userCreate")).toObject();
    QCOMPARE(result.value(QLatin1String("ok")), QJsonValue(false));
    QCOMPARE(result.value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("username"));
    reply = m_http->graphql(url(), QStringLiteral("{ allUsers { totalCount } }"));
    QCOMPARE(reply.json(), parseObject(QByteArrayLiteral(R"({"data": {"allUsers": {"totalCount": 7}}})")));
}

void TestGraphQLHttpHandler::getWithVariables()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("query"), QStringLiteral("query Q($id: ID!) { user(id: $id) { lastName } }"));
    query.addQueryItem(QStringLiteral("variables"), QStringLiteral(R"({"id": "3"})"));
    query.addQueryItem(QStringLiteral("operationName"), QStringLiteral("Q"));
    QUrl target = url();
    target.setQuery(query);
    const HttpReply reply = m_http->send(QNetworkRequest(target), "GET");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json(), parseObject(QByteArrayLiteral(R"({"data": {"user": {"lastName": "Torvalds"}}})")));

    // A browser gets a page that says what this is.
    QNetworkRequest page(url());
    page.setRawHeader("Accept", "text/html,application/xhtml+xml");
    const HttpReply html = m_http->send(page, "GET");
    QCOMPARE(html.status, 200);
    QVERIFY(html.header("Content-Type").startsWith("text/html"));
    QVERIFY(html.body.contains("graphql-transport-ws"));
}

// graphql-over-http §6.4: the new media type when the client accepts it.
void TestGraphQLHttpHandler::responseMediaType_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("contentType");

    QTest::newRow("no Accept") << QByteArray() << QByteArray("application/json; charset=utf-8");
    QTest::newRow("application/json") << QByteArray("application/json") << QByteArray("application/json; charset=utf-8");
    QTest::newRow("graphql-response+json") << QByteArray("application/graphql-response+json")
                                           << QByteArray("application/graphql-response+json; charset=utf-8");
    QTest::newRow("both, with q values") << QByteArray("application/graphql-response+json, application/json;q=0.9")
                                         << QByteArray("application/graphql-response+json; charset=utf-8");
}

void TestGraphQLHttpHandler::responseMediaType()
{
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, contentType);
    QNetworkRequest request(url());
    request.setRawHeader("Content-Type", "application/json");
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    const HttpReply reply = m_http->send(request, "POST", R"({"query": "{ __typename }"})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), contentType);
}

// CORS (Fetch standard): preflight, and the origin the configuration allows.
void TestGraphQLHttpHandler::cors_data()
{
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allowOrigin");

    const QStringList any{QStringLiteral("*")};
    const QStringList one{QStringLiteral("https://app.example.org")};
    QTest::newRow("preflight, any origin") << any << QByteArray("OPTIONS") << QByteArray("https://x.example") << 204 << QByteArray("*");
    QTest::newRow("POST, any origin") << any << QByteArray("POST") << QByteArray("https://x.example") << 200 << QByteArray("*");
    QTest::newRow("POST without Origin: no CORS header") << any << QByteArray("POST") << QByteArray() << 200 << QByteArray();
    QTest::newRow("preflight, the allowed origin") << one << QByteArray("OPTIONS") << QByteArray("https://app.example.org") << 204
                                                   << QByteArray("https://app.example.org");
    QTest::newRow("POST, the allowed origin") << one << QByteArray("POST") << QByteArray("https://app.example.org") << 200
                                              << QByteArray("https://app.example.org");
    QTest::newRow("POST, another origin: no CORS header") << one << QByteArray("POST") << QByteArray("https://evil.example") << 200
                                                          << QByteArray();
    QTest::newRow("error responses carry it too") << any << QByteArray("PUT") << QByteArray("https://x.example") << 405 << QByteArray("*");
}

void TestGraphQLHttpHandler::cors()
{
    QFETCH(QStringList, allowed);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, origin);
    QFETCH(int, status);
    QFETCH(QByteArray, allowOrigin);

    QVERIFY(m_server->stop());
    m_server->config().corsOrigins = allowed;
    QVERIFY(m_server->start());
    QNetworkRequest request(url());
    request.setRawHeader("Content-Type", "application/json");
    if (!origin.isEmpty())
        request.setRawHeader("Origin", origin);
    if (method == "OPTIONS") {
        request.setRawHeader("Access-Control-Request-Method", "POST");
        request.setRawHeader("Access-Control-Request-Headers", "content-type");
    }
    const HttpReply reply = m_http->send(request, method, method == "OPTIONS" ? QByteArray() : QByteArray(R"({"query": "{ __typename }"})"));
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.header("Access-Control-Allow-Origin"), allowOrigin);
    if (method == "OPTIONS") {
        QVERIFY(reply.header("Access-Control-Allow-Methods").contains("POST"));
        QVERIFY(reply.header("Access-Control-Allow-Headers").toLower().contains("content-type"));
        QVERIFY(reply.body.isEmpty());
    }
    if (!allowed.contains(QStringLiteral("*")) && !allowOrigin.isEmpty())
        QCOMPARE(reply.header("Vary"), QByteArray("Origin"));
}

// Several requests on one connection, pipelined, answered in order.
void TestGraphQLHttpHandler::keepAlive()
{
    const QByteArray body = R"({"query": "{ group(id: 1) { name } }"})";
    const QByteArray request = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const QByteArray get = "GET /graphql?query=%7Bgroup(id:2)%7Bname%7D%7D HTTP/1.1\r\nHost: localhost\r\n\r\n";
    const RawExchange exchange = rawExchange(m_server->port(), request + get + request, 3);
    QCOMPARE(completeResponses(exchange.received), 3);
    QVERIFY(!exchange.closedByServer);
    QCOMPARE(exchange.received.count("Connection: keep-alive"), 3);
    const qsizetype first = exchange.received.indexOf("editors");
    const qsizetype second = exchange.received.indexOf("reviewers");
    QVERIFY(first > 0 && second > first && exchange.received.lastIndexOf("editors") > second);
}

void TestGraphQLHttpHandler::connectionClose_data()
{
    QTest::addColumn<QByteArray>("head");

    QTest::newRow("HTTP/1.1 with Connection: close") << QByteArray("GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QTest::newRow("HTTP/1.0") << QByteArray("GET /graphql?query=%7B__typename%7D HTTP/1.0\r\n\r\n");
}

void TestGraphQLHttpHandler::connectionClose()
{
    QFETCH(QByteArray, head);
    const RawExchange exchange = rawExchange(m_server->port(), head, 2);
    QCOMPARE(exchange.status(), 200);
    QVERIFY(exchange.closedByServer);
    QCOMPARE(exchange.responseCount(), 1);
    QVERIFY(exchange.received.contains("Connection: close\r\n"));
    QVERIFY(exchange.received.endsWith(R"({"data":{"__typename":"Query"}})"));
}

// The seed's subscribe over HTTP: enum names in the result; a channel that no socket has is
// refused, with HTTP 200 (it is a field result, not a request error).
void TestGraphQLHttpHandler::seedOperations()
{
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    HttpReply reply = m_http->graphql(url(), QStringLiteral("subscription ($c: String!) { userSubscription(channelId: $c, action: ALL_ACTIONS, "
                                                            "operation: SUBSCRIBE) { ok error stream operation action } }"),
                                      {{QStringLiteral("c"), client.channelId()}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json(), parseObject(QByteArrayLiteral(R"({"data": {"userSubscription": {"ok": true, "error": null, "stream": "users", "operation": "SUBSCRIBE", "action": "ALL_ACTIONS"}}})")));
    QCOMPARE(client.next(), QStringLiteral(R"({"stream": "users", "operation": "subscribe", "action": "all_actions", "ok": true, "error": null})"));

    reply = m_http->graphql(url(), QStringLiteral("subscription { groupSubscription(channelId: \"nobodyHere!atAllxxxxx\", action: DELETE, "
                                                  "operation: UNSUBSCRIBE) { ok error stream operation action } }"));
    QCOMPARE(reply.status, 200);
    const QJsonObject result = reply.json().value(QLatin1String("data")).toObject().value(QLatin1String("groupSubscription")).toObject();
    QCOMPARE(result.value(QLatin1String("ok")), QJsonValue(false));
    QVERIFY(result.value(QLatin1String("error")).toString().contains(QLatin1String("nobodyHere!atAllxxxxx")));
    QCOMPARE(result.value(QLatin1String("stream")).toString(), QStringLiteral("groups"));
    QCOMPARE(result.value(QLatin1String("operation")).toString(), QStringLiteral("UNSUBSCRIBE"));
    QCOMPARE(result.value(QLatin1String("action")).toString(), QStringLiteral("DELETE"));
}

QTEST_GUILESS_MAIN(TestGraphQLHttpHandler)
#include "tst_graphqlhttphandler.moc"

// SPDX-License-Identifier: MIT
// HttpConnection on real sockets: a response reaches the peer from inside respond(), before the
// event loop runs again (the server's next pass may be a long fan-out of the change the request
// made, and the caller must not wait for it); pipelined requests on a kept-alive connection are
// answered one after the other, in order.
#include "httpconnection.h"

#include <QHostAddress>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Subscriptor::Transport;

namespace {

constexpr int TimeoutMs = 5000;
constexpr int MaxHeadBytes = 16 * 1024;
constexpr int MaxBodyBytes = 1024 * 1024;

QByteArray post(const QByteArray &body)
{
    return "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestHttpConnection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void responseLeavesInsideRespond();
    void pipelinedRequestsAnsweredInOrder();

private:
    QTcpServer m_server;
    QTcpSocket m_client;
    std::unique_ptr<HttpConnection> m_connection;
};

void TestHttpConnection::init()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
    m_client.setProxy(QNetworkProxy::NoProxy);
    m_client.connectToHost(QHostAddress::LocalHost, m_server.serverPort());
    QVERIFY(m_client.waitForConnected(TimeoutMs));
    QVERIFY(m_server.waitForNewConnection(TimeoutMs));
    m_connection = std::make_unique<HttpConnection>(m_server.nextPendingConnection(), MaxHeadBytes, MaxBodyBytes);
}

void TestHttpConnection::cleanup()
{
    m_connection.reset();
    m_client.abort();
    m_server.close();
}

void TestHttpConnection::responseLeavesInsideRespond()
{
    QByteArray receivedInside;
    bool handled = false;
    connect(m_connection.get(), &HttpConnection::requestReceived, this,
            [&](HttpConnection *connection, const HttpRequest &request) {
                connection->respond(HttpResponse::json(200, "{\"echo\": " + request.body + '}'));
                // Still inside the request's handling: the event loop has not run since respond().
                // waitForReadyRead() polls this one socket and nothing else.
                if (m_client.waitForReadyRead(TimeoutMs))
                    receivedInside = m_client.readAll();
                handled = true;
            });
    m_client.write(post("{\"n\": 1}"));
    m_client.flush();
    QTRY_VERIFY_WITH_TIMEOUT(handled, TimeoutMs);
    QVERIFY2(receivedInside.startsWith("HTTP/1.1 200"), receivedInside.constData());
    QVERIFY(receivedInside.endsWith("{\"echo\": {\"n\": 1}}"));
}

void TestHttpConnection::pipelinedRequestsAnsweredInOrder()
{
    int requests = 0;
    connect(m_connection.get(), &HttpConnection::requestReceived, this,
            [&](HttpConnection *connection, const HttpRequest &request) {
                ++requests;
                connection->respond(HttpResponse::json(200, request.body));
            });
    m_client.write(post("\"first\"") + post("\"second\"") + post("\"third\""));
    m_client.flush();
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += m_client.readAll()).count("HTTP/1.1 200") == 3, TimeoutMs);
    QCOMPARE(requests, 3);
    const qsizetype first = received.indexOf("\"first\"");
    const qsizetype second = received.indexOf("\"second\"");
    const qsizetype third = received.indexOf("\"third\"");
    QVERIFY(first > 0 && first < second && second < third);
    QCOMPARE(m_client.state(), QAbstractSocket::ConnectedState); // kept alive
}

QTEST_GUILESS_MAIN(TestHttpConnection)
#include "tst_httpconnection.moc"

// SPDX-License-Identifier: MIT
// WebSocketSession: the bounded outgoing queue and its slow-consumer policy (DESIGN.md, Fan-out).
// A client that stops reading (its thread stalls, so the kernel's buffers fill and the server's
// queue grows) is closed with 4008 once its queue passes the bound, with the close frame after
// everything queued before it; the server's queue for it never grows past the bound (plus the
// frame that crossed it); other clients get every notification; and a client that reads, however
// large the burst the server makes at once, is never closed. The frames the server builds itself
// reach a QWebSocket client whole at every length the header can say (and past what the kernel
// takes at once, the rest follows from the socket's buffer).
#include "catalog.h"
#include "modelstore.h"
#include "seedsession.h"
#include "transporttestsupport.h"

#include <QMutex>
#include <QProcess>
#include <QSemaphore>
#include <QThread>

#include <atomic>

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;

namespace {

constexpr qint64 QueueBound = 256 * 1024;
constexpr int BigValueBytes = 16 * 1024;

/// A seed client in a thread of its own, which the test can stall: while stalled it reads
/// nothing, as a client on a slow link or a frozen tab.
class StalledClient final
{
public:
    StalledClient()
    {
        m_thread.start();
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
    }
    ~StalledClient()
    {
        resume();
        QMetaObject::invokeMethod(m_context, [this] {
            delete m_socket;
            delete m_context;
        }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    Q_DISABLE_COPY_MOVE(StalledClient)

    bool open(const QUrl &url)
    {
        QMetaObject::invokeMethod(m_context, [this, url] {
            m_socket = new QWebSocket;
            m_socket->setProxy(QNetworkProxy::NoProxy);
            QObject::connect(m_socket, &QWebSocket::textMessageReceived, m_context, [this](const QString &frame) {
                if (m_frames++ == 0) {
                    const QMutexLocker lock(&m_mutex);
                    m_channelId = parseObject(frame).value(QLatin1String("channel_id")).toString();
                }
            });
            QObject::connect(m_socket, &QWebSocket::disconnected, m_context, [this] {
                m_closeCode = int(m_socket->closeCode());
                const QMutexLocker lock(&m_mutex);
                m_closeReason = m_socket->closeReason();
                m_disconnected = true;
            });
            m_socket->open(url);
        });
        return waitFor([this] { return !channelId().isEmpty() || m_disconnected; }) && !channelId().isEmpty();
    }
    /// Blocks the client's thread until resume(): it reads nothing meanwhile.
    void stall()
    {
        QMetaObject::invokeMethod(m_context, [this] { m_gate.acquire(); });
    }
    void resume()
    {
        if (m_gate.available() == 0)
            m_gate.release();
    }
    QString channelId() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_channelId;
    }
    int frames() const { return m_frames; }
    bool isDisconnected() const { return m_disconnected; }
    int closeCode() const { return m_closeCode; }
    QString closeReason() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_closeReason;
    }

private:
    QThread m_thread;
    QObject *m_context = nullptr;
    QWebSocket *m_socket = nullptr;
    QSemaphore m_gate;
    mutable QMutex m_mutex;
    QString m_channelId;
    QString m_closeReason;
    std::atomic<int> m_frames{0};
    std::atomic<int> m_closeCode{0};
    std::atomic<bool> m_disconnected{false};
};

/// What the server holds for one seed connection, read in its thread.
struct SessionState
{
    bool present = false;
    bool closing = false;
    qint64 queuedBytes = 0;
};

} // namespace

class TestWebSocketSession final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void slowConsumerIsClosed();
    void messageBoundAlsoCounts();
    void burstToAReaderIsNotSlow();
    void framesOfEveryLength_data();
    void framesOfEveryLength();

private:
    bool subscribeAll(const QString &channelId, const QString &action = QStringLiteral("UPDATE"));
    SessionState session(const QString &channelId);
    /// Updates user 5 `count` times in the server's thread, each time with a new big value.
    bool updateMany(int count);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    int m_updates = 0;
};

void TestWebSocketSession::init()
{
    m_server = std::make_unique<TestServer>();
    m_server->config().limits.maxQueuedBytes = QueueBound;
    m_http = std::make_unique<HttpClient>();
    m_updates = 0;
    QVERIFY(m_server->start());
}

void TestWebSocketSession::cleanup()
{
    m_http.reset();
    m_server.reset();
}

bool TestWebSocketSession::subscribeAll(const QString &channelId, const QString &action)
{
    const HttpReply reply = m_http->graphql(m_server->httpUrl(),
        QStringLiteral("subscription ($c: String!) { userSubscription(channelId: $c, action: %1, operation: SUBSCRIBE) { ok error } }").arg(action),
        {{QStringLiteral("c"), channelId}});
    const bool ok = reply.json().value(QLatin1String("data")).toObject().value(QLatin1String("userSubscription")).toObject()
                        .value(QLatin1String("ok")).toBool();
    if (!ok)
        qWarning("subscribe failed: %s", reply.body.constData());
    return ok;
}

SessionState TestWebSocketSession::session(const QString &channelId)
{
    SessionState state;
    m_server->inCore([&](ServerCore &core) {
        for (Transport::WebSocketSession *session : core.sessions()) {
            auto *seed = qobject_cast<Transport::SeedSession *>(session);
            if (seed && seed->channelId() == channelId) {
                state.present = true;
                state.closing = seed->isClosing();
                state.queuedBytes = seed->queuedBytes();
            }
        }
    });
    return state;
}

bool TestWebSocketSession::updateMany(int count)
{
    bool ok = true;
    const int first = m_updates;
    m_updates += count;
    m_server->inCore([&](ServerCore &core) {
        const Model::ModelPtr model = core.backend().catalog()->modelByStream(u"users");
        for (int i = first; i < first + count && ok; ++i) {
            QString value = QString::number(i) + u' ';
            value += QString(BigValueBytes, u'x');
            const Model::Row values = GraphQL::ObjectBuilder().append("id", qint64(5)).append("last_name", value).build();
            ok = core.backend().store().update(*model, values).ok;
        }
    });
    return ok;
}

void TestWebSocketSession::slowConsumerIsClosed()
{
    StalledClient slow;
    QVERIFY(slow.open(m_server->webSocketUrl()));
    WsClient healthy;
    QVERIFY(healthy.openSeed(m_server->webSocketUrl()));
    QVERIFY(subscribeAll(slow.channelId()));
    QVERIFY(subscribeAll(healthy.channelId()));
    QVERIFY(waitFor([&] { return slow.frames() == 2; })); // the connect frame and the ack
    QVERIFY(healthy.waitForFrames(2));
    healthy.skipAll();

    slow.stall();
    qint64 mostQueued = 0;
    // Bounded by data, not time: far more than the kernel's buffers and the bound can hold.
    for (int round = 0; round < 400; ++round) {
        QVERIFY(updateMany(10));
        const SessionState state = session(slow.channelId());
        if (!state.present || state.closing)
            break;
        mostQueued = qMax(mostQueued, state.queuedBytes);
        // Let the healthy one read as it goes, as a live client would.
        QVERIFY(healthy.waitForFrames(2 + m_updates));
    }
    const SessionState closed = session(slow.channelId());
    QVERIFY2(!closed.present || closed.closing, "the stalled client was never closed");
    // The server held no more for it than the bound and the frame that crossed it (and the close frame).
    QVERIFY2(mostQueued <= QueueBound + BigValueBytes + 1024, qPrintable(QString::number(mostQueued)));
    QVERIFY(closed.queuedBytes <= QueueBound + BigValueBytes + 1024);

    // Reading again, the client gets what was queued before the close, then 4008.
    slow.resume();
    QVERIFY(waitFor([&] { return slow.isDisconnected(); }));
    QCOMPARE(slow.closeCode(), int(Transport::CloseCode::SlowConsumer));
    QVERIFY2(slow.closeReason().startsWith(QLatin1String("Slow consumer")), qPrintable(slow.closeReason()));
    QVERIFY(slow.frames() > 2);
    QVERIFY(slow.frames() < m_updates + 2);

    // The other client got every change, in order, and is still served.
    QVERIFY(healthy.waitForFrames(2 + m_updates));
    for (int i = 0; i < m_updates; ++i) {
        const QString lastName = parseObject(healthy.next()).value(QLatin1String("payload")).toObject().value(QLatin1String("data"))
                                     .toObject().value(QLatin1String("last_name")).toString();
        QVERIFY2(lastName.startsWith(QString::number(i) + u' '), qPrintable(lastName.left(20)));
    }
    QVERIFY(healthy.isConnected());
    QVERIFY(waitFor([this] { return m_server->sessionCount() == 1; }));
    QCOMPARE(m_server->subscriptionCount(), 1);
}

// The bound in messages closes a stalled client too, whatever the frames' size.
void TestWebSocketSession::messageBoundAlsoCounts()
{
    QVERIFY(m_server->stop());
    m_server->config().limits.maxQueuedBytes = ServerLimits::DefaultMaxQueuedBytes;
    m_server->config().limits.maxQueuedMessages = 200;
    QVERIFY(m_server->start());
    StalledClient slow;
    QVERIFY(slow.open(m_server->webSocketUrl()));
    QVERIFY(subscribeAll(slow.channelId()));
    QVERIFY(waitFor([&] { return slow.frames() == 2; }));
    slow.stall();
    bool closing = false;
    // Small frames: the kernel's buffers take tens of thousands before the server's queue grows.
    for (int round = 0; round < 500 && !closing; ++round) {
        m_server->inCore([&](ServerCore &core) {
            const Model::ModelPtr model = core.backend().catalog()->modelByStream(u"users");
            for (int i = 0; i < 100; ++i) {
                const Model::Row values = GraphQL::ObjectBuilder().append("id", qint64(5)).append("last_name", QString::number(++m_updates)).build();
                core.backend().store().update(*model, values);
            }
        });
        const SessionState state = session(slow.channelId());
        closing = !state.present || state.closing;
    }
    QVERIFY2(closing, "the stalled client was never closed");
    slow.resume();
    QVERIFY(waitFor([&] { return slow.isDisconnected(); }));
    QCOMPARE(slow.closeCode(), int(Transport::CloseCode::SlowConsumer));
}

// A client that reads is not slow, even when one change dispatch queues more frames for it at
// once than the message bound: a bulk write by another program (one sqlite3 transaction of
// 600 rows) reaches it whole. (600 small frames fit the kernel's socket buffers, so this holds
// even when the reader's thread gets no processor during the burst.)
void TestWebSocketSession::burstToAReaderIsNotSlow()
{
    QVERIFY(m_server->stop());
    m_server->config().limits.maxQueuedMessages = 100;
    QVERIFY(m_server->start());
    StalledClient reader; // in its own thread, reading all along
    QVERIFY(reader.open(m_server->webSocketUrl()));
    QVERIFY(subscribeAll(reader.channelId(), QStringLiteral("CREATE")));
    QVERIFY(waitFor([&] { return reader.frames() == 2; }));

    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {QStringLiteral("-cmd"), QStringLiteral(".timeout 10000"), m_server->databasePath(),
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) "
                       "INSERT INTO auth_user (username) SELECT 'bulk' || i FROM n;")});
    QVERIFY(shell.waitForFinished(Timeout));
    QCOMPARE(shell.exitCode(), 0);
    QVERIFY2(waitFor([&] { return reader.frames() == 602 || reader.isDisconnected(); }),
             qPrintable(QString::number(reader.frames())));
    QVERIFY2(!reader.isDisconnected(), qPrintable(QStringLiteral("closed with %1 after %2 frames").arg(reader.closeCode()).arg(reader.frames())));
}

void TestWebSocketSession::framesOfEveryLength_data()
{
    // RFC 6455 §5.2: a payload under 126 bytes has its length in the header's first byte, one
    // up to 65,535 in two more, a larger one in eight more. The server frames notifications itself.
    // (The first frame, `channel_id`, is one of the short kind.)
    QTest::addColumn<int>("valueBytes");
    QTest::newRow("16-bit length") << 1;
    QTest::newRow("16-bit length, largest") << 65'000;
    QTest::newRow("64-bit length") << 70'000;
    QTest::newRow("64-bit length, over a megabyte") << 1'200'000;
}

void TestWebSocketSession::framesOfEveryLength()
{
    QFETCH(int, valueBytes);
    WsClient client;
    QVERIFY(client.openSeed(m_server->webSocketUrl()));
    QVERIFY(subscribeAll(client.channelId()));
    QVERIFY(client.waitForFrames(2));
    client.skipAll();
    const QString value = QString(valueBytes - 1, u'é').left(valueBytes / 2) + u'!';
    m_server->inCore([&](ServerCore &core) {
        const Model::ModelPtr model = core.backend().catalog()->modelByStream(u"users");
        QVERIFY(core.backend().store().update(*model, GraphQL::ObjectBuilder().append("id", qint64(5)).append("last_name", value).build()).ok);
    });
    const QJsonObject data = parseObject(client.next()).value(QLatin1String("payload")).toObject().value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("last_name")).toString(), value);
    QCOMPARE(data.value(QLatin1String("username")).toString(), QStringLiteral("meaghan90"));
    QVERIFY(client.isConnected());
}

QTEST_GUILESS_MAIN(TestWebSocketSession)
#include "tst_websocketsession.moc"

// SPDX-License-Identifier: MIT
// Keep-alive of WebSocket peers, on real sockets against a Server in this process: the server
// pings a peer it has not heard from for keepAliveMs, drops one that leaves its pings unanswered,
// keeps one that answers, and pings connections that were opened together in small groups spread
// over its sweep interval (ServerCore::SweepSlices), not in one burst of writes that would hold
// up the fan-out of the next change. The peers are bare TCP sockets: a QWebSocket answers pings
// without showing them.
#include "transporttestsupport.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace Subscriptor;
using namespace Subscriptor::TestSupport;

namespace {

constexpr int KeepAliveMs = 300;
constexpr int OpCodePing = 0x9;
constexpr int OpCodePong = 0xA;

/// A WebSocket of the seed protocol (no subprotocol) on a bare TCP socket, which records when
/// each ping arrives and answers it, or not.
class Peer final
{
public:
    Peer(const QUrl &url, const QElapsedTimer &clock, bool answers) : m_clock(clock), m_answers(answers)
    {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { read(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] { m_closed = true; });
        m_socket.connectToHost(url.host(), quint16(url.port()));
        m_socket.write("GET " + url.path().toUtf8() + " HTTP/1.1\r\nHost: " + url.host().toUtf8()
                       + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    }
    Q_DISABLE_COPY_MOVE(Peer)

    bool connected() const { return m_frames > 0; } // the channel frame came
    bool closed() const { return m_closed; }
    const QList<qint64> &pings() const { return m_pings; } // ms on the test's clock

private:
    void read()
    {
        m_buffer += m_socket.readAll();
        if (!m_upgraded) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            QVERIFY2(m_buffer.startsWith("HTTP/1.1 101"), m_buffer.constData());
            m_upgraded = true;
            m_buffer.remove(0, end + 4);
        }
        // Server frames are unmasked (RFC 6455 §5.1): opcode, length, payload.
        while (m_buffer.size() >= 2) {
            const int opcode = quint8(m_buffer[0]) & 0x0f;
            qsizetype length = quint8(m_buffer[1]) & 0x7f;
            qsizetype header = 2;
            if (length == 126) {
                if (m_buffer.size() < 4)
                    return;
                length = (qsizetype(quint8(m_buffer[2])) << 8) | quint8(m_buffer[3]);
                header = 4;
            }
            QVERIFY2(length < 127, "no frame of this test is that long");
            if (m_buffer.size() < header + length)
                return;
            const QByteArray payload = m_buffer.mid(header, length);
            m_buffer.remove(0, header + length);
            ++m_frames;
            if (opcode == OpCodePing) {
                m_pings.append(m_clock.elapsed());
                if (m_answers)
                    pong(payload);
            }
        }
    }
    void pong(const QByteArray &payload)
    {
        // A client's frame is masked (§5.3); a zero mask leaves the payload as it is.
        QByteArray frame;
        frame.append(char(0x80 | OpCodePong));
        frame.append(char(0x80 | payload.size()));
        frame.append(4, '\0');
        frame.append(payload);
        m_socket.write(frame);
    }

    const QElapsedTimer &m_clock;
    const bool m_answers;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_upgraded = false;
    bool m_closed = false;
    int m_frames = 0;
    QList<qint64> m_pings;
};

} // namespace

class TestKeepAlive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void unansweredPingsDropThePeer();
    void pingsOfPeersOpenedTogetherAreSpread();

private:
    /// Opens `count` peers at once; false unless each gets its channel frame.
    bool open(int count, bool answer);

    std::unique_ptr<TestServer> m_server;
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<Peer>> m_peers;
};

void TestKeepAlive::init()
{
    m_server = std::make_unique<TestServer>();
    m_server->config().limits.keepAliveMs = KeepAliveMs;
    QVERIFY(m_server->start());
    m_clock.start();
}

void TestKeepAlive::cleanup()
{
    m_peers.clear();
    m_server.reset();
}

bool TestKeepAlive::open(int count, bool answer)
{
    for (int i = 0; i < count; ++i)
        m_peers.push_back(std::make_unique<Peer>(m_server->webSocketUrl(), m_clock, answer));
    return waitFor([this] {
        return std::all_of(m_peers.begin(), m_peers.end(), [](const auto &peer) { return peer->connected(); });
    });
}

// A peer that answers stays; one that does not is dropped once twice the keep-alive has passed.
void TestKeepAlive::unansweredPingsDropThePeer()
{
    QVERIFY(open(1, true));
    QVERIFY(open(1, false));
    const Peer &answering = *m_peers[0];
    const Peer &silent = *m_peers[1];
    QVERIFY(waitFor([&] { return silent.closed(); }));
    QVERIFY(!silent.pings().isEmpty());
    QVERIFY(waitFor([&] { return answering.pings().size() >= 2; })); // pinged again after its pong
    QVERIFY(!answering.closed());
    QVERIFY(waitFor([this] { return m_server->sessionCount() == 1; }));
}

// 40 peers opened together fall due for a ping together. The sweep takes a slice of the sessions
// per tick, so the pings leave in many small groups, about 20 over a second: without slices, one
// sweep (or two, at its edge) would write them all. Pings that arrive within a few milliseconds of
// each other count as one group; a test thread held up for a while merges a few groups, so the
// bound asks for far fewer than 20.
void TestKeepAlive::pingsOfPeersOpenedTogetherAreSpread()
{
    constexpr int Peers = 40;
    QVERIFY(open(Peers, true));
    QVERIFY(waitFor([this] {
        return std::all_of(m_peers.begin(), m_peers.end(), [](const auto &peer) { return !peer->pings().isEmpty(); });
    }));
    QList<qint64> firstPings;
    for (const auto &peer : m_peers)
        firstPings.append(peer->pings().first());
    std::sort(firstPings.begin(), firstPings.end());
    constexpr qint64 SameGroupMs = 10;
    int groups = 1;
    for (qsizetype i = 1; i < firstPings.size(); ++i) {
        if (firstPings[i] - firstPings[i - 1] > SameGroupMs)
            ++groups;
    }
    QVERIFY2(groups >= 5, qPrintable(QStringLiteral("the %1 pings came in %2 groups").arg(Peers).arg(groups)));
    QCOMPARE(m_server->sessionCount(), Peers);
}

QTEST_GUILESS_MAIN(TestKeepAlive)
#include "tst_keepalive.moc"

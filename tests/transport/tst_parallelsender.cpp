// SPDX-License-Identifier: MIT
// ParallelSender on real sockets: every connection gets every byte of its frames, in order, from
// however many threads; `taken` says how much each kernel buffer took, so that a reader that does
// not read loses nothing (the rest is the caller's to keep). The frames are shared between the
// connections, as a fan-out's are.
#include "parallelsender.h"

#include <QTest>

#include <numeric>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Subscriptor::Transport;

namespace {

/// A connected pair of stream sockets: the server's end writes, the test reads the other.
struct SocketPair
{
    int server = -1;
    int client = -1;
    SocketPair()
    {
#ifdef Q_OS_LINUX
        int ends[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, ends) == 0) {
            server = ends[0];
            client = ends[1];
            ::fcntl(server, F_SETFL, ::fcntl(server, F_GETFL) | O_NONBLOCK);
        }
#endif
    }
    ~SocketPair()
    {
#ifdef Q_OS_LINUX
        ::close(server);
        ::close(client);
#endif
    }
    Q_DISABLE_COPY_MOVE(SocketPair)

    QByteArray readAvailable() const
    {
        QByteArray all;
#ifdef Q_OS_LINUX
        char buffer[64 * 1024];
        for (ssize_t got; (got = ::recv(client, buffer, sizeof buffer, MSG_DONTWAIT)) > 0;)
            all.append(buffer, got);
#endif
        return all;
    }
};

} // namespace

class TestParallelSender final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyConnectionGetsItsFramesInOrder_data();
    void everyConnectionGetsItsFramesInOrder();
    void aFullBufferTakesPart();
    void helpersForCores();
};

void TestParallelSender::initTestCase()
{
#ifndef Q_OS_LINUX
    QSKIP("direct writes are a Linux path; elsewhere the sessions write through Qt");
#endif
}

void TestParallelSender::everyConnectionGetsItsFramesInOrder_data()
{
    QTest::addColumn<int>("helpers");
    QTest::addColumn<int>("connections");
    QTest::newRow("caller only") << 0 << 300;
    QTest::newRow("one helper, too few to share") << 1 << 20;
    QTest::newRow("one helper") << 1 << 300;
    QTest::newRow("three helpers") << 3 << 400; // two descriptors each, under the usual limit of 1,024
}

void TestParallelSender::everyConnectionGetsItsFramesInOrder()
{
    QFETCH(int, helpers);
    QFETCH(int, connections);
    ParallelSender sender(helpers);
    QCOMPARE(sender.helpers(), helpers);
    std::vector<std::unique_ptr<SocketPair>> pairs;
    // Three frames shared by everyone, a fourth of each connection's own; more than 64 frames
    // for one connection take several calls.
    const std::vector<QByteArray> shared = {QByteArray("first;"), QByteArray(3000, 'x'), QByteArray("last;")};
    std::vector<WebSocketSession::DirectWrite> writes(static_cast<size_t>(connections));
    for (int i = 0; i < connections; ++i) {
        pairs.push_back(std::make_unique<SocketPair>());
        QVERIFY(pairs.back()->server >= 0);
        writes[size_t(i)].descriptor = pairs.back()->server;
        writes[size_t(i)].frames = shared;
        writes[size_t(i)].frames.push_back("own " + QByteArray::number(i));
        if (i == 0) {
            for (int extra = 0; extra < 100; ++extra)
                writes[0].frames.push_back(QByteArray::number(extra) + ',');
        }
    }
    // Two rounds: the helpers wait for the next one in between.
    for (int round = 0; round < 2; ++round) {
        sender.send(writes);
        for (int i = 0; i < connections; ++i) {
            const WebSocketSession::DirectWrite &write = writes[size_t(i)];
            const QByteArray expected = std::accumulate(write.frames.begin(), write.frames.end(), QByteArray());
            QCOMPARE(write.taken, expected.size());
            QCOMPARE(pairs[size_t(i)]->readAvailable(), expected);
        }
    }
}

void TestParallelSender::aFullBufferTakesPart()
{
    // A reader that reads nothing: its buffer takes part of 8 MB, and `taken` says how much.
    ParallelSender sender(1);
    SocketPair pair;
    std::vector<WebSocketSession::DirectWrite> writes(1);
    writes[0].descriptor = pair.server;
    for (int i = 0; i < 8; ++i)
        writes[0].frames.push_back(QByteArray(1024 * 1024, char('a' + i)));
    sender.send(writes);
    QVERIFY2(writes[0].taken > 0 && writes[0].taken < 8 * 1024 * 1024, qPrintable(QString::number(writes[0].taken)));
    const QByteArray all = std::accumulate(writes[0].frames.begin(), writes[0].frames.end(), QByteArray());
    QCOMPARE(pair.readAvailable(), all.left(writes[0].taken));
#ifdef Q_OS_LINUX
    // A closed peer: nothing taken, nothing thrown, no SIGPIPE.
    ::close(pair.client);
    pair.client = -1;
    sender.send(writes);
    QCOMPARE(writes[0].taken, 0);
#endif
}

void TestParallelSender::helpersForCores()
{
    QCOMPARE(ParallelSender::helpersFor(1), 0);
    QCOMPARE(ParallelSender::helpersFor(2), 1);
    QCOMPARE(ParallelSender::helpersFor(4), 3);
    QCOMPARE(ParallelSender::helpersFor(64), 3);
}

QTEST_GUILESS_MAIN(TestParallelSender)
#include "tst_parallelsender.moc"

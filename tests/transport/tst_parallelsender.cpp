// SPDX-License-Identifier: MIT
// ParallelSender and its BatchWriters on real sockets: every connection gets every byte of its
// frames, in order, from however many threads, through io_uring or one sendmsg per connection;
// `taken` says how much each kernel buffer took, so that a reader that does not read loses nothing
// (the rest is the caller's to keep). The frames are shared between the connections, as a
// fan-out's are.
#include "parallelsender.h"

#include <QTest>

#include <QFile>

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
    void aFullBufferTakesPart_data();
    void aFullBufferTakesPart();
    void theRingIsUsedWhereTheKernelAllows();
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
    QTest::addColumn<BatchWriter::Kernel>("kernel");
    for (const auto &[name, kernel] : {std::pair("ring", BatchWriter::Kernel::Best),
                                       std::pair("sendmsg", BatchWriter::Kernel::OneCallPerConnection)}) {
        // More connections than a ring submission takes (BatchWriter::RingEntries).
        QTest::addRow("%s, caller only", name) << 0 << 300 << kernel;
        QTest::addRow("%s, one helper, too few to share", name) << 1 << 20 << kernel;
        QTest::addRow("%s, one helper", name) << 1 << 300 << kernel;
        // two descriptors each, under the usual limit of 1,024
        QTest::addRow("%s, three helpers", name) << 3 << 400 << kernel;
    }
}

void TestParallelSender::everyConnectionGetsItsFramesInOrder()
{
    QFETCH(int, helpers);
    QFETCH(int, connections);
    QFETCH(BatchWriter::Kernel, kernel);
    ParallelSender sender(helpers, kernel);
    QCOMPARE(sender.helpers(), helpers);
    std::vector<std::unique_ptr<SocketPair>> pairs;
    // Three frames shared by everyone, a fourth of each connection's own. The first connection
    // has more frames than one sendmsg takes (IOV_MAX, 1,024), the second more than writeNow()
    // puts in one call (64).
    const std::vector<QByteArray> shared = {QByteArray("first;"), QByteArray(3000, 'x'), QByteArray("last;")};
    std::vector<WebSocketSession::DirectWrite> writes(static_cast<size_t>(connections));
    for (int i = 0; i < connections; ++i) {
        pairs.push_back(std::make_unique<SocketPair>());
        QVERIFY(pairs.back()->server >= 0);
        writes[size_t(i)].descriptor = pairs.back()->server;
        writes[size_t(i)].frames = shared;
        writes[size_t(i)].frames.push_back("own " + QByteArray::number(i));
        for (int extra = 0; extra < (i == 0 ? 1500 : i == 1 ? 100 : 0); ++extra)
            writes[size_t(i)].frames.push_back(QByteArray::number(extra) + ',');
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

void TestParallelSender::aFullBufferTakesPart_data()
{
    QTest::addColumn<BatchWriter::Kernel>("kernel");
    QTest::newRow("ring") << BatchWriter::Kernel::Best;
    QTest::newRow("sendmsg") << BatchWriter::Kernel::OneCallPerConnection;
}

void TestParallelSender::aFullBufferTakesPart()
{
    // A reader that reads nothing: its buffer takes part of 8 MB, and `taken` says how much; the
    // send does not wait for room.
    QFETCH(BatchWriter::Kernel, kernel);
    ParallelSender sender(1, kernel);
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

void TestParallelSender::theRingIsUsedWhereTheKernelAllows()
{
    QVERIFY(!ParallelSender(0, BatchWriter::Kernel::OneCallPerConnection).usesRing());
#ifdef SUBSCRIPTOR_HAVE_IO_URING
    // Linux 6.6 and later say whether io_uring is allowed; elsewhere (or under seccomp) the
    // fallback above is what runs.
    QFile disabled(QStringLiteral("/proc/sys/kernel/io_uring_disabled"));
    if (!disabled.open(QIODevice::ReadOnly) || disabled.readAll().trimmed() != "0")
        QSKIP("this kernel does not say it allows io_uring");
    QVERIFY(ParallelSender(0).usesRing());
#else
    QSKIP("built without liburing");
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

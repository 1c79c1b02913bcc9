// SPDX-License-Identifier: MIT
// EpollDispatcher runs this test's whole event loop, as it runs the server thread's: Qt's timers,
// sockets, posted events and nested loops must behave on it as on Qt's own dispatchers.
#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <thread>

using namespace Subscriptor::Transport;

namespace {

/// A connected pair of stream sockets, closed at the end.
struct SocketPair
{
    int ends[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, ends); }
    ~SocketPair()
    {
        ::close(ends[0]);
        ::close(ends[1]);
    }
    Q_DISABLE_COPY_MOVE(SocketPair)
};

} // namespace

class TestEpollDispatcher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void timersFireInDeadlineOrder();
    void aRepeatingTimerRepeatsUntilStopped();
    void timersOfAnObjectAreListedAndKilled();
    void aZeroTimerDoesNotStarveSockets();
    void socketsCarryEveryByteBothWays();
    void aClosedPeerIsSeen();
    void aPostFromAnotherThreadWakesTheLoop();
    void aNestedLoopDoesNotReenterItsTimer();
    void aNotifierDeletedByAnotherHandlerIsNotActivated();
    void excludedNotifiersWaitForTheNextPass();
    void aDescriptorNumberUsedAgainIsWatched();
    void deleteLaterDeletes();
};

void TestEpollDispatcher::initTestCase()
{
    QVERIFY(qobject_cast<EpollDispatcher *>(QAbstractEventDispatcher::instance()));
}

void TestEpollDispatcher::timersFireInDeadlineOrder()
{
    QList<int> order;
    QElapsedTimer clock;
    clock.start();
    QList<qint64> at;
    for (const int ms : {30, 10, 20, 0}) {
        QTimer::singleShot(ms, Qt::PreciseTimer, this, [&, ms] {
            order.append(ms);
            at.append(clock.elapsed());
        });
    }
    QTRY_COMPARE(order.size(), 4);
    QCOMPARE(order, QList<int>({0, 10, 20, 30}));
    QVERIFY2(at[1] >= 10 && at[2] >= 20 && at[3] >= 30, qPrintable(QString::number(at[3])));
}

void TestEpollDispatcher::aRepeatingTimerRepeatsUntilStopped()
{
    QTimer timer;
    timer.setInterval(5);
    int fired = 0;
    connect(&timer, &QTimer::timeout, this, [&] {
        if (++fired == 5)
            timer.stop();
    });
    timer.start();
    const int remaining = timer.remainingTime();
    QVERIFY2(remaining >= 0 && remaining <= 5, qPrintable(QString::number(remaining)));
    QTRY_COMPARE(fired, 5);
    QTest::qWait(50);
    QCOMPARE(fired, 5);
    QCOMPARE(timer.remainingTime(), -1);
}

void TestEpollDispatcher::timersOfAnObjectAreListedAndKilled()
{
    QObject object;
    auto *dispatcher = QAbstractEventDispatcher::instance();
    const int first = object.startTimer(1000);
    const int second = object.startTimer(2000, Qt::VeryCoarseTimer);
    QList<QAbstractEventDispatcher::TimerInfo> timers = dispatcher->registeredTimers(&object);
    QCOMPARE(timers.size(), 2);
    object.killTimer(first);
    timers = dispatcher->registeredTimers(&object);
    QCOMPARE(timers.size(), 1);
    QCOMPARE(timers.first().timerId, second);
    QCOMPARE(timers.first().interval, 2000);
    QVERIFY(dispatcher->remainingTime(second) > 1000);
    QVERIFY(dispatcher->unregisterTimers(&object));
    QVERIFY(dispatcher->registeredTimers(&object).isEmpty());
}

void TestEpollDispatcher::aZeroTimerDoesNotStarveSockets()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.ends[1], QSocketNotifier::Read);
    bool readable = false;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        readable = true;
        notifier.setEnabled(false);
    });
    int spins = 0;
    QTimer busy;
    busy.setInterval(0);
    connect(&busy, &QTimer::timeout, this, [&] { ++spins; });
    busy.start();
    QCOMPARE(::write(pair.ends[0], "x", 1), 1);
    QTRY_VERIFY(readable);
    QVERIFY(spins > 0);
}

void TestEpollDispatcher::socketsCarryEveryByteBothWays()
{
    // 20 clients each send 512 KiB, more than the kernel buffers take at once, and get it echoed:
    // the write notifiers are switched on and off many times on both sides.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    std::vector<std::unique_ptr<QTcpSocket>> accepted;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->write(socket->readAll()); });
            accepted.emplace_back(socket);
        }
    });
    const QByteArray payload = QByteArray(512 * 1024, 'p') + "end";
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    std::vector<QByteArray> received(20);
    for (size_t i = 0; i < received.size(); ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        QTcpSocket *client = clients.back().get();
        connect(client, &QTcpSocket::readyRead, this, [client, &received, i] { received[i] += client->readAll(); });
        client->connectToHost(QHostAddress::LocalHost, server.serverPort());
        client->write(payload);
    }
    const auto allEchoed = [&] {
        return std::all_of(received.begin(), received.end(), [&](const QByteArray &r) { return r.size() >= payload.size(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allEchoed(), 30'000);
    for (const QByteArray &echo : received)
        QCOMPARE(echo, payload);
}

void TestEpollDispatcher::aClosedPeerIsSeen()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_VERIFY(server.hasPendingConnections());
    std::unique_ptr<QTcpSocket> peer(server.nextPendingConnection());
    QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
    bool disconnected = false;
    connect(peer.get(), &QTcpSocket::disconnected, this, [&] { disconnected = true; });
    client.close();
    QTRY_VERIFY(disconnected);
}

void TestEpollDispatcher::aPostFromAnotherThreadWakesTheLoop()
{
    // Nothing else is due: the loop sleeps in epoll_wait until the other thread's post wakes it.
    QEventLoop loop;
    QTimer safety;
    safety.setSingleShot(true);
    bool timedOut = false;
    connect(&safety, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    safety.start(10'000);
    std::thread poster([&loop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    QElapsedTimer clock;
    clock.start();
    loop.exec();
    poster.join();
    QVERIFY(!timedOut);
    QVERIFY2(clock.elapsed() < 5'000, qPrintable(QString::number(clock.elapsed())));
}

void TestEpollDispatcher::aNestedLoopDoesNotReenterItsTimer()
{
    QTimer ticking;
    ticking.setInterval(2);
    int depth = 0;
    int deepest = 0;
    int ticks = 0;
    int othersDuringNested = 0;
    QTimer other;
    other.setInterval(1);
    connect(&other, &QTimer::timeout, this, [&] {
        if (depth > 0)
            ++othersDuringNested;
    });
    connect(&ticking, &QTimer::timeout, this, [&] {
        ++ticks;
        ++depth;
        deepest = std::max(deepest, depth);
        if (ticks == 1) {
            QEventLoop nested;
            QTimer::singleShot(40, &nested, &QEventLoop::quit);
            nested.exec();
        }
        --depth;
    });
    ticking.start();
    other.start();
    QTRY_VERIFY(ticks >= 3);
    QCOMPARE(deepest, 1);
    QVERIFY(othersDuringNested > 0);
}

void TestEpollDispatcher::aNotifierDeletedByAnotherHandlerIsNotActivated()
{
    SocketPair first;
    SocketPair second;
    auto a = std::make_unique<QSocketNotifier>(first.ends[1], QSocketNotifier::Read);
    auto b = std::make_unique<QSocketNotifier>(second.ends[1], QSocketNotifier::Read);
    int activations = 0;
    // Whichever comes first reads its byte and deletes the other, which was ready in the same pass.
    char byte;
    connect(a.get(), &QSocketNotifier::activated, this, [&] {
        ++activations;
        QCOMPARE(::read(first.ends[1], &byte, 1), 1);
        b.reset();
    });
    connect(b.get(), &QSocketNotifier::activated, this, [&] {
        ++activations;
        QCOMPARE(::read(second.ends[1], &byte, 1), 1);
        a.reset();
    });
    QCOMPARE(::write(first.ends[0], "x", 1), 1);
    QCOMPARE(::write(second.ends[0], "x", 1), 1);
    QTRY_COMPARE(activations, 1);
    QTest::qWait(20);
    QCOMPARE(activations, 1);
}

void TestEpollDispatcher::excludedNotifiersWaitForTheNextPass()
{
    SocketPair pair;
    QSocketNotifier notifier(pair.ends[1], QSocketNotifier::Read);
    int activations = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        ++activations;
        notifier.setEnabled(false);
    });
    QCOMPARE(::write(pair.ends[0], "x", 1), 1);
    QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers);
    QCOMPARE(activations, 0);
    QTRY_VERIFY(activations > 0);
}

void TestEpollDispatcher::aDescriptorNumberUsedAgainIsWatched()
{
    // A descriptor closed while its notifier is still on leaves epoll; the next socket may get
    // its number, and that socket's notifier must still be told.
    auto first = std::make_unique<SocketPair>();
    const int number = first->ends[1];
    auto stale = std::make_unique<QSocketNotifier>(number, QSocketNotifier::Read);
    ::close(first->ends[1]);
    first->ends[1] = -1;
    SocketPair second;
    QVERIFY(second.ends[0] == number || second.ends[1] == number);
    const int reader = second.ends[0] == number ? 0 : 1;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("several notifiers of one type")));
    QSocketNotifier fresh(number, QSocketNotifier::Read);
    bool activated = false;
    connect(&fresh, &QSocketNotifier::activated, this, [&] {
        activated = true;
        fresh.setEnabled(false);
    });
    stale.reset(); // not the descriptor's notifier any more: changes nothing
    QCOMPARE(::write(second.ends[1 - reader], "x", 1), 1);
    QTRY_VERIFY(activated);
}

void TestEpollDispatcher::deleteLaterDeletes()
{
    QPointer<QObject> object = new QObject;
    object->deleteLater();
    QTRY_VERIFY(object.isNull());
}

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new EpollDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolldispatcher.moc"

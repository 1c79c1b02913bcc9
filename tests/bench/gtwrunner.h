// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "rawwebsocket.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

// bench_gtw's servers under test and its graphql-transport-ws clients (see bench_gtw.cpp).
namespace Subscriptor::Bench::Gtw {

constexpr int Subscribers = 1'000;
constexpr double LatencyRate = 100.0; // changes per second
constexpr double RunSeconds = 5.0;
constexpr double WarmupSeconds = 0.5;
constexpr int Rounds = 2;
constexpr int MaxUnanswered = 8;   // mutations the writer has sent and not had answered
constexpr int MaxUndelivered = 32; // changes not yet received by every subscriber

struct Options
{
    QString server;
    QString node;
    QString script;
    QStringList wrapper; // around our server, e.g. valgrind --tool=callgrind
    int subscribers = Subscribers;
    double rate = LatencyRate;
    double seconds = RunSeconds;
    double warmup = WarmupSeconds;
    int rounds = Rounds;
    bool runOurs = true;
    bool runNode = true;
};

struct Throughput
{
    double deliveriesPerSecond = 0;
    double changesPerSecond = 0;
    double serverCores = 0;
    double serverWaiting = 0; // seconds per second its threads waited for a CPU
    double clientCores = 0;
};

struct Latency
{
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    size_t samples = 0;
    double firstP50Ms = 0;  // mutation sent → the first subscriber's `next`, median over changes
    double spreadP50Ms = 0; // the first subscriber's `next` → the last one's, median over changes
    double serverWaiting = 0;
};

struct Figures
{
    bool ran = false;
    Throughput throughput; // the round with the most deliveries/s
    Latency latency;       // the round with the lowest p99
    quint64 verifiedDeliveries = 0;
    quint64 changes = 0;
};

/// One server under test: its process, its connections and its count of changes.
struct Target
{
    enum class State { Connecting, Handshake, WaitAck, Subscribed, Closed };
    struct Connection
    {
        Target *target = nullptr;
        int fd = -1;
        State state = State::Connecting;
        bool writer = false;
        std::string pending;     // bytes of an incomplete head or frame
        std::string operationId; // of its subscription
        qint64 lastSeq = -1;
        qint64 firstChange = -1;
        qint64 lastChange = -1;
        quint64 received = 0;
    };

    QString name;
    bool ours = false;
    QTemporaryDir dir;
    QProcess process;
    std::string host;
    quint16 port = 0;
    std::string path;
    std::vector<std::unique_ptr<Connection>> subscribers;
    std::unique_ptr<Connection> writer;

    std::vector<qint64> sendTimes; // by change number
    std::vector<qint64> firstReceipt; // by change number (latency runs)
    std::vector<qint64> lastReceipt;
    int unanswered = 0;
    quint64 answered = 0;
    quint64 deliveries = 0;        // `next`s received by subscribers
    bool recordLatencies = false;
    std::vector<quint32> latencies; // microseconds
    std::string error;
    std::string sample;            // the first `next` a subscriber got
    Figures figures;

    quint64 changes() const { return sendTimes.size(); }
    bool failed() const { return !error.empty(); }
    void fail(const std::string &what)
    {
        if (error.empty())
            error = what;
    }
    // Changes not yet received by every subscriber (each subscriber has received every change up
    // to the last, once all are counted from the first change of the run: see Runner::probe()).
    quint64 undelivered(quint64 baselineDeliveries, quint64 baselineChanges) const
    {
        const quint64 expected = (changes() - baselineChanges) * quint64(subscribers.size());
        const quint64 got = deliveries - baselineDeliveries;
        return got >= expected ? 0 : (expected - got + subscribers.size() - 1) / subscribers.size();
    }
};

/// Starts the servers, opens their connections and runs the rounds on them, on one thread.
class Runner final
{
public:
    explicit Runner(const Options &options);
    /// Stops the servers of every target it started and closes their connections.
    ~Runner();
    Q_DISABLE_COPY_MOVE(Runner)

    bool start(Target &target);
    bool open(Target &target);
    bool probe(Target &target);
    void throughput(Target &target, Throughput &result);
    void latency(Target &target, Latency &result);
    bool drain(Target &target);
    bool verify(Target &target);
    void stop(Target &target);

private:
    using Connection = Target::Connection;
    using Result = RawWebSocket::ReadResult;

    /// Waits for socket events up to `timeoutMs` and handles them.
    void pump(int timeoutMs);
    Result readFrom(Connection &connection);
    Result handleFrame(Connection &connection, int opcode, const char *payload, size_t size);
    void handleMessage(Connection &connection, const char *payload, size_t size);
    void onNext(Connection &connection, const char *payload, size_t size);
    void onWriterMessage(Connection &connection, std::string_view type, const char *payload, size_t size);
    void sendFrame(Connection &connection, int opcode, std::string_view payload);
    void sendMutation(Target &target);
    void closeConnection(Connection &connection);

    const Options &m_options;
    int m_epoll = -1;
    std::vector<char> m_scratch;
    std::vector<Target *> m_targets;
    quint32 m_random = 0x9e3779b9u;
    qint64 m_now = 0; // when the current batch of events was read
};

} // namespace Subscriptor::Bench::Gtw

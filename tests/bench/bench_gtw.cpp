// SPDX-License-Identifier: MIT
// bench_gtw: Subscriptor next to the reference Node server (graphql-ws `useServer` on `ws`,
// graphql-js, an in-memory pubsub: reference-gtw-server.mjs), both on graphql-transport-ws, in the
// same run (issue 5). Goals: at least 10 times the Node server's deliveries per second, and a
// lower p99 latency.
//
// Each server runs as a child process (ours headless on a temporary database with the demo
// models). For each, this program opens 1,000 subscriber connections and one writer connection
// (connection_init / connection_ack), subscribes each subscriber to
//     subscription { userChanges(actions: [UPDATE]) { action seq data { id firstName } } }
// with an operation id of its own (a UUID, as the graphql-ws client makes them), and then:
//   - throughput: the writer sends `mutation { userUpdate(newUser: {id: …, firstName: …}) { ok } }`
//     over its socket as fast as the server takes them: at most 8 mutations unanswered and at most
//     32 changes not yet received by every subscriber (so no queue grows without bound);
//     deliveries/s counted over the run;
//   - latency: the writer sends 100 changes a second on a fixed schedule; each `next` gives one
//     sample, from the instant the mutation was written to the instant the `next` was read.
// The runs alternate between the servers (ours, Node, then Node, ours, …) so that a change in the
// machine's load hits both; the table takes each server's best round.
//
// Deliveries are checked, not just counted: each `next` must carry its subscription's id, its
// change (the number the writer put in `firstName`) must be the one after the previous one this
// subscriber received, and its `seq` must be higher; after each run every subscriber must have
// received every change the writer made. Any gap, duplicate, reordering or closed connection
// fails the run.
//
// The clients are lean, so that on a 2-core machine they cost far less than the servers they
// measure: raw non-blocking sockets in one epoll set, one thread, a minimal RFC 6455 client
// (handshake, masked frames out, unmasked frames in, pong), and a scan of each `next` for its
// id, seq and firstName rather than a JSON parse.
//
//   bench_gtw                 the figures (about two minutes)
//   bench_gtw --quick         a few clients for a fraction of a second, every check made (ctest);
//                             exits 77 when Node.js or tests/js/node_modules is missing

#include "procstats.h"
#include "rawwebsocket.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

// The goals (issue 5).
constexpr double GoalThroughputRatio = 10.0;

constexpr int Subscribers = 1'000;
constexpr double LatencyRate = 100.0;  // changes per second
constexpr double RunSeconds = 5.0;
constexpr double WarmupSeconds = 0.5;
constexpr int Rounds = 2;
constexpr int MaxUnanswered = 8;       // mutations the writer has sent and not had answered
constexpr int MaxUndelivered = 32;     // changes not yet received by every subscriber
constexpr int MaxOpening = 128;        // handshakes in flight at once
constexpr int OpenTimeoutMs = 120'000;
constexpr int DrainTimeoutMs = 60'000;
constexpr int StartTimeoutMs = 30'000;
constexpr int ProbeIntervalMs = 50;
constexpr size_t ScratchBytes = 256 * 1024;
constexpr int EpollBatch = 512;
constexpr int DemoRows = 6;            // auth_user rows 1..6 in both servers
constexpr int ExitSkipped = 77;

namespace RawWebSocket = Subscriptor::Bench::RawWebSocket;
using namespace Subscriptor::Bench;
using RawWebSocket::OpClose;
using RawWebSocket::OpPing;
using RawWebSocket::OpPong;
using RawWebSocket::OpText;

constexpr char SubscriptionQuery[] = "subscription { userChanges(actions: [UPDATE]) { action seq data { id firstName } } }";

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

std::string marker(quint64 change)
{
    char digits[16];
    std::snprintf(digits, sizeof digits, "m%08llu", static_cast<unsigned long long>(change % 100'000'000));
    return digits;
}

// A JSON string's characters up to its closing quote (the ids and numbers scanned here have no
// escapes); null when there is none.
const char *stringEnd(const char *from, const char *end)
{
    return static_cast<const char *>(memchr(from, '"', size_t(end - from)));
}

// The string value of the first `"key":"…"` (optionally `"key": "…"`) at or after `from`.
bool findString(const char *from, const char *end, std::string_view key, const char **value, size_t *size)
{
    for (const char *at = from; at < end;) {
        const char *hit = static_cast<const char *>(memmem(at, size_t(end - at), key.data(), key.size()));
        if (!hit)
            return false;
        const char *p = hit + key.size();
        while (p < end && (*p == ' ' || *p == ':'))
            ++p;
        if (p < end && *p == '"') {
            const char *close = stringEnd(p + 1, end);
            if (!close)
                return false;
            *value = p + 1;
            *size = size_t(close - p - 1);
            return true;
        }
        at = hit + key.size();
    }
    return false;
}

bool parseNumber(const char *text, size_t size, qint64 *number)
{
    if (size == 0 || size > 18)
        return false;
    qint64 value = 0;
    for (size_t i = 0; i < size; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    *number = value;
    return true;
}

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
    // to the last, once all are counted from the first change of the run: see Bench::probe()).
    quint64 undelivered(quint64 baselineDeliveries, quint64 baselineChanges) const
    {
        const quint64 expected = (changes() - baselineChanges) * quint64(subscribers.size());
        const quint64 got = deliveries - baselineDeliveries;
        return got >= expected ? 0 : (expected - got + subscribers.size() - 1) / subscribers.size();
    }
};

class Bench final
{
public:
    explicit Bench(const Options &options) : m_options(options), m_epoll(epoll_create1(EPOLL_CLOEXEC)), m_scratch(ScratchBytes)
    {
    }
    ~Bench()
    {
        for (Target *target : m_targets)
            stop(*target);
        if (m_epoll >= 0)
            ::close(m_epoll);
    }
    Q_DISABLE_COPY_MOVE(Bench)

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
    enum class Result { Ok, Closed, Failed };

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

quint32 next(quint32 &state)
{
    state = state * 1664525u + 1013904223u;
    return state;
}

std::string uuid(quint32 &state)
{
    // Version 4 in form, as the graphql-ws client's generateID (its uniqueness is all that matters).
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%04x%08x", next(state), next(state) & 0xffff,
                  next(state) & 0xfff, (next(state) & 0x3fff) | 0x8000, next(state) & 0xffff, next(state));
    return text;
}

bool Bench::start(Target &target)
{
    m_targets.push_back(&target);
    QString program;
    QStringList arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (target.ours) {
        program = m_options.server;
        arguments = {QStringLiteral("--headless"), QStringLiteral("--db"), target.dir.filePath(QStringLiteral("bench.db")),
                     QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--max-connections"),
                     QString::number(m_options.subscribers * 2 + 100)};
        // Connection logs at info level would be work the Node server does not do.
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=false;subscriptor.*.info=false"));
        if (!m_options.wrapper.isEmpty()) {
            arguments = m_options.wrapper.mid(1) + QStringList{program} + arguments;
            program = m_options.wrapper.first();
        }
    } else {
        program = m_options.node;
        arguments = {m_options.script, QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                     QStringLiteral("0")};
        environment.insert(QStringLiteral("NODE_ENV"), QStringLiteral("production"));
    }
    const QString outFile = target.dir.filePath(QStringLiteral("server.out"));
    target.process.setProcessEnvironment(environment);
    target.process.setStandardOutputFile(outFile);
    target.process.setStandardErrorFile(target.dir.filePath(QStringLiteral("server.log")));
    target.process.start(program, arguments);
    if (!target.process.waitForStarted(StartTimeoutMs)) {
        target.fail("cannot start " + program.toStdString() + ": " + target.process.errorString().toStdString());
        return false;
    }
    static const QRegularExpression listening(QStringLiteral(R"(^listening ws://([0-9.]+):(\d+)(/\S*)\s*$)"),
                                              QRegularExpression::MultilineOption);
    const qint64 deadline = monotonicNs() + qint64(StartTimeoutMs) * 1'000'000;
    while (monotonicNs() < deadline) {
        QFile file(outFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QRegularExpressionMatch match = listening.match(QString::fromUtf8(file.readAll()));
            if (match.hasMatch()) {
                target.host = match.captured(1).toStdString();
                target.port = quint16(match.captured(2).toUInt());
                target.path = match.captured(3).toStdString();
                return true;
            }
        }
        if (target.process.state() == QProcess::NotRunning || target.process.waitForFinished(50)) {
            target.fail(program.toStdString() + " exited at start");
            return false;
        }
    }
    target.fail(program.toStdString() + " printed no address");
    return false;
}

void Bench::stop(Target &target)
{
    const auto closeAll = [this](std::unique_ptr<Connection> &connection) {
        if (connection && connection->fd >= 0) {
            if (connection->state != Target::State::Closed)
                sendFrame(*connection, OpClose, std::string_view("\x03\xe8", 2)); // 1000
            closeConnection(*connection);
            ::close(connection->fd);
            connection->fd = -1;
        }
    };
    for (auto &connection : target.subscribers)
        closeAll(connection);
    closeAll(target.writer);
    if (target.process.state() != QProcess::NotRunning) {
        target.process.terminate();
        if (!target.process.waitForFinished(10'000))
            target.process.kill();
        target.process.waitForFinished(5'000);
    }
}

void Bench::closeConnection(Connection &connection)
{
    if (connection.state != Target::State::Closed && connection.fd >= 0)
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
    connection.state = Target::State::Closed;
}

bool Bench::open(Target &target)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(target.port);
    if (inet_pton(AF_INET, target.host.c_str(), &address.sin_addr) != 1) {
        target.fail("not an IPv4 address: " + target.host);
        return false;
    }
    const int total = m_options.subscribers + 1; // the writer last
    const qint64 deadline = monotonicNs() + qint64(OpenTimeoutMs) * 1'000'000;
    const auto ready = [&target] {
        int count = 0;
        for (const auto &connection : target.subscribers)
            count += connection->state == Target::State::Subscribed;
        return count + (target.writer && target.writer->state == Target::State::Subscribed);
    };
    int started = 0;
    while (!target.failed()) {
        const int done = ready();
        if (done == total)
            return true;
        while (started - done < MaxOpening && started < total) {
            auto connection = std::make_unique<Connection>();
            connection->target = &target;
            connection->writer = started == total - 1;
            connection->operationId = uuid(m_random);
            connection->fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (connection->fd < 0) {
                target.fail(std::string("socket(): ") + std::strerror(errno));
                return false;
            }
            const int one = 1;
            setsockopt(connection->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            if (::connect(connection->fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) < 0
                && errno != EINPROGRESS) {
                target.fail(std::string("connect(): ") + std::strerror(errno));
                ::close(connection->fd);
                return false;
            }
            epoll_event event{};
            event.events = EPOLLIN | EPOLLOUT;
            event.data.ptr = connection.get();
            epoll_ctl(m_epoll, EPOLL_CTL_ADD, connection->fd, &event);
            if (connection->writer)
                target.writer = std::move(connection);
            else
                target.subscribers.push_back(std::move(connection));
            ++started;
        }
        pump(100);
        if (monotonicNs() > deadline) {
            target.fail("only " + std::to_string(ready()) + " of " + std::to_string(total) + " connections ready within "
                        + std::to_string(OpenTimeoutMs) + " ms");
            return false;
        }
    }
    return false;
}

void Bench::pump(int timeoutMs)
{
    epoll_event events[EpollBatch];
    const int n = epoll_wait(m_epoll, events, EpollBatch, timeoutMs);
    m_now = monotonicNs();
    for (int i = 0; i < n; ++i) {
        auto &connection = *static_cast<Connection *>(events[i].data.ptr);
        Target &target = *connection.target;
        if (connection.state == Target::State::Closed)
            continue;
        if (connection.state == Target::State::Connecting) {
            if (events[i].events & (EPOLLERR | EPOLLHUP)) {
                target.fail("a connection failed while opening (refused or reset)");
                closeConnection(connection);
                continue;
            }
            if (!(events[i].events & EPOLLOUT))
                continue;
            const std::string request = "GET " + target.path + " HTTP/1.1\r\nHost: " + target.host + ':'
                + std::to_string(target.port)
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n";
            if (!RawWebSocket::writeAll(connection.fd, request.data(), request.size())) {
                target.fail(std::string("sending the handshake: ") + std::strerror(errno));
                closeConnection(connection);
                continue;
            }
            connection.state = Target::State::Handshake;
            epoll_event event{};
            event.events = EPOLLIN;
            event.data.ptr = &connection;
            epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection.fd, &event);
            continue;
        }
        const Result result = readFrom(connection);
        if (result != Result::Ok) {
            if (result == Result::Closed)
                target.fail(std::string(connection.writer ? "the writer's" : "a subscriber's")
                            + " connection was closed by the server");
            closeConnection(connection);
        }
    }
}

Bench::Result Bench::readFrom(Connection &connection)
{
    Target &target = *connection.target;
    for (;;) {
        const ssize_t got = ::recv(connection.fd, m_scratch.data(), m_scratch.size(), 0);
        if (got == 0)
            return Result::Closed;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN)
                return Result::Ok;
            target.fail(std::string("recv(): ") + std::strerror(errno));
            return Result::Failed;
        }
        const char *data = m_scratch.data();
        size_t size = size_t(got);
        if (!connection.pending.empty()) {
            connection.pending.append(data, size);
            data = connection.pending.data();
            size = connection.pending.size();
        }
        size_t used = 0;
        if (connection.state == Target::State::Handshake) {
            const char *end = static_cast<const char *>(memmem(data, size, "\r\n\r\n", 4));
            if (!end) {
                if (connection.pending.empty())
                    connection.pending.assign(data, size);
                continue;
            }
            std::string head(data, size_t(end - data));
            if (head.compare(0, 12, "HTTP/1.1 101") != 0) {
                target.fail("the WebSocket handshake was refused: " + head);
                return Result::Failed;
            }
            for (char &c : head)
                c = char(std::tolower(static_cast<unsigned char>(c)));
            if (head.find("sec-websocket-protocol: graphql-transport-ws") == std::string::npos) {
                target.fail("the server did not select graphql-transport-ws: " + head);
                return Result::Failed;
            }
            used = size_t(end - data) + 4;
            connection.state = Target::State::WaitAck;
            sendFrame(connection, OpText, R"({"type":"connection_init"})");
        }
        while (const auto frame = RawWebSocket::readFrame(data + used, size - used)) {
            if (!frame->final) {
                target.fail("a fragmented message (not expected for these sizes)");
                return Result::Failed;
            }
            const Result result = handleFrame(connection, frame->opcode, data + used + frame->headerSize, frame->length);
            if (result != Result::Ok)
                return result;
            used += frame->headerSize + frame->length;
        }
        if (connection.pending.empty())
            connection.pending.assign(data + used, size - used);
        else
            connection.pending.erase(0, used);
        if (size_t(got) < m_scratch.size())
            return Result::Ok;
    }
}

Bench::Result Bench::handleFrame(Connection &connection, int opcode, const char *payload, size_t size)
{
    Target &target = *connection.target;
    switch (opcode) {
    case OpClose:
        target.fail("the server closed a connection"
                    + (size >= 2 ? " with code " + std::to_string((unsigned(quint8(payload[0])) << 8) | quint8(payload[1])) + ": "
                                       + std::string(payload + 2, size - 2)
                                 : std::string()));
        return Result::Failed;
    case OpPing:
        sendFrame(connection, OpPong, std::string_view(payload, size));
        return Result::Ok;
    case OpText:
        handleMessage(connection, payload, size);
        return target.failed() ? Result::Failed : Result::Ok;
    default:
        return Result::Ok;
    }
}

void Bench::handleMessage(Connection &connection, const char *payload, size_t size)
{
    Target &target = *connection.target;
    const char *end = payload + size;
    const char *type = nullptr;
    size_t typeSize = 0;
    if (!findString(payload, end, "\"type\"", &type, &typeSize)) {
        target.fail("a message without a type: " + std::string(payload, size));
        return;
    }
    const std::string_view kind(type, typeSize);
    if (kind == "next" && !connection.writer) {
        onNext(connection, payload, size);
    } else if (connection.writer && connection.state == Target::State::Subscribed) {
        onWriterMessage(connection, kind, payload, size);
    } else if (kind == "connection_ack" && connection.state == Target::State::WaitAck) {
        connection.state = Target::State::Subscribed;
        if (!connection.writer) {
            sendFrame(connection, OpText,
                      R"({"id":")" + connection.operationId + R"(","type":"subscribe","payload":{"query":")"
                          + SubscriptionQuery + "\"}}");
        }
    } else if (kind == "ping") {
        sendFrame(connection, OpText, R"({"type":"pong"})");
    } else if (kind != "pong") {
        target.fail("an unexpected message: " + std::string(payload, size));
    }
}

void Bench::onNext(Connection &connection, const char *payload, size_t size)
{
    Target &target = *connection.target;
    const char *end = payload + size;
    const char *value = nullptr;
    size_t valueSize = 0;
    // The envelope's id comes before its payload (both servers write id, type, payload).
    const char *body = static_cast<const char *>(memmem(payload, size, "\"payload\"", 9));
    if (!body || !findString(payload, body, "\"id\"", &value, &valueSize)
        || std::string_view(value, valueSize) != connection.operationId) {
        target.fail("a next without this subscription's id (" + connection.operationId + "): " + std::string(payload, size));
        return;
    }
    qint64 seq = -1;
    qint64 change = -1;
    if (!findString(body, end, "\"seq\"", &value, &valueSize) || !parseNumber(value, valueSize, &seq)
        || !findString(body, end, "\"firstName\"", &value, &valueSize) || valueSize != 9 || value[0] != 'm'
        || !parseNumber(value + 1, valueSize - 1, &change)) {
        target.fail("a next without seq or the writer's firstName: " + std::string(payload, size));
        return;
    }
    if (seq <= connection.lastSeq) {
        target.fail("seq " + std::to_string(seq) + " after seq " + std::to_string(connection.lastSeq) + " on one subscription");
        return;
    }
    if (connection.lastChange >= 0 && change != connection.lastChange + 1) {
        target.fail("change " + std::to_string(change) + " after change " + std::to_string(connection.lastChange)
                    + " on one subscription (lost, doubled or reordered)");
        return;
    }
    if (change >= qint64(target.sendTimes.size())) {
        target.fail("a change the writer did not make: " + std::to_string(change));
        return;
    }
    if (connection.firstChange < 0)
        connection.firstChange = change;
    connection.lastSeq = seq;
    connection.lastChange = change;
    ++connection.received;
    ++target.deliveries;
    if (target.sample.empty())
        target.sample.assign(payload, size);
    if (target.recordLatencies) {
        target.latencies.push_back(quint32(std::max<qint64>(0, m_now - target.sendTimes[size_t(change)]) / 1000));
        if (size_t(change) < target.firstReceipt.size()) {
            if (target.firstReceipt[size_t(change)] == 0)
                target.firstReceipt[size_t(change)] = m_now;
            target.lastReceipt[size_t(change)] = m_now;
        }
    }
}

void Bench::onWriterMessage(Connection &connection, std::string_view type, const char *payload, size_t size)
{
    Target &target = *connection.target;
    if (type == "next") {
        if (!memmem(payload, size, "\"ok\":true", 9) && !memmem(payload, size, "\"ok\": true", 10))
            target.fail("a mutation failed: " + std::string(payload, size));
    } else if (type == "complete") {
        --target.unanswered;
        ++target.answered;
    } else if (type != "pong" && type != "ping") {
        target.fail("the writer got: " + std::string(payload, size));
    }
}

void Bench::sendFrame(Connection &connection, int opcode, std::string_view payload)
{
    const std::string frame = RawWebSocket::maskedFrame(opcode, payload, next(m_random));
    if (!RawWebSocket::writeAll(connection.fd, frame.data(), frame.size()))
        connection.target->fail(std::string("send(): ") + std::strerror(errno));
}

void Bench::sendMutation(Target &target)
{
    const quint64 change = target.changes();
    const std::string query = R"(mutation { userUpdate(newUser: {id: \")" + std::to_string(change % DemoRows + 1)
        + R"(\", firstName: \")" + marker(change) + R"(\"}) { ok } })";
    const std::string message = R"({"id":"w)" + std::to_string(change) + R"(","type":"subscribe","payload":{"query":")"
        + query + "\"}}";
    target.sendTimes.push_back(monotonicNs());
    ++target.unanswered;
    sendFrame(*target.writer, OpText, message);
}

bool Bench::probe(Target &target)
{
    // graphql-transport-ws does not confirm a subscription: changes go out until every
    // subscriber has received one, and from then on each must receive every change.
    const qint64 deadline = monotonicNs() + qint64(OpenTimeoutMs) * 1'000'000;
    qint64 nextProbe = 0;
    while (!target.failed()) {
        const bool all = std::all_of(target.subscribers.cbegin(), target.subscribers.cend(),
                                     [](const auto &connection) { return connection->received > 0; });
        if (all)
            return drain(target);
        if (monotonicNs() >= nextProbe && target.unanswered == 0) {
            sendMutation(target);
            nextProbe = monotonicNs() + qint64(ProbeIntervalMs) * 1'000'000;
        }
        pump(10);
        if (monotonicNs() > deadline) {
            target.fail("not every subscriber received a change within " + std::to_string(OpenTimeoutMs) + " ms");
            return false;
        }
    }
    return false;
}

bool Bench::drain(Target &target)
{
    const qint64 deadline = monotonicNs() + qint64(DrainTimeoutMs) * 1'000'000;
    const qint64 last = qint64(target.changes()) - 1;
    while (!target.failed()) {
        const bool done = target.unanswered == 0
            && std::all_of(target.subscribers.cbegin(), target.subscribers.cend(),
                           [last](const auto &connection) { return connection->lastChange == last; });
        if (done)
            return true;
        pump(10);
        if (monotonicNs() > deadline) {
            qint64 lowest = last;
            int behind = 0;
            for (const auto &connection : target.subscribers) {
                lowest = std::min(lowest, connection->lastChange);
                behind += connection->lastChange != last;
            }
            target.fail("changes still missing " + std::to_string(DrainTimeoutMs) + " ms after the writer stopped: "
                        + std::to_string(behind) + " subscribers behind, the furthest at change " + std::to_string(lowest)
                        + " of " + std::to_string(last) + "; " + std::to_string(target.unanswered) + " mutations unanswered");
            return false;
        }
    }
    return false;
}

bool Bench::verify(Target &target)
{
    const qint64 last = qint64(target.changes()) - 1;
    quint64 verified = 0;
    for (const auto &connection : target.subscribers) {
        if (connection->lastChange != last || qint64(connection->received) != last - connection->firstChange + 1) {
            target.fail("a subscriber received " + std::to_string(connection->received) + " changes, from "
                        + std::to_string(connection->firstChange) + " to " + std::to_string(connection->lastChange)
                        + ", of the writer's 0 to " + std::to_string(last));
            return false;
        }
        verified += connection->received;
    }
    target.figures.verifiedDeliveries = verified;
    target.figures.changes = target.changes();
    return true;
}

void Bench::throughput(Target &target, Throughput &result)
{
    const quint64 baseDeliveries = target.deliveries;
    const quint64 baseChanges = target.changes();
    const qint64 pid = target.process.processId();
    const auto write = [&] {
        while (!target.failed() && target.unanswered < MaxUnanswered
               && target.undelivered(baseDeliveries, baseChanges) < quint64(MaxUndelivered))
            sendMutation(target);
    };
    const qint64 warmupEnd = monotonicNs() + qint64(m_options.warmup * 1e9);
    while (!target.failed() && monotonicNs() < warmupEnd) {
        write();
        pump(5);
    }
    const quint64 deliveries0 = target.deliveries;
    const quint64 changes0 = target.answered;
    const double server0 = processCpuSeconds(pid);
    const double client0 = double(threadCpuNs()) / 1e9;
    const double wait0 = processWaitSeconds(pid);
    const qint64 time0 = monotonicNs();
    const qint64 runEnd = time0 + qint64(m_options.seconds * 1e9);
    while (!target.failed() && monotonicNs() < runEnd) {
        write();
        pump(5);
    }
    const double elapsed = double(monotonicNs() - time0) / 1e9;
    result.deliveriesPerSecond = double(target.deliveries - deliveries0) / elapsed;
    result.changesPerSecond = double(target.answered - changes0) / elapsed;
    result.serverCores = (processCpuSeconds(pid) - server0) / elapsed;
    result.serverWaiting = (processWaitSeconds(pid) - wait0) / elapsed;
    result.clientCores = (double(threadCpuNs()) / 1e9 - client0) / elapsed;
    drain(target);
}

void Bench::latency(Target &target, Latency &result)
{
    target.latencies.clear();
    target.recordLatencies = true;
    const size_t firstChange = target.changes();
    const size_t capacity = firstChange + size_t(m_options.rate * m_options.seconds) + 16;
    target.firstReceipt.assign(capacity, 0);
    target.lastReceipt.assign(capacity, 0);
    const qint64 pid = target.process.processId();
    const double wait0 = processWaitSeconds(pid);
    const qint64 periodNs = qint64(1e9 / m_options.rate);
    const qint64 start = monotonicNs();
    const qint64 end = start + qint64(m_options.seconds * 1e9);
    for (qint64 due = start; !target.failed() && due < end; due += periodNs) {
        for (qint64 now = monotonicNs(); now < due && !target.failed(); now = monotonicNs())
            pump(int(std::max<qint64>(1, (due - now + 999'999) / 1'000'000)));
        if (target.failed())
            break;
        sendMutation(target);
        pump(0);
    }
    drain(target);
    const double waited = (processWaitSeconds(pid) - wait0) / (double(monotonicNs() - start) / 1e9);
    target.recordLatencies = false;
    std::vector<double> firsts;
    std::vector<double> spreads;
    for (size_t change = firstChange; change < target.changes() && change < capacity; ++change) {
        if (target.firstReceipt[change] == 0)
            continue;
        firsts.push_back(double(target.firstReceipt[change] - target.sendTimes[change]) / 1e6);
        spreads.push_back(double(target.lastReceipt[change] - target.firstReceipt[change]) / 1e6);
    }
    const auto median = [](std::vector<double> &values) {
        if (values.empty())
            return 0.0;
        std::nth_element(values.begin(), values.begin() + ptrdiff_t(values.size() / 2), values.end());
        return values[values.size() / 2];
    };
    std::vector<quint32> samples = std::move(target.latencies);
    target.latencies.clear();
    if (samples.empty()) {
        target.fail("no latency samples");
        return;
    }
    std::sort(samples.begin(), samples.end());
    const auto at = [&samples](double quantile) {
        return double(samples[std::min(samples.size() - 1, size_t(quantile * double(samples.size())))]) / 1000.0;
    };
    result = Latency{at(0.5), at(0.99), double(samples.back()) / 1000.0, samples.size(), median(firsts), median(spreads), waited};
}

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

void progress(const Target &target, const QString &line)
{
    out() << "  [" << target.name << "] " << line << Qt::endl;
}

void printTable(const Options &options, const Target &ours, const Target &node)
{
    const Figures &a = ours.figures;
    const Figures &b = node.figures;
    const bool both = a.ran && b.ran;
    const auto row = [](const QString &what, const QString &x, const QString &y, const QString &ratio, const QString &goal) {
        out() << what.leftJustified(40) << x.rightJustified(14) << y.rightJustified(16) << ratio.rightJustified(10) << "   "
              << goal << Qt::endl;
    };
    const auto cell = [](const Figures &figures, double value, int decimals) {
        return figures.ran ? number(value, decimals) : QStringLiteral("-");
    };
    const auto ratio = [both](double x, double y, int decimals = 1) {
        return both && y > 0 ? number(x / y, decimals) + u'x' : QStringLiteral("-");
    };
    const auto verdict = [both](bool pass) {
        return both ? (pass ? QStringLiteral("PASS") : QStringLiteral("MISS")) : QStringLiteral("-");
    };
    const double perCpuA = a.throughput.serverCores > 0 ? a.throughput.deliveriesPerSecond / a.throughput.serverCores : 0;
    const double perCpuB = b.throughput.serverCores > 0 ? b.throughput.deliveriesPerSecond / b.throughput.serverCores : 0;

    out() << Qt::endl;
    row(QString(), QStringLiteral("Subscriptor"), QStringLiteral("graphql-ws/Node"), QStringLiteral("ratio"), QStringLiteral("goal"));
    row(QStringLiteral("deliveries/s, %1 subscribers").arg(number(options.subscribers)), cell(a, a.throughput.deliveriesPerSecond, 0),
        cell(b, b.throughput.deliveriesPerSecond, 0), ratio(a.throughput.deliveriesPerSecond, b.throughput.deliveriesPerSecond),
        QStringLiteral("≥ %1x Node: %2")
            .arg(GoalThroughputRatio)
            .arg(verdict(a.throughput.deliveriesPerSecond >= GoalThroughputRatio * b.throughput.deliveriesPerSecond)));
    row(QStringLiteral("  changes/s"), cell(a, a.throughput.changesPerSecond, 1), cell(b, b.throughput.changesPerSecond, 1), QString(),
        QString());
    row(QStringLiteral("  server CPU (cores of 2)"), cell(a, a.throughput.serverCores, 2), cell(b, b.throughput.serverCores, 2),
        QString(), QString());
    row(QStringLiteral("  deliveries per server CPU-second"), cell(a, perCpuA, 0), cell(b, perCpuB, 0), ratio(perCpuA, perCpuB),
        QStringLiteral("(less sensitive to the machine's load)"));
    row(QStringLiteral("  client CPU (cores of 2)"), cell(a, a.throughput.clientCores, 2), cell(b, b.throughput.clientCores, 2),
        QString(), QString());
    const QString latencyRun = QStringLiteral("latency at %1 changes/s: p50 (ms)").arg(options.rate);
    row(latencyRun, cell(a, a.latency.p50Ms, 2), cell(b, b.latency.p50Ms, 2), ratio(a.latency.p50Ms, b.latency.p50Ms, 2), QString());
    row(QStringLiteral("  p99 (ms)"), cell(a, a.latency.p99Ms, 2), cell(b, b.latency.p99Ms, 2), ratio(a.latency.p99Ms, b.latency.p99Ms, 2),
        QStringLiteral("lower than Node: %1").arg(verdict(a.latency.p99Ms < b.latency.p99Ms)));
    row(QStringLiteral("  max (ms)"), cell(a, a.latency.maxMs, 2), cell(b, b.latency.maxMs, 2), QString(), QString());
    row(QStringLiteral("  samples"), cell(a, double(a.latency.samples), 0), cell(b, double(b.latency.samples), 0), QString(), QString());
    row(QStringLiteral("deliveries verified (in order, no gap)"), cell(a, double(a.verifiedDeliveries), 0),
        cell(b, double(b.verifiedDeliveries), 0), QString(), QString());
    out() << Qt::endl
          << "Each server's best of " << options.rounds << " alternating rounds (most deliveries/s; lowest p99). Throughput: "
          << "changes over one WebSocket, <= " << MaxUnanswered << " unanswered and <= " << MaxUndelivered
          << " not yet received by all. Latency: from writing the mutation to reading each `next` (both servers"
          << " parse, execute and publish the change in that time; ours also commits it to SQLite)." << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    raiseFileLimit();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Subscriptor next to graphql-ws on Node.js: graphql-transport-ws fan-out to many subscribers."));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("A few clients for a fraction of a second (ctest)."));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("The subscriptor executable."), QStringLiteral("path"),
                                    QStringLiteral(SUBSCRIPTOR_BENCH_SERVER));
    const QCommandLineOption node(QStringLiteral("node"), QStringLiteral("The Node.js executable."), QStringLiteral("path"),
                                  QStringLiteral("node"));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Run one server: ours or node."), QStringLiteral("which"));
    const QCommandLineOption subscribers(QStringLiteral("subscribers"), QStringLiteral("Subscribers per server (1000)."),
                                         QStringLiteral("n"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Length of each run (5)."), QStringLiteral("s"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Changes per second of the latency run (100)."),
                                  QStringLiteral("n"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Rounds per server (2)."), QStringLiteral("n"));
    const QCommandLineOption wrapper(QStringLiteral("wrap"), QStringLiteral("Run our server under this command (space-separated)."),
                                     QStringLiteral("command"));
    parser.addOptions({quick, server, node, only, subscribers, seconds, rate, rounds, wrapper});
    parser.process(app);

    Options options;
    options.server = parser.value(server);
    options.script = QStringLiteral(SUBSCRIPTOR_BENCH_GTW_SCRIPT);
    if (parser.isSet(quick)) {
        options.subscribers = 20;
        options.rate = 50;
        options.seconds = 0.3;
        options.warmup = 0.1;
        options.rounds = 1;
    }
    if (parser.isSet(subscribers))
        options.subscribers = std::max(1, parser.value(subscribers).toInt());
    if (parser.isSet(seconds))
        options.seconds = parser.value(seconds).toDouble();
    if (parser.isSet(rate))
        options.rate = std::max(1.0, parser.value(rate).toDouble());
    if (parser.isSet(rounds))
        options.rounds = std::max(1, parser.value(rounds).toInt());
    if (parser.isSet(wrapper))
        options.wrapper = parser.value(wrapper).split(u' ', Qt::SkipEmptyParts);
    options.runOurs = parser.value(only) != QLatin1String("node");
    options.runNode = parser.value(only) != QLatin1String("ours");

    if (options.runNode) {
        options.node = QStandardPaths::findExecutable(parser.value(node));
        if (options.node.isEmpty() && QFileInfo(parser.value(node)).isExecutable())
            options.node = parser.value(node);
        const QDir js(QFileInfo(options.script).dir().filePath(QStringLiteral("../js/node_modules")));
        QString missing;
        if (options.node.isEmpty())
            missing = QStringLiteral("Node.js (\"%1\") is not installed").arg(parser.value(node));
        for (const char *package : {"graphql", "graphql-ws", "ws"}) {
            if (missing.isEmpty() && !QFileInfo::exists(js.filePath(QLatin1String(package) + QLatin1String("/package.json"))))
                missing = QStringLiteral("%1 is not installed in %2: run `npm ci` in tests/js")
                              .arg(QLatin1String(package), QDir::cleanPath(js.path()));
        }
        if (!missing.isEmpty()) {
            out() << "bench_gtw: skipped: " << missing << Qt::endl;
            return ExitSkipped;
        }
    }

    out() << "bench_gtw: " << options.subscribers << " graphql-transport-ws subscribers per server, " << options.seconds
          << " s per run, " << options.rounds << " round(s); load average " << loadAverage() << " on "
          << QThread::idealThreadCount() << " cores" << Qt::endl;

    // The targets outlive the bench, which stops their servers and closes their connections.
    Target ours;
    ours.name = QStringLiteral("Subscriptor");
    ours.ours = true;
    Target reference;
    reference.name = QStringLiteral("graphql-ws/Node");
    std::vector<Target *> targets;
    if (options.runOurs)
        targets.push_back(&ours);
    if (options.runNode)
        targets.push_back(&reference);
    Bench bench(options);

    for (Target *target : targets) {
        const qint64 t0 = monotonicNs();
        if (bench.start(*target) && bench.open(*target) && bench.probe(*target))
            progress(*target, QStringLiteral("%1 subscribers and a writer connected and subscribed in %2 s")
                                  .arg(options.subscribers)
                                  .arg(double(monotonicNs() - t0) / 1e9, 0, 'f', 2));
    }
    for (int round = 0; round < options.rounds; ++round) {
        std::vector<Target *> order = targets;
        if (round % 2 == 1)
            std::reverse(order.begin(), order.end());
        for (Target *target : order) {
            if (target->failed())
                continue;
            Throughput throughput;
            bench.throughput(*target, throughput);
            if (target->failed())
                continue;
            progress(*target, QStringLiteral("round %1 throughput: %2 deliveries/s, %3 changes/s, server %4 cores (%5 deliveries "
                                             "per CPU-second; waited for a CPU %6 s/s), client %7 cores")
                                  .arg(round + 1)
                                  .arg(number(throughput.deliveriesPerSecond))
                                  .arg(throughput.changesPerSecond, 0, 'f', 1)
                                  .arg(throughput.serverCores, 0, 'f', 2)
                                  .arg(number(throughput.serverCores > 0 ? throughput.deliveriesPerSecond / throughput.serverCores : 0))
                                  .arg(throughput.serverWaiting, 0, 'f', 2)
                                  .arg(throughput.clientCores, 0, 'f', 2));
            Latency latency;
            bench.latency(*target, latency);
            if (target->failed())
                continue;
            progress(*target, QStringLiteral("round %1 latency at %2 changes/s: p50 %3 ms, p99 %4 ms, max %5 ms (%6 samples); "
                                             "per change (medians): %7 ms to the first subscriber, %8 ms from first to last; "
                                             "server waited for a CPU %9 s/s")
                                  .arg(round + 1)
                                  .arg(options.rate)
                                  .arg(latency.p50Ms, 0, 'f', 2)
                                  .arg(latency.p99Ms, 0, 'f', 2)
                                  .arg(latency.maxMs, 0, 'f', 2)
                                  .arg(latency.samples)
                                  .arg(latency.firstP50Ms, 0, 'f', 2)
                                  .arg(latency.spreadP50Ms, 0, 'f', 2)
                                  .arg(latency.serverWaiting, 0, 'f', 2));
            Figures &figures = target->figures;
            if (!figures.ran || throughput.deliveriesPerSecond > figures.throughput.deliveriesPerSecond)
                figures.throughput = throughput;
            if (!figures.ran || latency.p99Ms < figures.latency.p99Ms)
                figures.latency = latency;
            figures.ran = true;
        }
    }
    int status = 0;
    for (Target *target : targets) {
        if (!target->failed())
            bench.verify(*target);
        if (target->failed()) {
            target->figures.ran = false;
            status = 1;
            QString log;
            QFile file(target->dir.filePath(QStringLiteral("server.log")));
            if (file.open(QIODevice::ReadOnly))
                log = QString::fromUtf8(file.readAll().right(2000));
            out() << target->name << ": FAILED: " << QString::fromStdString(target->error) << Qt::endl;
            if (!log.isEmpty())
                out() << "  server log (end):\n" << log << Qt::endl;
        } else {
            progress(*target, QStringLiteral("a next: %1").arg(QString::fromStdString(target->sample)));
        }
    }
    printTable(options, ours, reference);
    out() << "load average at the end: " << loadAverage() << Qt::endl;
    return status;
}

// SPDX-License-Identifier: MIT
#include "gtwrunner.h"

#include "procstats.h"
#include "rawwebsocket.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Subscriptor::Bench::Gtw {

namespace {

constexpr int MaxOpening = 128;        // handshakes in flight at once
constexpr int OpenTimeoutMs = 120'000;
constexpr int DrainTimeoutMs = 60'000;
constexpr int StartTimeoutMs = 30'000;
constexpr int ProbeIntervalMs = 50;
constexpr size_t ScratchBytes = 256 * 1024;
constexpr int EpollBatch = 512;
constexpr int DemoRows = 6;            // auth_user rows 1..6 in both servers

using RawWebSocket::OpClose;
using RawWebSocket::OpPing;
using RawWebSocket::OpPong;
using RawWebSocket::OpText;

constexpr char SubscriptionQuery[] = "subscription { userChanges(actions: [UPDATE]) { action seq data { id firstName } } }";

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

} // namespace

Runner::Runner(const Options &options) : m_options(options), m_epoll(epoll_create1(EPOLL_CLOEXEC)), m_scratch(ScratchBytes) { }

Runner::~Runner()
{
    for (Target *target : m_targets)
        stop(*target);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool Runner::start(Target &target)
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

void Runner::stop(Target &target)
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

void Runner::closeConnection(Connection &connection)
{
    if (connection.state != Target::State::Closed && connection.fd >= 0)
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
    connection.state = Target::State::Closed;
}

bool Runner::open(Target &target)
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
            std::string error;
            connection->fd = RawWebSocket::startConnect(address, m_epoll, connection.get(), error);
            if (connection->fd < 0) {
                target.fail(error);
                return false;
            }
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

void Runner::pump(int timeoutMs)
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

Runner::Result Runner::readFrom(Connection &connection)
{
    Target &target = *connection.target;
    const auto onHead = [&](std::string_view head) {
        std::string lower(head);
        for (char &c : lower)
            c = char(std::tolower(static_cast<unsigned char>(c)));
        if (!head.starts_with("HTTP/1.1 101")) {
            target.fail("the WebSocket handshake was refused: " + std::string(head));
            return Result::Failed;
        }
        if (lower.find("sec-websocket-protocol: graphql-transport-ws") == std::string::npos) {
            target.fail("the server did not select graphql-transport-ws: " + std::string(head));
            return Result::Failed;
        }
        connection.state = Target::State::WaitAck;
        sendFrame(connection, OpText, R"({"type":"connection_init"})");
        return Result::Ok;
    };
    const auto onFrame = [&](const RawWebSocket::FrameHeader &frame, const char *payload) {
        if (!frame.final) {
            target.fail("a fragmented message (not expected for these sizes)");
            return Result::Failed;
        }
        return handleFrame(connection, frame.opcode, payload, frame.length);
    };
    std::string error;
    const Result result = RawWebSocket::readAvailable(connection.fd, m_scratch, connection.pending,
                                                      connection.state == Target::State::Handshake, error, onHead, onFrame);
    if (!error.empty())
        target.fail(error);
    return result;
}

Runner::Result Runner::handleFrame(Connection &connection, int opcode, const char *payload, size_t size)
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

void Runner::handleMessage(Connection &connection, const char *payload, size_t size)
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

void Runner::onNext(Connection &connection, const char *payload, size_t size)
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

void Runner::onWriterMessage(Connection &connection, std::string_view type, const char *payload, size_t size)
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

void Runner::sendFrame(Connection &connection, int opcode, std::string_view payload)
{
    const std::string frame = RawWebSocket::maskedFrame(opcode, payload, next(m_random));
    if (!RawWebSocket::writeAll(connection.fd, frame.data(), frame.size()))
        connection.target->fail(std::string("send(): ") + std::strerror(errno));
}

void Runner::sendMutation(Target &target)
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

bool Runner::probe(Target &target)
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

bool Runner::drain(Target &target)
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

bool Runner::verify(Target &target)
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

void Runner::throughput(Target &target, Throughput &result)
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

void Runner::latency(Target &target, Latency &result)
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

} // namespace Subscriptor::Bench::Gtw

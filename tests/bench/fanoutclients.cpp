// SPDX-License-Identifier: MIT
#include "fanoutclients.h"

#include "rawwebsocket.h"

#include <algorithm>
#include <span>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Subscriptor::Bench {

namespace {

constexpr int MaxOpening = 128;       // handshakes in flight at once (the listen backlog is small)
constexpr size_t ScratchBytes = 256 * 1024;
constexpr int EpollBatch = int(BatchReceiver::MaxSockets);
constexpr int ReceiveWaitMs = 20;     // how often the receiver looks at its stop flag
constexpr size_t MaxLatencySamples = 50'000'000;
using RawWebSocket::OpClose;
using RawWebSocket::OpPing;
using RawWebSocket::OpPong;
using RawWebSocket::OpText;
// What marks a notification of the benchmark, and where the change number is (SeedFrames
// writes Python-style JSON: `"key": value`).
constexpr char Marker[] = "\"first_name\": \"m";
constexpr size_t MarkerDigits = 8;

} // namespace

struct FanoutClients::Connection
{
    enum class State { Connecting, Handshake, WaitChannel, WaitSubscribed, Ready, Closed };
    int fd = -1;
    State state = State::Connecting;
    std::string pending; // bytes of an incomplete head or frame
    std::string channelId;
};

FanoutClients::FanoutClients() : m_epoll(epoll_create1(EPOLL_CLOEXEC)), m_scratch(ScratchBytes) { }

FanoutClients::~FanoutClients()
{
    stopReceiving();
    for (const auto &connection : m_connections) {
        if (connection->fd >= 0)
            ::close(connection->fd);
    }
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool FanoutClients::open(const std::string &host, quint16 port, const std::string &path, int count, int timeoutMs,
                         std::string &error)
{
    // The loop below reads every client, those already subscribed too, so pings still get answers.
    stopReceiving();
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    if (inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
        error = "not an IPv4 address: " + host;
        return false;
    }
    const std::string request = "GET " + path + " HTTP/1.1\r\nHost: " + host + ':' + std::to_string(port)
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          "Sec-WebSocket-Version: 13\r\n\r\n";
    const qint64 deadline = monotonicNs() + qint64(timeoutMs) * 1'000'000;
    int started = 0;
    int opening = 0;
    int ready = 0;
    epoll_event events[EpollBatch];
    while (ready < count) {
        while (opening < MaxOpening && started < count) {
            auto connection = std::make_unique<Connection>();
            connection->fd = RawWebSocket::startConnect(address, m_epoll, connection.get(), error);
            if (connection->fd < 0)
                return false;
            RawWebSocket::stampArrivals(connection->fd);
            m_connections.push_back(std::move(connection));
            ++started;
            ++opening;
        }
        const int n = epoll_wait(m_epoll, events, EpollBatch, 100);
        for (int i = 0; i < n; ++i) {
            auto &connection = *static_cast<Connection *>(events[i].data.ptr);
            if (events[i].events & (EPOLLERR | EPOLLHUP)) {
                error = "a client connection failed while opening (refused or reset)";
                return false;
            }
            if (connection.state == Connection::State::Connecting && (events[i].events & EPOLLOUT)) {
                if (!RawWebSocket::writeAll(connection.fd, request.data(), request.size())) {
                    error = std::string("sending the handshake: ") + std::strerror(errno);
                    return false;
                }
                connection.state = Connection::State::Handshake;
                epoll_event event{};
                event.events = EPOLLIN;
                event.data.ptr = &connection;
                epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection.fd, &event);
            }
            if (!(events[i].events & EPOLLIN))
                continue;
            const bool wasReady = connection.state == Connection::State::Ready;
            if (readFrom(connection, error) != Result::Ok) {
                if (error.empty())
                    error = "the server closed a client connection while it was subscribing";
                return false;
            }
            if (!wasReady && connection.state == Connection::State::Ready) {
                --opening;
                ++ready;
            }
        }
        if (monotonicNs() > deadline) {
            error = "only " + std::to_string(ready) + " of " + std::to_string(count) + " clients subscribed within "
                + std::to_string(timeoutMs) + " ms";
            return false;
        }
    }
    startReceiver();
    return true;
}

void FanoutClients::close(int count)
{
    stopReceiving();
    for (int i = 0; i < count && !m_connections.empty(); ++i) {
        Connection &connection = *m_connections.back();
        if (connection.state != Connection::State::Closed) {
            sendFrame(connection, OpClose, std::string("\x03\xe8", 2)); // 1000, normal closure
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
            ::close(connection.fd);
        }
        m_connections.pop_back();
    }
    startReceiver();
}

void FanoutClients::receive(const SendTimes &sendTimes, size_t latencySamples)
{
    stopReceiving();
    m_sendTimes = &sendTimes;
    m_maxLatencies = std::min(latencySamples, MaxLatencySamples);
    m_realtimeToMonotonic = realtimeNs() - monotonicNs();
    m_latencies.clear();
    m_latencies.reserve(m_maxLatencies);
    startReceiver();
}

std::vector<LatencySample> FanoutClients::takeLatencies()
{
    stopReceiving();
    m_maxLatencies = 0;
    std::vector<LatencySample> latencies = std::move(m_latencies);
    m_latencies.clear();
    startReceiver();
    return latencies;
}

void FanoutClients::startReceiver()
{
    if (m_connections.empty())
        return;
    m_stop.store(false);
    m_receiver = std::thread([this] { receiveLoop(); });
}

void FanoutClients::stopReceiving()
{
    if (!m_receiver.joinable())
        return;
    m_stop.store(true);
    m_receiver.join();
}

void FanoutClients::receiveLoop()
{
    const qint64 cpuStart = threadCpuNs();
    const qint64 cpuBefore = m_receiverCpuNs.load(std::memory_order_relaxed);
    epoll_event events[EpollBatch];
    int descriptors[EpollBatch];
    std::string error;
    while (!m_stop.load(std::memory_order_relaxed)) {
        const int n = std::max(epoll_wait(m_epoll, events, EpollBatch, ReceiveWaitMs), 0);
        for (int i = 0; i < n; ++i)
            descriptors[i] = static_cast<Connection *>(events[i].data.ptr)->fd;
        const std::span reads = m_reader.readEach(std::span<const int>(descriptors, size_t(n)));
        for (int i = 0; i < n; ++i) {
            auto &connection = *static_cast<Connection *>(events[i].data.ptr);
            if (consumeRead(connection, reads[size_t(i)], error) != Result::Ok
                && connection.state != Connection::State::Closed) {
                connection.state = Connection::State::Closed;
                epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
                m_closedByServer.fetch_add(1, std::memory_order_relaxed);
            }
        }
        m_receiverCpuNs.store(cpuBefore + threadCpuNs() - cpuStart, std::memory_order_relaxed);
    }
}

FanoutClients::Result FanoutClients::onHead(Connection &connection, std::string_view head, std::string &error)
{
    if (!head.starts_with("HTTP/1.1 101")) {
        error = "the WebSocket handshake was refused: " + std::string(head);
        return Result::Failed;
    }
    connection.state = Connection::State::WaitChannel;
    return Result::Ok;
}

FanoutClients::Result FanoutClients::readFrom(Connection &connection, std::string &error)
{
    qint64 arrived = 0;
    return RawWebSocket::readAvailable(
        connection.fd, m_scratch, connection.pending, connection.state == Connection::State::Handshake, error,
        [&](std::string_view head) { return onHead(connection, head, error); },
        [&](const RawWebSocket::FrameHeader &frame, const char *payload) {
            return handleFrame(connection, frame.opcode, payload, frame.length, arrived, error);
        },
        &arrived);
}

FanoutClients::Result FanoutClients::consumeRead(Connection &connection, const BatchReceiver::Read &read,
                                                 std::string &error)
{
    if (read.result == 0)
        return Result::Closed;
    if (read.result < 0)
        return read.result == -EAGAIN || read.result == -EINTR ? Result::Ok : Result::Failed;
    bool inHead = connection.state == Connection::State::Handshake;
    return RawWebSocket::consume(
        read.data, size_t(read.result), connection.pending, inHead,
        [&](std::string_view head) { return onHead(connection, head, error); },
        [&](const RawWebSocket::FrameHeader &frame, const char *payload) {
            return handleFrame(connection, frame.opcode, payload, frame.length, read.arrivedRealtimeNs, error);
        });
}

FanoutClients::Result FanoutClients::handleFrame(Connection &connection, int opcode, const char *payload, size_t size,
                                                 qint64 arrivedRealtimeNs, std::string &error)
{
    if (opcode == OpClose) {
        if (connection.state != Connection::State::Ready && size >= 2)
            error = "the server closed a client with code "
                + std::to_string((unsigned(quint8(payload[0])) << 8) | quint8(payload[1])) + ": "
                + std::string(payload + 2, size - 2);
        return Result::Closed;
    }
    if (opcode == OpPing) {
        sendFrame(connection, OpPong, std::string(payload, size));
        return Result::Ok;
    }
    if (opcode != OpText)
        return Result::Ok;
    switch (connection.state) {
    case Connection::State::WaitChannel: {
        // {"channel_id": "<id>", "connect": "success"}
        static constexpr char Key[] = "\"channel_id\": \"";
        const char *start = static_cast<const char *>(memmem(payload, size, Key, sizeof Key - 1));
        const char *end = start ? static_cast<const char *>(
                              memchr(start + sizeof Key - 1, '"', size_t(payload + size - start) - (sizeof Key - 1)))
                                : nullptr;
        if (!end) {
            error = "the first frame carried no channel_id: " + std::string(payload, size);
            return Result::Failed;
        }
        connection.channelId.assign(start + sizeof Key - 1, end);
        const std::string query = "subscription { userSubscription(action: UPDATE, operation: SUBSCRIBE, channelId: \\\""
            + connection.channelId + "\\\") { ok error } }";
        sendFrame(connection, OpText,
                  "{\"stream\": \"graphql\", \"payload\": {\"query\": \"" + query + "\", \"request_id\": \""
                      + std::to_string(m_nextRequestId++) + "\"}}");
        connection.state = Connection::State::WaitSubscribed;
        return Result::Ok;
    }
    case Connection::State::WaitSubscribed:
        // The subscription's ack frame comes first, then the GraphQL reply with our request_id.
        if (!memmem(payload, size, "\"request_id\"", 12))
            return Result::Ok;
        if (!memmem(payload, size, "\"ok\": true", 10)) {
            error = "the subscription failed: " + std::string(payload, size);
            return Result::Failed;
        }
        connection.state = Connection::State::Ready;
        return Result::Ok;
    case Connection::State::Ready:
        onNotification(payload, size, arrivedRealtimeNs);
        return Result::Ok;
    default:
        return Result::Ok;
    }
}

void FanoutClients::onNotification(const char *payload, size_t size, qint64 arrivedRealtimeNs)
{
    const char *marker = static_cast<const char *>(memmem(payload, size, Marker, sizeof Marker - 1));
    if (!marker || size_t(payload + size - marker) < sizeof Marker - 1 + MarkerDigits) {
        m_unexpected.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    m_deliveries.fetch_add(1, std::memory_order_relaxed);
    if (m_sample.empty())
        m_sample.assign(payload, size);
    if (m_latencies.size() >= m_maxLatencies)
        return;
    size_t change = 0;
    for (size_t i = 0; i < MarkerDigits; ++i)
        change = change * 10 + size_t(marker[sizeof Marker - 1 + i] - '0');
    if (!m_sendTimes || change >= m_sendTimes->capacity)
        return;
    const qint64 sent = m_sendTimes->times[change].load(std::memory_order_acquire);
    if (sent <= 0)
        return;
    const qint64 read = monotonicNs();
    // Without a stamp, the read is the latest the frame can have arrived. The two clocks agree
    // to within microseconds; a stamp a hair before the send counts as no time at all.
    const qint64 arrived = arrivedRealtimeNs > 0 ? std::clamp(arrivedRealtimeNs - m_realtimeToMonotonic, sent, read) : read;
    m_latencies.push_back(LatencySample{quint32(change), quint32((read - sent) / 1000), quint32((arrived - sent) / 1000)});
}

void FanoutClients::sendFrame(Connection &connection, int opcode, const std::string &payload)
{
    m_maskSeed = m_maskSeed * 1664525u + 1013904223u;
    const std::string frame = RawWebSocket::maskedFrame(opcode, payload, m_maskSeed);
    RawWebSocket::writeAll(connection.fd, frame.data(), frame.size());
}

} // namespace Subscriptor::Bench

// SPDX-License-Identifier: MIT
#pragma once

#include "batchreceiver.h"
#include "procstats.h"
#include "rawwebsocket.h"

#include <QtGlobal>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace Subscriptor::Bench {

/// When each change was sent (ns, CLOCK_MONOTONIC), indexed by its number; 0 while unsent.
struct SendTimes
{
    explicit SendTimes(size_t capacity) : times(new std::atomic<qint64>[capacity]), capacity(capacity)
    {
        for (size_t i = 0; i < capacity; ++i)
            times[i].store(0, std::memory_order_relaxed);
    }
    std::unique_ptr<std::atomic<qint64>[]> times;
    size_t capacity;
};

/// One notification's latencies from its change's send time, and the change.
struct LatencySample
{
    quint32 change = 0;
    quint32 micros = 0;        // until the receiving thread read it
    quint32 arrivalMicros = 0; // until the kernel put it in the client's socket (SO_TIMESTAMPNS)
};

/**
 * Many WebSocket clients of the seed protocol, kept lean so that on a 2-core machine the clients
 * cost far less than the server they measure: raw non-blocking sockets, one epoll set, a minimal
 * RFC 6455 handshake and frame parser (server frames are never masked, §5.1), and one thread
 * that receives, reading every ready socket in one system call (BatchReceiver). Each client reads its channel id, subscribes on the socket's `graphql` stream to
 * UPDATE of any `users` row, and then counts notifications; a notification's `first_name` carries
 * the number of the change (`m` and 8 digits), which gives the latency from its send time: until
 * the frame arrived in the client's socket (the kernel's receive time stamp) and until the one
 * receiving thread got round to reading it, 1,000 sockets taking it several milliseconds.
 */
class FanoutClients final
{
public:
    FanoutClients();
    ~FanoutClients();
    Q_DISABLE_COPY_MOVE(FanoutClients)

    /// Opens `count` more clients and subscribes them; blocks until every one is subscribed.
    /// Between calls, a thread receives (and answers the server's pings): see receive().
    bool open(const std::string &host, quint16 port, const std::string &path, int count, int timeoutMs,
              std::string &error);
    /// Sends a close frame on the newest `count` clients and closes them.
    void close(int count);
    int size() const { return int(m_connections.size()); }

    /// (Re)starts the receiving thread. With `latencySamples`, it keeps one sample per notification,
    /// up to that many, room for which is made now: growing the store as it fills would stop the
    /// receiving thread for milliseconds at a time, and notifications would wait in the sockets.
    void receive(const SendTimes &sendTimes, size_t latencySamples = 0);
    /// Stops the receiving thread (until the next open(), close() or receive()).
    void stopReceiving();

    quint64 deliveries() const { return m_deliveries.load(std::memory_order_relaxed); }
    quint64 unexpectedFrames() const { return m_unexpected.load(std::memory_order_relaxed); }
    quint64 closedByServer() const { return m_closedByServer.load(std::memory_order_relaxed); }
    /// CPU time of the receiving thread so far, in seconds.
    double receiverCpuSeconds() const { return double(m_receiverCpuNs.load(std::memory_order_relaxed)) / 1e9; }
    /// The latency samples kept since receive(…, n); receiving goes on without.
    std::vector<LatencySample> takeLatencies();
    /// The first notification received, byte for byte.
    const std::string &sampleNotification() const { return m_sample; }

private:
    struct Connection;
    using Result = RawWebSocket::ReadResult;

    /// While opening: reads what the socket has, one recv at a time.
    Result readFrom(Connection &connection, std::string &error);
    /// While receiving: what one of m_reader's reads brought.
    Result consumeRead(Connection &connection, const BatchReceiver::Read &read, std::string &error);
    Result onHead(Connection &connection, std::string_view head, std::string &error);
    Result handleFrame(Connection &connection, int opcode, const char *payload, size_t size, qint64 arrivedRealtimeNs,
                       std::string &error);
    void onNotification(const char *payload, size_t size, qint64 arrivedRealtimeNs);
    void sendFrame(Connection &connection, int opcode, const std::string &payload);
    void receiveLoop();
    void startReceiver();

    int m_epoll = -1;
    std::vector<std::unique_ptr<Connection>> m_connections;
    std::vector<char> m_scratch;
    BatchReceiver m_reader; // used by the receiving thread only
    std::thread m_receiver;
    std::atomic<bool> m_stop{false};
    const SendTimes *m_sendTimes = nullptr;
    size_t m_maxLatencies = 0;
    qint64 m_realtimeToMonotonic = 0;
    std::vector<LatencySample> m_latencies;
    std::string m_sample;
    std::atomic<quint64> m_deliveries{0};
    std::atomic<quint64> m_unexpected{0};
    std::atomic<quint64> m_closedByServer{0};
    std::atomic<qint64> m_receiverCpuNs{0};
    quint32 m_maskSeed = 0x9e3779b9u;
    int m_nextRequestId = 1;
};

} // namespace Subscriptor::Bench

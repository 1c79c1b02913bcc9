// SPDX-License-Identifier: MIT
// The floor for bench_fanout: the least a server can do to fan a change out over WebSocket on this
// machine. One thread, one epoll set, no Qt event loop, no database: each change's frame is built
// once and handed to the kernel with one send() per client, up to 256 of them in one io_uring
// submission where liburing is there (as Subscriptor does). Whatever latency the same clients see
// from it belongs to the machine and the clients (kernel TCP over loopback, the receiving thread),
// not to any server, so Subscriptor's latency can be read against it.
//
// It speaks what bench_bare_ws_server speaks: a `channel_id` frame on connect, a fixed `"ok": true`
// reply carrying a `request_id` to any text frame, and a change triggered by an HTTP POST on a
// second port, whose body is the frame sent to every client, byte for byte. The HTTP answer goes
// out before the fan-out, as Subscriptor's does. Prints `listening ws://…` and `trigger http://…`.
#include "procstats.h"
#include "rawwebsocket.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#ifdef SUBSCRIPTOR_HAVE_IO_URING
#include <liburing.h>
#endif

namespace {

using namespace Subscriptor::Bench;

constexpr size_t MaxHeadBytes = 16 * 1024;
constexpr size_t MaxRequestBytes = 1024 * 1024;
constexpr int EpollBatch = 512;
constexpr unsigned RingEntries = 256; // sends per io_uring submission
constexpr char WebSocketGuid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"; // RFC 6455 §1.3
constexpr std::string_view ChannelFrame = R"({"channel_id": "rawRawRaw!RawRawRawR", "connect": "success"})";
constexpr std::string_view OkFrame =
    R"({"stream": "graphql", "payload": {"data": {"userSubscription": {"ok": true, "error": null}}, "request_id": "1"}})";
constexpr std::string_view TriggerAnswer =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}";

/// The value of header `name` (lower case, with its colon) in an HTTP head, or empty.
std::string_view headerValue(std::string_view head, std::string_view name)
{
    std::string lower(head);
    for (char &c : lower)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    const size_t at = lower.find(name);
    if (at == std::string::npos)
        return {};
    size_t start = at + name.size();
    size_t end = head.find("\r\n", start);
    if (end == std::string_view::npos)
        end = head.size();
    while (start < end && head[start] == ' ')
        ++start;
    return head.substr(start, end - start);
}

class RawServer
{
public:
    bool listen()
    {
        m_epoll = epoll_create1(EPOLL_CLOEXEC);
        m_webSocketListener = listenOn(m_webSocketPort);
        m_triggerListener = listenOn(m_triggerPort);
        if (m_epoll < 0 || m_webSocketListener < 0 || m_triggerListener < 0)
            return false;
        std::printf("listening ws://127.0.0.1:%u/graphql\ntrigger http://127.0.0.1:%u/change\n", unsigned(m_webSocketPort),
                    unsigned(m_triggerPort));
        std::fflush(stdout);
        return true;
    }

    void run()
    {
        epoll_event events[EpollBatch];
        for (;;) {
            const int n = epoll_wait(m_epoll, events, EpollBatch, -1);
            for (int i = 0; i < n; ++i) {
                const int fd = events[i].data.fd;
                if (fd == m_webSocketListener || fd == m_triggerListener) {
                    accept(fd, fd == m_triggerListener);
                    continue;
                }
                const auto found = m_connections.find(fd);
                if (found == m_connections.end())
                    continue;
                Connection &connection = *found->second;
                if ((events[i].events & EPOLLOUT) && !flush(connection))
                    drop(fd);
                else if ((events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && !read(connection))
                    drop(fd);
            }
        }
    }

private:
    struct Connection
    {
        int fd = -1;
        bool trigger = false;  // the HTTP port, not a WebSocket
        bool upgraded = false; // past the WebSocket handshake
        std::string in;        // bytes read and not yet used
        std::string out;       // bytes the kernel did not take yet
    };

    int listenOn(quint16 &port)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0 || ::listen(fd, 4096) < 0
            || getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) < 0) {
            std::perror("bench_raw_ws_server: listen");
            return -1;
        }
        port = ntohs(address.sin_port);
        watch(fd, EPOLLIN, EPOLL_CTL_ADD);
        return fd;
    }

    void watch(int fd, quint32 events, int operation)
    {
        epoll_event event{};
        event.events = events;
        event.data.fd = fd;
        epoll_ctl(m_epoll, operation, fd, &event);
    }

    void accept(int listener, bool trigger)
    {
        for (;;) {
            const int fd = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0)
                return;
            const int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            auto connection = std::make_unique<Connection>();
            connection->fd = fd;
            connection->trigger = trigger;
            m_connections[fd] = std::move(connection);
            watch(fd, EPOLLIN, EPOLL_CTL_ADD);
        }
    }

    void drop(int fd)
    {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        ::close(fd);
        m_connections.erase(fd);
    }

    /// Reads what there is and acts on every whole request or frame; false when the peer is gone.
    bool read(Connection &connection)
    {
        char buffer[64 * 1024];
        for (;;) {
            const ssize_t got = ::recv(connection.fd, buffer, sizeof buffer, 0);
            if (got == 0)
                return false;
            if (got < 0)
                return errno == EAGAIN || errno == EINTR;
            connection.in.append(buffer, size_t(got));
            const bool handled = connection.trigger ? onTriggerBytes(connection) : onWebSocketBytes(connection);
            if (!handled)
                return false;
            if (size_t(got) < sizeof buffer)
                return true;
        }
    }

    bool onWebSocketBytes(Connection &connection)
    {
        if (!connection.upgraded) {
            const size_t end = connection.in.find("\r\n\r\n");
            if (end == std::string::npos)
                return connection.in.size() <= MaxHeadBytes;
            const std::string_view key = headerValue(std::string_view(connection.in).substr(0, end), "sec-websocket-key:");
            const QByteArray accept =
                QCryptographicHash::hash(QByteArray(key.data(), qsizetype(key.size())).append(WebSocketGuid), QCryptographicHash::Sha1)
                    .toBase64();
            connection.in.erase(0, end + 4);
            connection.upgraded = true;
            send(connection, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Accept: " + accept.toStdString() + "\r\n\r\n" + RawWebSocket::serverFrame(RawWebSocket::OpText, ChannelFrame));
        }
        size_t used = 0;
        while (const auto frame = RawWebSocket::readFrame(connection.in.data() + used, connection.in.size() - used)) {
            used += frame->headerSize + frame->length;
            if (frame->opcode == RawWebSocket::OpClose) {
                send(connection, RawWebSocket::serverFrame(RawWebSocket::OpClose, std::string_view("\x03\xe8", 2)));
                return false;
            }
            if (frame->opcode == RawWebSocket::OpText)
                send(connection, RawWebSocket::serverFrame(RawWebSocket::OpText, OkFrame));
        }
        connection.in.erase(0, used);
        return connection.in.size() <= MaxRequestBytes;
    }

    bool onTriggerBytes(Connection &connection)
    {
        for (;;) {
            const size_t end = connection.in.find("\r\n\r\n");
            if (end == std::string::npos)
                return connection.in.size() <= MaxHeadBytes;
            const size_t length = std::strtoul(
                std::string(headerValue(std::string_view(connection.in).substr(0, end), "content-length:")).c_str(), nullptr, 10);
            if (length > MaxRequestBytes)
                return false;
            if (connection.in.size() < end + 4 + length)
                return true;
            const std::string frame = RawWebSocket::serverFrame(RawWebSocket::OpText, std::string_view(connection.in).substr(end + 4, length));
            connection.in.erase(0, end + 4 + length);
            send(connection, std::string(TriggerAnswer));
            fanOut(frame);
        }
    }

    void fanOut(const std::string &frame)
    {
#ifdef SUBSCRIPTOR_HAVE_IO_URING
        if (m_ringReady) {
            // Clients with nothing waiting get the frame through the ring; MSG_DONTWAIT sends complete
            // at once, so every batch is reaped before the next is prepared.
            std::vector<Connection *> batch;
            batch.reserve(RingEntries);
            for (auto &[fd, client] : m_connections) {
                if (!client->upgraded)
                    continue;
                if (!client->out.empty()) {
                    send(*client, frame);
                    continue;
                }
                io_uring_sqe *sqe = io_uring_get_sqe(&m_ring);
                io_uring_prep_send(sqe, fd, frame.data(), frame.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
                io_uring_sqe_set_data64(sqe, batch.size());
                batch.push_back(client.get());
                if (batch.size() == RingEntries)
                    submit(batch, frame);
            }
            submit(batch, frame);
            return;
        }
#endif
        for (auto &[fd, client] : m_connections) {
            if (client->upgraded)
                send(*client, frame);
        }
    }

#ifdef SUBSCRIPTOR_HAVE_IO_URING
    /// Submits the prepared sends of `batch`, in order, and keeps what each did not send.
    void submit(std::vector<Connection *> &batch, const std::string &frame)
    {
        if (batch.empty())
            return;
        io_uring_submit(&m_ring);
        std::vector<int> results(batch.size(), -EAGAIN);
        for (size_t reaped = 0; reaped < batch.size(); ++reaped) {
            io_uring_cqe *cqe = nullptr;
            if (io_uring_wait_cqe(&m_ring, &cqe) < 0)
                break;
            if (const quint64 index = io_uring_cqe_get_data64(cqe); index < results.size())
                results[index] = cqe->res;
            io_uring_cqe_seen(&m_ring, cqe);
        }
        for (size_t i = 0; i < batch.size(); ++i) {
            const size_t taken = results[i] < 0 ? 0 : size_t(results[i]);
            if (taken < frame.size()) {
                batch[i]->out.assign(frame, taken);
                watch(batch[i]->fd, EPOLLIN | EPOLLOUT, EPOLL_CTL_MOD);
            }
        }
        batch.clear();
    }
#endif

    /// Sends at once what the kernel takes and keeps the rest for EPOLLOUT, in order.
    void send(Connection &connection, const std::string &bytes)
    {
        if (!connection.out.empty()) {
            connection.out += bytes;
            return;
        }
        const ssize_t sent = ::send(connection.fd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        const size_t taken = sent < 0 ? 0 : size_t(sent);
        if (taken < bytes.size()) {
            connection.out.assign(bytes, taken);
            watch(connection.fd, EPOLLIN | EPOLLOUT, EPOLL_CTL_MOD);
        }
    }

    bool flush(Connection &connection)
    {
        const ssize_t sent = ::send(connection.fd, connection.out.data(), connection.out.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (sent < 0)
            return errno == EAGAIN || errno == EINTR;
        connection.out.erase(0, size_t(sent));
        if (connection.out.empty())
            watch(connection.fd, EPOLLIN, EPOLL_CTL_MOD);
        return true;
    }

#ifdef SUBSCRIPTOR_HAVE_IO_URING
    io_uring m_ring{};
    bool m_ringReady = io_uring_queue_init(RingEntries, &m_ring, 0) == 0;
#endif
    int m_epoll = -1;
    int m_webSocketListener = -1;
    int m_triggerListener = -1;
    quint16 m_webSocketPort = 0;
    quint16 m_triggerPort = 0;
    std::unordered_map<int, std::unique_ptr<Connection>> m_connections;
};

} // namespace

int main()
{
    raiseFileLimit();
    RawServer server;
    if (!server.listen())
        return 1;
    server.run();
}

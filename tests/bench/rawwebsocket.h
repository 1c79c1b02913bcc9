// SPDX-License-Identifier: MIT
// The few pieces of RFC 6455 the benchmarks' lean clients need (FanoutClients, bench_gtw): raw
// non-blocking sockets, no QWebSocket, so that thousands of clients cost far less than the server
// they measure. Client frames are masked (§5.3); server frames are read unmasked.
#pragma once

#include <QtGlobal>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

namespace Subscriptor::Bench::RawWebSocket {

constexpr int OpText = 0x1;
constexpr int OpClose = 0x8;
constexpr int OpPing = 0x9;
constexpr int OpPong = 0xA;

/// Opens a non-blocking TCP socket (no Nagle delay), starts connecting it to `address` and
/// watches it in `epoll` for reading and writing, with `tag` as its event data. The descriptor,
/// or -1 with `error` set.
inline int startConnect(const sockaddr_in &address, int epoll, void *tag, std::string &error)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = std::string("socket(): ") + std::strerror(errno);
        return -1;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) < 0 && errno != EINPROGRESS) {
        error = std::string("connect(): ") + std::strerror(errno);
        ::close(fd);
        return -1;
    }
    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT;
    event.data.ptr = tag;
    epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
    return fd;
}

/// Asks the kernel to stamp every segment that arrives on `fd` with its time of arrival
/// (SO_TIMESTAMPNS, CLOCK_REALTIME), which readAvailable() then hands on.
inline void stampArrivals(int fd)
{
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
}

/// Room for the control message that carries an arrival stamp (see stampArrivals()).
constexpr size_t StampControlBytes = CMSG_SPACE(sizeof(timespec));

/// The arrival stamp in a recvmsg()'s control messages, in CLOCK_REALTIME ns; 0 when none.
inline qint64 arrivalStamp(msghdr &message)
{
    qint64 arrived = 0;
    for (cmsghdr *header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
        if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_TIMESTAMPNS) {
            timespec stamp;
            std::memcpy(&stamp, CMSG_DATA(header), sizeof stamp);
            arrived = qint64(stamp.tv_sec) * 1'000'000'000 + stamp.tv_nsec;
        }
    }
    return arrived;
}

/// recv() that, with `arrivedNs` on a socket of stampArrivals(), also sets it to when the kernel
/// received the last of the bytes read (TCP gives the newest segment's stamp), in CLOCK_REALTIME ns.
inline ssize_t receive(int fd, char *data, size_t size, qint64 *arrivedNs)
{
    if (!arrivedNs)
        return ::recv(fd, data, size, 0);
    iovec vector{data, size};
    alignas(cmsghdr) char control[StampControlBytes];
    msghdr message{};
    message.msg_iov = &vector;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    const ssize_t got = ::recvmsg(fd, &message, 0);
    if (got > 0) {
        if (const qint64 arrived = arrivalStamp(message))
            *arrivedNs = arrived;
    }
    return got;
}

/// Sends all of `data` on a non-blocking socket, waiting out a full kernel buffer. False on error.
inline bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t written = ::send(fd, data, size, MSG_NOSIGNAL);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN) {
                usleep(50);
                continue;
            }
            return false;
        }
        data += written;
        size -= size_t(written);
    }
    return true;
}

/// Appends the header of a whole frame (FIN set, RFC 6455 §5.2) of `size` payload bytes.
inline void appendFrameHeader(std::string &frame, int opcode, size_t size, bool masked)
{
    const char maskBit = masked ? char(0x80) : char(0);
    frame.push_back(char(0x80 | opcode));
    if (size < 126) {
        frame.push_back(char(maskBit | char(size)));
    } else if (size < 65536) {
        frame.push_back(char(maskBit | 126));
        frame.push_back(char(size >> 8));
        frame.push_back(char(size & 0xff));
    } else {
        frame.push_back(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.push_back(char((quint64(size) >> shift) & 0xff));
    }
}

/// A whole client frame of `payload`, masked with `mask`.
inline std::string maskedFrame(int opcode, std::string_view payload, quint32 mask)
{
    std::string frame;
    frame.reserve(payload.size() + 14);
    appendFrameHeader(frame, opcode, payload.size(), true);
    const char bytes[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    frame.append(bytes, 4);
    for (size_t i = 0; i < payload.size(); ++i)
        frame.push_back(char(payload[i] ^ bytes[i % 4]));
    return frame;
}

/// A whole server frame of `payload`, unmasked.
inline std::string serverFrame(int opcode, std::string_view payload)
{
    std::string frame;
    frame.reserve(payload.size() + 10);
    appendFrameHeader(frame, opcode, payload.size(), false);
    frame.append(payload);
    return frame;
}

/// The header of a frame at the start of `available` bytes.
struct FrameHeader
{
    int opcode = 0;
    bool final = true;     // FIN: the last (here: the only) frame of its message
    bool masked = false;   // a client's frame (§5.3): the payload is XORed with `mask`
    char mask[4] = {};
    size_t headerSize = 0; // bytes before the payload, the mask included
    size_t length = 0;     // of the payload
};

/// The header of the frame that starts at `data`, when the whole frame (header and payload) is
/// among the `available` bytes; nothing while more must be read.
inline std::optional<FrameHeader> readFrame(const char *data, size_t available)
{
    if (available < 2)
        return std::nullopt;
    const auto *header = reinterpret_cast<const unsigned char *>(data);
    FrameHeader frame;
    frame.opcode = header[0] & 0x0f;
    frame.final = (header[0] & 0x80) != 0;
    frame.length = header[1] & 0x7f;
    frame.headerSize = 2;
    if (frame.length == 126) {
        if (available < 4)
            return std::nullopt;
        frame.length = (size_t(header[2]) << 8) | header[3];
        frame.headerSize = 4;
    } else if (frame.length == 127) {
        if (available < 10)
            return std::nullopt;
        frame.length = 0;
        for (int b = 0; b < 8; ++b)
            frame.length = (frame.length << 8) | header[2 + b];
        frame.headerSize = 10;
    }
    frame.masked = (header[1] & 0x80) != 0;
    if (frame.masked) {
        if (available < frame.headerSize + 4)
            return std::nullopt;
        std::memcpy(frame.mask, data + frame.headerSize, 4);
        frame.headerSize += 4;
    }
    if (available - frame.headerSize < frame.length)
        return std::nullopt;
    return frame;
}

enum class ReadResult { Ok, Closed, Failed };

/// Hands on what `size` bytes just read from a socket carry: first, while `inHead`, the server's
/// HTTP head (`onHead(std::string_view)`, which clears `inHead`), then each whole frame
/// (`onFrame(FrameHeader, const char *payload)`); each returns Ok to go on. A head or frame not
/// whole yet waits in `pending` for the next bytes. Ok when all of them are used or waiting.
template<typename OnHead, typename OnFrame>
ReadResult consume(const char *data, size_t size, std::string &pending, bool &inHead, OnHead &&onHead,
                   OnFrame &&onFrame)
{
    // Parse straight from the bytes read unless a partial head or frame is waiting.
    if (!pending.empty()) {
        pending.append(data, size);
        data = pending.data();
        size = pending.size();
    }
    size_t used = 0;
    if (inHead) {
        const char *end = static_cast<const char *>(memmem(data, size, "\r\n\r\n", 4));
        if (!end) {
            if (pending.empty())
                pending.assign(data, size);
            return ReadResult::Ok;
        }
        inHead = false;
        if (const ReadResult result = onHead(std::string_view(data, size_t(end - data))); result != ReadResult::Ok)
            return result;
        used = size_t(end - data) + 4;
    }
    while (const auto frame = readFrame(data + used, size - used)) {
        if (const ReadResult result = onFrame(*frame, data + used + frame->headerSize); result != ReadResult::Ok)
            return result;
        used += frame->headerSize + frame->length;
    }
    if (pending.empty())
        pending.assign(data + used, size - used);
    else
        pending.erase(0, used);
    return ReadResult::Ok;
}

/// Reads what a non-blocking socket has and hands it to consume(). Ok once the socket has nothing
/// more to read. On a socket of stampArrivals(), `*arrivedNs` is the arrival of the bytes read
/// last, a frame's last bytes among them, whenever `onFrame` is called.
template<typename OnHead, typename OnFrame>
ReadResult readAvailable(int fd, std::vector<char> &scratch, std::string &pending, bool inHead, std::string &error,
                         OnHead &&onHead, OnFrame &&onFrame, qint64 *arrivedNs = nullptr)
{
    for (;;) {
        const ssize_t got = receive(fd, scratch.data(), scratch.size(), arrivedNs);
        if (got == 0)
            return ReadResult::Closed;
        if (got < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN)
                return ReadResult::Ok;
            error = std::string("recv(): ") + std::strerror(errno);
            return ReadResult::Failed;
        }
        if (const ReadResult result = consume(scratch.data(), size_t(got), pending, inHead, onHead, onFrame);
            result != ReadResult::Ok)
            return result;
        if (size_t(got) < scratch.size())
            return ReadResult::Ok;
    }
}

} // namespace Subscriptor::Bench::RawWebSocket

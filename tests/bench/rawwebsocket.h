// SPDX-License-Identifier: MIT
// The few pieces of RFC 6455 the benchmarks' lean clients need (FanoutClients, bench_gtw): raw
// non-blocking sockets, no QWebSocket, so that thousands of clients cost far less than the server
// they measure. Client frames are masked (§5.3); server frames are read unmasked.
#pragma once

#include <QtGlobal>

#include <cerrno>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <sys/socket.h>
#include <unistd.h>

namespace Subscriptor::Bench::RawWebSocket {

constexpr int OpText = 0x1;
constexpr int OpClose = 0x8;
constexpr int OpPing = 0x9;
constexpr int OpPong = 0xA;

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

/// A whole client frame (FIN set) of `payload`, masked with `mask`; payloads under 64 KiB.
inline std::string maskedFrame(int opcode, std::string_view payload, quint32 mask)
{
    std::string frame;
    frame.reserve(payload.size() + 8);
    frame.push_back(char(0x80 | opcode));
    if (payload.size() < 126) {
        frame.push_back(char(0x80 | payload.size()));
    } else {
        frame.push_back(char(0x80 | 126));
        frame.push_back(char(payload.size() >> 8));
        frame.push_back(char(payload.size() & 0xff));
    }
    const char bytes[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    frame.append(bytes, 4);
    for (size_t i = 0; i < payload.size(); ++i)
        frame.push_back(char(payload[i] ^ bytes[i % 4]));
    return frame;
}

/// The header of a server frame at the start of `available` bytes.
struct FrameHeader
{
    int opcode = 0;
    bool final = true;     // FIN: the last (here: the only) frame of its message
    size_t headerSize = 0; // bytes before the payload
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
    if (available - frame.headerSize < frame.length)
        return std::nullopt;
    return frame;
}

} // namespace Subscriptor::Bench::RawWebSocket

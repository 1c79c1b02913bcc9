// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <memory>
#include <span>
#include <vector>

#include <sys/types.h>

namespace Subscriptor::Bench {

/**
 * Reads many ready sockets at once for the benchmark's one receiving thread. On Linux built with
 * liburing, one io_uring submission carries a recvmsg for each socket epoll reported readable, so
 * a change's 1,000 notifications cost one system call, not 1,000: under a hypervisor a system call
 * costs several microseconds, and the clients must cost far less than the server they measure.
 * Each read keeps the kernel's arrival stamp (SO_TIMESTAMPNS, see RawWebSocket::stampArrivals()).
 * Elsewhere, or where the kernel refuses io_uring, one recvmsg per socket. Not thread-safe.
 */
class BatchReceiver final
{
public:
    /// Sockets a call reads at most.
    static constexpr unsigned MaxSockets = 512;
    /// Bytes a socket's read takes at most; what is left waits for the next call.
    static constexpr size_t SlotBytes = 16 * 1024;

    struct Read
    {
        ssize_t result = 0;            // bytes read, 0 at the end of the stream, or -errno (-EAGAIN: none)
        const char *data = nullptr;    // valid until the next call
        qint64 arrivedRealtimeNs = 0;  // when the last of them arrived, CLOCK_REALTIME; 0 if not stamped
    };

    BatchReceiver();
    ~BatchReceiver();
    Q_DISABLE_COPY_MOVE(BatchReceiver)

    /// Reads each of `descriptors` (at most MaxSockets) once, without waiting: the result's i-th
    /// read is the i-th descriptor's.
    std::span<const Read> readEach(std::span<const int> descriptors);

private:
    struct Ring;
    struct Slot;
    void prepare(size_t index);
    void finish(size_t index, ssize_t result);
    /// False when the ring failed: the reads it did not finish are left with no data.
    bool readOnRing(std::span<const int> descriptors);

    std::unique_ptr<Ring> m_ring;
    std::vector<Slot> m_slots;
    std::vector<char> m_buffers;
    std::vector<Read> m_reads; // a read not done yet has no data
};

} // namespace Subscriptor::Bench

// SPDX-License-Identifier: MIT
#include "batchreceiver.h"

#include "rawwebsocket.h"

#include <cerrno>

#include <sys/socket.h>

#ifdef SUBSCRIPTOR_HAVE_IO_URING
#include <liburing.h>
#endif

namespace Subscriptor::Bench {

struct BatchReceiver::Slot
{
    alignas(cmsghdr) char control[RawWebSocket::StampControlBytes];
    iovec vector{};
    msghdr message{};
};

#ifdef SUBSCRIPTOR_HAVE_IO_URING
struct BatchReceiver::Ring
{
    io_uring ring{};
};
#else
struct BatchReceiver::Ring
{
};
#endif

BatchReceiver::BatchReceiver() : m_slots(MaxSockets), m_buffers(size_t(MaxSockets) * SlotBytes)
{
#ifdef SUBSCRIPTOR_HAVE_IO_URING
    auto ring = std::make_unique<Ring>();
    if (io_uring_queue_init(MaxSockets, &ring->ring, 0) == 0)
        m_ring = std::move(ring);
#endif
}

BatchReceiver::~BatchReceiver()
{
#ifdef SUBSCRIPTOR_HAVE_IO_URING
    if (m_ring)
        io_uring_queue_exit(&m_ring->ring);
#endif
}

void BatchReceiver::prepare(size_t index)
{
    Slot &slot = m_slots[index];
    slot.vector = iovec{m_buffers.data() + index * SlotBytes, SlotBytes};
    slot.message = msghdr{};
    slot.message.msg_iov = &slot.vector;
    slot.message.msg_iovlen = 1;
    slot.message.msg_control = slot.control;
    slot.message.msg_controllen = sizeof slot.control;
}

void BatchReceiver::finish(size_t index, ssize_t result)
{
    Read &read = m_reads[index];
    read.result = result;
    read.data = m_buffers.data() + index * SlotBytes;
    read.arrivedRealtimeNs = result > 0 ? RawWebSocket::arrivalStamp(m_slots[index].message) : 0;
}

std::span<const BatchReceiver::Read> BatchReceiver::readEach(std::span<const int> descriptors)
{
    Q_ASSERT(descriptors.size() <= MaxSockets);
    m_reads.assign(descriptors.size(), Read{});
    for (size_t i = 0; i < descriptors.size(); ++i)
        prepare(i);
    if (m_ring && !readOnRing(descriptors)) {
#ifdef SUBSCRIPTOR_HAVE_IO_URING
        io_uring_queue_exit(&m_ring->ring);
#endif
        m_ring.reset();
    }
    for (size_t i = 0; i < descriptors.size(); ++i) {
        if (m_reads[i].data)
            continue;
        const ssize_t got = ::recvmsg(descriptors[i], &m_slots[i].message, MSG_DONTWAIT);
        finish(i, got < 0 ? -errno : got);
    }
    return m_reads;
}

bool BatchReceiver::readOnRing(std::span<const int> descriptors)
{
#ifdef SUBSCRIPTOR_HAVE_IO_URING
    for (size_t i = 0; i < descriptors.size(); ++i) {
        io_uring_sqe *entry = io_uring_get_sqe(&m_ring->ring); // never null: at most MaxSockets a call
        // MSG_DONTWAIT: a socket with nothing to read completes at once with EAGAIN.
        io_uring_prep_recvmsg(entry, descriptors[i], &m_slots[i].message, MSG_DONTWAIT);
        io_uring_sqe_set_data64(entry, i);
    }
    const unsigned prepared = unsigned(descriptors.size());
    unsigned submitted = 0;
    while (submitted < prepared) {
        const int result = io_uring_submit_and_wait(&m_ring->ring, prepared - submitted);
        if (result > 0)
            submitted += unsigned(result);
        else if (result != -EINTR)
            break;
    }
    for (unsigned completed = 0; completed < submitted;) {
        io_uring_cqe *completion = nullptr;
        if (io_uring_wait_cqe(&m_ring->ring, &completion) < 0)
            continue; // interrupted
        finish(size_t(io_uring_cqe_get_data64(completion)), completion->res);
        io_uring_cqe_seen(&m_ring->ring, completion);
        ++completed;
    }
    return submitted == prepared;
#else
    Q_UNUSED(descriptors);
    return false;
#endif
}

} // namespace Subscriptor::Bench

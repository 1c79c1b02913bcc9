// SPDX-License-Identifier: MIT
#include "batchwriter.h"

#include <QLoggingCategory>

#ifdef SUBSCRIPTOR_HAVE_IO_URING
#include <liburing.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#endif

namespace Subscriptor::Transport {

Q_LOGGING_CATEGORY(lcSend, "subscriptor.send")

#ifdef SUBSCRIPTOR_HAVE_IO_URING

namespace {

// A connection with more frames than one sendmsg takes (IOV_MAX) is written on its own.
constexpr size_t MaxFramesPerSend = 1024;

} // namespace

struct BatchWriter::Ring
{
    io_uring ring{};
    std::vector<iovec> parts;     // every frame of a submission, write after write
    std::vector<msghdr> messages; // one per write of a submission
};

BatchWriter::BatchWriter(Kernel kernel)
{
    if (kernel != Kernel::Best)
        return;
    auto ring = std::make_unique<Ring>();
    const int error = io_uring_queue_init(RingEntries, &ring->ring, 0);
    if (error < 0) {
        static std::once_flag once;
        std::call_once(once, [error] {
            qCInfo(lcSend).noquote() << "io_uring is not available (" << std::strerror(-error)
                                     << "): one sendmsg per connection";
        });
        return;
    }
    ring->messages.resize(RingEntries);
    m_ring = std::move(ring);
}

BatchWriter::~BatchWriter()
{
    if (m_ring)
        io_uring_queue_exit(&m_ring->ring);
}

bool BatchWriter::writeOnRing(std::span<WebSocketSession::DirectWrite> writes)
{
    Ring &ring = *m_ring;
    size_t frames = 0;
    for (const WebSocketSession::DirectWrite &write : writes)
        frames += write.frames.size() > MaxFramesPerSend ? 0 : write.frames.size();
    ring.parts.resize(frames); // not resized again before the sends complete: the kernel reads it
    unsigned prepared = 0;
    size_t part = 0;
    for (size_t i = 0; i < writes.size(); ++i) {
        WebSocketSession::DirectWrite &write = writes[i];
        if (write.frames.size() > MaxFramesPerSend) {
            write.taken = WebSocketSession::writeNow(write.descriptor, write.frames);
            continue;
        }
        write.taken = -1; // until its completion comes
        msghdr &message = ring.messages[prepared];
        message = msghdr{};
        message.msg_iov = &ring.parts[part];
        message.msg_iovlen = write.frames.size();
        for (const QByteArray &frame : write.frames)
            ring.parts[part++] = iovec{const_cast<char *>(frame.constData()), size_t(frame.size())};
        io_uring_sqe *entry = io_uring_get_sqe(&ring.ring); // never null: at most RingEntries a call
        // MSG_DONTWAIT: a full buffer completes at once with what it took, or EAGAIN, as
        // writeNow() does, instead of the ring waiting for room.
        io_uring_prep_sendmsg(entry, write.descriptor, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        io_uring_sqe_set_data64(entry, i);
        ++prepared;
    }
    unsigned submitted = 0;
    while (submitted < prepared) {
        const int result = io_uring_submit_and_wait(&ring.ring, prepared - submitted);
        if (result > 0) {
            submitted += unsigned(result);
        } else if (result != -EINTR) {
            qCWarning(lcSend).noquote() << "io_uring refused a submission (" << std::strerror(-result)
                                           << "): one sendmsg per connection from now on";
            break;
        }
    }
    for (unsigned completed = 0; completed < submitted;) {
        io_uring_cqe *completion = nullptr;
        if (io_uring_wait_cqe(&ring.ring, &completion) < 0)
            continue; // interrupted
        // An error (the peer went, or EAGAIN) takes nothing; Qt reports a gone peer the usual way.
        writes[size_t(io_uring_cqe_get_data64(completion))].taken = std::max(completion->res, 0);
        io_uring_cqe_seen(&ring.ring, completion);
        ++completed;
    }
    return submitted == prepared;
}

#else

struct BatchWriter::Ring
{
};

BatchWriter::BatchWriter(Kernel) {}

BatchWriter::~BatchWriter() = default;

#endif

void BatchWriter::write(std::span<WebSocketSession::DirectWrite> writes)
{
#ifdef SUBSCRIPTOR_HAVE_IO_URING
    while (m_ring && !writes.empty()) {
        const std::span chunk = writes.first(std::min<size_t>(writes.size(), RingEntries));
        writes = writes.subspan(chunk.size());
        if (writeOnRing(chunk))
            continue;
        io_uring_queue_exit(&m_ring->ring); // drops the entries it did not take
        m_ring.reset();
        for (WebSocketSession::DirectWrite &write : chunk) {
            if (write.taken < 0)
                write.taken = WebSocketSession::writeNow(write.descriptor, write.frames);
        }
    }
#endif
    for (WebSocketSession::DirectWrite &write : writes)
        write.taken = WebSocketSession::writeNow(write.descriptor, write.frames);
}

} // namespace Subscriptor::Transport

// SPDX-License-Identifier: MIT
#pragma once

#include "websocketsession.h"

#include <memory>
#include <span>
#include <vector>

namespace Subscriptor::Transport {

/**
 * Hands many connections' frames to the kernel in as few system calls as it can (DESIGN.md,
 * Fan-out). On Linux built with liburing, one io_uring submission carries up to RingEntries
 * connections' sends, each a sendmsg that takes what the socket's buffer takes without waiting,
 * exactly as WebSocketSession::writeNow() would; a system call costs more than a small send on
 * machines with page-table isolation or under a hypervisor. Elsewhere, or where the kernel refuses
 * io_uring (old kernels, seccomp), one writeNow() per connection. Not thread-safe: each thread
 * that sends has its own.
 */
class BatchWriter final
{
public:
    enum class Kernel { Best, OneCallPerConnection };
    /// Sends per submission: a batch of more connections takes several.
    static constexpr unsigned RingEntries = 256;

    explicit BatchWriter(Kernel kernel = Kernel::Best);
    ~BatchWriter();
    Q_DISABLE_COPY_MOVE(BatchWriter)

    /// Sets each write's `taken`, the bytes of its frames the kernel took.
    void write(std::span<WebSocketSession::DirectWrite> writes);
    /// Whether write() uses io_uring.
    bool usesRing() const { return m_ring != nullptr; }

private:
    struct Ring;
    /// At most RingEntries writes; false when the ring failed (then the writes not done are done
    /// one call each, and the ring is gone).
    bool writeOnRing(std::span<WebSocketSession::DirectWrite> writes);

    std::unique_ptr<Ring> m_ring;
};

} // namespace Subscriptor::Transport

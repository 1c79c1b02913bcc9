// SPDX-License-Identifier: MIT
#pragma once

#include "batchwriter.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace Subscriptor::Transport {

/**
 * Hands many connections' frames to the kernel on several threads at once (DESIGN.md, Fan-out).
 * Sending is most of what a fan-out costs (on loopback the kernel even does the receiving
 * side's TCP work inside the sender's call), and each connection's send is independent of the
 * others'. Only descriptors and the shared, unchanging frames cross threads: the sessions stay on
 * the server's thread, which takes a share of the work and waits for the rest.
 */
class ParallelSender final
{
public:
    /// Helper threads a machine of `cores` gets: one fewer than its cores, at most three.
    static int helpersFor(int cores);

    explicit ParallelSender(int helpers, BatchWriter::Kernel kernel = BatchWriter::Kernel::Best);
    ~ParallelSender();
    Q_DISABLE_COPY_MOVE(ParallelSender)

    int helpers() const { return int(m_threads.size()); }
    bool usesRing() const { return m_writer.usesRing(); }
    /// Sets each write's `taken` (BatchWriter::write()); returns when all are done.
    void send(std::span<WebSocketSession::DirectWrite> writes);

private:
    void help();
    void work(std::span<WebSocketSession::DirectWrite> writes, BatchWriter &writer);

    const BatchWriter::Kernel m_kernel;
    BatchWriter m_writer; // the calling thread's; each helper has its own
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_start;
    std::condition_variable m_finished;
    std::span<WebSocketSession::DirectWrite> m_writes; // the round's, under m_mutex
    std::atomic<size_t> m_next{0};
    quint64 m_round = 0;
    int m_busy = 0; // helpers still in the round
    bool m_stop = false;
};

} // namespace Subscriptor::Transport

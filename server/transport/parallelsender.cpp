// SPDX-License-Identifier: MIT
#include "parallelsender.h"

#include <algorithm>

namespace Subscriptor::Transport {

namespace {

// Waking a helper costs tens of microseconds: below this many connections one thread is sooner.
constexpr size_t MinWritesToShare = 128;
// Connections a thread takes at a time.
constexpr size_t ChunkSize = 32;
constexpr int MaxHelpers = 3;

} // namespace

int ParallelSender::helpersFor(int cores)
{
    return std::clamp(cores - 1, 0, MaxHelpers);
}

ParallelSender::ParallelSender(int helpers, BatchWriter::Kernel kernel) : m_kernel(kernel), m_writer(kernel)
{
    for (int i = 0; i < helpers; ++i)
        m_threads.emplace_back([this] { help(); });
}

ParallelSender::~ParallelSender()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_start.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
}

void ParallelSender::send(std::span<WebSocketSession::DirectWrite> writes)
{
    if (m_threads.empty() || writes.size() < MinWritesToShare) {
        m_writer.write(writes);
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_writes = writes;
        m_next.store(0, std::memory_order_relaxed);
        m_busy = int(m_threads.size());
        ++m_round;
    }
    m_start.notify_all();
    work(writes, m_writer);
    std::unique_lock lock(m_mutex);
    m_finished.wait(lock, [this] { return m_busy == 0; });
    m_writes = {};
}

void ParallelSender::help()
{
    BatchWriter writer(m_kernel);
    quint64 done = 0;
    for (;;) {
        std::span<WebSocketSession::DirectWrite> writes;
        {
            std::unique_lock lock(m_mutex);
            m_start.wait(lock, [&] { return m_stop || m_round != done; });
            if (m_stop)
                return;
            done = m_round;
            writes = m_writes;
        }
        work(writes, writer);
        const std::lock_guard lock(m_mutex);
        if (--m_busy == 0)
            m_finished.notify_one();
    }
}

void ParallelSender::work(std::span<WebSocketSession::DirectWrite> writes, BatchWriter &writer)
{
    for (;;) {
        const size_t first = m_next.fetch_add(ChunkSize, std::memory_order_relaxed);
        if (first >= writes.size())
            return;
        writer.write(writes.subspan(first, std::min(ChunkSize, writes.size() - first)));
    }
}

} // namespace Subscriptor::Transport

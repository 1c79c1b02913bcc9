// SPDX-License-Identifier: MIT
#include "checkpointer.h"

#include "database.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <chrono>

namespace Subscriptor::Model {

Q_LOGGING_CATEGORY(lcCheckpoint, "subscriptor.checkpoint")

Checkpointer::Checkpointer(const Database &database) : m_database(database) { }

Checkpointer::~Checkpointer()
{
    stop();
}

void Checkpointer::start()
{
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void Checkpointer::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void Checkpointer::committed()
{
    const int commits = m_commits.fetch_add(1, std::memory_order_relaxed) + 1;
    if (commits == 1 || commits == CommitsPerCheckpoint) {
        const std::lock_guard lock(m_mutex); // so that the wake cannot fall between test and wait
        m_wake.notify_one();
    }
}

void Checkpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        // Asleep until this process commits; then a little longer, to checkpoint many at once.
        m_wake.wait(lock, [this] { return m_stop || m_commits.load(std::memory_order_relaxed) > 0; });
        m_wake.wait_for(lock, std::chrono::milliseconds(MaxDelayMs), [this] {
            return m_stop || m_commits.load(std::memory_order_relaxed) >= CommitsPerCheckpoint;
        });
        if (m_stop)
            break;
        m_commits.store(0, std::memory_order_relaxed);
        lock.unlock();
        checkpoint();
        lock.lock();
    }
    lock.unlock();
    m_database.closeConnection();
}

void Checkpointer::checkpoint()
{
    QSqlQuery query(m_database.connection());
    // PASSIVE: copies what no reader still needs, and never waits for a reader or a writer.
    if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"))) {
        qCWarning(lcCheckpoint).noquote() << "checkpoint failed:" << query.lastError().text();
        return;
    }
    m_checkpoints.fetch_add(1, std::memory_order_relaxed);
}

} // namespace Subscriptor::Model

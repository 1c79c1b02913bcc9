// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Subscriptor::Model {

class Database;

/**
 * Copies SQLite's write-ahead log into the database file on a thread of its own, so that the
 * thread that commits never waits for the disk (DESIGN.md, Storage and change capture).
 *
 * SQLite's automatic checkpoint runs inside the commit that crosses its threshold and syncs the
 * log and the database file there: two fsyncs, milliseconds on a real disk, during which the
 * server's event loop stands still. SQLite's documentation suggests running checkpoints on a
 * separate thread instead. Here a PASSIVE checkpoint (it never blocks a reader or a writer) runs
 * after every CommitsPerCheckpoint commits of this process, or MaxDelayMs after the first one.
 *
 * A passive checkpoint cannot reset the log while writes never pause, so the writers' own
 * automatic checkpoint stays, at Database::WalBackstopPages: under a sustained burst the log
 * stays bounded, and the checkpoint the writer then makes finds most of the work done.
 */
class Checkpointer final
{
public:
    static constexpr int CommitsPerCheckpoint = 250;
    static constexpr int MaxDelayMs = 500;

    explicit Checkpointer(const Database &database);
    ~Checkpointer();
    Q_DISABLE_COPY_MOVE(Checkpointer)

    /// Starts the thread. For SQLite databases only: there is no write-ahead log elsewhere.
    void start();
    /// Ends the thread; commits after this are only counted.
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

    /// Counts one commit made by this process; safe from any thread, and cheap: it wakes the
    /// checkpointer only at the first commit since its last checkpoint and when enough are due.
    void committed();
    /// Checkpoints made so far.
    quint64 checkpoints() const { return m_checkpoints.load(std::memory_order_relaxed); }

private:
    void run();
    void checkpoint();

    const Database &m_database;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::atomic<int> m_commits{0}; // since the last checkpoint began
    std::atomic<quint64> m_checkpoints{0};
    bool m_stop = false;           // under m_mutex
};

} // namespace Subscriptor::Model

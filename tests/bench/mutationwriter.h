// SPDX-License-Identifier: MIT
#pragma once

#include "fanoutclients.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace Subscriptor::Bench {

/**
 * Makes changes by HTTP POSTs on keep-alive connections (blocking sockets, a thread each): at a
 * fixed rate on one connection, or as fast as the server answers on several, one request in
 * flight on each. A change's send time (the instant before its request is written) is recorded
 * under its number, which `body` writes into the change.
 */
class MutationWriter final
{
public:
    using Body = std::function<std::string(quint64 change)>;

    MutationWriter(std::string host, quint16 port, std::string path, Body body, SendTimes &sendTimes,
                   std::atomic<quint64> &nextChange);
    ~MutationWriter();
    Q_DISABLE_COPY_MOVE(MutationWriter)

    /// `ratePerSecond` > 0: one connection at that rate; 0: `connections` connections, flat out.
    bool start(int connections, double ratePerSecond, std::string &error);
    void stop();
    /// Changes whose request went out (each one is a change the subscribers must receive).
    quint64 sent() const { return m_sent.load(std::memory_order_relaxed); }
    quint64 failures() const { return m_failures.load(std::memory_order_relaxed); }
    std::string firstFailure() const;

private:
    void run(int fd, double ratePerSecond);
    bool post(int fd, quint64 change, std::string &response);
    void fail(const std::string &what);

    const std::string m_host;
    const quint16 m_port;
    const std::string m_path;
    const Body m_body;
    SendTimes &m_sendTimes;
    std::atomic<quint64> &m_nextChange;
    std::vector<std::thread> m_threads;
    std::vector<int> m_fds;
    std::atomic<bool> m_stop{false};
    std::atomic<quint64> m_sent{0};
    std::atomic<quint64> m_failures{0};
    mutable std::mutex m_mutex;
    std::string m_firstFailure;
};

} // namespace Subscriptor::Bench

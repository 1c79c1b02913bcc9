// SPDX-License-Identifier: MIT
#include "mutationwriter.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace Subscriptor::Bench {

namespace {

constexpr size_t MaxResponseBytes = 1024 * 1024;
constexpr int AnswerTimeoutSeconds = 60; // a server that stops answering fails the run, not hangs it

} // namespace

MutationWriter::MutationWriter(std::string host, quint16 port, std::string path, Body body, SendTimes &sendTimes,
                               std::atomic<quint64> &nextChange)
    : m_host(std::move(host)), m_port(port), m_path(std::move(path)), m_body(std::move(body)),
      m_sendTimes(sendTimes), m_nextChange(nextChange)
{
}

MutationWriter::~MutationWriter()
{
    stop();
}

bool MutationWriter::start(int connections, double ratePerSecond, std::string &error)
{
    stop();
    m_stop.store(false);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_port);
    inet_pton(AF_INET, m_host.c_str(), &address.sin_addr);
    const int count = ratePerSecond > 0 ? 1 : connections;
    for (int i = 0; i < count; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        const timeval timeout{AnswerTimeoutSeconds, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) < 0) {
            error = std::string("cannot connect the writer: ") + std::strerror(errno);
            if (fd >= 0)
                ::close(fd);
            return false;
        }
        m_fds.push_back(fd);
    }
    for (int fd : m_fds)
        m_threads.emplace_back([this, fd, ratePerSecond] { run(fd, ratePerSecond); });
    return true;
}

void MutationWriter::stop()
{
    m_stop.store(true);
    for (std::thread &thread : m_threads)
        thread.join();
    m_threads.clear();
    for (int fd : m_fds)
        ::close(fd);
    m_fds.clear();
}

std::string MutationWriter::firstFailure() const
{
    std::lock_guard lock(m_mutex);
    return m_firstFailure;
}

void MutationWriter::fail(const std::string &what)
{
    m_failures.fetch_add(1);
    std::lock_guard lock(m_mutex);
    if (m_firstFailure.empty())
        m_firstFailure = what;
}

void MutationWriter::run(int fd, double ratePerSecond)
{
    const qint64 start = monotonicNs();
    const qint64 periodNs = ratePerSecond > 0 ? qint64(1e9 / ratePerSecond) : 0;
    std::string response;
    for (quint64 sentHere = 0; !m_stop.load(std::memory_order_relaxed); ++sentHere) {
        if (periodNs > 0) {
            // Paced by the schedule, not by the answers: a late answer does not delay the next
            // change further than itself.
            const qint64 due = start + qint64(sentHere) * periodNs;
            for (qint64 now = monotonicNs(); now < due && !m_stop.load(std::memory_order_relaxed); now = monotonicNs())
                usleep(useconds_t(std::min<qint64>(due - now, 2'000'000) / 1000));
            if (m_stop.load(std::memory_order_relaxed))
                return;
        }
        const quint64 change = m_nextChange.fetch_add(1);
        if (change >= m_sendTimes.capacity) {
            fail("out of change numbers");
            return;
        }
        if (!post(fd, change, response))
            return;
        if (response.find("\"errors\"") != std::string::npos)
            fail("the server answered with errors: " + response);
    }
}

bool MutationWriter::post(int fd, quint64 change, std::string &response)
{
    const std::string body = m_body(change);
    const std::string request = "POST " + m_path + " HTTP/1.1\r\nHost: " + m_host + ':' + std::to_string(m_port)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    m_sendTimes.times[change].store(monotonicNs(), std::memory_order_release);
    for (size_t done = 0; done < request.size();) {
        const ssize_t written = ::send(fd, request.data() + done, request.size() - done, MSG_NOSIGNAL);
        if (written <= 0) {
            fail(std::string("writing a request: ") + std::strerror(errno));
            return false;
        }
        done += size_t(written);
    }
    // Sent is made: the server carries it out even if its answer comes after stop().
    m_sent.fetch_add(1, std::memory_order_relaxed);
    // The answer: a head, then Content-Length bytes.
    response.clear();
    char buffer[16 * 1024];
    size_t headEnd = std::string::npos;
    size_t length = 0;
    for (;;) {
        if (headEnd != std::string::npos && response.size() >= headEnd + 4 + length)
            break;
        const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got <= 0) {
            if (got < 0 && errno == EINTR)
                continue;
            // Appended, not added up: GCC 12 at -O3 warns falsely about `"…" + std::string + "…"` (its bug 105329).
            std::string reason = got == 0 ? "the server closed the writer's connection" : "no answer within ";
            if (got < 0)
                reason.append(std::to_string(AnswerTimeoutSeconds)).append(" s");
            fail(reason);
            return false;
        }
        response.append(buffer, size_t(got));
        if (headEnd == std::string::npos && (headEnd = response.find("\r\n\r\n")) != std::string::npos) {
            if (response.compare(0, 12, "HTTP/1.1 200") != 0) {
                fail("the server answered: " + response.substr(0, headEnd));
                return false;
            }
            std::string head = response.substr(0, headEnd);
            for (char &c : head)
                c = char(std::tolower(static_cast<unsigned char>(c)));
            const size_t field = head.find("content-length:");
            length = field == std::string::npos ? 0 : std::strtoull(head.c_str() + field + 15, nullptr, 10);
        }
        if (response.size() > MaxResponseBytes) {
            fail("an answer too large");
            return false;
        }
    }
    response.erase(0, headEnd + 4);
    return true;
}

} // namespace Subscriptor::Bench

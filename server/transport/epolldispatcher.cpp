// SPDX-License-Identifier: MIT
#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>

namespace Subscriptor::Transport {

Q_LOGGING_CATEGORY(lcDispatcher, "subscriptor.dispatcher")

namespace {

// Ready descriptors taken from the kernel per pass; the rest stay ready for the next one.
constexpr int MaxReady = 1024;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

constexpr quint32 eventsOf(QSocketNotifier::Type type)
{
    switch (type) {
    case QSocketNotifier::Read:
        return EPOLLIN;
    case QSocketNotifier::Write:
        return EPOLLOUT;
    case QSocketNotifier::Exception:
        return EPOLLPRI;
    }
    return 0;
}

// Which notifiers a descriptor's readiness wakes, as Qt's UNIX dispatcher does for poll():
// an error or a hang-up wakes the reader (and an error the writer), who learns of it by reading.
constexpr bool wakes(quint32 ready, int type)
{
    switch (type) {
    case QSocketNotifier::Read:
        return ready & (EPOLLIN | EPOLLHUP | EPOLLERR);
    case QSocketNotifier::Write:
        return ready & (EPOLLOUT | EPOLLERR);
    default:
        return ready & EPOLLPRI;
    }
}

} // namespace

EpollDispatcher::EpollDispatcher(QObject *parent) : QAbstractEventDispatcher(parent)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_wakeFd;
    if (m_epoll < 0 || m_wakeFd < 0 || ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event) < 0)
        qFatal("cannot make an epoll event dispatcher: %s", std::strerror(errno));
}

EpollDispatcher::~EpollDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.load())
        return false;
    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    // An event posted since (by the events just sent, or another thread) has called wakeUp(): the
    // wait below ends at once.
    int timeout = 0;
    if (flags & QEventLoop::WaitForMoreEvents) {
        timeout = includeTimers ? timeoutMs() : -1;
        if (timeout != 0)
            Q_EMIT aboutToBlock();
    }
    epoll_event ready[MaxReady];
    int count = 0;
    if (includeNotifiers) {
        count = ::epoll_wait(m_epoll, ready, MaxReady, timeout);
    } else {
        // Only the wake-up counts: the sockets, still ready, wait for a pass that takes them.
        pollfd wake{m_wakeFd, POLLIN, 0};
        count = ::poll(&wake, 1, timeout);
        if (count > 0)
            ready[0].data.fd = m_wakeFd;
    }
    if (count < 0 && errno != EINTR)
        qCWarning(lcDispatcher).noquote() << "epoll_wait:" << std::strerror(errno);
    int handled = 0;
    for (int i = 0; i < count; ++i) {
        if (ready[i].data.fd == m_wakeFd) {
            eventfd_t value;
            ::eventfd_read(m_wakeFd, &value);
            ++handled;
        }
    }
    // After reading the eventfd: an event posted from here on writes it again.
    m_wakeUpPending.store(false);
    if (includeNotifiers && count > 0)
        handled += activateSocketNotifiers(ready, count);
    if (includeTimers)
        handled += activateTimers();
    return handled > 0;
}

int EpollDispatcher::activateSocketNotifiers(const epoll_event *ready, int count)
{
    for (int i = 0; i < count; ++i) {
        const auto found = m_descriptors.find(ready[i].data.fd);
        if (found == m_descriptors.end())
            continue; // the wake-up, or a descriptor unregistered since
        Descriptor &entry = found->second;
        for (int type = 0; type < 3; ++type) {
            if (entry.notifiers[type] && !entry.pending[type] && wakes(ready[i].events, type)) {
                entry.pending[type] = true;
                m_pending.push_back(Activation{found->first, type});
            }
        }
    }
    int delivered = 0;
    while (!m_pending.empty()) {
        const Activation activation = m_pending.front();
        m_pending.pop_front();
        // Each is looked up again: an earlier one's handler may have unregistered or deleted it.
        const auto found = m_descriptors.find(activation.descriptor);
        if (found == m_descriptors.end() || !found->second.pending[activation.type])
            continue;
        found->second.pending[activation.type] = false;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(found->second.notifiers[activation.type], &event);
        ++delivered;
    }
    return delivered;
}

int EpollDispatcher::activateTimers()
{
    const qint64 now = nowNs();
    std::vector<int> due; // those due now, in deadline order; a timer started meanwhile waits for the next pass
    for (auto it = m_deadlines.begin(); it != m_deadlines.end() && it->first <= now; ++it)
        due.push_back(it->second);
    int fired = 0;
    for (const int id : due) {
        const auto found = m_timers.find(id);
        if (found == m_timers.end())
            continue; // stopped by an earlier one's handler
        Timer &timer = found->second;
        schedule(id, timer, now);
        if (timer.inEvent)
            continue; // a nested event loop inside its own handler: not again
        timer.inEvent = true;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(timer.object, &event);
        ++fired;
        // `timer` may be gone: the handler can stop it, and another can take its id.
        const auto after = m_timers.find(id);
        if (after != m_timers.end())
            after->second.inEvent = false;
    }
    return fired;
}

void EpollDispatcher::schedule(int timerId, Timer &timer, qint64 now)
{
    const qint64 interval = timer.intervalMs * 1'000'000;
    qint64 next = now + interval;
    if (timer.deadline != m_deadlines.end()) {
        // As Qt's own dispatcher: one interval after the last deadline, or after now when that
        // fell behind (no burst to catch up).
        next = timer.deadline->first + interval;
        if (next < now)
            next = now + interval;
        m_deadlines.erase(timer.deadline);
    }
    timer.deadline = m_deadlines.emplace(next, timerId);
}

int EpollDispatcher::timeoutMs() const
{
    if (m_deadlines.empty())
        return -1;
    const qint64 left = m_deadlines.begin()->first - nowNs();
    if (left <= 0)
        return 0;
    return int(std::min<qint64>((left + 999'999) / 1'000'000, std::numeric_limits<int>::max()));
}

void EpollDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int descriptor = int(notifier->socket());
    Descriptor &entry = m_descriptors[descriptor];
    const int type = int(notifier->type());
    if (entry.notifiers[type] && entry.notifiers[type] != notifier) {
        // Two at once, or one left over from a descriptor closed before its notifier was disabled
        // (its number now another socket's): the last counts, and it is registered afresh.
        qCWarning(lcDispatcher) << "several notifiers of one type for descriptor" << descriptor << "; the last counts";
        entry.events = 0;
    }
    entry.notifiers[type] = notifier;
    update(descriptor, entry);
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const auto found = m_descriptors.find(int(notifier->socket()));
    const int type = int(notifier->type());
    if (found == m_descriptors.end() || found->second.notifiers[type] != notifier)
        return;
    Descriptor &entry = found->second;
    entry.notifiers[type] = nullptr;
    entry.pending[type] = false;
    update(found->first, entry);
    if (!entry.notifiers[0] && !entry.notifiers[1] && !entry.notifiers[2])
        m_descriptors.erase(found);
}

void EpollDispatcher::update(int descriptor, Descriptor &entry)
{
    quint32 wanted = 0;
    for (int type = 0; type < 3; ++type) {
        if (entry.notifiers[type])
            wanted |= eventsOf(QSocketNotifier::Type(type));
    }
    if (wanted == entry.events)
        return;
    epoll_event event{};
    event.events = wanted;
    event.data.fd = descriptor;
    int result = 0;
    if (wanted == 0) {
        // Fails harmlessly when the descriptor was closed first: closing removed it.
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, descriptor, &event);
    } else {
        // A descriptor closed while registered leaves epoll by itself, and its number may come
        // back as another socket: each operation falls back to the other.
        const int operation = entry.events == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
        result = ::epoll_ctl(m_epoll, operation, descriptor, &event);
        if (result < 0 && (errno == EEXIST || errno == ENOENT))
            result = ::epoll_ctl(m_epoll, operation == EPOLL_CTL_ADD ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, descriptor, &event);
    }
    if (result < 0) {
        qCWarning(lcDispatcher).noquote() << "cannot watch descriptor" << descriptor << ":" << std::strerror(errno);
        return;
    }
    entry.events = wanted;
}

void EpollDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    unregisterTimer(timerId); // Qt never registers an id twice; were it to, the last would count
    Timer &timer = m_timers[timerId];
    timer = Timer{std::max<qint64>(interval, 0), timerType, object, m_deadlines.end(), false};
    schedule(timerId, timer, nowNs());
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    const auto found = m_timers.find(timerId);
    if (found == m_timers.end())
        return false;
    m_deadlines.erase(found->second.deadline);
    m_timers.erase(found);
    return true;
}

bool EpollDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object != object) {
            ++it;
            continue;
        }
        m_deadlines.erase(it->second.deadline);
        it = m_timers.erase(it);
        any = true;
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (const auto &[id, timer] : m_timers) {
        if (timer.object == object)
            timers.append(TimerInfo(id, int(timer.intervalMs), timer.type));
    }
    return timers;
}

int EpollDispatcher::remainingTime(int timerId)
{
    const auto found = m_timers.find(timerId);
    if (found == m_timers.end())
        return -1;
    const qint64 left = found->second.deadline->first - nowNs();
    return left <= 0 ? 0 : int((left + 999'999) / 1'000'000);
}

void EpollDispatcher::wakeUp()
{
    if (!m_wakeUpPending.exchange(true))
        ::eventfd_write(m_wakeFd, 1);
}

void EpollDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

} // namespace Subscriptor::Transport

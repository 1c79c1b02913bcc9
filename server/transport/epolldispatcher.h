// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractEventDispatcher>

#include <atomic>
#include <deque>
#include <map>
#include <unordered_map>

struct epoll_event;

namespace Subscriptor::Transport {

/**
 * The server thread's event dispatcher on Linux (DESIGN.md, Threads): epoll instead of Qt's
 * dispatchers, which hand the kernel every socket on each pass of the event loop (the UNIX one
 * polls them all; glib's walks them all whenever a notifier is switched). With 10,000 WebSockets
 * that is milliseconds a pass, spent again for every request or change; here a pass costs what is
 * ready. Socket notifiers are registered with the kernel once and level-triggered; timers are
 * kept in deadline order; posted events are sent at the start of each pass, and wakeUp() (from any
 * thread) signals an eventfd. Qt::CoarseTimer and Qt::VeryCoarseTimer are kept as precisely as
 * Qt::PreciseTimer.
 */
class EpollDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollDispatcher(QObject *parent = nullptr);
    ~EpollDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    using Deadlines = std::multimap<qint64, int>; // ns on the steady clock → timer id
    struct Timer
    {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        Deadlines::iterator deadline;
        bool inEvent = false; // its timer event is being delivered (a nested loop must not fire it)
    };
    /// A descriptor's notifiers, by QSocketNotifier::Type (Read, Write, Exception).
    struct Descriptor
    {
        QSocketNotifier *notifiers[3] = {};
        bool pending[3] = {}; // ready, in m_pending, not delivered yet
        quint32 events = 0;   // as registered with epoll
    };
    struct Activation
    {
        int descriptor;
        int type;
    };

    /// Tells epoll what `descriptor`'s notifiers want now.
    void update(int descriptor, Descriptor &entry);
    /// Milliseconds until the next timer is due (0 when one is), -1 when there is none.
    int timeoutMs() const;
    int activateSocketNotifiers(const epoll_event *ready, int count);
    int activateTimers();
    /// Sets the timer's next deadline: one interval after its last, or after `nowNs` when that passed.
    void schedule(int timerId, Timer &timer, qint64 nowNs);

    int m_epoll = -1;
    int m_wakeFd = -1; // an eventfd, in m_epoll too
    std::atomic<bool> m_wakeUpPending = false;
    std::atomic<bool> m_interrupted = false;
    std::unordered_map<int, Descriptor> m_descriptors;
    // Ready notifiers until each is delivered; a nested event loop delivers what its outer pass has not.
    std::deque<Activation> m_pending;
    std::unordered_map<int, Timer> m_timers;
    Deadlines m_deadlines;
};

} // namespace Subscriptor::Transport

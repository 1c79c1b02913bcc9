// SPDX-License-Identifier: MIT
#include "unixsignals.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace Subscriptor::App {

#ifdef Q_OS_UNIX
namespace {

int signalPipe[2] = {-1, -1};

extern "C" void writeSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[0], &byte, 1);
}

} // namespace
#endif

UnixSignals::UnixSignals(QObject *parent) : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    m_notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UnixSignals::onActivated);
    struct sigaction action = {};
    action.sa_handler = writeSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int number : {SIGINT, SIGTERM, SIGHUP})
        ::sigaction(number, &action, nullptr);
#endif
}

UnixSignals::~UnixSignals()
{
#ifdef Q_OS_UNIX
    for (int number : {SIGINT, SIGTERM, SIGHUP})
        std::signal(number, SIG_DFL);
#endif
}

void UnixSignals::onActivated()
{
#ifdef Q_OS_UNIX
    char number = 0;
    if (::read(signalPipe[1], &number, 1) != 1)
        return;
    if (number == SIGHUP)
        Q_EMIT hangUp();
    else
        Q_EMIT terminate();
#endif
}

} // namespace Subscriptor::App

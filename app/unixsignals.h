// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Subscriptor::App {

/**
 * Turns SIGINT, SIGTERM and SIGHUP into Qt signals, through a socket pair written by the signal
 * handler (the only async-signal-safe way into the event loop). On systems without them it
 * watches nothing.
 */
class UnixSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnixSignals)

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminate(); ///< SIGINT or SIGTERM
    void hangUp();    ///< SIGHUP

private:
    void onActivated();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Subscriptor::App

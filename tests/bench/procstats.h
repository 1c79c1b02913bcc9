// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Subscriptor::Bench {

// What the benchmarks read of the clocks and of /proc (Linux).

/// CLOCK_MONOTONIC, in ns.
qint64 monotonicNs();
/// CLOCK_REALTIME, in ns.
qint64 realtimeNs();
/// The calling thread's CPU time, in ns.
qint64 threadCpuNs();
/// User + system CPU time of a process (all its threads), in seconds.
double processCpuSeconds(qint64 pid);
/// Time a process's threads spent runnable but waiting for a CPU (run-queue delay), in seconds:
/// how much the machine's load held it back.
double processWaitSeconds(qint64 pid);
/// Resident memory of a process (VmRSS), in KiB; -1 when unknown.
qint64 rssKiB(qint64 pid);
/// The 1, 5 and 15 minute load averages.
QString loadAverage();
/// Raises this process's limit of open files to the most it may have (thousands of clients).
void raiseFileLimit();

} // namespace Subscriptor::Bench

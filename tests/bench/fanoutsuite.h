// SPDX-License-Identifier: MIT
// One server under test in bench_fanout (Subscriptor, a bare QWebSocketServer or raw sockets): it
// starts the server as a child process, opens the clients and makes the runs, and keeps their
// figures for bench_fanout's table.
#pragma once

#include "fanoutclients.h"
#include "mutationwriter.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <string>
#include <unordered_map>
#include <vector>

namespace Subscriptor::Bench {

/// The benchmark's standard output.
QTextStream &out();

/// The servers a run compares.
enum class ServerKind { Subscriptor, BareQt, RawSockets };

/// What to run, and how long: the defaults give the figures, --quick a smoke run.
struct FanoutOptions
{
    QString server;
    QString bare;
    QString raw;
    QStringList wrapper; // e.g. valgrind --tool=callgrind, to profile the servers
    bool callgrindLatencyRun = false; // collect (callgrind_control -i) during the latency run only
    int large = 10'000;  // subscribers of the memory and first throughput run
    int small = 1'000;   // subscribers of the latency and second throughput run
    double rate = 100.0; // changes per second of the latency run
    double seconds = 5.0; // of a throughput run
    // A p99 over 1,000 subscribers is decided by the slowest 1 % of changes: 1,500 of them make it
    // steadier from run to run than 500.
    double latencySeconds = 15.0;
    double warmup = 0.5;
    double settle = 1.0; // after connecting or closing many clients
    int writers = 4;     // HTTP connections of a throughput run
    QString samplesFile; // where to append the latency run's samples, if anywhere
    QStringList only;    // the servers to run (ours, bare, raw); empty: all
};

/// A throughput run: changes as fast as the server takes them.
struct Throughput
{
    int subscribers = 0;
    double deliveriesPerSecond = 0;
    double changesPerSecond = 0;
    double serverCores = 0; // server CPU time / wall time
    double clientCores = 0;
};

/// Latency samples in µs, as milliseconds.
struct Percentiles
{
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    size_t samples = 0;

    explicit Percentiles(std::vector<qint64> micros = {})
    {
        if (micros.empty())
            return;
        std::sort(micros.begin(), micros.end());
        const auto at = [&micros](double quantile) {
            return double(micros[std::min(micros.size() - 1, size_t(quantile * double(micros.size())))]) / 1000.0;
        };
        p50Ms = at(0.5);
        p99Ms = at(0.99);
        maxMs = double(micros.back()) / 1000.0;
        samples = micros.size();
    }
};

/// The latency run's figures from two starting instants.
struct Latency
{
    Percentiles fromRequest; // the change's HTTP request sent → the notification
    Percentiles fromCommit;  // the change's changelog time → the notification (Subscriptor only)
};

/// Everything measured of one server.
struct Figures
{
    bool ran = false;
    double kibPerConnection = 0;
    Throughput large;
    Throughput small;
    Latency arrival; // until the notification arrived in the client's socket
    Latency read;    // until the clients' one receiving thread read it
};

/// Where a server listens (a WebSocket, or the HTTP trigger of a change).
struct Endpoint
{
    std::string host;
    quint16 port = 0;
    std::string path;
};

/// One server under test: its process, its endpoints, and the runs made against it.
class Suite final
{
public:
    Suite(const FanoutOptions &options, ServerKind kind, SendTimes &sendTimes, std::atomic<quint64> &nextChange,
          std::string frameTemplate);
    ~Suite();
    Q_DISABLE_COPY_MOVE(Suite)

    QString name() const;
    const QString &error() const { return m_error; }
    /// The first notification Subscriptor sent, for the other servers to send the same bytes.
    const std::string &sampleNotification() const { return m_clients.sampleNotification(); }

    /// Starts the server and makes the runs; false, with error() set, when one fails.
    bool run(Figures &figures);

private:
    /// Not Subscriptor: a server that sends what it is given, with nothing to commit.
    bool isReference() const { return m_kind != ServerKind::Subscriptor; }

    bool runLatencyOnly(Figures &figures);
    bool start();
    MutationWriter::Body body() const;
    bool throughput(Throughput &result);
    bool latency(Figures &figures);
    /// When each change was committed, by its number, as a CLOCK_MONOTONIC instant in ns.
    using CommitTimes = std::unordered_map<quint32, qint64>;
    Latency latencyOf(const std::vector<LatencySample> &samples, const CommitTimes &commits,
                      quint32 LatencySample::*micros) const;
    qint64 fromCommitMicros(quint32 change, quint32 micros, const CommitTimes &commits) const;
    bool writeSamples(const std::vector<LatencySample> &samples, const CommitTimes &commits);
    CommitTimes commitTimes();
    bool drain(const MutationWriter &writer, quint64 receivedBefore);
    void progress(const QString &line);
    bool fail(const QString &message);

    const FanoutOptions &m_options;
    const ServerKind m_kind;
    SendTimes &m_sendTimes;
    std::atomic<quint64> &m_nextChange;
    const std::string m_frameTemplate;
    QTemporaryDir m_dir;
    QProcess m_process;
    Endpoint m_socket;
    Endpoint m_trigger;
    FanoutClients m_clients;
    QString m_error;
};

} // namespace Subscriptor::Bench

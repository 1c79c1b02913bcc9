// SPDX-License-Identifier: MIT
// bench_fanout: how fast Subscriptor fans row changes out to many seed-protocol subscribers, next
// to two servers that send the same bytes to the same clients for each change, triggered the same
// way: a bare QWebSocketServer (bench_bare_ws_server), whose deliveries/s is the ceiling for a
// QtWebSockets server on this machine, and raw sockets (bench_raw_ws_server: epoll and batched
// sends, nothing else), whose latency is the floor that the machine and the clients set. All
// run as child processes; one run of this program measures them all and prints one table with the
// goals (the fan-out issue): at least 50 % of the ceiling, p99 under 10 ms at 1,000 subscribers
// and 100 changes/s, under 32 KiB per idle connection at 10,000.
//
// Per server: its RSS before any client and with 10,000 subscribed idle clients; a throughput run
// at 10,000 subscribers (changes as fast as the server answers them, on several HTTP keep-alive
// connections, one request in flight each); 9,000 clients close; a latency run at 1,000 (100
// changes/s on one connection); a throughput run at 1,000. Every subscriber must receive every
// change, or the run fails. A latency runs from the change's HTTP request (sent before Subscriptor
// has parsed, executed and committed it) and from its commit, to the notification's arrival in
// the client's socket (the kernel's receive time stamp: when that subscriber has it) and to its
// read by the clients' one receiving thread, which reaches the last of 1,000 sockets milliseconds
// after the first: a cost of the benchmark, not of the server, that real clients do not share.
//
// The clients are raw non-blocking sockets under one epoll thread (FanoutClients), not
// QWebSockets: 10,000 QWebSockets in this process would cost more than the server they measure.
//
//   bench_fanout            the figures (about two minutes)
//   bench_fanout --quick    a few clients for a fraction of a second, every check still made (ctest)

#include "fanoutclients.h"
#include "mutationwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <tuple>
#include <unordered_map>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

using namespace Subscriptor::Bench;

namespace {

// The goals.
constexpr double GoalRatio = 0.5;
constexpr double GoalP99Ms = 10.0;
constexpr double GoalKiBPerConnection = 32.0;

constexpr int LargeSubscribers = 10'000;
constexpr int SmallSubscribers = 1'000;
constexpr double LatencyRate = 100.0; // changes per second
constexpr double RunSeconds = 5.0;
// A p99 over 1,000 subscribers is decided by the slowest 1 % of changes: 1,500 of them make it
// steadier from run to run than 500.
constexpr double LatencyRunSeconds = 15.0;
constexpr double WarmupSeconds = 0.5;
constexpr double SettleSeconds = 1.0;  // after connecting or closing many clients
constexpr int Writers = 4;             // HTTP connections of a throughput run
constexpr int OpenTimeoutMs = 300'000;
constexpr int DrainTimeoutMs = 120'000;
constexpr int StartTimeoutMs = 60'000;
constexpr size_t MaxChanges = size_t(1) << 22;
constexpr int DemoUsers = 6; // rows 1..6 of the demo database's auth_user

struct Options
{
    QString server;
    QString bare;
    QString raw;
    QStringList wrapper; // e.g. valgrind --tool=callgrind, to profile the servers
    bool callgrindLatencyRun = false; // collect (callgrind_control -i) during the latency run only
    int large = LargeSubscribers;
    int small = SmallSubscribers;
    double rate = LatencyRate;
    double seconds = RunSeconds;
    double latencySeconds = LatencyRunSeconds;
    double warmup = WarmupSeconds;
    double settle = SettleSeconds;
    int writers = Writers;
    QString samplesFile; // where to append the latency run's samples, if anywhere
    QStringList only; // the servers to run (ours, bare, raw); empty: all
};

struct Throughput
{
    int subscribers = 0;
    double deliveriesPerSecond = 0;
    double changesPerSecond = 0;
    double serverCores = 0; // server CPU time / wall time
    double clientCores = 0;
};

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

struct Latency
{
    Percentiles fromRequest; // the change's HTTP request sent → the notification
    Percentiles fromCommit;  // the change's changelog time → the notification (Subscriptor only)
};

struct Figures
{
    bool ran = false;
    double kibPerConnection = 0;
    Throughput large;
    Throughput small;
    Latency arrival; // until the notification arrived in the client's socket
    Latency read;    // until the clients' one receiving thread read it
};

struct Endpoint
{
    std::string host;
    quint16 port = 0;
    std::string path;
};

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

void sleepSeconds(double seconds)
{
    QThread::usleep(quint64(seconds * 1e6));
}

// How long a run lasted and how busy the server and the clients were meanwhile, in cores: a side
// near a whole core queues, and its latency shows it.
class RunWindow
{
public:
    RunWindow(qint64 pid, const FanoutClients &clients)
        : m_pid(pid), m_clients(clients), m_server0(processCpuSeconds(pid)), m_client0(clients.receiverCpuSeconds()),
          m_time0(monotonicNs())
    {
    }
    void end()
    {
        seconds = double(monotonicNs() - m_time0) / 1e9;
        serverCores = (processCpuSeconds(m_pid) - m_server0) / seconds;
        clientCores = (m_clients.receiverCpuSeconds() - m_client0) / seconds;
    }

    double seconds = 0;
    double serverCores = 0;
    double clientCores = 0;

private:
    qint64 m_pid;
    const FanoutClients &m_clients;
    double m_server0;
    double m_client0;
    qint64 m_time0;
};

std::optional<Endpoint> parseUrl(const QString &line, const QString &scheme)
{
    static const QRegularExpression url(QStringLiteral(R"(^(\w+)://([0-9.]+):(\d+)(/\S*)$)"));
    const QRegularExpressionMatch match = url.match(line.trimmed());
    if (!match.hasMatch() || match.captured(1) != scheme)
        return std::nullopt;
    return Endpoint{match.captured(2).toStdString(), quint16(match.captured(3).toUInt()), match.captured(4).toStdString()};
}

std::string marker(quint64 change)
{
    char digits[16];
    std::snprintf(digits, sizeof digits, "m%08llu", static_cast<unsigned long long>(change % 100'000'000));
    return digits;
}

/// The servers a run compares.
enum class ServerKind { Subscriptor, BareQt, RawSockets };

/// One server under test: its process, its endpoints, and the runs made against it.
class Suite final
{
public:
    Suite(const Options &options, ServerKind kind, SendTimes &sendTimes, std::atomic<quint64> &nextChange,
          std::string frameTemplate)
        : m_options(options), m_kind(kind), m_sendTimes(sendTimes),
          m_nextChange(nextChange), m_frameTemplate(std::move(frameTemplate))
    {
    }

    ~Suite()
    {
        m_clients.close(m_clients.size());
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10'000))
                m_process.kill();
            m_process.waitForFinished(5'000);
        }
    }

    QString name() const
    {
        switch (m_kind) {
        case ServerKind::BareQt:
            return QStringLiteral("bare QWebSocketServer");
        case ServerKind::RawSockets:
            return QStringLiteral("raw sockets");
        default:
            return QStringLiteral("Subscriptor");
        }
    }
    const QString &error() const { return m_error; }
    /// The first notification Subscriptor sent, for the other servers to send the same bytes.
    const std::string &sampleNotification() const { return m_clients.sampleNotification(); }

    bool run(Figures &figures)
    {
        if (!start())
            return false;
        if (m_kind == ServerKind::RawSockets)
            return runLatencyOnly(figures);
        sleepSeconds(m_options.settle / 2);
        const qint64 before = rssKiB(m_process.processId());
        std::string error;
        if (!m_clients.open(m_socket.host, m_socket.port, m_socket.path, m_options.large, OpenTimeoutMs, error))
            return fail(QStringLiteral("opening %1 clients: %2").arg(m_options.large).arg(QString::fromStdString(error)));
        sleepSeconds(m_options.settle);
        const qint64 after = rssKiB(m_process.processId());
        figures.kibPerConnection = double(after - before) / m_options.large;
        progress(QStringLiteral("%1 idle subscribers: RSS %2 → %3 KiB").arg(m_options.large).arg(before).arg(after));

        if (!throughput(figures.large))
            return false;
        m_clients.close(m_options.large - m_options.small);
        sleepSeconds(m_options.settle);
        if (!latency(figures) || !throughput(figures.small))
            return false;
        m_clients.close(m_clients.size());
        figures.ran = true;
        return true;
    }

private:
    /// Not Subscriptor: a server that sends what it is given, with nothing to commit.
    bool isReference() const { return m_kind != ServerKind::Subscriptor; }

    // The raw sockets are only the latency's floor: their throughput, one send() per change and
    // client, is no ceiling (Subscriptor sends a connection's queued changes together).
    bool runLatencyOnly(Figures &figures)
    {
        std::string error;
        if (!m_clients.open(m_socket.host, m_socket.port, m_socket.path, m_options.small, OpenTimeoutMs, error))
            return fail(QStringLiteral("opening %1 clients: %2").arg(m_options.small).arg(QString::fromStdString(error)));
        sleepSeconds(m_options.settle);
        if (!latency(figures))
            return false;
        m_clients.close(m_clients.size());
        figures.ran = true;
        return true;
    }

    bool start()
    {
        QStringList arguments;
        QString program = m_kind == ServerKind::BareQt ? m_options.bare
            : m_kind == ServerKind::RawSockets         ? m_options.raw
                                                       : m_options.server;
        if (!isReference()) {
            arguments = {QStringLiteral("--headless"), QStringLiteral("--db"), m_dir.filePath(QStringLiteral("bench.db")),
                         QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--max-connections"),
                         QString::number(m_options.large * 2 + 100), QStringLiteral("--max-queued-bytes"),
                         QString::number(qint64(1) << 30)};
        }
        if (!m_options.wrapper.isEmpty()) {
            arguments.prepend(program);
            arguments = m_options.wrapper.mid(1) + arguments;
            program = m_options.wrapper.first();
        }
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("server.log")));
        m_process.start(program, arguments);
        if (!m_process.waitForStarted(StartTimeoutMs))
            return fail(QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString()));
        QElapsedTimer timer;
        timer.start();
        bool haveSocket = false;
        bool haveTrigger = !isReference();
        while (!(haveSocket && haveTrigger) && timer.elapsed() < StartTimeoutMs) {
            if (!m_process.canReadLine() && !m_process.waitForReadyRead(1'000)) {
                if (m_process.state() == QProcess::NotRunning)
                    return fail(QStringLiteral("%1 exited at start").arg(program));
                continue;
            }
            const QString line = QString::fromUtf8(m_process.readLine());
            const QString value = line.section(u' ', 1);
            if (line.startsWith(QLatin1String("listening "))) {
                const auto endpoint = parseUrl(value, QStringLiteral("ws"));
                if (!endpoint)
                    return fail(QStringLiteral("cannot read the address in: %1").arg(line.trimmed()));
                m_socket = *endpoint;
                haveSocket = true;
                if (!isReference()) {
                    m_trigger = m_socket;
                    m_trigger.path = "/graphql";
                }
            } else if (line.startsWith(QLatin1String("trigger "))) {
                const auto endpoint = parseUrl(value, QStringLiteral("http"));
                if (!endpoint)
                    return fail(QStringLiteral("cannot read the address in: %1").arg(line.trimmed()));
                m_trigger = *endpoint;
                haveTrigger = true;
            }
        }
        if (!(haveSocket && haveTrigger))
            return fail(QStringLiteral("%1 printed no address").arg(program));
        return true;
    }

    MutationWriter::Body body() const
    {
        if (isReference()) {
            // The frame Subscriptor sent, with this change's number in place of the first one's.
            return [frame = m_frameTemplate](quint64 change) {
                std::string result = frame;
                const size_t at = result.find("\"first_name\": \"m");
                if (at != std::string::npos)
                    result.replace(at + 15, 9, marker(change));
                return result;
            };
        }
        return [](quint64 change) {
            return "{\"query\": \"mutation { userUpdate(newUser: {id: \\\"" + std::to_string(change % DemoUsers + 1)
                + "\\\", firstName: \\\"" + marker(change) + "\\\"}) { ok } }\"}";
        };
    }

    bool throughput(Throughput &result)
    {
        result.subscribers = m_clients.size();
        const quint64 received = m_clients.deliveries();
        MutationWriter writer(m_trigger.host, m_trigger.port, m_trigger.path, body(), m_sendTimes, m_nextChange);
        m_clients.receive(m_sendTimes);
        std::string error;
        if (!writer.start(m_options.writers, 0, error))
            return fail(QString::fromStdString(error));
        sleepSeconds(m_options.warmup);
        const quint64 deliveries0 = m_clients.deliveries();
        const quint64 changes0 = writer.sent();
        RunWindow run(m_process.processId(), m_clients);
        sleepSeconds(m_options.seconds);
        run.end();
        result.deliveriesPerSecond = double(m_clients.deliveries() - deliveries0) / run.seconds;
        result.changesPerSecond = double(writer.sent() - changes0) / run.seconds;
        result.serverCores = run.serverCores;
        result.clientCores = run.clientCores;
        writer.stop();
        if (!drain(writer, received))
            return false;
        progress(QStringLiteral("throughput at %1: %2 deliveries/s, %3 changes/s, server %4 cores, clients %5 cores")
                     .arg(result.subscribers)
                     .arg(result.deliveriesPerSecond, 0, 'f', 0)
                     .arg(result.changesPerSecond, 0, 'f', 1)
                     .arg(result.serverCores, 0, 'f', 2)
                     .arg(result.clientCores, 0, 'f', 2));
        return true;
    }

    bool latency(Figures &figures)
    {
        const quint64 received = m_clients.deliveries();
        MutationWriter writer(m_trigger.host, m_trigger.port, m_trigger.path, body(), m_sendTimes, m_nextChange);
        // Every change to every client, with room for the writer running late and catching up.
        m_clients.receive(m_sendTimes, size_t(m_options.rate * (m_options.latencySeconds + 1) * 1.5) * size_t(m_clients.size()));
        std::string error;
        const auto callgrind = [this](const char *state) {
            if (m_options.callgrindLatencyRun) {
                QProcess::execute(QStringLiteral("callgrind_control"),
                                  {QStringLiteral("-i"), QLatin1String(state), QString::number(m_process.processId())});
            }
        };
        callgrind("on");
        if (!writer.start(1, m_options.rate, error))
            return fail(QString::fromStdString(error));
        RunWindow run(m_process.processId(), m_clients);
        sleepSeconds(m_options.latencySeconds);
        run.end();
        writer.stop();
        const bool drained = drain(writer, received);
        callgrind("off");
        if (!drained)
            return false;
        progress(QStringLiteral("latency run: %1 changes, server %2 cores, clients %3 cores")
                     .arg(writer.sent())
                     .arg(run.serverCores, 0, 'f', 2)
                     .arg(run.clientCores, 0, 'f', 2));
        const std::vector<LatencySample> samples = m_clients.takeLatencies();
        if (samples.empty())
            return fail(QStringLiteral("no latency samples"));
        const std::unordered_map<quint32, qint64> commits = isReference() ? std::unordered_map<quint32, qint64>() : commitTimes();
        if (!m_options.samplesFile.isEmpty() && !writeSamples(samples, commits))
            return fail(QStringLiteral("cannot write %1").arg(m_options.samplesFile));
        for (const auto &[what, latency, micros] :
             {std::tuple{"arrival", &figures.arrival, &LatencySample::arrivalMicros}, std::tuple{"read", &figures.read, &LatencySample::micros}}) {
            std::vector<qint64> fromRequest;
            std::vector<qint64> fromCommit;
            for (const LatencySample &sample : samples) {
                fromRequest.push_back(sample.*micros);
                if (const qint64 fromCommitUs = fromCommitMicros(sample.change, sample.*micros, commits); fromCommitUs >= 0)
                    fromCommit.push_back(fromCommitUs);
            }
            if (!isReference() && fromCommit.size() != samples.size())
                return fail(QStringLiteral("no commit time for %1 of %2 samples").arg(samples.size() - fromCommit.size()).arg(samples.size()));
            *latency = Latency{Percentiles(std::move(fromRequest)), Percentiles(std::move(fromCommit))};
            for (const auto &[from, percentiles] : {std::pair{"request", &latency->fromRequest}, std::pair{"commit", &latency->fromCommit}}) {
                if (percentiles->samples == 0)
                    continue;
                progress(QStringLiteral("latency from %1 to %2 at %3 subscribers, %4 changes/s: p50 %5 ms, p99 %6 ms, max %7 ms (%8 samples)")
                             .arg(QLatin1String(from), QLatin1String(what))
                             .arg(m_clients.size())
                             .arg(m_options.rate)
                             .arg(percentiles->p50Ms, 0, 'f', 2)
                             .arg(percentiles->p99Ms, 0, 'f', 2)
                             .arg(percentiles->maxMs, 0, 'f', 2)
                             .arg(percentiles->samples));
            }
        }
        return true;
    }

    // µs from a change's commit to a notification `micros` after its request; -1 when the commit
    // is unknown. The changelog's whole milliseconds put the commit up to 1 ms early; it cannot be
    // earlier than its request, so the later of the two is still the earliest instant it can have
    // happened.
    qint64 fromCommitMicros(quint32 change, quint32 micros, const std::unordered_map<quint32, qint64> &commits) const
    {
        const auto commit = commits.find(change);
        if (commit == commits.end())
            return -1;
        const qint64 requested = m_sendTimes.times[change].load();
        return (requested + qint64(micros) * 1000 - std::max(commit->second, requested)) / 1000;
    }

    // One line per notification read in the latency run, in the order read, for a closer look at
    // the tail: server, change number, µs from the request and from the commit (-1: unknown) to
    // its read, then the same two to its arrival.
    bool writeSamples(const std::vector<LatencySample> &samples, const std::unordered_map<quint32, qint64> &commits)
    {
        QFile file(m_options.samplesFile);
        if (!file.open(QIODevice::Append | QIODevice::Text))
            return false;
        QTextStream stream(&file);
        const QString server = name().replace(u' ', u'_');
        for (const LatencySample &sample : samples) {
            stream << server << ' ' << sample.change << ' ' << sample.micros << ' '
                   << fromCommitMicros(sample.change, sample.micros, commits) << ' ' << sample.arrivalMicros << ' '
                   << fromCommitMicros(sample.change, sample.arrivalMicros, commits) << '\n';
        }
        return stream.status() == QTextStream::Ok;
    }

    // When each change was committed, by its number (the marker in first_name), as a monotonic
    // instant: the changelog's changed_at, read from the server's database file. changed_at is
    // in whole milliseconds, cut short, so a latency from it is high by up to 1 ms, never low.
    std::unordered_map<quint32, qint64> commitTimes()
    {
        std::unordered_map<quint32, qint64> commits;
        const QString connection = QStringLiteral("bench_fanout_changelog");
        {
            QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            database.setDatabaseName(m_dir.filePath(QStringLiteral("bench.db")));
            database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
            QSqlQuery query(database);
            const qint64 realtimeToMonotonic = realtimeNs() - monotonicNs();
            if (database.open() && query.exec(QStringLiteral("SELECT changed_at, json_extract(new_row, '$.first_name') "
                                                             "FROM subscriptor_changes WHERE action = 'update'"))) {
                while (query.next()) {
                    const QString name = query.value(1).toString();
                    if (name.startsWith(u'm'))
                        commits[name.mid(1).toUInt()] = query.value(0).toLongLong() * 1'000'000 - realtimeToMonotonic;
                }
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return commits;
    }

    // Waits until every subscriber has every change the writer made; stops receiving.
    bool drain(const MutationWriter &writer, quint64 receivedBefore)
    {
        const quint64 expected = receivedBefore + writer.sent() * quint64(m_clients.size());
        QElapsedTimer timer;
        timer.start();
        while (m_clients.deliveries() < expected && timer.elapsed() < DrainTimeoutMs && m_clients.closedByServer() == 0)
            QThread::msleep(5);
        if (writer.failures() > 0)
            return fail(QStringLiteral("the writer failed: %1").arg(QString::fromStdString(writer.firstFailure())));
        if (m_clients.closedByServer() > 0)
            return fail(QStringLiteral("the server closed %1 clients").arg(m_clients.closedByServer()));
        if (m_clients.unexpectedFrames() > 0)
            return fail(QStringLiteral("%1 frames were not notifications of the benchmark").arg(m_clients.unexpectedFrames()));
        if (m_clients.deliveries() != expected) {
            return fail(QStringLiteral("%1 of %2 deliveries arrived (%3 changes to %4 subscribers)")
                            .arg(m_clients.deliveries() - receivedBefore)
                            .arg(expected - receivedBefore)
                            .arg(writer.sent())
                            .arg(m_clients.size()));
        }
        return true;
    }

    void progress(const QString &line)
    {
        out() << "  [" << name() << "] " << line << Qt::endl;
    }

    bool fail(const QString &message)
    {
        m_error = message;
        QFile log(m_dir.filePath(QStringLiteral("server.log")));
        if (log.open(QIODevice::ReadOnly)) {
            const QByteArray text = log.readAll();
            if (!text.isEmpty())
                m_error += QStringLiteral("\n  server log (end):\n") + QString::fromUtf8(text.right(2000));
        }
        return false;
    }

    const Options &m_options;
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

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

QString verdict(bool pass)
{
    return pass ? QStringLiteral("PASS") : QStringLiteral("MISS");
}

void printTable(const Options &options, const Figures &ours, const Figures &bare, const Figures &raw)
{
    const auto row = [](const QString &what, const QString &a, const QString &b, const QString &c, const QString &ratio,
                        const QString &goal) {
        out() << what.leftJustified(44) << a.rightJustified(14) << b.rightJustified(14) << c.rightJustified(14)
              << ratio.rightJustified(10) << "   " << goal << Qt::endl;
    };
    const auto cell = [](const Figures &figures, double value, int decimals) {
        return figures.ran ? number(value, decimals) : QStringLiteral("-");
    };
    const QString none = QStringLiteral("-");
    // A figure of every server (the raw sockets only have latencies), with no ratio or goal.
    const auto plain = [&](const QString &what, const auto &value, int decimals, bool ofRaw = false) {
        row(what, cell(ours, value(ours), decimals), cell(bare, value(bare), decimals),
            ofRaw ? cell(raw, value(raw), decimals) : none, QString(), QString());
    };
    const bool both = ours.ran && bare.ran;
    out() << Qt::endl;
    row(QString(), QStringLiteral("Subscriptor"), QStringLiteral("bare QtWS"), QStringLiteral("raw sockets"),
        QStringLiteral("ratio"), QStringLiteral("goal"));
    for (const Throughput Figures::*run : {&Figures::large, &Figures::small}) {
        const auto of = [run](const Figures &figures) -> const Throughput & { return figures.*run; };
        const int subscribers = run == &Figures::large ? options.large : options.small;
        const double ratio = both && of(bare).deliveriesPerSecond > 0
            ? of(ours).deliveriesPerSecond / of(bare).deliveriesPerSecond
            : 0;
        row(QStringLiteral("deliveries/s, %1 subscribers").arg(number(subscribers)),
            cell(ours, of(ours).deliveriesPerSecond, 0), cell(bare, of(bare).deliveriesPerSecond, 0),
            none, both ? number(ratio * 100, 1) + u'%' : QStringLiteral("-"),
            QStringLiteral("≥ %1% of bare: %2").arg(GoalRatio * 100).arg(both ? verdict(ratio >= GoalRatio) : QStringLiteral("-")));
        plain(QStringLiteral("  changes/s"), [&](const Figures &f) { return of(f).changesPerSecond; }, 1);
        plain(QStringLiteral("  server CPU (cores of 2)"), [&](const Figures &f) { return of(f).serverCores; }, 2);
        plain(QStringLiteral("  deliveries per server CPU-second"),
              [&](const Figures &f) { return of(f).serverCores > 0 ? of(f).deliveriesPerSecond / of(f).serverCores : 0; }, 0);
        plain(QStringLiteral("  client CPU (cores of 2)"), [&](const Figures &f) { return of(f).clientCores; }, 2);
    }
    const QString latencyRun = QStringLiteral("%1 subscribers, %2 changes/s").arg(number(options.small)).arg(options.rate);
    for (const auto &[title, to, latency] :
         {std::tuple{"in the client's socket (the kernel's receive time)", "arrival", &Figures::arrival},
          std::tuple{"read by the clients' one receiving thread", "read", &Figures::read}}) {
        const bool goal = latency == &Figures::arrival;
        out() << QStringLiteral("latency (ms), %1, %2:").arg(latencyRun, QLatin1String(title)) << Qt::endl;
        const auto of = [latency](const Figures &figures) -> const Latency & { return figures.*latency; };
        for (const auto &[quantile, value] : {std::pair{"p50", &Percentiles::p50Ms}, std::pair{"p99", &Percentiles::p99Ms},
                                              std::pair{"max", &Percentiles::maxMs}}) {
            plain(QStringLiteral("  request sent → %1, %2").arg(QLatin1String(to), QLatin1String(quantile)),
                  [&](const Figures &f) { return of(f).fromRequest.*value; }, 2, true);
        }
        for (const auto &[quantile, value] : {std::pair{"p50", &Percentiles::p50Ms}, std::pair{"p99", &Percentiles::p99Ms},
                                              std::pair{"max", &Percentiles::maxMs}}) {
            const double ms = of(ours).fromCommit.*value;
            const bool judged = goal && value == &Percentiles::p99Ms;
            row(QStringLiteral("  commit → %1, %2").arg(QLatin1String(to), QLatin1String(quantile)), cell(ours, ms, 2), none, none,
                QString(), judged ? QStringLiteral("< %1 ms: %2").arg(GoalP99Ms).arg(ours.ran ? verdict(ms < GoalP99Ms) : none) : QString());
        }
    }
    row(QStringLiteral("memory per idle connection (KiB), %1").arg(number(options.large)), cell(ours, ours.kibPerConnection, 1),
        cell(bare, bare.kibPerConnection, 1), none, QString(),
        QStringLiteral("< %1 KiB: %2").arg(GoalKiBPerConnection).arg(ours.ran ? verdict(ours.kibPerConnection < GoalKiBPerConnection) : none));
    out() << Qt::endl
          << "Latency: from the instant the change's HTTP request is sent (before the server parses, executes and commits"
          << " it; the other servers have nothing to commit), and from the change's commit (its changelog time, read from"
          << " the database afterwards: whole milliseconds, cut short, so high by up to 1 ms; or its request's instant,"
          << " when that is later). To the notification's arrival in the client's socket (the kernel's time stamp,"
          << " SO_TIMESTAMPNS: when each subscriber has it), and to the instant the benchmark's one receiving thread reads"
          << " it (which adds that thread's pass over every socket, several ms for 1,000 on a small machine). The raw sockets'"
          << " latency is the floor: what the machine and the clients cost with a server that does nothing but send."
          << " Memory: server VmRSS with the subscribed idle clients minus"
          << " VmRSS before any client, divided by their number (kernel socket buffers are not in RSS)." << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    raiseFileLimit();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fan-out of Subscriptor next to a bare QWebSocketServer and raw sockets."));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("A few clients for a fraction of a second (ctest)."));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("The subscriptor executable."), QStringLiteral("path"),
                                    QStringLiteral(SUBSCRIPTOR_BENCH_SERVER));
    const QCommandLineOption bare(QStringLiteral("bare"), QStringLiteral("The bench_bare_ws_server executable."),
                                  QStringLiteral("path"), QStringLiteral(SUBSCRIPTOR_BENCH_BARE_SERVER));
    const QCommandLineOption raw(QStringLiteral("raw"), QStringLiteral("The bench_raw_ws_server executable."),
                                 QStringLiteral("path"), QStringLiteral(SUBSCRIPTOR_BENCH_RAW_SERVER));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Run only these servers: ours, bare, raw (comma-separated)."),
                                  QStringLiteral("which"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Length of each throughput run (5)."), QStringLiteral("s"));
    const QCommandLineOption latencySeconds(QStringLiteral("latency-seconds"), QStringLiteral("Length of each latency run (15)."),
                                            QStringLiteral("s"));
    const QCommandLineOption large(QStringLiteral("large"), QStringLiteral("Subscribers of the large runs (10000)."), QStringLiteral("n"));
    const QCommandLineOption small(QStringLiteral("small"), QStringLiteral("Subscribers of the small runs (1000)."), QStringLiteral("n"));
    const QCommandLineOption wrapper(QStringLiteral("wrap"), QStringLiteral("Run the servers under this command (space-separated)."),
                                     QStringLiteral("command"));
    const QCommandLineOption callgrind(QStringLiteral("callgrind-latency-run"),
                                       QStringLiteral("With --wrap \"valgrind --tool=callgrind --collect-atstart=no\": "
                                                      "collect during the latency run only."));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Changes per second of the latency run (100)."),
                                  QStringLiteral("n"));
    const QCommandLineOption samples(QStringLiteral("samples"),
                                     QStringLiteral("Append the latency runs' samples to this file, one line each: server, change, "
                                                    "µs from the request, µs from the commit."),
                                     QStringLiteral("file"));
    parser.addOptions({quick, server, bare, raw, only, samples, seconds, latencySeconds, large, small, wrapper, callgrind, rate});
    parser.process(app);

    Options options;
    options.server = parser.value(server);
    options.bare = parser.value(bare);
    options.raw = parser.value(raw);
    options.samplesFile = parser.value(samples);
    if (parser.isSet(quick)) {
        options.large = 40;
        options.small = 20;
        options.rate = 50;
        options.seconds = 0.3;
        options.latencySeconds = 0.3;
        options.warmup = 0.1;
        options.settle = 0.2;
    }
    if (parser.isSet(seconds))
        options.seconds = parser.value(seconds).toDouble();
    if (parser.isSet(latencySeconds))
        options.latencySeconds = parser.value(latencySeconds).toDouble();
    if (parser.isSet(large))
        options.large = parser.value(large).toInt();
    if (parser.isSet(small))
        options.small = std::min(parser.value(small).toInt(), options.large);
    if (parser.isSet(wrapper))
        options.wrapper = parser.value(wrapper).split(u' ', Qt::SkipEmptyParts);
    if (parser.isSet(rate))
        options.rate = parser.value(rate).toDouble();
    options.callgrindLatencyRun = parser.isSet(callgrind);
    options.only = parser.value(only).split(u',', Qt::SkipEmptyParts);

    out() << "bench_fanout: " << options.large << " then " << options.small
          << " seed-protocol subscribers to UPDATE of any users row; " << options.seconds << " s per throughput run, "
          << options.latencySeconds << " s per latency run" << Qt::endl;
    SendTimes sendTimes(MaxChanges);
    std::atomic<quint64> nextChange{0};
    // A frame as Subscriptor sends it (rows differ a little; the other servers send the one they get).
    std::string frame = R"({"stream": "users", "payload": {"action": "update", "data": {"id": 1, "username": "admin", )"
                        R"("first_name": "m00000000", "last_name": "Lovelace", "email": "ada@example.com", "is_superuser": true}, )"
                        R"("model": "auth.user"}})";
    int status = 0;
    std::array<Figures, 3> figures;
    const std::array<std::pair<ServerKind, const char *>, 3> servers = {
        std::pair{ServerKind::Subscriptor, "ours"}, std::pair{ServerKind::BareQt, "bare"},
        std::pair{ServerKind::RawSockets, "raw"}};
    for (size_t i = 0; i < servers.size(); ++i) {
        if (!options.only.isEmpty() && !options.only.contains(QLatin1String(servers[i].second)))
            continue;
        Suite suite(options, servers[i].first, sendTimes, nextChange, frame);
        if (!suite.run(figures[i])) {
            out() << suite.name() << ": " << suite.error() << Qt::endl;
            status = 1;
        }
        if (servers[i].first == ServerKind::Subscriptor && !suite.sampleNotification().empty())
            frame = suite.sampleNotification();
    }
    printTable(options, figures[0], figures[1], figures[2]);
    return status;
}

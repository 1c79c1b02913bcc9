// SPDX-License-Identifier: MIT
#include "fanoutsuite.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

#include <cstdio>
#include <optional>

namespace Subscriptor::Bench {

namespace {

constexpr int OpenTimeoutMs = 300'000;
constexpr int DrainTimeoutMs = 120'000;
constexpr int StartTimeoutMs = 60'000;
constexpr int DemoUsers = 6; // rows 1..6 of the demo database's auth_user

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

} // namespace

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

Suite::Suite(const FanoutOptions &options, ServerKind kind, SendTimes &sendTimes, std::atomic<quint64> &nextChange,
             std::string frameTemplate)
    : m_options(options), m_kind(kind), m_sendTimes(sendTimes),
      m_nextChange(nextChange), m_frameTemplate(std::move(frameTemplate))
{
}

Suite::~Suite()
{
    m_clients.close(m_clients.size());
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10'000))
            m_process.kill();
        m_process.waitForFinished(5'000);
    }
}

QString Suite::name() const
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

bool Suite::run(Figures &figures)
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

// The raw sockets are only the latency's floor: their throughput, one send() per change and
// client, is no ceiling (Subscriptor sends a connection's queued changes together).
bool Suite::runLatencyOnly(Figures &figures)
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

bool Suite::start()
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

MutationWriter::Body Suite::body() const
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

bool Suite::throughput(Throughput &result)
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

bool Suite::latency(Figures &figures)
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
    const CommitTimes commits = isReference() ? CommitTimes() : commitTimes();
    if (!m_options.samplesFile.isEmpty() && !writeSamples(samples, commits))
        return fail(QStringLiteral("cannot write %1").arg(m_options.samplesFile));
    const auto uncommitted = std::count_if(samples.begin(), samples.end(),
                                           [&commits](const LatencySample &sample) { return !commits.contains(sample.change); });
    if (!isReference() && uncommitted > 0)
        return fail(QStringLiteral("no commit time for %1 of %2 samples").arg(uncommitted).arg(samples.size()));
    figures.arrival = latencyOf(samples, commits, &LatencySample::arrivalMicros);
    figures.read = latencyOf(samples, commits, &LatencySample::micros);
    for (const auto &[to, latency] : {std::pair{"arrival", &figures.arrival}, std::pair{"read", &figures.read}}) {
        for (const auto &[from, percentiles] : {std::pair{"request", &latency->fromRequest}, std::pair{"commit", &latency->fromCommit}}) {
            if (percentiles->samples == 0)
                continue;
            progress(QStringLiteral("latency from %1 to %2 at %3 subscribers, %4 changes/s: p50 %5 ms, p99 %6 ms, max %7 ms (%8 samples)")
                         .arg(QLatin1String(from), QLatin1String(to))
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

// The percentiles of one of the samples' latencies (`micros`: to the arrival or to the read),
// from the request and, where known, from the commit.
Latency Suite::latencyOf(const std::vector<LatencySample> &samples, const CommitTimes &commits,
                         quint32 LatencySample::*micros) const
{
    std::vector<qint64> fromRequest;
    std::vector<qint64> fromCommit;
    for (const LatencySample &sample : samples) {
        fromRequest.push_back(sample.*micros);
        if (const qint64 fromCommitUs = fromCommitMicros(sample.change, sample.*micros, commits); fromCommitUs >= 0)
            fromCommit.push_back(fromCommitUs);
    }
    return Latency{Percentiles(std::move(fromRequest)), Percentiles(std::move(fromCommit))};
}

// µs from a change's commit to a notification `micros` after its request; -1 when the commit
// is unknown. The changelog's whole milliseconds put the commit up to 1 ms early; it cannot be
// earlier than its request, so the later of the two is still the earliest instant it can have
// happened.
qint64 Suite::fromCommitMicros(quint32 change, quint32 micros, const CommitTimes &commits) const
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
bool Suite::writeSamples(const std::vector<LatencySample> &samples, const CommitTimes &commits)
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
Suite::CommitTimes Suite::commitTimes()
{
    CommitTimes commits;
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
bool Suite::drain(const MutationWriter &writer, quint64 receivedBefore)
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

void Suite::progress(const QString &line)
{
    out() << "  [" << name() << "] " << line << Qt::endl;
}

bool Suite::fail(const QString &message)
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

} // namespace Subscriptor::Bench

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

#include "fanoutsuite.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>

#include <array>
#include <tuple>

using namespace Subscriptor::Bench;

namespace {

// The goals.
constexpr double GoalRatio = 0.5;
constexpr double GoalP99Ms = 10.0;
constexpr double GoalKiBPerConnection = 32.0;

constexpr size_t MaxChanges = size_t(1) << 22;

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

QString verdict(bool pass)
{
    return pass ? QStringLiteral("PASS") : QStringLiteral("MISS");
}

void printTable(const FanoutOptions &options, const Figures &ours, const Figures &bare, const Figures &raw)
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
                                                    "µs from the request and from the commit to the read, the same two to the arrival."),
                                     QStringLiteral("file"));
    parser.addOptions({quick, server, bare, raw, only, samples, seconds, latencySeconds, large, small, wrapper, callgrind, rate});
    parser.process(app);

    FanoutOptions options;
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

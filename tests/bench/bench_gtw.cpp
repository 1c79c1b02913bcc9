// SPDX-License-Identifier: MIT
// bench_gtw: Subscriptor next to the reference Node server (graphql-ws `useServer` on `ws`,
// graphql-js, an in-memory pubsub: reference-gtw-server.mjs), both on graphql-transport-ws, in the
// same run (issue 5). Goals: at least 10 times the Node server's deliveries per second, and a
// lower p99 latency.
//
// Each server runs as a child process (ours headless on a temporary database with the demo
// models). For each, this program opens 1,000 subscriber connections and one writer connection
// (connection_init / connection_ack), subscribes each subscriber to
//     subscription { userChanges(actions: [UPDATE]) { action seq data { id firstName } } }
// with an operation id of its own (a UUID, as the graphql-ws client makes them), and then:
//   - throughput: the writer sends `mutation { userUpdate(newUser: {id: …, firstName: …}) { ok } }`
//     over its socket as fast as the server takes them: at most 8 mutations unanswered and at most
//     32 changes not yet received by every subscriber (so no queue grows without bound);
//     deliveries/s counted over the run;
//   - latency: the writer sends 100 changes a second on a fixed schedule; each `next` gives one
//     sample, from the instant the mutation was written to the instant the `next` was read.
// The runs alternate between the servers (ours, Node, then Node, ours, …) so that a change in the
// machine's load hits both; the table takes each server's best round.
//
// Deliveries are checked, not just counted: each `next` must carry its subscription's id, its
// change (the number the writer put in `firstName`) must be the one after the previous one this
// subscriber received, and its `seq` must be higher; after each run every subscriber must have
// received every change the writer made. Any gap, duplicate, reordering or closed connection
// fails the run.
//
// The clients are lean, so that on a 2-core machine they cost far less than the servers they
// measure: raw non-blocking sockets in one epoll set, one thread, a minimal RFC 6455 client
// (handshake, masked frames out, unmasked frames in, pong), and a scan of each `next` for its
// id, seq and firstName rather than a JSON parse.
//
//   bench_gtw                 the figures (about two minutes)
//   bench_gtw --quick         a few clients for a fraction of a second, every check made (ctest);
//                             exits 77 when Node.js or tests/js/node_modules is missing

#include "gtwrunner.h"
#include "procstats.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

#include <algorithm>

namespace {

using namespace Subscriptor::Bench;
using namespace Subscriptor::Bench::Gtw;

// The goals (issue 5).
constexpr double GoalThroughputRatio = 10.0;
constexpr int ExitSkipped = 77;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString number(double value, int decimals = 0)
{
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

void progress(const Target &target, const QString &line)
{
    out() << "  [" << target.name << "] " << line << Qt::endl;
}

void printTable(const Options &options, const Target &ours, const Target &node)
{
    const Figures &a = ours.figures;
    const Figures &b = node.figures;
    const bool both = a.ran && b.ran;
    const auto row = [](const QString &what, const QString &x, const QString &y, const QString &ratio, const QString &goal) {
        out() << what.leftJustified(40) << x.rightJustified(14) << y.rightJustified(16) << ratio.rightJustified(10) << "   "
              << goal << Qt::endl;
    };
    const auto cell = [](const Figures &figures, double value, int decimals) {
        return figures.ran ? number(value, decimals) : QStringLiteral("-");
    };
    const auto ratio = [both](double x, double y, int decimals = 1) {
        return both && y > 0 ? number(x / y, decimals) + u'x' : QStringLiteral("-");
    };
    const auto verdict = [both](bool pass) {
        return both ? (pass ? QStringLiteral("PASS") : QStringLiteral("MISS")) : QStringLiteral("-");
    };
    const double perCpuA = a.throughput.serverCores > 0 ? a.throughput.deliveriesPerSecond / a.throughput.serverCores : 0;
    const double perCpuB = b.throughput.serverCores > 0 ? b.throughput.deliveriesPerSecond / b.throughput.serverCores : 0;

    out() << Qt::endl;
    row(QString(), QStringLiteral("Subscriptor"), QStringLiteral("graphql-ws/Node"), QStringLiteral("ratio"), QStringLiteral("goal"));
    row(QStringLiteral("deliveries/s, %1 subscribers").arg(number(options.subscribers)), cell(a, a.throughput.deliveriesPerSecond, 0),
        cell(b, b.throughput.deliveriesPerSecond, 0), ratio(a.throughput.deliveriesPerSecond, b.throughput.deliveriesPerSecond),
        QStringLiteral("≥ %1x Node: %2")
            .arg(GoalThroughputRatio)
            .arg(verdict(a.throughput.deliveriesPerSecond >= GoalThroughputRatio * b.throughput.deliveriesPerSecond)));
    row(QStringLiteral("  changes/s"), cell(a, a.throughput.changesPerSecond, 1), cell(b, b.throughput.changesPerSecond, 1), QString(),
        QString());
    row(QStringLiteral("  server CPU (cores of 2)"), cell(a, a.throughput.serverCores, 2), cell(b, b.throughput.serverCores, 2),
        QString(), QString());
    row(QStringLiteral("  deliveries per server CPU-second"), cell(a, perCpuA, 0), cell(b, perCpuB, 0), ratio(perCpuA, perCpuB),
        QStringLiteral("(less sensitive to the machine's load)"));
    row(QStringLiteral("  client CPU (cores of 2)"), cell(a, a.throughput.clientCores, 2), cell(b, b.throughput.clientCores, 2),
        QString(), QString());
    const QString latencyRun = QStringLiteral("latency at %1 changes/s: p50 (ms)").arg(options.rate);
    row(latencyRun, cell(a, a.latency.p50Ms, 2), cell(b, b.latency.p50Ms, 2), ratio(a.latency.p50Ms, b.latency.p50Ms, 2), QString());
    row(QStringLiteral("  p99 (ms)"), cell(a, a.latency.p99Ms, 2), cell(b, b.latency.p99Ms, 2), ratio(a.latency.p99Ms, b.latency.p99Ms, 2),
        QStringLiteral("lower than Node: %1").arg(verdict(a.latency.p99Ms < b.latency.p99Ms)));
    row(QStringLiteral("  max (ms)"), cell(a, a.latency.maxMs, 2), cell(b, b.latency.maxMs, 2), QString(), QString());
    row(QStringLiteral("  samples"), cell(a, double(a.latency.samples), 0), cell(b, double(b.latency.samples), 0), QString(), QString());
    row(QStringLiteral("deliveries verified (in order, no gap)"), cell(a, double(a.verifiedDeliveries), 0),
        cell(b, double(b.verifiedDeliveries), 0), QString(), QString());
    out() << Qt::endl
          << "Each server's best of " << options.rounds << " alternating rounds (most deliveries/s; lowest p99). Throughput: "
          << "changes over one WebSocket, <= " << MaxUnanswered << " unanswered and <= " << MaxUndelivered
          << " not yet received by all. Latency: from writing the mutation to reading each `next` (both servers"
          << " parse, execute and publish the change in that time; ours also commits it to SQLite)." << Qt::endl;
}

} // namespace

int main(int argc, char *argv[])
{
    raiseFileLimit();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Subscriptor next to graphql-ws on Node.js: graphql-transport-ws fan-out to many subscribers."));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("A few clients for a fraction of a second (ctest)."));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("The subscriptor executable."), QStringLiteral("path"),
                                    QStringLiteral(SUBSCRIPTOR_BENCH_SERVER));
    const QCommandLineOption node(QStringLiteral("node"), QStringLiteral("The Node.js executable."), QStringLiteral("path"),
                                  QStringLiteral("node"));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Run one server: ours or node."), QStringLiteral("which"));
    const QCommandLineOption subscribers(QStringLiteral("subscribers"), QStringLiteral("Subscribers per server (1000)."),
                                         QStringLiteral("n"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Length of each run (5)."), QStringLiteral("s"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Changes per second of the latency run (100)."),
                                  QStringLiteral("n"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Rounds per server (2)."), QStringLiteral("n"));
    const QCommandLineOption wrapper(QStringLiteral("wrap"), QStringLiteral("Run our server under this command (space-separated)."),
                                     QStringLiteral("command"));
    parser.addOptions({quick, server, node, only, subscribers, seconds, rate, rounds, wrapper});
    parser.process(app);

    Options options;
    options.server = parser.value(server);
    options.script = QStringLiteral(SUBSCRIPTOR_BENCH_GTW_SCRIPT);
    if (parser.isSet(quick)) {
        options.subscribers = 20;
        options.rate = 50;
        options.seconds = 0.3;
        options.warmup = 0.1;
        options.rounds = 1;
    }
    if (parser.isSet(subscribers))
        options.subscribers = std::max(1, parser.value(subscribers).toInt());
    if (parser.isSet(seconds))
        options.seconds = parser.value(seconds).toDouble();
    if (parser.isSet(rate))
        options.rate = std::max(1.0, parser.value(rate).toDouble());
    if (parser.isSet(rounds))
        options.rounds = std::max(1, parser.value(rounds).toInt());
    if (parser.isSet(wrapper))
        options.wrapper = parser.value(wrapper).split(u' ', Qt::SkipEmptyParts);
    options.runOurs = parser.value(only) != QLatin1String("node");
    options.runNode = parser.value(only) != QLatin1String("ours");

    if (options.runNode) {
        options.node = QStandardPaths::findExecutable(parser.value(node));
        if (options.node.isEmpty() && QFileInfo(parser.value(node)).isExecutable())
            options.node = parser.value(node);
        const QDir js(QFileInfo(options.script).dir().filePath(QStringLiteral("../js/node_modules")));
        QString missing;
        if (options.node.isEmpty())
            missing = QStringLiteral("Node.js (\"%1\") is not installed").arg(parser.value(node));
        for (const char *package : {"graphql", "graphql-ws", "ws"}) {
            if (missing.isEmpty() && !QFileInfo::exists(js.filePath(QLatin1String(package) + QLatin1String("/package.json"))))
                missing = QStringLiteral("%1 is not installed in %2: run `npm ci` in tests/js")
                              .arg(QLatin1String(package), QDir::cleanPath(js.path()));
        }
        if (!missing.isEmpty()) {
            out() << "bench_gtw: skipped: " << missing << Qt::endl;
            return ExitSkipped;
        }
    }

    out() << "bench_gtw: " << options.subscribers << " graphql-transport-ws subscribers per server, " << options.seconds
          << " s per run, " << options.rounds << " round(s); load average " << loadAverage() << " on "
          << QThread::idealThreadCount() << " cores" << Qt::endl;

    // The targets outlive the bench, which stops their servers and closes their connections.
    Target ours;
    ours.name = QStringLiteral("Subscriptor");
    ours.ours = true;
    Target reference;
    reference.name = QStringLiteral("graphql-ws/Node");
    std::vector<Target *> targets;
    if (options.runOurs)
        targets.push_back(&ours);
    if (options.runNode)
        targets.push_back(&reference);
    Runner runner(options);

    for (Target *target : targets) {
        const qint64 t0 = monotonicNs();
        if (runner.start(*target) && runner.open(*target) && runner.probe(*target))
            progress(*target, QStringLiteral("%1 subscribers and a writer connected and subscribed in %2 s")
                                  .arg(options.subscribers)
                                  .arg(double(monotonicNs() - t0) / 1e9, 0, 'f', 2));
    }
    for (int round = 0; round < options.rounds; ++round) {
        std::vector<Target *> order = targets;
        if (round % 2 == 1)
            std::reverse(order.begin(), order.end());
        for (Target *target : order) {
            if (target->failed())
                continue;
            Throughput throughput;
            runner.throughput(*target, throughput);
            if (target->failed())
                continue;
            progress(*target, QStringLiteral("round %1 throughput: %2 deliveries/s, %3 changes/s, server %4 cores (%5 deliveries "
                                             "per CPU-second; waited for a CPU %6 s/s), client %7 cores")
                                  .arg(round + 1)
                                  .arg(number(throughput.deliveriesPerSecond))
                                  .arg(throughput.changesPerSecond, 0, 'f', 1)
                                  .arg(throughput.serverCores, 0, 'f', 2)
                                  .arg(number(throughput.serverCores > 0 ? throughput.deliveriesPerSecond / throughput.serverCores : 0))
                                  .arg(throughput.serverWaiting, 0, 'f', 2)
                                  .arg(throughput.clientCores, 0, 'f', 2));
            Latency latency;
            runner.latency(*target, latency);
            if (target->failed())
                continue;
            progress(*target, QStringLiteral("round %1 latency at %2 changes/s: p50 %3 ms, p99 %4 ms, max %5 ms (%6 samples); "
                                             "per change (medians): %7 ms to the first subscriber, %8 ms from first to last; "
                                             "server waited for a CPU %9 s/s")
                                  .arg(round + 1)
                                  .arg(options.rate)
                                  .arg(latency.p50Ms, 0, 'f', 2)
                                  .arg(latency.p99Ms, 0, 'f', 2)
                                  .arg(latency.maxMs, 0, 'f', 2)
                                  .arg(latency.samples)
                                  .arg(latency.firstP50Ms, 0, 'f', 2)
                                  .arg(latency.spreadP50Ms, 0, 'f', 2)
                                  .arg(latency.serverWaiting, 0, 'f', 2));
            Figures &figures = target->figures;
            if (!figures.ran || throughput.deliveriesPerSecond > figures.throughput.deliveriesPerSecond)
                figures.throughput = throughput;
            if (!figures.ran || latency.p99Ms < figures.latency.p99Ms)
                figures.latency = latency;
            figures.ran = true;
        }
    }
    int status = 0;
    for (Target *target : targets) {
        if (!target->failed())
            runner.verify(*target);
        if (target->failed()) {
            target->figures.ran = false;
            status = 1;
            QString log;
            QFile file(target->dir.filePath(QStringLiteral("server.log")));
            if (file.open(QIODevice::ReadOnly))
                log = QString::fromUtf8(file.readAll().right(2000));
            out() << target->name << ": FAILED: " << QString::fromStdString(target->error) << Qt::endl;
            if (!log.isEmpty())
                out() << "  server log (end):\n" << log << Qt::endl;
        } else {
            progress(*target, QStringLiteral("a next: %1").arg(QString::fromStdString(target->sample)));
        }
    }
    printTable(options, ours, reference);
    out() << "load average at the end: " << loadAverage() << Qt::endl;
    return status;
}

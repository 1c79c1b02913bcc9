// SPDX-License-Identifier: MIT
// bench_mutations: single-row mutations a second through the GraphQL executor (GraphQLService with
// `userUpdate` and `userCreate` documents and new variables each time) on a SQLite file, with
// change capture (the Backend as shipped: triggers write the changelog in each transaction) and
// without it (Changelog::uninstall), same workload; then how fast the ChangeFeed publishes what was
// captured. Not a test: nothing here asserts a speed, it prints the figures and the goal.
//
// Each round opens both kinds on database files of their own and measures them in turns of
// SliceSeconds until each has had its seconds: on a virtual machine whose speed drifts from one
// second to the next, both kinds see the same drift, and the round's ratio stays put.
//
//   bench_mutations                 the figures (about 40 seconds)
//   bench_mutations --quick         a few hundred mutations of each kind (ctest)
//   bench_mutations --dir DIR       put the database files in DIR (default: a temporary directory)
//   bench_mutations --only with     measure one kind only, e.g. under valgrind --tool=callgrind
//
// Besides mutations a second by the wall clock it prints them per CPU second of this process
// (user and system time): on a machine that other work keeps busy, that is the steadier figure.

#include "backend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <optional>

using namespace Subscriptor;
using GraphQL::ObjectBuilder;
using GraphQL::Value;

namespace {

// The goals.
constexpr double GoalMutationsPerSecond = 10'000;
constexpr double GoalCaptureCost = 0.30;
constexpr double Seconds = 3.0;
constexpr double SliceSeconds = 0.1;
constexpr double WarmupSeconds = 0.3;
constexpr int Rounds = 5;
constexpr int QuickMutations = 400;

const QByteArray UpdateDocument = "mutation Update($u: UserInput!) { userUpdate(newUser: $u) { ok errors { field messages } "
                                  "user { id firstName lastName } } }";
const QByteArray CreateDocument = "mutation Create($u: UserInput!) { userCreate(newUser: $u) { ok errors { field messages } "
                                  "user { id username } } }";

using Clock = std::chrono::steady_clock;

struct Options
{
    double seconds = Seconds;
    double warmupSeconds = WarmupSeconds;
    int rounds = Rounds;
    bool quick = false;
    QString directory;
};

[[noreturn]] void die(const QString &message)
{
    QTextStream(stderr) << "bench_mutations: " << message << Qt::endl;
    std::exit(1);
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The process's CPU time (user and system): on a busy machine the wall clock also counts the time
// other processes had the cores.
double cpuSeconds()
{
#ifdef Q_OS_UNIX
    timespec time{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time);
    return double(time.tv_sec) + double(time.tv_nsec) / 1e9;
#else
    return double(std::clock()) / CLOCKS_PER_SEC; // MSVC's clock() is wall time: the two figures agree
#endif
}

// Operations a second by the wall clock and by this process's CPU time.
struct Rate
{
    double wall = 0;
    double cpu = 0;
};

// Operations done and the wall and CPU seconds they took, summed over slices.
struct Tally
{
    qint64 operations = 0;
    double wallSeconds = 0;
    double cpuSeconds = 0;

    Tally &operator+=(const Tally &other)
    {
        operations += other.operations;
        wallSeconds += other.wallSeconds;
        cpuSeconds += other.cpuSeconds;
        return *this;
    }
    Rate rate() const { return Rate{double(operations) / wallSeconds, double(operations) / cpuSeconds}; }
};

// One database file and the Backend as shipped on it: demo models, change capture, the API.
class Run final
{
public:
    Run(const QString &directory, int number, bool capture)
    {
        BackendOptions options;
        options.database = QStringLiteral("%1/bench-%2.sqlite3").arg(directory).arg(number);
        options.retentionRows = 0; // keep every captured row for the feed figure
        options.retentionSeconds = 0;
        QString error;
        if (!m_backend.open(options, &error))
            die(QStringLiteral("cannot open the backend: ") + error);
        if (!capture && !Model::Changelog::uninstall(m_backend.database(), &error))
            die(QStringLiteral("cannot uninstall change capture: ") + error);
        m_backend.feed().stop(); // the feed's figure is taken on its own, afterwards
    }

    // The i-th mutation of the workload: updates of the six demo users and creates of new users,
    // alternating, each with new variables.
    void mutate(qint64 i)
    {
        Api::GraphQLRequest request;
        const bool create = i % 2 == 1;
        request.query = create ? CreateDocument : UpdateDocument;
        const QString text = QString::number(i);
        Value input = create ? ObjectBuilder(3)
                                   .append("username", QString(QLatin1String("bench-") + text))
                                   .append("firstName", QString(QLatin1String("First ") + text))
                                   .append("email", QString(text + QLatin1String("@example.com")))
                                   .build()
                             : ObjectBuilder(3)
                                   .append("id", QString::number(1 + (i / 2) % 6))
                                   .append("firstName", QString(QLatin1String("Name ") + text))
                                   .append("lastName", QString(QLatin1String("Last ") + text))
                                   .build();
        request.variables = ObjectBuilder(1).append("u", std::move(input)).build();
        const GraphQL::ExecutionResult result = m_backend.graphql().execute(request);
        const Value payload = result.data.value(create ? "userCreate" : "userUpdate");
        if (!result.errors.isEmpty() || !payload.value("ok").toBool())
            die(QStringLiteral("mutation %1 failed: %2 %3").arg(i).arg(QString::fromUtf8(result.toJson()),
                                                                       QString::fromUtf8(GraphQL::Json::serialize(payload))));
        ++m_done;
    }

    // Mutations over at least `seconds` (or exactly `count` mutations when given).
    Tally measure(double seconds, qint64 count)
    {
        const Clock::time_point start = Clock::now();
        const double startCpu = cpuSeconds();
        const qint64 first = m_done;
        if (count > 0) {
            for (qint64 i = 0; i < count; ++i)
                mutate(m_done);
        } else {
            while (secondsSince(start) < seconds) {
                for (int i = 0; i < 100; ++i)
                    mutate(m_done);
            }
        }
        return Tally{m_done - first, secondsSince(start), cpuSeconds() - startCpu};
    }

    // Events a second the ChangeFeed publishes when it reads the whole changelog.
    Rate feedRate(qint64 *events)
    {
        Model::ChangeFeed feed(m_backend.database());
        feed.setCatalog(m_backend.catalog());
        feed.setRetention(0, 0);
        qint64 published = 0;
        QObject::connect(&feed, &Model::ChangeFeed::changes, &feed,
                         [&published](const Model::ChangeEvents &batch) { published += batch.size(); });
        feed.start(0);
        const Clock::time_point start = Clock::now();
        const double startCpu = cpuSeconds();
        feed.poll();
        const double elapsed = secondsSince(start);
        *events = published;
        return Rate{double(published) / elapsed, double(published) / (cpuSeconds() - startCpu)};
    }

    qint64 changelogRows() const
    {
        QSqlQuery query(m_backend.database().connection());
        return query.exec(QStringLiteral("SELECT count(*) FROM subscriptor_changes")) && query.next() ? query.value(0).toLongLong() : -1;
    }

private:
    Backend m_backend;
    qint64 m_done = 0;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("subscriptor.*.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Single-row GraphQL mutations a second, with and without change capture."));
    parser.addHelpOption();
    const QCommandLineOption quickOption(QStringLiteral("quick"), QStringLiteral("A few hundred mutations of each kind (ctest)."));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Where the database files go."), QStringLiteral("DIR"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Seconds per measurement."), QStringLiteral("S"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Measurements of each kind; the median counts."),
                                          QStringLiteral("N"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Measure only with or without capture (for a profiler)."),
                                        QStringLiteral("with|without"));
    parser.addOptions({quickOption, dirOption, secondsOption, roundsOption, onlyOption});
    parser.process(app);

    Options options;
    options.quick = parser.isSet(quickOption);
    if (parser.isSet(secondsOption))
        options.seconds = parser.value(secondsOption).toDouble();
    if (parser.isSet(roundsOption))
        options.rounds = qMax(1, parser.value(roundsOption).toInt());
    if (options.quick)
        options.rounds = 1;
    QTemporaryDir temporary(parser.isSet(dirOption) ? parser.value(dirOption) + QLatin1String("/bench-XXXXXX") : QString());
    if (!temporary.isValid())
        die(QStringLiteral("cannot make a directory for the database files"));
    options.directory = temporary.path();

    QTextStream out(stdout);
    const QStorageInfo storage(options.directory);
    out << "bench_mutations: " << (options.quick ? "quick run, " : "") << options.rounds << " round(s) of "
        << (options.quick ? QStringLiteral("%1 mutations").arg(QuickMutations) : QStringLiteral("%1 s").arg(options.seconds))
        << " each, database files on " << storage.fileSystemType() << " (" << options.directory << ")" << Qt::endl;

    // Index 0 is with capture, 1 without.
    const QString only = parser.value(onlyOption);
    const bool measure[2] = {only != QLatin1String("without"), only != QLatin1String("with")};
    QList<double> wall[2], cpu[2], costs; // mutations a second by round
    Rate feed;
    qint64 feedEvents = 0;
    int number = 0;
    for (int round = 0; round < options.rounds; ++round) {
        std::optional<Run> runs[2];
        Tally tallies[2];
        for (int kind = 0; kind < 2; ++kind) {
            if (!measure[kind])
                continue;
            runs[kind].emplace(options.directory, ++number, kind == 0);
            runs[kind]->measure(0, 20); // statements prepared, the document cache filled
            if (!options.quick)
                runs[kind]->measure(options.warmupSeconds, 0);
        }
        // In turns, so that a noisy neighbour or a drifting clock slows both kinds alike.
        for (bool done = false; !done;) {
            done = true;
            for (int kind = 0; kind < 2; ++kind) {
                if (!runs[kind] || (options.quick ? tallies[kind].operations > 0 : tallies[kind].wallSeconds >= options.seconds))
                    continue;
                tallies[kind] += options.quick ? runs[kind]->measure(0, QuickMutations) : runs[kind]->measure(SliceSeconds, 0);
                done = false;
            }
        }
        for (int kind = 0; kind < 2; ++kind) {
            if (!runs[kind])
                continue;
            const Rate rate = tallies[kind].rate();
            wall[kind].append(rate.wall);
            cpu[kind].append(rate.cpu);
            out << QStringLiteral("  round %1, %2 capture: %3 mutations/s (%4 per CPU second)")
                       .arg(round + 1)
                       .arg(kind == 0 ? QStringLiteral("with") : QStringLiteral("without"))
                       .arg(rate.wall, 0, 'f', 0)
                       .arg(rate.cpu, 0, 'f', 0)
                << Qt::endl;
        }
        if (runs[0] && runs[1])
            costs.append(wall[1].last() / wall[0].last() - 1.0);
        if (runs[0]) {
            const qint64 rows = runs[0]->changelogRows();
            const Rate published = runs[0]->feedRate(&feedEvents);
            if (feedEvents != rows)
                die(QStringLiteral("the feed published %1 events of %2 changelog rows").arg(feedEvents).arg(rows));
            feed.wall = qMax(feed.wall, published.wall);
            feed.cpu = qMax(feed.cpu, published.cpu);
        }
        if (runs[1] && runs[1]->changelogRows() != 0)
            die(QStringLiteral("changes were captured without capture"));
    }

    if (costs.isEmpty())
        return 0;
    const double withRate = median(wall[0]);
    // What capture adds to the time of a mutation: each round measures both kinds in turns, so a
    // round's ratio sees the same neighbours; the median round counts.
    const double cost = median(costs);
    const double cpuCost = median(cpu[1]) / median(cpu[0]) - 1.0;
    out << Qt::endl
        << QStringLiteral("with capture:     %1 mutations/s (%2 per CPU second)").arg(withRate, 0, 'f', 0).arg(median(cpu[0]), 0, 'f', 0)
        << Qt::endl
        << QStringLiteral("without capture:  %1 mutations/s (%2 per CPU second)").arg(median(wall[1]), 0, 'f', 0).arg(median(cpu[1]), 0, 'f', 0)
        << Qt::endl
        << QStringLiteral("ratio:            %1 (capture adds %2% to the time of a mutation: the median of %3 rounds, "
                          "which ranged %4% to %5%; %6% to its CPU time)")
               .arg(1.0 + cost, 0, 'f', 2)
               .arg(cost * 100, 0, 'f', 1)
               .arg(costs.size())
               .arg(*std::min_element(costs.begin(), costs.end()) * 100, 0, 'f', 1)
               .arg(*std::max_element(costs.begin(), costs.end()) * 100, 0, 'f', 1)
               .arg(cpuCost * 100, 0, 'f', 1)
        << Qt::endl
        << QStringLiteral("feed:             %1 events/s (%2 per CPU second; %3 captured events read and published)")
               .arg(feed.wall, 0, 'f', 0)
               .arg(feed.cpu, 0, 'f', 0)
               .arg(feedEvents)
        << Qt::endl
        << QStringLiteral("goal:             >= %1 mutations/s with capture, capture < %2%: %3")
               .arg(GoalMutationsPerSecond, 0, 'f', 0)
               .arg(GoalCaptureCost * 100, 0, 'f', 0)
               .arg(withRate >= GoalMutationsPerSecond && cost < GoalCaptureCost ? QStringLiteral("met") : QStringLiteral("missed"))
        << Qt::endl;
    if (options.quick)
        out << "(a quick run's figures mean little)" << Qt::endl;
    return 0;
}

// SPDX-License-Identifier: MIT
// bench_graphql: how many requests the GraphQL engine answers per second of one core's time, next
// to graphql-js 16 on the same schema, data and documents. Per document it times the whole request
// (parse + validate + execute + serialise to JSON) and each step alone, then has
// graphql_reference.mjs do the same, checks that both engines gave byte-identical responses, and
// prints the ratios and their geometric mean. Not a test: nothing here asserts a speed.
//
//   bench_graphql            the figures (about a minute)
//   bench_graphql --quick    a few iterations of everything, responses still compared (ctest)

#include "benchschema.h"
#include "benchstore.h"
#include "referencerunner.h"

#include "executor.h"
#include "json.h"
#include "parser.h"
#include "validator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>
#include <QThread>

#include <chrono>
#include <cmath>
#include <vector>

#ifdef Q_OS_LINUX
#include <sched.h>
#endif
#ifdef Q_OS_UNIX
#include <time.h>
#endif

using namespace Subscriptor;
using namespace Subscriptor::Bench;
using namespace Subscriptor::GraphQL;

namespace {

// The issue's goal: at least this many times graphql-js's throughput (geometric mean).
constexpr double GoalRatio = 5.0;
// A JIT needs a while to settle; so does the branch predictor. Both engines get the same time.
constexpr double WarmupSeconds = 0.5;
constexpr double MinSeconds = 1.0;
constexpr int MinIterations = 10;
constexpr int QuickIterations = 3;
// ctest's convention for "skipped": graphql-js or Node.js is not installed.
constexpr int SkipExitCode = 77;
constexpr int FiguresPerDocument = 4;
// graphql_reference.mjs's deadline: its CPU-time budget this many times over (a busy machine
// stretches wall time), plus a fixed allowance for Node.js to start.
constexpr int ReferenceTimeoutFactor = 20;
constexpr std::chrono::seconds ReferenceSlack{300};
constexpr qsizetype MismatchContext = 120;
// Above this one-minute load average, something else competes for the cores.
constexpr double BusyLoadAverage = 1.5;

struct Workload
{
    const char *name;
    const char *file;
    const char *operationName;
    const char *variables;
    bool isIntrospectionQuery;
};

// A small query with variables; a medium one with fragments, aliases, a directive, an interface
// and a list of 20 nested objects; graphql-js's getIntrospectionQuery(); a mutation.
const Workload Workloads[] = {
    {"small", ":/bench/documents/small.graphql", "UserById", R"({"id": "u7"})", false},
    {"medium", ":/bench/documents/medium.graphql", "GroupFeed", R"({"group": "g3"})", false},
    {"introspection", ":/bench/documents/introspection.graphql", "IntrospectionQuery", "{}", true},
    {"mutation", ":/bench/documents/mutation.graphql", "UpdateProfile",
     R"({"id": "u42", "input": {"name": "Ada Lovelace", "email": "ada@example.com", "bio": null, "role": "ADMIN"}})",
     false},
};

enum Figure { Full, Parse, Validate, Execute };
const char *const FigureNames[FiguresPerDocument] = {"full", "parse", "validate", "execute+json"};
const char *const ReferenceKeys[FiguresPerDocument] = {"full", "parse", "validate", "execute"};

struct Options
{
    double warmupSeconds = WarmupSeconds;
    double minSeconds = MinSeconds;
    int minIterations = MinIterations;
    bool quick = false;
    bool withReference = true;
    bool pin = true;
    QString only;      // a document name; empty for all
    QString dumpDirectory;
    QString node;
    QString script;
};

// A workload with its document's text, as both engines get it.
struct Document
{
    const Workload *workload;
    QByteArray text;
};

struct Results
{
    QByteArray name;
    QByteArray response; // of the first full run
    double opsPerSecond[FiguresPerDocument] = {};
};

// Every timed call's result goes here, so that no compiler drops the work.
volatile qsizetype g_sink = 0;

[[noreturn]] void die(const QString &message, int code = 1)
{
    QTextStream(stderr) << "bench_graphql: " << message << Qt::endl;
    std::exit(code);
}

// The CPU time this process has used, in seconds. Timing by CPU time rather than by the wall
// clock keeps the figures meaningful while other work runs on the machine: time spent waiting for
// a core is not counted, for either engine (graphql_reference.mjs uses process.cpuUsage()).
double cpuSeconds()
{
#ifdef Q_OS_UNIX
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
#else
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
#endif
}

// Same loop as measure() in graphql_reference.mjs: warm up, then run in doubling batches until both
// the time and the iteration minimum are reached. Returns operations per CPU second.
template<typename Operation>
double measure(Operation &&operation, const Options &options)
{
    const double warmupStart = cpuSeconds();
    while (cpuSeconds() - warmupStart < options.warmupSeconds)
        g_sink = g_sink + operation();
    qint64 iterations = 0;
    qint64 batch = 1;
    const double start = cpuSeconds();
    for (;;) {
        for (qint64 i = 0; i < batch; ++i)
            g_sink = g_sink + operation();
        iterations += batch;
        const double elapsed = cpuSeconds() - start;
        if (elapsed >= options.minSeconds && iterations >= options.minIterations)
            return double(iterations) / elapsed;
        if (elapsed < options.minSeconds / 10)
            batch *= 2;
    }
}

std::vector<Document> readDocuments(const QString &only)
{
    std::vector<Document> documents;
    for (const Workload &workload : Workloads) {
        if (!only.isEmpty() && only != QLatin1String(workload.name))
            continue;
        QFile file(QString::fromLatin1(workload.file));
        if (!file.open(QIODevice::ReadOnly))
            die(QLatin1String("cannot read ") + file.fileName());
        documents.push_back({&workload, file.readAll()});
    }
    if (documents.empty())
        die(QLatin1String("no document is called ") + only);
    return documents;
}

Results runOurs(const SchemaPtr &schema, const Document &doc, const Options &options)
{
    const Workload &workload = *doc.workload;
    const QByteArray &text = doc.text;
    const QByteArray operationName(workload.operationName);
    const Value variables = Json::parse(workload.variables);
    const QString name = QString::fromLatin1(workload.name);
    // What a server does per request.
    auto full = [&] {
        ParseResult parsed = Parser::parse(text);
        if (!parsed.document)
            die(name + QLatin1String(": ") + parsed.error->message);
        const ErrorList errors = Validator::validate(*schema, *parsed.document);
        if (!errors.isEmpty())
            die(name + QLatin1String(": invalid: ") + errors.first().message);
        return Executor::execute(ExecutionRequest{schema, parsed.document, operationName, variables}).toJson();
    };
    Results results;
    results.name = workload.name;
    results.response = full();
    const DocumentPtr document = Parser::parse(text).document;
    results.opsPerSecond[Full] = measure([&] { return full().size(); }, options);
    results.opsPerSecond[Parse] = measure([&] { return qsizetype(Parser::parse(text).document != nullptr); }, options);
    results.opsPerSecond[Validate] = measure([&] { return Validator::validate(*schema, *document).size(); }, options);
    results.opsPerSecond[Execute] = measure(
        [&] { return Executor::execute(ExecutionRequest{schema, document, operationName, variables}).toJson().size(); },
        options);
    return results;
}

QByteArray referenceRequest(const Value &data, const std::vector<Document> &documents, const Options &options)
{
    Value::List list;
    for (const Document &document : documents) {
        const Workload &workload = *document.workload;
        list.append(ObjectBuilder(5)
                        .append("name", QString::fromLatin1(workload.name))
                        .append("query", QString::fromUtf8(document.text))
                        .append("operationName", QString::fromLatin1(workload.operationName))
                        .append("variables", Json::parse(workload.variables))
                        .append("isIntrospectionQuery", workload.isIntrospectionQuery)
                        .build());
    }
    return Json::serialize(ObjectBuilder(5)
                               .append("data", data)
                               .append("documents", list)
                               .append("warmupSeconds", options.warmupSeconds)
                               .append("minSeconds", options.minSeconds)
                               .append("minIterations", options.minIterations)
                               .build());
}

// graphql-js's figures and responses, one object per document (see graphql_reference.mjs).
Value::List runReference(const Value &data, const std::vector<Document> &documents, const Options &options,
                         QTextStream &out)
{
    const ReferenceRunner reference(options.node, options.script);
    out << "Timing graphql-js" << Qt::endl;
    const auto timeout = std::chrono::seconds(qint64(double(documents.size() * FiguresPerDocument)
                                                     * (options.warmupSeconds + options.minSeconds) * ReferenceTimeoutFactor))
        + ReferenceSlack;
    QByteArray answer;
    QString reason;
    const ReferenceRunner::Status status = reference.run(referenceRequest(data, documents, options), timeout, &answer, &reason);
    if (status != ReferenceRunner::Status::Ok)
        die(reason, status == ReferenceRunner::Status::Unavailable ? SkipExitCode : 1);
    Json::ParseError error;
    const Value theirs = Json::parse(answer, &error);
    if (error.isError())
        die(QLatin1String("unreadable answer from graphql_reference.mjs: ") + error.message);
    out << "graphql-js " << theirs.value("graphql").toString() << " on Node.js " << theirs.value("node").toString()
        << Qt::endl;
    const Value::List results = theirs.value("documents").toList();
    for (size_t i = 0; i < documents.size(); ++i) {
        if (qsizetype(i) >= results.size()
            || results[qsizetype(i)].value("name").toString() != QLatin1String(documents[i].workload->name)) {
            die(QStringLiteral("graphql_reference.mjs did not answer for every document"));
        }
    }
    return results;
}

// The first place where two responses differ, with some text around it from each.
QString describeMismatch(const QByteArray &ours, const QByteArray &theirs)
{
    qsizetype at = 0;
    while (at < ours.size() && at < theirs.size() && ours[at] == theirs[at])
        ++at;
    const qsizetype from = qMax<qsizetype>(0, at - MismatchContext / 2);
    return QLatin1String("responses differ at byte ") + QString::number(at) + QLatin1String(":\n  ours:       …")
        + QString::fromUtf8(ours.mid(from, MismatchContext)) + QLatin1String("…\n  graphql-js: …")
        + QString::fromUtf8(theirs.mid(from, MismatchContext)) + QLatin1String("…");
}

// Both engines on one core: the figures are per core, and Node.js's helper threads (JIT, GC) must
// not get a second core that our single thread does not use. The child inherits the affinity.
void pinToOneCore()
{
#ifdef Q_OS_LINUX
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(sched_getcpu(), &set);
    if (sched_setaffinity(0, sizeof set, &set) != 0)
        QTextStream(stderr) << "bench_graphql: could not pin to one core; figures may be noisier" << Qt::endl;
#endif
}

void writeFile(const QString &directory, const QByteArray &name, const QByteArray &contents)
{
    QDir().mkpath(directory);
    QFile file(QDir(directory).filePath(QString::fromUtf8(name)));
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        die(QLatin1String("cannot write ") + file.fileName());
}

// Other work on the machine makes both engines' figures meaningless; say so next to them.
void describeMachine(QTextStream &out)
{
    QFile loadAverage(QStringLiteral("/proc/loadavg"));
    if (!loadAverage.open(QIODevice::ReadOnly))
        return;
    const double load = loadAverage.readAll().split(' ').value(0).toDouble();
    out << "Load average " << load << " on " << QThread::idealThreadCount() << " cores (both engines run on one)";
    if (load > BusyLoadAverage)
        out << ": the machine is busy; figures are per CPU second, but caches are shared, so expect noise";
    out << Qt::endl;
}

QString opsText(double ops)
{
    return QString::number(ops, 'f', ops < 100 ? 1 : 0);
}

Options parseOptions(const QCoreApplication &app)
{
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Times the GraphQL engine against graphql-js."));
    cli.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"),
                                   QStringLiteral("A few iterations only: checks that everything still runs."));
    const QCommandLineOption iterations(QStringLiteral("iterations"),
                                        QStringLiteral("Exactly this many iterations, no warm-up (for profilers)."),
                                        QStringLiteral("count"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Minimum time per figure."),
                                     QStringLiteral("seconds"), QString::number(MinSeconds));
    const QCommandLineOption only(QStringLiteral("only"), QStringLiteral("Only this document."), QStringLiteral("name"));
    const QCommandLineOption noReference(QStringLiteral("no-reference"), QStringLiteral("Do not run graphql-js."));
    const QCommandLineOption allCores(QStringLiteral("all-cores"), QStringLiteral("Do not pin to one core."));
    const QCommandLineOption node(QStringLiteral("node"), QStringLiteral("The Node.js executable."),
                                  QStringLiteral("path"), QStringLiteral("node"));
    const QCommandLineOption script(QStringLiteral("reference"), QStringLiteral("graphql_reference.mjs."),
                                    QStringLiteral("path"), QStringLiteral(SUBSCRIPTOR_BENCH_REFERENCE_SCRIPT));
    const QCommandLineOption dump(QStringLiteral("dump"),
                                  QStringLiteral("Write both engines' responses to files in a directory."),
                                  QStringLiteral("directory"));
    cli.addOptions({quick, iterations, seconds, only, noReference, allCores, node, script, dump});
    cli.process(app);

    Options options;
    options.minSeconds = cli.value(seconds).toDouble();
    options.quick = cli.isSet(quick) || cli.isSet(iterations);
    if (options.quick) {
        options.warmupSeconds = 0;
        options.minSeconds = 0;
        options.minIterations = cli.isSet(iterations) ? qMax(1, cli.value(iterations).toInt()) : QuickIterations;
    }
    options.withReference = !cli.isSet(noReference);
    options.pin = !cli.isSet(allCores);
    options.only = cli.value(only);
    options.dumpDirectory = cli.value(dump);
    options.node = cli.value(node);
    options.script = cli.value(script);
    return options;
}

QString row(const QString &document, const QString &figure, const QString &ours, const QString &theirs, const QString &ratio)
{
    return QStringLiteral("%1 %2 %3 %4 %5").arg(document, -14).arg(figure, -13).arg(ours, 12).arg(theirs, 17).arg(ratio, 8);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(app);
    QTextStream out(stdout);
    describeMachine(out); // before pinning: it counts the cores this process may use
    if (options.pin)
        pinToOneCore();
    if (options.withReference) {
        QString reason;
        if (ReferenceRunner(options.node, options.script).check(&reason) != ReferenceRunner::Status::Ok)
            die(reason, SkipExitCode);
    }

    BenchStore store;
    const SchemaPtr schema = benchSchema(store);
    // graphql-js starts from the rows as they are before our run's mutations.
    const Value initialRows = store.toValue();
    const std::vector<Document> documents = readDocuments(options.only);
    std::vector<Results> ours;
    out << "Timing Subscriptor's engine:";
    out.flush();
    for (const Document &document : documents) {
        ours.push_back(runOurs(schema, document, options));
        out << ' ' << document.workload->name;
        out.flush();
    }
    out << Qt::endl;
    const Value::List theirs = options.withReference ? runReference(initialRows, documents, options, out) : Value::List();

    bool identical = true;
    double logRatioSum = 0;
    out << Qt::endl << "Operations per CPU second, one core, at least " << options.minSeconds << " s per figure" << Qt::endl
        << row(QStringLiteral("document"), QStringLiteral("figure"), QStringLiteral("ours ops/s"),
                           QStringLiteral("graphql-js ops/s"), QStringLiteral("ratio"))
        << Qt::endl;
    for (size_t i = 0; i < ours.size(); ++i) {
        const Results &result = ours[i];
        const Value *js = options.withReference ? &theirs[qsizetype(i)] : nullptr;
        for (int figure = 0; figure < FiguresPerDocument; ++figure) {
            const double ourOps = result.opsPerSecond[figure];
            const double theirOps = js ? js->value(ReferenceKeys[figure]).toDouble() : 0;
            if (figure == Full && theirOps > 0)
                logRatioSum += std::log(ourOps / theirOps);
            out << row(figure == Full ? QString::fromLatin1(result.name) : QString(), QString::fromLatin1(FigureNames[figure]),
                       opsText(ourOps), js ? opsText(theirOps) : QStringLiteral("-"),
                       theirOps > 0 ? QString::number(ourOps / theirOps, 'f', 2) + u'x' : QStringLiteral("-"))
                << Qt::endl;
        }
        if (!options.dumpDirectory.isEmpty())
            writeFile(options.dumpDirectory, result.name + ".ours.json", result.response);
        if (!js)
            continue;
        const QByteArray theirResponse = js->value("response").toString().toUtf8();
        if (!options.dumpDirectory.isEmpty())
            writeFile(options.dumpDirectory, result.name + ".graphql-js.json", theirResponse);
        if (theirResponse != result.response) {
            identical = false;
            QTextStream(stderr) << "bench_graphql: " << result.name << ": " << describeMismatch(result.response, theirResponse)
                                << Qt::endl;
        }
    }
    if (!options.withReference)
        return 0;
    const double geometricMean = std::exp(logRatioSum / double(ours.size()));
    out << Qt::endl
        << "Geometric mean of the full-request ratios: " << QString::number(geometricMean, 'f', 2) << "x (goal: at least "
        << GoalRatio << "x" << (options.quick ? QStringLiteral("; these few iterations mean nothing") : QString()) << ')'
        << Qt::endl;
    if (!identical)
        die(QStringLiteral("the two engines gave different responses: the comparison is void"));
    out << "Responses identical to graphql-js's for every document." << Qt::endl;
    return 0;
}

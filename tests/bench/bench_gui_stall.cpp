// SPDX-License-Identifier: MIT
// bench_gui_stall: does the workbench's window stay responsive while notifications pour in? The
// real MainWindow (offscreen unless a display is set, e.g. under xvfb-run) with its embedded
// server on a temporary demo database; one of its client connections subscribes to every change
// of users through the composer, as a user would; a writer in the server's thread updates users
// through the ModelStore at a steady rate (10,000 changes a second by default: one notification
// each); meanwhile a 2 ms timer in the GUI thread measures how late the event loop runs it. Not a
// test: nothing asserts a speed; it prints the figures and PASS or MISS for the goal.
//
//   bench_gui_stall                  10 s at 10,000 notifications/s
//   bench_gui_stall --quick          1 s at 2,000/s (ctest: keeps it working)
//   bench_gui_stall --seconds S --rate N --protocol seed|graphql-transport-ws|graphql-ws
//
// Lateness is how much later than asked a probe tick ran; a stall is the longest gap between two
// ticks. Both count everything the GUI thread did: reading the socket, parsing frames, the log's
// batches, the filter proxy, painting the table.

#include "composerpanel.h"
#include "connectionlist.h"
#include "graphqleditor.h"
#include "mainwindow.h"
#include "notificationlogmodel.h"
#include "servercore.h"
#include "subscriptionregistry.h"
#include "workbench.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

using namespace Subscriptor;

namespace {

constexpr double GoalStallMs = 50;
constexpr double DefaultRate = 10'000;
constexpr double DefaultSeconds = 10;
constexpr double QuickRate = 2'000;
constexpr double QuickSeconds = 1;
constexpr int ProbeIntervalMs = 2;
constexpr int WriterTickMs = 5;
constexpr int DrainTimeoutMs = 30'000;
constexpr int SetupTimeoutMs = 60'000;
constexpr qint64 Users = 6; // the demo database's users: 1…6

[[noreturn]] void die(const QString &message)
{
    QTextStream(stderr) << "bench_gui_stall: " << message << Qt::endl;
    std::exit(1);
}

template<typename Predicate>
bool waitFor(Predicate done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

/// Runs `job(core)` in the server's thread and waits for its result.
template<typename Job>
auto inCore(Server &server, Job job)
{
    using Result = decltype(job(std::declval<ServerCore &>()));
    QObject context;
    auto result = std::make_shared<std::optional<Result>>();
    server.call(&context, std::move(job), [result](Result value) { *result = std::move(value); });
    if (!waitFor([&result] { return result->has_value(); }, SetupTimeoutMs))
        die(QStringLiteral("the server thread did not answer"));
    return **result;
}

/**
 * Updates users through the ModelStore at `rate` changes a second, in the server's thread: each
 * tick writes what the clock says is due (so a late tick catches up, within a bound).
 */
class Writer final : public QObject
{
public:
    Writer(ServerCore &core, double rate) : QObject(&core), m_core(core), m_rate(rate)
    {
        m_model = core.backend().catalog()->modelByLabel(QStringLiteral("auth.user"));
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(WriterTickMs);
        connect(&m_timer, &QTimer::timeout, this, &Writer::tick);
    }
    void start()
    {
        m_clock.start();
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_written;
    }

private:
    void tick()
    {
        const auto due = qint64(m_rate * double(m_clock.nsecsElapsed()) / 1e9);
        // Never more than a quarter second's worth at once: the server's dispatch must get a turn.
        const qint64 count = std::min(due - m_written, qint64(m_rate / 4) + 1);
        for (qint64 i = 0; i < count; ++i) {
            const qint64 id = 1 + m_written % Users;
            const Model::WriteResult result = m_core.backend().store().update(
                *m_model, GraphQL::ObjectBuilder(2).append("id", id).append("first_name", QStringLiteral("n%1").arg(m_written)).build());
            if (!result.ok)
                die(QStringLiteral("an update was refused"));
            ++m_written;
        }
    }

    ServerCore &m_core;
    Model::ModelPtr m_model;
    double m_rate;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_written = 0;
};

/// How late a steady timer in the GUI thread runs.
class Probe final : public QObject
{
public:
    Probe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(ProbeIntervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double gapMs = double(now - m_last) / 1e6;
            m_last = now;
            m_lateness.push_back(std::max(0.0, gapMs - ProbeIntervalMs));
            m_longestGapMs = std::max(m_longestGapMs, gapMs);
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double longestGapMs() const { return m_longestGapMs; }
    double latenessPercentile(double p)
    {
        if (m_lateness.empty())
            return 0;
        std::vector<double> sorted = m_lateness;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, size_t(std::ceil(p * double(sorted.size())) - 1))];
    }
    size_t ticks() const { return m_lateness.size(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    double m_longestGapMs = 0;
    std::vector<double> m_lateness;
};

Client::Protocol protocolNamed(const QString &name)
{
    for (Client::Protocol protocol : {Client::Protocol::Seed, Client::Protocol::TransportWs, Client::Protocol::LegacyWs}) {
        if (Client::protocolName(protocol) == name)
            return protocol;
    }
    die(QStringLiteral("unknown protocol %1").arg(name));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("quick"), QStringLiteral("A short, light run (ctest).")},
        {QStringLiteral("seconds"), QStringLiteral("How long the stream runs (default 10)."), QStringLiteral("s")},
        {QStringLiteral("rate"), QStringLiteral("Notifications a second (default 10000)."), QStringLiteral("n")},
        {QStringLiteral("protocol"), QStringLiteral("The subscribing connection's protocol (default graphql-transport-ws)."),
         QStringLiteral("name")},
    });
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));
    const double seconds = parser.isSet(QStringLiteral("seconds")) ? parser.value(QStringLiteral("seconds")).toDouble()
                                                                    : quick ? QuickSeconds : DefaultSeconds;
    const double rate = parser.isSet(QStringLiteral("rate")) ? parser.value(QStringLiteral("rate")).toDouble()
                                                              : quick ? QuickRate : DefaultRate;
    const Client::Protocol protocol = protocolNamed(parser.value(QStringLiteral("protocol")).isEmpty()
                                                        ? QStringLiteral("graphql-transport-ws")
                                                        : parser.value(QStringLiteral("protocol")));
    if (seconds <= 0 || rate <= 0)
        die(QStringLiteral("--seconds and --rate must be positive"));

    // The user's settings stay untouched; the window starts as on a first run.
    QTemporaryDir directory;
    if (!directory.isValid())
        die(QStringLiteral("no temporary directory"));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SubscriptorBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_gui_stall"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, directory.path());

    ServerConfig config;
    config.backend.database = directory.filePath(QStringLiteral("bench.db"));
    config.port = 0;
    Ui::MainWindow window(config);
    window.show();
    Ui::Workbench &workbench = window.workbench();
    Server &server = workbench.server();
    if (!waitFor([&] { return server.isRunning() && server.catalog(); }, SetupTimeoutMs))
        die(QStringLiteral("the server did not start"));

    // Subscribe through the composer, on the first connection of the protocol.
    Ui::WorkbenchConnection subscriber;
    for (const Ui::WorkbenchConnection &connection : workbench.connections()) {
        if (connection.client->protocol() == protocol && !subscriber.client)
            subscriber = connection;
    }
    if (!subscriber.client)
        subscriber = workbench.addConnection(protocol);
    if (!waitFor([&] { return subscriber.client->state() == Client::ClientConnection::State::Ready; }, SetupTimeoutMs))
        die(QStringLiteral("the connection did not become ready"));
    auto *composer = qobject_cast<Ui::ComposerPanel *>(window.centralWidget());
    auto *modelChoice = composer->findChild<QComboBox *>(QStringLiteral("formModel"));
    modelChoice->setCurrentIndex(modelChoice->findText(QStringLiteral("auth.user")));
    composer->connections()->setCurrent(subscriber.number);
    composer->writeFromForm();
    if (!composer->send())
        die(QStringLiteral("the composer did not send the subscription"));
    if (!waitFor([&] { return inCore(server, [](ServerCore &core) { return core.registry().count(); }) > 0; }, SetupTimeoutMs))
        die(QStringLiteral("the subscription did not reach the server"));

    qint64 received = 0;
    QObject counting;
    QObject::connect(subscriber.client, &Client::ClientConnection::result, &counting,
                     [&received](const QString &, const GraphQL::Value &) { ++received; });
    if (protocol == Client::Protocol::Seed) {
        QObject::connect(subscriber.client, &Client::ClientConnection::frameReceived, &counting,
                         [&received](const QString &text) { received += text.contains(QLatin1String("\"model\"")) ? 1 : 0; });
    }
    // Let the window settle (first paint, status timers) before measuring.
    waitFor([] { return false; }, 500);

    Probe probe;
    probe.start();
    const auto writer = inCore(server, [rate](ServerCore &core) {
        auto *started = new Writer(core, rate);
        started->start();
        return started;
    });
    QElapsedTimer clock;
    clock.start();
    waitFor([&] { return clock.elapsed() >= qint64(seconds * 1000); }, int(seconds * 1000) + 1000);
    const double streamedSeconds = double(clock.nsecsElapsed()) / 1e9;
    const qint64 receivedWhileStreaming = received;
    const qint64 written = inCore(server, [writer](ServerCore &) {
        const qint64 count = writer->stop();
        delete writer;
        return count;
    });
    const bool drained = waitFor([&] { return received >= written; }, DrainTimeoutMs);
    const double totalSeconds = double(clock.nsecsElapsed()) / 1e9;
    probe.stop();

    const double stall = probe.longestGapMs();
    QTextStream out(stdout);
    out << "bench_gui_stall: the MainWindow (" << QGuiApplication::platformName() << "), one "
        << Client::protocolName(protocol) << " connection subscribed to userChanges through the composer\n";
    out << QStringLiteral("  asked: %1 notifications/s for %2 s; written %3 changes (%4/s)\n")
               .arg(rate, 0, 'f', 0).arg(seconds, 0, 'f', 1).arg(written).arg(double(written) / streamedSeconds, 0, 'f', 0);
    out << QStringLiteral("  received by the GUI client: %1 while streaming (%2/s), %3 in all%4 after %5 s\n")
               .arg(receivedWhileStreaming).arg(double(receivedWhileStreaming) / streamedSeconds, 0, 'f', 0).arg(received)
               .arg(drained ? QString() : QStringLiteral(" (NOT all)")).arg(totalSeconds, 0, 'f', 1);
    out << QStringLiteral("  log: %1 entries kept, %2 in the table\n").arg(workbench.log().retainedCount()).arg(workbench.log().rowCount());
    out << QStringLiteral("  GUI event loop (a %1 ms timer, %2 ticks): longest stall %3 ms, lateness p50 %4 ms, p99 %5 ms, "
                          "p99.9 %6 ms\n")
               .arg(ProbeIntervalMs).arg(probe.ticks()).arg(stall, 0, 'f', 1).arg(probe.latenessPercentile(0.5), 0, 'f', 2)
               .arg(probe.latenessPercentile(0.99), 0, 'f', 2).arg(probe.latenessPercentile(0.999), 0, 'f', 2);
    out << QStringLiteral("  goal: longest stall under %1 ms: %2\n").arg(GoalStallMs, 0, 'f', 0).arg(stall < GoalStallMs ? QLatin1String("PASS") : QLatin1String("MISS"));
    out.flush();
    return drained ? 0 : 1;
}

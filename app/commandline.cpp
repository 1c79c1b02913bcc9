// SPDX-License-Identifier: MIT
#include "commandline.h"

#include <QCoreApplication>

namespace Subscriptor::App {

namespace {

bool readNumber(const QCommandLineParser &parser, const QString &name, qint64 minimum, qint64 maximum, qint64 &out,
                QString &error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        error = QStringLiteral("--%1 must be a whole number from %2 to %3, not \"%4\"")
                    .arg(name).arg(minimum).arg(maximum).arg(parser.value(name));
        return false;
    }
    out = value;
    return true;
}

} // namespace

bool CommandLine::parse(const QStringList &arguments, CommandLine &result, QString &error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "GraphQL subscriptions for the rows of SQL tables.\n"
        "Without --headless it opens the workbench; with it, it runs the server alone."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("headless"), QStringLiteral("Run the server without the workbench.")},
        {QStringLiteral("db"), QStringLiteral("The SQLite database file (created when missing; default subscriptor.db)."),
         QStringLiteral("path")},
        {QStringLiteral("host"), QStringLiteral("The address to listen on (default 127.0.0.1)."), QStringLiteral("address")},
        {QStringLiteral("port"), QStringLiteral("The port for HTTP and WebSockets (default 8000; 0 picks a free one)."),
         QStringLiteral("port")},
        {QStringLiteral("path"), QStringLiteral("The GraphQL path for HTTP and WebSockets (default /graphql)."),
         QStringLiteral("path")},
        {QStringLiteral("models"), QStringLiteral("A JSON models file: model names, exposed fields, descriptions."),
         QStringLiteral("file")},
        {QStringLiteral("no-demo"), QStringLiteral("Do not give a new database the demo models.")},
        {QStringLiteral("print-schema"), QStringLiteral("Print the GraphQL schema (SDL) of the database and exit.")},
        {QStringLiteral("cors-origin"), QStringLiteral("An origin allowed to call the HTTP API from a browser (repeatable; "
                                                       "default any)."), QStringLiteral("origin")},
        {QStringLiteral("max-connections"), QStringLiteral("The most connections at once (default %1).")
                                                .arg(ServerLimits::DefaultMaxConnections), QStringLiteral("n")},
        {QStringLiteral("max-subscriptions"), QStringLiteral("The most subscriptions per connection (default %1).")
                                                  .arg(ServerLimits::DefaultMaxSubscriptionsPerConnection), QStringLiteral("n")},
        {QStringLiteral("max-queued-bytes"), QStringLiteral("A connection's outgoing queue bound; a slower reader is closed "
                                                            "with 4008 (default %1).").arg(ServerLimits::DefaultMaxQueuedBytes),
         QStringLiteral("bytes")},
        {QStringLiteral("retention-rows"), QStringLiteral("Changes kept in the changelog for resuming clients (default %1).")
                                               .arg(Model::Changelog::DefaultMaxRows), QStringLiteral("n")},
        {QStringLiteral("retention-age"), QStringLiteral("Seconds a change stays in the changelog (default %1).")
                                              .arg(Model::Changelog::DefaultMaxAgeSeconds), QStringLiteral("seconds")},
    });
    if (!parser.parse(arguments)) {
        error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        error = QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first());
        return false;
    }

    ServerConfig &config = result.config;
    result.mode = parser.isSet(QStringLiteral("print-schema")) ? Mode::PrintSchema
        : parser.isSet(QStringLiteral("headless"))              ? Mode::Headless
                                                                : Mode::Workbench;
    result.databaseGiven = parser.isSet(QStringLiteral("db"));
    config.backend.database = result.databaseGiven ? parser.value(QStringLiteral("db")) : QStringLiteral("subscriptor.db");
    config.backend.modelsFile = parser.value(QStringLiteral("models"));
    config.backend.createDemo = !parser.isSet(QStringLiteral("no-demo"));
    if (parser.isSet(QStringLiteral("host"))) {
        const QString host = parser.value(QStringLiteral("host"));
        config.host = host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
        if (config.host.isNull()) {
            error = QStringLiteral("--host must be an IP address such as 127.0.0.1 or 0.0.0.0, not \"%1\"").arg(host);
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("path"))) {
        config.path = parser.value(QStringLiteral("path"));
        if (!config.path.startsWith(u'/') || config.path.contains(u' ') || config.path.contains(u'?')) {
            error = QStringLiteral("--path must start with / and hold no spaces or ?, not \"%1\"").arg(config.path);
            return false;
        }
    }
    if (parser.isSet(QStringLiteral("cors-origin")))
        config.corsOrigins = parser.values(QStringLiteral("cors-origin"));

    qint64 port = config.port;
    qint64 maxConnections = config.limits.maxConnections;
    qint64 maxSubscriptions = config.limits.maxSubscriptionsPerConnection;
    qint64 retentionRows = config.backend.retentionRows;
    qint64 retentionAge = config.backend.retentionSeconds;
    if (!readNumber(parser, QStringLiteral("port"), 0, 65535, port, error)
        || !readNumber(parser, QStringLiteral("max-connections"), 1, 1'000'000, maxConnections, error)
        || !readNumber(parser, QStringLiteral("max-subscriptions"), 1, 1'000'000, maxSubscriptions, error)
        || !readNumber(parser, QStringLiteral("max-queued-bytes"), 1024, qint64(1) << 40, config.limits.maxQueuedBytes, error)
        || !readNumber(parser, QStringLiteral("retention-rows"), 0, qint64(1) << 40, retentionRows, error)
        || !readNumber(parser, QStringLiteral("retention-age"), 0, 10LL * 365 * 24 * 3600, retentionAge, error))
        return false;
    config.port = quint16(port);
    config.limits.maxConnections = int(maxConnections);
    config.limits.maxSubscriptionsPerConnection = int(maxSubscriptions);
    config.backend.retentionRows = retentionRows;
    config.backend.retentionSeconds = int(retentionAge);
    return true;
}

} // namespace Subscriptor::App

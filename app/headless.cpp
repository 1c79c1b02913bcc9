// SPDX-License-Identifier: MIT
#include "headless.h"

#include "backend.h"
#include "sdlprinter.h"
#include "server.h"
#include "unixsignals.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace Subscriptor::App {

int runHeadless(const ServerConfig &config)
{
    Server server;
    UnixSignals unixSignals;
    QObject::connect(&server, &Server::started, qApp, [](const QUrl &url) {
        std::printf("listening %s\n", url.toString().toUtf8().constData());
        std::fflush(stdout);
    });
    QObject::connect(&server, &Server::failed, qApp, [&server](const QString &error) {
        QTextStream(stderr) << "subscriptor: " << error << Qt::endl;
        if (!server.isRunning())
            QCoreApplication::exit(1); // could not start; a failed reload keeps serving
    });
    QObject::connect(&server, &Server::reloaded, qApp, [] {
        QTextStream(stderr) << "subscriptor: models reloaded" << Qt::endl;
    });
    QObject::connect(&server, &Server::stopped, qApp, [] { QCoreApplication::exit(0); });
    QObject::connect(&unixSignals, &UnixSignals::terminate, &server, &Server::stop);
    QObject::connect(&unixSignals, &UnixSignals::hangUp, &server, &Server::reload);
    server.start(config);
    return QCoreApplication::exec();
}

int printSchema(const ServerConfig &config)
{
    Backend backend;
    QString error;
    if (!backend.open(config.backend, &error)) {
        QTextStream(stderr) << "subscriptor: " << error << Qt::endl;
        return 1;
    }
    const QByteArray sdl = GraphQL::SdlPrinter::print(*backend.graphql().schema());
    std::fwrite(sdl.constData(), 1, size_t(sdl.size()), stdout);
    return 0;
}

} // namespace Subscriptor::App

// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace {

// Qt aborts when no windowing system answers; say what to do instead, before it tries.
bool hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Subscriptor"));
    QCoreApplication::setApplicationName(QStringLiteral("subscriptor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SUBSCRIPTOR_VERSION));

    if (!hasDisplay()) {
        // Parse --help/--version without a GUI; anything else needs a display.
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        parser.setApplicationDescription(QStringLiteral("GraphQL subscriptions for the rows of SQL tables."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.process(app);
        QTextStream(stderr) << "subscriptor: no display found (DISPLAY and WAYLAND_DISPLAY are empty).\n"
                               "The workbench is a desktop program: start it from a desktop session, or under a\n"
                               "virtual display with `xvfb-run build/bin/subscriptor`.\n";
        return 2;
    }

    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("GraphQL subscriptions for the rows of SQL tables."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    Subscriptor::Ui::MainWindow window;
    window.show();
    return app.exec();
}

// SPDX-License-Identifier: MIT
#include "commandline.h"
#include "headless.h"
#include "mainwindow.h"

#include <QApplication>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace {

// Each WebSocket is a file descriptor, and the usual soft limit (1024) would refuse connections
// long before --max-connections: take what the hard limit allows.
void raiseFileLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit); // may fail (macOS caps it at OPEN_MAX): the soft limit stays
    }
#endif
}

// Qt aborts when no windowing system answers; say what to do instead, before it tries.
bool hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

int fail(const QString &message)
{
    QTextStream(stderr) << "subscriptor: " << message << Qt::endl;
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace Subscriptor::App;
    raiseFileLimit();
    QCoreApplication::setOrganizationName(QStringLiteral("Subscriptor"));
    QCoreApplication::setApplicationName(QStringLiteral("subscriptor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SUBSCRIPTOR_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    CommandLine commandLine;
    QString error;
    {
        QCoreApplication app(argc, argv); // --help and --version need an application object
        if (!CommandLine::parse(arguments, commandLine, error))
            return fail(error + QStringLiteral(" (see --help)"));
        if (commandLine.mode == CommandLine::Mode::PrintSchema)
            return printSchema(commandLine.config);
        if (commandLine.mode == CommandLine::Mode::Headless)
            return runHeadless(commandLine.config);
    }

    if (!hasDisplay()) {
        return fail(QStringLiteral("no display found (DISPLAY and WAYLAND_DISPLAY are empty). Run the server alone with "
                                   "`subscriptor --headless`, or the workbench under a virtual display with "
                                   "`xvfb-run subscriptor`."));
    }
    QApplication app(argc, argv);
    Subscriptor::ServerConfig config = commandLine.config;
    if (!commandLine.databaseGiven)
        config.backend.database = Subscriptor::Ui::MainWindow::defaultDatabase();
    Subscriptor::Ui::MainWindow window(config);
    window.show();
    return QApplication::exec();
}

// SPDX-License-Identifier: MIT
#pragma once

#include "serverconfig.h"

#include <QCommandLineParser>
#include <QString>

namespace Subscriptor::App {

/// What the command line asks for (`subscriptor --help` lists it all).
struct CommandLine
{
    enum class Mode { Workbench, Headless, PrintSchema };
    Mode mode = Mode::Workbench;
    ServerConfig config;
    bool databaseGiven = false;

    /// Reads the arguments; false with a one-line error. Handles --help and --version itself.
    static bool parse(const QStringList &arguments, CommandLine &result, QString &error);
};

} // namespace Subscriptor::App

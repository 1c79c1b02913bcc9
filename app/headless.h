// SPDX-License-Identifier: MIT
#pragma once

#include "serverconfig.h"

namespace Subscriptor::App {

/// `subscriptor --headless`: the server alone. Prints `listening ws://HOST:PORT/PATH` when ready;
/// SIGINT/SIGTERM close every WebSocket with 1001 and exit 0; SIGHUP reloads the models.
int runHeadless(const ServerConfig &config);

/// `subscriptor --print-schema`: the GraphQL schema of the database, as SDL, on stdout.
int printSchema(const ServerConfig &config);

} // namespace Subscriptor::App

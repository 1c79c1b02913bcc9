#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds Subscriptor and starts the workbench. Arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/setup-debian.sh build
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target subscriptor
exec build/bin/subscriptor "$@"

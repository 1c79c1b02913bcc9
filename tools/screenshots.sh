#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Takes the pictures in docs/ from the real workbench under Xvfb (an X server of its own, so the
# pictures are what the X11 platform draws): the whole window and each panel, after a short
# demonstration (two subscriptions composed in the window, three rows changed).
#   tools/screenshots.sh [DIR]    default DIR: docs
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-docs}"

tools/setup-debian.sh test
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target workbench_screenshots
QT_QPA_PLATFORM=xcb QT_LOGGING_RULES='*.debug=false;subscriptor.*.info=false' \
    xvfb-run --auto-servernum --server-args='-screen 0 1920x1200x24' build/tests/workbench_screenshots "$output"

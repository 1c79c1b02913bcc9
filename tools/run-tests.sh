#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, then builds and runs every test: the suite as it ships, the suite again
# under AddressSanitizer and UndefinedBehaviorSanitizer, and a bounded smoke run of the fuzzer.
#   tools/run-tests.sh           everything (what CI runs)
#   tools/run-tests.sh --quick   the plain build's suite only
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
[ "${1:-}" = "--quick" ] && quick=1
jobs="$(nproc)"

section() { printf '\n== %s ==\n' "$*"; }

section "set-up"
tools/setup-debian.sh test
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error)

section "build and test (RelWithDebInfo)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

[ "$quick" -eq 1 ] && exit 0

section "build and test with AddressSanitizer and UndefinedBehaviorSanitizer"
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSUBSCRIPTOR_SANITIZE=address,undefined \
      -DSUBSCRIPTOR_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-sanitize -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0" \
    ctest --test-dir build-sanitize --output-on-failure -j "$jobs"

if [ -x tests/fuzz/run-smoke.sh ]; then
    section "fuzzer smoke run"
    tests/fuzz/run-smoke.sh
fi

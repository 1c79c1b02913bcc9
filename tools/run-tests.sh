#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, then builds and runs every test: the suite as it ships, the suite again
# under AddressSanitizer and UndefinedBehaviorSanitizer, and a bounded smoke run of the fuzzer.
#   tools/run-tests.sh           everything (what CI runs)
#   tools/run-tests.sh --quick   the plain build's suite only
# The test suites mostly wait on sockets and timers, so the next build runs beside each of them, at
# the lowest CPU priority (nice 19) so that the tests still get the processor when they want it:
# the sanitizer build beside the plain suite, the fuzzer's build beside the sanitizer suite. A
# background build's output is shown, in full, when the suite beside it has finished.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
[ "${1:-}" = "--quick" ] && quick=1
jobs="$(nproc)"

section() { printf '\n== %s ==\n' "$*"; }

logs="$(mktemp -d)"
background_pid=""
cleanup() {
    # A background build left running (a suite failed beside it): stop it and what it started.
    if [ -n "$background_pid" ]; then
        kill -TERM -- "-$background_pid" 2>/dev/null || true
        wait "$background_pid" 2>/dev/null || true
    fi
    rm -rf "$logs"
}
trap cleanup EXIT

# in_background <name> <command…>: runs the command in its own process group at nice 19, its output
# in $logs/<name>.log.
in_background() {
    local name="$1"
    shift
    setsid nice -n 19 "$@" >"$logs/$name.log" 2>&1 &
    background_pid=$!
}

# finish_background <name>: waits for the background command, shows its output, fails if it failed.
finish_background() {
    local name="$1" status=0
    wait "$background_pid" || status=$?
    background_pid=""
    cat "$logs/$name.log"
    if [ "$status" -ne 0 ]; then
        printf '\n%s failed (exit status %d)\n' "$name" "$status" >&2
        exit "$status"
    fi
}

section "set-up"
tools/setup-debian.sh test
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error)

section "build and test (RelWithDebInfo)"
# Its debug information is line tables only (-g1, not -g): a backtrace still has every file and line,
# and GCC compiles the heavier sources a third faster. CMake's default for the build type is -g.
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
      >/dev/null
cmake --build build -j "$jobs"
if [ "$quick" -eq 0 ]; then
    cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSUBSCRIPTOR_SANITIZE=address,undefined \
          -DSUBSCRIPTOR_BUILD_BENCHMARKS=OFF >/dev/null
    in_background "sanitizer build" cmake --build build-sanitize -j "$jobs"
fi
ctest --test-dir build --output-on-failure -j "$jobs"

[ "$quick" -eq 1 ] && exit 0

section "build and test with AddressSanitizer and UndefinedBehaviorSanitizer"
finish_background "sanitizer build"
fuzz=0
if [ -x tests/fuzz/run-smoke.sh ]; then
    fuzz=1
    in_background "fuzzer build" tests/fuzz/run-smoke.sh --build-only
fi
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0" \
    ctest --test-dir build-sanitize --output-on-failure -j "$jobs"

if [ "$fuzz" -eq 1 ]; then
    section "fuzzer smoke run"
    finish_background "fuzzer build"
    tests/fuzz/run-smoke.sh
fi

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds fuzz_graphql with clang (libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer) and runs
# it for a bounded time from the seed corpus. Exits non-zero on a crash, a sanitizer report, a
# timeout or a broken property; the input that did it is left in <build>/fuzz-artifacts/.
#   tests/fuzz/run-smoke.sh                  60 s (CI)
#   FUZZ_SECONDS=600 tests/fuzz/run-smoke.sh a longer run
#   FUZZ_BUILD_DIR=build-fuzz (default), FUZZ_CORPUS=<dir> to keep what it finds
#   tests/fuzz/run-smoke.sh -max_len=4096    further arguments go to libFuzzer
#   tests/fuzz/run-smoke.sh --build-only     builds fuzz_graphql and stops (tools/run-tests.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."

build_only=0
[ "${1:-}" = "--build-only" ] && build_only=1

build="${FUZZ_BUILD_DIR:-build-fuzz}"
seconds="${FUZZ_SECONDS:-60}"
corpus="${FUZZ_CORPUS:-}"

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSUBSCRIPTOR_FUZZ=ON -DSUBSCRIPTOR_BUILD_TESTS=OFF -DSUBSCRIPTOR_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --target fuzz_graphql -j "$(nproc)"
[ "$build_only" -eq 1 ] && exit 0

if [ -z "$corpus" ]; then
    corpus="$(mktemp -d)"
    trap 'rm -rf "$corpus"' EXIT
fi
mkdir -p "$corpus" "$build/fuzz-artifacts"
# New inputs go to the first directory; the seeds are only read.
"$build/tests/fuzz_graphql" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict=tests/fuzz/graphql.dict -artifact_prefix="$build/fuzz-artifacts/" "$@" "$corpus" tests/fuzz/seeds

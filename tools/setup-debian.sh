#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages Subscriptor needs, only those that are missing.
#   tools/setup-debian.sh build   the compiler and lld, CMake and Qt: enough to build and run the workbench
#   tools/setup-debian.sh test    the above, plus what the test suite uses (Xvfb, sqlite3, Node.js,
#                                 clang for the fuzzer)
set -euo pipefail

mode="${1:-build}"
packages=(g++ lld cmake ninja-build pkg-config
          qt6-base-dev qt6-base-dev-tools qt6-websockets-dev libqt6sql6-sqlite libqt6sql6-psql libgl-dev
          qt6-qpa-plugins fonts-dejavu-core liburing-dev)
if [ "$mode" = test ]; then
    packages+=(xvfb xauth sqlite3 clang libclang-rt-14-dev)
    command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

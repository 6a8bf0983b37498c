#!/usr/bin/env bash
# Installs the Debian 12 packages Dateline builds and tests with, when any is
# missing.  Uses sudo when not run as root.  Nothing is downloaded at build time.
set -euo pipefail

packages=(
  g++ cmake make
  libxapian-dev xapian-tools
  libboost-program-options-dev
  libspdlog-dev
  libgtest-dev
  nlohmann-json3-dev
  libpugixml-dev
  libsqlite3-dev sqlite3 xapian-omega time  # benchmarks: SQLite FTS5, scriptindex, peak RSS
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"

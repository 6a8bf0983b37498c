#!/usr/bin/env bash
# Quick start: install what is missing, build, index corpus/ into the default
# index, and run a sample search.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target indexer searcher

echo
build/indexer/indexer add corpus
echo
build/searcher/searcher "Geneva II"

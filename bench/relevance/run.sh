#!/usr/bin/env bash
# One command for docs/RELEVANCE.md's table: builds Dateline and the
# relevance benchmark (Debian packages only: libxapian-dev, libsqlite3-dev),
# indexes the TIME, CACM, CISI and MED collections of ../shared/data with
# Dateline, SQLite FTS5 and plain Xapian, and prints nDCG@10 / MAP@100 as a
# Markdown table.
#
#   bench/relevance/run.sh [--ablations]      (from anywhere in the tree)
#
# --ablations adds one row per tuning choice, each undoing that choice.
# Environment: DATA (default ../shared/data), BUILD (default
# build-relevance), WORK (default a temporary folder, removed afterwards).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${DATA:-$root/../shared/data}"
build="${BUILD:-$root/build-relevance}"
if [[ ! -d "$data/time" || ! -d "$data/ir-classic" ]]; then
  echo "run.sh: no test collections in $data (set DATA)" >&2
  exit 2
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DDATELINE_TESTS=OFF >/dev/null
cmake --build "$build" --target relevance_bench -j"$(nproc)" >/dev/null
work="${WORK:-$(mktemp -d)}"
[[ -n "${WORK:-}" ]] || trap 'rm -rf "$work"' EXIT
"$build/bench/relevance/relevance_bench" "$data" "$work" "$root/searcher/synonyms.txt" "$@"

#!/usr/bin/env bash
# Speed benchmark: Dateline against its peers (a raw-Xapian indexer and
# searcher, SQLite FTS5, Xapian's scriptindex), on the same articles and
# queries, side by side in one run.  See bench/README.md and
# docs/BENCHMARKS.md.
#
#   bench/speed/run.sh [--quick] [--articles N] [--corpora LIST] [--rounds R]
#                      [--engines LIST] [--parallel N] [--work DIR] [--build DIR]
#
#   --quick        small corpora (Reuters' first file, 1,000 synthetic
#                  articles), one round, few repetitions: a smoke check that
#                  finishes in under 2 minutes
#   --articles N   synthetic corpus size (default 100000)
#   --corpora L    comma-separated: reuters, synth (default both)
#   --rounds R     indexing and search rounds (default 3; 1 with --quick)
#   --engines L    indexing engines (default dateline,raw,raw-spelling,fts5,
#                  scriptindex, plus dateline-rebuild-j1,dateline-rebuild-j2
#                  when `indexer rebuild` has --jobs, and dateline-j2 when
#                  `indexer add` has)
#   --parallel N   index N engines at a time, each in its own process (one
#                  per core): the engines of a group share the machine's
#                  interference, so their ratios stay fair on a loaded
#                  machine, and a long run takes less time (default 1; use
#                  single-worker engines only: a -j2 engine wants both cores)
#   --no-sync      skip the sync measurements
#   --skip-search  measure indexing only
#   --search-only  measure search only, on the indexes an earlier run left
#                  in WORK (no indexing, sizes or sync)
#   --work DIR     corpora, indexes and results (default /tmp/dateline-bench;
#                  never inside the repository)
#   --build DIR    CMake build folder (default /tmp/dateline-bench-build,
#                  Release)
#   --build-retries N  retry a failed build N times, a minute apart (for a
#                  tree that others are editing; default 0)
#
# Prints Markdown tables (also saved as WORK/results/<corpus>-<stamp>/report.md)
# and exits non-zero when an engine fails or the engines' results disagree
# (see "Checks" in docs/BENCHMARKS.md).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared="$repo/../shared/data"

quick=0
articles=100000
corpora="reuters,synth"
rounds=""
engines="dateline,raw,raw-spelling,fts5,scriptindex"
do_sync=1
engines_given=0
skip_search=0
search_only=0
work=/tmp/dateline-bench
build=/tmp/dateline-bench-build
build_retries=0
parallel=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --articles) articles=$2; shift ;;
    --corpora) corpora=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --engines) engines=$2; engines_given=1; shift ;;
    --parallel) parallel=$2; shift ;;
    --skip-search) skip_search=1 ;;
    --search-only) search_only=1; do_sync=0 ;;
    --no-sync) do_sync=0 ;;
    --work) work=$2; shift ;;
    --build) build=$2; shift ;;
    --build-retries) build_retries=$2; shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ {exit} NR > 1' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

case "$parallel" in
  '' | *[!0-9]* | 0) echo "run.sh: --parallel wants a whole number of engines, 1 or more" >&2; exit 2 ;;
esac

if [ "$quick" = 1 ]; then
  [ "$articles" = 100000 ] && articles=1000
  : "${rounds:=1}"
  reps=3; proc_runs=5; proc_warmup=1
else
  : "${rounds:=3}"
  reps=20; proc_runs=20; proc_warmup=3
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)
case "$work/" in
  "$repo"/*) echo "run.sh: --work must be outside the repository ($repo)" >&2; exit 2 ;;
esac

failures=0
fail() { echo "run.sh: FAIL: $*" >&2; failures=$((failures + 1)); }
note() { echo "run.sh: $*" >&2; }

# ------------------------------------------------------------------ build
note "building in $build"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DDATELINE_TESTS=OFF >/dev/null
fi
attempt=0
until cmake --build "$build" -j"$(nproc)" --target indexer searcher bench_speed >"$work/build.log" 2>&1; do
  if [ "$attempt" -ge "$build_retries" ]; then
    tail -30 "$work/build.log" >&2
    echo "run.sh: the build failed (log: $work/build.log)" >&2
    exit 2
  fi
  attempt=$((attempt + 1))
  note "the build failed; retrying in 60 s ($attempt of $build_retries)"
  sleep 60
done
bin="$build/bench/speed"
indexer="$build/indexer/indexer"
searcher="$build/searcher/searcher"
for tool in scriptindex xapian-compact; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (apt-get install xapian-omega xapian-tools)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time not found (apt-get install time)" >&2; exit 2; }

# Parallel indexing: `indexer rebuild --jobs N` (shards, merged at the end),
# or `indexer add --jobs N` should it appear.
if [ "$engines_given" = 0 ]; then
  if "$indexer" rebuild --help 2>/dev/null | grep -q -- '--jobs'; then
    engines="$engines,dateline-rebuild-j1,dateline-rebuild-j2"
  fi
  if "$indexer" add --help 2>/dev/null | grep -q -- '--jobs'; then
    engines="$engines,dateline-j2"
  fi
fi
sync_supported=0
if "$indexer" --help 2>/dev/null | grep -q '^ *sync '; then sync_supported=1; fi

# ------------------------------------------------------------------ machine
machine() {
  echo "| | |"
  echo "|---|---|"
  echo "| CPU | $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') |"
  echo "| memory | $(free -g | awk '/^Mem:/ {print $2}') GB |"
  echo "| kernel / OS | $(uname -r) / Debian $(cat /etc/debian_version 2>/dev/null || echo '?') |"
  echo "| compiler | $(g++ --version | head -1) |"
  echo "| Xapian | $(dpkg-query -W -f='${Version}' libxapian30 2>/dev/null || echo '?') (scriptindex $(scriptindex --version | awk '{print $NF}')) |"
  echo "| SQLite | $(dpkg-query -W -f='${Version}' libsqlite3-0 2>/dev/null || echo '?') |"
  echo "| Dateline | $("$indexer" --version 2>/dev/null | head -1) |"
  echo "| build | $(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2) |"
  echo "| load at start | $(cut -d' ' -f1-3 /proc/loadavg) |"
}

# ------------------------------------------------------------------ helpers
# timed ENGINE ROUND CMD...: runs CMD under /usr/bin/time, appends a row to
# $res/index.tsv (corpus engine round wall user sys rss_kb).  Exit statuses
# above MAX_STATUS (default 0) are failures.
timed() {
  local engine=$1 round=$2; shift 2
  local t="$res/time.$engine.$round" log="$res/log.$engine.$round"
  local status=0
  /usr/bin/time -f "%e\t%U\t%S\t%M" -o "$t" "$@" >"$log" 2>&1 || status=$?
  if [ "$status" -gt "${MAX_STATUS:-0}" ]; then
    fail "$engine (round $round) exited $status: $(tail -3 "$log" | tr '\n' ' ')"
    return 1
  fi
  printf '%s\t%s\t%s\t%s\n' "$corpus" "$engine" "$round" "$(tail -1 "$t")" >>"$res/index.tsv"
}

size_of() { du -sb "$1" | cut -f1; }

# The live Xapian database of an index folder (Dateline's indexes hold a
# stub naming a generation folder).
xapian_db_dir() {
  local dir=$1
  if [ -f "$dir/XAPIANDB" ] && [ ! -f "$dir/iamglass" ]; then
    local gen
    gen=$(awk '{print $NF; exit}' "$dir/XAPIANDB")
    case "$gen" in /*) echo "$gen" ;; *) echo "$dir/$gen" ;; esac
  else
    echo "$dir"
  fi
}

index_with() {
  local engine=$1 round=$2 out=$3
  rm -rf "$out" "$out.db"
  case "$engine" in
    dateline) MAX_STATUS=1 timed "$engine" "$round" "$indexer" add --index "$out" "${corpus_paths[@]}" ;;
    dateline-j2) MAX_STATUS=1 timed "$engine" "$round" "$indexer" add --jobs 2 --index "$out" "${corpus_paths[@]}" ;;
    dateline-rebuild-j1) MAX_STATUS=1 timed "$engine" "$round" "$indexer" rebuild --jobs 1 --index "$out" "$corpus_dir" ;;
    dateline-rebuild-j2) MAX_STATUS=1 timed "$engine" "$round" "$indexer" rebuild --jobs 2 --index "$out" "$corpus_dir" ;;
    raw) timed "$engine" "$round" "$bin/raw_xapian_index" "$out" "${corpus_paths[@]}" ;;
    raw-spelling) timed "$engine" "$round" "$bin/raw_xapian_index" --spelling "$out" "${corpus_paths[@]}" ;;
    fts5) timed "$engine" "$round" "$bin/fts5_bench" index "$out.db" "${corpus_paths[@]}" ;;
    scriptindex)
      rm -f "$res/scriptindex-input.txt"
      timed scriptindex-convert "$round" "$bin/to_scriptindex" "$res/scriptindex-input.txt" "${corpus_paths[@]}" &&
        XAPIAN_FLUSH_THRESHOLD=2000 timed "$engine" "$round" scriptindex --stemmer=english "$out" \
          "$here/dateline.script" "$res/scriptindex-input.txt"
      ;;
    *) fail "unknown engine $engine"; return 1 ;;
  esac
}

# index_in_groups ROUND IDX: the engines of engine_list, $parallel at a time,
# each in a background process; a group ends when its slowest engine does.
index_in_groups() {
  local round=$1 idx=$2 engine i j
  local -a pids=() names=()
  for ((i = 0; i < ${#engine_list[@]}; i++)); do
    engine=${engine_list[$i]}
    index_with "$engine" "$round" "$idx/$engine" &
    pids+=($!)
    names+=("$engine")
    if [ "${#pids[@]}" -ge "$parallel" ] || [ "$i" -eq $((${#engine_list[@]} - 1)) ]; then
      note "[$corpus] round $round: ${names[*]} side by side"
      for ((j = 0; j < ${#pids[@]}; j++)); do
        # index_with already said why; count the failure here, in this shell.
        wait "${pids[$j]}" || failures=$((failures + 1))
      done
      pids=()
      names=()
    fi
  done
}

# shellcheck source=bench/speed/query_args.sh
. "$here/query_args.sh"

# ------------------------------------------------------------------ one corpus
run_corpus() {
  corpus=$1
  local stamp
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  res="$work/results/$corpus-$stamp"
  mkdir -p "$res"
  : >"$res/index.tsv"; : >"$res/sizes.tsv"; : >"$res/search.tsv"; : >"$res/proc.tsv"; : >"$res/sync.tsv"
  local idx="$work/indexes/$corpus"
  mkdir -p "$idx"

  IFS=',' read -r -a engine_list <<<"$engines"
  [ "$search_only" = 1 ] || note "[$corpus] indexing: ${engine_list[*]} × $rounds round(s), $parallel at a time"
  for round in $(seq 1 "$rounds"); do
    [ "$search_only" = 1 ] && break
    if [ "$parallel" = 1 ]; then
      for engine in "${engine_list[@]}"; do
        index_with "$engine" "$round" "$idx/$engine" || true
      done
    else
      index_in_groups "$round" "$idx"
    fi
  done

  # Sizes, before and after compaction (the last round's indexes).
  for engine in "${engine_list[@]}"; do
    [ "$search_only" = 1 ] && break
    if [ "$engine" = fts5 ]; then
      [ -f "$idx/fts5.db" ] || continue
      cp "$idx/fts5.db" "$idx/fts5-compact.db"
      "$bin/fts5_bench" optimize "$idx/fts5-compact.db" || fail "fts5 optimize"
      printf '%s\t%s\t%s\t%s\n' "$corpus" fts5 "$(size_of "$idx/fts5.db")" \
        "$(size_of "$idx/fts5-compact.db")" >>"$res/sizes.tsv"
      rm -f "$idx/fts5-compact.db"
    else
      [ -d "$idx/$engine" ] || continue
      rm -rf "$idx/$engine-compact"
      xapian-compact "$(xapian_db_dir "$idx/$engine")" "$idx/$engine-compact" >/dev/null ||
        fail "xapian-compact $engine"
      local positions
      positions=$(du -sb "$idx/$engine-compact/position.glass" 2>/dev/null | cut -f1 || echo 0)
      printf '%s\t%s\t%s\t%s\t%s\n' "$corpus" "$engine" "$(size_of "$idx/$engine")" \
        "$(size_of "$idx/$engine-compact")" "$positions" >>"$res/sizes.tsv"
      rm -rf "$idx/$engine-compact"
    fi
  done

  # Search inside one process, engines side by side in each round.
  local d="$idx/dateline" r="$idx/raw"
  [ "$skip_search" = 1 ] || note "[$corpus] searching in-process ($reps repetitions × $rounds round(s))"
  for round in $(seq 1 "$rounds"); do
    [ "$skip_search" = 1 ] && break
    {
      "$bin/dateline_engine_bench" --index "$d" --queries "$queries" --reps "$reps" ||
        fail "dateline_engine_bench"
      "$bin/dateline_engine_bench" --index "$d" --queries "$queries" --reps "$reps" --plain ||
        fail "dateline_engine_bench --plain"
      "$bin/raw_xapian_search" --index "$d" --queries "$queries" --reps "$reps" \
        --engine raw-same-index || fail "raw_xapian_search (Dateline's index)"
      "$bin/raw_xapian_search" --index "$d" --queries "$queries" --reps "$reps" \
        --snippets none --engine raw-no-snippets || fail "raw_xapian_search (no snippets)"
      "$bin/raw_xapian_search" --index "$d" --queries "$queries" --reps "$reps" \
        --snippets default --engine raw-default-snippets || fail "raw_xapian_search (default snippets)"
      "$bin/raw_xapian_search" --index "$r" --queries "$queries" --reps "$reps" \
        --engine raw-own-index || fail "raw_xapian_search (own index)"
      "$bin/fts5_bench" search "$idx/fts5.db" "$queries" "$reps" || fail "fts5_bench search"
    } | sed "s/^/$corpus\t$round\t/" >>"$res/search.tsv"
  done

  # Whole processes: what a user waits for, per query, engines interleaved.
  [ "$skip_search" = 1 ] || note "[$corpus] searching as whole processes ($proc_runs runs per query)"
  local names
  names=$(awk -F'\t' '!/^#/ && NR > 1 && $1 != "name" {print $1}' "$queries")
  for round in $(seq 1 "$rounds"); do
    [ "$skip_search" = 1 ] && break
    for name in $names; do
      mapfile -t qargs < <(query_args "$name")
      {
        "$bin/proc_latency" --runs "$proc_runs" --warmup "$proc_warmup" --label "searcher $name" -- \
          "$searcher" --index "$d" --color never "${qargs[@]}" || fail "searcher $name"
        "$bin/proc_latency" --runs "$proc_runs" --warmup "$proc_warmup" --label "searcher-json $name" -- \
          "$searcher" --index "$d" --json "${qargs[@]}" || fail "searcher --json $name"
        "$bin/proc_latency" --runs "$proc_runs" --warmup "$proc_warmup" --label "raw-xapian $name" -- \
          "$bin/raw_xapian_search" --index "$r" --queries "$queries" --one "$name" || fail "raw $name"
        "$bin/proc_latency" --runs "$proc_runs" --warmup "$proc_warmup" --label "fts5 $name" -- \
          "$bin/fts5_bench" one "$idx/fts5.db" "$queries" "$name" || fail "fts5 $name"
      } | sed "s/^proc\t\([^ ]*\) /$corpus\t$round\t\1\t/" >>"$res/proc.tsv"
    done
  done

  # Sync: first sync of a fresh index, no-change sync, 1% change sync.
  if [ "$do_sync" = 1 ] && [ "$sync_supported" = 1 ]; then
    note "[$corpus] sync"
    local copy="$work/sync-copy/$corpus"
    rm -rf "$copy" "$idx/sync"
    mkdir -p "$copy"
    cp -r "${corpus_paths[@]}" "$copy/"
    MAX_STATUS=1 timed sync-initial 1 "$indexer" sync --index "$idx/sync" "$copy" || true
    MAX_STATUS=1 timed sync-no-change 1 "$indexer" sync --index "$idx/sync" "$copy" || true
    # Change 1% of the files (at least one): one word of one article each.
    mapfile -t files < <(find "$copy" -type f ! -name '.*' | sort)
    local step=$(( ${#files[@]} / (${#files[@]} / 100 > 0 ? ${#files[@]} / 100 : 1) ))
    local changed=0 changed_bytes=0
    for ((i = 0; i < ${#files[@]}; i += step)); do
      sed -i '0,/ said /s// stated /' "${files[$i]}"
      touch "${files[$i]}"
      changed=$((changed + 1))
      changed_bytes=$((changed_bytes + $(stat -c %s "${files[$i]}")))
    done
    MAX_STATUS=1 timed sync-1pct 1 "$indexer" sync --index "$idx/sync" "$copy" || true
    printf '%s\t%s\t%s\t%s\n' "$corpus" "${#files[@]}" "$changed" "$changed_bytes" >>"$res/sync.tsv"
    tail -1 "$res/log.sync-1pct.1" >"$res/sync-1pct-summary.txt" 2>/dev/null || true
    rm -rf "$copy" "$idx/sync"
  fi

  report >"$res/report.md"
  cat "$res/report.md"
  note "[$corpus] raw results and logs in $res"
}

# ------------------------------------------------------------------ report
report() {
  local n_articles corpus_bytes
  # The peers' own logs say how many articles and bytes they read.
  # (No logs with --search-only.)
  n_articles=$(cat "$res"/log.raw.1 "$res"/log.fts5.1 2>/dev/null | grep -o -E '[0-9]+ articles' | head -1 | cut -d' ' -f1 || true)
  corpus_bytes=$(cat "$res"/log.raw.1 "$res"/log.fts5.1 2>/dev/null | grep -o -E '[0-9]+ bytes' | head -1 | cut -d' ' -f1 || true)
  : "${n_articles:=0}" "${corpus_bytes:=0}"
  echo "## $corpus: $n_articles articles, $(awk -v b="$corpus_bytes" 'BEGIN {printf "%.1f", b / 1e6}') MB"
  echo
  echo "Run $(basename "$res"), $rounds round(s); medians over rounds."
  if [ "$parallel" != 1 ]; then
    echo "Indexed $parallel engines at a time (\`--parallel $parallel\`), in the order of the table."
  fi
  echo
  echo "### Indexing"
  echo
  echo "| engine | articles/s | MB/s | wall s | CPU s (user+sys) | peak RSS MB | index MB | compacted MB | positions (compacted) | throughput vs raw (wall) | vs raw (CPU) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' -v n="$n_articles" -v bytes="$corpus_bytes" -v sizes="$res/sizes.tsv" -v engines="$engines" '
    function median(list,   a, k, i, j, t) {
      k = split(list, a, " ")
      for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    BEGIN { while ((getline line < sizes) > 0) { split(line, s, "\t"); size[s[2]] = s[3]; comp[s[2]] = s[4]; pos[s[2]] = s[5] } }
    {
      e = $2; r = $3
      if (e ~ /^sync/) next
      if (!(e in seen)) { seen[e] = 1; order[++ne] = e }
      wall[e] = wall[e] " " $4; cpu[e] = cpu[e] " " ($5 + $6)
      if ($7 > rss[e]) rss[e] = $7
      w[e, r] = $4; c[e, r] = $5 + $6; rounds[r] = 1
    }
    END {
      # Rows in the order of --engines (parallel runs finish in any order).
      k = split(engines, given, ",")
      for (i = 1; i <= k; i++) rank[given[i]] = i
      rank["scriptindex-convert"] = rank["scriptindex"] - 0.5
      for (i = 2; i <= ne; i++) {
        t = order[i]
        for (j = i - 1; j >= 1 && rank[order[j]] > rank[t]; j--) order[j + 1] = order[j]
        order[j + 1] = t
      }
      for (i = 1; i <= ne; i++) {
        e = order[i]
        rw = ""; rc = ""
        for (r in rounds) if ((e, r) in w && ("raw", r) in w && w[e, r] > 0) {
          rw = rw " " w["raw", r] / w[e, r]; rc = rc " " c["raw", r] / c[e, r]
        }
        mw = median(wall[e]); mc = median(cpu[e])
        printf "| %s | %s | %s | %.1f | %.1f | %.0f | %s | %s | %s | %s | %s |\n", e,
          (e ~ /convert/ || mw == 0) ? "" : sprintf("%.0f", n / mw),
          (e ~ /convert/ || mw == 0) ? "" : sprintf("%.2f", bytes / 1e6 / mw),
          mw, mc, rss[e] / 1024,
          (e in size) ? sprintf("%.1f", size[e] / 1e6) : "",
          (e in comp) ? sprintf("%.1f", comp[e] / 1e6) : "",
          (e in pos && pos[e] > 0) ? sprintf("%.0f%%", 100 * pos[e] / comp[e]) : "",
          rw == "" ? "" : sprintf("%.2f×", median(rw)),
          rc == "" ? "" : sprintf("%.2f×", median(rc))
      }
    }' "$res/index.tsv"
  echo
  if [ "$skip_search" != 1 ]; then
  echo "### Search inside one process (µs; all queries of the mix, $reps repetitions per round)"
  echo
  echo "Wall clock, and the thread's CPU time (steadier when the machine is loaded)."
  echo
  echo "| engine | p50 | p95 | p99 | CPU p50 | CPU p95 | CPU p99 | p50 vs raw-same-index | CPU p50 vs raw-same-index | CPU p50 vs raw-no-snippets |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '
    function median(list,   a, k, i, j, t) {
      k = split(list, a, " ")
      for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    function ratio(e, base, col,   r, a) {
      a = ""
      for (r in rounds) if ((e, r, col) in v && (base, r, col) in v && v[base, r, col] > 0) a = a " " v[e, r, col] / v[base, r, col]
      return a == "" ? "" : sprintf("%.2f×", median(a))
    }
    $3 == "latency" && $5 == "ALL" {
      e = $4; r = $2
      if (!(e in seen)) { seen[e] = 1; order[++ne] = e }
      for (c = 7; c <= 14; c++) { m[e, c] = m[e, c] " " $c; v[e, r, c] = $c }
      rounds[r] = 1
    }
    END {
      for (i = 1; i <= ne; i++) {
        e = order[i]
        printf "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %s | %s |\n", e,
          median(m[e, 7]), median(m[e, 8]), median(m[e, 9]), median(m[e, 12]), median(m[e, 13]), median(m[e, 14]),
          ratio(e, "raw-same-index", 7), ratio(e, "raw-same-index", 12), ratio(e, "raw-no-snippets", 12)
      }
    }' "$res/search.tsv"
  echo
  echo "Per query (CPU p50 µs, median over rounds):"
  echo
  awk -F'\t' '
    function median(list,   a, k, i, j, t) {
      k = split(list, a, " ")
      for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    $3 == "latency" && $5 != "ALL" {
      e = $4; q = $5
      if (!(e in se)) { se[e] = 1; eo[++ne] = e }
      if (!(q in sq)) { sq[q] = 1; qo[++nq] = q; cls[q] = $6 }
      v[e, q] = v[e, q] " " $12
    }
    END {
      printf "| query | class |"; for (i = 1; i <= ne; i++) printf " %s |", eo[i]; print ""
      printf "|---|---|"; for (i = 1; i <= ne; i++) printf "---|"; print ""
      for (j = 1; j <= nq; j++) {
        q = qo[j]; printf "| %s | %s |", q, cls[q]
        for (i = 1; i <= ne; i++) printf " %s |", ((eo[i], q) in v) ? sprintf("%.0f", median(v[eo[i], q])) : ""
        print ""
      }
    }' "$res/search.tsv"
  echo
  echo "Dateline's stages (µs per query execution, wall clock median / mean, round 1; the spelling"
  echo "probe runs only for queries with fewer than 3 matches, so its median is 0):"
  echo
  echo "| engine | build_query | run_search | spelling_probe | snippets | json_output |"
  echo "|---|---|---|---|---|---|"
  awk -F'\t' '$2 == 1 && $3 == "stage" {
      e = $4; if (!(e in seen)) { seen[e] = 1; order[++n] = e }; st[e, $5] = sprintf("%.0f / %.0f", $6, $7) }
    END { for (i = 1; i <= n; i++) { e = order[i]
      printf "| %s | %s | %s | %s | %s | %s |\n", e, st[e, "build_query"], st[e, "run_search"],
        st[e, "spelling_probe"], st[e, "snippets"], st[e, "json_output"] } }' "$res/search.tsv"
  echo
  echo "### Whole processes (ms per query: start, open the index, search, print 10 hits with snippets)"
  echo
  echo "Wall clock p50, and in brackets the CPU time (user + system) p50 of the process."
  echo
  awk -F'\t' '
    function median(list,   a, k, i, j, t) {
      k = split(list, a, " ")
      for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    {
      e = $3; q = $4
      if (!(e in se)) { se[e] = 1; eo[++ne] = e }
      if (!(q in sq)) { sq[q] = 1; qo[++nq] = q }
      v[e, q] = v[e, q] " " $5; c[e, q] = c[e, q] " " $10; all[e] = all[e] " " $5; allc[e] = allc[e] " " $10
    }
    END {
      printf "| query |"; for (i = 1; i <= ne; i++) printf " %s |", eo[i]; print " searcher vs raw-xapian (wall / CPU) |"
      printf "|---|"; for (i = 1; i <= ne; i++) printf "---|"; print "---|"
      for (j = 1; j <= nq; j++) {
        q = qo[j]; printf "| %s |", q
        for (i = 1; i <= ne; i++) printf " %.1f (%.1f) |", median(v[eo[i], q]) / 1000, median(c[eo[i], q]) / 1000
        printf " %.2f× / %.2f× |\n", median(v["searcher", q]) / median(v["raw-xapian", q]), median(c["searcher", q]) / median(c["raw-xapian", q])
      }
      printf "| **median over queries** |"
      for (i = 1; i <= ne; i++) printf " **%.1f (%.1f)** |", median(all[eo[i]]) / 1000, median(allc[eo[i]]) / 1000
      printf " %.2f× / %.2f× |\n", median(all["searcher"]) / median(all["raw-xapian"]), median(allc["searcher"]) / median(allc["raw-xapian"])
    }' "$res/proc.tsv"
  echo
  fi
  if [ "$skip_search" = 1 ]; then
    echo "(search not measured: --skip-search)"
  else
  echo "### Checks: counts and top-10 overlap (round 1)"
  echo
  echo "Counts are exact match counts; overlap@10 is how many of Dateline's top 10 (without synonyms"
  echo "and collapsing: dateline-plain) the other engine also returns.  dateline (defaults) folds"
  echo "near-duplicates and expands synonyms, so its counts may differ."
  echo
  echo "| query | check | dateline (defaults) | dateline-plain | raw (same index) | raw (own index) | fts5 | overlap@10 raw-same | raw-own | fts5 | verdict |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' -v qfile="$queries" '
    BEGIN { while ((getline line < qfile) > 0) { if (line ~ /^#/) continue; split(line, f, "\t"); check[f[1]] = f[8] } }
    $2 == 1 && $3 == "hits" {
      e = $4; q = $5
      if (!(q in sq)) { sq[q] = 1; qo[++nq] = q }
      count[e, q] = $6; ids[e, q] = $7
    }
    function overlap(a, b,   x, y, n, i, j, k, m) {
      if (a == "-" || b == "-") return (a == b) ? "10" : "0"
      n = split(a, x, ","); m = split(b, y, ","); k = 0
      for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) if (x[i] == y[j]) k++
      return k
    }
    END {
      bad = 0
      for (j = 1; j <= nq; j++) {
        q = qo[j]; dd = count["dateline", q]; d = count["dateline-plain", q]
        rs = count["raw-same-index", q]; ro = count["raw-own-index", q]; ft = count["fts5", q]
        o1 = overlap(ids["dateline-plain", q], ids["raw-same-index", q])
        o2 = overlap(ids["dateline-plain", q], ids["raw-own-index", q])
        o3 = overlap(ids["dateline-plain", q], ids["fts5", q])
        expect = (d < 10 ? d : 10)
        verdict = "ok"
        if (check[q] == "none") verdict = "not compared"
        else {
          if (d != rs) verdict = "DISAGREE: count vs raw on the same index"
          else if (o1 < expect - 2) verdict = "DISAGREE: top 10 vs raw on the same index"
          else if (check[q] == "count" && ((ft == 0) != (ro == 0) || (ro > 0 && (ft / ro > 1.5 || ft / ro < 0.67))))
            verdict = "DISAGREE: FTS5 count off by more than 50%"
        }
        if (verdict ~ /DISAGREE/) bad++
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", q, check[q], dd, d, rs, ro, ft, o1, o2, o3, verdict
      }
      exit bad > 0
    }' "$res/search.tsv" || fail "[$corpus] results disagree (see the Checks table)"
  fi
  if [ -s "$res/sync.tsv" ]; then
    echo
    echo "### Sync (Dateline, one run each)"
    echo
    echo "| step | wall s | CPU s | peak RSS MB |"
    echo "|---|---|---|---|"
    awk -F'\t' '$2 ~ /^sync/ {printf "| %s | %.2f | %.2f | %.0f |\n", $2, $4, $5 + $6, $7 / 1024}' "$res/index.tsv"
    awk -F'\t' '{printf "\nThe 1%% change: %d of %d files edited (one word each, %d bytes of files).\n", $3, $2, $4}' "$res/sync.tsv"
    if [ -s "$res/sync-1pct-summary.txt" ]; then
      echo "Its summary: \`$(cat "$res/sync-1pct-summary.txt")\`"
    fi
  fi
  return 0
}

# ------------------------------------------------------------------ main
# (A function, called on the last line, so that editing this file while a
# long run is going does not change what the run executes.)
main() {
echo "# Dateline speed benchmark"
echo
echo "\`bench/speed/run.sh $( [ "$quick" = 1 ] && echo --quick ) --articles $articles --corpora $corpora --rounds $rounds --parallel $parallel\`"
echo
machine
echo
IFS=',' read -r -a corpus_list <<<"$corpora"
for c in "${corpus_list[@]}"; do
  case "$c" in
    reuters)
      if [ ! -d "$shared/reuters21578" ]; then
        note "no $shared/reuters21578: Reuters skipped"
        continue
      fi
      if [ "$quick" = 1 ]; then
        # One file; `rebuild` takes a folder, so a folder holding a link to it.
        corpus_dir="$work/reuters-quick"
        mkdir -p "$corpus_dir"
        ln -sf "$shared/reuters21578/reut2-000.sgm" "$corpus_dir/reut2-000.sgm"
        corpus_paths=("$shared/reuters21578/reut2-000.sgm")
      else
        corpus_dir="$shared/reuters21578"
        corpus_paths=("$corpus_dir")
      fi
      queries="$here/queries/reuters.tsv"
      run_corpus reuters
      ;;
    synth)
      synth="$work/synth-$articles"
      if ! grep -q "^articles $articles\$" "$synth/MANIFEST.txt" 2>/dev/null ||
         ! grep -q "^$("$bin/synth_corpus" --version)\$" "$synth/MANIFEST.txt"; then
        note "generating $articles synthetic articles in $synth"
        rm -rf "$synth"
        "$bin/synth_corpus" --articles "$articles" --out "$synth" >/dev/null
      fi
      corpus_dir="$synth/articles"
      corpus_paths=("$corpus_dir")
      queries="$synth/queries.tsv"
      run_corpus "synth-$articles"
      ;;
    *) fail "unknown corpus $c" ;;
  esac
done

if [ "$failures" -gt 0 ]; then
  note "$failures failure(s)"
  exit 1
fi
note "all engines ran and agreed"
}

main; exit $?

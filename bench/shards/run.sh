#!/usr/bin/env bash
# Shard benchmark: what searching shards costs.  Whole-process search latency
# (`searcher`, warm, timed by proc_latency) on Reuters-21578 indexed as one
# merged index and as 1, 2 and 4 shards, each shard set searched locally
# (a stub file of `auto /path` lines) and over loopback (a stub file of
# `remote 127.0.0.1:PORT` lines, one xapian-tcpsrv per shard), in the same
# run, the configurations interleaved query by query so that the machine's
# noise hits all of them alike; then the same in one process
# (dateline_engine_bench), each configuration's shards opened once.  Checks
# first that every configuration returns the same top 20 as the merged
# index.  See bench/README.md and docs/BENCHMARKS.md.
#
#   bench/shards/run.sh [--quick] [--shards LIST] [--runs N] [--warmup W]
#                       [--rounds R] [--local-only] [--work DIR] [--build DIR]
#                       [--build-retries N] [--searcher PATH]
#
#   --quick        smoke run: the first 4 Reuters files (the fewest that make
#                  4 shards of whole files), 1 round of 3 runs per query:
#                  about a minute once built
#   --shards L     comma-separated shard counts (default 1,2,4)
#   --runs N       timed runs per query, configuration and round (default
#                  20; 3 with --quick)
#   --warmup W     untimed runs before them (default 3; 1 with --quick)
#   --rounds R     rounds over the whole query mix (default 3; 1 with
#                  --quick); per-query figures are medians over rounds
#   --local-only   skip the remote configurations (no xapian-tcpsrv)
#   --work DIR     indexes, stub files and results (default
#                  /tmp/dateline-bench-shards; never inside the repository)
#   --build DIR    CMake build folder (default /tmp/dateline-bench-build,
#                  Release, shared with bench/speed/run.sh)
#   --build-retries N  retry a failed build N times, a minute apart (for a
#                  tree that others are editing; default 0)
#   --searcher P   check and time this searcher binary instead of building
#                  one (e.g. another build's); the indexer is still built here
#
# Configurations: `merged` (one index of every file), `local-N` and
# `remote-N` for each N of --shards.  The files are split in order into N
# contiguous groups of about equal bytes, one `indexer add` per shard; the
# one-shard set is the merged index itself (behind a stub, or served by one
# xapian-tcpsrv), so local-1 and remote-1 measure the stub and the network
# alone.  Indexes are reused by later runs while the indexer binary and the
# file list are unchanged.
#
# Prints Markdown tables (also saved as WORK/results/<time>/report.md, with
# the raw proc_latency rows in proc.tsv and each configuration's top 20 per
# query under ids/) and exits non-zero when a configuration fails or returns
# results that differ from the merged index's beyond tie-breaking.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared="$repo/../shared/data"
queries="$repo/bench/speed/queries/reuters.tsv"

quick=0
shard_counts="1,2,4"
runs=""
warmup=""
rounds=""
local_only=0
work=/tmp/dateline-bench-shards
build=/tmp/dateline-bench-build
build_retries=0
searcher_given=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --shards) shard_counts=$2; shift ;;
    --runs) runs=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    --local-only) local_only=1 ;;
    --work) work=$2; shift ;;
    --build) build=$2; shift ;;
    --build-retries) build_retries=$2; shift ;;
    --searcher) searcher_given=$2; shift ;;
    -h|--help) sed -n '2,46p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$quick" = 1 ]; then
  : "${runs:=3}" "${warmup:=1}" "${rounds:=1}"
  n_files=4
  inproc_reps=5
else
  : "${runs:=20}" "${warmup:=3}" "${rounds:=3}"
  n_files=0  # all
  inproc_reps=50
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)
case "$work/" in
  "$repo"/*) echo "run.sh: --work must be outside the repository ($repo)" >&2; exit 2 ;;
esac

failures=0
fail() { echo "run.sh: FAIL: $*" >&2; failures=$((failures + 1)); }
note() { echo "run.sh: $*" >&2; }

# ------------------------------------------------------------------ servers
# Every xapian-tcpsrv this script starts, stopped (with the connection
# handlers it forked: each server leads a process group of its own, see
# start_server) however the script ends.
server_pids=()
cleanup() {
  local pid child deadline
  for pid in "${server_pids[@]}"; do
    for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do kill "$child" 2>/dev/null || true; done
    kill "$pid" 2>/dev/null || true
  done
  # Each gets 5 s to go, then SIGKILL.
  deadline=$((SECONDS + 5))
  for pid in "${server_pids[@]}"; do
    while is_server "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.05; done
    if is_server "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
  done
  server_pids=()
}
# is_server PID: PID is a live (not zombie) xapian-tcpsrv.
is_server() {
  [ "$(ps -o stat=,comm= -p "$1" 2>/dev/null | awk '{ print ($1 ~ /^Z/) ? "" : $2 }')" = xapian-tcpsrv ]
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# start_server DB LOG: serves DB on a free loopback port; sets $server_port.
# Polls until the server accepts a connection; a server that dies first
# (the port was taken meanwhile) is replaced by one on another port.
server_port=""
start_server() {
  local db=$1 log=$2 port pid attempt deadline
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; then continue; fi
    echo "== $db on port $port (attempt $attempt)" >>"$log"
    # In a process group of its own: on SIGTERM xapian-tcpsrv signals its
    # whole process group (to stop the handlers it forked), which would
    # otherwise be this script's.
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$db" >>"$log" 2>&1 &
    pid=$!
    server_pids+=("$pid")
    deadline=$((SECONDS + 10))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        server_port=$port
        return 0
      fi
      sleep 0.05
    done
    if is_server "$pid"; then kill "$pid" 2>/dev/null || true; fi
  done
  return 1
}

# ------------------------------------------------------------------ helpers
# shellcheck source=bench/speed/query_args.sh
. "$here/../speed/query_args.sh"

# split_files N: the corpus files, in order, as N contiguous groups of about
# equal bytes; prints "GROUP PATH" lines (groups 1..N).  A file goes to the
# group its middle byte falls in.
split_files() {
  local n=$1 f
  for f in "${corpus_files[@]}"; do printf '%s %s\n' "$(stat -c %s "$f")" "$f"; done |
    awk -v n="$n" '
      { size[NR] = $1; path[NR] = $2; total += $1 }
      END {
        for (i = 1; i <= NR; i++) {
          g = int((cum + size[i] / 2) * n / total) + 1; if (g > n) g = n
          cum += size[i]; print g, path[i]
        }
      }'
}

# build_index DIR FILES...: `indexer add` of FILES into DIR, unless DIR was
# built from the same files by the same indexer binary.
build_index() {
  local dir=$1; shift
  local manifest
  manifest=$(printf '%s\n' "indexer $indexer_sum" "$@")
  if [ -f "$dir/BENCH-MANIFEST" ] && [ "$(cat "$dir/BENCH-MANIFEST")" = "$manifest" ]; then
    note "reusing $dir ($# files)"
    return 0
  fi
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  local status=0 start=$SECONDS
  "$indexer" add --index "$dir" "$@" >"$dir.log" 2>&1 || status=$?
  if [ "$status" -gt 1 ]; then
    fail "indexer add --index $dir exited $status: $(tail -3 "$dir.log" | tr '\n' ' ')"
    return 1
  fi
  note "indexed $dir: $# files in $((SECONDS - start)) s: $(tail -1 "$dir.log")"
  printf '%s\n' "$manifest" >"$dir/BENCH-MANIFEST"
}

# search CONFIG QUERY_NAME ARGS...: the searcher on CONFIG's target with the
# query's arguments after ARGS.
search() {
  local config=$1 name=$2; shift 2
  local qargs
  mapfile -t qargs <<<"${query_of[$name]}"
  "$searcher" --index "${target[$config]}" "$@" "${qargs[@]}"
}

# top20 CONFIG QUERY_NAME: the top 20 ids into $res/ids/CONFIG/QUERY_NAME;
# a failure's first stderr line into $res/ids/CONFIG/QUERY_NAME.err.
top20() {
  local config=$1 name=$2 status=0
  mkdir -p "$res/ids/$config"
  search "$config" "$name" --format ids -n 20 >"$res/ids/$config/$name" 2>"$res/ids/$config/$name.err" ||
    status=$?
  [ "$status" -le 1 ]
}

# keys CONFIG QUERY_NAME: "id<TAB>key" for the top 20, key being what the
# order is by: the score, or the date for a query sorted by date.
keys() {
  local config=$1 name=$2 by=score
  [ "${sort_of[$name]}" = relevance ] || by="date"
  search "$config" "$name" --json -n 20 2>/dev/null |
    awk -v by="$by" '
      match($0, /"id":"[^"]*"/) {
        id = substr($0, RSTART + 6, RLENGTH - 7); key = "?"
        if (by == "score" && match($0, /"score":[-0-9.eE+]+/)) key = substr($0, RSTART + 8, RLENGTH - 8)
        if (by == "date" && match($0, /"date":"[^"]*"/)) key = substr($0, RSTART + 8, RLENGTH - 9)
        print id "\t" key
      }' || true
}

median_awk='
  function median(list,   a, k, i, j, t) {
    k = split(list, a, " ")
    if (k == 0) return -1
    for (i = 2; i <= k; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
  }'

# ------------------------------------------------------------------ checks
# Every configuration's top 20, query by query, against the merged index's.
# Verdicts: same; tie (same length and the same score -- or date, when
# sorted by date -- at every rank: only documents of equal keys changed
# places, which Xapian may order differently when the documents live in
# different shards); differ (fails the run); failed (the searcher exited
# with an error: the configuration is not measured).
check_configs() {
  local config name verdict shown
  : >"$res/checks.tsv"
  : >"$res/differences.txt"
  for name in "${names[@]}"; do
    top20 merged "$name" || { fail "merged: $name: $(head -1 "$res/ids/merged/$name.err")"; failed[merged]=1; }
  done
  [ -z "${failed[merged]:-}" ] || return 0
  for config in "${configs[@]}"; do
    [ "$config" = merged ] && continue
    shown=0
    for name in "${names[@]}"; do
      if ! top20 "$config" "$name"; then
        failed[$config]="$(head -1 "$res/ids/$config/$name.err")"
        printf '%s\t%s\tfailed\t%s\n' "$config" "$name" "${failed[$config]}" >>"$res/checks.tsv"
        fail "$config: the searcher failed on $name: ${failed[$config]}"
        break
      fi
      if cmp -s "$res/ids/merged/$name" "$res/ids/$config/$name"; then
        printf '%s\t%s\tsame\n' "$config" "$name" >>"$res/checks.tsv"
        continue
      fi
      keys merged "$name" >"$res/ids/merged/$name.keys"
      keys "$config" "$name" >"$res/ids/$config/$name.keys"
      verdict=$(paste "$res/ids/merged/$name.keys" "$res/ids/$config/$name.keys" | awk -F'\t' '
        $1 == "" || $3 == "" || $2 == "?" || $4 == "?" { bad = 1; next }
        $2 != $4 {
          a = $2 + 0; b = $4 + 0; d = a - b; if (d < 0) d = -d
          if ($2 ~ /T/ || d > 1e-9 * (a < 0 ? -a : a) + 1e-12) bad = 1
        }
        END { print (bad || NR == 0) ? "differ" : "tie" }')
      printf '%s\t%s\t%s\n' "$config" "$name" "$verdict" >>"$res/checks.tsv"
      [ "$verdict" = differ ] && fail "$config: $name: top 20 differs from the merged index's (beyond ties)"
      if [ "$shown" = 0 ]; then
        shown=1
        {
          echo "$config: first difference from merged: query $name ($verdict); rank, merged id and key, $config id and key:"
          paste "$res/ids/merged/$name.keys" "$res/ids/$config/$name.keys" |
            awk -F'\t' '{ printf "  %2d  %-16s %-22s %-16s %s%s\n", NR, $1, $2, $3, $4, ($1 != $3 ? "  <" : "") }'
        } | tee -a "$res/differences.txt" | sed '1s/^/run.sh: /' >&2
      fi
    done
  done
}

checks_report() {
  echo "### Checks: top 20 against the merged index"
  echo
  echo "same: identical ids in identical order; tie: the lists differ only where documents of equal"
  echo "score (or equal date, for a query sorted by date) changed places; differ: anything else"
  echo "(fails the run); failed: the searcher exited with an error."
  echo
  echo "| configuration | same | tie | differ | queries that differ |"
  echo "|---|---|---|---|---|"
  awk -F'\t' -v order="${configs[*]}" '
    { n[$1, $3]++; if ($3 == "tie" || $3 == "differ") list[$1] = list[$1] (list[$1] == "" ? "" : ", ") $2 " (" $3 ")"
      if ($3 == "failed") msg[$1] = $4 }
    END {
      k = split(order, o, " ")
      for (i = 1; i <= k; i++) {
        c = o[i]; if (c == "merged") continue
        if (c in msg) { printf "| %s | failed: %s | | | |\n", c, msg[c]; continue }
        printf "| %s | %d | %d | %d | %s |\n", c, n[c, "same"], n[c, "tie"], n[c, "differ"], list[c]
      }
    }' "$res/checks.tsv"
  if [ -s "$res/differences.txt" ]; then
    echo
    echo "The first difference of each configuration (\"<\" marks the ranks that differ):"
    echo
    echo '```'
    cat "$res/differences.txt"
    echo '```'
  fi
}


# ------------------------------------------------------------------ timing
# Each round, each query: every configuration that has not failed, in an
# order rotated from query to query and round to round, `runs` timed runs
# of the whole searcher process (after `warmup` untimed ones).  Rows:
# round config query class, then proc_latency's p50 p95 p99 mean n
# cpu-p50 cpu-p95 cpu-p99 (µs).  (The CPU is the searcher process's own.
# xapian-tcpsrv serves each connection in a forked child whose CPU time
# never reaches the server's own accounting -- its cutime stays 0 -- so
# the servers' share is not measured.)
measure() {
  local round qi ci k config name line nc=${#configs[@]} qargs
  : >"$res/proc.tsv"
  for round in $(seq 1 "$rounds"); do
    note "round $round of $rounds: ${#names[@]} queries × ${#configs[@]} configurations × ($warmup + $runs) runs"
    qi=0
    for name in "${names[@]}"; do
      mapfile -t qargs <<<"${query_of[$name]}"
      for ((k = 0; k < nc; k++)); do
        ci=$(( (k + qi + round) % nc ))
        config=${configs[$ci]}
        [ -z "${failed[$config]:-}" ] || continue
        if line=$("$proc_latency" --runs "$runs" --warmup "$warmup" --label "$config/$name" -- \
                    "$searcher" --index "${target[$config]}" --color never "${qargs[@]}" 2>"$res/proc.err"); then
          printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$config" "$name" "${class_of[$name]}" \
            "$(printf '%s\n' "$line" | cut -f3-)" >>"$res/proc.tsv"
        else
          failed[$config]="timing $name: $(head -1 "$res/proc.err")"
          fail "$config: ${failed[$config]}"
        fi
      done
      qi=$((qi + 1))
    done
  done
}

# ------------------------------------------------------------------ in process
# Dateline's own query path inside one process (dateline_engine_bench:
# build_query, run_search, the spelling probe, snippets for the page), each
# configuration's shards opened once: the cost of scatter-gather without a
# process start or a connection set-up per search.  Rows: config query p50
# p95 (µs, over `inproc_reps` repetitions of the mix).
inprocess() {
  local config
  : >"$res/inprocess.tsv"
  : >"$res/inprocess-raw.tsv"
  for config in "${configs[@]}"; do
    [ -z "${failed[$config]:-}" ] || continue
    if ! "$engine_bench" --index "${target[$config]}" --queries "$queries" --reps "$inproc_reps" \
        >"$res/inprocess-$config.out" 2>"$res/inprocess.err"; then
      fail "$config: in process: $(head -1 "$res/inprocess.err")"
      continue
    fi
    awk -F'\t' -v c="$config" '$1 == "latency" && $2 == "dateline" && $3 != "ALL" { print c "\t" $3 "\t" $5 "\t" $6 }' \
      "$res/inprocess-$config.out" >>"$res/inprocess.tsv"
    # The same mix on raw Xapian (bench/speed/raw_xapian_search), which
    # opens the stub itself: what scatter-gather costs Xapian alone.
    if "$raw_search" --index "${target[$config]}" --queries "$queries" --reps "$inproc_reps" \
        >"$res/inprocess-raw-$config.out" 2>"$res/inprocess.err"; then
      awk -F'\t' -v c="$config" '$1 == "latency" && $3 != "ALL" { print c "\t" $3 "\t" $5 "\t" $6 }' \
        "$res/inprocess-raw-$config.out" >>"$res/inprocess-raw.tsv"
    else
      fail "$config: raw Xapian in process: $(head -1 "$res/inprocess.err")"
    fi
  done
}

inprocess_report() {
  [ -s "$res/inprocess.tsv" ] || return 0
  echo "### In one process, shards opened once (µs)"
  echo
  echo "Dateline's query path (dateline_engine_bench: query, search, spelling probe, snippets) and,"
  echo "for reference, raw Xapian's (raw_xapian_search: query, search, snippets) over the same"
  echo "query mix, $inproc_reps repetitions: per query p50 and p95, then the median over the"
  echo "${#names[@]} queries; ratios to \`merged\`."
  echo
  echo "Dateline:"
  echo
  inprocess_table "$res/inprocess.tsv"
  if [ -s "$res/inprocess-raw.tsv" ]; then
    echo
    echo "Raw Xapian:"
    echo
    inprocess_table "$res/inprocess-raw.tsv"
  fi
}

inprocess_table() {
  echo "| configuration | p50 | p95 | p50 vs merged | p95 vs merged |"
  echo "|---|---|---|---|---|"
  awk -F'\t' -v order="${configs[*]}" "$median_awk"'
    { a50[$1] = a50[$1] " " $3; a95[$1] = a95[$1] " " $4 }
    END {
      k = split(order, o, " ")
      b50 = median(a50["merged"]); b95 = median(a95["merged"])
      for (i = 1; i <= k; i++) {
        c = o[i]
        if (!(c in a50)) { printf "| %s | not measured | | | |\n", c; continue }
        m50 = median(a50[c]); m95 = median(a95[c])
        printf "| %s | %.0f | %.0f | %s | %s |\n", c, m50, m95,
          (b50 > 0) ? sprintf("%.2f×", m50 / b50) : "", (b95 > 0) ? sprintf("%.2f×", m95 / b95) : ""
      }
    }' "$1"
}

# ------------------------------------------------------------------ report
machine() {
  echo "| | |"
  echo "|---|---|"
  echo "| CPU | $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') |"
  echo "| kernel / OS | $(uname -r) / Debian $(cat /etc/debian_version 2>/dev/null || echo '?') |"
  echo "| Xapian | $(dpkg-query -W -f='${Version}' libxapian30 2>/dev/null || echo '?'), xapian-tcpsrv $(xapian-tcpsrv --version 2>/dev/null | awk '{print $NF; exit}') |"
  echo "| Dateline | $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -n "$(git -C "$repo" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ] && echo ' + uncommitted changes') |"
  echo "| build | $(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2) |"
  [ -z "$searcher_given" ] || echo "| searcher | $searcher (--searcher) |"
  echo "| corpus | Reuters-21578, ${#corpus_files[@]} files, $(du -cb "${corpus_files[@]}" | tail -1 | cut -f1 | awk '{printf "%.1f", $1 / 1e6}') MB |"
  echo "| load at start | $load_start |"
  echo "| load at end | $(cut -d' ' -f1-3 /proc/loadavg) |"
}

report() {
  echo "# Dateline shard benchmark"
  echo
  echo "\`bench/shards/run.sh$( [ "$quick" = 1 ] && echo ' --quick') --shards $shard_counts --runs $runs --warmup $warmup --rounds $rounds$( [ "$local_only" = 1 ] && echo ' --local-only')$( [ -n "$searcher_given" ] && echo " --searcher $searcher_given")\`"
  echo
  machine
  echo
  echo "Shard sets (files split in order, about equal bytes; the 1-shard set is the merged index):"
  echo
  cat "$res/shards.md"
  echo
  checks_report
  echo
  if [ ! -s "$res/proc.tsv" ]; then
    echo "(nothing timed)"
    return 0
  fi
  echo "### Whole searcher process, warm (ms)"
  echo
  echo "Per query: median over $rounds round(s) of proc_latency's p50 and p95 over $runs runs;"
  echo "over the mix: median of those over the ${#names[@]} queries.  Ratios and differences are to"
  echo "\`merged\`.  CPU: the searcher process's own (user + system, median as above), steadier"
  echo "than wall time on a loaded machine; for a remote configuration it leaves out the work"
  echo "of the xapian-tcpsrv processes, which the wall time includes."
  echo
  echo "| configuration | shards | where | p50 | p95 | p50 vs merged | p95 vs merged | p50 − merged | CPU p50 | CPU vs merged |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' -v order="${configs[*]}" -v part=summary "$median_awk$report_awk" "$res/failed.tsv" "$res/proc.tsv"
  if awk -F'\t' '$4 != "" && $4 != "-" { found = 1 } END { exit !found }' "$res/proc.tsv"; then
    echo
    echo "Per query class (wall p50 ms, median over the class's queries; its ratio to merged; the"
    echo "same ratio for the searcher's CPU):"
    echo
    awk -F'\t' -v order="${configs[*]}" -v part=class "$median_awk$report_awk" "$res/failed.tsv" "$res/proc.tsv"
  fi
  echo
  echo "Per query (wall p50 ms; its ratio to merged; the same ratio for the searcher's CPU):"
  echo
  awk -F'\t' -v order="${configs[*]}" -v part=query "$median_awk$report_awk" "$res/failed.tsv" "$res/proc.tsv"
  echo
  inprocess_report
}

# shellcheck disable=SC2016
report_awk='
  FILENAME == ARGV[1] { fmsg[$1] = $2; next }
  {
    c = $2; q = $3
    if (!(q in sq)) { sq[q] = 1; qo[++nq] = q; cls[q] = $4; if (!($4 in scl)) { scl[$4] = 1; clo[++ncl] = $4 } }
    p50[c, q] = p50[c, q] " " $5; p95[c, q] = p95[c, q] " " $6; cpu[c, q] = cpu[c, q] " " $10
  }
  function ok(c) { return !(c in fmsg) && a50[c] != "" }
  function cell(c, list, clist, b,   v, cv) {
    v = median(list); cv = median(clist)
    if (b == "" || !ok(b) || bw[b] <= 0) return sprintf("%.1f", v / 1000)
    if (bc[b] <= 0) return sprintf("%.1f (%.2f×)", v / 1000, v / bw[b])
    return sprintf("%.1f (%.2f×; CPU %.2f×)", v / 1000, v / bw[b], cv / bc[b])
  }
  END {
    k = split(order, o, " ")
    for (i = 1; i <= k; i++) {
      c = o[i]
      for (j = 1; j <= nq; j++) {
        q = qo[j]
        if (!((c, q) in p50)) continue
        m50[c, q] = median(p50[c, q]); m95[c, q] = median(p95[c, q]); mc[c, q] = median(cpu[c, q])
        mt[c, q] = mc[c, q]
        a50[c] = a50[c] " " m50[c, q]; a95[c] = a95[c] " " m95[c, q]; ac[c] = ac[c] " " mc[c, q]
        at[c] = at[c] " " mt[c, q]
        cl[c, cls[q]] = cl[c, cls[q]] " " m50[c, q]; clt[c, cls[q]] = clt[c, cls[q]] " " mt[c, q]
      }
      A50[c] = median(a50[c]); A95[c] = median(a95[c]); AC[c] = median(ac[c]); AT[c] = median(at[c])
    }
    b = "merged"
    if (part == "summary") {
      for (i = 1; i <= k; i++) {
        c = o[i]; n = c; sub(/^[a-z]*-/, "", n); w = c; sub(/-.*/, "", w)
        if (c == b) { n = "1 (one index)"; w = "local" }
        if (c in fmsg) { printf "| %s | %s | %s | failed: %s | | | | | | |\n", c, n, w, fmsg[c]; continue }
        if (!ok(c)) { printf "| %s | %s | %s | not measured | | | | | | |\n", c, n, w; continue }
        printf "| %s | %s | %s | %.1f | %.1f | %s | %s | %s | %.1f | %s |\n", c, n, w, A50[c] / 1000, A95[c] / 1000,
          ok(b) ? sprintf("%.2f×", A50[c] / A50[b]) : "", ok(b) ? sprintf("%.2f×", A95[c] / A95[b]) : "",
          ok(b) ? sprintf("%+.1f", (A50[c] - A50[b]) / 1000) : "", AC[c] / 1000,
          (ok(b) && AT[b] > 0) ? sprintf("%.2f×", AT[c] / AT[b]) : ""
      }
    } else if (part == "class") {
      printf "| class | queries |"; for (i = 1; i <= k; i++) if (ok(o[i])) printf " %s |", o[i]; print ""
      printf "|---|---|"; for (i = 1; i <= k; i++) if (ok(o[i])) printf "---|"; print ""
      for (j = 1; j <= ncl; j++) {
        x = clo[j]; nqc = 0; for (q in cls) if (cls[q] == x) nqc++
        printf "| %s | %d |", x, nqc
        bw[b] = median(cl[b, x]); bc[b] = median(clt[b, x])
        for (i = 1; i <= k; i++) if (ok(o[i])) printf " %s |", cell(o[i], cl[o[i], x], clt[o[i], x], b)
        print ""
      }
    } else {
      printf "| query | class |"; for (i = 1; i <= k; i++) if (ok(o[i])) printf " %s |", o[i]; print ""
      printf "|---|---|"; for (i = 1; i <= k; i++) if (ok(o[i])) printf "---|"; print ""
      for (j = 1; j <= nq; j++) {
        q = qo[j]; printf "| %s | %s |", q, cls[q]
        bw[b] = ((b, q) in m50) ? m50[b, q] : 0; bc[b] = ((b, q) in mt) ? mt[b, q] : 0
        for (i = 1; i <= k; i++) if (ok(o[i])) printf " %s |", ((o[i], q) in m50) ? cell(o[i], m50[o[i], q], mt[o[i], q], b) : ""
        print ""
      }
    }
  }'

# ------------------------------------------------------------------ main
# (A function, called on the last line, so that editing this file while a
# run is going does not change what the run executes.)
main() {
  if [ ! -d "$shared/reuters21578" ]; then
    note "no $shared/reuters21578: nothing to measure (skipped)"
    exit 0
  fi
  command -v xapian-tcpsrv >/dev/null || [ "$local_only" = 1 ] ||
    { echo "run.sh: xapian-tcpsrv not found (apt-get install xapian-tools), or use --local-only" >&2; exit 2; }
  command -v ss >/dev/null && command -v setsid >/dev/null || [ "$local_only" = 1 ] ||
    { echo "run.sh: ss or setsid not found (apt-get install iproute2 util-linux)" >&2; exit 2; }

  # Build.
  note "building in $build"
  if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DDATELINE_TESTS=OFF >/dev/null
  fi
  local attempt=0
  local targets=(indexer proc_latency dateline_engine_bench raw_xapian_search)
  [ -n "$searcher_given" ] || targets+=(searcher)
  until cmake --build "$build" -j2 --target "${targets[@]}" >"$work/build.log" 2>&1; do
    if [ "$attempt" -ge "$build_retries" ]; then
      tail -30 "$work/build.log" >&2
      echo "run.sh: the build failed (log: $work/build.log)" >&2
      exit 2
    fi
    attempt=$((attempt + 1))
    note "the build failed; retrying in 60 s ($attempt of $build_retries)"
    sleep 60
  done
  indexer="$build/indexer/indexer"
  searcher="$build/searcher/searcher"
  if [ -n "$searcher_given" ]; then
    searcher=$(cd "$(dirname "$searcher_given")" && pwd)/$(basename "$searcher_given")
    [ -x "$searcher" ] || { echo "run.sh: --searcher $searcher_given: not an executable" >&2; exit 2; }
  fi
  proc_latency="$build/bench/speed/proc_latency"
  engine_bench="$build/bench/speed/dateline_engine_bench"
  raw_search="$build/bench/speed/raw_xapian_search"
  indexer_sum=$(md5sum "$indexer" | cut -d' ' -f1)
  load_start=$(cut -d' ' -f1-3 /proc/loadavg)

  # Corpus and results folder.
  mapfile -t corpus_files < <(find "$shared/reuters21578" -maxdepth 1 -name 'reut2-*.sgm' | sort)
  if [ "${#corpus_files[@]}" = 0 ]; then
    note "no reut2-*.sgm in $shared/reuters21578: nothing to measure (skipped)"
    exit 0
  fi
  if [ "$n_files" -gt 0 ] && [ "${#corpus_files[@]}" -gt "$n_files" ]; then
    corpus_files=("${corpus_files[@]:0:$n_files}")
  fi
  local ns n k
  IFS=',' read -r -a ns <<<"$shard_counts"
  for n in "${ns[@]}"; do
    case "$n" in ''|*[!0-9]*|0) echo "run.sh: --shards: not a shard count: $n" >&2; exit 2 ;; esac
    if [ "$n" -gt "${#corpus_files[@]}" ]; then
      echo "run.sh: $n shards need at least $n files (have ${#corpus_files[@]})" >&2; exit 2
    fi
  done
  local stamp
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  res="$work/results/$stamp"
  mkdir -p "$res" "$work/stubs" "$work/indexes"
  : >"$res/failed.tsv"

  # Indexes: the merged one, then each shard set.
  declare -gA target=() failed=() query_of=() sort_of=() class_of=()
  declare -gA shard_dirs=()
  build_index "$work/indexes/merged" "${corpus_files[@]}" || exit 1
  {
    echo "| shards | per shard: files, MB |"
    echo "|---|---|"
  } >"$res/shards.md"
  for n in "${ns[@]}"; do
    if [ "$n" = 1 ]; then
      shard_dirs[$n]="$work/indexes/merged"
      echo "| 1 | ${#corpus_files[@]}, $(du -cb "${corpus_files[@]}" | tail -1 | awk '{printf "%.1f", $1 / 1e6}') |" >>"$res/shards.md"
      continue
    fi
    split_files "$n" >"$res/split-$n.txt"
    local dirs=() sizes=() group
    for ((k = 1; k <= n; k++)); do
      mapfile -t group < <(awk -v k="$k" '$1 == k { print $2 }' "$res/split-$n.txt")
      build_index "$work/indexes/shards-$n/shard-$k" "${group[@]}" || exit 1
      dirs+=("$work/indexes/shards-$n/shard-$k")
      sizes+=("${#group[@]}, $(du -cb "${group[@]}" | tail -1 | awk '{printf "%.1f", $1 / 1e6}')")
    done
    shard_dirs[$n]="${dirs[*]}"
    echo "| $n | $(printf '%s; ' "${sizes[@]}" | sed 's/; $//') |" >>"$res/shards.md"
  done

  # Configurations: stub files, and the servers for the remote ones.
  configs=(merged)
  target[merged]="$work/indexes/merged"
  local dir
  for n in "${ns[@]}"; do
    {
      echo "# bench/shards/run.sh: $n local shard(s)"
      for dir in ${shard_dirs[$n]}; do echo "auto $dir"; done
    } >"$work/stubs/local-$n"
    configs+=("local-$n")
    target[local-$n]="$work/stubs/local-$n"
  done
  if [ "$local_only" = 0 ]; then
    for n in "${ns[@]}"; do
      echo "# bench/shards/run.sh: $n shard(s) served by xapian-tcpsrv on loopback" >"$work/stubs/remote-$n"
      for dir in ${shard_dirs[$n]}; do
        # xapian-tcpsrv opens a Dateline index folder itself (through the
        # folder's XAPIANDB stub naming its live generation).
        if ! start_server "$dir" "$res/tcpsrv.log"; then
          fail "remote-$n: xapian-tcpsrv did not start for $dir (log: $res/tcpsrv.log)"
          failed[remote-$n]="xapian-tcpsrv did not start"
          break
        fi
        echo "remote 127.0.0.1:$server_port" >>"$work/stubs/remote-$n"
      done
      configs+=("remote-$n")
      target[remote-$n]="$work/stubs/remote-$n"
    done
    note "started ${#server_pids[@]} xapian-tcpsrv (stubs in $work/stubs)"
  fi

  # The query mix.
  mapfile -t names < <(awk -F'\t' '!/^#/ && $1 != "name" && NF > 1 { print $1 }' "$queries")
  local name
  for name in "${names[@]}"; do
    query_of[$name]=$(query_args "$name")
    sort_of[$name]=$(awk -F'\t' -v q="$name" '$1 == q { print ($7 == "" || $7 == "-") ? "relevance" : $7 }' "$queries")
    class_of[$name]=$(awk -F'\t' -v q="$name" '$1 == q { print $2 }' "$queries")
  done

  note "checking that ${#configs[@]} configurations agree on ${#names[@]} queries"
  check_configs
  if [ -z "${failed[merged]:-}" ]; then
    note "timing whole processes"
    measure
    note "timing in one process"
    inprocess
  fi
  local c
  for c in "${configs[@]}"; do
    [ -z "${failed[$c]:-}" ] || printf '%s\t%s\n' "$c" "${failed[$c]}" >>"$res/failed.tsv"
  done
  cleanup

  report >"$res/report.md"
  cat "$res/report.md"
  note "raw results in $res"
  if [ "$failures" -gt 0 ]; then
    note "$failures failure(s)"
    exit 1
  fi
  note "every configuration ran and agreed with the merged index"
}

main; exit $?
